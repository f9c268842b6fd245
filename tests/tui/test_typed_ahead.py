"""Keys typed ahead of the focus, as over a slow SSH link where Enter and the first words arrive
in one read: they are text in the box Enter opened, never the screen's commands (before, the "P"
of a word opened the plan periods and the letters before it were lost)."""

from __future__ import annotations

from textual import events

from .conftest import ready, saved_plan, until


def burst(app, keys: str) -> None:
    """*keys* posted at once, before the app has handled the first: one read of a slow link."""
    for key in keys:
        app.post_message(events.Key("enter" if key == "\r" else key, None if key == "\r" else key))


async def test_enter_and_text_in_one_burst_all_go_into_the_box(demo_store, data_dir, make_app):
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        before = screen.current.text
        burst(app, "\rHUP Pa")
        await until(pilot, lambda: screen.current.editing, "the box open for writing")
        editor = screen.current.editor
        await until(pilot, lambda: editor.text.endswith("HUP Pa"), "all of the typing in the box")
        assert len(app.screen_stack) == 1, "no dialog opened by a letter of the text"
        await pilot.press("escape")
    assert saved_plan(data_dir).platform[0] == before + "HUP Pa"
