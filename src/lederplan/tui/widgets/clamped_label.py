"""A text wrapped at word boundaries onto at most a few lines; what is left over ends in "…".

Textual cuts a label too long for its line mid-word and says nothing (GROW's header showed
"…bli bedre på å gi konstruktive tilbake" with the rest of the goal gone): here the text wraps,
and if it needs more lines than it has, the last one ends at a word with "…".
"""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

ELLIPSIS = "…"


def clamp_lines(text: str, width: int, max_lines: int) -> list[str]:
    """*text* wrapped at word boundaries to *width* cells, in at most *max_lines* lines.

    A text that needs more lines keeps the first ``max_lines - 1`` and ends the last at the last
    whole word that leaves room for "…" (a single word longer than the line is cut, with "…").
    """
    if width < 2 or max_lines < 1:
        return [text]
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) <= max_lines:
        return lines
    rest = " ".join(lines[max_lines - 1 :])
    last = textwrap.wrap(rest, width - 1)[0].rstrip(" ,.;:–-")
    return [*lines[: max_lines - 1], last + ELLIPSIS]


class ClampedLabel(Widget):
    """A label as wide as its container, of at most *max_lines* lines (see :func:`clamp_lines`)."""

    DEFAULT_CSS = """
    ClampedLabel {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, text: str, max_lines: int = 2, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.text = text
        self.max_lines = max_lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(clamp_lines(self.text, width, self.max_lines))

    def render(self) -> Content:
        return Content("\n".join(clamp_lines(self.text, self.content_region.width, self.max_lines)))
