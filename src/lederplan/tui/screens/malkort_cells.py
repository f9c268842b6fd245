"""The målkort's cell editor: laid over its cell, saved or put back when it closes, and the
choice after a conflict (F2).

A mixin of :class:`~lederplan.tui.screens.malkort.MalkortScreen`: it needs the screen's
``table``, ``edit``, ``_pending_add``, ``_rebuild()``, ``_show_smarte()``, ``app``, ``notify()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from lederplan.editing.edit import Edit, EditState
from lederplan.i18n import t
from lederplan.tui.context import editing_of, host_of
from lederplan.tui.malkort_layout import COLUMNS
from lederplan.tui.widgets.cell_editor import CellEditor

if TYPE_CHECKING:
    from lederplan.domain.models import Record
    from lederplan.tui.widgets.malkort_table import MalkortTable


class MalkortCells:
    """Opening, placing and closing the cell editor; see the module's docstring."""

    table: MalkortTable
    edit: Edit | None
    _pending_add: tuple[Record, str, int | None] | None

    def _open_editor(self, edit: Edit) -> None:
        self.edit = edit
        editor = CellEditor(edit.text, min_height=1, max_height=3)
        self._place_editor(editor)
        self.mount(editor)
        editor.focus()

    def _place_editor(self, editor: CellEditor | None = None) -> None:
        """Lay *editor* (default: the open one) over the cell at the cursor."""
        if editor is None:
            found = self.query(CellEditor)
            if not found:
                return
            editor = found.first()
        region = self.table.cell_region()
        scroll_x, scroll_y = self.table.scroll_offset
        x = self.table.region.x + region.x - int(scroll_x)
        y = self.table.region.y + region.y - int(scroll_y)
        room = max(3, self.size.height - y - 1)
        editor.min_height, editor.max_height = max(1, min(region.height, room)), room
        editor.styles.width = max(region.width, 24)
        editor.styles.offset = (min(x, max(0, self.size.width - 24)), y)
        if editor.is_mounted:
            editor.fit()

    def on_cell_editor_done(self, event: CellEditor.Done) -> None:
        # By its name, not with @on: a mixin's decorated handlers are not registered (Textual
        # collects them from the screen class's own namespace).
        event.stop()
        editing, edit = editing_of(self), self.edit
        if editing is None or edit is None:
            self._close_editor(event.editor)
            return
        if event.text is None:  # Esc: the cell gets back what it had when the editor opened
            outcome = editing.cancel(edit)
            if not outcome.ok:
                editing.close(edit)  # its text stays in the record or the drafts (D)
                host_of(self).say(outcome)
            self._close_editor(event.editor)
            return
        edit.typed(event.text)
        outcome = editing.finish(edit)
        if not outcome.ok:
            # The editor stays open with what was typed (also kept as a draft): a conflict is
            # chosen with F2, a text that cannot be saved like this can be fixed.
            host_of(self).report_edits()  # once: a conflict, or why it is kept as a draft
            self.refresh_bindings()
            return
        self._close_editor(event.editor)
        if event.then == "next":  # Tab: the next cell, or the first of the next row
            if self.table.cursor_col < len(COLUMNS) - 1:
                self.table.action_move(1, 0)
            else:
                self.table.action_move(-len(COLUMNS), 1)

    def _close_editor(self, editor: CellEditor) -> None:
        self.edit = None
        editor.remove()
        if self._pending_add is not None:
            self._pending_add = None
            self._rebuild()
        self.table.focus()
        self._show_smarte()  # back to the goal as saved (an Esc drops what the panel showed)
        self.refresh_bindings()

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
            for editor in self.query(CellEditor):
                editor.load_text(theirs)
                editor.move_cursor(editor.document.end)
            self.notify(t("conflict.resolved"), timeout=4)
        self.refresh_bindings()
