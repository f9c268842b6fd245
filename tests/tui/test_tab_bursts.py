"""Tab and shift+Tab with keys behind them in one read (tmux's send-keys, a slow SSH link, a
fast typist) move the focus before those keys go on: in the plan's heading, Tab Tab "i dag" in
one read wrote "i dag" over the person's name. A widget's own Tab (the målkort's cell editor)
stays its own: tests/tui/test_cell_bursts.py."""

from __future__ import annotations

from lederplan.tui.screens.help import HelpScreen
from lederplan.tui.screens.plan_details import PlanDetailsScreen
from lederplan.tui.widgets.text_fields import Input

from .conftest import ready, saved_plan, until, until_screen
from .test_keys_in_order import burst


def field(app, name: str) -> Input:
    return app.screen.query_one(f"#form-{name}", Input)


async def test_keys_after_tabs_in_one_read_go_into_the_field_tab_moved_to(
    demo_store, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("p")
        await until_screen(pilot, PlanDetailsScreen)
        person, manager = field(app, "person").value, field(app, "manager").value
        burst(app, "tab", "tab", *"i dag")
        await until(pilot, lambda: field(app, "date").value.endswith("dag"), "typed in the date")
        assert (field(app, "person").value, field(app, "manager").value) == (person, manager)
        assert app.focused is field(app, "date")
        burst(app, "shift+tab", *"Ola")
        await until(pilot, lambda: field(app, "manager").value.endswith("Ola"), "and back")
        assert field(app, "person").value == person and field(app, "date").value == "i dag"


async def test_the_help_still_names_tab(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("2")
        await pilot.press("f1")
        screen = await until_screen(pilot, HelpScreen)
        rows = dict((desc, keys) for keys, desc in screen.rows)
        assert "tab" in rows["Next field"] and "shift+tab" in rows["Previous field"]


async def test_enter_in_the_heading_goes_to_the_next_field_before_the_keys_behind_it(
    demo_store, data_dir, make_app
) -> None:
    """Seen in tmux: ctrl+u "Person Q" Enter ctrl+u "Manager R" in one read left the manager as
    it was and named the person "Manager R". In the last field Enter saves."""
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("p")
        await until_screen(pilot, PlanDetailsScreen)
        burst(app, "ctrl+u", *"Person Q", "enter", "ctrl+u", *"Manager R", "enter")
        await until(pilot, lambda: field(app, "manager").value == "Manager R", "the manager")
        assert field(app, "person").value == "Person Q"
        assert app.focused is field(app, "date")
        await pilot.press("enter")  # the last field: saved
        await until(pilot, lambda: not isinstance(app.screen, PlanDetailsScreen), "saved")
    plan = saved_plan(data_dir)
    assert (plan.person, plan.manager) == ("Person Q", "Manager R")
