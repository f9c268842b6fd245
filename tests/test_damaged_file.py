"""A damaged data file as every command meets it: one sentence naming the newest good backup and
``lederplan restore``, a non-zero exit, no traceback, the file left byte for byte; ``backups`` and
``restore`` the way out; ``restore``, ``import --force`` and ``demo --force`` keep it as a backup.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.store.store import Store

Tables = dict


def _edit(change: Callable[[Tables], object]) -> Callable[[bytes], bytes]:
    def damage(good: bytes) -> bytes:
        tables = json.loads(good)
        change(tables)
        return json.dumps(tables, ensure_ascii=False).encode()

    return damage


def _first(tables: Tables, table: str) -> dict:
    return next(iter(tables[table].values()))


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "{} as the plan's document": _edit(lambda t: t["plans"].__setitem__("1", {})),
    "an answer without text": _edit(lambda t: _first(t, "answers").pop("text")),
    "a position as text": _edit(lambda t: _first(t, "areas").__setitem__("pos", "0")),
    "a list as plan_id": _edit(lambda t: _first(t, "areas").__setitem__("plan_id", ["x"])),
    "a list as an answer's plan_id": _edit(
        lambda t: _first(t, "answers").__setitem__("plan_id", [])
    ),
    "records without plans": _edit(lambda t: t.pop("plans")),
    "an empty plans table": _edit(lambda t: t.__setitem__("plans", {})),
    "nested 100,000 deep": lambda good: b'{"plans": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "NUL bytes": lambda good: good.replace(b",", b",\x00", 1),
    "truncated": lambda good: good[: len(good) // 2],
    "a status of no meaning": _edit(lambda t: _first(t, "actions").__setitem__("status", "later")),
}
"""Damage that parses and damage that does not; the last is caught by the models (and by
``due``'s own reading), not by the store's shape check."""

COMMANDS: dict[str, list[str]] = {
    "export json": ["export"],
    "export md": ["export", "--format", "md"],
    "due": ["due"],
    "due --json": ["due", "--json"],
    "import-feedback": ["import-feedback", "{csv}"],
}


@pytest.fixture
def plan_dir(tmp_path: Path) -> tuple[Path, str]:
    """A data dir with the example plan and a good session backup; returns it and the name."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--lang", "en", "demo"]) == 0
    backup = Store(data).backup_now("session")
    assert backup is not None
    return data, backup.name


def _damage(data: Path, how: str) -> bytes:
    path = data / "lederplan.json"
    bad = DAMAGE[how](path.read_bytes())
    path.write_bytes(bad)
    return bad


def _args(data: Path, command: str, tmp_path: Path) -> list[str]:
    csv = tmp_path / "feedback.csv"
    csv.write_text("date,source,text\n2027-03-15,peers,Clear\n")
    args = [arg.replace("{csv}", str(csv)) for arg in COMMANDS[command]]
    return ["--data-dir", str(data), "--lang", "en", *args]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("how", list(DAMAGE))
def test_every_reading_command_refuses_a_damaged_file(
    plan_dir: tuple[Path, str], tmp_path: Path, capsys, how: str, command: str
) -> None:
    data, good = plan_dir
    bad = _damage(data, how)
    backups = sorted(os.listdir(data / "backups"))
    capsys.readouterr()

    code = main(_args(data, command, tmp_path))

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    assert err.startswith("lederplan: error: The data file ")
    assert f"lederplan restore {good}" in err, err
    assert (data / "lederplan.json").read_bytes() == bad
    assert sorted(os.listdir(data / "backups")) == backups


@pytest.mark.parametrize("how", ["records without plans", "nested 100,000 deep", "NUL bytes"])
def test_a_real_process_says_one_sentence_and_the_way_out_works(
    plan_dir: tuple[Path, str], how: str
) -> None:
    data, good = plan_dir
    bad = _damage(data, how)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "lederplan", "--data-dir", str(data), "--lang", "en", *args]
        return subprocess.run(argv, capture_output=True, text=True, env=environ, timeout=60)

    for command in (["due"], ["export"]):
        result = run(*command)
        assert (result.returncode, result.stdout) == (1, "")
        assert "Traceback" not in result.stderr
        assert f"lederplan restore {good}" in result.stderr
        assert (data / "lederplan.json").read_bytes() == bad

    listing = run("backups")
    assert listing.returncode == 0 and good in listing.stdout
    restored = run("restore", good)
    assert restored.returncode == 0, restored.stderr
    assert run("export").returncode == 0
    kept = next((data / "backups").glob("*-before-restore.json"))
    assert kept.read_bytes() == bad


