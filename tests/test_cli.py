"""The command line as a user meets it: exit codes, messages on stderr, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lederplan.cli import main


def run(*args: str, data: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real console entry point in a subprocess (exit codes, stderr, no traceback)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    environ |= {"LANG": "C.UTF-8"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "lederplan", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_version() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0


def test_demo_refuses_to_overwrite_without_force(data: Path, capsys) -> None:
    assert main(["--data-dir", str(data), "--lang", "nb", "demo"]) == 0
    before = (data / "lederplan.json").read_bytes()
    assert main(["--data-dir", str(data), "demo"]) == 1
    assert "--force" in capsys.readouterr().err
    assert (data / "lederplan.json").read_bytes() == before
    assert main(["--data-dir", str(data), "--lang", "en", "demo", "--force"]) == 0
    out = capsys.readouterr().out
    assert "before-demo" in out
    kept = next((data / "backups").glob("*-before-demo.json"))
    assert kept.read_bytes() == before


def test_export_import_into_an_empty_dir_export_is_identical(tmp_path: Path, data: Path) -> None:
    assert main(["--data-dir", str(data), "--lang", "nb", "demo"]) == 0
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["--data-dir", str(data), "export", "-o", str(first)]) == 0
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(first)]) == 0
    assert main(["--data-dir", str(other), "export", "--format", "json", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert (first.stat().st_mode & 0o777, second.stat().st_mode & 0o777) == (0o600, 0o600)


def test_export_to_stdout_and_no_overwrite_without_force(data: Path, tmp_path: Path) -> None:
    run("demo", data=data)
    result = run("export", data=data)
    assert result.returncode == 0
    assert json.loads(result.stdout)["plans"][0]["person"] == "Person X"
    target = tmp_path / "exists.json"
    target.write_text("keep me")
    result = run("export", "-o", str(target), data=data)
    assert result.returncode == 1
    assert "--force" in result.stderr
    assert target.read_text() == "keep me"


def test_bad_import_names_field_and_line_and_writes_nothing(data: Path, tmp_path: Path) -> None:
    run("--lang", "en", "demo", data=data)
    before = (data / "lederplan.json").read_bytes()
    exported = run("export", data=data).stdout
    bad = tmp_path / "bad.json"
    bad.write_text(exported.replace('"status": "todo"', '"status": "later"', 1))
    line = 1 + exported.splitlines().index(
        next(x for x in exported.splitlines() if '"status": "todo"' in x)
    )
    result = run("import", "--force", str(bad), data=data)
    assert result.returncode == 1
    assert f"line {line}" in result.stderr and "status" in result.stderr
    assert "Traceback" not in result.stderr
    assert (data / "lederplan.json").read_bytes() == before
    broken = tmp_path / "broken.json"
    broken.write_text(exported[:200])
    result = run("import", "--force", str(broken), data=data)
    assert result.returncode == 1 and "invalid JSON" in result.stderr
    assert (data / "lederplan.json").read_bytes() == before


def test_import_over_a_plan_needs_force_and_keeps_a_backup(data: Path, tmp_path: Path) -> None:
    run("--lang", "nb", "demo", data=data)
    export = tmp_path / "en.json"
    other = tmp_path / "other"
    run("--lang", "en", "demo", data=other)
    run("export", "-o", str(export), data=other)
    before = (data / "lederplan.json").read_bytes()
    assert run("import", str(export), data=data).returncode == 1
    assert (data / "lederplan.json").read_bytes() == before
    result = run("import", "--force", str(export), data=data)
    assert result.returncode == 0, result.stderr
    kept = next((data / "backups").glob("*-before-import.json"))
    assert kept.read_bytes() == before


def test_corrupt_file_backups_and_restore(data: Path) -> None:
    run("--lang", "en", "demo", data=data)
    assert run("--lang", "nb", "demo", "--force", data=data).returncode == 0
    good = (data / "lederplan.json").read_bytes()
    (data / "lederplan.json").write_bytes(good[: len(good) // 2])
    result = run("export", data=data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "lederplan restore" in result.stderr and str(data / "lederplan.json") in result.stderr
    name = result.stderr.split("lederplan restore ")[1].split()[0]
    listing = run("backups", data=data)
    assert name in listing.stdout
    assert run("restore", name, data=data).returncode == 0
    assert json.loads(run("export", data=data).stdout)["plans"][0]["lang"] == "en"
    assert run("restore", "no-such-backup", data=data).returncode == 1


def test_errors_are_in_the_chosen_language(data: Path) -> None:
    result = run("export", data=data, env={"LEDERPLAN_LANG": "nb"})
    assert result.returncode == 1
    assert "Det finnes ingen plan" in result.stderr
    result = run("--lang", "en", "export", data=data, env={"LEDERPLAN_LANG": "nb"})
    assert "There is no plan" in result.stderr


def test_a_symlinked_data_dir_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    result = run("demo", data=link)
    assert result.returncode == 1
    assert "symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert list(real.iterdir()) == []


def test_the_restore_command_of_a_damage_message_works_as_printed(tmp_path: Path) -> None:
    # Found trying it as a new user: after --data-dir the message said "lederplan restore NAME",
    # which looked in the default directory and found no such backup.
    import shlex

    data = tmp_path / "my data"
    environ = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    environ.pop("LEDERPLAN_DATA_DIR", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "lederplan", *args]
        return subprocess.run(command, capture_output=True, text=True, env=environ, check=False)

    assert run("--data-dir", str(data), "demo").returncode == 0
    assert run("--data-dir", str(data), "demo", "--force").returncode == 0  # a backup
    (data / "lederplan.json").write_text('{"plans": {"1": {}}}')
    failed = run("--data-dir", str(data), "due")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    printed = failed.stderr.rsplit(": ", 1)[1].strip()
    assert printed.startswith("lederplan restore ") and "--data-dir" in printed
    restored = run(*shlex.split(printed)[1:])
    assert restored.returncode == 0, restored.stderr
    assert run("--data-dir", str(data), "due").returncode == 0


@pytest.mark.parametrize(
    ("args", "language"),
    [
        (["demo", "--lang", "en"], "en"),
        (["demo", "--lang=nb"], "nb"),
        (["--lang", "nb", "demo", "--lang", "en"], "en"),  # the one nearest the command wins
    ],
)
def test_lang_and_data_dir_also_after_the_command(
    tmp_path: Path, args: list[str], language: str
) -> None:
    data = tmp_path / "after"
    assert main([*args, "--data-dir", str(data)]) == 0
    plan = json.loads((data / "lederplan.json").read_text())
    assert [row["lang"] for row in plan["plans"].values()] == [language]


def test_the_demo_leaves_the_app_in_its_language(data: Path) -> None:
    """With LANG=C, "lederplan demo --lang nb" then "lederplan" showed a bokmål plan in an
    English app: the demo saves the language it loaded, as L would."""
    from lederplan.store.settings import load_settings

    run("demo", "--lang", "nb", data=data, env={"LANG": "C"})
    assert load_settings(data).get("lang") == "nb"
    run("demo", "--force", "--lang", "en", data=data, env={"LANG": "C"})
    assert load_settings(data).get("lang") == "en"
