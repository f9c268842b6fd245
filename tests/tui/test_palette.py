"""The command palette (ctrl+p) offers every action of every screen, by its name in the UI
language, and choosing one goes to its screen and runs it there."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from lederplan.tui.screens.ask_path import AskPathScreen
from lederplan.tui.screens.insight import InsightScreen
from lederplan.tui.screens.reflection import ReflectionScreen
from lederplan.tui.widgets.timeline_view import TimelineView

from .conftest import ready, until


def screen_text(app) -> str:
    lines = app.screen._compositor.render_strips()
    return "\n".join("".join(s.text for s in line) for line in lines)


async def choose(app, pilot, query: str, title: str) -> None:
    """Open the palette, type *query*, wait for *title* to be listed first, and choose it."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*query)
    await until(pilot, lambda: title in screen_text(app), f"{title!r} listed")
    assert "No matches found" not in screen_text(app)
    await pilot.press("down", "enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "chosen")


@pytest.mark.parametrize(
    ("start", "query", "title", "mode", "shown"),
    [
        # Found in use (issue 13): from the målkort these gave "No matches found".
        ("2", "innsikt", "Innsikt", "feedback", InsightScreen),
        ("2", "refleksjon", "Refleksjon", "platform", ReflectionScreen),
        ("2", "importer", "Importer", "feedback", AskPathScreen),
    ],
)
async def test_another_screens_action_is_found_and_run_there(
    demo_store, make_app, start: str, query: str, title: str, mode: str, shown: type
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press(start)
        await pilot.pause()
        await choose(app, pilot, query, title)
        await until(pilot, lambda: isinstance(app.screen, shown), f"{shown.__name__} shown")
        assert app.current_mode == mode


async def test_the_search_field_applies_keys_in_one_read_in_order(demo_store, make_app) -> None:
    """Seen in tmux: "zqxj", then ctrl+u "importer" in one read left the field empty (Textual
    ran the field's ctrl+u after the letters behind it)."""
    from textual.command import CommandInput

    from .test_keys_in_order import burst

    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press("2", "ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        field = app.screen.query_one(CommandInput)
        await pilot.press(*"zqxj")
        burst(app, "ctrl+u", *"importer")
        await until(pilot, lambda: field.value == "importer", f"the field: {field.value!r}")
        await until(pilot, lambda: "Importer" in screen_text(app), "found")
        assert app.focused is field


async def test_a_widgets_action_runs_on_the_widget(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "zoom in", "Zoom in")
        await until(pilot, lambda: app.current_mode == "timeline", "on the timeline")
        view = app.screen.query_one(TimelineView)
        await until(pilot, lambda: view.zoom == 1, "zoomed in once")


@pytest.mark.parametrize("lang", ["nb", "en"])
async def test_every_action_of_every_screen_is_offered_from_every_screen(
    demo_store, make_app, lang: str
) -> None:
    from lederplan.tui.palette import MODES, screen_actions

    app = make_app(lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        everything = {(mode, action.name) for mode in MODES for action in screen_actions(mode)}
        assert len(everything) > 25
        for key, mode in zip("1234", MODES, strict=True):
            await pilot.press(key)
            await pilot.pause()
            offered = {command.title for command in app.get_system_commands(app.screen)}
            # This screen's own are offered while they can be used (the platform's "To the
            # målkort" only on the boxes that feed it); every other screen's always.
            missing = {name for other, name in everything if other != mode and name not in offered}
            assert not missing, (mode, missing)
            assert not [title for title in offered if "." in title and " " not in title]
