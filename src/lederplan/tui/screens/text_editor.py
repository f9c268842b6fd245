"""The full-screen editor for one answer (``z``): for long text, or to read it whole."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from lederplan.tui.keys import localize
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.text_fields import TextArea


class TextEditorScreen(ModalScreen[str | None]):
    """Edit *text* full-screen; Esc or ctrl+s keeps it, ctrl+g goes back without it."""

    BINDINGS = [
        Binding("escape,ctrl+s", "keep", "key.keep_text", id="editor.keep"),
        Binding("ctrl+g", "discard", "key.discard_text", id="editor.discard"),
    ]

    def __init__(
        self, title: str, text: str, on_change: Callable[[str], None] | None = None
    ) -> None:
        super().__init__()
        localize(self)
        self.title_text = title
        self.text = text
        self.on_change = on_change
        """Told every change (an answer's Edit: what is typed here is autosaved like a box)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="full-editor"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            editor = TextArea(self.text, soft_wrap=True, show_line_numbers=False)
            editor.cursor_blink = False
            yield editor
        yield FittingFooter()

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.move_cursor(editor.document.end)
        editor.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.on_change is not None:
            self.on_change(event.text_area.text)

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_discard(self) -> None:
        self.dismiss(None)
