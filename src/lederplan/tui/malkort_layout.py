"""The målkort as lines of text: which record each cell shows and how it wraps (no Textual).

The course lays a goal out as one block: the area and the goal once, and beside them one line
per indicator (with its target) and one per action (with its deadline). Each logical row holds
the i-th indicator and the i-th action of a goal; the area and goal text flows down their block.
"""

from __future__ import annotations

import bisect
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.cells import set_cell_size

from lederplan.domain.models import Action, Area, Goal, Indicator, Plan, Record, Status

COLUMNS = ("area", "goal", "kpi", "target", "action", "deadline")
"""The six columns, left to right."""
GROUPS = (("malkort.group.scorecard", 1), ("malkort.group.goals", 3), ("malkort.group.actions", 2))
"""Column groups (catalogue key, how many columns) as the course draws them."""
HEADERS = (
    "malkort.areas",
    "malkort.statements",
    "malkort.kpi",
    "malkort.target",
    "malkort.actions",
    "malkort.deadlines",
)
_SHARES = (14, 22, 15, 15, 22, 12)
_MINIMUM = (8, 10, 8, 8, 10, 9)
STATUS_MARK = {Status.TODO: "[ ]", Status.DOING: "[~]", Status.DONE: "[x]"}
"""Action status as text, so it never depends on colour."""
CARRIED_MARK = "↻"
"""Before the text of an action carried over unfinished from an earlier period."""


@dataclass
class Row:
    """One logical row: the i-th indicator and the i-th action of a goal."""

    area: Area
    goal: Goal | None
    indicator: Indicator | None
    action: Action | None
    area_row: int
    """Index of the first row of this area's block."""
    goal_row: int
    """Index of the first row of this goal's block."""
    top: int = 0
    """First screen line of the row."""
    height: int = 1
    """Lines the row takes."""
    cells: dict[str, list[str]] = field(default_factory=dict)
    """Wrapped lines of each column (area/goal only on the block's first row)."""


def deadline_cells(plan: Plan) -> dict[str, str]:
    """Each action's deadline as written, with what it was read as on a second line."""
    from lederplan.domain.deadlines import DeadlineKind
    from lederplan.domain.schedule import schedule
    from lederplan.i18n import format_date, t

    cells = {}
    for item in schedule(plan):
        deadline, written = item.deadline, item.action.deadline
        if not written:
            continue
        if deadline.kind is DeadlineKind.DATE and deadline.due is not None:
            read = format_date(deadline.due)
            if deadline.before_plan:
                read = f"! {read} ({t('deadline.before_plan')})"
        elif deadline.kind is DeadlineKind.ONGOING:
            read = t("deadline.ongoing")
        elif deadline.kind is DeadlineKind.RECURRING:
            read = t("deadline.recurring", until=deadline.until)
        else:
            read = f"? {t('deadline.none')}"
        cells[item.action.id] = f"{written}\n→ {read}"
    return cells


def cell_record(row: Row, column: str) -> tuple[Record | None, str]:
    """The record a cell edits (None: the cell is empty) and the id of its parent."""
    if column == "area":
        return row.area, ""
    if column == "goal":
        return row.goal, row.area.id
    parent = row.goal.id if row.goal else ""
    if column in ("kpi", "target"):
        return row.indicator, parent
    return row.action, parent


def header_lines(widths: list[int], text: Callable[[str], str]) -> list[str]:
    """The course's group line, then the column names wrapped (never cut) to their *widths*.

    Args:
        text: what turns a catalogue key into words (the i18n ``t``).
    """
    spans = iter(widths)
    groups = []
    for key, count in GROUPS:
        span = sum(next(spans) for _ in range(count)) + count - 1
        groups.append(set_cell_size(text(key), span))
    names = [wrap(text(key), w) for key, w in zip(HEADERS, widths, strict=True)]
    lines = ["│".join(groups) + "│"]
    for i in range(max(len(column) for column in names)):
        cells = [
            set_cell_size(column[i] if i < len(column) else "", w)
            for column, w in zip(names, widths, strict=True)
        ]
        lines.append("│".join(cells) + "│")
    return lines


