"""Which actions ``lederplan due`` lists, read from the store's raw tables (no pydantic).

The raw documents are checked here as far as the command uses them, and their text is cleaned
as the models would clean it; see :mod:`lederplan.cli.due` for the command itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lederplan.domain.deadlines import Deadline, DeadlineKind, read_deadline
from lederplan.domain.text import clean_text
from lederplan.store.errors import CorruptDataError
from lederplan.store.store import Tables

SECTIONS = ("overdue", "soon", "later", "undated", "done")
"""The groups, in the order shown; without ``--all`` only the first two."""
STATUSES = ("todo", "doing", "done")


@dataclass(frozen=True)
class DueItem:
    """One action of the plan, its deadline read for today."""

    area: str
    goal: str
    action: str
    status: str
    """todo, doing or done."""
    deadline: Deadline
    due: date | None
    """DATE: the due date; RECURRING: the next occurrence on or after today (None once it has
    ended); ONGOING and NONE: None."""
    done_date: date | None
    section: str
    """One of :data:`SECTIONS`."""

    @property
    def overdue(self) -> bool:
        """A due date before today, and not done."""
        return self.section == "overdue"

    def as_json(self) -> dict[str, Any]:
        """The object ``--json`` prints for this action."""
        deadline = self.deadline
        return {
            "area": self.area,
            "goal": self.goal,
            "action": self.action,
            "deadline": deadline.text,
            "kind": deadline.kind.value,
            "due": _iso(self.due),
            "until": _iso(deadline.until),
            "every": deadline.every.value if deadline.every else None,
            "status": self.status,
            "overdue": self.overdue,
            "before_plan": deadline.before_plan,
        }


def due_items(tables: Tables, today: date, days: int, path: str = "") -> list[DueItem]:
    """Every action of the current plan, its deadline read, grouped and sorted as shown.

    Overdue first (oldest first), then due within *days* of *today*, then later (by date), then
    those without a date and the done ones (both in the plan's order).

    Raises:
        CorruptDataError: a field this needs is of the wrong type (a file edited by hand).
    """
    plans = sorted(tables.get("plans", {}).values(), key=_pos)
    if not plans:
        return []
    plan = plans[0]
    start = _day(plan, "date", "", path, required=True)
    assert start is not None
    end = _day(plan, "period_end", "", path) or _add_year(start)
    try:
        horizon = today + timedelta(days=days)
    except OverflowError:  # --days 10000000: everything ahead
        horizon = date.max
    areas = _children(tables, "areas", "plan_id")
    goals = _children(tables, "goals", "area_id")
    actions = _children(tables, "actions", "goal_id")
    found: list[DueItem] = []
    for a, area in enumerate(areas.get(plan.get("id"), [])):
        area_title = _text(area, "title", f"areas.{a}", path)
        for g, goal in enumerate(goals.get(area.get("id"), [])):
            statement = _text(goal, "statement", f"areas.{a}.goals.{g}", path)
            for n, doc in enumerate(actions.get(goal.get("id"), [])):
                where = f"areas.{a}.goals.{g}.actions.{n}"
                status = doc.get("status", "todo")
                if status not in STATUSES:
                    raise _invalid(
                        path, f"{where}.status", "Input should be 'todo', 'doing' or 'done'"
                    )
                anchor = _day(doc, "deadline_written", where, path) or start
                deadline = read_deadline(_text(doc, "deadline", where, path), anchor, start, end)
                due = deadline.next_due(today)
                found.append(
                    DueItem(
                        area=area_title,
                        goal=statement,
                        action=_text(doc, "text", where, path),
                        status=status,
                        deadline=deadline,
                        due=due,
                        done_date=_day(doc, "done_date", where, path),
                        section=_section(status, deadline, due, today, horizon),
                    )
                )
    dated = ("overdue", "soon", "later")
    # A stable sort: equal dates, and the undated and done groups, keep the plan's order.
    return sorted(
        found,
        key=lambda item: (
            SECTIONS.index(item.section),
            item.due if item.section in dated and item.due else date.min,
        ),
    )


def _section(status: str, deadline: Deadline, due: date | None, today: date, horizon: date) -> str:
    if status == "done":
        return "done"
    if due is None:
        return "undated"  # ongoing, unreadable, or a recurring action that has ended
    if deadline.kind is DeadlineKind.DATE and due < today:
        return "overdue"
    return "soon" if due <= horizon else "later"


def _children(tables: Tables, table: str, parent_key: str) -> dict[Any, list[dict[str, Any]]]:
    groups: dict[Any, list[dict[str, Any]]] = {}
    for doc in tables.get(table, {}).values():
        groups.setdefault(doc.get(parent_key), []).append(doc)
    for docs in groups.values():
        docs.sort(key=_pos)
    return groups


def _pos(doc: dict[str, Any]) -> int:
    pos = doc.get("pos", 0)
    return pos if isinstance(pos, int) else 0


def _text(doc: dict[str, Any], key: str, where: str, path: str) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str):
        raise _invalid(path, _join(where, key), "Input should be a valid string")
    return clean_text(value)


def _day(
    doc: dict[str, Any], key: str, where: str, path: str, *, required: bool = False
) -> date | None:
    value = doc.get(key)
    if value is None and not required:
        return None
    try:
        return date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _invalid(path, _join(where, key), "Input should be a valid date") from None


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _invalid(path: str, where: str, msg: str) -> CorruptDataError:
    # The same reason the models' validation gives, so the message is the one the app shows.
    return CorruptDataError(path, f"invalid:{where}:{msg}", None)


def _add_year(day: date) -> date:
    """The default end of the plan's period: a year after its date (29 February: 28th)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
