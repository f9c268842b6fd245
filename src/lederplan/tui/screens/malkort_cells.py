"""The målkort's cell editor: laid over its cell (and following it when the window changes),
saved or put back when it closes, moving on as a spreadsheet does (Tab / shift+Tab to the next /
previous cell's editor, Enter down), a cell emptied from the table, and the choice after a
conflict (F2).

A mixin of :class:`~lederplan.tui.screens.malkort.MalkortScreen`: it needs the screen's
``table``, ``edit``, ``records``, ``_pending_add``, ``_row()``, ``_run()``, ``_rebuild()``,
``_show_smarte()``, ``action_edit()``, ``app``, ``size``, ``notify()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from lederplan.domain.limits import text_limit
from lederplan.editing.edit import Edit, EditState
from lederplan.i18n import t
from lederplan.tui.context import editing_of, host_of
from lederplan.tui.malkort_layout import COLUMNS, Layout, cell_record
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.widgets.cell_editor import CellEditor

if TYPE_CHECKING:
    from lederplan.domain.models import Record
    from lederplan.tui.widgets.malkort_table import MalkortTable

FIELDS = {"area": "title", "goal": "statement", "kpi": "kpi", "target": "target",
          "action": "text", "deadline": "deadline"}  # fmt: skip
"""Which field of which record each column edits."""
EDITOR_LINES = 8
"""The most lines a cell's editor takes (unless its cell is taller): a long text scrolls inside
it instead of covering the rows below."""
EDITOR_MIN_WIDTH = 12
"""A narrower column's editor is this wide, over its neighbour; a wider one is its cell's width
(it covers no other column's text)."""


def step_cell(layout: Layout, row: int, col: int, direction: int) -> tuple[int, int] | None:
    """The cell Tab (*direction* 1) or shift+Tab (-1) goes to from (*row*, *col*): row by row,
    left to right; an area's and a goal's cell once, on the first row of its block; a row
    without a goal has only those. None at either end of the table."""
    width = len(COLUMNS)
    index = row * width + col
    while True:
        index += direction
        if not 0 <= index < len(layout.rows) * width:
            return None
        r, c = divmod(index, width)
        found = layout.rows[r]
        if (c == 0 and r == found.area_row) or (c == 1 and r == found.goal_row):
            return r, c
        if c > 1 and found.goal is not None:
            return r, c


class MalkortCells:
    """Opening, placing and closing the cell editor; see the module's docstring."""

    table: MalkortTable
    edit: Edit | None
    _pending_add: tuple[Record, str, int | None] | None

    def _editor(self) -> CellEditor | None:
        """The cell editor open now (not one that closed and is being removed)."""
        return next((e for e in self.query(CellEditor) if not e.closed), None)

    def _open_editor(self, edit: Edit) -> None:
        self.edit = edit
        limit = text_limit(edit.target.record_type, edit.target.field)
        editor = CellEditor(edit.text, min_height=1, max_height=3, limit=limit)
        self._place_editor(editor)
        self.table.typing_into = editor
        self.mount(editor)
        editor.focus()

    def _place_editor(self, editor: CellEditor | None = None) -> None:
        """Lay *editor* (default: the open one) over the cell at the cursor: after a resize
        too, so that what is typed is seen where it goes."""
        editor = editor or self._editor()
        layout = self.table.table_layout
        if editor is None or layout is None or not layout.rows:
            return
        region = self.table.cell_region()
        scroll_x, scroll_y = self.table.scroll_offset
        screen_width, screen_height = self.size
        x = self.table.region.x + region.x - int(scroll_x)
        y = self.table.region.y + region.y - int(scroll_y)
        bottom = screen_height - 1  # the footer's line
        y = max(0, min(y, bottom - 3))  # a cell at the bottom edge: its editor stays in sight
        room = max(1, min(max(region.height, EDITOR_LINES), bottom - y))
        editor.min_height, editor.max_height = max(1, min(region.height, room)), room
        width = min(max(region.width, EDITOR_MIN_WIDTH), screen_width)
        editor.styles.width = width
        editor.styles.offset = (max(0, min(x, screen_width - width)), y)
        if editor.is_mounted:
            editor.fit()

    def on_malkort_table_moved(self, event: MalkortTable.Moved) -> None:
        """The cells moved (a scroll, rows wrapped anew after a resize): the open editor stays
        over its cell (by name, as on_cell_editor_done)."""
        event.stop()
        if self._editor() is not None:
            self._place_editor()

    def on_cell_editor_done(self, event: CellEditor.Done) -> None:
        # By its name, not with @on: a mixin's decorated handlers are not registered (Textual
        # collects them from the screen class's own namespace).
        event.stop()
        editor = event.editor
        editing, edit = editing_of(self), self.edit
        if editing is None or edit is None or editor is not self._editor():
            self._close_editor(editor)
        elif event.text is None:  # Esc: the cell gets back what it had when the editor opened
            outcome = editing.cancel(edit)
            if not outcome.ok:
                editing.close(edit)  # its text stays in the record or the drafts (D)
                host_of(self).say(outcome)
            self._close_editor(editor)
        else:
            edit.typed(event.text)
            outcome = editing.finish(edit)
            if not outcome.ok:
                # The editor stays open with what was typed (also kept as a draft): a conflict
                # is chosen with F2, a text that cannot be saved like this can be fixed.
                host_of(self).report_edits()
                self.refresh_bindings()
                editor.hand_on(editor)
                return
            self._close_editor(editor)
            self._go_on(event.then)
        # The keys typed after Tab, Enter or Esc go where the cursor went: the next cell's
        # editor, or the table as commands.
        editor.hand_on(self._editor() or self.table)

    def _go_on(self, then: str) -> None:
        """After a save: Enter goes down (no editor: the next key is a command), Tab and
        shift+Tab open the next or previous cell's editor (at the table's ends: none)."""
        table, layout = self.table, self.table.table_layout
        if then == "down":
            table.action_move(0, 1)
        elif then in ("next", "previous") and layout is not None:
            step = step_cell(
                layout, table.cursor_row, table.cursor_col, 1 if then == "next" else -1
            )
            if step is not None:
                table.cursor_row, table.cursor_col = step
                self.action_edit()

    def _close_editor(self, editor: CellEditor) -> None:
        self.edit = None
        self.table.typing_into = None
        editor.closed = True
        editor.remove()
        if self._pending_add is not None:
            self._pending_add = None
            self._rebuild()
        self.set_focus(self.table)  # at once: the keys typed after Enter or Esc are commands
        self._show_smarte()  # back to the goal as saved (an Esc drops what the panel showed)
        self.refresh_bindings()

    def action_clear(self) -> None:
        """Empty the cell at the cursor (Delete or Backspace on the table), as one undoable
        change; an empty cell stays as it is."""
        row, records = self._row(), self.records
        if row is None or records is None or self._editor() is not None:
            return
        column = self.table.column
        record, _ = cell_record(row, column)
        field = FIELDS[column]
        if record is None or not getattr(record, field) or refuse_if_read_only(self):
            return
        self._run(records.clear, record.id, field)

    @work
    async def action_resolve_conflict(self) -> None:
        """F2: keep this text or take the other session's (asked for only by this key)."""
        from lederplan.tui.screens.conflict import ConflictScreen

        editing, edit = editing_of(self), self.edit
        if editing is None or edit is None or edit.state is not EditState.CONFLICT:
            return
        screen = ConflictScreen(edit.target.label, edit.text, edit.theirs or "")
        choice = await self.app.push_screen_wait(screen)
        if self.edit is not edit or choice not in ("mine", "theirs"):
            return
        if choice == "mine":
            if not host_of(self).say(editing.keep_mine(edit), t("conflict.resolved")):
                host_of(self).report_edits()
        else:
            theirs = editing.take_theirs(edit)
            editor = self._editor()
            if editor is not None:
                editor.load_text(theirs)
                editor.move_cursor(editor.document.end)
            self.notify(t("conflict.resolved"), timeout=4)
        self.refresh_bindings()
