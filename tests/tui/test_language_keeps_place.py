"""`L` (another language) starts the app again in the new language on the same screen, with
the same cursor and what was open over it; what was typed is kept (issue 13: it went back to
the platform)."""

from __future__ import annotations

import json

import pytest
from textual.widgets import TextArea

from lederplan.tui.app import RESTART
from lederplan.tui.resume import ENV_RESUME, from_environment, hand_over
from lederplan.tui.screens.feedback import FeedbackScreen
from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.screens.reflection import ReflectionScreen
from lederplan.tui.screens.timeline import TimelineScreen
from lederplan.tui.widgets.malkort_table import MalkortTable
from lederplan.tui.widgets.timeline_view import TimelineView

from .conftest import ready, saved_plan, type_text, until


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-03-01")
    monkeypatch.delenv("LEDERPLAN_LANG", raising=False)  # L sets it for the process after


def screen_text(app) -> str:
    lines = app.screen._compositor.render_strips()
    return "\n".join("".join(s.text for s in line) for line in lines)


async def switch_language(app, pilot) -> dict:
    """Press L and return the place the app handed over for its next start."""
    await pilot.press("L")
    await until(pilot, lambda: app.return_value == RESTART, "the app starts again")
    assert app.resume_state is not None
    return json.loads(json.dumps(app.resume_state))  # through the environment, as text


async def started_again(app, pilot, screen: type) -> None:
    await ready(app, pilot)
    await until(pilot, lambda: isinstance(app.screen, screen), f"{screen.__name__} again")
    await pilot.pause()


async def test_the_malkort_cell_and_the_smarte_panel_are_kept(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, MalkortScreen), "the målkort")
        await pilot.press("l", "l", "j", "j", "j", "v")
        await pilot.pause()
        table = app.screen.query_one(MalkortTable)
        cell = (table.cursor_row, table.cursor_col)
        assert cell != (0, 0)
        place = await switch_language(app, pilot)
    app = make_app("en", resume=place)
    async with app.run_test(size=(120, 36)) as pilot:
        await started_again(app, pilot, MalkortScreen)
        table = app.screen.query_one(MalkortTable)
        await until(pilot, lambda: (table.cursor_row, table.cursor_col) == cell, "the cell")
        # made compact with v at 36 lines (where it starts in full): still compact
        assert app.screen.query_one(".smarte-panel").compact
        text = screen_text(app)
        assert "Scorecard" in text and "Målkort" not in text  # drawn in the new language


async def test_the_timeline_keeps_its_lane_action_and_zoom(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        await pilot.press("plus", "j", "l")
        view = app.screen.query_one(TimelineView)
        wanted = (view.lane, view.position, view.zoom, view.selected.action.id)
        place = await switch_language(app, pilot)
    app = make_app("nb", resume=place)
    async with app.run_test(size=(100, 32)) as pilot:
        await started_again(app, pilot, TimelineScreen)
        view = app.screen.query_one(TimelineView)
        await until(pilot, lambda: view.selected is not None, "an action selected")
        assert (view.lane, view.position, view.zoom, view.selected.action.id) == wanted
        assert view.selected.action.text in str(app.screen.query_one(".timeline-selected").content)
        assert "Tidslinje" in screen_text(app) or "u1" in screen_text(app)


async def test_feedback_keeps_the_source_the_entry_and_the_filter(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, FeedbackScreen), "feedback")
        await pilot.press("l", "l", "j")  # staff, the second entry
        await pilot.pause()
        screen = app.screen
        entry = screen._list(screen.source).selected
        assert entry is not None
        source = screen.source
        place = await switch_language(app, pilot)
    app = make_app("en", resume=place)
    async with app.run_test(size=(140, 40)) as pilot:
        await started_again(app, pilot, FeedbackScreen)
        screen = app.screen
        assert screen.source is source
        assert screen._list(source).selected.id == entry.id
        assert app.focused is screen._list(source)
        assert "Staff" in screen_text(app)


async def test_the_reflection_over_the_platform_comes_back_with_both_cursors(
    demo_store, make_app
) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "right")  # box 5
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReflectionScreen), "reflection")
        await pilot.press("right")  # its second question
        place = await switch_language(app, pilot)
    app = make_app("nb", resume=place)
    async with app.run_test(size=(100, 32)) as pilot:
        await started_again(app, pilot, ReflectionScreen)
        assert app.screen.current_index == 1
        assert "Hva slags leder" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the platform")
        assert app.screen.current_index == 4


async def test_what_is_typed_in_an_open_box_is_kept(demo_store, data_dir, make_app) -> None:
    # The language from the palette while a box is being written in: L itself is text there.
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press("right", "right", "enter")  # box 3
        await until(pilot, lambda: isinstance(app.focused, TextArea), "writing in box 3")
        await pilot.press("end")
        await type_text(pilot, " Og Lite mer.")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.id == "--command-palette", "the palette")
        await pilot.press(*"bytt spr")
        await until(pilot, lambda: "English" in screen_text(app), screen_text(app))
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.return_value == RESTART, "the app starts again")
        place = app.resume_state
    assert saved_plan(data_dir).platform[2].endswith(" Og Lite mer.")
    app = make_app("en", resume=place)
    async with app.run_test(size=(100, 32)) as pilot:
        await started_again(app, pilot, PlatformScreen)
        assert app.screen.current_index == 2
        await until(pilot, lambda: isinstance(app.focused, TextArea), "writing in box 3 again")
        editor = app.focused
        assert editor.text.endswith(" Og Lite mer.")
        assert editor.cursor_location == editor.document.end  # where the typing stopped
        await pilot.press(*"!")
        await until(pilot, lambda: editor.text.endswith("mer.!"), "typing goes on")
        assert "Lite" in screen_text(app) and "mer.!" in screen_text(app)


def test_the_place_goes_through_the_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_RESUME, raising=False)
    assert from_environment() is None
    hand_over({"mode": "timeline", "place": {"lane": 1}})
    assert from_environment() == {"mode": "timeline", "place": {"lane": 1}}
    assert from_environment() is None  # taken: nothing started from the app sees it
    assert from_environment({ENV_RESUME: "not json"}) is None
