"""A screen of answer boxes in a grid: the platform's nine and the reflection's five.

Moving, editing in place, the full-screen editor, saving (when a box is left, every few seconds
while typing, and before the app quits) and the conflict with another session live here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.reactive import var

from lederplan.i18n import t
from lederplan.tui.context import editing_of, host_of, session_of
from lederplan.tui.follows_plan import FollowsPlan
from lederplan.tui.keys import localize
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.widgets.answer_box import AnswerBox
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.plan_header import PlanHeader

if TYPE_CHECKING:
    from lederplan.editing.edit import EditState
    from lederplan.editing.session import PlanSession


def _state() -> type[EditState]:
    # Imported when first needed: the platform is the first frame, which does without it
    # (a few milliseconds of dataclasses and enums: bench/tui_bench.py's start-up ratio).
    from lederplan.editing.edit import EditState

    return EditState


CURSOR_MARK = "▶"
"""In the border of the box under the cursor: it shows where the cursor is without colour."""


class AnswerGrid(Grid, can_focus=True):
    """The grid holds the focus while no box is being edited; the screen's keys move in it."""

    def on_key(self, event: events.Key) -> None:
        """Keys typed ahead of the focus (Enter and the first words in one read of a slow link)
        reach the grid before Enter's binding would open the box: Enter opens it here, at once,
        and the letters after it are text for its editor, in the order typed, never the screen's
        commands (other keys, F1 or ctrl+q, stay commands)."""
        screen = self.screen
        if not isinstance(screen, AnswerGridScreen):
            return
        editor = screen.current.editor
        if editor is None and event.key == "enter":
            event.stop()
            event.prevent_default()
            screen.action_edit()
        elif editor is not None and not editor.has_focus and event.is_printable:
            event.stop()
            event.prevent_default()
            editor.post_message(events.Key(event.key, event.character))


