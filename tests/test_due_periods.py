"""`lederplan due` on a file of several plan periods: it reads and checks the current period only,
reads the deadlines of the actions it may list only, still refuses a damaged current period, and
then names a backup that is good for every reader, not only for itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from lederplan.cli import due_items as module
from lederplan.cli import main
from lederplan.cli.due_items import (
    SECTIONS,
    check_current_period,
    current_period,
    due_items,
)
from lederplan.store.errors import CorruptDataError
from lederplan.store.shape import DamagedError, check_tables
from lederplan.store.store import Store

TODAY = "2020-03-01"


def run(data: Path, *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    environ |= {"LANG": "C.UTF-8", "LEDERPLAN_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "lederplan", "--data-dir", str(data), "--lang", "en", "due", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )


@pytest.fixture(scope="module")
def two_periods(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The tables of a file of two periods: the English demo plan current, the Norwegian older."""
    tables: dict = {}
    for lang, pos in (("en", 0), ("nb", 1)):
        directory = tmp_path_factory.mktemp(f"demo-{lang}") / "data"
        assert main(["--data-dir", str(directory), "--lang", lang, "demo", "--as-in-course"]) == 0
        for name, docs in Store(directory).read_tables().items():
            if name == "_meta":
                tables[name] = docs
                continue
            table = tables.setdefault(name, {})
            for doc in docs.values():
                table[str(len(table) + 1)] = {**doc, "pos": pos} if name == "plans" else doc
    check_tables(tables)
    return tables


def write(directory: Path, tables: dict) -> Path:
    directory.mkdir(mode=0o700, exist_ok=True)
    path = directory / "lederplan.json"
    path.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
    path.chmod(0o600)
    return directory


def older(tables: dict) -> dict:
    """A copy of *tables* whose older period has an action of the wrong shape."""
    changed = json.loads(json.dumps(tables))
    old_plan = next(doc["id"] for doc in changed["plans"].values() if doc["pos"] == 1)
    old_areas = {doc["id"] for doc in changed["areas"].values() if doc["plan_id"] == old_plan}
    old_goals = {doc["id"] for doc in changed["goals"].values() if doc["area_id"] in old_areas}
    doc = next(doc for doc in changed["actions"].values() if doc["goal_id"] in old_goals)
    doc["text"] = 17
    return changed


def current(tables: dict) -> dict:
    """A copy of *tables* whose current period has an action of the wrong shape."""
    changed = json.loads(json.dumps(tables))
    next(d for d in changed["actions"].values() if d["text"] == "Map my own tasks")["status"] = 3
    return changed


def test_the_current_period_is_the_first_plan_and_its_records(two_periods: dict) -> None:
    part = current_period(two_periods)
    (plan_id,) = {doc["plan_id"] for doc in part["areas"].values()}
    first = next(doc for doc in two_periods["plans"].values() if doc["pos"] == 0)
    assert plan_id == first["id"]
    assert len(part["plans"]) == 2  # every plan's own document, to find the first
    assert 0 < len(part["actions"]) < len(two_periods["actions"])
    assert {doc["plan_id"] for doc in part["answers"].values()} == {first["id"]}
    assert 0 < len(part["answers"]) < len(two_periods["answers"])
    assert all(key in two_periods["actions"] for key in part["actions"])  # the file's own keys


def test_an_older_period_is_not_checked(two_periods: dict, tmp_path: Path) -> None:
    data = write(tmp_path / "data", older(two_periods))
    with pytest.raises(CorruptDataError):
        Store(data).read_tables()  # what the app reads is damaged ...
    result = run(data, "--json")  # ... and due, which reads none of it, does its work
    assert (result.returncode, result.stderr) == (0, "")
    actions = [obj["action"] for obj in json.loads(result.stdout)]
    assert "Tell my own staff about the goal" in actions
    assert not any("medarbeidere" in action for action in actions)


def test_a_damaged_current_period_is_refused(two_periods: dict) -> None:
    with pytest.raises(DamagedError, match=r"type:actions\.\d+\.status"):
        check_current_period(current(two_periods))
    with pytest.raises(DamagedError, match="no_plan"):
        check_current_period({"plans": {}, "areas": two_periods["areas"]})
    with pytest.raises(DamagedError, match="shape"):
        check_current_period({**two_periods, "actions": []})
    # Whose a record is must be readable, in the older periods too.
    orphan = json.loads(json.dumps(two_periods))
    next(iter(orphan["goals"].values()))["area_id"] = ["x"]
    with pytest.raises(DamagedError, match=r"type:goals\.\d+\.area_id"):
        check_current_period(orphan)
    check_current_period(older(two_periods))
    check_current_period({})


def test_the_backup_named_is_good_for_every_reader(two_periods: dict, tmp_path: Path) -> None:
    data = write(tmp_path / "data", two_periods)
    taken = iter([datetime(2020, 2, 1, 12), datetime(2020, 2, 2, 12)])
    store = Store(data, clock=lambda: next(taken))
    good = store.backup_now("daily")
    write(data, older(two_periods))
    damaged_older = store.backup_now("daily")  # newer, and good for due alone
    assert good is not None and damaged_older is not None
    write(data, current(two_periods))
    result = run(data)
    assert result.returncode == 1 and result.stdout == ""
    assert good.name in result.stderr and damaged_older.name not in result.stderr


def test_only_the_actions_that_may_be_listed_have_their_deadline_read(
    two_periods: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = json.loads(json.dumps(two_periods))
    part = current_period(tables)
    for n, doc in enumerate(part["actions"].values()):
        if n % 2:
            doc |= {"status": "done", "done_date": "2020-02-01"}
    read: list[str] = []
    real = module.read_deadline

    def counting(text: str, *args: date) -> object:
        read.append(text)
        return real(text, *args)

    monkeypatch.setattr(module, "read_deadline", counting)
    shown = due_items(tables, date.fromisoformat(TODAY), 14, "", ("overdue", "soon"))
    undone = [doc for doc in part["actions"].values() if doc["status"] != "done"]
    assert len(read) == len(undone) < len(part["actions"])
    assert all(item.status != "done" for item in shown)
    read.clear()
    every = due_items(tables, date.fromisoformat(TODAY), 14, "", SECTIONS)
    assert len(read) == len(every) == len(part["actions"])
    # What is listed is what --all lists, less the sections not asked for.
    assert shown == [item for item in every if item.section in ("overdue", "soon")]


def test_due_on_many_periods_imports_neither_textual_nor_pydantic(
    two_periods: dict, tmp_path: Path
) -> None:
    data = write(tmp_path / "data", two_periods)
    probe = (
        "import sys, io, contextlib\nfrom lederplan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--data-dir', {str(data)!r}, 'due', '--all'])\n"
        "heavy = ('textual', 'rich', 'pydantic', 'tinydb', 'lederplan.domain.models')\n"
        "print(code, *sorted(m for m in heavy if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDERPLAN")}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env | {"LEDERPLAN_TODAY": TODAY},
        timeout=60,
    )
    assert result.stdout.split() == ["0"], result.stderr
