"""A SelectionList whose ticked and unticked options differ in shape, not in colour alone.

Textual's SelectionList draws "▐X▌" before every option and tells a ticked one by its colour
only: without colour (NO_COLOR, a monochrome terminal, a screen reader) every option looks
ticked. Here a ticked option shows ``[x]`` and an unticked one ``[ ]``, in the same three cells
and styles (so the highlight and a mouse click work as before).
"""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")

TICKED, UNTICKED = "x", " "


class MarkedSelectionList(SelectionList[T], Generic[T]):
    """A SelectionList that marks a ticked option ``[x]`` and an unticked one ``[ ]``."""

    # Textual draws an unticked button $panel-darken-2 on $panel: hardly there as "▐X▌" (which
    # shows by its shape), and "[ ]" in it was black on navy. An unticked mark takes the option's
    # text colour; a ticked one keeps Textual's $text-success.
    DEFAULT_CSS = """
    MarkedSelectionList {
        & > .selection-list--button, & > .selection-list--button-highlighted {
            color: $foreground;
        }
    }
    """

    def on_focus(self) -> None:
        # Options added after the list was made (GROW's, as they are typed) leave no option
        # highlighted: Tab then space did nothing. Focus lands on the first one.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(round(self.scroll_offset.y) + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 3:
            return strip
        style = segments[1].style  # the button's: highlighted, ticked, and the option for a click
        mark = TICKED if option.value in self.selected else UNTICKED
        marked = [Segment("[", style), Segment(mark, style), Segment("]", style)]
        return Strip(marked + segments[3:], strip.cell_length)
