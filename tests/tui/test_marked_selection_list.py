"""A ticked option and an unticked one differ in their characters, not in colour alone
(issue 13: GROW's options all showed "▐X▌" whether ticked or not)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from lederplan.tui.widgets.marked_selection_list import MarkedSelectionList


class Options(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkedSelectionList[int](("first", 0, True), ("second", 1), ("third", 2))


def _screen(app: App[None]) -> list[str]:
    return ["".join(s.text for s in line) for line in app.screen._compositor.render_strips()]


async def test_ticked_and_unticked_options_show_different_marks() -> None:
    app = Options()
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        lines = _screen(app)
        assert any("[x] first" in line for line in lines), lines
        assert any("[ ] second" in line for line in lines), lines
        assert not any("▐X▌" in line for line in lines)
        await pilot.press("down", "space", "down", "down", "space")  # tick second, untick first
        await pilot.pause()
        lines = _screen(app)
        selection = app.query_one(MarkedSelectionList)
        assert sorted(selection.selected) == [1]
        assert any("[x] second" in line for line in lines), lines
        assert any("[ ] first" in line for line in lines), lines
        assert any("[ ] third" in line for line in lines), lines


class Added(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()
        yield MarkedSelectionList[int]()

    def on_mount(self) -> None:
        self.query_one(MarkedSelectionList).add_options([("first", 0), ("second", 1)])


async def test_tab_then_space_ticks_the_first_option_of_options_added_later() -> None:
    # GROW adds its options as they are typed: Tab then space ticked nothing.
    app = Added()
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "space")
        await pilot.pause()
        selection = app.query_one(MarkedSelectionList)
        assert selection.has_focus and list(selection.selected) == [0]
        assert any("[x] first" in line for line in _screen(app))


def _contrast(style) -> float:
    """How far apart the foreground and background of *style* are (0 = the same colour)."""
    fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
    return sum(abs(a - b) for a, b in zip(fg, bg, strict=True)) / 3


def _mark_cells(app: App[None], word: str) -> list:
    """The styles of the three cells "[ ]" / "[x]" before the option *word*."""
    for line in app.screen._compositor.render_strips():
        text = "".join(s.text for s in line)
        if word in text:
            start = text.index(word) - 4
            cells = [segment.style for segment in line for _ in segment.text]
            return cells[start : start + 3]
    raise AssertionError(f"{word!r} not on screen")


async def test_an_unticked_mark_is_as_readable_as_a_ticked_one_in_every_theme() -> None:
    # Issue: "[ ]" was drawn $panel-darken-2 on $panel (black on navy in the default theme).
    app = Options()
    async with app.run_test(size=(40, 8)) as pilot:
        # (the ansi-* themes draw in the terminal's own default colours: nothing to compare)
        for theme in sorted(name for name in app.available_themes if not name.startswith("ansi")):
            app.theme = theme
            await pilot.pause()
            for word in ("second", "third"):  # unticked; "second" not highlighted, nor "third"
                for style in _mark_cells(app, word):
                    assert _contrast(style) > 60, (theme, word, style)
            await pilot.press("down")  # the highlighted unticked line too
            await pilot.pause()
            for style in _mark_cells(app, "second"):
                assert _contrast(style) > 60, (theme, "highlighted", style)
            await pilot.press("up")
