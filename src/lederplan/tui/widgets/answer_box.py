"""One answer box: its number, its question, and the answer, edited in place.

The box shows the answer read-only (cheap to paint); Enter mounts a TextArea over it, on demand,
so the platform's first frame costs nine Statics and not nine editors.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, Static, TextArea

from lederplan.domain.sentences import more_than_one_sentence
from lederplan.i18n import t
from lederplan.tui.keys import localize


class AnswerBox(Vertical, can_focus=True):
    """A question and its answer; Enter edits the answer where it stands."""

    BINDINGS = [
        Binding("escape", "stop_edit", "key.leave_box", id="box.leave"),
        Binding("pageup,ctrl+up", "scroll_answer(-1)", "key.scroll_up", show=False),
        Binding("pagedown,ctrl+down", "scroll_answer(1)", "key.scroll_down", show=False),
    ]

    @dataclass
    class EditDone(Message):
        """The editor was closed (Esc, or focus moved away); the box wants its text saved."""

        box: AnswerBox

        @property
        def control(self) -> AnswerBox:
            return self.box

    @dataclass
    class Typed(Message):
        """The text in the editor changed (the screen saves it every few seconds)."""

        box: AnswerBox

        @property
        def control(self) -> AnswerBox:
            return self.box

    def __init__(self, kind: str, key: str, number: str, question: str, *, id: str) -> None:
        super().__init__(id=id)
        localize(self)
        self.kind = kind
        """``platform`` or ``reflection``: what the session calls this answer."""
        self.key = key
        """The answer's key: ``1``–``9`` or a reflection key."""
        self.number = number
        """What is shown before the question (the box number)."""
        self.question = question
        """The question, in the UI language."""
        self.text = ""
        """The answer as last saved or loaded."""
        self.dirty = False
        """Whether the editor holds text that is not saved yet."""

    def compose(self) -> ComposeResult:
        yield Label(f"{self.number}{self.question}", classes="question", markup=False)
        with VerticalScroll(classes="answer-scroll", can_focus=False):
            yield Static("", classes="answer", markup=False)
        yield Label("", classes="warning")

    @property
    def editor(self) -> TextArea | None:
        """The editor, while the box is being edited."""
        found = self.query(TextArea)
        return found.first() if found else None

    @property
    def editing(self) -> bool:
        """Whether the editor is open."""
        return self.editor is not None

    def current_text(self) -> str:
        """What the box holds now: the editor's text while editing, else the saved text."""
        editor = self.editor
        return editor.text if editor is not None else self.text

    def show(self, text: str) -> None:
        """Show *text* as the answer (after loading, saving or reloading)."""
        self.text = text
        self.query_one(".answer", Static).update(text or "·")
        self.set_class(not text, "empty")
        self._warn(text)

    def start_edit(self) -> None:
        """Open the editor over the answer, cursor at the end."""
        if self.editing:
            self.editor.focus()  # type: ignore[union-attr]
            return
        editor = TextArea(self.text, soft_wrap=True, show_line_numbers=False, classes="editor")
        editor.cursor_blink = False  # a blinking cursor costs bytes every second over SSH
        self.query_one(".answer-scroll").display = False
        self.mount(editor, before=self.query_one(".warning"))
        editor.move_cursor(editor.document.end)
        editor.focus()
        self.add_class("editing")
        self.refresh_bindings()

    def stop_edit(self) -> str:
        """Close the editor and return its text (the caller saves it)."""
        editor = self.editor
        if editor is None:
            return self.text
        text = editor.text
        editor.remove()
        self.query_one(".answer-scroll").display = True
        self.remove_class("editing")
        self.focus()
        self.refresh_bindings()
        return text

    def set_editor_text(self, text: str) -> None:
        """Replace the editor's text (taking the other session's version after a conflict)."""
        editor = self.editor
        if editor is not None:
            editor.load_text(text)
            editor.move_cursor(editor.document.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc is shown (and works) only while the editor is open.
        if action == "stop_edit":
            return self.editing
        return True

    def action_stop_edit(self) -> None:
        if self.editing:
            self.post_message(self.EditDone(self))

    def action_scroll_answer(self, direction: int) -> None:
        scroll = self.query_one(".answer-scroll", VerticalScroll)
        scroll.scroll_relative(y=direction * max(1, scroll.size.height - 1), animate=False)

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.dirty = event.text_area.text != self.text
        self._warn(event.text_area.text)
        self.post_message(self.Typed(self))

    def _warn(self, text: str) -> None:
        warning = self.query_one(".warning", Label)
        show = self.kind == "platform" and self.key == "9" and more_than_one_sentence(text)
        warning.update(t("platform.one_sentence") if show else "")
        warning.display = show