def column_widths(total: int) -> list[int]:
    """Widths of the six columns (without separators) for a table *total* cells wide."""
    inner = max(sum(_MINIMUM), total - len(COLUMNS))  # one separator per column
    widths = [max(m, inner * s // sum(_SHARES)) for s, m in zip(_SHARES, _MINIMUM, strict=True)]
    widths[1] += inner - sum(widths)  # what rounding left goes to the goal statements
    return widths


def wrap(text: str, width: int) -> list[str]:
    """Wrap *text* to *width*, keeping its line breaks; never cuts a word silently."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True) or [""])
    return lines


class Layout:
    """Rows and wrapped lines of a plan's målkort at a given width."""

    def __init__(self, plan: Plan, width: int, deadline_text: dict[str, str] | None = None):
        self.widths = column_widths(width)
        self.rows: list[Row] = []
        self._deadline_text = deadline_text or {}
        for area in plan.areas:
            area_row = len(self.rows)
            for goal in area.goals or [None]:
                goal_row = len(self.rows)
                indicators = goal.indicators if goal else []
                actions = goal.actions if goal else []
                for i in range(max(len(indicators), len(actions), 1)):
                    self.rows.append(
                        Row(
                            area,
                            goal,
                            indicators[i] if i < len(indicators) else None,
                            actions[i] if i < len(actions) else None,
                            area_row,
                            goal_row,
                        )
                    )
        self._measure()

    def _measure(self) -> None:
        w = dict(zip(COLUMNS, self.widths, strict=True))
        for row in self.rows:
            row.cells = {
                "kpi": wrap(row.indicator.kpi, w["kpi"]) if row.indicator else [],
                "target": wrap(row.indicator.target, w["target"]) if row.indicator else [],
                "action": wrap(self.action_text(row.action), w["action"]) if row.action else [],
                "deadline": wrap(self.deadline_of(row.action), w["deadline"]) if row.action else [],
            }
            row.height = max(1, *(len(lines) for lines in row.cells.values()))
        # The area and goal text flow down their blocks; a block too short for them grows.
        for column, start_of in (("goal", "goal_row"), ("area", "area_row")):
            starts = sorted({getattr(r, start_of) for r in self.rows})
            for n, start in enumerate(starts):
                end = starts[n + 1] if n + 1 < len(starts) else len(self.rows)
                block = self.rows[start:end]
                first = block[0]
                text = (
                    first.area.title
                    if column == "area"
                    else (first.goal.statement if first.goal else "")
                )
                if column == "area" and first.area.origin:
                    text = f"{text}\n({first.area.origin})"
                lines = wrap(text, w[column])
                first.cells[column] = lines
                short = len(lines) - sum(r.height for r in block)
                if short > 0:
                    block[-1].height += short
        top = 0
        for row in self.rows:
            row.top = top
            top += row.height
        self.height = top
        self._tops = [row.top for row in self.rows]

    @staticmethod
    def action_text(action: Action) -> str:
        carried = f"{CARRIED_MARK} " if action.carried_from else ""
        return f"{STATUS_MARK[action.status]} {carried}{action.text}"

    def deadline_of(self, action: Action) -> str:
        return self._deadline_text.get(action.id, action.deadline)

    def row_at_line(self, line: int) -> int:
        """Index of the row that covers screen line *line*."""
        return max(0, bisect.bisect_right(self._tops, line) - 1)

    def block_lines(self, row_index: int, column: str) -> tuple[int, int]:
        """(first line, number of lines) of the cell at *row_index*, *column* on screen."""
        row = self.rows[row_index]
        if column in ("area", "goal"):
            start = row.area_row if column == "area" else row.goal_row
            key = "area_row" if column == "area" else "goal_row"
            end = start
            while end < len(self.rows) and getattr(self.rows[end], key) == start:
                end += 1
            first, last = self.rows[start], self.rows[end - 1]
            return first.top, last.top + last.height - first.top
        return row.top, row.height

    def cell_line(self, row_index: int, column: str, line: int) -> str:
        """The text of *column* on screen line *line* (which lies in row *row_index*)."""
        row = self.rows[row_index]
        if column in ("area", "goal"):
            start = self.rows[row.area_row if column == "area" else row.goal_row]
            lines = start.cells.get(column, [])
            offset = line - start.top
        else:
            lines = row.cells.get(column, [])
            offset = line - row.top
        return lines[offset] if 0 <= offset < len(lines) else ""


KIND_OF: dict[type, str] = {Area: "area", Goal: "goal", Indicator: "indicator", Action: "action"}


"""The record type's name, as the editing layer names it."""


def with_pending(plan: Plan, pending: tuple[Record, str, int | None] | None) -> Plan:
    """*plan* as shown: with the row being added (not stored until something is typed)."""
    if pending is None:
        return plan
    record, parent_id, position = pending
    from lederplan.editing.records import locate

    if locate(plan, record.id) is not None:
        return plan  # stored meanwhile (the first autosave)
    shown = plan.model_copy(deep=True)
    if parent_id == plan.id:
        siblings: list = shown.areas
    else:
        found = locate(shown, parent_id)
        if found is None:
            return plan
        parent = found.record
        field = {Goal: "goals", Indicator: "indicators", Action: "actions"}[type(record)]
        siblings = getattr(parent, field)
    siblings.insert(len(siblings) if position is None else position, record)
    return shown
