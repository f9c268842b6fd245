"""Målkort: the development plan as the course's table, edited where it is read."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from lederplan.clock import today_or_system
from lederplan.domain.models import Action, Area, Goal, Indicator, Record
from lederplan.editing.records import RecordEditor, locate
from lederplan.i18n import t
from lederplan.store.errors import ConflictError, StoreError
from lederplan.tui.keys import localize
from lederplan.tui.malkort_layout import (
    COLUMNS,
    Layout,
    Row,
    cell_record,
    deadline_cells,
    header_lines,
)
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.screens.malkort_dialogs import MalkortDialogs
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.cell_editor import CellEditor
from lederplan.tui.widgets.malkort_table import MalkortTable
from lederplan.tui.widgets.plan_header import PlanHeader
from lederplan.tui.widgets.smarte_panel import SmartePanel

FIELDS = {"area": "title", "goal": "statement", "kpi": "kpi", "target": "target",
          "action": "text", "deadline": "deadline"}  # fmt: skip
"""Which field of which record each column edits."""
SMARTE_MIN_HEIGHT = 30
"""Terminal lines from which the SMARTE panel is shown without asking."""


class MalkortScreen(MalkortDialogs, Screen[None]):
    """The six columns in the course's three groups, with a cursor and an editor over the cell."""

    CSS_PATH = stylesheet("malkort.tcss")
    BINDINGS = [
        Binding("enter,e", "edit", "key.edit_cell", id="malkort.edit"),
        Binding("s", "status", "key.status", id="malkort.status"),
        Binding("m", "measure", "key.measure", id="malkort.measure"),
        Binding("a", "add('action')", "key.add_action", id="malkort.add_action"),
        Binding("i", "add('indicator')", "key.add_indicator", show=False, id="malkort.add_kpi"),
        Binding("g", "add('goal')", "key.add_goal", show=False, id="malkort.add_goal"),
        Binding("A", "add('area')", "key.add_area", show=False, id="malkort.add_area"),
        Binding("d,delete", "delete", "key.delete", show=False, id="malkort.delete"),
        Binding("K", "move_record(-1)", "key.move_up", show=False, id="malkort.move_up"),
        Binding("J", "move_record(1)", "key.move_down", show=False, id="malkort.move_down"),
        Binding("o", "area_details", "key.area_details", show=False, id="malkort.details"),
        Binding("ctrl+z", "undo", "key.undo", id="malkort.undo"),
        Binding("c", "grow", "key.grow", id="malkort.grow"),
        Binding("v", "toggle_smarte", "key.toggle_smarte", id="malkort.smarte"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self.records: RecordEditor | None = None
        self._pending: str | None = None

    def focus_record(self, record_id: str) -> None:
        """Put the cursor on the action *record_id* (the timeline's Enter comes here)."""
        self._pending = record_id
        self._rebuild()

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        yield Static("", classes="malkort-header", markup=False)
        yield MalkortTable(id="malkort-table")
        yield Static(t("malkort.carried_legend"), classes="malkort-legend")
        yield Static(t("malkort.empty"), classes="malkort-empty")
        yield SmartePanel(classes="smarte-panel")
        yield Footer()

    def on_mount(self) -> None:
        # Below 30 lines the panel would leave the table a handful of rows: it starts hidden
        # there, and v shows it.
        self.query_one(SmartePanel).display = self.app.size.height >= SMARTE_MIN_HEIGHT
        self.watch(self.app, "plan_generation", self._rebuild)
        self.query_one(MalkortTable).focus()

    def on_resize(self) -> None:
        self._rebuild()

    @property
    def table(self) -> MalkortTable:
        return self.query_one(MalkortTable)

    def _session(self):
        session = getattr(self.app, "session", None)
        return session if session is not None and session.snapshot is not None else None

    # -- showing ---------------------------------------------------------------------------

    def _rebuild(self, _generation: int = 0) -> None:
        session = self._session()
        table = self.table
        # The table spans the screen; a hidden (empty) table has no width of its own.
        width = table.size.width or self.size.width
        if session is None or not width:
            return
        if self.records is None or self.records.session is not session:
            self.records = RecordEditor(session)
        keep = self._cursor_record()
        if self._pending is not None:
            keep, self._pending = (self._pending, COLUMNS.index("action")), None
        layout = Layout(session.plan, width - 1, deadline_cells(session.plan))
        table.set_layout(layout)
        self._place_cursor(keep)
        self.query_one(".malkort-empty").display = not layout.rows
        self.query_one(".malkort-legend").display = any(
            row.action is not None and row.action.carried_from for row in layout.rows
        )
        table.display = bool(layout.rows)  # else the empty table hides the hint below it
        lines = header_lines(layout.widths, t)
        header = self.query_one(".malkort-header", Static)
        header.styles.height = len(lines)
        header.update(Text("\n".join(lines), no_wrap=True, overflow="crop"))
        self._show_smarte()

    def _show_smarte(self, goal: Goal | None = None) -> None:
        """Check the goal at the cursor (or *goal*, a version being edited) in the panel."""
        session, row = self._session(), self._row()
        panel = self.query_one(SmartePanel)
        if session is None or not panel.display:
            return
        plan = session.plan
        panel.show_goal(goal or (row.goal if row else None), plan.date, plan.period_end)

    def action_toggle_smarte(self) -> None:
        panel = self.query_one(SmartePanel)
        panel.display = not panel.display
        self._show_smarte()

    @on(CellEditor.Changed)
    def _typing(self, event: CellEditor.Changed) -> None:
        """The panel follows the text as it is typed, before it is saved."""
        row = self._row()
        if row is None or row.goal is None:
            return
        column, text = self.table.column, event.text_area.text
        record, _ = cell_record(row, column)
        goal = row.goal
        if column == "goal":
            goal = goal.model_copy(update={"statement": text})
        elif record is not None and column != "area":
            edited = record.model_copy(update={FIELDS[column]: text})
            goal = goal.model_copy(
                update={
                    "indicators": [edited if r.id == record.id else r for r in goal.indicators],
                    "actions": [edited if r.id == record.id else r for r in goal.actions],
                }
            )
        self._show_smarte(goal)

    def _cursor_record(self) -> tuple[str | None, int]:
        # The record at the cursor, to find it again after the plan is read anew.
        row = self._row()
        if row is None:
            return None, self.table.cursor_col
        record, _ = cell_record(row, self.table.column)
        return (record.id if record else None), self.table.cursor_col

    def _place_cursor(self, keep: tuple[str | None, int]) -> None:
        record_id, col = keep
        layout = self.table.table_layout
        if record_id is None or layout is None:
            return
        for index, row in enumerate(layout.rows):
            record, _ = cell_record(row, COLUMNS[col])
            if record is not None and record.id == record_id:
                self.table.cursor_row, self.table.cursor_col = index, col
                return

    def _row(self) -> Row | None:
        layout = self.table.table_layout
        if layout is None or not layout.rows:
            return None
        return layout.rows[min(self.table.cursor_row, len(layout.rows) - 1)]

    # -- editing ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add" and parameters and parameters[0] == "area":
            return self._session() is not None
        if action in ("undo",):
            return self.records is not None and self.records.can_undo
        if action == "area_details":
            return self._row() is not None and self.table.column == "area"
        return self._session() is not None and self._row() is not None

    @on(MalkortTable.CursorMoved)
    def _moved(self) -> None:
        # No refresh_bindings() here: a move changes no key shown in the Footer (keys are checked
        # again when pressed), and rebuilding the Footer on every key tripled the time per key.
        self._show_smarte()

    def action_edit(self) -> None:
        row = self._row()
        if row is None or self.query(CellEditor) or refuse_if_read_only(self):
            return
        column = self.table.column
        record, _ = cell_record(row, column)
        if column not in ("area", "goal") and row.goal is None:
            self.notify(t("malkort.needs_goal"), severity="warning")
            return
        text = getattr(record, FIELDS[column]) if record is not None else ""
        region = self.table.cell_region()
        scroll_x, scroll_y = self.table.scroll_offset
        x = self.table.region.x + region.x - int(scroll_x)
        y = self.table.region.y + region.y - int(scroll_y)
        room = max(3, self.size.height - y - 1)
        editor = CellEditor(text, min_height=max(1, min(region.height, room)), max_height=room)
        editor.styles.width = max(region.width, 24)
        editor.styles.offset = (min(x, max(0, self.size.width - 24)), y)
        self.mount(editor)
        editor.focus()

    @on(CellEditor.Done)
    def _edited(self, event: CellEditor.Done) -> None:
        event.stop()
        if event.text is not None and not self._commit(event.text):
            return  # the editor stays open: what was typed is not lost
        event.editor.remove()
        self.table.focus()
        self._show_smarte()  # back to the goal as saved (an Esc drops what the panel showed)
        if event.then == "next":  # Tab: the next cell, or the first of the next row
            if self.table.cursor_col < len(COLUMNS) - 1:
                self.table.action_move(1, 0)
            else:
                self.table.action_move(-len(COLUMNS), 1)

    def _commit(self, text: str) -> bool:
        """Save the edited cell; False (with a message) when it cannot be saved."""
        row, records = self._row(), self.records
        if row is None or records is None:
            return True
        column = self.table.column
        record, parent = cell_record(row, column)
        field = FIELDS[column]
        extra = {"deadline_written": today_or_system()} if column == "deadline" else {}
        try:
            if record is None:
                if not text.strip():
                    return True
                kind = {"goal": Goal, "kpi": Indicator, "target": Indicator}.get(column, Action)
                records.add(kind.model_validate({field: text, **extra}), parent)
            elif text != getattr(record, field):
                updated = type(record).model_validate(record.model_dump() | {field: text, **extra})
                records.update(updated)
        except ConflictError:
            # The editor stays open with what was typed until the user has chosen.
            self._conflict(record, field, text)
            return False
        except ValidationError as error:
            self.notify(error.errors()[0]["msg"], severity="error", timeout=8)
            return False
        except StoreError as error:
            from lederplan.editing.messages import describe

            self.notify(describe(error), severity="error", timeout=10)
            return False
        self.app.plan_generation += 1
        return True

    @work
    async def _conflict(self, record: Record | None, field: str, mine: str) -> None:
        from lederplan.tui.screens.conflict import ConflictScreen

        session, records = self._session(), self.records
        assert session is not None and records is not None and record is not None
        session.load()
        current = locate(session.plan, record.id)
        theirs = getattr(current.record, field) if current else ""
        choice = await self.app.push_screen_wait(ConflictScreen(t(f"column.{field}"), mine, theirs))
        if choice == "later":
            return  # back to the editor, with the text as typed
        if choice == "mine" and current is not None:
            self._run(
                records.update,
                type(record).model_validate(current.record.model_dump() | {field: mine}),
            )
        for editor in self.query(CellEditor):
            editor.remove()
        self.table.focus()
        self.app.plan_generation += 1

    def _run(self, change, *args: object) -> None:
        """Run a change; a conflict or an error is said, and the plan is read again."""
        from lederplan.editing.messages import describe

        try:
            change(*args)
        except StoreError as error:
            self.notify(describe(error), severity="error", timeout=10)
            session = self._session()
            if session is not None:
                session.load()
        except ValidationError as error:
            self.notify(error.errors()[0]["msg"], severity="error", timeout=8)
        self.app.plan_generation += 1
        self.refresh_bindings()

    def action_status(self) -> None:
        row = self._row()
        if row is None or row.action is None or self.records is None:
            return
        self._run(self.records.update, row.action.next_status(today_or_system()))

    def action_add(self, kind: str) -> None:
        session, records, row = self._session(), self.records, self._row()
        if session is None or records is None:
            return
        if kind == "area":
            position = session.plan.areas.index(row.area) + 1 if row else None
            self._run(records.add, Area(goals=[Goal()]), session.plan.id, position)
        elif row is None:
            return
        elif kind == "goal" or row.goal is None:
            after = row.area.goals.index(row.goal) + 1 if row.goal else None
            self._run(records.add, Goal(), row.area.id, after)
        else:
            # Right after the indicator or action at the cursor, else at the end of the goal.
            siblings = row.goal.indicators if kind == "indicator" else row.goal.actions
            here = row.indicator if kind == "indicator" else row.action
            after = siblings.index(here) + 1 if here is not None else None
            record = Indicator() if kind == "indicator" else Action()
            self._run(records.add, record, row.goal.id, after)
        self._focus_new(kind)

    def _focus_new(self, kind: str) -> None:
        """Put the cursor on the empty cell just added, ready for Enter."""
        column = {"area": 0, "goal": 1, "indicator": 2, "action": 4}[kind]
        self.table.cursor_col = column
        layout = self.table.table_layout
        if layout is None:
            return
        for index, row in enumerate(layout.rows):
            record, _ = cell_record(row, COLUMNS[column])
            text = getattr(record, FIELDS[COLUMNS[column]], None) if record else None
            if record is not None and text == "" and index >= self.table.cursor_row - 1:
                self.table.cursor_row = index
                return

    @work
    async def action_delete(self) -> None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        row, records = self._row(), self.records
        if row is None or records is None:
            return
        record, _ = cell_record(row, self.table.column)
        if record is None:
            return
        name = getattr(record, FIELDS[self.table.column]) or "·"
        if await self.app.push_screen_wait(ConfirmScreen(t("malkort.delete", name=name[:60]))):
            self._run(records.remove, record.id)

    def action_move_record(self, delta: int) -> None:
        row, records = self._row(), self.records
        if row is None or records is None:
            return
        record, _ = cell_record(row, self.table.column)
        if record is not None:
            self._run(records.move, record.id, delta)

    def action_undo(self) -> None:
        if self.records is not None and self.records.can_undo:
            self._run(self.records.undo)
