"""Keys typed behind a cell's Tab, Enter or Esc in one read (tmux's send-keys, a slow SSH link, a
fast typist) go where the cursor went: into the next cell's editor, or to the table as its
commands. The app had handed them all to the editor that had the focus when they came: the
letters after a Tab were saved over the next cell ("abc", Tab, "def", Tab left "abcdef" in the
row below and an editor on the screen that nothing could close), and a `j` after Enter was lost."""

from __future__ import annotations

from textual import events

from lederplan.domain.models import SHORT_TEXT_MAX
from lederplan.tui.widgets.cell_editor import CellEditor

from .conftest import saved_plan, until
from .test_keys_in_order import burst
from .test_malkort import go, open_malkort
from .test_malkort_flow import editor_of, shown_in_editor


def open_editors(app) -> list[CellEditor]:
    return [e for e in app.screen.query(CellEditor) if not e.closed]


async def test_letters_after_a_tab_in_one_burst_go_into_the_next_cell(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "kpi")
        goal = saved_plan(data_dir).areas[0].goals[0]
        before, action = goal.indicators[0], goal.actions[0]
        await pilot.press("enter")
        await until(pilot, lambda: editor_of(app) is not None, "the cell's editor")
        burst(app, *" A", "tab", *" B", "tab", *" C")
        await until(pilot, lambda: table.column == "action", "two cells on")
        await until(pilot, lambda: editor_of(app) is not None, "the third cell's editor")
        await until(pilot, lambda: editor_of(app).text.endswith(" C"), "C in the third cell")
        editor = editor_of(app)
        assert len(open_editors(app)) == 1
        await until(pilot, lambda: shown_in_editor(app, editor, " C"), "C seen in its editor")
        await pilot.press("escape")
        await until(pilot, lambda: not open_editors(app), "no editor left on the screen")
        assert app.focused is table
    indicator = saved_plan(data_dir).areas[0].goals[0].indicators[0]
    assert indicator.kpi == before.kpi + " A"
    assert indicator.target == before.target + " B"
    assert saved_plan(data_dir).areas[0].goals[0].actions[0].text == action.text  # Esc: as it was


async def test_a_key_after_enter_or_esc_in_one_burst_is_the_tables_command(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "kpi")
        before = saved_plan(data_dir).areas[0].goals[0].indicators
        await pilot.press("enter")
        await until(pilot, lambda: editor_of(app) is not None, "the cell's editor")
        burst(app, "X", "enter", "j", "l")  # saved, down, then down and right as commands
        await until(pilot, lambda: table.cursor_row == 2 and table.column == "target", "moved")
        assert not open_editors(app) and app.focused is table
        burst(app, "e", "Y", "escape", "k")  # Esc puts back what the cell held; k goes up
        await until(pilot, lambda: table.cursor_row == 1, "up again")
        assert not open_editors(app)
    after = saved_plan(data_dir).areas[0].goals[0].indicators
    assert after[0].kpi == before[0].kpi + "X"
    assert [i.target for i in after] == [i.target for i in before]  # Y went nowhere


async def test_a_key_no_table_command_binds_goes_nowhere_and_not_into_the_next_editor(
    demo_store, data_dir, make_app
) -> None:
    """Found in review: keys handed on to the table that it has no command for went back to the
    app as new typing, and into the editor a later key of the same read opened ("QRSzw")."""
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 1, "kpi")
        await pilot.press("enter")
        await until(pilot, lambda: editor_of(app) is not None, "the cell's editor")
        burst(app, "X", "enter", "z", "w", "a", *"QRS")
        await until(pilot, lambda: editor_of(app) is not None, "the new action's editor")
        await until(pilot, lambda: editor_of(app).text.endswith("QRS"), "QRS typed")
        await pilot.pause()
        await pilot.pause()
        assert editor_of(app).text == "QRS"


async def test_keys_after_a_tab_that_cannot_save_stay_in_the_same_editor(
    demo_store, data_dir, make_app
) -> None:
    """A text over the cell's limit is not saved on Tab: the editor stays, and the letters typed
    after the Tab are added to it, in order, not lost."""
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "deadline")
        await pilot.press("enter")
        await until(pilot, lambda: editor_of(app) is not None, "the cell's editor")
        app.post_message(events.Paste("y" * SHORT_TEXT_MAX))
        await pilot.pause()
        editor = editor_of(app)
        burst(app, "tab", *"xyz", "backspace", "w")
        await until(pilot, lambda: editor.text.endswith("yxyw"), "typed after the Tab")
        assert editor_of(app) is editor and table.column == "deadline"
        burst(app, *["backspace"] * len(editor.text), *"Innen mai", "tab", "Z")
        await until(pilot, lambda: table.column != "deadline", "saved and on")
        await until(pilot, lambda: editor_of(app) is not None, "the next cell's editor")
        await until(pilot, lambda: editor_of(app).text.endswith("Z"), "Z in the next cell")
        assert len(open_editors(app)) == 1
    assert saved_plan(data_dir).areas[0].goals[0].actions[0].deadline == "Innen mai"
