"""The deadline timeline (``3``): the plan period across, one lane per area, and an agenda."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from lederplan.clock import today_or_system
from lederplan.domain.schedule import Scheduled, agenda, schedule
from lederplan.i18n import format_date, t
from lederplan.tui.context import editing_of, host_of
from lederplan.tui.follows_plan import FollowsPlan
from lederplan.tui.keys import localize
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.plan_header import PlanHeader
from lederplan.tui.widgets.timeline_view import TimelineView


def describe(item: Scheduled, when: date) -> str:
    """An action as one line: deadline as written, and what it was read as."""
    deadline = item.deadline
    if not deadline.readable:
        read = t("deadline.none")
    elif deadline.kind.value == "ongoing":
        read = t("deadline.ongoing")
    elif deadline.ended(when):
        read = t("deadline.recurring_ended", until=deadline.last_due())
    elif deadline.kind.value == "recurring":
        read = t("deadline.recurring", until=deadline.until or when)
    else:
        read = format_date(deadline.due or when)
    return f"{item.action.text} — {item.action.deadline or '·'} ({read})"


class TimelineScreen(FollowsPlan):
    """The timeline, the selected action, and the agenda below."""

    CSS_PATH = stylesheet("timeline.tcss")
    BINDINGS = [
        Binding("enter", "jump", "key.jump", id="timeline.jump"),
        Binding("s", "status", "key.status", id="timeline.status"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        yield TimelineView(id="timeline")
        yield Static("", classes="timeline-selected", markup=False)
        with VerticalScroll(classes="agenda", can_focus=False):
            yield Static("", classes="agenda-text")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.follow_plan(self._rebuild)
        self.query_one(TimelineView).focus()

    def keep_place(self) -> dict[str, int]:
        """The lane, the action in it and the zoom, to come back to after a change of
        language."""
        view = self.query_one(TimelineView)
        return {"lane": view.lane, "position": view.position, "zoom": view.zoom}

    def take_place(self, place: dict[str, object]) -> None:
        """Put the cursor and the zoom back where :meth:`keep_place` noted."""
        view = self.query_one(TimelineView)
        view.take_place(place)
        self._show_selected()

    def _rebuild(self, _generation: int = 0) -> None:
        editing = editing_of(self)
        if editing is None:
            return
        plan, now = editing.plan, today_or_system()
        items = schedule(plan)
        lanes = []
        for area in plan.areas:
            dated = [i for i in items if i.area.id == area.id and i.when(now) is not None]
            dated.sort(key=lambda i: i.when(now) or now)
            lanes.append((area.title or "·", dated))
        assert plan.period_end is not None
        self.query_one(TimelineView).set_data(lanes, plan.date, plan.period_end, now)
        self._show_selected()
        self.query_one(".agenda-text", Static).update(self._agenda(items, now))

    def _agenda(self, items: list[Scheduled], now: date) -> Text:
        text = Text()
        for name, group in agenda(items, now).items():
            if not group:
                continue
            text.append(f"{t(f'agenda.{name}')} ({len(group)})\n", style="bold")
            for item in group:
                mark = "!" if name == "overdue" else "?" if name == "no_date" else "·"
                text.append(f"  {mark} {item.area.title or '·'} › {describe(item, now)}\n")
        if not text:
            text.append(t("agenda.nothing"), style="dim")
        return text

    def on_timeline_view_selected(self) -> None:
        self._show_selected()
        self.refresh_bindings()

    def _show_selected(self) -> None:
        item = self.query_one(TimelineView).selected
        line = self.query_one(".timeline-selected", Static)
        if item is None:
            line.update(t("timeline.nothing_selected"))
            return
        line.update(f"{item.area.title or '·'} › {describe(item, today_or_system())}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("jump", "status"):
            return self.query_one(TimelineView).selected is not None
        return True

    async def action_jump(self) -> None:
        item = self.query_one(TimelineView).selected
        if item is None:
            return
        await self.app.run_action("mode('malkort')")
        screen = self.app.screen
        focus = getattr(screen, "focus_record", None)
        if focus is not None:
            focus(item.action.id)

    def action_status(self) -> None:
        item, editing = self.query_one(TimelineView).selected, editing_of(self)
        if item is None or editing is None:
            return
        # The app redraws every screen after the change (or after reading the plan again).
        host_of(self).say(
            editing.apply(editing.records.update, item.action.next_status(today_or_system()))
        )
