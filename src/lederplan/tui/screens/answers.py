"""A screen of answer boxes in a grid: the platform's nine and the reflection's five.

Moving, editing in place, the full-screen editor, saving (when a box is left, every few seconds
while typing, and before the app quits) and the conflict with another session live here once.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer

from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.answer_box import AnswerBox
from lederplan.tui.widgets.plan_header import PlanHeader

AUTOSAVE_SECONDS = 2.0
"""How often text being typed is saved: a kill loses at most this much typing."""


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
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)

    def box_specs(self) -> list[tuple[str, str, str, str]]:
        """(kind, key, number shown, question) for each box, in reading order."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        with Grid(classes="answer-grid"):
            for kind, key, number, question in self.box_specs():
                yield AnswerBox(kind, key, number, question, id=f"box-{kind}-{key}")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".answer-grid", Grid).styles.grid_size_columns = self.COLUMNS
        self.boxes[0].focus()
        self.watch(self.app, "plan_generation", self._show_answers)
        self.set_interval(AUTOSAVE_SECONDS, self.save_open_editors)

    @property
    def boxes(self) -> list[AnswerBox]:
        """The boxes in reading order."""
        return list(self.query(AnswerBox))

    @property
    def current(self) -> AnswerBox | None:
        """The box that has the focus (or holds the focused editor)."""
        for box in self.boxes:
            if box.has_focus or box.has_focus_within:
                return box
        return None

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
        boxes = self.boxes
        box = self.current
        index = boxes.index(box) if box in boxes else 0
        row, col = divmod(index, self.COLUMNS)
        col = max(0, min(self.COLUMNS - 1, col + dx))
        row = max(0, min((len(boxes) - 1) // self.COLUMNS, row + dy))
        boxes[min(len(boxes) - 1, row * self.COLUMNS + col)].focus()

    def action_edit(self) -> None:
        if (box := self.current) is not None:
            box.start_edit()

    @work
    async def action_zoom(self) -> None:
        from lederplan.tui.screens.text_editor import TextEditorScreen

        box = self.current
        if box is None:
            return
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
        from lederplan.messages import describe
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
        from lederplan.tui.screens.conflict import ConflictScreen

        session = self._session()
        theirs = session.theirs(box.kind, box.key)
        choice = await self.app.push_screen_wait(ConflictScreen(box.question, mine, theirs))
        box.remove_class("conflict")
        if choice == "mine":
            session.save_answer(box.kind, box.key, box.current_text(), overwrite=True)
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
