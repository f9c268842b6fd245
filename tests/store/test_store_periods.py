"""A new plan period in the store: one atomic write, refused when the plan changed elsewhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_helpers import digest

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Action, Plan, Status
from lederplan.domain.periods import new_period
from lederplan.store import store as store_module
from lederplan.store.errors import ConflictError, WriteError
from lederplan.store.periods import start_period
from lederplan.store.repository import PlanRepository, answer_id
from lederplan.store.store import Store

START = date(2021, 1, 6)


def demo_with_one_done(store: Store) -> Plan:
    plan = demo_plan("nb")
    first = plan.areas[0].goals[0].actions[0]
    plan.areas[0].goals[0].actions[0] = Action.model_validate(
        first.model_dump() | {"status": Status.DONE, "done_date": date(2020, 1, 7)}
    )
    PlanRepository(store).replace_plans([plan], "before-demo")
    return plan


def test_the_new_period_comes_first_and_the_old_one_keeps_what_is_done(data_dir: Path) -> None:
    store = Store(data_dir)
    plan = demo_with_one_done(store)
    old, new = new_period(plan, START)
    start_period(store, plan, old, new)
    fresh = PlanRepository(Store(data_dir))
    current, previous = (s.plan for s in fresh.load_all())
    assert current == new and previous == old
    assert fresh.load().plan.id == new.id  # type: ignore[union-attr]
    assert [a.text for a in previous.areas[0].goals[0].actions] == [
        "Fortelle om målsettingen til egne medarbeidere"
    ]
    assert sum(len(g.actions) for a in current.areas for g in a.goals) == 9
    assert previous.period_end == date(2021, 1, 5) and previous.feedback == plan.feedback
    assert current.platform == plan.platform
    assert [b.kind for b in store.backups()].count("before-period") == 1


def test_a_third_period_goes_first_again(data_dir: Path) -> None:
    store = Store(data_dir)
    plan = demo_with_one_done(store)
    old, second = new_period(plan, START)
    start_period(store, plan, old, second)
    older, third = new_period(second, date(2022, 1, 6))
    start_period(store, second, older, third)
    plans = [s.plan for s in PlanRepository(store).load_all()]
    assert [p.date for p in plans] == [date(2022, 1, 6), START, plan.date]
    assert all(
        a.carried_from == plan.date
        for area in plans[0].areas
        for g in area.goals
        for a in g.actions
    )


def test_a_plan_changed_elsewhere_is_refused_and_nothing_is_written(data_dir: Path) -> None:
    store = Store(data_dir)
    plan = demo_with_one_done(store)
    other = PlanRepository(Store(data_dir))
    snapshot = other.load()
    assert snapshot is not None
    box9 = answer_id(plan.id, "platform", 9)
    other.set_answer(plan.id, "platform", 9, "Endret i en annen økt.", snapshot.revs[box9])
    before = digest(store.path)
    old, new = new_period(plan, START)
    with pytest.raises(ConflictError):
        start_period(store, plan, old, new)
    assert digest(store.path) == before
    assert [b.kind for b in store.backups()].count("before-period") == 0


def test_a_moved_action_cannot_be_edited_by_another_session(data_dir: Path) -> None:
    store = Store(data_dir)
    plan = demo_with_one_done(store)
    other = PlanRepository(Store(data_dir))
    snapshot = other.load()
    assert snapshot is not None
    old, new = new_period(plan, START)
    start_period(store, plan, old, new)
    moved = plan.areas[0].goals[0].actions[1]
    edited = moved.model_copy(update={"text": "Endret"})
    with pytest.raises(ConflictError):
        other.update(edited, snapshot.revs[moved.id])
    with pytest.raises(ConflictError):  # the old plan's period changed: its header too
        other.update(plan.model_copy(update={"person": "X"}), snapshot.revs[plan.id])


def test_a_failed_write_leaves_the_file_as_it_was(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    plan = demo_with_one_done(store)
    store.read_tables()
    before = digest(store.path)

    def disk_full(path: Path, data: bytes) -> None:
        raise WriteError(path, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", disk_full)
    old, new = new_period(plan, START)
    with pytest.raises(WriteError):
        start_period(store, plan, old, new)
    monkeypatch.undo()
    assert digest(store.path) == before
    assert [s.plan for s in PlanRepository(store).load_all()] == [plan]  # nor in its cache


def test_old_must_be_the_source_less_some_actions(data_dir: Path) -> None:
    store = Store(data_dir)
    plan = demo_with_one_done(store)
    _, new = new_period(plan, START)
    with pytest.raises(ValueError, match="less the actions"):
        start_period(store, plan, new, new)
