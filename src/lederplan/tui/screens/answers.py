"""A screen of answer boxes in a grid: the platform's nine and the reflection's five.

Moving, editing in place, the full-screen editor, saving (when a box is left, every few seconds
while typing, and before the app quits) and the conflict with another session live here once.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer

from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.widgets.answer_box import AnswerBox
from lederplan.tui.widgets.plan_header import PlanHeader

CURSOR_MARK = "▶"
"""In the border of the box under the cursor: it shows where the cursor is without colour."""
AUTOSAVE_SECONDS = 2.0
"""How often text being typed is saved: a kill loses at most this much typing."""


class AnswerGrid(Grid, can_focus=True):
    """The grid holds the focus while no box is being edited; the screen's keys move in it."""


class AnswerGridScreen(Screen[None]):
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
    ]

    current_index: var[int] = var(0, init=False)
    """The box under the cursor (marked with the class ``current``; the grid keeps the focus)."""

    def __init__(self) -> None:
        super().__init__()
        localize(self)

    def box_specs(self) -> list[tuple[str, str, str, str]]:
        """(kind, key, number shown, question) for each box, in reading order."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        with AnswerGrid(classes="answer-grid"):
            for kind, key, number, question in self.box_specs():
                yield AnswerBox(kind, key, number, question, id=f"box-{kind}-{key}")
        yield Footer()

    def on_mount(self) -> None:
        grid = self.query_one(AnswerGrid)
        grid.styles.grid_size_columns = self.COLUMNS
        self._mark(self.boxes[0], True)
        grid.focus()
        self.watch(self.app, "plan_generation", self._show_answers)
        self.set_interval(AUTOSAVE_SECONDS, self.save_open_editors)

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

    def action_scroll_answer(self, direction: int) -> None:
        self.current.scroll_answer(direction)

    def _session(self):
        return getattr(self.app, "session", None)

    def _show_answers(self, _generation: int = 0) -> None:
        session = self._session()
        if session is None or session.snapshot is None:
            return
        for box in self.boxes:
            if not box.editing:
                box.show(session.answer(box.kind, box.key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "zoom"):
            session = self._session()
            return session is not None and session.snapshot is not None
        return True

    def action_move(self, dx: int, dy: int) -> None:
        count = len(self.boxes)
        row, col = divmod(self.current_index, self.COLUMNS)
        col = max(0, min(self.COLUMNS - 1, col + dx))
        row = max(0, min((count - 1) // self.COLUMNS, row + dy))
        self.current_index = min(count - 1, row * self.COLUMNS + col)

    def action_edit(self) -> None:
        if not refuse_if_read_only(self):
            self.current.start_edit()

    @work
    async def action_zoom(self) -> None:
        from lederplan.tui.screens.text_editor import TextEditorScreen

        if refuse_if_read_only(self):
            return
        box = self.current
        text = await self.app.push_screen_wait(
            TextEditorScreen(f"{box.number}{box.question}", box.current_text())
        )
        if text is None:
            return
        if box.editing:
            box.set_editor_text(text)
        await self.save(box, text)

    @on(AnswerBox.EditDone)
    async def _leave_box(self, event: AnswerBox.EditDone) -> None:
        box = event.box
        text = box.current_text()
        if await self.save(box, text):
            box.stop_edit()
            self.query_one(AnswerGrid).focus()
            box.show(text)

    async def save_open_editors(self) -> None:
        """Save what is being typed (autosave, leaving the screen, quitting)."""
        for box in self.boxes:
            if box.editing and box.dirty:
                await self.save(box, box.current_text(), quiet=True)

    async def save(self, box: AnswerBox, text: str, *, quiet: bool = False) -> bool:
        """Save *text* as *box*'s answer; a conflict asks the user, an error is shown.

        Returns:
            Whether the text is saved (the editor may then close).
        """
        from lederplan.editing.messages import describe
        from lederplan.store.errors import ConflictError, StoreError

        session = self._session()
        if session is None or box.has_class("conflict"):
            return False
        try:
            session.save_answer(box.kind, box.key, text)
        except ConflictError:
            box.add_class("conflict")
            self._resolve_conflict(box, text)
            return False
        except (StoreError, ValueError) as error:
            message = describe(error) if isinstance(error, StoreError) else str(error)
            self.notify(message, severity="error", timeout=10)
            return False
        box.text = text
        box.dirty = box.current_text() != text
        if not box.editing:
            box.show(text)
        return True

    @work
    async def _resolve_conflict(self, box: AnswerBox, mine: str) -> None:
        from lederplan.editing.messages import describe
        from lederplan.store.errors import StoreError
        from lederplan.tui.screens.conflict import ConflictScreen

        session = self._session()
        theirs = session.theirs(box.kind, box.key)
        choice = await self.app.push_screen_wait(ConflictScreen(box.question, mine, theirs))
        box.remove_class("conflict")
        if choice == "mine":
            try:
                session.save_answer(box.kind, box.key, box.current_text(), overwrite=True)
            except StoreError as error:
                # Another change in the seconds the dialog was open, a read-only period, a
                # full disk: say so; the text stays in the box and is saved at the next try.
                self.notify(describe(error), severity="error", timeout=10)
                return
            box.text = box.current_text()
            box.dirty = False
        elif choice == "theirs":
            session.load()
            self.app.plan_generation += 1
            box.text = theirs
            box.set_editor_text(theirs)
            box.dirty = False
            if not box.editing:
                box.show(theirs)
        self.notify(t("conflict.resolved"), timeout=4)