@pytest.mark.parametrize(
    ("command", "kind"),
    [(["demo", "--force"], "before-demo"), (["import", "--force", "{export}"], "before-import")],
)
def test_replacing_a_damaged_file_keeps_it_as_a_backup(
    plan_dir: tuple[Path, str], tmp_path: Path, capsys, command: list[str], kind: str
) -> None:
    data, _ = plan_dir
    export = tmp_path / "plan.json"
    assert main(["--data-dir", str(data), "export", "-o", str(export)]) == 0
    bad = _damage(data, "records without plans")
    prefix = ["--data-dir", str(data), "--lang", "en"]
    args = [arg.replace("{export}", str(export)) for arg in command]
    capsys.readouterr()
    # Records without a plan are a damaged plan, not "no plan": never replaced without --force.
    assert main([*prefix, *(arg for arg in args if arg != "--force")]) == 1
    assert "--force" in capsys.readouterr().err
    assert (data / "lederplan.json").read_bytes() == bad

    assert main([*prefix, *args]) == 0
    assert kind in capsys.readouterr().out
    kept = next((data / "backups").glob(f"*-{kind}.json"))
    assert kept.read_bytes() == bad
    assert main([*prefix, "export"]) == 0


def test_an_empty_plans_file_is_no_plan(tmp_path: Path, capsys) -> None:
    # Nothing but empty tables (an import of no plans): no plan yet, not damage.
    data = tmp_path / "data"
    Store(data).replace({"plans": {}, "areas": {}}, "before-import")
    assert main(["--data-dir", str(data), "--lang", "en", "export"]) == 1
    assert "There is no plan" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "--lang", "en", "demo"]) == 0


def test_without_a_good_backup_the_message_says_so(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    _damage(data, "records without plans")
    assert main(["--data-dir", str(data), "--lang", "en", "due"]) == 1
    assert "There is no good backup" in capsys.readouterr().err


def test_a_backup_that_parses_but_is_damaged_is_not_named(
    plan_dir: tuple[Path, str], capsys
) -> None:
    data, good = plan_dir
    bad = _damage(data, "a list as plan_id")
    Store(data).backup_now("daily")  # newer than the good one, and as damaged as the file
    assert (data / "backups" / good).exists()
    assert main(["--data-dir", str(data), "--lang", "en", "export"]) == 1
    err = capsys.readouterr().err
    assert f"lederplan restore {good}" in err
    assert (data / "lederplan.json").read_bytes() == bad


def test_a_backup_the_models_refuse_is_not_named_by_export(
    plan_dir: tuple[Path, str], capsys
) -> None:
    data, good = plan_dir
    _damage(data, "a status of no meaning")
    Store(data).backup_now("daily")  # the shape is fine; the models refuse the status
    assert main(["--data-dir", str(data), "--lang", "en", "export"]) == 1
    assert f"lederplan restore {good}" in capsys.readouterr().err


def test_nul_escapes_in_texts_are_data_and_cleaned(plan_dir: tuple[Path, str], capsys) -> None:
    data, _ = plan_dir
    path = data / "lederplan.json"
    tables = json.loads(path.read_bytes())
    _first(tables, "areas")["title"] = "Lytte\u0000 mer\u001b[31m"
    path.write_text(json.dumps(tables))
    capsys.readouterr()
    assert main(["--data-dir", str(data), "export"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["plans"][0]["areas"][0]["title"] == "Lytte mer"
    assert main(["--data-dir", str(data), "due", "--all"]) == 0
    assert "\x00" not in capsys.readouterr().out


def test_messages_quote_file_text_without_control_characters(
    plan_dir: tuple[Path, str], capsys
) -> None:
    data, _ = plan_dir
    path = data / "lederplan.json"
    tables = json.loads(path.read_bytes())
    _first(tables, "goals")["area_id"] = "\x1b]2;PWNED\x07\u202enowhere\x9b31m"
    path.write_text(json.dumps(tables))
    assert main(["--data-dir", str(data), "--lang", "en", "export"]) == 1
    err = capsys.readouterr().err
    assert "nowhere" in err
    assert not any(ch in err for ch in "\x1b\x07\u202e\x9b")


def test_restoring_a_damaged_backup_names_it_and_a_good_one(
    plan_dir: tuple[Path, str], capsys
) -> None:
    data, good = plan_dir
    before = _damage(data, "a list as plan_id")
    damaged = Store(data).backup_now("daily")
    assert damaged is not None
    assert main(["--data-dir", str(data), "--lang", "en", "restore", damaged.name]) == 1
    err = capsys.readouterr().err
    assert damaged.name in err.split("\n")[0] and f"lederplan restore {good}" in err
    assert (data / "lederplan.json").read_bytes() == before
