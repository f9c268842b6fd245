"""Keys typed ahead of the app (a fast typist, a paste, a slow link) are never lost: a burst of
keys that arrives before the focus has moved goes where the keys before it sent the focus."""

from __future__ import annotations

from pathlib import Path

from textual import events

from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.screens.welcome import WelcomeScreen

from .conftest import saved_plan, until


def burst(app, *keys: str) -> None:
    """Post every key at once, as a terminal hands over a burst: none waits for the one before."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key("space" if key == " " else key, key))
        else:
            app.post_message(events.Key(key, "\r" if key == "enter" else None))


async def test_the_new_plan_form_typed_in_one_burst_is_submitted(data_dir: Path, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome screen")
        await pilot.pause()
        # "Start a blank plan", name, manager, and the date as it is offered (today).
        burst(app, "enter", *"Kari Nordmann", "enter", *"Ola Leder", "enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the plan is started")
    plan = saved_plan(data_dir)
    assert (plan.person, plan.manager) == ("Kari Nordmann", "Ola Leder")


async def test_a_date_and_enter_in_one_burst_submit_the_form(data_dir: Path, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome screen")
        await pilot.press("enter")  # "Start a blank plan"
        await pilot.press(*"Kari", "enter", *"Ola", "enter")
        app.screen.query_one("#form-date").value = ""
        burst(app, *"15.03.2027", "enter")
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the plan is started")
    plan = saved_plan(data_dir)
    assert (plan.person, plan.manager, str(plan.date)) == ("Kari", "Ola", "2027-03-15")


async def test_enter_and_text_in_one_burst_all_go_into_the_box(demo_store, data_dir, make_app):
    """On the platform: Enter opens the box and the words after it are its text (before, the
    "P" of a word opened the plan periods and the letters before it were lost)."""
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the platform")
        await until(pilot, lambda: app.editing is not None, "the plan loaded")
        screen = app.screen
        before = screen.current.text
        burst(app, "enter", *"HUP Pa")
        await until(pilot, lambda: screen.current.editing, "the box open for writing")
        editor = screen.current.editor
        await until(pilot, lambda: editor.text.endswith("HUP Pa"), "all of the typing in the box")
        assert len(app.screen_stack) == 1, "no dialog opened by a letter of the text"
        await pilot.press("escape")
    assert saved_plan(data_dir).platform[0] == before + "HUP Pa"
