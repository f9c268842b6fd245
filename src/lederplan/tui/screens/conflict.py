"""Another session changed the answer being edited: the user decides, nothing is lost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from lederplan.i18n import t
from lederplan.tui.keys import localize


class ConflictScreen(ModalScreen[str | None]):
    """Both versions side by side; ``m`` keeps mine, ``t`` takes theirs, Esc decides later."""

    BINDINGS = [
        Binding("m", "choose('mine')", "conflict.keep_mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "conflict.take_theirs", id="conflict.theirs"),
        Binding("escape", "choose('later')", "conflict.later", id="conflict.later"),
    ]

    def __init__(self, question: str, mine: str, theirs: str) -> None:
        super().__init__()
        localize(self)
        self.question, self.mine, self.theirs = question, mine, theirs

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog conflict"):
            yield Label(t("conflict.title"), classes="dialog-title")
            yield Label(t("conflict.explain", question=self.question), classes="dialog-text")
            with Horizontal(classes="versions"):
                with VerticalScroll(classes="version"):
                    yield Label(t("conflict.mine"), classes="version-title")
                    yield Static(self.mine or "·", markup=False)
                with VerticalScroll(classes="version"):
                    yield Label(t("conflict.theirs"), classes="version-title")
                    yield Static(self.theirs or "·", markup=False)
            yield Label(t("conflict.hint"), classes="dialog-hint")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
