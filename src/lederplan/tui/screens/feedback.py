"""Kilder til innsikt (``4``): feedback from my manager, leader peers, staff and myself.

The four sources side by side in a wide terminal, stacked in a narrow one; each newest first.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Static

from lederplan.clock import today_or_system as today
from lederplan.domain.models import Area, FeedbackEntry, Plan, Source
from lederplan.i18n import format_date, t
from lederplan.tui.context import editing_of, host_of
from lederplan.tui.follows_plan import FollowsPlan
from lederplan.tui.keys import localize
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.feedback_list import FeedbackList, Formatter, Line
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.plan_header import PlanHeader

if TYPE_CHECKING:
    from lederplan.editing.workspace import Outcome

BOLD, ITALIC = Style(bold=True), Style(italic=True)
WIDE = 120
"""Columns from which the four sources stand side by side."""
ALL = "__all__"


class FeedbackScreen(FollowsPlan):
    """Four lists of feedback; a adds, Enter/e edits, d deletes, f filters by area."""

    CSS_PATH = stylesheet("feedback.tcss")
    BINDINGS = [
        Binding("a", "add", "key.feedback_add", id="feedback.add"),
        Binding("enter,e", "edit", "key.feedback_edit", id="feedback.edit"),
        Binding("d,delete", "delete", "key.delete", id="feedback.delete"),
        Binding("f", "filter", "key.feedback_filter", id="feedback.filter"),
        Binding("i", "insight", "key.insight", id="feedback.insight"),
        Binding("r", "request", "key.request", id="feedback.request"),
        Binding("u", "import_csv", "key.import_csv", id="feedback.import"),
        Binding("left,h", "source(-1)", "key.source_left", show=False),
        Binding("right,l", "source(1)", "key.source_right", show=False),
        # Past the end of a source's list (FeedbackList passes the key on): the next one.
        Binding("down,j", "source_stacked(1)", "key.entry_down", show=False),
        Binding("up,k", "source_stacked(-1)", "key.entry_up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self.area_filter: str = ALL
        self.source = Source.MANAGER
        """The source whose list has (or is about to get) the focus."""
        """An area's id, ``""`` for feedback on no area, or :data:`ALL`."""
        self._by_source: dict[Source, dict[str, list[FeedbackEntry]]] = {}
        """Each source's entries newest first by area id (``""``: no area; :data:`ALL`: all),
        sorted and grouped once per change of the plan, not on every filter."""
        self._titles: dict[str, str] = {}
        self._format: Formatter = lambda entry: ([], "")

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        yield Static("", classes="feedback-filter")
        with Grid(classes="feedback-grid"):
            for source in Source:
                listing = FeedbackList(id=f"fb-{source.value}", classes="feedback-source")
                listing.border_title = t(f"source.{source.value}")
                yield listing
        yield Static("", classes="feedback-preview")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.follow_plan(self._rebuild)
        self._list(self.source).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self._preview()

    def _rebuild(self, _generation: int = 0) -> None:
        """Sort the plan's feedback into the four sources (after every change), then show it."""
        editing = editing_of(self)
        if editing is None:
            return
        plan = editing.plan
        titles = {area.id: area.title or "·" for area in plan.areas}
        high = plan.scale.high
        self._titles = titles
        self._format = lambda entry: self._line(entry, titles, high)
        self._by_source = {source: {ALL: []} for source in Source}
        for entry in sorted(plan.feedback, key=lambda e: e.date, reverse=True):
            groups = self._by_source[entry.source]
            groups[ALL].append(entry)
            groups.setdefault(entry.area_id or "", []).append(entry)
        if self.area_filter not in (ALL, "") and self.area_filter not in titles:
            self.area_filter = ALL
        self._show()

    def _show(self) -> None:
        """List each source's entries on the filter's area. Only text changes, not sizes:
        no widget is laid out again except the lists."""
        area = self.area_filter
        shown = t("feedback.filter_all") if area == ALL else self._titles.get(area)
        label = t("feedback.filter", area=shown or t("feedback.no_area"))
        self.query_one(".feedback-filter", Static).update(label, layout=False)
        empty = t("feedback.none")
        for source, groups in self._by_source.items():
            entries = groups.get(area, [])
            title = t(
                "feedback.source_count", source=t(f"source.{source.value}"), count=len(entries)
            )
            listing = self.query_one(f"#fb-{source.value}", FeedbackList)
            listing.border_title = title
            listing.show(entries, self._format, empty)
        self._preview()

    @staticmethod
    def _line(entry: FeedbackEntry, titles: dict[str, str], high: int) -> tuple[Line, str]:
        """Date · area · rating · giver, and the first line of the text."""
        head: Line = [(format_date(entry.date), BOLD)]
        if entry.area_id:
            head.append((f" · {_one_line(titles.get(entry.area_id, '·'))}", None))
        if entry.rating is not None:
            head += [(" · ", None), (f"{entry.rating}/{high}", BOLD)]
        if entry.giver:
            head.append((f" · {_one_line(entry.giver)}", ITALIC))
        text = entry.text.strip()
        return head, _one_line(text.splitlines()[0]) if text else "·"

    def _preview(self) -> None:
        """In a wide terminal, the whole of the highlighted entry below the lists."""
        if not self.has_class("-wide"):
            return
        entry, editing = self._selected(), editing_of(self)
        preview = self.query_one(".feedback-preview", Static)
        if entry is None or editing is None:
            preview.update("", layout=False)
            return
        titles = {area.id: area.title or "·" for area in editing.plan.areas}
        head, _ = self._line(entry, titles, editing.plan.scale.high)
        source = (t(f"source.{entry.source.value}") + " · ", BOLD)
        preview.update(Text.assemble(source, *head, "\n", entry.text.strip() or "·"), layout=False)

    def on_feedback_list_highlighted(self, event: FeedbackList.Highlighted) -> None:
        if event.feedback_list is self.focused:
            self._preview()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The focus as it is now, not the event's widget: keys typed ahead (l l) move the focus
        # twice before either list has handled its Focus, and each list handles its own in its
        # own turn, so the first list's event can come last.
        focused = self.focused
        if isinstance(focused, FeedbackList) and focused.id:
            self.source = Source(focused.id.removeprefix("fb-"))  # also by a mouse click
        self._preview()

    def keep_place(self) -> dict[str, object]:
        """The source with the focus, the entry under each list's cursor and the filter, to
        come back to after a change of language."""
        entries = {}
        for source in Source:
            selected = self._list(source).selected
            if selected is not None:
                entries[source.value] = selected.id
        return {"source": self.source.value, "filter": self.area_filter, "entries": entries}

    def take_place(self, place: dict[str, object]) -> None:
        """Put the focus, the cursors and the filter back where :meth:`keep_place` noted."""
        entries = place.get("entries")
        if isinstance(entries, dict):
            for source in Source:
                entry_id = entries.get(source.value)
                if isinstance(entry_id, str):
                    self._list(source).look_for(entry_id)
        area = place.get("filter")
        if isinstance(area, str):
            self.area_filter = area  # one that is gone goes back to all, in _rebuild
        with contextlib.suppress(ValueError):
            self.source = Source(place.get("source"))
        self._rebuild()
        self._list(self.source).focus()

    # -- selection -------------------------------------------------------------------------

    def _list(self, source: Source) -> FeedbackList:
        return self.query_one(f"#fb-{source.value}", FeedbackList)

    def _selected(self) -> FeedbackEntry | None:
        return self._list(self.source).selected

    def action_source(self, delta: int) -> None:
        sources = list(Source)
        index = sources.index(self.source)
        # Kept here, not read back from the focus: focus moves after this key is handled, and
        # a key typed right behind it (l l, l e) must see where this one went.
        self.source = sources[max(0, min(len(sources) - 1, index + delta))]
        # At once: the bindings of a key typed right behind this one run where it went.
        self.set_focus(self._list(self.source))

    def action_source_stacked(self, delta: int) -> None:
        """Up or down past the end of a list, where the sources are stacked: the next source
        above or below, at its entry nearest to this one (side by side: nothing)."""
        if self.has_class("-wide"):
            return
        before = self.source
        self.action_source(delta)
        if self.source is not before:
            after = self._list(self.source)
            after.cursor = 0 if delta > 0 else max(0, len(after.entries) - 1)

    def action_filter(self) -> None:
        editing = editing_of(self)
        if editing is None:
            return
        choices = [ALL, *(a.id for a in editing.plan.areas), ""]
        position = choices.index(self.area_filter) if self.area_filter in choices else 0
        self.area_filter = choices[(position + 1) % len(choices)]
        self._show()

    # -- changes ---------------------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        from lederplan.tui.screens.feedback_form import FeedbackFormScreen

        editing = editing_of(self)
        if editing is None or refuse_if_read_only(self):
            return
        area = None if self.area_filter in (ALL, "") else self.area_filter
        blank = FeedbackEntry(source=self.source, date=today(), area_id=area)
        form = FeedbackFormScreen(editing.plan, blank, today())
        entry = await self.app.push_screen_wait(form)
        if entry is not None:
            form.settle(self._say(editing.apply(editing.records.add, entry, editing.plan.id)))

    @work
    async def action_edit(self) -> None:
        from lederplan.tui.screens.feedback_form import FeedbackFormScreen

        editing, entry = editing_of(self), self._selected()
        if editing is None or entry is None or refuse_if_read_only(self):
            return
        # The revision as the form opens: a change made elsewhere meanwhile is a conflict,
        # never overwritten (the plan may be read again while the form is open).
        snapshot = editing.session.snapshot
        assert snapshot is not None  # a plan is loaded
        rev = snapshot.revs.get(entry.id, 1)
        form = FeedbackFormScreen(editing.plan, entry, today())
        edited = await self.app.push_screen_wait(form)
        if edited is not None:
            form.settle(self._say(editing.apply(editing.records.update, edited, rev=rev)))

    @work
    async def action_delete(self) -> None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        editing, entry = editing_of(self), self._selected()
        if editing is None or entry is None or refuse_if_read_only(self):
            return
        question = t("feedback.delete", date=entry.date)
        if await self.app.push_screen_wait(ConfirmScreen(question)):
            listing = self._list(self.source)
            listing.step_off(entry.id)  # the cursor stays where it was, not back at the top
            self._say(editing.apply(editing.records.remove, entry.id))

    @work
    async def action_insight(self) -> None:
        from lederplan.tui.screens.insight import InsightScreen

        editing = editing_of(self)
        if editing is None:
            return
        result = await self.app.push_screen_wait(InsightScreen(editing.plan))
        if result is None:
            return
        area_id, stage = result
        area = next(a for a in editing.plan.areas if a.id == area_id)
        updated = Area.model_validate(area.model_dump() | {"stage": stage})
        done = t("insight.stage_set", area=area.title, stage=t(f"stage.{stage.value}"))
        self._say(editing.apply(editing.records.update, updated), done)

    @work
    async def action_request(self) -> None:
        from lederplan.tui.screens.text_editor import TextEditorScreen

        editing = editing_of(self)
        if editing is None:
            return
        plan = editing.plan
        area = next((a for a in plan.areas if a.id == self.area_filter), None)
        text = request_text(plan, self.source, area)
        title = t("request.title", source=t(f"source.{self.source.value}"))
        edited = await self.app.push_screen_wait(TextEditorScreen(title, text))
        if edited:
            self.app.copy_to_clipboard(edited)  # OSC 52: reaches the user's clipboard over SSH
            self.notify(t("request.copied"), timeout=5)

    @work
    async def action_import_csv(self) -> None:
        from lederplan.domain.feedback_csv import FeedbackCsvError, parse_feedback_csv
        from lederplan.tui.screens.ask_path import AskPathScreen

        editing = editing_of(self)
        if editing is None or refuse_if_read_only(self):
            return
        path = await self.app.push_screen_wait(AskPathScreen(t("import_csv.title")))
        if not path:
            return
        try:
            text = Path(path).expanduser().read_bytes().decode("utf-8-sig")
            entries = parse_feedback_csv(text, editing.plan)
        except OSError as error:
            self.notify(f"{path}: {error.strerror or error}", severity="error", timeout=10)
            return
        except UnicodeDecodeError:
            self.notify(t("feedback_csv.not_utf8"), severity="error", timeout=10)
            return
        except FeedbackCsvError as error:
            problem = t(error.problem, **error.params)
            message = t(
                "import_csv.bad", line=error.line, field=error.field or "·", problem=problem
            )
            self.notify(message, severity="error", timeout=15)
            return
        outcome = editing.apply(editing.records.add_many, list(entries), editing.plan.id)
        self._say(outcome, t("import_csv.done", count=len(entries)))

    def _say(self, outcome: Outcome, done: str | None = None) -> bool:
        """Show what became of a change (the app redraws the screens after it); whether saved."""
        return host_of(self).say(outcome, done)


def _one_line(text: str) -> str:
    """*text* with every run of whitespace (a line break, a tab) as one space: one line of a
    list is one line on the screen, whatever a CSV file put into a giver's name."""
    return " ".join(text.split())


def request_text(plan: Plan, source: Source, area: Area | None) -> str:
    """A short request for feedback, in the plan's language, to paste into a mail."""
    lang = plan.lang.value
    goals = [g.statement for a in plan.areas if area is None or a.id == area.id for g in a.goals]
    working_on = area.title if area else ", ".join(a.title for a in plan.areas if a.title)
    lines = [t(f"request.greeting.{source.value}", lang), ""]
    lines.append(t("request.working_on", lang, areas=working_on or "·"))
    lines.extend(f"  – {goal}" for goal in goals if goal)
    lines += ["", t("request.ask", lang), "", t("request.thanks", lang), plan.person]
    return "\n".join(lines)
