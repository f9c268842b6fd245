"""Edit the plan's heading (``p``): person, closest manager, date."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.plan_form import PlanForm


class PlanDetailsScreen(ModalScreen[tuple[str, str, date] | None]):
    """Enter saves (a date that cannot be read is said, and nothing is lost); Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="details.cancel"),
        Binding("ctrl+s", "save", "key.save", id="details.save"),
    ]

    def __init__(self, person: str, manager: str, when: date) -> None:
        super().__init__()
        localize(self)
        self.form = PlanForm(person, manager, when)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog details"):
            yield Label(t("details.title"), classes="dialog-title")
            yield self.form
            yield Label(t("details.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if event.input is not inputs[-1]:
            inputs[inputs.index(event.input) + 1].focus()
            return
        self.action_save()

    def action_save(self) -> None:
        values = self.form.values()
        if values is not None:
            self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
