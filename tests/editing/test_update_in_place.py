"""A record saved by this session goes into the plan shown in place, without reading and
validating the whole file again, and the plan shown is then what the file holds; when another
process wrote meanwhile, the plan is read again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import FeedbackEntry, Plan, Record, Source
from lederplan.editing.workspace import Editing
from lederplan.i18n import set_language
from lederplan.store.repository import PlanRepository, answer_id
from lederplan.store.store import Store


@pytest.fixture
def editing(tmp_path: Path) -> Editing:
    set_language("en")
    store = Store(tmp_path / "data", journal_from=0)  # the journal too: a large plan's path
    plan = demo_plan("en")
    plan.feedback.append(FeedbackEntry(source=Source.STAFF, date=plan.date, text="Good talk"))
    PlanRepository(store).replace_plans([plan], "before-demo")
    editing = Editing(store)
    assert editing.load().ok
    return editing


def _in_file(editing: Editing) -> tuple[Plan, dict[str, int]]:
    snapshot = PlanRepository(Store(editing.store.dir)).load()
    assert snapshot is not None
    return snapshot.plan, snapshot.revs


EDITS: dict[str, Callable[[Plan], Record]] = {
    "area": lambda p: p.areas[0].model_copy(update={"title": "New title"}),
    "goal": lambda p: p.areas[0].goals[0].model_copy(update={"statement": "New goal"}),
    "indicator": lambda p: p.areas[0].goals[0].indicators[0].model_copy(update={"kpi": "NPS"}),
    "action": lambda p: p.areas[-1].goals[-1].actions[-1].model_copy(update={"text": "Do it"}),
    "feedback": lambda p: p.feedback[-1].model_copy(update={"text": "Better talk"}),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_the_saved_record_is_put_in_place_and_the_plan_is_the_file(
    editing: Editing, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[int] = []
    real = editing.session.load
    monkeypatch.setattr(editing.session, "load", lambda: loads.append(1) or real())
    record = EDITS[kind](editing.plan)
    assert editing.apply(editing.records.update, record).ok
    assert loads == []  # not read again
    plan, revs = _in_file(editing)
    assert editing.plan == plan  # children kept, the record changed, nothing else
    assert editing.session.snapshot is not None
    assert editing.session.snapshot.revs == revs


def test_after_another_process_wrote_the_plan_is_read_again(editing: Editing) -> None:
    other = PlanRepository(Store(editing.store.dir))
    snap = other.load()
    assert snap is not None
    aid = answer_id(snap.plan.id, "platform", 2)
    other.set_answer(snap.plan.id, "platform", 2, "From the other session", snap.revs[aid])
    record = EDITS["action"](editing.plan)
    assert editing.apply(editing.records.update, record).ok
    assert editing.plan.platform[1] == "From the other session"
    assert editing.plan == _in_file(editing)[0]
