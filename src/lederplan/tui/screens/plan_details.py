"""Edit the plan's heading (``p``): person, closest manager, date.

The dialog saves the heading itself, through the editing layer: a date out of order with the
other periods (or a file that cannot be written) is said in the dialog, which stays open with
what was typed. The fields are kept as a draft (``form/heading/<plan id>``) while it is open.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from lederplan.i18n import t
from lederplan.tui.context import editing_of, host_of
from lederplan.tui.form_drafts import DraftForm, State
from lederplan.tui.keys import localize
from lederplan.tui.widgets.plan_form import PlanForm
from lederplan.tui.widgets.text_fields import Input


class PlanDetailsScreen(DraftForm[None]):
    """Enter saves (a date that cannot be read is said, and nothing is lost); Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="details.cancel"),
        Binding("ctrl+s", "save", "key.save", id="details.save"),
    ]

    def __init__(self, person: str, manager: str, when: date) -> None:
        super().__init__()
        localize(self)
        self.form = PlanForm(person, manager, when)
        self.draft_label = t("form_draft.label.heading")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog details"):
            yield Label(t("details.title"), classes="dialog-title")
            yield self.form
            yield Label(t("details.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        editing = editing_of(self)
        if editing is not None:
            self.draft_key = f"form/heading/{editing.plan.id}"
            self.start_draft()

    def draft_state(self) -> State:
        return {name: self.query_one(f"#form-{name}", Input).value for name in _FIELDS}, {}

    def put_draft(self, fields: dict[str, str], extra: dict[str, Any]) -> None:
        for name in _FIELDS:
            if name in fields:
                self.query_one(f"#form-{name}", Input).value = fields[name]

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
        editing = editing_of(self)
        if values is None or editing is None:
            return
        outcome = editing.apply(editing.session.save_header, *values)
        if not outcome.ok:
            self.form.show_error(outcome.message or "")
            self.keep_draft()
            return
        host_of(self).say(outcome)
        self.drop_draft()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.leave()


_FIELDS = ("person", "manager", "date")
"""The heading's fields, as the form's inputs are named (``#form-person``, ...)."""
