"""The shell: first run, modes, help, palette, heading, language, errors, feeding the målkort."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from lederplan.store.settings import load_settings
from lederplan.tui.app import RESTART
from lederplan.tui.screens.help import HelpScreen
from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.screens.welcome import WelcomeScreen

from .conftest import ready, saved_plan, until

KEY_LIKE = re.compile(r"^[a-z_]+\.[a-z_.]+$")


async def test_blank_plan_asks_name_manager_date_and_refuses_a_bad_date(
    data_dir: Path,
    make_app,
) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "Start a blank plan"
        await pilot.pause()
        await pilot.press(*"Kari Nordmann", "enter", *"Ola Leder", "enter")
        date_input = app.screen.query_one("#form-date", Input)
        date_input.value = ""
        await pilot.press(*"31.02.2027", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "is not a date" in str(app.screen.query_one(".form-error").content)
        assert app.screen.query_one("#form-person", Input).value == "Kari Nordmann"  # kept
        date_input.value = ""
        await pilot.press(*"15.03.2027", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
    plan = saved_plan(data_dir)
    assert (plan.person, plan.manager, plan.date) == (
        "Kari Nordmann",
        "Ola Leder",
        date(2027, 3, 15),
    )
    assert plan.platform == [""] * 9


async def test_digits_switch_screens_and_unbuilt_screens_say_so(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for key, mode in [
            ("2", "malkort"),
            ("3", "timeline"),
            ("4", "feedback"),
            ("1", "platform"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode


async def test_help_lists_every_key_of_the_screen_translated(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        bindings = app.screen.active_bindings
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [tuple(table.get_row_at(i)) for i in range(table.row_count)]
        described = {b.binding.description for b in bindings.values() if b.binding.description}
        assert {description for _, description in rows} == described
        assert not [d for _, d in rows if KEY_LIKE.match(d)]
        assert ("z", "Fullskjerm") in rows and ("? f1", "Hjelp") in rows
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_every_screens_keys_are_translated(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        for key in ("enter", "escape", "r", "escape", "z", "escape", "p", "escape", "f1"):
            await pilot.press(key)
            await pilot.pause()
            names = [b.binding.description for b in app.screen.active_bindings.values()]
            assert not [n for n in names if n and KEY_LIKE.match(n)], (key, names)


async def test_palette_offers_the_screens_actions(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Write", "Full screen", "Reflection", "Help", "Quit", "Colour theme"} <= titles
        assert {"Edit name, manager and date", "Scorecard", "Switch language (norsk)"} <= titles


async def test_heading_is_edited_from_the_keyboard(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        assert "Individuell utviklingsplan for: Person X" in str(
            app.screen.query_one(".plan-header").content
        )
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#form-person", Input).value = ""
        await pilot.press(*"Kari", "enter", "enter")
        app.screen.query_one("#form-date", Input).value = ""
        await pilot.press(*"1.2.26", "enter")
        await pilot.pause()
        header = str(app.screen.query_one(".plan-header").content)
        assert "Kari" in header and "01.02.2026" in header
    plan = saved_plan(data_dir)
    assert (plan.person, plan.date, plan.period_end) == ("Kari", date(2026, 2, 1), date(2027, 2, 1))


async def test_reflection_view_edits_the_three_questions(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert (
            "Hva slags leder må jeg være?" in app.screen.query_one("#box-reflection-must").question
        )
        await pilot.press("l", "l", "j", "enter", *"Begge deler.", "escape")  # to "individual"
        await pilot.pause()
        await pilot.press("escape")  # back to the platform
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PlatformScreen"
    reflection = saved_plan(data_dir).reflection
    assert reflection.individual == "Begge deler."


async def test_box_five_feeds_development_areas(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        before = len(saved_plan(data_dir).areas)
        await pilot.press("j", "l", "a")  # box 5
        await pilot.pause()
        await pilot.press("down", "space", "a")  # untick the second line, add the rest
        await pilot.pause()
    areas = saved_plan(data_dir).areas
    assert [a.title for a in areas[before:]] == [
        "Gi konstruktive tilbakemeldinger.",
        "Lære mer om fagområde X.",
    ]
    assert areas[-1].origin == "fra lederplattformen, boks 5"


async def test_box_eight_feeds_goals_and_box_one_feeds_nothing(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        assert "feed" not in {b.binding.action for b in app.screen.active_bindings.values()}
        await pilot.press("j", "j", "l", "a", "a")  # box 8, add under a new area
        await pilot.pause()
    plan = saved_plan(data_dir)
    assert plan.areas[-1].title == "Nye mål" or plan.areas[-1].title == "New goals"
    assert plan.areas[-1].goals[0].statement.startswith("En avdeling der alle")


async def test_language_switch_is_saved_and_restarts(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("L")
        await pilot.pause()
    assert app.return_value == RESTART
    assert load_settings(data_dir)["lang"] == "en"


async def test_the_welcome_screen_shows_how_to_switch_language(data_dir, make_app) -> None:
    # A first start in the wrong language (LANG=C on a Norwegian leader's server) said nowhere
    # how to get out of it.
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        footer = "".join(s.text for s in app.screen._compositor.render_strips()[-1])
        assert "L Switch language (norsk)" in footer
        await pilot.press("enter", *"Lise")  # in the new plan's form an L is a letter
        await pilot.pause()
        assert app.focused.value == "Lise" and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
    assert app.return_value == RESTART
    assert load_settings(data_dir)["lang"] == "nb"


async def test_theme_choice_is_saved(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        app.theme = "nord"
        await pilot.pause()
    assert load_settings(data_dir)["theme"] == "nord"
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"


async def test_a_corrupt_file_is_shown_as_a_message_and_left_alone(
    demo_store, data_dir, make_app
) -> None:
    backup = demo_store.backup_now("daily")
    (data_dir / "lederplan.json").write_bytes(b'{"plans": {"1": ')
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one(".error-message").content)
        assert "cannot be read" in text and f"lederplan restore {backup.name}" in text
        await pilot.press("1", "enter", "a")
        await pilot.press("ctrl+q")
    assert (data_dir / "lederplan.json").read_bytes() == b'{"plans": {"1": '


@pytest.mark.parametrize("rounds", [3, pytest.param(10, marks=pytest.mark.slow)])
async def test_changing_screens_does_not_keep_old_footer_keys_alive(
    demo_store, make_app, rounds: int
) -> None:
    # Textual keeps the watchers of a Footer's removed keys until the screen's `compact`
    # changes (never): without pruning, 40 changes of screen left about 500 of them alive
    # (12 changes, the default run's, about 150).
    from textual.widgets import Footer

    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for _ in range(rounds):
            for key in "1234":
                await pilot.press(key)
                await pilot.pause()

        def footers() -> list[Footer]:
            return [
                f for stack in app._screen_stacks.values() for s in stack for f in s.query(Footer)
            ]

        def watchers() -> int:
            return sum(len(w) for f in footers() for w in getattr(f, "__watchers", {}).values())

        # The heap is settled (and the watchers pruned) a moment after the last change of screen.
        await until(pilot, lambda: watchers() < 60, f"the old keys' watchers go: {watchers()}")
        assert len(footers()) == 4
