"""The plan's actions in time: each action's deadline read, and the agenda buckets (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lederplan.domain.deadlines import Deadline, DeadlineKind, read_deadline
from lederplan.domain.models import Action, Area, Goal, Plan, Status

BUCKETS = ("overdue", "this_week", "four_weeks", "later", "ended", "no_date")
"""The agenda's groups, in the order shown."""


@dataclass(frozen=True)
class Scheduled:
    """One action with its deadline read."""

    area: Area
    goal: Goal
    action: Action
    deadline: Deadline

    @property
    def done(self) -> bool:
        return self.action.status is Status.DONE

    def when(self, today: date) -> date | None:
        """The date that places it in time: due, next occurrence, or (ongoing) today."""
        kind = self.deadline.kind
        if kind is DeadlineKind.DATE:
            return self.deadline.due
        if kind is DeadlineKind.RECURRING:
            return self.deadline.next_due(today) or self.deadline.last_due()
        if kind is DeadlineKind.ONGOING:
            return today
        return None

    def overdue(self, today: date) -> bool:
        """A dated action not done whose day has passed (:func:`is_overdue`)."""
        return is_overdue(self.action, self.deadline, today)


def is_overdue(action: Action, deadline: Deadline, today: date) -> bool:
    """Whether *action*, its *deadline* read, is overdue on *today*: not done, and its dated
    deadline has passed. Recurring, ongoing and unreadable deadlines are never overdue. The one
    rule of the timeline, the målkort and the exports."""
    due = deadline.due if deadline.kind is DeadlineKind.DATE else None
    return action.status is not Status.DONE and due is not None and due < today


def schedule(plan: Plan) -> list[Scheduled]:
    """Every action of *plan*, in målkort order, with its deadline read."""
    assert plan.period_end is not None
    found = []
    for area in plan.areas:
        for goal in area.goals:
            for action in goal.actions:
                anchor = action.deadline_written or plan.date
                deadline = read_deadline(action.deadline, anchor, plan.date, plan.period_end)
                found.append(Scheduled(area, goal, action, deadline))
    return found


def bucket(item: Scheduled, today: date) -> str | None:
    """Which agenda group *item* belongs to today (None: done, or an ongoing one)."""
    if item.done:
        return None
    if item.overdue(today):
        return "overdue"
    when = item.when(today)
    if item.deadline.kind is DeadlineKind.ONGOING:
        return None
    if item.deadline.ended(today):
        return "ended"  # it has a last date, which has passed: not "no date yet"
    if when is None:
        return "no_date"
    week_end = today + timedelta(days=6 - today.weekday())
    if when <= week_end:
        return "this_week"
    if when <= today + timedelta(weeks=4):
        return "four_weeks"
    return "later"


def agenda(items: list[Scheduled], today: date) -> dict[str, list[Scheduled]]:
    """The not-done actions grouped by :data:`BUCKETS`, each group in date order."""
    groups: dict[str, list[Scheduled]] = {name: [] for name in BUCKETS}
    for item in items:
        name = bucket(item, today)
        if name is not None:
            groups[name].append(item)
    for name, group in groups.items():
        if name != "no_date":
            group.sort(key=lambda i: i.when(today) or date.max)
    return groups
