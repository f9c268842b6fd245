"""The målkort edited as a spreadsheet: Tab / shift+Tab open the next / previous cell, Enter goes
down, ctrl+s stays, Delete empties a cell (undoable), a paste over a cell's limit is said before
it is saved and kept, and the editor follows its cell when the window changes size."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult

from lederplan.domain.models import SHORT_TEXT_MAX
from lederplan.tui.screens.confirm import ConfirmScreen
from lederplan.tui.screens.help import HelpScreen
from lederplan.tui.screens.malkort_cells import EDITOR_LINES
from lederplan.tui.widgets.cell_editor import CellEditor

from .conftest import on_disk, saved_plan, until
from .test_malkort import cell_text, go, open_malkort


def editor_of(app) -> CellEditor | None:
    """The cell editor open on the screen (None: the table has the keys)."""
    found = [e for e in app.screen.query(CellEditor) if not getattr(e, "closed", False)]
    return found[0] if found else None


def screen_lines(app) -> list[str]:
    return ["".join(s.text for s in line) for line in app.screen._compositor.render_strips()]


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def nb(count: int) -> str:
    """A number as Norwegian groups it: 20 007."""
    return f"{count:,}".replace(",", " ")


def toasts(app) -> str:
    """The notices as the screen shows them (each toast's lines read back, joined)."""
    lines = screen_lines(app)
    shown = []
    for toast in app.screen.query("Toast"):
        region = toast.region
        rows = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
        shown.append(" ".join(" ".join(row.replace("▌", " ").split()) for row in rows))
    return " | ".join(shown)


def shown_in_editor(app, editor: CellEditor, text: str) -> bool:
    """Whether *text* is on the screen inside the editor's region."""
    region = editor.region
    lines = screen_lines(app)[region.y : region.bottom]
    return any(text in line[region.x : region.right] for line in lines)


class EditorApp(App[None]):
    def __init__(self, *, width: int = 40, max_height: int = 5) -> None:
        super().__init__()
        self.width, self.max_height = width, max_height
        self.done: list[tuple[str | None, str]] = []

    def compose(self) -> ComposeResult:
        yield CellEditor("ab", min_height=1, max_height=self.max_height)

    def on_mount(self) -> None:
        editor = self.query_one(CellEditor)
        editor.styles.width = self.width
        editor.focus()

    def on_cell_editor_done(self, message: CellEditor.Done) -> None:
        self.done.append((message.text, message.then))
        message.editor.hand_on(message.editor)  # it stays open: the keys after it are its own


async def test_the_cell_editor_takes_its_keys_and_passes_the_others_on() -> None:
    app = EditorApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        editor = app.query_one(CellEditor)
        await pilot.press("c", "tab", "shift+tab")  # a letter is typed; Tab ends the edit
        await pilot.press("enter", "ctrl+s", "escape")
        await pilot.pause()
        assert editor.text == "abc"  # no tab, no new line: the editor took those keys
        assert app.done == [
            ("abc", "next"),
            ("abc", "previous"),
            ("abc", "down"),
            ("abc", "stay"),
            (None, "cancel"),
        ]


async def test_typing_past_the_editors_height_keeps_the_cursor_line_in_view() -> None:
    # The cell editor grows with its text up to its height, then scrolls: each key that starts
    # a new wrapped line shows it at once (Textual 8.2 scrolled before the new height was known).
    app = EditorApp(width=10, max_height=3)
    async with app.run_test() as pilot:
        await pilot.pause()
        editor = app.query_one(CellEditor)
        out_of_view = []
        for n, char in enumerate("123456789 " * 6):
            await pilot.press("space" if char == " " else char)
            row = editor.wrapped_document.location_to_offset(editor.cursor_location).y
            top, height = editor.scroll_offset.y, editor.scrollable_content_region.height
            if not top <= row < top + height:
                out_of_view.append((n, row, top, height))
        assert editor.wrapped_document.height > 3  # it did scroll
        assert out_of_view == []


async def test_tab_and_shift_tab_save_and_open_the_next_and_previous_cell(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "kpi")
        await pilot.press("enter", "X", "tab")
        await pilot.pause()
        editor = editor_of(app)
        assert editor is not None and table.column == "target"
        assert editor.text == "At mange bekrefter positiv utvikling"
        assert shown_in_editor(app, editor, "At mange")
        assert saved_plan(data_dir).areas[0].goals[0].indicators[0].kpi.endswith("andreX")
        await pilot.press("Y", "shift+tab")  # typed into the open editor, then back
        await pilot.pause()
        editor = editor_of(app)
        assert editor is not None and table.column == "kpi"
        assert editor.text == "Tilbakemeldinger fra andreX"
        assert saved_plan(data_dir).areas[0].goals[0].indicators[0].target.endswith("utviklingY")
        await pilot.press("escape")
        # Across the end of a row: the next row's first cell of its own (its goal's cells are
        # the block's, edited on its first row).
        go(table, 0, "deadline")
        await pilot.press("enter", "tab")
        await pilot.pause()
        editor = editor_of(app)
        assert (table.cursor_row, table.column) == (1, "kpi")
        assert editor is not None and editor.text == "Lederevaluering/360"
        await pilot.press("shift+tab")
        await pilot.pause()
        editor = editor_of(app)
        assert (table.cursor_row, table.column) == (0, "deadline")
        assert editor is not None and editor.text == "Med en gang"
        await pilot.press("escape")
        go(table, 3, "deadline")  # the last row of the first area: on to the next area
        await pilot.press("enter", "tab")
        await pilot.pause()
        editor = editor_of(app)
        assert (table.cursor_row, table.column) == (4, "area")
        assert editor is not None and editor.text == "Emosjonell intelligens"
        await pilot.press("escape")
        await pilot.pause()
    goal = saved_plan(data_dir).areas[0].goals[0]
    assert goal.indicators[0].kpi == "Tilbakemeldinger fra andreX"
    assert goal.indicators[0].target == "At mange bekrefter positiv utviklingY"


async def test_enter_saves_and_moves_down_and_ctrl_s_saves_and_stays(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "action")
        await pilot.press("enter", "!", "enter")
        await pilot.pause()
        assert editor_of(app) is None and (table.cursor_row, table.column) == (1, "action")
        await pilot.press("j")  # a key of the målkort, not text
        await pilot.pause()
        assert editor_of(app) is None and table.cursor_row == 2
        await pilot.press("e", "?", "ctrl+s")
        await pilot.pause()
        assert editor_of(app) is None and (table.cursor_row, table.column) == (2, "action")
        assert cell_text(table, 2, "action").endswith("coach?")
    actions = saved_plan(data_dir).areas[0].goals[0].actions
    assert actions[0].text == "Fortelle om målsettingen til egne medarbeidere!"
    assert actions[1].text == "Ukentlige samtaler med mine medarbeidere"
    assert actions[2].text == "Gå på kurs/få coach?"


async def test_tab_at_either_end_of_the_table_saves_and_stays(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        last = len(table.table_layout.rows) - 1
        go(table, last, "deadline")
        await pilot.press("enter", "!", "tab")
        await pilot.pause()
        assert editor_of(app) is None and (table.cursor_row, table.column) == (last, "deadline")
        go(table, 0, "area")
        await pilot.press("enter", "!", "shift+tab")
        await pilot.pause()
        assert editor_of(app) is None and (table.cursor_row, table.column) == (0, "area")
    plan = saved_plan(data_dir)
    assert plan.areas[-1].goals[-1].actions[-1].deadline.endswith("månedene!")
    assert plan.areas[0].title == "Motivasjon og samarbeid!"


async def test_delete_or_backspace_empties_the_cell_and_ctrl_z_brings_it_back(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "kpi")
        await pilot.press("delete")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)  # no row deleted: the cell emptied
        assert cell_text(table, 0, "kpi") == ""
        go(table, 1, "deadline")
        await pilot.press("backspace")
        await pilot.pause()
        assert cell_text(table, 1, "deadline") == ""
        goal = saved_plan(data_dir).areas[0].goals[0]
        assert goal.indicators[0].kpi == "" and goal.actions[1].deadline == ""
        assert len(goal.indicators) == 2 and len(goal.actions) == 4
        before = on_disk(data_dir)
        go(table, 2, "kpi")  # the first goal has two indicators: nothing here to empty
        await pilot.press("delete")
        await pilot.pause()
        assert on_disk(data_dir) == before
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert cell_text(table, 0, "kpi") == "Tilbakemeldinger fra andre"
        assert cell_text(table, 1, "deadline").startswith("Med en gang")
    goal = saved_plan(data_dir).areas[0].goals[0]
    assert goal.indicators[0].kpi == "Tilbakemeldinger fra andre"
    assert goal.actions[1].deadline == "Med en gang"


LIMITED = [
    ("area", 0, SHORT_TEXT_MAX),
    ("goal", 0, 20_000),
    ("kpi", 0, 20_000),
    ("target", 0, 20_000),
    ("action", 0, 20_000),
    ("deadline", 0, SHORT_TEXT_MAX),
]


@pytest.mark.parametrize(("column", "row", "limit"), LIMITED)
async def test_a_paste_over_a_cells_limit_is_said_before_it_is_saved_and_kept(
    demo_store, data_dir, make_app, column: str, row: int, limit: int
) -> None:
    app = make_app("nb", poll_seconds=60)
    pasted = "x" * (limit + 7)
    before = saved_plan(data_dir)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        table = await open_malkort(app, pilot)
        go(table, row, column)
        await pilot.press("enter")
        await pilot.pause()
        editor = editor_of(app)
        assert editor is not None
        held = editor.text
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        assert editor.text == held + pasted  # every character is in the editor
        said = f"Høyst {nb(limit)} tegn: {nb(limit + 7)} limt inn"
        await until(pilot, lambda: said in toasts(app), "the limit shown")  # before saving
        assert saved_plan(data_dir) == before
        # It stays inside its editor: a few lines over its cell, scrolling, the rows below seen.
        assert editor.region.height <= max(table.cell_region().height, EDITOR_LINES) + 1
        assert editor.region.bottom < app.size.height - 1
        count = nb(len(held + pasted))
        assert editor.border_subtitle == f"{count}/{nb(limit)}"
        await pilot.press("enter")  # cannot be saved like this: kept, and the editor stays
        await pilot.pause()
        assert editor_of(app) is editor and editor.text == held + pasted
        assert f"Kan ikke lagres slik: høyst {nb(limit)} tegn, teksten har {count}" in notices(app)
        assert "Value should have" not in notices(app)
        drafts = app.editing.drafts.all()
        assert [d.fields["text"] for d in drafts] == [held + pasted]
    assert len(saved_plan(data_dir).areas[0].title) < SHORT_TEXT_MAX


async def test_the_limit_is_said_in_english_with_english_numbers(demo_store, make_app) -> None:
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "deadline")
        await pilot.press("enter")
        app.post_message(events.Paste("y" * 5_007))
        await pilot.pause()
        assert "At most 500 characters: 5,007 pasted" in notices(app)
        editor = editor_of(app)
        assert editor is not None and editor.border_subtitle == "5,018/500"
        assert editor.region.bottom < app.size.height - 1


