"""Målkort: the development plan as the course's table, edited where it is read."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from lederplan import clock
from lederplan.domain.models import Action, Area, Goal, Indicator, Record
from lederplan.editing.edit import Edit, EditState
from lederplan.editing.records import RecordEditor
from lederplan.i18n import t
from lederplan.tui.context import editing_of, host_of, session_of
from lederplan.tui.follows_plan import FollowsPlan
from lederplan.tui.keys import localize
from lederplan.tui.malkort_layout import (
    COLUMNS,
    KIND_OF,
    Layout,
    Row,
    cell_record,
    header_lines,
    with_pending,
)
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.screens.malkort_cells import FIELDS, MalkortCells
from lederplan.tui.screens.malkort_dialogs import MalkortDialogs
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.cell_editor import CellEditor
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.malkort_table import MalkortTable
from lederplan.tui.widgets.plan_header import PlanHeader
from lederplan.tui.widgets.smarte_panel import SmartePanel

if TYPE_CHECKING:
    from lederplan.editing.session import PlanSession


class MalkortScreen(MalkortCells, MalkortDialogs, FollowsPlan):
    """The six columns in the course's three groups, with a cursor and an editor over the cell."""

    CSS_PATH = stylesheet("malkort.tcss")
    HELP_ALSO = (CellEditor,)
    """The cell editor's keys are in the help too (they are bound only while it is open)."""
    BINDINGS = [
        Binding("enter,e", "edit", "key.edit_cell", id="malkort.edit"),
        Binding("s", "status", "key.status", id="malkort.status"),
        Binding("m", "measure", "key.measure", id="malkort.measure"),
        Binding("a", "add('action')", "key.add_action", id="malkort.add_action"),
        Binding("i", "add('indicator')", "key.add_indicator", show=False, id="malkort.add_kpi"),
        Binding("g", "add('goal')", "key.add_goal", show=False, id="malkort.add_goal"),
        Binding("A", "add('area')", "key.add_area", show=False, id="malkort.add_area"),
        Binding("d", "delete", "key.delete", show=False, id="malkort.delete"),
        Binding("delete,backspace", "clear", "key.clear_cell", show=False, id="malkort.clear"),
        Binding("K", "move_record(-1)", "key.move_up", show=False, id="malkort.move_up"),
        Binding("J", "move_record(1)", "key.move_down", show=False, id="malkort.move_down"),
        Binding("o", "area_details", "key.area_details", show=False, id="malkort.details"),
        Binding("ctrl+z", "undo", "key.undo", id="malkort.undo"),
        Binding("c", "grow", "key.grow", id="malkort.grow"),
        Binding("v", "toggle_smarte", "key.toggle_smarte", id="malkort.smarte"),
        Binding(
            "f2", "resolve_conflict", "key.resolve_conflict", priority=True, id="malkort.resolve"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self._pending: str | None = None
        self._pending_add: tuple[Record, str, int | None] | None = None
        """A row being added: shown, not stored until something is typed into it."""
        self.edit: Edit | None = None
        """The open cell editor's text, as the editing layer keeps it."""
        self._smarte_taken: bool | None = None
        """The SMARTE panel's form chosen with v (True: compact), when a place was taken back
        (else it follows the height)."""
        self._place: tuple[str | None, int, int] | None = None
        """Where the cursor goes at the next drawing (record, column, row): a place taken back."""

    def keep_place(self) -> dict[str, object]:
        """The cell under the cursor (its record and column) and the SMARTE panel's form if one
        was chosen, to come back to after a change of language."""
        record, column = self._cursor_record()
        panel = self.query_one(SmartePanel).chosen
        return {"record": record, "column": column, "row": self.table.cursor_row, "smarte": panel}

    def take_place(self, place: dict[str, object]) -> None:
        """Put the cursor back where :meth:`keep_place` noted (the same record's cell; the same
        row and column when the cell holds no record)."""
        record, column, row = place.get("record"), place.get("column"), place.get("row")
        if isinstance(place.get("smarte"), bool):
            self._smarte_taken = place["smarte"]  # also if this comes before the mount
            self.query_one(SmartePanel).choose(place["smarte"])
        if isinstance(column, int) and 0 <= column < len(COLUMNS):
            self._place = (
                record if isinstance(record, str) else None,
                column,
                row if isinstance(row, int) else 0,
            )
            self._rebuild()

    def focus_record(self, record_id: str) -> None:
        """Put the cursor on the action *record_id* (the timeline's Enter comes here)."""
        self._pending = record_id
        self._rebuild()

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        yield Static("", classes="malkort-header", markup=False)
        yield (table := MalkortTable(id="malkort-table"))
        yield Static(t("malkort.carried_legend"), classes="malkort-legend")
        yield Static(t("malkort.empty"), classes="malkort-empty")
        yield SmartePanel(classes="smarte-panel")
        yield FittingFooter()
        yield from table.rules  # over the table, under a cell's editor (mounted later)

    def on_mount(self) -> None:
        # Below 30 lines the full panel would leave the table a handful of rows: it is one
        # line there, and v shows it in full.
        self.query_one(SmartePanel).fit_height(self.app.size.height)
        if self._smarte_taken is not None:
            self.query_one(SmartePanel).choose(self._smarte_taken)
        self.follow_plan(self._rebuild)
        self.query_one(MalkortTable).focus()

    def on_resize(self) -> None:
        self._rebuild()

    @property
    def table(self) -> MalkortTable:
        return self.query_one(MalkortTable)

    def _session(self) -> PlanSession | None:
        return session_of(self)

    @property
    def records(self) -> RecordEditor | None:
        """Undoable changes to the plan's records (through the editing layer's apply)."""
        editing = editing_of(self)
        return editing.records if editing is not None else None

    # -- showing ---------------------------------------------------------------------------

    def _rebuild(self, _generation: int = 0) -> None:
        session = self._session()
        table = self.table
        # The table spans the screen; a hidden (empty) table has no width of its own.
        width = table.size.width or self.size.width
        if session is None or not width:
            return
        keep = self._cursor_record()
        place, self._place = self._place, None
        if place is not None:
            keep = place[:2]
        if self._pending is not None:
            keep, self._pending = (self._pending, COLUMNS.index("action")), None
        plan = with_pending(session.plan, self._pending_add)
        layout = Layout(plan, width - 1, table.row_cache)
        table.set_layout(layout)
        if place is not None and layout.rows:  # where it was, unless its record is found
            table.cursor_row = max(0, min(place[2], len(layout.rows) - 1))
            table.cursor_col = place[1]
        self._place_cursor(keep)
        self.query_one(".malkort-empty").display = not layout.rows
        self.query_one(".malkort-legend").display = any(
            row.action is not None and row.action.carried_from for row in layout.rows
        )
        table.display = bool(layout.rows)  # else the empty table hides the hint below it
        table.place_rules()
        lines = header_lines(layout.widths, t)
        header = self.query_one(".malkort-header", Static)
        header.styles.height = len(lines)
        header.update(Text("\n".join(lines), no_wrap=True, overflow="crop"))
        self.query_one(SmartePanel).fit_height(self.app.size.height)
        self._show_smarte()
        if self.edit is not None:  # the editor follows its cell (a resize, a change elsewhere)
            self.call_after_refresh(self._place_editor)

    def _show_smarte(self, goal: Goal | None = None) -> None:
        """Check the goal at the cursor (or *goal*, a version being edited) in the panel."""
        session, row = self._session(), self._row()
        panel = self.query_one(SmartePanel)
        if session is None or not panel.display:
            return
        plan = session.plan
        panel.show_goal(goal or (row.goal if row else None), plan.date, plan.period_end)

    def action_toggle_smarte(self) -> None:
        self.query_one(SmartePanel).toggle()
        self._show_smarte()

    @on(CellEditor.Changed)
    def _typing(self, event: CellEditor.Changed) -> None:
        """The panel follows the text as it is typed, before it is saved."""
        if self.edit is not None:
            self.edit.typed(event.text_area.text)  # saved by the next autosave, come what may
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
        tables = self.query(MalkortTable)
        if not tables:  # not composed yet: the footer may ask first (a start that resumes here)
            return None
        table = tables.first()
        layout = table.table_layout
        if layout is None or not layout.rows:
            return None
        return layout.rows[min(table.cursor_row, len(layout.rows) - 1)]

    # -- editing ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add" and parameters and parameters[0] == "area":
            return self._session() is not None
        if action in ("undo",):
            return self.records is not None and self.records.can_undo
        if action == "area_details":
            return self._row() is not None and self.table.column == "area"
        if action == "resolve_conflict":
            return self.edit is not None and self.edit.state is EditState.CONFLICT
        return self._session() is not None and self._row() is not None

    @on(MalkortTable.CursorMoved)
    def _moved(self) -> None:
        # No refresh_bindings() here: a move changes no key shown in the Footer (keys are checked
        # again when pressed), and rebuilding the Footer on every key tripled the time per key.
        self._show_smarte()

    def _label(self, row: Row, column: str) -> str:
        """What and where a cell is, for a draft offered back later."""
        where = (row.goal.statement if row.goal and column != "area" else "") or row.area.title
        row_name = textwrap.shorten(where, 60, placeholder="…") if where.strip() else "·"
        return t("cell.label", column=t(f"column.{FIELDS[column]}"), row=row_name)

    def action_edit(self) -> None:
        row, editing = self._row(), editing_of(self)
        if row is None or editing is None or self._editor() or refuse_if_read_only(self):
            return
        column = self.table.column
        record, parent = cell_record(row, column)
        if column not in ("area", "goal") and row.goal is None:
            self.notify(t("malkort.needs_goal"), severity="warning")
            return
        field, label = FIELDS[column], self._label(row, column)
        pending = self._pending_add
        if pending is not None and record is not None and record.id == pending[0].id:
            kind, parent, position = KIND_OF[type(record)], pending[1], pending[2]
            edit = editing.open_new(kind, parent, position, field, label, new_id=record.id)
        elif record is not None:
            edit = editing.open_field(record.id, field, label)
        else:  # an empty cell: its record is stored with the first text typed
            kind = {"goal": "goal", "kpi": "indicator", "target": "indicator"}.get(column, "action")
            edit = editing.open_new(kind, parent, None, field, label)
        self._open_editor(edit)

    def _run(self, change: Callable[..., object], *args: object) -> bool:
        """Make a change through the editing layer; what went wrong is said in one sentence."""
        editing = editing_of(self)
        if editing is None:
            return False
        saved = host_of(self).say(editing.apply(change, *args))
        self.refresh_bindings()
        return saved

    def action_status(self) -> None:
        row = self._row()
        if row is None or row.action is None or self.records is None:
            return
        self._run(self.records.update, row.action.next_status(clock.today_or_system()))

    def action_add(self, kind: str) -> None:
        """A new row to type into, stored with its first text (an add left empty leaves
        nothing); ``g`` on an area whose only goal is empty edits that goal."""
        session, row = self._session(), self._row()
        if session is None or self._editor() or refuse_if_read_only(self):
            return
        plan = session.plan
        if kind == "area":
            position = plan.areas.index(row.area) + 1 if row else None
            self._start_add(Area(), plan.id, position, "area")
            return
        if row is None:
            return
        empty = [goal for goal in row.area.goals if not goal.statement.strip()]
        if kind == "goal" or row.goal is None:
            if empty and (row.goal is None or len(row.area.goals) == 1):
                self._place_cursor((empty[0].id, COLUMNS.index("goal")))
                self.action_edit()
                return
            after = row.area.goals.index(row.goal) + 1 if row.goal else None
            self._start_add(Goal(), row.area.id, after, "goal")
            return
        # Right after the indicator or action at the cursor, else at the end of the goal.
        siblings = row.goal.indicators if kind == "indicator" else row.goal.actions
        here = row.indicator if kind == "indicator" else row.action
        after = siblings.index(here) + 1 if here is not None else None
        record = Indicator() if kind == "indicator" else Action()
        self._start_add(record, row.goal.id, after, "kpi" if kind == "indicator" else "action")

    def _start_add(self, record: Record, parent_id: str, position: int | None, column: str) -> None:
        self._pending_add = (record, parent_id, position)
        self._rebuild()
        self._place_cursor((record.id, COLUMNS.index(column)))
        self.action_edit()  # at once: keys typed ahead are text, not the målkort's commands
        # Placed again after the next refresh: a table that was hidden (no rows yet) has no
        # place on the screen until then, and the editor opened over the heading.
        self.call_after_refresh(self._place_editor)

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
        editing = editing_of(self)
        if editing is not None and editing.records.can_undo:
            host_of(self).say(editing.undo())
            self.refresh_bindings()