class AnswerGridScreen(FollowsPlan):
    """A grid of :class:`AnswerBox`; subclasses say which boxes."""

    COLUMNS = 3
    """Boxes per row."""

    BINDINGS = [
        Binding("up,k", "move(0, -1)", "key.up", show=False),
        Binding("down,j", "move(0, 1)", "key.down", show=False),
        Binding("left,h", "move(-1, 0)", "key.left", show=False),
        Binding("right,l", "move(1, 0)", "key.right", show=False),
        Binding("enter", "edit", "key.edit", id="box.edit"),
        Binding("z", "zoom", "key.zoom", id="box.zoom"),
        Binding("pageup,ctrl+up", "scroll_answer(-1)", "key.scroll_up", show=False),
        Binding("pagedown,ctrl+down", "scroll_answer(1)", "key.scroll_down", show=False),
        Binding("f2", "resolve_conflict", "key.resolve_conflict", priority=True, id="box.resolve"),
    ]

    current_index: var[int] = var(0, init=False)
    """The box under the cursor (marked with the class ``current``; the grid keeps the focus)."""

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self._taken_box = 0
        self._writing_at: tuple[int, int] | None = None

    def box_specs(self) -> list[tuple[str, str, str, str]]:
        """(kind, key, number shown, question) for each box, in reading order."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        with AnswerGrid(classes="answer-grid"):
            for kind, key, number, question in self.box_specs():
                yield AnswerBox(kind, key, number, question, id=f"box-{kind}-{key}")
        yield FittingFooter()

    def on_mount(self) -> None:
        grid = self.query_one(AnswerGrid)
        grid.styles.grid_size_columns = self.COLUMNS
        self._mark(self.boxes[0], True)
        if self._taken_box:
            self.current_index = self._taken_box
        self.call_after_refresh(self._write_again)
        grid.focus()
        self.follow_plan(self._show_answers)

    @property
    def boxes(self) -> list[AnswerBox]:
        """The boxes in reading order."""
        return list(self.query(AnswerBox))

    @property
    def current(self) -> AnswerBox:
        """The box under the cursor."""
        return self.boxes[self.current_index]

    def _watch_current_index(self, old: int, new: int) -> None:
        boxes = self.boxes
        self._mark(boxes[old], False)
        self._mark(boxes[new], True)
        self.current_moved(boxes[old], boxes[new])

    @staticmethod
    def _mark(box: AnswerBox, current: bool) -> None:
        box.set_class(current, "current")
        box.border_title = CURSOR_MARK if current else ""

    def current_moved(self, old: AnswerBox, new: AnswerBox) -> None:
        """Called when the cursor moved from *old* to *new* (for subclasses)."""

    def keep_place(self) -> dict[str, object]:
        """The box under the cursor, and whether it is being written in (and where), to come
        back to after a change of language."""
        box = self.current
        place: dict[str, object] = {"box": self.current_index}
        if box.editing and box.editor is not None:
            place["writing"] = list(box.editor.cursor_location)
        return place

    def take_place(self, place: dict[str, object]) -> None:
        """Put the cursor back on the box :meth:`keep_place` noted."""
        box = place.get("box")
        if not isinstance(box, int) or not 0 <= box < len(self.box_specs()):
            return
        writing = place.get("writing")
        if isinstance(writing, list) and len(writing) == 2:
            self._writing_at = (int(writing[0]), int(writing[1]))
        if self.is_mounted:
            self.current_index = box
            self._write_again()
        else:
            self._taken_box = box  # pushed a moment ago: its boxes come with its mount

    def _write_again(self) -> None:
        """Open the box that was being written in again, the cursor where it was (its text went
        into the answer before the app started again)."""
        at, self._writing_at = self._writing_at, None
        if at is None or not self.check_action("edit", ()):
            return
        self.action_edit()
        area = self.current.editor
        if area is None:
            return
        last = area.document.line_count - 1
        row = max(0, min(at[0], last))
        area.cursor_location = (row, max(0, min(at[1], len(area.document.get_line(row)))))

    def action_scroll_answer(self, direction: int) -> None:
        self.current.scroll_answer(direction)

    def _session(self) -> PlanSession | None:
        return session_of(self)

    def _show_answers(self, _generation: int = 0) -> None:
        session = self._session()
        if session is None:
            return
        for box in self.boxes:
            if not box.editing:
                box.show(session.answer(box.kind, box.key))
            elif box.edit is not None:
                box.set_class(box.edit.state is _state().CONFLICT, "conflict")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "zoom"):
            return self._session() is not None
        if action == "resolve_conflict":
            return self.check_conflict()
        return True

    def action_move(self, dx: int, dy: int) -> None:
        count = len(self.boxes)
        row, col = divmod(self.current_index, self.COLUMNS)
        col = max(0, min(self.COLUMNS - 1, col + dx))
        row = max(0, min((count - 1) // self.COLUMNS, row + dy))
        self.current_index = min(count - 1, row * self.COLUMNS + col)

    def action_edit(self) -> None:
        editing, box = editing_of(self), self.current
        if editing is None or refuse_if_read_only(self):
            return
        if box.editing:
            box.start_edit(box.edit)  # type: ignore[arg-type]  # focuses the open editor
            return
        box.start_edit(editing.open_answer(box.kind, box.key, f"{box.number}{box.question}"))

    @work
    async def action_zoom(self) -> None:
        """The answer full-screen; what is typed there is autosaved as in the box."""
        from lederplan.tui.screens.text_editor import TextEditorScreen

        editing, box = editing_of(self), self.current
        if editing is None or refuse_if_read_only(self):
            return
        label = f"{box.number}{box.question}"
        own = box.edit is None  # the box is closed: the full-screen editor has its own edit
        edit = box.edit or editing.open_answer(box.kind, box.key, label)
        before = edit.text
        text = await self.app.push_screen_wait(TextEditorScreen(label, before, edit.typed))
        if text is None:  # ctrl+g: without what was typed there
            edit.typed(before)
            if own:
                host_of(self).say(editing.cancel(edit))
                self._show_answers()
            return
        if not own:
            box.set_editor_text(text)
            host_of(self).autosave()
            return
        edit.typed(text)
        outcome = editing.finish(edit)
        if not outcome.ok and edit.state in (_state().CONFLICT, _state().UNSAVED):
            box.start_edit(edit)  # in the box, with its text, until it is saved or chosen
            box.set_class(edit.state is _state().CONFLICT, "conflict")
            host_of(self).report_edits()
            return
        if not outcome.ok:
            host_of(self).report_edits()  # said before it closes: "kept as a draft"
            editing.close(edit)  # D offers it back
        self._show_answers()

    @on(AnswerBox.EditDone)
    def _leave_box(self, event: AnswerBox.EditDone) -> None:
        """Esc: the text is saved and the box closed; after a conflict it stays open (F2)."""
        box, editing = event.box, editing_of(self)
        if box.edit is None or editing is None:
            return
        edit = box.edit
        outcome = editing.finish(edit)
        if not outcome.ok and edit.state in (_state().CONFLICT, _state().UNSAVED):
            box.set_class(edit.state is _state().CONFLICT, "conflict")
            host_of(self).report_edits()
            if edit.state is _state().CONFLICT:  # said again: Esc alone does not leave it
                self.notify(t("edit.choose_first"), severity="warning", timeout=10)
            # Open, with the text as typed: until the person chooses (F2), or, when not even a
            # draft could be written, until it can be saved.
            return
        if not outcome.ok:
            host_of(self).report_edits()  # said before it closes: "kept as a draft"
            editing.close(edit)  # the text is in the drafts table: D offers it back
        session = session_of(self)
        box.text = session.answer(box.kind, box.key) if session is not None else box.text
        box.stop_edit()  # draws box.text once the editor is gone
        self.query_one(AnswerGrid).focus()

    async def save_open_editors(self) -> None:
        """Save what is being typed (before the screen shows something else)."""
        host_of(self).autosave()

    def _conflicted(self) -> AnswerBox | None:
        boxes = [self.current, *self.boxes]
        return next((b for b in boxes if b.edit and b.edit.state is _state().CONFLICT), None)

    def check_conflict(self) -> bool:
        return self._conflicted() is not None

    @work
    async def action_resolve_conflict(self) -> None:
        """F2: choose between this text and the other session's (opened only by this key, so
        no typed letter ever chooses)."""
        from lederplan.tui.screens.conflict import ConflictScreen

        editing, box = editing_of(self), self._conflicted()
        if editing is None or box is None or box.edit is None:
            return
        edit = box.edit
        screen = ConflictScreen(box.question, edit.text, edit.theirs or "")
        choice = await self.app.push_screen_wait(screen)
        if box.edit is not edit or choice not in ("mine", "theirs"):
            return
        if choice == "mine":
            outcome = editing.keep_mine(edit)
            if not host_of(self).say(outcome, t("conflict.resolved")):
                host_of(self).report_edits()
                return
        else:
            box.set_editor_text(editing.take_theirs(edit))
            self.notify(t("conflict.resolved"), timeout=4)
        box.remove_class("conflict")
