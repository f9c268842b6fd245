"""Every screen's stylesheet is read with the app's, so showing a screen the first time does not
parse all of the app's CSS again and restyle every widget (Textual does, for a screen's own
CSS_PATH it has not read yet)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from lederplan.tui.app import LederplanApp
from lederplan.tui.styles import stylesheet

from .conftest import ready


def test_the_app_reads_every_stylesheet_there_is() -> None:
    folder = stylesheet("app.tcss").parent
    assert {Path(path) for path in LederplanApp.CSS_PATH} == set(folder.glob("*.tcss"))


@pytest.mark.parametrize("key", ["2", "3", "4"])
async def test_a_screen_shown_the_first_time_does_not_parse_the_css_again(
    demo_store, make_app, monkeypatch, key: str
) -> None:
    reparses: list[Stylesheet] = []
    original = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparses.append(self)
        original(self)

    app = make_app("nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        monkeypatch.setattr(Stylesheet, "reparse", counted)
        before = app.screen
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not before  # the screen was shown
        assert reparses == []


async def test_a_screen_shown_after_a_change_of_theme_has_the_new_theme(
    demo_store, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        dark = app.screen.styles.background
        app.theme = "textual-light"
        await pilot.press("2")
        await pilot.pause()
        light = Color.parse(app.get_css_variables()["background"])
        assert app.screen.styles.background == light != dark
        await pilot.press("1")  # and the platform, made before the change, follows it
        await pilot.pause()
        assert app.screen.styles.background == light
