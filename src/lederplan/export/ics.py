"""The actions as an iCalendar file (RFC 5545) for a calendar or task app: ``--format ics``.

One VCALENDAR; in it one VTODO per action whose deadline reads (an unreadable one, "no date yet",
has no day to put in a calendar and is left out; the JSON export keeps it):

- a date: ``DUE;VALUE=DATE``;
- recurring: ``DTSTART`` and ``DUE`` on the first occurrence (the anchor) and an ``RRULE``
  (``DAILY``, ``WEEKLY``, ``WEEKLY;INTERVAL=2`` or ``MONTHLY``) with ``UNTIL`` its last day;
- ongoing: ``DTSTART`` the plan's date and ``DUE`` the end of the plan's period.

``SUMMARY`` is the action, ``DESCRIPTION`` its area › goal and the deadline as written,
``CATEGORIES`` the area, ``STATUS`` from the action's status (``COMPLETED`` with the day it was
done). ``UID`` is the action's id, so a second import updates the to-dos instead of doubling them.
``DTSTAMP`` comes from the caller's clock: the same plans and clock give the same bytes.

Pure: no file I/O. The library is imported here, and :mod:`lederplan.cli.commands` imports this
module only for ``--format ics``, so no other command pays for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from icalendar import Calendar, Todo
from icalendar.prop import vText

from lederplan import __version__
from lederplan.domain.dates import add_years
from lederplan.domain.deadlines import Deadline, DeadlineKind, Every, read_deadline
from lederplan.domain.models import Action, Area, Goal, Plan, Status
from lederplan.i18n import t

PRODID = f"-//lederplan//lederplan {__version__}//EN"
UID_SUFFIX = "@lederplan"

_STATUS = {Status.TODO: "NEEDS-ACTION", Status.DOING: "IN-PROCESS", Status.DONE: "COMPLETED"}
_FREQUENCY: dict[Every, dict[str, Any]] = {
    Every.DAY: {"FREQ": "DAILY"},
    Every.WEEK: {"FREQ": "WEEKLY"},
    Every.TWO_WEEKS: {"FREQ": "WEEKLY", "INTERVAL": 2},
    Every.MONTH: {"FREQ": "MONTHLY"},
}
_COMPLETED_AT = time(12, tzinfo=UTC)
"""COMPLETED must be a UTC date-time and we keep only the day: noon UTC is that day from UTC-11
to UTC+11, where midnight would show as the day before anywhere west of Greenwich."""


def plans_to_ics(plans: Sequence[Plan], now: datetime | None = None) -> bytes:
    """Return the actions of *plans* as an iCalendar file (UTF-8, CRLF line ends).

    Args:
        plans: the plans, the current one first (it names the calendar).
        now: when the file is made (``DTSTAMP``); the current time if None. A naive value is
            taken to be UTC.
    """
    stamp = _utc(now or datetime.now(UTC))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if plans:
        first = plans[0]
        name = t("ics.calendar_name", first.lang.value, person=first.person) if first.person else ""
        # NAME is RFC 7986; X-WR-CALNAME is what most calendar apps read.
        calendar.add("name", name or "lederplan")
        calendar.add("x-wr-calname", name or "lederplan")
    uids: set[str] = set()
    for plan in plans:
        for area, goal, action in _actions(plan):
            deadline = action_deadline(plan, action)
            if not deadline.readable:
                continue
            uid = action.id + UID_SUFFIX
            if uid in uids:
                # A plan copied from another keeps the ids of its actions; a UID must be unique in
                # the file, so the later copy's UID names its plan too (the current plan's stays).
                uid = f"{action.id}.{plan.id}{UID_SUFFIX}"
            uids.add(uid)
            calendar.add_component(_todo(plan, area, goal, action, deadline, uid, stamp))
    return calendar.to_ical()


def action_deadline(plan: Plan, action: Action) -> Deadline:
    """The action's deadline read from the day it was written (or the plan's date)."""
    end = plan.period_end or add_years(plan.date, 1)
    return read_deadline(action.deadline, action.deadline_written or plan.date, plan.date, end)


def _actions(plan: Plan) -> Iterator[tuple[Area, Goal, Action]]:
    for area in plan.areas:
        for goal in area.goals:
            for action in goal.actions:
                yield area, goal, action


def _todo(
    plan: Plan,
    area: Area,
    goal: Goal,
    action: Action,
    deadline: Deadline,
    uid: str,
    stamp: datetime,
) -> Todo:
    todo = Todo()
    todo.add("uid", uid)
    todo.add("dtstamp", stamp)
    todo.add("summary", _Text(action.text))
    todo.add("description", _Text(_description(plan, area, goal, action)))
    if area.title:
        todo.add("categories", _Text(area.title))  # one category: its commas are escaped
    # A development plan is personal: a shared calendar shows the time, not the text.
    todo.add("class", "PRIVATE")
    _add_dates(todo, plan, deadline)
    todo.add("status", _STATUS[action.status])
    if action.status is Status.DONE:
        todo.add("percent-complete", 100)
        if action.done_date is not None:
            todo.add("completed", datetime.combine(action.done_date, _COMPLETED_AT))
    return todo


def _add_dates(todo: Todo, plan: Plan, deadline: Deadline) -> None:
    """DUE (and DTSTART, RRULE) as whole days, by the kind of deadline."""
    if deadline.kind is DeadlineKind.DATE:
        assert deadline.due is not None
        todo.add("due", deadline.due)
    elif deadline.kind is DeadlineKind.ONGOING:
        assert deadline.until is not None
        todo.add("dtstart", plan.date)
        todo.add("due", deadline.until)
    elif deadline.kind is DeadlineKind.RECURRING:
        assert deadline.due is not None and deadline.until is not None
        assert deadline.every is not None
        todo.add("dtstart", deadline.due)
        todo.add("due", deadline.due)
        # An end written before the start is kept by the reader; here it is the one occurrence.
        todo.add("rrule", _rule(deadline.every, deadline.due, max(deadline.until, deadline.due)))


def _rule(every: Every, first: date, until: date) -> dict[str, Any]:
    rule = {**_FREQUENCY[every], "UNTIL": until}
    if every is Every.MONTH and first.day > 28:
        # "Monthly" from the 31st is the 31st, or the month's last day when it has fewer days (as
        # Deadline.next_due counts); a plain MONTHLY rule would skip those months instead.
        rule["BYMONTHDAY"] = list(range(28, first.day + 1))
        rule["BYSETPOS"] = -1
    return rule


def _description(plan: Plan, area: Area, goal: Goal, action: Action) -> str:
    where = " › ".join(part for part in (area.title, goal.statement) if part)
    written = t("ics.deadline", plan.lang.value, deadline=action.deadline)
    return f"{where}\n{written}" if where else written


class _Text(vText):
    """A TEXT value escaped as RFC 5545 (3.3.11) says. icalendar's own escaping takes a literal
    backslash-N for an escaped line break: "C:\\Notes" reached the calendar as "C:", a new line
    and "otes"."""

    def to_ical(self) -> bytes:
        text = str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n").encode()


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)
