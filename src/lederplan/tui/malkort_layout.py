"""The målkort as lines of text: which record each cell shows and how it wraps (no Textual).

The course lays a goal out as one block: the area and the goal once, and beside them one line
per indicator (with its target) and one per action (with its deadline). Each logical row holds
the i-th indicator and the i-th action of a goal; the area and goal text flows down their block.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from rich.cells import set_cell_size

from lederplan.domain.models import Action, Area, Goal, Indicator, Plan, Record
from lederplan.tui.malkort_rows import (  # noqa: F401 (CARRIED_MARK, STATUS_MARK: read from here)
    CARRIED_MARK,
    READ_AS,
    STATUS_MARK,
    RowCache,
    row_cells,
    wrap,
)

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
_SHARES = (15, 21, 15, 15, 22, 12)
_MINIMUM = (8, 8, 8, 8, 8, 9)
"""Below these (49 cells, and a 60-column screen has 53) the table is wider than the screen."""
_LONGEST_DATE = date(2000, 9, 30)
"""A date written with the most letters in either language (30.09.2000, 30 Sep 2000)."""


@dataclass(slots=True)
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
    cells: dict[str, list[str]] = field(default_factory=dict)
    """Wrapped lines of the row's own columns (KPI, target, action, deadline), once laid out;
    the area and goal text of a block is :meth:`Layout.block_text`."""
    laid_out: bool = False
    """Whether :attr:`cells` and the row's height are known (not estimated)."""


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


def column_widths(total: int, keep: int = 0) -> list[int]:
    """Widths of the six columns (without separators) for a table *total* cells wide.

    The deadline column is at least *keep* wide (what a deadline is read as, "→ 30.09.2026",
    is never broken); what it takes is taken from the others in proportion to their shares, as
    far as their minimums allow.
    """
    inner = max(sum(_MINIMUM), total - len(COLUMNS))  # one separator per column
    minimum = [*_MINIMUM[:-1], max(_MINIMUM[-1], min(keep, inner - sum(_MINIMUM[:-1])))]
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(COLUMNS)) if i not in fixed]
        room = inner - sum(minimum[i] for i in fixed)
        shares = sum(_SHARES[i] for i in free)
        widths = [
            minimum[i] if i in fixed else room * _SHARES[i] // shares for i in range(len(COLUMNS))
        ]
        short = {i for i in free if widths[i] < minimum[i]}
        if not short:
            break
        fixed |= short
    widths[1] += inner - sum(widths)  # what rounding left goes to the goal statements
    return widths


def date_width() -> int:
    """Cells "→ " and the longest date take in the current language."""
    from lederplan.i18n import format_date

    return len(f"{READ_AS} {format_date(_LONGEST_DATE)}")


