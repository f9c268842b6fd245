"""Undo on its own (not only through the TUI): every kind of change taken back, in order, up to
the depth; one edit one step; never across plan periods."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Action, Goal, Plan
from lederplan.editing.records import UNDO_DEPTH
from lederplan.editing.workspace import Editing
from lederplan.i18n import set_language
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store


@pytest.fixture
def editing(tmp_path: Path) -> Editing:
    set_language("en")
    store = Store(tmp_path / "data")
    PlanRepository(store).replace_plans([demo_plan("en")], "before-demo")
    editing = Editing(store)
    assert editing.load().ok
    return editing


def _in_file(editing: Editing) -> Plan:
    snapshot = PlanRepository(Store(editing.store.dir)).load()
    assert snapshot is not None
    return snapshot.plan


def _update(e: Editing) -> None:
    action = e.plan.areas[0].goals[0].actions[0]
    assert e.apply(e.records.update, action.model_copy(update={"text": "changed"})).ok


def _add(e: Editing) -> None:
    assert e.apply(e.records.add, Action(text="added"), e.plan.areas[0].goals[0].id, 1).ok


def _remove(e: Editing) -> None:
    assert e.apply(e.records.remove, e.plan.areas[1].id).ok


def _move(e: Editing) -> None:
    assert e.apply(e.records.move, e.plan.areas[0].goals[0].actions[0].id, 1).ok


def _add_goal(e: Editing) -> None:
    assert e.apply(e.records.add, Goal(statement="new goal"), e.plan.areas[0].id).ok


@pytest.mark.parametrize("change", [_update, _add, _remove, _move, _add_goal])
def test_undo_takes_a_change_back_to_the_plan_as_it_was(
    editing: Editing, change: Callable[[Editing], None]
) -> None:
    before = _in_file(editing).model_dump(exclude={"history", "platform_dates"})
    change(editing)
    assert _in_file(editing).model_dump(exclude={"history", "platform_dates"}) != before
    assert editing.records.can_undo
    assert editing.undo().ok
    assert _in_file(editing).model_dump(exclude={"history", "platform_dates"}) == before
    assert not editing.records.can_undo


def test_undo_goes_back_in_order_and_keeps_at_most_its_depth(editing: Editing) -> None:
    action = editing.plan.areas[0].goals[0].actions[0]
    for n in range(UNDO_DEPTH + 5):
        current = next(a for a in editing.plan.areas[0].goals[0].actions if a.id == action.id)
        assert editing.apply(editing.records.update, current.model_copy(update={"text": f"{n}"})).ok
    for n in reversed(range(4, UNDO_DEPTH + 4)):
        assert editing.undo().ok
        assert _in_file(editing).areas[0].goals[0].actions[0].text == f"{n}"
    assert not editing.records.can_undo  # the oldest five are beyond the depth


def test_undo_never_crosses_into_another_period(editing: Editing) -> None:
    _update(editing)
    old_id = editing.plan.id
    editing.session.start_period(date(2021, 1, 1))
    editing.session.load()
    assert not editing.records.can_undo  # the change was made to the period now older
    editing.session.unlock(old_id)
    editing.session.select(old_id)
    assert not editing.records.can_undo


def test_an_undo_refused_by_a_conflict_is_said_and_the_plan_read_again(editing: Editing) -> None:
    _update(editing)
    other = Editing(Store(editing.store.dir))
    assert other.load().ok
    assert other.apply(other.records.remove, other.plan.areas[0].goals[0].actions[0].id).ok
    outcome = editing.undo()
    assert not outcome.ok and outcome.message
    assert all(a.text != "changed" for a in editing.plan.areas[0].goals[0].actions)


def test_undo_never_overwrites_a_later_change_of_another_session(editing: Editing) -> None:
    # A edits an action's text; B then sets its deadline; A reads the plan again (the poll) and
    # presses ctrl+z: that would put back B's old deadline too. It is refused and said.
    action = editing.plan.areas[0].goals[0].actions[0]
    edit = editing.open_field(action.id, "text", "action")
    edit.typed("A's text")
    assert editing.finish(edit).ok
    other = Editing(Store(editing.store.dir))
    assert other.load().ok
    theirs = other.open_field(action.id, "deadline", "deadline")
    theirs.typed("Innen uke 40")
    assert other.finish(theirs).ok
    assert editing.reload().ok
    outcome = editing.undo()
    assert not outcome.ok and outcome.conflict
    kept = _in_file(editing).areas[0].goals[0].actions[0]
    assert (kept.text, kept.deadline) == ("A's text", "Innen uke 40")


def test_undo_of_several_own_changes_to_one_record_goes_back_step_by_step(
    editing: Editing,
) -> None:
    action = editing.plan.areas[0].goals[0].actions[0]
    original = action.text
    _move(editing)
    for text in ("one", "two"):
        current = next(a for a in editing.plan.areas[0].goals[0].actions if a.id == action.id)
        assert editing.apply(editing.records.update, current.model_copy(update={"text": text})).ok
    for expected in ("one", original):
        assert editing.undo().ok
        assert any(a.text == expected for a in _in_file(editing).areas[0].goals[0].actions)
    assert editing.undo().ok  # the move, from the revision the undos left it at
    assert _in_file(editing).areas[0].goals[0].actions[0].id == action.id
