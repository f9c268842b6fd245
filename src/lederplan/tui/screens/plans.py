"""The plan list (``P``): the periods in the data file, the current one first.

Enter shows the period at the cursor (every screen reads it again), ``n`` starts a new period from
the current plan (its start date asked, then a summary of what is copied and carried over to
confirm), ``u`` unlocks an older period for this session. Older periods are read-only otherwise.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from lederplan.clock import today_or_system
from lederplan.domain.dates import Toward, add_years, read_date
from lederplan.i18n import t
from lederplan.tui.context import host_of
from lederplan.tui.form_drafts import DraftForm, State
from lederplan.tui.keys import localize
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.text_fields import Input

if TYPE_CHECKING:
    from lederplan.domain.models import Plan
    from lederplan.editing.session import Period, PlanSession
    from lederplan.editing.workspace import Editing

SHOWN_MARK = "▶"
"""Before the period shown now."""


class PlansScreen(ModalScreen[None]):
    """The periods of the file, one per line; see the module's docstring for the keys."""

    CSS_PATH = stylesheet("plans.tcss")
    BINDINGS = [
        Binding("enter", "show", "key.show_period", id="plans.show"),
        Binding("n", "new_period", "key.new_period", id="plans.new"),
        Binding("u", "unlock", "key.unlock_period", id="plans.unlock"),
        Binding("j", "cursor(1)", "key.period_down", show=False, id="plans.down"),
        Binding("k", "cursor(-1)", "key.period_up", show=False, id="plans.up"),
        Binding("escape,q", "close", "key.close", id="plans.close"),
    ]

    def __init__(self, editing: Editing) -> None:
        super().__init__()
        localize(self)
        self.editing = editing
        """Whose periods are listed, switched, started and unlocked (every change through it)."""

    @property
    def session(self) -> PlanSession:
        """The periods as last read (to read; changes go through :attr:`editing`)."""
        return self.editing.session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog plans"):
            yield Label(t("plans.title"), classes="dialog-title")
            yield OptionList(id="plans-list")
            yield Label(t("plans.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    @property
    def _list(self) -> OptionList:
        return self.query_one("#plans-list", OptionList)

    def _fill(self, cursor: str | None = None) -> None:
        """List the periods as last read, the cursor on *cursor* (default: the one shown)."""
        option_list = self._list
        shown = self.session.plan.id
        cursor = cursor or shown
        option_list.clear_options()
        periods = self.session.periods()
        option_list.add_options(Option(self._line(p, p.id == shown), id=p.id) for p in periods)
        option_list.highlighted = next((i for i, p in enumerate(periods) if p.id == cursor), 0)

    @staticmethod
    def _line(period: Period, shown: bool) -> Text:
        line = Text(f"{SHOWN_MARK if shown else ' '} ", style="bold")
        line.append(
            t(
                "plans.row",
                start=period.date,
                end=period.period_end,
                person=period.person or "—",
                areas=period.areas,
                actions=period.actions,
            )
        )
        if period.current:
            line.append(f" · {t('plans.current')}", style="bold")
        elif period.read_only:
            line.append(f" · {t('plans.read_only')}", style="italic")
        else:
            line.append(f" · {t('plans.unlocked')}", style="bold")
        return line

    def _highlighted(self) -> Period | None:
        index = self._list.highlighted
        periods = self.session.periods()
        return periods[index] if index is not None and index < len(periods) else None

    def action_cursor(self, delta: int) -> None:
        if delta > 0:
            self._list.action_cursor_down()
        else:
            self._list.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_show()

    def action_show(self) -> None:
        period = self._highlighted()
        if period is None:
            return
        if not host_of(self).say(self.editing.apply(self.session.select, period.id)):
            return
        plan = self.session.plan
        key = "plans.switched_old" if self.session.read_only else "plans.switched"
        self.app.notify(t(key, start=plan.date, end=plan.period_end), timeout=6)
        self.dismiss()

    @work
    async def action_unlock(self) -> None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        period = self._highlighted()
        if period is None:
            return
        if period.current:
            self.app.notify(t("plans.not_older"), timeout=6)
            return
        when = {"start": period.date, "end": period.period_end}
        if period.read_only:
            question = t("plans.confirm_unlock", **when)
            if not await self.app.push_screen_wait(ConfirmScreen(question)):
                return
            # Through the editing layer too: the heading of a shown period changes with it.
            if not host_of(self).say(self.editing.apply(self.session.unlock, period.id)):
                return
            self._fill(cursor=period.id)
        self.app.notify(t("plans.unlocked_done", **when), timeout=6)

    @work
    async def action_new_period(self) -> None:
        from lederplan.domain.periods import carried_actions
        from lederplan.tui.screens.confirm import ConfirmScreen

        current = self.session.current_plan
        form = PeriodStartScreen(current, today_or_system())
        start = await self.app.push_screen_wait(form)
        if start is None:
            return
        carried = len(carried_actions(current))
        total = sum(len(goal.actions) for area in current.areas for goal in area.goals)
        assert current.period_end is not None
        question = t(
            "plans.confirm_new",
            start=start,
            end=add_years(start, 1),
            carried=carried,
            done=total - carried,
            old=current.date,
            last=min(current.period_end, start - timedelta(days=1)),
        )
        if not await self.app.push_screen_wait(ConfirmScreen(question)):
            form.settle(True)  # the person chose not to: nothing to offer back
            return
        outcome = self.editing.apply(self.session.start_period, start)
        form.settle(outcome.ok)
        if not host_of(self).say(outcome):
            # A date refused, or the file holds something newer (a conflict): the plan was
            # read again, and the list shows that, to try again from it.
            self._fill()
            return
        plan = outcome.value
        self.app.notify(
            t("plans.started", start=plan.date, end=plan.period_end, carried=carried), timeout=8
        )
        self.dismiss()


class PeriodStartScreen(DraftForm[date | None]):
    """Ask the start of a new period (default today); it must come after the current plan's
    date. Enter or ctrl+s goes on, Esc cancels. The date typed is kept as a draft
    (``form/period/<plan id>``) until the period is started or the person chose not to."""

    CSS_PATH = stylesheet("plans.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="period_start.cancel"),
        Binding("ctrl+s", "save", "key.save", id="period_start.save"),
    ]

    def __init__(self, current: Plan, today: date) -> None:
        super().__init__()
        localize(self)
        self.current = current
        self.today = today
        self.draft_key = f"form/period/{current.id}"
        self.draft_label = t("form_draft.label.period")

    def compose(self) -> ComposeResult:
        plan = self.current
        with Vertical(classes="dialog period-start"):
            yield Label(t("plans.new_title"), classes="dialog-title")
            yield Label(t("plans.new_intro", start=plan.date, end=plan.period_end))
            yield Label(t("plans.new_start"))
            yield Input(
                f"{self.today:%d.%m.%Y}",
                id="period-start",
                placeholder="15.03.2027",
                max_length=40,
                compact=True,
            )
            yield Label("", classes="form-error")
            yield Label(t("plans.new_hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False  # a blinking cursor costs bytes every second over SSH
        field.focus()
        self.start_draft()

    def draft_state(self) -> State:
        return {"start": self.query_one(Input).value}, {}

    def put_draft(self, fields: dict[str, str], extra: dict[str, Any]) -> None:
        if "start" in fields:
            self.query_one(Input).value = fields["start"]

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        raw = self.query_one(Input).value
        # The day the field was offered with (the caller's today, which $LEDERPLAN_TODAY fixes),
        # so "i dag" is the day the field showed, not a second look at the clock.
        start = read_date(raw, self.today, toward=Toward.NEAREST)
        error = self.query_one(".form-error", Label)
        if start is None:
            error.update(t("form.bad_date", text=raw))
        elif start <= self.current.date:
            error.update(t("plans.too_early", date=self.current.date))
        else:
            self.submit_draft()
            self.dismiss(start)

    def action_cancel(self) -> None:
        self.leave()
