"""The deadline timeline: months and ISO weeks across, one lane per development area.

Markers are symbols, never colour alone: ● due, ✓ done, ! overdue, ━ ongoing, ¦ each time a
recurring action falls due, and a │ for today (▼ above it). Where each day goes and the rows
of months and weeks are worked out in :mod:`lederplan.tui.timeline_axis`.
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
from lederplan.tui.timeline_axis import (
    Axis,
    days_to_fit,
    monday_of,
    months_row,
    today_row,
    weeks_row,
)

ZOOMS: tuple[float | None, ...] = (1, 3, None)
"""Days per column: weeks, months, and (None, the default) the whole period in the width there
is; each zoom in shows at most half the days per column of the one before (at least one)."""
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
        Binding("plus,equals_sign", "zoom(-1)", "key.zoom_in", id="timeline.zoom_in"),
        Binding("minus", "zoom(1)", "key.zoom_out", id="timeline.zoom_out"),
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
        self._taken: dict[str, object] | None = None
        """A place taken back before the lanes were there."""
        self.axis = Axis(self.start, 1, 1)
        """The columns as last drawn."""

    def set_data(
        self, lanes: list[tuple[str, list[Scheduled]]], start: date, end: date, today: date
    ) -> None:
        """Show *lanes* (area name, its dated actions) over *start*..*end*."""
        self.lanes, self.start, self.end, self.today = lanes, start, end, today
        self.lane = min(self.lane, max(0, len(lanes) - 1))
        self.position = min(self.position, max(0, len(self._items()) - 1))
        if self._taken is not None and lanes:
            place, self._taken = self._taken, None
            self.take_place(place)
        self.refresh(layout=True)

    def take_place(self, place: dict[str, object]) -> None:
        """Zoom, lane and action as they were (each kept inside what is shown now)."""
        if not self.lanes:
            self._taken = place  # before the plan is there: when it comes
            return
        zoom, lane, position = place.get("zoom"), place.get("lane"), place.get("position")
        if isinstance(zoom, int):
            self.zoom = max(0, min(len(ZOOMS) - 1, zoom))
        if isinstance(lane, int) and self.lanes:
            self.lane = max(0, min(len(self.lanes) - 1, lane))
        if isinstance(position, int):
            self.position = max(0, min(len(self._items()) - 1, position))
        self.refresh()

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
        self.axis = axis = self._place_window(max(10, self.size.width - LABEL))
        gutter = " " * LABEL
        text = Text(no_wrap=True, overflow="crop")
        names = MONTHS[current_language()]
        text.append(gutter + months_row(axis, names) + "\n", style="bold")
        text.append(gutter + weeks_row(axis, t("timeline.week_short")) + "\n", style="dim")
        text.append(gutter + today_row(axis, self.today).rstrip() + "\n", style="bold")
        for number, (name, items) in enumerate(self.lanes):
            label = (name[: LABEL - 2] + "…" if len(name) > LABEL - 1 else name).ljust(LABEL)
            text.append(label, style="bold" if number == self.lane else "")
            cells = self._lane_cells(items, axis)
            for column, (symbol, style) in enumerate(cells):
                selected = number == self.lane and self._is_cursor(column, axis)
                text.append(symbol, style=f"{style} reverse" if selected else style)
            text.append("\n")
        if not self.lanes:
            text.append(t("timeline.empty") + "\n", style="dim")
        return text

    def _place_window(self, columns: int) -> Axis:
        """The whole period when it fits (the widest zoom always fits it into *columns*), else
        a window of *columns* scrolled to the cursor; the axis covers the period and no more."""
        origin = monday_of(self.start)  # columns start on Mondays
        fit = days_to_fit(origin, self.end, columns)
        days = fit
        for level in range(len(ZOOMS) - 1, self.zoom - 1, -1):  # each + shows more days' detail
            zoom = ZOOMS[level]
            if zoom is not None:
                days = max(1.0, min(zoom, days / 2))
        whole = Axis(origin, days, columns)
        if whole.column(self.end) < columns:
            return Axis(origin, days, max(1, whole.column(self.end) + 1))
        selected = self.selected
        target = (selected.when(self.today) if selected else None) or self.today
        shown = Axis(max(origin, self.axis.origin), days, columns)
        if not 0 <= shown.column(target) < columns - 1:
            span = int(columns * days)
            shown = Axis(monday_of(max(origin, target - timedelta(days=span // 2))), days, columns)
        return shown

    def _lane_cells(self, items: list[Scheduled], axis: Axis) -> list[tuple[str, str]]:
        cells = [("·", "dim")] * axis.columns
        today = axis.column(self.today)
        if 0 <= today < axis.columns:
            cells[today] = ("│", "bold")
        for item in items:
            for column, mark in self._marks(item, axis):
                if 0 <= column < axis.columns:
                    cells[column] = mark
        return cells

    def _marks(self, item: Scheduled, axis: Axis) -> list[tuple[int, tuple[str, str]]]:
        deadline = item.deadline
        if deadline.kind is DeadlineKind.ONGOING:
            first, last = axis.column(self.start), axis.column(deadline.until or self.end)
            return [(c, ("━", "green")) for c in range(first, last + 1)]
        if deadline.kind is DeadlineKind.RECURRING and deadline.due and deadline.until:
            step = _STEP.get(deadline.every, 30)  # type: ignore[arg-type]
            marks, day = [], deadline.due
            while day <= deadline.until:
                marks.append((axis.column(day), ("¦", "cyan")))
                day += timedelta(days=step)
            return marks
        when = item.when(self.today)
        if when is None:
            return []
        column = axis.column(when)
        if item.done:
            return [(column, ("✓", "green"))]
        if item.overdue(self.today):
            return [(column, ("!", "bold red"))]
        return [(column, ("●", "bold yellow"))]

    def _is_cursor(self, column: int, axis: Axis) -> bool:
        selected = self.selected
        if selected is None:
            return False
        when = selected.when(self.today)
        return when is not None and axis.column(when) == column
