"""Keys that arrive in one read (a slow SSH link, tmux's send-keys, a fast typist) are applied
in the order typed, in every text field: an editing key (Backspace, ctrl+u, an arrow) and the
letters after it, and a cell's Tab after the letters before it.

Textual runs a field's own keys as bindings once the key has gone up to the app, by which time
the field has already typed the letters queued behind it: "abd", Backspace, "c" came out "abdc",
and ctrl+u "2026-03-15" came out "026-03-15"; a cell's Tab (a priority binding, run before the
field had the letters) saved the cell without them."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult

from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.screens.welcome import WelcomeScreen
from lederplan.tui.widgets.text_fields import Input, TextArea

from .conftest import saved_plan, until
from .test_malkort import go, open_malkort
from .test_malkort_flow import editor_of


def burst(app, *keys: str) -> None:
    """Post every key at once, as a terminal hands over one read: none waits for the one before."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key("space" if key == " " else key, key))
        else:
            app.post_message(events.Key(key, "\r" if key == "enter" else None))


class Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="line")
        yield TextArea(id="box")


EDITS = [  # keys in one burst, what the field holds after them
    ((*"abd", "backspace", "c"), "abc"),
    ((*"abc", "left", "left", "X"), "aXbc"),
    ((*"abc", "home", "X", "end", "Y"), "XabcY"),
    ((*"old", "ctrl+u", *"2026-03-15"), "2026-03-15"),
    ((*"one two", "ctrl+w", *"three"), "one three"),
    ((*"abc", "left", "delete", "X"), "abX"),
]


@pytest.mark.parametrize(("keys", "text"), EDITS)
@pytest.mark.parametrize("field", ["line", "box"])
async def test_editing_keys_in_a_burst_apply_in_the_order_typed(field, keys, text) -> None:
    app = Fields()
    async with app.run_test() as pilot:
        widget = app.query_one(f"#{field}")
        widget.focus()
        await pilot.pause()
        burst(app, *keys)
        value = (lambda: widget.value) if field == "line" else (lambda: widget.text)
        await until(pilot, lambda: value() == text, f"{text!r} in the field, got {value()!r}")


async def test_a_date_cleared_and_typed_in_one_burst_on_the_new_plan_form(data_dir, make_app):
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome screen")
        await pilot.press("enter")  # "Start a blank plan"
        await pilot.press(*"Kari", "enter", *"Ola", "enter")
        date = app.screen.query_one("#form-date")
        await until(pilot, lambda: app.focused is date, "the date field has the focus")
        burst(app, "ctrl+u", *"15.03.2027", "enter")
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the plan is started")
    assert str(saved_plan(data_dir).date) == "2027-03-15"


async def test_a_cells_tab_after_letters_in_one_burst_saves_them(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "kpi")
        await pilot.press("enter")
        await until(pilot, lambda: editor_of(app) is not None, "the cell's editor")
        burst(app, *" og meg", "backspace", "g", "tab")
        await until(pilot, lambda: table.column == "target", "on to the next cell")
        await pilot.press("escape")
        await pilot.pause()
    assert saved_plan(data_dir).areas[0].goals[0].indicators[0].kpi.endswith("andre og meg")


async def test_typing_and_backspace_in_one_burst_in_a_platform_box(demo_store, data_dir, make_app):
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the platform")
        await until(pilot, lambda: app.editing is not None, "the plan loaded")
        screen = app.screen
        before = screen.current.text
        await pilot.press("enter")
        await until(pilot, lambda: screen.current.editing, "the box open for writing")
        editor = screen.current.editor
        burst(app, *" Hei!", "backspace", ".")
        await until(pilot, lambda: editor.text.endswith("Hei."), f"typed in order: {editor.text!r}")
        await pilot.press("escape")
    assert saved_plan(data_dir).platform[0] == before + " Hei."


async def test_letters_and_ctrl_q_in_one_burst_are_saved_before_quitting(
    demo_store, data_dir, make_app
):
    """ctrl+q is the app's priority binding, run before the box has typed the letters; quitting
    saves again whatever was typed while it waited for the disk (a guard: this held before)."""
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlatformScreen), "the platform")
        await until(pilot, lambda: app.editing is not None, "the plan loaded")
        screen = app.screen
        before = screen.current.text
        await pilot.press("enter")
        await until(pilot, lambda: screen.current.editing, "the box open for writing")
        burst(app, *" til slutt", "ctrl+q")
        await until(pilot, lambda: not app.is_running, "the app has quit")
    assert saved_plan(data_dir).platform[0] == before + " til slutt"


def test_every_text_field_of_the_app_applies_its_keys_in_order() -> None:
    """No screen or widget takes Textual's Input or TextArea as they are."""
    import re
    from pathlib import Path

    import lederplan.tui

    tui = Path(lederplan.tui.__file__).parent
    plain = re.compile(r"from textual\.widgets import [^\n]*\b(Input|TextArea)\b")
    offenders = [
        str(path.relative_to(tui))
        for path in sorted(tui.rglob("*.py"))
        if path.name != "text_fields.py" and plain.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
