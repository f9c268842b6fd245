"""The plan's heading as a form: person, closest manager, date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from lederplan.clock import today_or_system
from lederplan.domain.dates import Toward, read_date
from lederplan.domain.models import SHORT_TEXT_MAX
from lederplan.i18n import t
from lederplan.tui.widgets.text_fields import Input


class PlanForm(Vertical):
    """Three fields and a line for what is wrong with them."""

    ENTER_NEXT_FIELD = True
    """Enter in a field before the last goes on to the next one at once (focus_keys)."""

    def __init__(self, person: str = "", manager: str = "", when: date | None = None) -> None:
        super().__init__(classes="plan-form")
        self._values = (person, manager, f"{when or today_or_system():%d.%m.%Y}")

    def compose(self) -> ComposeResult:
        person, manager, when = self._values
        # The model's own limit for a name (ShortText): a smaller one would cut what a file or an
        # import already holds the moment it is edited, a larger one would let a person type a
        # name that the save then refuses.
        yield Label(t("plan.person"))
        yield Input(person, id="form-person", max_length=SHORT_TEXT_MAX, compact=True)
        yield Label(t("plan.manager"))
        yield Input(manager, id="form-manager", max_length=SHORT_TEXT_MAX, compact=True)
        yield Label(t("plan.date"))
        yield Input(when, id="form-date", placeholder="15.03.2027", max_length=40, compact=True)
        yield Label("", classes="form-error")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False  # a blinking cursor costs bytes every second over SSH

    def show_error(self, message: str) -> None:
        """Say what is wrong with the fields (a refused save) under them."""
        self.query_one(".form-error", Label).update(message)

    def values(self) -> tuple[str, str, date] | None:
        """The fields, or None (with the reason shown) when the date cannot be read."""
        person = self.query_one("#form-person", Input).value.strip()
        manager = self.query_one("#form-manager", Input).value.strip()
        raw = self.query_one("#form-date", Input).value
        when = read_date(raw, today_or_system(), toward=Toward.NEAREST)
        error = self.query_one(".form-error", Label)
        if when is None:
            error.update(t("form.bad_date", text=raw))
            self.query_one("#form-date", Input).focus()
            return None
        error.update("")
        return person, manager, when
