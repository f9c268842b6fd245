"""What a row of the målkort shows in its own columns (KPI, target, action, deadline), wrapped,
and the cache that keeps it from one layout of the plan to the next (no Textual)."""

from __future__ import annotations

import textwrap
from datetime import date

from lederplan.domain.models import Action, Indicator, Plan, Status

STATUS_MARK = {Status.TODO: "[ ]", Status.DOING: "[~]", Status.DONE: "[x]"}
"""Action status as text, so it never depends on colour."""
CARRIED_MARK = "↻"
"""Before the text of an action carried over unfinished from an earlier period."""


def wrap(text: str, width: int) -> list[str]:
    """Wrap *text* to *width*, keeping its line breaks; never cuts a word silently."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True) or [""])
    return lines


def action_text(action: Action) -> str:
    """An action's cell: its status, ↻ when carried over, and its text."""
    carried = f"{CARRIED_MARK} " if action.carried_from else ""
    return f"{STATUS_MARK[action.status]} {carried}{action.text}"


def deadline_cell(action: Action, plan: Plan, today: date) -> str:
    """An action's deadline as written, with what it was read as on a second line (on *today*:
    a recurring action whose last day has passed reads as ended, on that day)."""
    written = action.deadline
    if not written or plan.period_end is None:
        return written
    from lederplan.domain.deadlines import DeadlineKind, read_deadline
    from lederplan.i18n import format_date, t

    anchor = action.deadline_written or plan.date
    deadline = read_deadline(written, anchor, plan.date, plan.period_end)
    if deadline.kind is DeadlineKind.DATE and deadline.due is not None:
        read = format_date(deadline.due)
        if deadline.before_plan:
            read = f"! {read} ({t('deadline.before_plan')})"
    elif deadline.kind is DeadlineKind.ONGOING:
        read = t("deadline.ongoing")
    elif deadline.kind is DeadlineKind.RECURRING and deadline.ended(today):
        read = t("deadline.recurring_ended", until=deadline.last_due())
    elif deadline.kind is DeadlineKind.RECURRING:
        read = t("deadline.recurring", until=deadline.until)
    else:
        read = f"? {t('deadline.none')}"
    return f"{written}\n→ {read}"


class RowCache:
    """The wrapped cells of rows laid out before, by what they show, kept across layouts.

    A row whose text, status or deadline changes has another key, so it is laid out anew; a
    change of the column widths, the language or the plan's dates empties the cache.
    """

    LIMIT = 4096
    """Rows kept at most (a full cache is emptied: it fills again with the rows in view)."""

    def __init__(self) -> None:
        self._context: tuple[object, ...] = ()
        self._cells: dict[tuple[object, ...], dict[str, list[str]]] = {}

    def __len__(self) -> int:
        return len(self._cells)

    def use(self, *context: object) -> None:
        """Keep what was laid out only if it was laid out for the same *context*."""
        if context != self._context:
            self._context, self._cells = context, {}

    def get(self, key: tuple[object, ...]) -> dict[str, list[str]] | None:
        return self._cells.get(key)

    def put(self, key: tuple[object, ...], cells: dict[str, list[str]]) -> None:
        if len(self._cells) >= self.LIMIT:
            self._cells = {}
        self._cells[key] = cells


def row_cells(
    indicator: Indicator | None,
    action: Action | None,
    width: dict[str, int],
    plan: Plan,
    cache: RowCache,
    today: date,
) -> dict[str, list[str]]:
    """The wrapped lines of a row's own columns, each *width* wide (from *cache* if it has them)."""
    key = (
        (indicator.kpi, indicator.target) if indicator else None,
        (action_text(action), action.deadline, action.deadline_written) if action else None,
    )
    cells = cache.get(key)
    if cells is None:
        cells = {
            "kpi": wrap(indicator.kpi, width["kpi"]) if indicator else [],
            "target": wrap(indicator.target, width["target"]) if indicator else [],
            "action": wrap(action_text(action), width["action"]) if action else [],
            "deadline": wrap(deadline_cell(action, plan, today), width["deadline"])
            if action
            else [],
        }
        cache.put(key, cells)
    return cells
