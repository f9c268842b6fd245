"""NO_COLOR=1 means no colour: read from the raw bytes the app writes to a real terminal (a pty),
no SGR code sets a colour, and every cursor is still seen (reverse or a border's shape), read back
through a terminal emulator (pyte)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

from .pty_terminal import Terminal

COLOUR_PARAMS = {*range(30, 38), *range(40, 48), *range(90, 98), *range(100, 108), 38, 48, 58}
"""SGR parameters that set a colour: foreground, background, bright, extended (38;5 / 38;2),
underline colour. 39 and 49 (the terminal's own colours) are not among them."""


def colour_codes(raw: bytes) -> list[str]:
    """Every SGR sequence in *raw* that sets a colour."""
    found = []
    for match in re.finditer(rb"\x1b\[([0-9;:]*)m", raw):
        params = [p for p in match.group(1).split(b";") if p]
        if any(int(p.split(b":")[0]) in COLOUR_PARAMS for p in params):
            found.append(match.group(0).decode("ascii", "replace"))
    return found


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], Terminal]]:
    data = tmp_path / "data"
    PlanRepository(Store(data)).replace_plans([demo_plan("nb")], "before-demo")
    opened: list[Terminal] = []

    def open_terminal(env: dict[str, str], directory: Path = data) -> Terminal:
        opened.append(Terminal(directory, env))
        return opened[-1]

    yield open_terminal
    for term in opened:
        term.close()


def test_no_color_sends_no_colour_and_every_cursor_is_still_seen(terminal) -> None:
    term = terminal({"NO_COLOR": "1"})
    term.until(lambda: term.shows("Jeg ble leder"), "the platform with the plan")
    assert colour_codes(bytes(term.raw)) == []
    assert term.shows("┏"), "the box under the cursor has a heavy border: a shape, not a colour"

    term.press(b"2")
    term.until(lambda: term.shows("Målformuleringer"), "the målkort")
    term.until(lambda: "Motivasjon" in term.reversed_text(), "the målkort's cursor, in reverse")

    term.press(b"3")
    term.until(lambda: term.shows("Motivasjon og"), "the timeline")
    term.until(
        lambda: re.search("[●✓!━¦]", term.reversed_text()) is not None,
        "the timeline's cursor, in reverse",
    )

    term.press(b"4")
    term.until(lambda: term.shows("Lederkolleger"), "feedback")
    term.until(
        lambda: re.search(r"\d\d\.\d\d\.\d{4}", term.reversed_text()) is not None,
        "the chosen entry, in reverse",
    )

    term.press(b"\x1bOP")  # F1: the help's table and its cursor
    term.until(lambda: term.shows("Taster"), "the help")
    term.until(lambda: "Tilbakemeldingen over" in term.reversed_text(), "the help's cursor")

    assert colour_codes(bytes(term.raw)) == []


def test_no_color_on_the_welcome_screen_underlines_the_choice(terminal, tmp_path: Path) -> None:
    # Textual draws an option list without reverse (it keeps bold and underline only).
    term = terminal({"NO_COLOR": "1"}, tmp_path / "empty")
    term.until(lambda: term.shows("Velkommen til lederplan"), "the welcome screen")
    term.until(lambda: "Start en tom plan" in term.reversed_text("underscore"), "the chosen line")
    term.press(b"\x1b[B")  # down
    term.until(
        lambda: "Åpne kursets eksempelplan" in term.reversed_text("underscore"), "the next line"
    )
    assert "Start en tom plan" not in term.reversed_text("underscore")
    assert colour_codes(bytes(term.raw)) == []


def test_without_no_color_the_app_has_its_colours(terminal) -> None:
    # The check above would pass for an app that never sends colour at all: this one does.
    term = terminal({})
    term.until(lambda: term.shows("Jeg ble leder"), "the platform with the plan")
    assert colour_codes(bytes(term.raw))
