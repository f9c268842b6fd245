"""Plan.set_platform: the answers, their days and history set together, checked as a whole
validation of the plan would check them, without re-running every record's rules."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import LONG_TEXT_MAX, AnswerVersion, Plan

DAY = date(2026, 3, 2)


def _version(box: int, day: date, text: str = "før") -> AnswerVersion:
    return AnswerVersion(box=box, date=day, text=text)


@pytest.mark.parametrize(
    ("platform", "dates", "history", "error"),
    [
        (["a"] * 8, [None] * 9, [], ValidationError),  # eight answers
        (["a"] * 9, [None] * 10, [], ValidationError),  # ten days
        (["a" * (LONG_TEXT_MAX + 1)] + [""] * 8, [None] * 9, [], ValidationError),
        (["a"] * 9, ["ikke en dato"] + [None] * 8, [], ValidationError),
        (["a"] * 9, [None] * 9, [_version(1, DAY), _version(1, DAY, "igjen")], ValueError),
        (["a"] * 9, [None] * 9, [{"box": 1, "date": DAY}], TypeError),
    ],
    ids=["8-answers", "10-days", "too-long", "not-a-date", "two-versions-a-day", "not-a-version"],
)
def test_a_bad_value_is_refused_and_nothing_changes(
    platform: list, dates: list, history: list, error: type[Exception]
) -> None:
    plan = demo_plan("nb")
    before = plan.model_dump()
    with pytest.raises(error):
        plan.set_platform(platform, dates, history)
    assert plan.model_dump() == before


def test_the_history_is_put_in_its_order() -> None:
    plan = demo_plan("nb")
    history = [_version(3, DAY), _version(1, date(2026, 3, 1)), _version(1, date(2026, 2, 1))]
    plan.set_platform(list(plan.platform), list(plan.platform_dates), history)
    assert [(v.box, v.date) for v in plan.history] == [
        (1, date(2026, 2, 1)),
        (1, date(2026, 3, 1)),
        (3, DAY),
    ]


@given(
    texts=st.lists(st.text(max_size=200), min_size=9, max_size=9),
    old=st.text(max_size=200),
)
def test_the_same_plan_as_a_whole_validation_gives(texts: list[str], old: str) -> None:
    plan = demo_plan("nb")
    dates = [DAY] * 9
    history = [_version(2, date(2026, 1, 5), old)]
    plan.set_platform(texts, dates, history)
    whole = Plan.model_validate(
        demo_plan("nb").model_dump()
        | {"id": plan.id, "platform": texts, "platform_dates": dates, "history": history}
    )
    assert plan.platform == whole.platform  # cleaned the same way (LongText)
    assert plan == whole.model_copy(update={"areas": plan.areas, "feedback": plan.feedback})
