"""The feedback list draws a line as it always did, with fewer segments and strips: the same text
and the same style in every cell, at every width (cut with an ellipsis, wide characters, the
cursor's style over the pieces' own)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from lederplan.tui.widgets.feedback_list import FeedbackList, Line

BOLD, ITALIC = Style(bold=True), Style(italic=True)
BASE = Style(color="white", bgcolor="black")
CURSOR = Style(color="black", bgcolor="yellow")


def drawn_before(line: Line, width: int, style: Style) -> Strip:
    """The line as the list drew it before it made its segments styled and in one strip."""
    room = max(0, width - 2)
    segments = [Segment(" ")]
    if sum(cell_len(text) for text, _ in line) <= room:
        segments += [Segment(text, piece) for text, piece in line]
    else:
        room -= 1
        for text, piece in line:
            size = cell_len(text)
            if size >= room:
                segments.append(Segment(set_cell_size(text, room) + "…", piece))
                break
            segments.append(Segment(text, piece))
            room -= size
    return Strip(segments).extend_cell_length(width).apply_style(style)


def cells(strip: Strip) -> list[tuple[str, Style | None]]:
    """Each cell's character and style (a wide character's second cell is "")."""
    found: list[tuple[str, Style | None]] = []
    for segment in strip:
        for char in segment.text:
            found.append((char, segment.style))
            found += [("", segment.style)] * (cell_len(char) - 1)
    return found


LINES: list[Line] = [
    [
        ("12.03.2025", BOLD),
        (" · Område 1", None),
        (" · ", None),
        ("5/6", BOLD),
        (" — ", None),
        ("Tydelig i møtene", None),
    ],
    [("12.03.2025", BOLD), (" · Kari", ITALIC), (" — ", None), ("Lang " * 40, None)],
    [("3 Mar 2025", BOLD), (" — ", None), ("日本語のフィードバック" * 3, None)],
    [("  ", None), ("Bare tekst på andre linje", None)],
    [("", None)],
]


@pytest.mark.parametrize("width", [0, 1, 2, 3, 8, 17, 30, 58, 119])
@pytest.mark.parametrize("style", [BASE, CURSOR])
def test_each_line_is_drawn_as_before(width: int, style: Style) -> None:
    for line in LINES:
        now, before = FeedbackList._strip(line, width, style), drawn_before(line, width, style)
        assert cells(now) == cells(before), (line, width)
        assert now.cell_length == before.cell_length


def test_neighbours_of_one_style_are_one_segment() -> None:
    line = LINES[0]
    strip = FeedbackList._strip(line, 80, BASE)
    # " " + date, the area and " · " together, the rating, then " — ", the text and the padding.
    assert len(list(strip)) == 5
    assert strip.text.rstrip() == " " + "".join(text for text, _ in line)
