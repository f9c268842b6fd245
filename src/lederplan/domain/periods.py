"""Plan periods: the plan for the next period (e.g. the next year), started from the current one.

What :func:`new_period` copies, moves and leaves:

- The new plan copies the heading (person, closest manager), the language, the rating scale, the
  platform's nine answers, the reflection, and every other plan-level field (an answer's earlier
  versions among them) except its own id, date and period.
- Areas, goals and indicators are copied with new ids: an area's title, origin and stage of
  competence; a goal's statement and GROW notes; an indicator's KPI, target/effect, numeric target
  and unit. An indicator's measurements stay in the old plan: they measured that period.
- Each unfinished action (to do or doing) *moves* to the new plan with a new id, marked
  ``carried_from`` (the date of the period it was first planned in, kept when it is carried on
  again). Its deadline keeps its anchor (``deadline_written``, else the old plan's date), so a
  carried "Innen juni" still means the June it meant then and shows as overdue, never as a new
  deadline nobody wrote.
- Finished actions and all the feedback stay in the old plan: they belong to that period.
- The old plan's period ends the day before the new one starts (unless it ended earlier).

Pure: no I/O. The store writes both plans in one transaction.
"""

from __future__ import annotations

from datetime import date, timedelta

from lederplan.domain.models import Action, Area, Goal, Indicator, Plan, Status


class PeriodStartError(ValueError):
    """A new period must start after the current plan's date."""

    def __init__(self, start: date, plan_date: date) -> None:
        super().__init__(f"a new period must start after {plan_date.isoformat()}, not {start}")
        self.start = start
        self.plan_date = plan_date


class PeriodOrderError(ValueError):
    """A plan's date would put it out of order with the periods before or after it."""

    def __init__(self, *, after: date | None = None, before: date | None = None) -> None:
        super().__init__(f"the date must come after {after} and before {before}")
        self.after = after
        self.before = before


def check_period_date(new_date: date, older: date | None, newer: date | None) -> None:
    """Periods follow each other: a plan's date comes after the older period's date and before
    the newer one's.

    Raises:
        PeriodOrderError: *new_date* is not between them.
    """
    if older is not None and new_date <= older:
        raise PeriodOrderError(after=older)
    if newer is not None and new_date >= newer:
        raise PeriodOrderError(before=newer)


def carried_actions(plan: Plan) -> list[Action]:
    """The actions a new period would carry over: the unfinished ones, in the plan's order."""
    return [
        action
        for area in plan.areas
        for goal in area.goals
        for action in goal.actions
        if action.status is not Status.DONE
    ]


def new_period(plan: Plan, start: date) -> tuple[Plan, Plan]:
    """Start the period beginning on *start* from *plan*.

    Returns:
        ``(old, new)``: *plan* without the actions carried over and with its period ended the day
        before *start*; and the new plan, dated *start*, its period one year long.

    Raises:
        PeriodStartError: *start* is not after *plan*'s date.
    """
    if start <= plan.date:
        raise PeriodStartError(start, plan.date)
    new_areas = [_copy_area(area, plan.date) for area in plan.areas]
    header = plan.model_dump(exclude={"id", "date", "period_end", "areas", "feedback"})
    # An answer of unknown date counts from its plan's date: in the new plan it would count from
    # the new start, and the first edit that day would replace it without keeping it as history.
    header["platform_dates"] = [day or plan.date for day in plan.platform_dates]
    new = Plan.model_validate(header | {"date": start, "areas": new_areas})
    kept = plan.model_dump()
    for area in kept["areas"]:
        for goal in area["goals"]:
            goal["actions"] = [a for a in goal["actions"] if a["status"] == Status.DONE]
    assert plan.period_end is not None
    kept["period_end"] = min(plan.period_end, start - timedelta(days=1))
    old = Plan.model_validate(kept)
    return old, new


def _copy_area(area: Area, period_start: date) -> Area:
    return Area(
        title=area.title,
        origin=area.origin,
        stage=area.stage,
        goals=[_copy_goal(goal, period_start) for goal in area.goals],
    )


def _copy_goal(goal: Goal, period_start: date) -> Goal:
    return Goal(
        statement=goal.statement,
        grow=goal.grow.model_copy(deep=True),
        indicators=[_copy_indicator(indicator) for indicator in goal.indicators],
        actions=[
            _carry(action, period_start)
            for action in goal.actions
            if action.status is not Status.DONE
        ],
    )


def _copy_indicator(indicator: Indicator) -> Indicator:
    return Indicator.model_validate(indicator.model_dump(exclude={"id", "measurements"}))


def _carry(action: Action, period_start: date) -> Action:
    fields = action.model_dump(exclude={"id"})
    anchor = action.deadline_written or period_start
    first = action.carried_from or period_start
    return Action.model_validate(fields | {"deadline_written": anchor, "carried_from": first})
