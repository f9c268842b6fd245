"""One source's feedback as a scrolling list drawn line by line.

Only the lines on screen are rendered, so a source with thousands of entries filters and moves as
fast as one with three (an ``OptionList`` builds every row's prompt on every change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from lederplan.domain.models import FeedbackEntry
from lederplan.tui.keys import localize

Line = list[tuple[str, Style | None]]
"""One line of text as pieces, each with its own style (bold, italic) or none."""
Formatter = Callable[[FeedbackEntry], tuple[Line, str]]
"""Turns an entry into its head (date, area, rating, giver) and the first line of its text."""
DASH: Line = [(" — ", None)]
INDENT: Line = [("  ", None)]
TWO_LINES_BELOW = 60
"""Narrower than this, an entry takes two lines: the head, then the text indented."""


class _Frame(NamedTuple):
    """What every line of one frame of a list shares."""

    width: int
    row_height: int
    top: int
    """The first line of the list in view (the scroll offset)."""
    styles: tuple[Style, Style, Style]
    """Base, cursor, empty text."""


class FeedbackList(ScrollView, can_focus=True):
    """Entries newest first with a cursor; the screen does the editing.

    No scrollbar: the border's subtitle tells where in a long list the cursor is (:attr:`position`);
    repainting four scrollbars after every filter was the biggest part of the frame."""

    COMPONENT_CLASSES = {"feedback-list--cursor", "feedback-list--empty"}
    DEFAULT_CSS = """
    FeedbackList { background: $surface; height: auto; overflow: hidden hidden; }
    FeedbackList > .feedback-list--cursor { background: $accent 15%; }
    FeedbackList:focus > .feedback-list--cursor { background: $accent; color: $text; }
    FeedbackList > .feedback-list--empty { color: $text-muted; text-style: italic; }
    """
    BINDINGS = [
        Binding("up,k", "move(-1)", "key.entry_up", show=False),
        Binding("down,j", "move(1)", "key.entry_down", show=False),
        Binding("pageup", "page(-1)", "key.page_up", show=False),
        Binding("pagedown", "page(1)", "key.page_down", show=False),
        Binding("home,g", "edge(-1)", "key.first_row", show=False),
        Binding("end,G", "edge(1)", "key.last_row", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another entry."""

        feedback_list: FeedbackList

        @property
        def control(self) -> FeedbackList:
            return self.feedback_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        localize(self)
        self.entries: Sequence[FeedbackEntry] = ()
        self.empty_text = ""
        """Shown in place of the list when it has no entries."""
        self._wanted: str | None = None
        """The id of the entry the cursor was last moved to."""
        self._format: Formatter = lambda entry: ([(str(entry.date), None)], entry.text)
        self._style_cache: dict[bool, tuple[Style, Style, Style]] = {}
        self._frame: _Frame | None = None
        """Set while a frame's lines are drawn (:meth:`render_lines`)."""

    # -- data ------------------------------------------------------------------------------

    def show(self, entries: Sequence[FeedbackEntry], formatter: Formatter, empty: str) -> None:
        """List *entries*, the cursor on the entry last chosen with it if listed, else at the
        top (filtering by another area and back finds the same entry again). *formatter* is
        called only for the lines drawn."""
        keep = self._wanted
        self.entries, self._format, self.empty_text = entries, formatter, empty
        index = next((i for i, e in enumerate(entries) if e.id == keep), None)
        self._resize_virtual()
        self.set_reactive(FeedbackList.cursor, index or 0)
        self.border_subtitle = self.position
        self.refresh()
        if index:
            self.call_after_refresh(self._scroll_to_cursor)
        else:
            self.scroll_to(0, 0, animate=False, immediate=True)

    def step_off(self, entry_id: str) -> None:
        """Make the entry after *entry_id* (or before it, at the end) the one the cursor looks
        for at the next :meth:`show`: *entry_id* is about to go."""
        ids = [entry.id for entry in self.entries]
        if entry_id in ids:
            at = ids.index(entry_id)
            after, before = ids[at + 1 : at + 2], ids[max(0, at - 1) : at]
            self._wanted = (after or before or [None])[0]

    def look_for(self, entry_id: str) -> None:
        """Make *entry_id* the entry the cursor goes to at the next :meth:`show`."""
        self._wanted = entry_id

    @property
    def selected(self) -> FeedbackEntry | None:
        """The entry under the cursor, if any."""
        return self.entries[self.cursor] if 0 <= self.cursor < len(self.entries) else None

    @property
    def row_height(self) -> int:
        """Lines per entry: one, or two in a narrow column."""
        return 2 if 0 < self.size.width < TWO_LINES_BELOW else 1

    def entry_lines(self, index: int, height: int | None = None) -> list[Line]:
        """Entry *index* as it is drawn, line by line (without the cursor's style)."""
        head, body = self._format(self.entries[index])
        if (height or self.row_height) == 1:
            return [[*head, *DASH, (body, None)]]
        return [head, [*INDENT, (body, None)]]

    @property
    def position(self) -> str:
        """Where the cursor is, "12/403", when the list is longer than it is tall; else ""."""
        shown = self.scrollable_content_region.height // self.row_height
        if not self.entries or len(self.entries) <= shown:
            return ""
        return f"{self.cursor + 1}/{len(self.entries)}"

    def lines(self) -> list[str]:
        """Every entry on one line as plain text, or the empty text (for tests and reading)."""
        if not self.entries:
            return [self.empty_text]
        return [
            "".join(text for text, _ in self.entry_lines(i, 1)[0]) for i in range(len(self.entries))
        ]

    # -- moving ----------------------------------------------------------------------------

    @property
    def allow_vertical_scroll(self) -> bool:
        # Hidden scrollbars would forbid scrolling (the cursor, the mouse wheel) altogether.
        return self.virtual_size.height > self.scrollable_content_region.height

    def action_move(self, delta: int) -> None:
        """One entry up or down; past either end the key goes on to the screen (in a narrow
        terminal, where the sources are stacked, it moves on to the next source)."""
        moved = max(0, min(len(self.entries) - 1, self.cursor + delta)) if self.entries else None
        if moved is None or moved == self.cursor:
            raise SkipAction
        self.cursor = moved

    def action_page(self, direction: int) -> None:
        page = self.scrollable_content_region.height // self.row_height
        self.action_move(direction * max(1, page - 1))

    def action_edge(self, direction: int) -> None:
        if self.entries:
            self.cursor = 0 if direction < 0 else len(self.entries) - 1

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return  # on the border
        index = (offset.y + self.scroll_offset.y) // self.row_height
        if 0 <= index < len(self.entries):
            self.cursor = index

    def _watch_cursor(self, old: int, new: int) -> None:
        self._wanted = self.entries[new].id if 0 <= new < len(self.entries) else None
        height = self.row_height
        for index in (old, new):
            self.refresh_lines(index * height, height)  # lines of the list, not of the screen
        self._scroll_to_cursor()
        self.border_subtitle = self.position
        self.post_message(self.Highlighted(self))

    def _scroll_to_cursor(self) -> None:
        if self.entries:
            height = self.row_height
            region = Region(0, self.cursor * height, max(1, self.size.width), height)
            self.scroll_to_region(region, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._resize_virtual()
        self.border_subtitle = self.position
        # Lines per entry may have changed (wide 2, narrow 1): bring the cursor back in view.
        self.call_after_refresh(self._scroll_to_cursor)

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.size.width, max(1, len(self.entries) * self.row_height))

    # -- drawing ---------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of this frame shares, worked out once instead of once a line (the
        # content region and the styles walk the DOM: that was half of a filter's drawing).
        self._frame = _Frame(
            self.scrollable_content_region.width,
            self.row_height,
            self.scroll_offset.y,
            self._styles(),
        )
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame or _Frame(
            self.scrollable_content_region.width,
            self.row_height,
            self.scroll_offset.y,
            self._styles(),
        )
        width, height = frame.width, frame.row_height
        base, cursor, empty = frame.styles
        index, part = divmod(y + frame.top, height)
        if not self.entries:
            if y:
                return Strip.blank(width, base)
            return self._strip([(self.empty_text, None)], width, empty)
        if index >= len(self.entries):
            return Strip.blank(width, base)
        # Drawn afresh each time (a few µs a line): a cache of strips for thousands of
        # entries made the garbage collector's full sweeps several times slower.
        line = self.entry_lines(index, height)[part]
        return self._strip(line, width, cursor if index == self.cursor else base)

    def _styles(self) -> tuple[Style, Style, Style]:
        """The base, cursor and empty-text styles, worked out once per look (``rich_style``
        walks every ancestor: per line it cost more than drawing the text)."""
        key = self.has_focus
        styles = self._style_cache.get(key)
        if styles is None:
            base = self.rich_style
            styles = self._style_cache[key] = (
                base,
                base + self.get_component_rich_style("feedback-list--cursor"),
                base + self.get_component_rich_style("feedback-list--empty"),
            )
        return styles

    def notify_style_update(self) -> None:
        self._style_cache.clear()
        super().notify_style_update()

    @staticmethod
    def _strip(line: Line, width: int, style: Style) -> Strip:
        """*line* after a space, cut with an ellipsis to leave a space at the end, in *style*
        (each piece's own style on top of it), padded to *width*.

        The segments are made here, styled and measured once: rich's ``Text.render`` was
        seven times slower, and each further ``Strip`` (padding, then a style over the whole
        line) copied every segment again, for every line drawn after a filter."""
        room = max(0, width - 2)
        sizes = [cell_len(text) for text, _ in line]
        pieces: list[tuple[str, Style | None]] = [(" ", None)]
        used = 1
        if sum(sizes) <= room:
            pieces += line
            used += sum(sizes)
        else:
            room -= 1
            for (text, piece), size in zip(line, sizes, strict=True):
                if size >= room:
                    cut = set_cell_size(text, room) + "…"
                    pieces.append((cut, piece))
                    used += cell_len(cut)
                    break
                pieces.append((text, piece))
                used += size
                room -= size
        if used < width:
            pieces.append((" " * (width - used), None))
        # Neighbours of one style are one segment: fewer to crop, style and write.
        segments: list[Segment] = []
        run: list[str] = []
        last: Style | None = None
        for text, piece in pieces:
            if piece is not last and run:
                segments.append(Segment("".join(run), style + last if last else style))
                run = []
            run.append(text)
            last = piece
        segments.append(Segment("".join(run), style + last if last else style))
        return Strip(segments, max(used, width))
