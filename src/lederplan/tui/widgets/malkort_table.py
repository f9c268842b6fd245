"""The målkort as a scrolling table drawn line by line: only the lines on screen are rendered,
and only the rows on screen and near it are wrapped, so a plan of ten thousand actions opens and
moves as fast as one of ten. A cursor move repaints the two cells it leaves and enters, and
what the terminal is sent is those two cells (see :class:`ColumnRule`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from lederplan.tui.keys import localize
from lederplan.tui.malkort_layout import COLUMNS, Layout, RowCache
from lederplan.tui.malkort_rows import Alert
from lederplan.tui.widgets.text_fields import commands_in_order

if TYPE_CHECKING:
    from lederplan.tui.widgets.cell_editor import CellEditor

SEPARATOR = "│"


class _Styles(NamedTuple):
    """The table's styles for one look (focused or not)."""

    base: Style
    alt: Style
    """Every other goal's block."""
    cursor: Style
    alert: Style
    """A line that says a deadline is overdue (its "!" says so without colour)."""
    rules: tuple[Style, Style]
    """The separator on the base and on the shaded background."""


class ColumnRule(Widget):
    """The line between two columns of the målkort, drawn over the table's own line.

    It is there for the terminal's sake: Textual sends a repainted part of a line from the left
    edge of the widget it lies in, so a cursor move in the action column sent the four columns
    to its left again, every line of both cells (3.4 KB). Each rule is a widget edge, so a cell's
    repaint starts at the cell (under 1 KB). It draws what the table draws there.
    """

    ALLOW_SELECT: ClassVar[bool] = False
    DEFAULT_CSS = """
    ColumnRule { layer: overlay; position: absolute; width: 1; height: 1; display: none; }
    """

    def __init__(self, table: MalkortTable, index: int) -> None:
        super().__init__()
        self.table = table
        self.index = index
        """The column the rule stands right of."""

    def render_line(self, y: int) -> Strip:
        return self.table.rule_strip(y)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        # The wheel over a rule scrolls the table, as it would without the rules.
        event.stop()
        self.table.scroll_to(y=self.table.scroll_target_y + self.app.scroll_sensitivity_y)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.table.scroll_to(y=self.table.scroll_target_y - self.app.scroll_sensitivity_y)


