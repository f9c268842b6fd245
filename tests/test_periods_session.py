"""Plan periods seen from the session: which plan is shown, read-only older periods, one guard
for every change, and `lederplan due` reading the current period."""

from __future__ import annotations

import inspect
import json
from datetime import date
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Action, FeedbackEntry, Goal, Source, Status
from lederplan.editing.records import RecordEditor
from lederplan.editing.session import PlanSession
from lederplan.store import guarded
from lederplan.store.errors import ConflictError, PeriodReadOnlyError
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

START = date(2021, 1, 6)


@pytest.fixture
def session(tmp_path: Path) -> PlanSession:
    """A session on the demo plan, its first action done, rolled over to a period from START."""
    plan = demo_plan("en")
    goal = plan.areas[0].goals[0]
    goal.actions[0] = Action.model_validate(
        goal.actions[0].model_dump() | {"status": Status.DONE, "done_date": date(2020, 1, 8)}
    )
    store = Store(tmp_path / "data")
    PlanRepository(store).replace_plans([plan], "before-demo")
    session = PlanSession(store)
    session.load()
    session.start_period(START)
    return session


def test_the_new_period_is_shown_and_current(session: PlanSession) -> None:
    assert session.plan.date == START and session.is_current and not session.read_only
    current, older = session.periods()
    assert (current.current, current.read_only, current.actions) == (True, False, 9)
    assert (older.current, older.read_only, older.actions) == (False, True, 1)
    assert older.period_end == date(2021, 1, 5)


def test_an_older_period_is_read_only_for_every_kind_of_change(session: PlanSession) -> None:
    older = session.periods()[1]
    session.select(older.id)
    assert session.plan.id == older.id and session.read_only
    before = session.store.path.read_bytes()
    goal = session.plan.areas[0].goals[0]
    entry = FeedbackEntry(source=Source.SELF, date=date(2020, 5, 1))
    changes = [
        lambda: session.save_answer("platform", 9, "Endret."),
        lambda: session.save_header("X", "Y", date(2020, 1, 6)),
        lambda: session.add_actions(goal.id, ["Nytt tiltak"], ""),
        lambda: RecordEditor(session).update(goal.model_copy(update={"statement": "Endret"})),
        lambda: RecordEditor(session).add(Goal(), session.plan.areas[0].id),
        lambda: RecordEditor(session).remove(goal.id),
        lambda: session.repo.insert(entry, session.plan.id),
        lambda: session.repo.insert_many([entry], session.plan.id),
    ]
    for change in changes:
        with pytest.raises(PeriodReadOnlyError) as refused:
            change()
        assert refused.value.start == date(2020, 1, 6)
    assert session.store.path.read_bytes() == before


def test_unlocking_lasts_the_session(session: PlanSession) -> None:
    older = session.periods()[1]
    session.select(older.id)
    session.unlock(older.id)
    assert not session.read_only and not session.periods()[1].read_only
    assert session.save_answer("platform", 9, "Endret i den eldre perioden.")
    again = PlanSession(session.store)  # a new start: read-only again
    again.load()
    again.select(older.id)
    assert again.read_only
    assert again.plan.platform[8] == "Endret i den eldre perioden."


def test_undo_is_refused_while_read_only_and_forgets_another_period(
    session: PlanSession,
) -> None:
    editor = RecordEditor(session)
    goal = session.plan.areas[0].goals[0]
    editor.update(goal.model_copy(update={"statement": "Endret"}))
    assert editor.can_undo
    session.select(session.periods()[1].id)
    assert not editor.can_undo  # its change was to the other period
    session.unlock(session.plan.id)
    old_goal = session.plan.areas[0].goals[0]
    editor.update(old_goal.model_copy(update={"statement": "Gammel endret"}))
    session._unlocked.clear()  # as if locked again
    with pytest.raises(PeriodReadOnlyError):
        editor.undo()
    assert editor.can_undo  # still there to take back once unlocked


def test_a_vanished_plan_falls_back_to_the_current_one(session: PlanSession) -> None:
    session.select(session.periods()[1].id)
    current = session.periods()[0]
    PlanRepository(session.store).replace_plans([session.current_plan], "before-import")
    session.load()
    assert session.plan.id == current.id and session.plan_id is None


def test_a_new_period_from_a_stale_plan_is_refused(session: PlanSession) -> None:
    other = PlanSession(Store(session.store.dir))
    other.load()
    other.save_answer("platform", 9, "Endret i en annen økt.")
    with pytest.raises(ConflictError):
        session.start_period(date(2022, 1, 6))
    session.load()
    assert session.start_period(date(2022, 1, 6)).platform[8] == "Endret i en annen økt."
    assert [p.date for p in session.periods()] == [date(2022, 1, 6), START, date(2020, 1, 6)]


