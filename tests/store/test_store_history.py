"""Answer history in the store: kept across reloads, one version a day, old files, round trips."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.domain.demo import demo_plan
from lederplan.domain.history import text_on, versions
from lederplan.domain.models import AnswerVersion, Plan
from lederplan.editing.session import PlanSession
from lederplan.store.errors import ConflictError
from lederplan.store.repository import PlanRepository, answer_id, plans_to_tables
from lederplan.store.repository import tables_to_snapshots as snapshots
from lederplan.store.store import Store

D1, D2, D3 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 4, 1)
PLAN_DATE = date(2026, 1, 5)


def _repo(data_dir: Path, plan: Plan | None = None) -> tuple[PlanRepository, Plan]:
    repo = PlanRepository(Store(data_dir))
    plan = plan or Plan(date=PLAN_DATE, platform=["Første svar"] + [""] * 8)
    repo.replace_plans([plan], "before-import")
    return repo, plan


def _save(repo: PlanRepository, plan_id: str, box: int, text: str, on: date) -> None:
    snapshot = repo.load()
    assert snapshot is not None
    rev = snapshot.revs.get(answer_id(plan_id, "platform", box), 0)
    repo.set_answer(plan_id, "platform", box, text, rev, today=on)


def _reloaded(data_dir: Path) -> Plan:
    snapshot = PlanRepository(Store(data_dir)).load()
    assert snapshot is not None
    return snapshot.plan


def test_history_survives_a_reload(data_dir: Path) -> None:
    repo, plan = _repo(data_dir)
    _save(repo, plan.id, 9, "Jeg går foran.", D1)
    _save(repo, plan.id, 9, "Jeg går ved siden av.", D3)
    again = _reloaded(data_dir)
    assert [(v.date, v.text, v.current) for v in versions(again, 9)] == [
        (D1, "Jeg går foran.", False),
        (D3, "Jeg går ved siden av.", True),
    ]
    assert again.history == [AnswerVersion(box=9, date=D1, text="Jeg går foran.")]
    assert again.platform_dates[8] == D3
    assert text_on(again, 9, D2) == "Jeg går foran."


def test_a_days_several_saves_keep_one_version(data_dir: Path) -> None:
    repo, plan = _repo(data_dir)
    for text in ("J", "Jeg", "Jeg går", "Jeg går foran."):  # autosave while typing on day 1
        _save(repo, plan.id, 9, text, D1)
    for text in ("Jeg går v", "Jeg går ved siden av."):  # and on day 2
        _save(repo, plan.id, 9, text, D2)
    again = _reloaded(data_dir)
    assert again.history == [AnswerVersion(box=9, date=D1, text="Jeg går foran.")]
    assert (again.platform[8], again.platform_dates[8]) == ("Jeg går ved siden av.", D2)


def test_a_change_taken_back_the_same_day_leaves_the_history_as_it_was(data_dir: Path) -> None:
    # Autosave of "... og mer", then ctrl+z in the editor and autosave again, on one day.
    repo, plan = _repo(data_dir)
    _save(repo, plan.id, 9, "Jeg går foran.", D1)
    _save(repo, plan.id, 9, "Jeg går foran. Og mer.", D3)
    _save(repo, plan.id, 9, "Jeg går foran.", D3)
    again = _reloaded(data_dir)
    assert again.history == []
    assert (again.platform[8], again.platform_dates[8]) == ("Jeg går foran.", D1)
    session = PlanSession(Store(data_dir))  # the session's own copy follows the same rule
    session.load()
    session.save_answer("platform", 9, "Jeg går ved siden av.", today=D3)
    session.save_answer("platform", 9, "Jeg går foran.", today=D3)
    assert session.plan.history == _reloaded(data_dir).history == []
    assert session.plan.platform_dates[8] == _reloaded(data_dir).platform_dates[8] == D1


def test_an_answer_of_unknown_day_is_kept_dated_the_plans_date(data_dir: Path) -> None:
    repo, plan = _repo(data_dir)  # box 1 was written with no day (as in an old file)
    _save(repo, plan.id, 1, "Nytt svar", D1)
    again = _reloaded(data_dir)
    assert again.history == [AnswerVersion(box=1, date=PLAN_DATE, text="Første svar")]


def test_a_conflict_changes_neither_text_nor_history(data_dir: Path) -> None:
    repo, plan = _repo(data_dir)
    _save(repo, plan.id, 9, "A", D1)
    stale = repo.load()
    assert stale is not None
    _save(repo, plan.id, 9, "B", D2)  # another session
    aid = answer_id(plan.id, "platform", 9)
    with pytest.raises(ConflictError):
        repo.set_answer(plan.id, "platform", 9, "C", stale.revs[aid], today=D3)
    again = _reloaded(data_dir)
    assert again.platform[8] == "B"
    assert again.history == [AnswerVersion(box=9, date=D1, text="A")]


def test_an_old_format_file_loads_and_then_keeps_history(data_dir: Path) -> None:
    """A file written before history was kept: answer documents without date and history."""
    plan = Plan(date=PLAN_DATE, platform=[f"svar {n}" for n in range(1, 10)])
    tables = plans_to_tables([plan])
    for doc in tables["answers"].values():
        doc.pop("date", None)
        doc.pop("history", None)
    data_dir.mkdir(mode=0o700)
    path = data_dir / "lederplan.json"
    path.write_text(json.dumps({"_meta": {"1": {"schema": 1}}, **tables}))
    os.chmod(path, 0o600)
    old = _reloaded(data_dir)
    assert old.platform == plan.platform
    assert (old.platform_dates, old.history) == ([None] * 9, [])
    _save(PlanRepository(Store(data_dir)), plan.id, 9, "ny setning", D1)
    again = _reloaded(data_dir)
    assert again.history == [AnswerVersion(box=9, date=PLAN_DATE, text="svar 9")]


def test_the_session_shows_what_the_store_holds(data_dir: Path) -> None:
    _repo(data_dir)
    session = PlanSession(Store(data_dir))
    session.load()
    session.save_answer("platform", 9, "A", today=D1)
    session.save_answer("platform", 9, "AB", today=D1)
    session.save_answer("platform", 9, "ABC", today=D2)
    session.save_answer("platform", 1, "Andre svar", today=D3)
    assert session.plan == _reloaded(data_dir)
    assert [v.box for v in session.plan.history] == [1, 9]


def test_keep_mine_after_a_conflict_keeps_theirs_as_a_version(data_dir: Path) -> None:
    _repo(data_dir)
    mine, theirs = PlanSession(Store(data_dir)), PlanSession(Store(data_dir))
    mine.load()
    theirs.load()
    theirs.save_answer("platform", 9, "deres", today=D1)
    theirs.save_answer("platform", 1, "Første svar, endret", today=D1)
    with pytest.raises(ConflictError):
        mine.save_answer("platform", 9, "min", today=D3)
    mine.save_answer("platform", 9, "min", today=D3, overwrite=True)
    stored = _reloaded(data_dir)
    assert [(v.date, v.text) for v in stored.history if v.box == 9] == [(D1, "deres")]
    assert stored.platform[8] == "min"
    # The session that kept its own shows its answer as stored, with the history behind it.
    assert (mine.plan.platform[8], mine.plan.platform_dates[8]) == ("min", D3)
    assert [v for v in mine.plan.history if v.box == 9] == [v for v in stored.history if v.box == 9]


def _with_history(plan: Plan) -> Plan:
    dates = [None] * 8 + [date(2021, 1, 4)]
    history = [
        AnswerVersion(box=9, date=date(2020, 1, 6), text="Jeg gir folk tillit."),
        AnswerVersion(box=9, date=date(2020, 6, 1), text="Jeg gir folk tillit og rom."),
        AnswerVersion(box=4, date=date(2020, 3, 1), text="Jeg lytter."),
    ]
    return Plan.model_validate(
        plan.model_dump() | {"platform_dates": dates, "history": [h.model_dump() for h in history]}
    )


def test_tables_round_trip_keeps_history() -> None:
    plans = [_with_history(demo_plan("nb", date(2021, 1, 4))), demo_plan("nb")]
    assert [s.plan for s in snapshots(plans_to_tables(plans))] == plans


def test_export_import_export_is_identical_with_periods_and_history(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    plans = [_with_history(demo_plan("nb", date(2021, 1, 4))), _with_history(demo_plan("nb"))]
    PlanRepository(Store(one)).replace_plans(plans, "before-import")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["--data-dir", str(one), "export", "--format", "json", "-o", str(first)]) == 0
    assert main(["--data-dir", str(two), "import", str(first)]) == 0
    assert main(["--data-dir", str(two), "export", "--format", "json", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    exported = json.loads(first.read_text())["plans"]
    assert [len(p["history"]) for p in exported] == [3, 3]
    assert exported[0]["platform_dates"][8] == "2021-01-04"
