"""What a row of the målkort shows in its own columns (KPI, target, action, deadline), wrapped,
and the cache that keeps it from one layout of the plan to the next (no Textual)."""

from __future__ import annotations

import re
import textwrap
from datetime import date

from lederplan.domain.models import Action, Indicator, Plan, Status

STATUS_MARK = {Status.TODO: "[ ]", Status.DOING: "[~]", Status.DONE: "[x]"}
"""Action status as text, so it never depends on colour."""
CARRIED_MARK = "↻"
"""Before the text of an action carried over unfinished from an earlier period."""
ALERT_MARK = "!"
"""Before what is wrong with a deadline (overdue, before the plan's date), as on the timeline."""
READ_AS = "→"
"""Before what a deadline was read as."""
_KEEP = "\u00a0"
"""A space :func:`wrap` does not break at (a no-break space, shown as a space)."""
_SLASH = re.compile(r"(?<=\w/)(?=\w)")
"""Where a word may break after a slash: "tid/kapasitet"."""


class Alert(str):
    """A line of a cell that says something is wrong (drawn in the alert style, after its mark)."""

    __slots__ = ()


class _Wrapper(textwrap.TextWrapper):
    """textwrap's wrapping at spaces, hyphens and after a slash ("tid/" "kapasitet"), except that
    a word too long for the line it would end starts the next line, and is cut only when it is
    longer than a whole line, with a hyphen where it is cut (textwrap filled the rest of the line
    with its first letters, unmarked: "Frigjort t" / "id/kapasitet")."""

    def _split(self, text: str) -> list[str]:
        return [part for chunk in super()._split(text) for part in _SLASH.split(chunk) if part]

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        if any(chunk.strip() for chunk in cur_line):
            return  # the line ends here; the word is taken again on a line of its own
        chunk = reversed_chunks[-1]
        hyphen = chunk.rfind("-", 0, width)
        if width < 4 or hyphen > 0:
            super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)
            return
        cur_line.append(chunk[: width - 1] + "-")
        reversed_chunks[-1] = chunk[width - 1 :]


def keep_whole(text: str) -> str:
    """*text* with its spaces made ones :func:`wrap` never breaks at (a date: "6 Jan 2020")."""
    return text.replace(" ", _KEEP)


def wrap(text: str, width: int) -> list[str]:
    """Wrap *text* to *width* at word boundaries, keeping its line breaks and the parts made
    :func:`keep_whole`; only a word longer than *width* is cut, never silently."""
    wrapper = _Wrapper(width=max(1, width), break_long_words=True)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(line.replace(_KEEP, " ") for line in wrapper.wrap(paragraph) or [""])
    return lines


def action_text(action: Action) -> str:
    """An action's cell: its status, ↻ when carried over, and its text."""
    carried = f"{CARRIED_MARK} " if action.carried_from else ""
    return f"{STATUS_MARK[action.status]} {carried}{action.text}"


def deadline_cell(action: Action, plan: Plan, today: date) -> list[tuple[str, bool]]:
    """An action's deadline as written, then what it was read as ("→ 06.12.2026", kept whole),
    then what is wrong with it ("! forfalt"): (paragraph, whether it is an alert) each."""
    written = action.deadline
    if not written or plan.period_end is None:
        return [(written, False)]
    from lederplan.domain.deadlines import DeadlineKind, read_deadline
    from lederplan.domain.schedule import is_overdue
    from lederplan.i18n import format_date, t

    anchor = action.deadline_written or plan.date
    deadline = read_deadline(written, anchor, plan.date, plan.period_end)
    alerts: list[str] = []
    if deadline.kind is DeadlineKind.DATE and deadline.due is not None:
        read = keep_whole(format_date(deadline.due))
        if is_overdue(action, deadline, today):
            alerts.append(t("deadline.overdue"))
        if deadline.before_plan:
            alerts.append(t("deadline.before_plan"))
    elif deadline.kind is DeadlineKind.ONGOING:
        read = t("deadline.ongoing")
    elif deadline.kind is DeadlineKind.RECURRING and deadline.ended(today):
        read = t("deadline.recurring_ended", until=_whole_date(deadline.last_due()))
    elif deadline.kind is DeadlineKind.RECURRING:
        read = t("deadline.recurring", until=_whole_date(deadline.until))
    else:
        read = f"?{_KEEP}{t('deadline.none')}"
    # The arrow never ends a line by itself, and a date is never broken.
    return [
        (written, False),
        (f"{READ_AS}{_KEEP}{read}", bool(alerts)),
        *((f"{ALERT_MARK} {alert}", True) for alert in alerts),
    ]


def _whole_date(day: date | None) -> str | None:
    from lederplan.i18n import format_date

    return keep_whole(format_date(day)) if day is not None else None


def wrap_cell(paragraphs: list[tuple[str, bool]], width: int) -> list[str]:
    """The paragraphs of :func:`deadline_cell` wrapped to *width*, alerts as :class:`Alert`."""
    lines: list[str] = []
    for text, alert in paragraphs:
        wrapped = wrap(text, width)
        lines.extend([Alert(line) for line in wrapped] if alert else wrapped)
    return lines


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
            "deadline": (
                wrap_cell(deadline_cell(action, plan, today), width["deadline"]) if action else []
            ),
        }
        cache.put(key, cells)
    return cells