def test_every_repository_method_is_a_read_or_guarded() -> None:
    """A new public method of PlanRepository must be sorted into guarded.READS, UNGUARDED or
    GUARDED (and a change wrapped in GuardedRepository), or it could write to a read-only period."""
    public = {
        name
        for name, member in inspect.getmembers(PlanRepository, inspect.isfunction)
        if not name.startswith("_")
    }
    assert public == guarded.READS | guarded.UNGUARDED | guarded.GUARDED
    assert all(name in vars(guarded.GuardedRepository) for name in guarded.GUARDED)


def test_due_reads_the_current_period(
    session: PlanSession, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2021-03-01")
    main(["--data-dir", str(session.store.dir), "--lang", "en", "due", "--all", "--json"])
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 9  # the older period's one finished action is not listed
    assert "Tell my own staff about the goal" not in {item["action"] for item in items}


def test_export_import_export_is_identical_with_periods_and_history(tmp_path: Path) -> None:
    """Three periods of the example plan (whose box 9 has earlier versions), an action carried
    twice: the JSON export survives an import into an empty data directory byte for byte."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--lang", "nb", "demo", "--as-in-course"]) == 0
    session = PlanSession(Store(data))
    session.load()
    assert session.plan.history  # the example's history, copied into every period
    session.start_period(START)
    session.save_answer("platform", 9, "Et nytt år, en ny setning.")
    session.start_period(date(2022, 1, 6))
    assert len(session.periods()) == 3
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["--data-dir", str(data), "export", "--format", "json", "-o", str(first)]) == 0
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(first)]) == 0
    assert main(["--data-dir", str(other), "export", "--format", "json", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    exported = json.loads(first.read_text())["plans"]
    assert [p["date"] for p in exported] == ["2022-01-06", "2021-01-06", "2020-01-06"]
    carried = exported[0]["areas"][0]["goals"][0]["actions"][0]
    assert carried["carried_from"] == "2020-01-06"


def two_sessions(tmp_path: Path) -> tuple[PlanSession, PlanSession, Path]:
    """Two sessions (two processes, as far as the store knows) on the demo plan."""
    directory = tmp_path / "shared"
    PlanRepository(Store(directory)).replace_plans([demo_plan("en")], "before-demo")
    mine, other = PlanSession(Store(directory)), PlanSession(Store(directory))
    mine.load()
    other.load()
    return mine, other, directory


def test_a_period_started_elsewhere_makes_this_sessions_plan_read_only(tmp_path: Path) -> None:
    # This session still shows the old plan as current (its list is from before); the file
    # decides: the change is refused instead of landing in what is now an older period.
    mine, other, directory = two_sessions(tmp_path)
    old_text = mine.plan.platform[0]
    other.start_period(START)
    with pytest.raises(PeriodReadOnlyError):
        mine.save_answer("platform", 1, "typed after the new period")
    editor = RecordEditor(mine)
    goal = mine.plan.areas[0].goals[0]
    with pytest.raises(PeriodReadOnlyError):
        editor.update(goal.model_copy(update={"statement": "edited"}))
    assert not editor.can_undo
    older = PlanRepository(Store(directory)).load_all()[1].plan
    assert older.platform[0] == old_text and older.areas[0].goals[0].statement == goal.statement
    assert mine.changed_elsewhere()  # the app's poll reads the new period back
    mine.load()
    assert mine.plan.date == START and not mine.read_only


def test_a_change_elsewhere_is_still_noticed_after_this_sessions_own_save(tmp_path: Path) -> None:
    mine, other, _ = two_sessions(tmp_path)
    mine.save_answer("platform", 1, "mine")
    assert not mine.changed_elsewhere()  # its own save is no news: no reload, no notice
    other.save_answer("platform", 2, "theirs")
    mine.save_answer("platform", 1, "mine again")  # reads the file, writes it: theirs is in it
    assert mine.changed_elsewhere()  # but this session has not shown it yet
    mine.load()
    assert mine.plan.platform[1] == "theirs" and not mine.changed_elsewhere()


def test_the_heading_date_cannot_move_a_period_past_its_neighbour(session: PlanSession) -> None:
    from lederplan.domain.periods import PeriodOrderError

    store_file = session.store.path.read_bytes()
    with pytest.raises(PeriodOrderError):
        session.save_header("P", "M", date(2019, 3, 1))  # before the older period's date
    older = session.periods()[1].id
    session.select(older)
    session.unlock(older)
    with pytest.raises(PeriodOrderError):
        session.save_header("P", "M", START)  # on the newer period's start
    assert session.store.path.read_bytes() == store_file
    session.save_header("P", "M", date(2020, 2, 1))  # between: fine
    assert session.plan.date == date(2020, 2, 1)
