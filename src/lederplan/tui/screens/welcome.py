"""First run: start a blank plan, or open the course's example plan."""

from __future__ import annotations

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from lederplan.i18n import t
from lederplan.tui.context import host_of
from lederplan.tui.keys import localize
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.plan_form import PlanForm
from lederplan.tui.widgets.text_fields import Input


class WelcomeScreen(Screen[None]):
    """Two choices; the blank plan asks for name, manager and date first."""

    CSS_PATH = stylesheet("welcome.tcss")
    BINDINGS = [
        Binding("escape", "back", "key.back", id="welcome.back"),
        # Shown here (the app's own L is not): a first start in the wrong language says how out.
        Binding("L", "app.toggle_language", "key.language", id="welcome.language"),
        # Priority: handled as the key arrives, before the keys typed behind it are sent on to
        # the focused widget, so that those find the focus where this one moved it (see
        # action_enter).
        Binding("enter", "enter", "key.focus_next", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="welcome"):
            yield Label(t("welcome.title"), classes="welcome-title")
            yield Label(t("app.subtitle"), classes="welcome-subtitle")
            yield Label(t("competence.perishable"), classes="welcome-motto")
            yield OptionList(
                Option(t("welcome.blank"), id="blank"),
                Option(t("welcome.demo"), id="demo"),
                classes="welcome-choices",
            )
            with Vertical(classes="welcome-form"):
                yield Label(t("welcome.form_title"), classes="dialog-title")
                yield PlanForm()
                yield Label(t("welcome.form_hint"), classes="dialog-hint")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one(".welcome-form").display = False
        self.query_one(OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return bool(self.query_one(".welcome-form").display)
        return True

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, choice: str | None) -> None:
        if choice == "demo":
            host_of(self).start_plan(None)
            return
        self.query_one(".welcome-choices").display = False
        self.query_one(".welcome-form").display = True
        # At once, not Widget.focus() (which moves it after the keys already waiting): a name
        # typed right behind the Enter goes into the name field.
        self.set_focus(self.query_one("#form-person", Input))
        self.refresh_bindings()

    def action_enter(self) -> None:
        """Enter on the choices: the form opens at once.

        Textual's own Enter (OptionList's select) posts a message, and the focus moves only when
        that message is handled: a name typed right behind the Enter went on to the choices
        meanwhile. In the form's fields the app moves on at once (focus_keys, PlanForm), and in
        the last one Input's own Enter submits, after the characters typed before it.
        """
        choices = self.query_one(".welcome-choices", OptionList)
        if not choices.display or choices.highlighted_option is None:
            raise SkipAction
        self._choose(choices.highlighted_option.id)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        if event.input is not inputs[-1]:
            inputs[inputs.index(event.input) + 1].focus()
            return
        values = self.query_one(PlanForm).values()
        if values is not None:
            host_of(self).start_plan(values)

    def action_back(self) -> None:
        self.query_one(".welcome-form").display = False
        self.query_one(".welcome-choices").display = True
        self.query_one(OptionList).focus()
        self.refresh_bindings()
