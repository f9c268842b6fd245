"""Ask for a file's path (importing feedback from the panel)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.text_fields import Input


class AskPathScreen(ModalScreen[str | None]):
    """Enter gives the path; Esc gives nothing."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="ask_path.cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        localize(self)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(placeholder=t("import_csv.placeholder"), id="path", compact=True)
            yield Label(t("import_csv.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Submitted)
    def _given(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