async def test_the_editor_follows_its_cell_when_the_window_shrinks(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(140, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "deadline")
        await pilot.press("enter", "Q")
        await pilot.pause()
        for size in ((60, 20), (80, 24), (140, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            editor = editor_of(app)
            assert editor is not None and app.focused is editor
            region, width, height = editor.region, *size
            assert 0 <= region.x and region.right <= width
            assert region.y >= table.region.y and region.bottom < height  # above the footer
            cell = table.cell_region().translate(table.region.offset - table.scroll_offset)
            assert region.overlaps(cell)  # over its own cell
            assert shown_in_editor(app, editor, "gangQ")
        await pilot.resize_terminal(60, 20)
        await pilot.press("Z")  # typing after the resize is seen where it goes
        await pilot.pause()
        editor = editor_of(app)
        assert editor is not None and shown_in_editor(app, editor, "QZ")


@pytest.mark.parametrize("lang", ["nb", "en"])
async def test_the_help_lists_every_key_of_the_malkort_and_its_editor(
    demo_store, make_app, lang: str
) -> None:
    from lederplan.i18n import t

    app = make_app(lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_malkort(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((description, keys) for keys, description in app.screen.rows)
        editor_keys = ("key.cell_next", "key.cell_previous", "key.cell_down_save", "key.cell_save",
                       "key.cell_cancel")  # fmt: skip
        for key in editor_keys:  # the cell editor's, said as such
            assert t("help.while_writing", what=t(key)) in rows, key
        for key in ("key.clear_cell", "key.delete", "key.edit_cell"):
            assert t(key) in rows, key
        assert rows[t("help.while_writing", what=t("key.cell_next"))] == "tab"
        assert rows[t("help.while_writing", what=t("key.cell_previous"))] == "shift+tab"
        assert "del" in rows[t("key.clear_cell")].lower()
        assert rows[t("key.delete")] == "d"


async def test_the_editor_of_a_lower_row_follows_its_cell_when_the_window_shrinks(
    demo_store, make_app
) -> None:
    """80x24 to 60x20 on a row far down the table, reached with j (the table scrolled): the rows
    near the screen are wrapped anew after the resize, which moves the cell, and the editor goes
    with it (it stayed where the row had been, over the rows below, and the typing was seen
    there: tried by hand in tmux)."""
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        await pilot.press(*"j" * 12, "k", *"l" * 5)
        assert table.column == "deadline" and table.scroll_offset.y > 0
        await pilot.press("e", "Q")
        await pilot.pause()
        await pilot.resize_terminal(60, 20)
        for _ in range(4):
            await pilot.pause()
        editor = editor_of(app)
        assert editor is not None
        cell = table.cell_region().translate(table.region.offset - table.scroll_offset)
        assert editor.region.y == cell.y, (editor.region, cell)
        assert shown_in_editor(app, editor, "Q")


async def test_esc_on_a_text_over_the_limit_keeps_it_as_a_draft_and_says_so(
    demo_store, data_dir, make_app
) -> None:
    """Esc puts back what the cell held; a text that could not go into it (a paste over the
    limit) stays a draft, as the notice had said, and Esc says so (it dropped the draft)."""
    app = make_app("nb", poll_seconds=60)
    before = saved_plan(data_dir)
    pasted = "x" * (SHORT_TEXT_MAX + 7)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "deadline")
        await pilot.press("enter")
        await pilot.pause()
        editor = editor_of(app)
        assert editor is not None
        held = editor.text
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        app.autosave()  # the 2 s timer: the text cannot go into the cell, it is a draft
        assert [d.fields["text"] for d in app.editing.drafts.all()] == [held + pasted]
        await pilot.press("escape")
        await until(pilot, lambda: editor_of(app) is None, "the editor closed")
        await until(pilot, lambda: "tatt vare på som utkast" in notices(app), "said so")
        assert [d.fields["text"] for d in app.editing.drafts.all()] == [held + pasted]
    assert saved_plan(data_dir) == before  # the cell has what it held
