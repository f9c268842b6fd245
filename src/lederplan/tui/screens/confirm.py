"""A yes/no question (deleting, for one): y confirms, n or Esc says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from lederplan.i18n import t
from lederplan.tui.keys import localize


class ConfirmScreen(ModalScreen[bool]):
    """Ask *question*; returns True for yes."""

    BINDINGS = [
        Binding("y,j", "answer(True)", "key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "key.no", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        localize(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(self.question, classes="dialog-text", markup=False)
            yield Label(t("confirm.hint"), classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
