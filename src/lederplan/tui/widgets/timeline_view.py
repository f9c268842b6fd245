"""The deadline timeline: months and ISO weeks across, one lane per development area.

Markers are symbols, never colour alone: ● due, ✓ done, ! overdue, ━ ongoing, ¦ each time a
recurring action falls due, and a │ for today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from lederplan.clock import today_or_system
from lederplan.domain.deadlines import DeadlineKind, Every
from lederplan.domain.schedule import Scheduled
from lederplan.i18n import current_language, t
from lederplan.tui.keys import localize

ZOOMS = (1, 3, 7)
"""Days per column: weeks, months, quarter (the default shows a year in 52 columns)."""
LABEL = 16
"""Columns for the lane's name."""
_STEP = {Every.DAY: 1, Every.WEEK: 7, Every.TWO_WEEKS: 14}
MONTHS = {
    "nb": ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


class TimelineView(Widget, can_focus=True):
    """Lanes of markers with a cursor on one action."""

    BINDINGS = [
        Binding("left,h", "step(-1)", "key.earlier", show=False),
        Binding("right,l", "step(1)", "key.later", show=False),
        Binding("up,k", "lane(-1)", "key.lane_up", show=False),
        Binding("down,j", "lane(1)", "key.lane_down", show=False),
        Binding("plus,equals_sign", "zoom(-1)", "key.zoom_in"),
        Binding("minus", "zoom(1)", "key.zoom_out"),
    ]
    DEFAULT_CSS = "TimelineView { height: auto; }"

    lane: var[int] = var(0)
    position: var[int] = var(0)
    zoom: var[int] = var(len(ZOOMS) - 1)

    @dataclass
    class Selected(Message):
        """Another action is under the cursor."""

        view: TimelineView

        @property
        def control(self) -> TimelineView:
            return self.view

    def _watch_lane(self) -> None:
        self.post_message(self.Selected(self))

    def _watch_position(self) -> None:
        self.post_message(self.Selected(self))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        localize(self)
        self.lanes: list[tuple[str, list[Scheduled]]] = []
        self.start = self.end = self.today = today_or_system()
        self.origin = self.start

    def set_data(
        self, lanes: list[tuple[str, list[Scheduled]]], start: date, end: date, today: date
    ) -> None:
        """Show *lanes* (area name, its dated actions) over *start*..*end*."""
        self.lanes, self.start, self.end, self.today = lanes, start, end, today
        self.lane = min(self.lane, max(0, len(lanes) - 1))
        self.position = min(self.position, max(0, len(self._items()) - 1))
        self.refresh(layout=True)

    def _items(self) -> list[Scheduled]:
        return self.lanes[self.lane][1] if self.lanes else []

    @property
    def selected(self) -> Scheduled | None:
        """The action under the cursor."""
        items = self._items()
        return items[self.position] if 0 <= self.position < len(items) else None

    # -- keys ------------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        self.position = max(0, min(len(self._items()) - 1, self.position + delta))
        self.refresh()

    def action_lane(self, delta: int) -> None:
        if not self.lanes:
            return
        when = self.selected.when(self.today) if self.selected else self.today
        self.lane = max(0, min(len(self.lanes) - 1, self.lane + delta))
        items = self._items()  # the action nearest in time in the new lane
        dates = [i.when(self.today) or self.today for i in items]
        self.position = (
            min(range(len(items)), key=lambda n: abs((dates[n] - (when or self.today)).days))
            if items
            else 0
        )
        self.refresh()

    def action_zoom(self, delta: int) -> None:
        self.zoom = max(0, min(len(ZOOMS) - 1, self.zoom + delta))
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def get_content_height(self, container, viewport, width: int) -> int:
        return 3 + max(1, len(self.lanes))

    def render(self) -> Text:
        days = ZOOMS[self.zoom]
        columns = max(10, self.size.width - LABEL)
        self._place_window(columns, days)
        # The axis covers the plan period and no more.
        columns = max(1, min(columns, self._column(self.end, days) + 1))
        text = Text(no_wrap=True, overflow="crop")
        text.append(self._months_line(columns, days) + "\n", style="bold")
        text.append(self._weeks_line(columns, days) + "\n", style="dim")
        for number, (name, items) in enumerate(self.lanes):
            label = (name[: LABEL - 2] + "…" if len(name) > LABEL - 1 else name).ljust(LABEL)
            text.append(label, style="bold" if number == self.lane else "")
            cells = self._lane_cells(items, columns, days)
            for column, (symbol, style) in enumerate(cells):
                selected = number == self.lane and self._is_cursor(items, column, days)
                text.append(symbol, style=f"{style} reverse" if selected else style)
            text.append("\n")
        if not self.lanes:
            text.append(t("timeline.empty") + "\n", style="dim")
        return text

    def _column(self, day: date, days: int) -> int:
        return (day - self.origin).days // days

    def _place_window(self, columns: int, days: int) -> None:
        """Keep the whole period when it fits, else scroll the window to the cursor."""
        span = columns * days
        selected = self.selected
        target = (selected.when(self.today) if selected else None) or self.today
        origin = self.start - timedelta(days=self.start.weekday())  # columns start on Mondays
        if (self.end - origin).days < span:
            self.origin = origin
            return
        if not self.origin <= target < self.origin + timedelta(days=span - days):
            self.origin = max(origin, target - timedelta(days=span // 2))
            self.origin -= timedelta(days=self.origin.weekday())

    def _months_line(self, columns: int, days: int) -> str:
        """Each month's name where it begins (with the year in January and at the left edge)."""
        names = MONTHS[current_language()]
        line = [" "] * columns
        for column in range(columns):
            first = self.origin + timedelta(days=column * days)
            last = first + timedelta(days=days - 1)
            if column and first.month == last.month and first.day != 1:
                continue  # no month begins in this column
            label = names[last.month - 1]
            if column == 0 or last.month == 1:
                label += f" {last.year}"
            free = all(c == " " for c in line[max(0, column - 1) : column + len(label) + 1])
            if not free and len(label) > 3:
                label = label[:3]
                free = all(c == " " for c in line[max(0, column - 1) : column + 4])
            if free:
                for i, char in enumerate(label[: columns - column]):
                    line[column + i] = char
        return " " * LABEL + "".join(line)

    def _weeks_line(self, columns: int, days: int) -> str:
        week = t("timeline.week_short")
        line = [" "] * columns
        every = max(1, 4 // days) if days < 7 else 4
        column = 0
        day = self.origin
        while column < columns:
            number = day.isocalendar().week
            if days == 1 and day.weekday() != 0:
                pass
            elif column % every == 0 or days == 1:
                label = f"{week}{number}"
                if all(c == " " for c in line[column : column + len(label) + 1]):
                    for i, char in enumerate(label):
                        if column + i < columns:
                            line[column + i] = char
            column += 1
            day += timedelta(days=days)
        today = self._column(self.today, days)
        if 0 <= today < columns:
            line[today] = "▼"
        return " " * LABEL + "".join(line)

    def _lane_cells(self, items: list[Scheduled], columns: int, days: int) -> list[tuple[str, str]]:
        cells = [("·", "dim")] * columns
        today = self._column(self.today, days)
        if 0 <= today < columns:
            cells[today] = ("│", "bold")
        for item in items:
            for column, mark in self._marks(item, days):
                if 0 <= column < columns:
                    cells[column] = mark
        return cells

    def _marks(self, item: Scheduled, days: int) -> list[tuple[int, tuple[str, str]]]:
        deadline = item.deadline
        if deadline.kind is DeadlineKind.ONGOING:
            first, last = (
                self._column(self.start, days),
                self._column(deadline.until or self.end, days),
            )
            return [(c, ("━", "green")) for c in range(first, last + 1)]
        if deadline.kind is DeadlineKind.RECURRING and deadline.due and deadline.until:
            step = _STEP.get(deadline.every, 30)  # type: ignore[arg-type]
            marks, day = [], deadline.due
            while day <= deadline.until:
                marks.append((self._column(day, days), ("¦", "cyan")))
                day += timedelta(days=step)
            return marks
        when = item.when(self.today)
        if when is None:
            return []
        if item.done:
            return [(self._column(when, days), ("✓", "green"))]
        if item.overdue(self.today):
            return [(self._column(when, days), ("!", "bold red"))]
        return [(self._column(when, days), ("●", "bold yellow"))]

    def _is_cursor(self, items: list[Scheduled], column: int, days: int) -> bool:
        selected = self.selected
        if selected is None:
            return False
        when = selected.when(self.today)
        return when is not None and self._column(when, days) == column
