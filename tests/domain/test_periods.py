"""Starting a new plan period: what is copied, what moves, what stays; table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import (
    Action,
    Area,
    FeedbackEntry,
    Goal,
    Indicator,
    Measurement,
    Plan,
    Source,
    Status,
    records_of,
)
from lederplan.domain.periods import PeriodStartError, carried_actions, new_period

START = date(2021, 1, 4)


def plan_with(*actions: Action, period_end: date | None = None) -> Plan:
    indicator = Indicator(
        kpi="Lederevaluering/360",
        target="Score over 5",
        measurements=[Measurement(date=date(2020, 6, 1), value=4.2)],
    )
    goal = Goal(statement="Gi konstruktive tilbakemeldinger", indicators=[indicator])
    goal.actions = list(actions)
    area = Area(title="Motivasjon og samarbeid", origin="fra lederevalueringen", goals=[goal])
    feedback = FeedbackEntry(source=Source.STAFF, date=date(2020, 3, 1), area_id=area.id, rating=4)
    return Plan(
        person="Kari",
        manager="Ola",
        date=date(2020, 1, 6),
        period_end=period_end,
        platform=[f"svar {n}" for n in range(1, 10)],
        areas=[area],
        feedback=[feedback],
    )


TODO = Action(text="Ukentlige samtaler", deadline="Løpende")
DOING = Action(text="Gå på kurs", deadline="Innen juni", status=Status.DOING)
DONE = Action(
    text="Lese boka", deadline="Innen mars", status=Status.DONE, done_date=date(2020, 3, 1)
)
WRITTEN = Action(text="Kartlegge", deadline="om tre uker", deadline_written=date(2020, 5, 4))
CARRIED = Action(text="Delegere", deadline="uke 15", carried_from=date(2019, 1, 7))


@pytest.mark.parametrize(
    ("actions", "moved", "kept"),
    [
        ((TODO, DOING, DONE), ["Ukentlige samtaler", "Gå på kurs"], ["Lese boka"]),
        ((DONE,), [], ["Lese boka"]),
        ((TODO,), ["Ukentlige samtaler"], []),
        ((), [], []),
    ],
)
def test_unfinished_actions_move_and_finished_ones_stay(
    actions: tuple[Action, ...], moved: list[str], kept: list[str]
) -> None:
    plan = plan_with(*actions)
    old, new = new_period(plan, START)
    assert [a.text for a in new.areas[0].goals[0].actions] == moved
    assert [a.text for a in old.areas[0].goals[0].actions] == kept
    assert [a.text for a in carried_actions(plan)] == moved
    assert all(a.carried_from == plan.date for a in new.areas[0].goals[0].actions)
    assert all(a.carried_from is None for a in old.areas[0].goals[0].actions)


@pytest.mark.parametrize(
    ("action", "anchor", "carried_from"),
    [
        (TODO, date(2020, 1, 6), date(2020, 1, 6)),  # read from the old plan's date, as before
        (WRITTEN, date(2020, 5, 4), date(2020, 1, 6)),  # its own anchor is kept
        (CARRIED, date(2020, 1, 6), date(2019, 1, 7)),  # carried again: first period kept
    ],
)
def test_a_carried_action_keeps_its_deadline_and_where_it_came_from(
    action: Action, anchor: date, carried_from: date
) -> None:
    _, new = new_period(plan_with(action), START)
    carried = new.areas[0].goals[0].actions[0]
    assert (carried.deadline, carried.deadline_written) == (action.deadline, anchor)
    assert carried.carried_from == carried_from
    assert carried.status is action.status and carried.id != action.id


@pytest.mark.parametrize(
    ("period_end", "start", "old_end", "new_end"),
    [
        (None, START, date(2021, 1, 3), date(2022, 1, 4)),  # cut to the day before
        (date(2020, 6, 30), START, date(2020, 6, 30), date(2022, 1, 4)),  # ended earlier: kept
        (None, date(2020, 1, 7), date(2020, 1, 6), date(2021, 1, 7)),  # the day after: one day
        (None, date(2024, 2, 29), date(2021, 1, 6), date(2025, 2, 28)),
    ],
)
def test_periods_follow_each_other(
    period_end: date | None, start: date, old_end: date, new_end: date
) -> None:
    old, new = new_period(plan_with(TODO, period_end=period_end), start)
    assert (old.date, old.period_end) == (date(2020, 1, 6), old_end)
    assert (new.date, new.period_end) == (start, new_end)


@pytest.mark.parametrize("start", [date(2020, 1, 6), date(2020, 1, 5), date(2019, 12, 31)])
def test_a_period_starts_after_the_plan_date(start: date) -> None:
    with pytest.raises(PeriodStartError, match="after 2020-01-06") as caught:
        new_period(plan_with(TODO), start)
    assert caught.value.plan_date == date(2020, 1, 6)


def test_header_platform_and_areas_are_copied_with_new_ids() -> None:
    plan = plan_with(TODO, DONE)
    old, new = new_period(plan, START)
    same = ("person", "manager", "lang", "scale", "platform", "reflection")
    assert {f: getattr(new, f) for f in same} == {f: getattr(plan, f) for f in same}
    area, goal = new.areas[0], new.areas[0].goals[0]
    was = plan.areas[0]
    assert (area.title, area.origin, area.stage) == (was.title, was.origin, was.stage)
    assert goal.statement == plan.areas[0].goals[0].statement
    indicator = goal.indicators[0]
    assert (indicator.kpi, indicator.target, indicator.measurements) == (
        "Lederevaluering/360",
        "Score over 5",
        [],  # the measurements belong to the old period
    )
    assert (
        old.areas[0].goals[0].indicators[0].measurements
        == plan.areas[0].goals[0].indicators[0].measurements
    )
    old_ids = {plan.id, *(r.id for r in records_of(plan))}
    new_ids = {new.id, *(r.id for r in records_of(new))}
    assert not old_ids & new_ids


def test_feedback_stays_in_the_old_plan() -> None:
    old, new = new_period(plan_with(TODO), START)
    assert new.feedback == [] and len(old.feedback) == 1
    assert old.feedback[0].area_id == old.areas[0].id


def test_the_demo_plan_rolls_over_whole() -> None:
    plan = demo_plan("nb")
    old, new = new_period(plan, date(2021, 1, 6))
    assert len(carried_actions(plan)) == 10
    assert sum(len(g.actions) for a in old.areas for g in a.goals) == 0
    assert sum(len(g.actions) for a in new.areas for g in a.goals) == 10
    assert [a.title for a in new.areas] == [a.title for a in plan.areas]
    assert old.model_dump(exclude={"areas", "period_end"}) == plan.model_dump(
        exclude={"areas", "period_end"}
    )


def test_answers_of_unknown_date_keep_their_old_date_in_the_new_period() -> None:
    from lederplan.domain.history import answer_date, record

    plan = plan_with(TODO)  # no answer has a known date: they count from the plan's date
    _, new = new_period(plan, START)
    assert [answer_date(new, box) for box in range(1, 10)] == [plan.date] * 9
    # So the first edit on the new period's first day keeps the old text as a version.
    history = record(new.history, 1, new.platform[0], answer_date(new, 1), "nytt svar", START)
    assert [(v.box, v.date, v.text) for v in history] == [(1, plan.date, "svar 1")]


@pytest.mark.parametrize(
    ("new", "older", "newer", "error"),
    [
        (date(2021, 2, 1), date(2020, 1, 6), None, None),
        (date(2020, 1, 6), date(2020, 1, 6), None, {"after": date(2020, 1, 6)}),
        (date(2019, 3, 1), date(2020, 1, 6), None, {"after": date(2020, 1, 6)}),
        (date(2020, 6, 1), None, date(2021, 1, 6), None),
        (date(2021, 1, 6), None, date(2021, 1, 6), {"before": date(2021, 1, 6)}),
        (date(2020, 6, 1), date(2020, 1, 6), date(2021, 1, 6), None),
        (date(2018, 1, 1), None, None, None),
    ],
)
def test_a_periods_date_stays_between_its_neighbours(new, older, newer, error) -> None:
    from lederplan.domain.periods import PeriodOrderError, check_period_date

    if error is None:
        check_period_date(new, older, newer)
        return
    with pytest.raises(PeriodOrderError) as raised:
        check_period_date(new, older, newer)
    assert {"after": raised.value.after, "before": raised.value.before} == {
        "after": None,
        "before": None,
    } | error
