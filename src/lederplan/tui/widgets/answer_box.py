"""One answer box: its number, its question and the answer, edited in place.

Read-only, a box is one scrolling container with one Static (question, answer, box 9's warning)
so the platform's first frame is cheap; Enter mounts an editor in it on demand. The box under the
cursor is marked with a class, not with focus: moving then repaints two boxes, not the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from lederplan.domain.sentences import more_than_one_sentence
from lederplan.i18n import t
from lederplan.tui.keys import localize

if TYPE_CHECKING:
    from lederplan.editing.edit import Edit
    from lederplan.tui.widgets.text_fields import TextArea


class AnswerBox(VerticalScroll, can_focus=False):
    """A question and its answer; the screen opens the editor with :meth:`start_edit`."""

    BINDINGS = [Binding("escape", "stop_edit", "key.leave_box", id="box.leave")]

    @dataclass
    class EditDone(Message):
        """The editor was closed with Esc; the box wants its text saved."""

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
        self.warning = False
        """Whether box 9 holds more than one sentence."""
        self.edit: Edit | None = None
        """The open editor's text as the editing layer keeps it (None when not editing)."""

    def compose(self) -> ComposeResult:
        yield Static(self._content(), classes="answer")

    def _content(self, text: str | None = None) -> Text:
        text = self.text if text is None else text
        content = Text(f"{self.number}{self.question}", style="bold")
        if not self.editing:
            content.append("\n")
            content.append(text or "·", style="dim" if not text else "")
        if self.warning:
            content.append(f"\n{t('platform.one_sentence')}", style="bold yellow")
        return content

    @property
    def editor(self) -> TextArea | None:
        """The editor, while the box is being edited."""
        found = self.query(".editor") if self.editing else None
        return found.first() if found else None  # type: ignore[return-value]

    @property
    def editing(self) -> bool:
        """Whether the editor is open. The class, not the editor's presence: an editor being
        removed is still in the DOM for a while, and the answer must be drawn without it."""
        return self.has_class("editing")

    def current_text(self) -> str:
        """What the box holds now: the editor's text while editing, else the saved text."""
        editor = self.editor
        return editor.text if editor is not None else self.text

    def show(self, text: str) -> None:
        """Show *text* as the answer (after loading, saving or reloading)."""
        self.text = text
        self._warn(text)
        self.query_one(".answer", Static).update(self._content())

    def start_edit(self, edit: Edit) -> None:
        """Open the editor on *edit* under the question, cursor at the end."""
        # On demand: the first frame does without the TextArea.
        from lederplan.tui.widgets.wrapping_text_area import WrappingTextArea

        if (editor := self.editor) is not None:
            editor.focus()
            return
        self.edit = edit
        editor = WrappingTextArea(
            edit.text, soft_wrap=True, show_line_numbers=False, classes="editor"
        )
        editor.cursor_blink = False  # a blinking cursor costs bytes every second over SSH
        self.add_class("editing")
        self.mount(editor)
        self.query_one(".answer", Static).update(self._content())
        editor.move_cursor(editor.document.end)
        editor.focus()
        self.refresh_bindings()

    def stop_edit(self) -> str:
        """Close the editor and return its text (the caller saves it and moves the focus)."""
        editor = self.editor
        if editor is None:
            return self.text
        text = editor.text
        editor.remove()
        self.edit = None
        self.remove_class("editing", "conflict")
        self.call_after_refresh(self.show, self.text)
        return text

    def set_editor_text(self, text: str) -> None:
        """Replace the editor's text (taking the other session's version after a conflict)."""
        editor = self.editor
        if editor is not None:
            editor.load_text(text)
            editor.move_cursor(editor.document.end)
            if self.edit is not None:
                self.edit.typed(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc is shown (and works) only while the editor is open.
        return self.editing if action == "stop_edit" else True

    def action_stop_edit(self) -> None:
        if self.editing:
            self.post_message(self.EditDone(self))

    def scroll_answer(self, direction: int) -> None:
        """Scroll a long answer a page up or down."""
        self.scroll_relative(y=direction * max(1, self.size.height - 1), animate=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.edit is not None:
            self.edit.typed(event.text_area.text)  # saved by the next autosave, whatever happens
        if self._warn(event.text_area.text):
            self.query_one(".answer", Static).update(self._content())

    def _warn(self, text: str) -> bool:
        """Update box 9's warning; returns whether it changed."""
        warn = self.kind == "platform" and self.key == "9" and more_than_one_sentence(text)
        changed, self.warning = warn != self.warning, warn
        return changed
