"""Which actions ``lederplan due`` lists, read from the store's raw tables (no pydantic).

Only the current period is read: every plan's own document (to find the current one, the first),
and that plan's records (:func:`current_period`); :func:`check_current_period` checks their
shape as the store checks a whole file, so the store can be given it as its check and leave the
older periods, most of a file that has grown for years, unchecked. Of those
actions, only the ones listed have their texts read: done actions are skipped without ``--all``.
The raw documents are checked here as far as the command uses them, and their text is cleaned
as the models would clean it; see :mod:`lederplan.cli.due` for the command itself.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lederplan.domain.deadlines import Deadline, DeadlineKind, read_deadline
from lederplan.domain.text import clean_text
from lederplan.store.errors import CorruptDataError
from lederplan.store.shape import META_TABLE, PARENTS, DamagedError, check_outer, check_tables
from lederplan.store.store import Tables

SECTIONS = ("overdue", "soon", "later", "ended", "undated", "done")
"""The groups, in the order shown; without ``--all`` only the first two."""
STATUSES = ("todo", "doing", "done")
_MISSING = object()


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


def current_period(tables: Tables) -> Tables:
    """The current period of *tables*: every plan's own document (to find the current one, the
    first) and every record of the current plan, under their keys in the file (so that a message
    names the same document).

    Of the older periods' records only the parent field is read, to tell whom each belongs to.
    *tables* need only be tables of documents (:func:`~lederplan.store.shape.check_outer`): any
    other field of the wrong type is left for :func:`check_current_period` to name.

    Raises:
        ~lederplan.store.shape.DamagedError: a record's parent field is missing or not a text,
            so that whose it is cannot be told.
    """
    plans = tables.get("plans", {})
    if not plans:
        return {}
    current = min(plans.values(), key=_pos).get("id")  # the first of the lowest position
    part: Tables = {"plans": plans}
    if META_TABLE in tables:
        part[META_TABLE] = tables[META_TABLE]
    owners = {"plans": {current} if isinstance(current, str) else set()}
    for table, (parent_key, parent_table) in PARENTS.items():
        part[table] = _members(tables, table, parent_key, owners[parent_table])
        owners[table] = _ids(part[table])
    return part


def check_current_period(data: object) -> None:
    """The store's shape check (:func:`~lederplan.store.shape.check_tables`) of what ``due``
    reads (:func:`current_period`), for ``Store(..., check=check_current_period)``.

    The file must still be tables of documents under integer keys (what any reader of it relies
    on, and cheap), every record must name its parent by a text, the current period's records
    (all of them, not only those ``due`` lists) are checked as the store checks every record of a
    file, and a file of records without a plan is damaged as always. The older periods' records
    are not looked at beyond their parent field: their damage is the app's to report.

    Raises:
        ~lederplan.store.shape.DamagedError: what ``due`` reads is not the shape of a
            lederplan file.
    """
    check_outer(data)
    assert isinstance(data, dict)
    if not data.get("plans"):
        check_tables(data)  # no plan: nothing or damaged, and small either way
        return
    check_tables(current_period(data))


def _members(tables: Tables, table: str, parent_key: str, parents: set[str]) -> Tables:
    found: Tables = {}
    for key, doc in tables.get(table, {}).items():
        parent = doc.get(parent_key, _MISSING)
        if type(parent) is not str:  # the reasons the store's check gives (shape.py)
            if parent is _MISSING:
                raise DamagedError(f"missing:{table}.{key}.{parent_key}")
            raise DamagedError(f"type:{table}.{key}.{parent_key}:text")
        if parent in parents:
            found[key] = doc
    return found


def _ids(docs: dict[str, dict[str, Any]]) -> set[str]:
    return {value for doc in docs.values() if isinstance(value := doc.get("id"), str)}


def plan_language(tables: Tables) -> str | None:
    """The current plan's ``lang`` as written in the file, None when there is none to read."""
    plans = sorted(current_period(tables).get("plans", {}).values(), key=_pos)
    lang = plans[0].get("lang") if plans else None
    return lang if isinstance(lang, str) else None


def due_items(
    tables: Tables,
    today: date,
    days: int,
    path: str = "",
    sections: Collection[str] = SECTIONS,
) -> list[DueItem]:
    """The current plan's actions of *sections*, their deadlines read, grouped and sorted as shown.

    Overdue first (oldest first), then due within *days* of *today*, then later (by date), then
    those without a date and the done ones (both in the plan's order). Only the current period is
    read (:func:`current_period`), and of its actions only those of *sections*: a done action's
    deadline is not read unless ``done`` is one of them, nor any action's texts unless it is
    listed.

    Raises:
        CorruptDataError: a field this needs is of the wrong type (a file edited by hand).
    """
    period = current_period(tables)
    plans = sorted(period.get("plans", {}).values(), key=_pos)
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
    wanted = frozenset(sections)
    areas = _children(period, "areas", "plan_id")
    goals = _children(period, "goals", "area_id")
    actions = _children(period, "actions", "goal_id")
    found: list[DueItem] = []
    for a, area in enumerate(areas.get(plan.get("id"), [])):
        area_title: str | None = None
        for g, goal in enumerate(goals.get(area.get("id"), [])):
            statement: str | None = None
            for n, doc in enumerate(actions.get(goal.get("id"), [])):
                where = f"areas.{a}.goals.{g}.actions.{n}"
                status = doc.get("status", "todo")
                if status not in STATUSES:
                    raise _invalid(
                        path, f"{where}.status", "Input should be 'todo', 'doing' or 'done'"
                    )
                if status == "done" and "done" not in wanted:
                    continue  # not listed whatever its deadline says
                anchor = _day(doc, "deadline_written", where, path) or start
                deadline = read_deadline(_text(doc, "deadline", where, path), anchor, start, end)
                due = deadline.next_due(today)
                section = _section(status, deadline, due, today, horizon)
                if section not in wanted:
                    continue
                if area_title is None:
                    area_title = _text(area, "title", f"areas.{a}", path)
                if statement is None:
                    statement = _text(goal, "statement", f"areas.{a}.goals.{g}", path)
                found.append(
                    DueItem(
                        area=area_title,
                        goal=statement,
                        action=_text(doc, "text", where, path),
                        status=status,
                        deadline=deadline,
                        due=due,
                        done_date=_day(doc, "done_date", where, path),
                        section=section,
                    )
                )
    dated = ("overdue", "soon", "later")  # "ended" keeps the plan's order, as "undated" does
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
    if deadline.ended(today):
        return "ended"  # a recurring action past its last day: it has a date, behind it
    if due is None:
        return "undated"  # ongoing or unreadable
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