class MalkortTable(ScrollView, can_focus=True):
    """Cells of the målkort with a cursor; the screen does the editing."""

    COMPONENT_CLASSES = {
        "malkort-table--cursor",
        "malkort-table--alt",
        "malkort-table--separator",
        "malkort-table--empty",
        "malkort-table--alert",
    }
    DEFAULT_CSS = """
    MalkortTable { background: $surface; }
    MalkortTable > .malkort-table--cursor { background: $accent; color: $text; text-style: bold; }
    MalkortTable:blur > .malkort-table--cursor { background: $accent 50%; }
    MalkortTable > .malkort-table--alt { background: $boost; }
    MalkortTable > .malkort-table--separator { color: $panel-lighten-2; }
    MalkortTable > .malkort-table--empty { color: $text-muted; }
    MalkortTable > .malkort-table--alert { color: $text-error; text-style: bold; }
    """
    BINDINGS = [
        Binding("up,k", "move(0, -1)", "key.cell_up", show=False),
        Binding("down,j", "move(0, 1)", "key.cell_down", show=False),
        Binding("left,h", "move(-1, 0)", "key.cell_left", show=False),
        Binding("right,l", "move(1, 0)", "key.cell_right", show=False),
        Binding("pageup", "page(-1)", "key.page_up", show=False),
        Binding("pagedown", "page(1)", "key.page_down", show=False),
        Binding("home", "edge(-1)", "key.first_row", show=False),
        Binding("end", "edge(1)", "key.last_row", show=False),
    ]

    # Not repainting by themselves: a move repaints only the two cells (_cursor_moved).
    cursor_row: reactive[int] = reactive(0, init=False, repaint=False)
    cursor_col: reactive[int] = reactive(0, init=False, repaint=False)

    @dataclass
    class CursorMoved(Message):
        """The cursor moved to another cell."""

        table: MalkortTable

        @property
        def control(self) -> MalkortTable:
            return self.table

    @dataclass
    class Moved(Message):
        """The cells moved on the screen: a scroll, a resize, or rows laid out (wrapped) near
        the screen changed the lines above. What lies over a cell (its editor) follows."""

        table: MalkortTable

        @property
        def control(self) -> MalkortTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        localize(self)
        self.table_layout: Layout | None = None
        """Rows and wrapped text; replaced whenever the plan or the width changes."""
        self.row_cache = RowCache()
        """Rows wrapped before, for the next layout of the plan (see :class:`Layout`)."""
        self._laying_out = False
        self._style_cache: dict[bool, _Styles] = {}
        self.rules = [ColumnRule(self, index) for index in range(len(COLUMNS) - 1)]
        """The lines between the columns, for the screen to mount over the table."""
        self.typing_into: CellEditor | None = None
        """The editor opened over a cell, until it first has the focus: keys typed ahead of
        the focus go there (after that, a key that reaches the table is the table's)."""

    async def on_key(self, event: events.Key) -> None:
        editor = self.typing_into
        if editor is not None and editor.focused_once:
            editor = self.typing_into = None
        await commands_in_order(self, event, editor)  # keys in one read, in order

    # -- data ------------------------------------------------------------------------------

    def set_layout(self, layout: Layout) -> None:
        """Show *layout*, keeping the cursor where it was as far as it still exists."""
        self.table_layout = layout
        self.cursor_row = min(self.cursor_row, max(0, len(layout.rows) - 1))
        self._lay_out_view()
        self._update_size()
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)
        self.call_after_refresh(self.place_rules)

    def on_resize(self) -> None:
        self.place_rules()

    def place_rules(self) -> None:
        """Put the column rules over the table's separators, as far down as the table has rows
        (below them the line is one blank, as without the rules); hidden with the table."""
        layout = self.table_layout
        shown = self.display and self.is_mounted and layout is not None and bool(layout.rows)
        self.post_message(self.Moved(self))
        for rule in self.rules:
            if not rule.is_mounted:
                continue
            rule.display = shown
            if shown and layout is not None:
                x = sum(layout.widths[: rule.index + 1]) + rule.index - round(self.scroll_offset.x)
                rule.styles.offset = (self.region.x + x, self.region.y)
                below = layout.height - round(self.scroll_offset.y)
                rule.styles.height = max(1, min(self.size.height, below))
                rule.refresh()

    def _update_size(self) -> None:
        layout = self.table_layout
        if layout is not None:
            self.virtual_size = Size(sum(layout.widths) + len(layout.widths), layout.height)

    def _margin(self) -> int:
        """Lines above and below the screen laid out in advance: a screenful."""
        return max(self.size.height, self.app.size.height, 20)

    def _lay_out_view(self) -> None:
        """Wrap the rows on screen and a screenful each side, the screen staying where it is.

        Rows far away are laid out only when they come near: until then their heights are
        estimated. When laying out rows above the screen moves the line on its top, the scroll
        offset moves with it, so what is on screen does not jump.
        """
        layout = self.table_layout
        if layout is None or not layout.rows or self._laying_out:
            return
        self._laying_out = True
        try:
            y = round(self.scroll_offset.y)
            anchor = layout.row_at_line(y)
            offset = y - layout.top(anchor)
            margin = self._margin()
            if layout.lay_out_lines(y - margin, y + self.size.height + margin):
                self._update_size()
                shifted = min(layout.top(anchor) + offset, self.max_scroll_y)
                if shifted != y:
                    self.set_scroll(None, shifted)
                    self.scroll_target_y = shifted
                    self.refresh()
                self.place_rules()
        finally:
            self._laying_out = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._lay_out_view()
        if round(old_value) != round(new_value):
            self.place_rules()

    @property
    def column(self) -> str:
        """The name of the column the cursor is in."""
        return COLUMNS[self.cursor_col]

    def cell_region(self) -> Region:
        """Where the cursor's cell is, relative to the table's content (not scrolled)."""
        layout = self.table_layout
        assert layout is not None
        top, height = layout.block_lines(self.cursor_row, self.column)
        x = sum(layout.widths[: self.cursor_col]) + self.cursor_col
        return Region(x, top, layout.widths[self.cursor_col], height)

    def scroll_to_cursor(self) -> None:
        layout = self.table_layout
        if layout and layout.rows:
            # What the cursor's cell is placed among is laid out first: the cell's place is then
            # the one it keeps, and the screen it scrolls to has nothing left to lay out.
            top, height = layout.block_lines(self.cursor_row, self.column)
            margin = self._margin()
            if layout.lay_out_lines(top - margin, top + min(height, margin) + margin):
                self._update_size()
            self.scroll_to_region(self.cell_region(), animate=False, immediate=True)

    # -- moving ----------------------------------------------------------------------------

    def action_move(self, dx: int, dy: int) -> None:
        layout = self.table_layout
        if layout is None or not layout.rows:
            return
        self.cursor_col = max(0, min(len(COLUMNS) - 1, self.cursor_col + dx))
        if dy:
            self.cursor_row = self._next_row(dy)

    def _next_row(self, dy: int) -> int:
        """The row one step up or down; in the area and goal columns, one block."""
        layout = self.table_layout
        assert layout is not None
        rows, r = layout.rows, self.cursor_row
        if self.column in ("area", "goal"):
            key = "area_row" if self.column == "area" else "goal_row"
            if dy > 0:
                start = getattr(rows[r], key)
                while r < len(rows) and getattr(rows[r], key) == start:
                    r += 1
                return getattr(rows[r], key) if r < len(rows) else getattr(rows[-1], key)
            start = getattr(rows[r], key)
            return getattr(rows[start - 1], key) if start > 0 else start
        return max(0, min(len(rows) - 1, r + dy))

    def action_page(self, direction: int) -> None:
        layout = self.table_layout
        if layout is None or not layout.rows:
            return
        top, _ = layout.block_lines(self.cursor_row, self.column)
        page = direction * max(1, self.size.height - 1)
        layout.lay_out_lines(min(top, top + page), max(top, top + page))
        top, _ = layout.block_lines(self.cursor_row, self.column)
        target = max(0, min(layout.height - 1, top + page))
        self.cursor_row = layout.row_at_line(target)

    def action_edge(self, direction: int) -> None:
        if self.table_layout and self.table_layout.rows:
            self.cursor_row = 0 if direction < 0 else len(self.table_layout.rows) - 1

    def _watch_cursor_row(self, old: int, new: int) -> None:
        self._cursor_moved(old, self.cursor_col)

    def _watch_cursor_col(self, old: int, new: int) -> None:
        self._cursor_moved(self.cursor_row, old)

    def _cursor_moved(self, old_row: int, old_col: int) -> None:
        """Repaint the cell the cursor left and the one it is in; scroll to it if need be."""
        self._refresh_cell(old_row, old_col)
        self._refresh_cell(self.cursor_row, self.cursor_col)
        self.scroll_to_cursor()  # a scroll repaints the whole screen anyway
        self.post_message(self.CursorMoved(self))

    def _refresh_cell(self, row: int, col: int) -> None:
        layout = self.table_layout
        if layout is None or not 0 <= row < len(layout.rows):
            return
        top, height = layout.block_lines(row, COLUMNS[col])
        x = sum(layout.widths[:col]) + col
        scroll_x, scroll_y = self.scroll_offset
        self.refresh(Region(x - scroll_x, top - scroll_y, layout.widths[col], height))

    # -- drawing ---------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        layout = self.table_layout
        if layout is not None and layout.rows:
            # Laid out already unless the screen got here by a way that did not ask (a resize).
            first = round(self.scroll_offset.y) + crop.y
            if layout.lay_out_lines(first, first + crop.height):
                self.call_later(self._update_size)
                self.call_later(self.place_rules)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        layout = self.table_layout
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        line = y + scroll_y
        if layout is None or line >= layout.height:
            return Strip.blank(width, self.rich_style)
        row_index = layout.row_at_line(line)
        styles = self._styles()
        cursor_top, cursor_height = layout.block_lines(self.cursor_row, self.column)
        shaded = self._shaded(row_index)
        shade, rule = styles.alt if shaded else styles.base, styles.rules[shaded]
        segments: list[Segment] = []
        for index, (column, cell_width) in enumerate(zip(COLUMNS, layout.widths, strict=True)):
            text = layout.cell_line(row_index, column, line)
            in_cursor = index == self.cursor_col and cursor_top <= line < cursor_top + cursor_height
            in_cell = in_cursor and self._same_cell(row_index, column)
            style: Style = styles.cursor if in_cell else shade
            if isinstance(text, Alert) and not in_cell:
                style = style + styles.alert
            segments.append(Segment(set_cell_size(text, cell_width), style))
            segments.append(Segment(SEPARATOR, rule))
        strip = Strip(segments, sum(layout.widths) + len(layout.widths))
        return strip.crop_extend(scroll_x, scroll_x + width, styles.base)

    def _shaded(self, row_index: int) -> bool:
        """Whether a row has the shaded background: every other goal's block has."""
        layout = self.table_layout
        assert layout is not None
        goal_index = layout.rows[row_index].goal_row
        return bool((layout.rows[goal_index].area_row + goal_index) % 2)

    def _styles(self) -> _Styles:
        """The table's styles, worked out once per look: ``rich_style`` and the component
        styles walk every ancestor, which per line (and per line of each column rule) cost
        more than drawing the text."""
        key = self.has_focus
        styles = self._style_cache.get(key)
        if styles is None:
            base = self.rich_style
            alt = base + self.get_component_rich_style("malkort-table--alt")
            separator = self.get_component_rich_style("malkort-table--separator")
            cursor = base + self.get_component_rich_style("malkort-table--cursor")
            alert = self.get_component_rich_style("malkort-table--alert", partial=True)
            styles = self._style_cache[key] = _Styles(
                base, alt, cursor, alert, (base + separator, alt + separator)
            )
        return styles

    def notify_style_update(self) -> None:
        self._style_cache.clear()
        super().notify_style_update()

    def rule_strip(self, y: int) -> Strip:
        """Line *y* of a column rule: the separator as :meth:`render_line` draws it."""
        layout = self.table_layout
        line = y + round(self.scroll_offset.y)
        styles = self._styles()
        if layout is None or not layout.rows or line >= layout.height:
            return Strip.blank(1, styles.base)
        return Strip([Segment(SEPARATOR, styles.rules[self._shaded(layout.row_at_line(line))])], 1)

    def _same_cell(self, row_index: int, column: str) -> bool:
        layout = self.table_layout
        assert layout is not None
        if column in ("area", "goal"):
            key = "area_row" if column == "area" else "goal_row"
            return getattr(layout.rows[row_index], key) == getattr(
                layout.rows[self.cursor_row], key
            )
        return row_index == self.cursor_row
