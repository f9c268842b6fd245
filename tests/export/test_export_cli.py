"""``lederplan export --format md|html`` as a user meets it: the plan in the plan's language to
stdout or a file, a file made 0600 whatever the umask, and an existing file kept unless --force."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.export.html import export_html
from lederplan.export.markdown import export_markdown

TODAY = "2020-03-01"


def run(*args: str, data: Path, umask: int | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    environ |= {"LANG": "C.UTF-8", "LEDERPLAN_TODAY": TODAY}

    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "lederplan", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
        preexec_fn=set_umask,
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("export-cli") / "data"
    assert run("--lang", "nb", "demo", "--as-in-course", data=directory).returncode == 0
    return directory


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_to_a_file_0600_under_umask_022(data: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"plan.{fmt}"
    result = run(
        "--lang", "en", "export", "--format", fmt, "-o", str(target), data=data, umask=0o022
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    writer = export_markdown if fmt == "md" else export_html
    # In the plan's language (nb), not the UI's (en); today from LEDERPLAN_TODAY.
    assert target.read_text(encoding="utf-8") == writer(demo_plan("nb"), date(2020, 3, 1))
    assert f"Wrote {target}" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_existing_file_needs_force(data: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"exists.{fmt}"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    result = run("export", "--format", fmt, "-o", str(target), data=data)
    assert result.returncode == 1
    assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text() == "keep me"
    result = run("export", "--format", fmt, "-o", str(target), "--force", data=data, umask=0o022)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith(("# ", "<!DOCTYPE html>"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_to_stdout_and_schema_is_json_only(data: Path) -> None:
    result = run("export", "--format", "md", data=data)
    assert result.returncode == 0
    assert result.stdout.startswith("# Individuell utviklingsplan\n")
    assert "| Utviklingsområder | Målformuleringer |" in result.stdout
    result = run("export", "--format", "html", "--schema", data=data)
    assert result.returncode == 1 and "JSON" in result.stderr


def test_no_plan(tmp_path: Path) -> None:
    result = run("export", "--format", "md", data=tmp_path / "empty")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def own_data_targets(data: Path, tmp_path: Path) -> list[Path]:
    """Ways of naming the plan's own data: the file, its lock, a backup, the data directory
    through a symbolic link, and a symbolic link to the data file."""
    (data / "backups").mkdir(mode=0o700, exist_ok=True)
    linked_dir = tmp_path / "linked-data"
    linked_dir.symlink_to(data, target_is_directory=True)
    linked_file = tmp_path / "plan.json"
    linked_file.symlink_to(data / "lederplan.json")
    return [
        data / "lederplan.json",
        data / "lederplan.lock",
        data / "backups" / "lederplan-2020-03-01.json",
        data / "settings.json",
        linked_dir / "lederplan.json",
        linked_file,
    ]


@pytest.mark.parametrize("force", [False, True])
def test_the_plans_own_data_is_refused_even_with_force(
    data: Path, tmp_path: Path, force: bool
) -> None:
    # Found in review: ``-o <data-dir>/lederplan.json --force`` wrote Markdown over the plan.
    before = (data / "lederplan.json").read_bytes()
    settings = (data / "settings.json").read_bytes()  # the demo saved its language
    for target in own_data_targets(data, tmp_path):
        extra = ["--force"] if force else []
        result = run(
            "--lang", "en", "export", "--format", "md", "-o", str(target), *extra, data=data
        )
        assert result.returncode == 1, target
        assert "is the plan's own data" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert (data / "lederplan.json").read_bytes() == before
    assert not (data / "backups" / "lederplan-2020-03-01.json").exists()
    assert (data / "settings.json").read_bytes() == settings
    assert run("export", "--format", "json", data=data).returncode == 0  # still readable


def test_a_missing_folder_is_said_as_such(data: Path, tmp_path: Path) -> None:
    # Found in review: it said "The previous version is intact", of a file that never was.
    target = tmp_path / "no such folder" / "plan.md"
    result = run("--lang", "en", "export", "--format", "md", "-o", str(target), data=data)
    assert result.returncode == 1
    assert f"The folder {target.parent} does not exist" in result.stderr, result.stderr
    assert "intact" not in result.stderr and not target.parent.exists()