class Layout:
    """Rows and wrapped lines of a plan's målkort at a given width.

    The rows are known at once, their text only when it is first needed: a row is wrapped
    (laid out) when it comes into view, or near it (:meth:`lay_out_lines`), and until then its
    height is estimated from the length of its text. So a plan of 10,000 actions costs what the
    rows on screen cost; the estimate only moves the scroll bar.
    """

    def __init__(
        self, plan: Plan, width: int, cache: RowCache | None = None, today: date | None = None
    ) -> None:
        from lederplan.clock import today_or_system
        from lederplan.i18n import current_language

        self.widths = column_widths(width, date_width())
        self._width = dict(zip(COLUMNS, self.widths, strict=True))
        self._plan = plan
        self._today = today or today_or_system()
        """The day that decides which deadlines are overdue."""
        self._cache = cache if cache is not None else RowCache()
        self._cache.use(
            tuple(self.widths), current_language(), plan.date, plan.period_end, self._today
        )
        self.rows: list[Row] = []
        self._block_end: dict[tuple[str, int], int] = {}
        """(column, first row of a block) -> the index after its last row."""
        self._texts: dict[tuple[str, int], list[str]] = {}
        """(column, first row of a block) -> the area's or goal's text, wrapped."""
        self._goals_laid_out: set[int] = set()
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
                self._block_end["goal", goal_row] = len(self.rows)
            self._block_end["area", area_row] = len(self.rows)
        self._heights = [self._estimate(row) for row in self.rows]
        self._tops: list[int] = []
        self._stale = True
        self._changes = 0
        """Heights changed so far (by laying out rows)."""

    # -- heights and places ----------------------------------------------------------------

    def _estimate(self, row: Row) -> int:
        """Lines the row will take, about (about a fifth of a wrapped line is left empty)."""
        w, lines = self._width, 1
        if row.indicator is not None:
            longest = max(len(row.indicator.kpi), len(row.indicator.target))
            lines = longest * 6 // (5 * w["kpi"]) + 1
        if row.action is not None:
            lines = max(lines, (len(row.action.text) + 4) * 6 // (5 * w["action"]) + 1)
            if row.action.deadline:
                lines = max(lines, len(row.action.deadline) * 6 // (5 * w["deadline"]) + 2)
        return lines

    def _changed(self) -> None:
        self._stale = True
        self._changes += 1

    def _places(self) -> list[int]:
        if self._stale:
            self._tops = [0, *accumulate(self._heights)]
            self._stale = False
        return self._tops

    @property
    def height(self) -> int:
        """Lines of the whole table (rows not laid out yet counted as estimated)."""
        return self._places()[-1]

    def top(self, row_index: int) -> int:
        """First screen line of the row *row_index*."""
        return self._places()[row_index]

    def row_height(self, row_index: int) -> int:
        return self._heights[row_index]

    def row_at_line(self, line: int) -> int:
        """Index of the row that covers screen line *line*."""
        tops = self._places()
        return max(0, min(len(self.rows) - 1, bisect.bisect_right(tops, line) - 1))

    @property
    def laid_out(self) -> int:
        """How many rows are wrapped so far."""
        return sum(1 for row in self.rows if row.laid_out)

    # -- laying out ------------------------------------------------------------------------

    def lay_out_lines(self, first: int, last: int) -> bool:
        """Lay out every row that covers a line from *first* to *last*; True if a height changed.

        The rows at the top of a block that its area or goal text flows down are laid out too, so
        that text stands beside the same rows as if the whole table had been laid out.
        """
        changed = False
        while self.rows:  # each pass lays out at least one more row, or ends
            seen = self._changes
            a, b = self.row_at_line(max(0, first)), self.row_at_line(max(0, last))
            for column, key in (("area", "area_row"), ("goal", "goal_row")):
                start = getattr(self.rows[a], key)
                reach, i = len(self.block_text(column, start)), start
                while i < a and self.top(i) - self.top(start) < reach:
                    self.lay_out_row(i)
                    i += 1
            for i in range(a, b + 1):
                self.lay_out_row(i)
            if self._changes == seen:
                break
            changed = True
        return changed

    def lay_out_row(self, row_index: int) -> None:
        """Wrap row *row_index* (and the whole of a block too short for its area or goal text)."""
        row = self.rows[row_index]
        if row.laid_out:
            return
        area_end = self._block_end["area", row.area_row]
        if area_end - row.area_row < len(self.block_text("area", row.area_row)):
            goals = sorted({self.rows[i].goal_row for i in range(row.area_row, area_end)})
            for goal_row in goals:
                self._lay_out_goal(goal_row)
            self._grow("area", row.area_row)
        elif self._short("goal", row.goal_row):
            self._lay_out_goal(row.goal_row)
        else:
            self._wrap(row_index)

    def _short(self, column: str, start: int) -> bool:
        """Whether a block has fewer rows than its area or goal text has lines (it may grow)."""
        return self._block_end[column, start] - start < len(self.block_text(column, start))

    def _lay_out_goal(self, goal_row: int) -> None:
        if goal_row in self._goals_laid_out:
            return
        self._goals_laid_out.add(goal_row)
        for i in range(goal_row, self._block_end["goal", goal_row]):
            self._wrap(i)
        if self._short("goal", goal_row):
            self._grow("goal", goal_row)

    def _grow(self, column: str, start: int) -> None:
        # The area and goal text flow down their blocks; a block too short for them grows.
        end = self._block_end[column, start]
        short = len(self.block_text(column, start)) - sum(self._heights[start:end])
        if short > 0:
            self._heights[end - 1] += short
            self._changed()

    def _wrap(self, row_index: int) -> None:
        row = self.rows[row_index]
        if row.laid_out:
            return
        row.cells = row_cells(
            row.indicator, row.action, self._width, self._plan, self._cache, self._today
        )
        row.laid_out = True
        height = max(1, *(len(lines) for lines in row.cells.values()))
        if height != self._heights[row_index]:
            self._heights[row_index] = height
            self._changed()

    def block_text(self, column: str, start: int) -> list[str]:
        """The area's (*column* "area") or goal's text of the block from row *start*, wrapped."""
        lines = self._texts.get((column, start))
        if lines is None:
            first = self.rows[start]
            if column == "area":
                text = first.area.title
                if first.area.origin:
                    text = f"{text}\n({first.area.origin})"
            else:
                text = first.goal.statement if first.goal else ""
            lines = self._texts[column, start] = wrap(text, self._width[column])
        return lines

    # -- reading ---------------------------------------------------------------------------

    def block_lines(self, row_index: int, column: str) -> tuple[int, int]:
        """(first line, number of lines) of the cell at *row_index*, *column* on screen."""
        row = self.rows[row_index]
        if column in ("area", "goal"):
            start = row.area_row if column == "area" else row.goal_row
            end = self._block_end[column, start]
            tops = self._places()
            return tops[start], tops[end] - tops[start]
        return self.top(row_index), self._heights[row_index]

    def cell_line(self, row_index: int, column: str, line: int) -> str:
        """The text of *column* on screen line *line* (which lies in row *row_index*)."""
        row = self.rows[row_index]
        if column in ("area", "goal"):
            start = row.area_row if column == "area" else row.goal_row
            lines = self.block_text(column, start)
            offset = line - self.top(start)
        else:
            self.lay_out_row(row_index)
            lines = row.cells.get(column, [])
            offset = line - self.top(row_index)
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
