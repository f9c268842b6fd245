"""The plan model's rules, table-driven."""

from datetime import date

import pytest
from pydantic import ValidationError

from lederplan.domain.dates import add_years
from lederplan.domain.models import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Action,
    Area,
    FeedbackEntry,
    Goal,
    Indicator,
    Plan,
    Scale,
    Status,
)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 3, 15), date(2027, 3, 15)),
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2026, 12, 31), date(2027, 12, 31)),
        (date(2026, 1, 1), date(2027, 1, 1)),
    ],
)
def test_period_ends_a_year_after_the_plan_date(start: date, end: date) -> None:
    assert Plan(date=start).period_end == end
    assert add_years(start, 1) == end


def test_period_end_given_is_kept_and_must_not_precede_the_date() -> None:
    assert Plan(date=date(2026, 1, 1), period_end=date(2026, 6, 30)).period_end == date(2026, 6, 30)
    with pytest.raises(ValidationError, match="period_end"):
        Plan(date=date(2026, 1, 1), period_end=date(2025, 12, 31))


INVALID = [
    ("platform of 8", lambda: Plan(date=date(2026, 1, 1), platform=[""] * 8)),
    ("too long title", lambda: Area(title="x" * (SHORT_TEXT_MAX + 1))),
    ("too long statement", lambda: Goal(statement="x" * (LONG_TEXT_MAX + 1))),
    ("target without comparison", lambda: Indicator(target_value=5)),
    ("comparison without target", lambda: Indicator(comparison=">")),
    ("done date on todo", lambda: Action(done_date=date(2026, 1, 1))),
    ("unknown status", lambda: Action(status="maybe")),
    ("bad id", lambda: Action(id="not-a-uuid")),
    ("unknown field", lambda: Action(text="x", colour="red")),
    ("unknown source", lambda: FeedbackEntry(source="boss", date=date(2026, 1, 1))),
    ("scale upside down", lambda: Scale(low=6, high=1)),
    (
        "rating off the scale",
        lambda: Plan(
            date=date(2026, 1, 1),
            feedback=[FeedbackEntry(source="staff", date=date(2026, 1, 2), rating=7)],
        ),
    ),
    (
        "feedback on a missing area",
        lambda: Plan(
            date=date(2026, 1, 1),
            feedback=[
                FeedbackEntry(
                    source="staff",
                    date=date(2026, 1, 2),
                    area_id="00000000-0000-4000-8000-000000000000",
                )
            ],
        ),
    ),
    (
        "two records with one id",
        lambda: Plan(
            date=date(2026, 1, 1),
            areas=[
                Area(id="00000000-0000-4000-8000-000000000001"),
                Area(id="00000000-0000-4000-8000-000000000001"),
            ],
        ),
    ),
]


@pytest.mark.parametrize(("name", "build"), INVALID, ids=[name for name, _ in INVALID])
def test_invalid_plans_are_refused(name: str, build) -> None:
    with pytest.raises(ValidationError):
        build()


def test_text_is_cleaned_on_the_way_in_and_on_assignment() -> None:
    action = Action(text="ring \x1b[5mnow\x1b[0m", deadline="Innen juni\x07")
    assert (action.text, action.deadline) == ("ring now", "Innen juni")
    action.text = "\x1b]0;x\x07ok"
    assert action.text == "ok"


def test_a_done_action_keeps_its_date_and_ids_are_stable() -> None:
    action = Action(text="x", status=Status.DONE, done_date=date(2026, 5, 1))
    assert action.done_date == date(2026, 5, 1)
    assert Action.model_validate(action.model_dump()).id == action.id
    assert Action().id != Action().id


def test_rating_on_a_seven_point_scale() -> None:
    plan = Plan(
        date=date(2026, 1, 1),
        scale=Scale(low=1, high=7),
        feedback=[FeedbackEntry(source="peers", date=date(2026, 1, 2), rating=7)],
    )
    assert plan.feedback[0].rating == 7
