"""A ticked option and an unticked one differ in their characters, not in colour alone
(issue 13: GROW's options all showed "▐X▌" whether ticked or not)."""

from __future__ import annotations

from textual.app import App, ComposeResult

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
