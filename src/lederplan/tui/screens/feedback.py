"""Kilder til innsikt (``4``): feedback from my manager, leader peers, staff and myself.

The four sources side by side in a wide terminal, stacked in a narrow one; each newest first.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from lederplan.domain.models import Area, FeedbackEntry, Plan, Source
from lederplan.i18n import format_date, t
from lederplan.tui.keys import localize
from lederplan.tui.screens.timeline import today
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.plan_header import PlanHeader

SHOWN = 30
"""Entries listed per source, newest first; older ones are counted (filter by area to narrow).
Building thousands of list rows on every filter made a plan of 5,000 entries sluggish."""
WIDE = 120
"""Columns from which the four sources stand side by side."""
ALL = "__all__"


class FeedbackScreen(Screen[None]):
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
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self.area_filter: str = ALL
        """An area's id, ``""`` for feedback on no area, or :data:`ALL`."""

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        yield Static("", classes="feedback-filter")
        with Grid(classes="feedback-grid"):
            for source in Source:
                with Vertical(classes="feedback-source"):
                    yield Label(t(f"source.{source.value}"), classes="source-title")
                    yield OptionList(id=f"fb-{source.value}", classes="source-list")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "plan_generation", self._rebuild)
        self.query_one("#fb-manager", OptionList).focus()

    def on_resize(self) -> None:
        grid = self.query_one(".feedback-grid", Grid)
        grid.styles.grid_size_columns = 4 if self.size.width >= WIDE else 1

    def _session(self):
        session = getattr(self.app, "session", None)
        return session if session is not None and session.snapshot is not None else None

    def _rebuild(self, _generation: int = 0) -> None:
        session = self._session()
        if session is None:
            return
        plan = session.plan
        titles = {area.id: area.title or "·" for area in plan.areas}
        if self.area_filter not in (ALL, "") and self.area_filter not in titles:
            self.area_filter = ALL
        shown = (
            t("feedback.filter_all")
            if self.area_filter == ALL
            else (titles.get(self.area_filter) or t("feedback.no_area"))
        )
        self.query_one(".feedback-filter", Static).update(t("feedback.filter", area=shown))
        for source in Source:
            entries = [e for e in plan.feedback if e.source is source and self._passes(e)]
            entries.sort(key=lambda e: e.date, reverse=True)
            older = len(entries) - SHOWN
            listing = self.query_one(f"#fb-{source.value}", OptionList)
            highlighted = listing.highlighted
            listing.clear_options()
            listing.add_options(
                [
                    Option(
                        Text(
                            self._line(e, titles, plan.scale.high),
                            no_wrap=True,
                            overflow="ellipsis",
                        ),
                        id=e.id,
                    )
                    for e in entries[:SHOWN]
                ]
                or [Option(t("feedback.none"), id=f"none-{source.value}", disabled=True)]
            )
            if older > 0:
                listing.add_option(Option(t("feedback.older", count=older), disabled=True))
            if highlighted is not None and listing.option_count:
                listing.highlighted = min(highlighted, listing.option_count - 1)

    def _passes(self, entry: FeedbackEntry) -> bool:
        if self.area_filter == ALL:
            return True
        return (entry.area_id or "") == self.area_filter

    @staticmethod
    def _line(entry: FeedbackEntry, titles: dict[str, str], high: int) -> str:
        parts = [format_date(entry.date)]
        if entry.area_id:
            parts.append(titles.get(entry.area_id, "·"))
        if entry.rating is not None:
            parts.append(f"{entry.rating}/{high}")
        if entry.giver:
            parts.append(entry.giver)
        first = entry.text.strip().splitlines()[0] if entry.text.strip() else "·"
        return " · ".join(parts) + f" — {first}"

    # -- selection -------------------------------------------------------------------------

    def _focused_source(self) -> Source:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.id and focused.id.startswith("fb-"):
            return Source(focused.id[3:])
        return Source.MANAGER

    def _selected(self) -> FeedbackEntry | None:
        session = self._session()
        focused = self.focused
        if session is None or not isinstance(focused, OptionList):
            return None
        index = focused.highlighted
        if index is None:
            return None
        option_id = focused.get_option_at_index(index).id
        return next((e for e in session.plan.feedback if e.id == option_id), None)

    def action_source(self, delta: int) -> None:
        sources = list(Source)
        index = sources.index(self._focused_source())
        target = sources[max(0, min(len(sources) - 1, index + delta))]
        self.query_one(f"#fb-{target.value}", OptionList).focus()

    def action_filter(self) -> None:
        session = self._session()
        if session is None:
            return
        choices = [ALL, *(a.id for a in session.plan.areas), ""]
        position = choices.index(self.area_filter) if self.area_filter in choices else 0
        self.area_filter = choices[(position + 1) % len(choices)]
        self._rebuild()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter is the list's own key (select): selecting an entry edits it.
        event.stop()
        self.action_edit()

    # -- changes ---------------------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        from lederplan.tui.screens.feedback_form import FeedbackFormScreen

        session = self._session()
        if session is None:
            return
        area = None if self.area_filter in (ALL, "") else self.area_filter
        draft = FeedbackEntry(source=self._focused_source(), date=today(), area_id=area)
        entry = await self.app.push_screen_wait(FeedbackFormScreen(session.plan, draft, today()))
        if entry is not None:
            self._save(lambda: session.repo.insert(entry, session.plan.id))

    @work
    async def action_edit(self) -> None:
        from lederplan.tui.screens.feedback_form import FeedbackFormScreen

        session, entry = self._session(), self._selected()
        if session is None or entry is None:
            return
        edited = await self.app.push_screen_wait(FeedbackFormScreen(session.plan, entry, today()))
        if edited is not None:
            rev = session.snapshot.revs.get(entry.id, 1)
            self._save(lambda: session.repo.update(edited, rev))

    @work
    async def action_delete(self) -> None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        session, entry = self._session(), self._selected()
        if session is None or entry is None:
            return
        question = t("feedback.delete", date=entry.date)
        if await self.app.push_screen_wait(ConfirmScreen(question)):
            rev = session.snapshot.revs.get(entry.id, 1)
            self._save(lambda: session.repo.delete(FeedbackEntry, entry.id, rev))

    @work
    async def action_insight(self) -> None:
        from lederplan.domain.models import Area
        from lederplan.records import RecordEditor
        from lederplan.tui.screens.insight import InsightScreen

        session = self._session()
        if session is None:
            return
        result = await self.app.push_screen_wait(InsightScreen(session.plan))
        if result is None:
            return
        area_id, stage = result
        area = next(a for a in session.plan.areas if a.id == area_id)
        updated = Area.model_validate(area.model_dump() | {"stage": stage})
        self._save(lambda: RecordEditor(session).update(updated))
        self.notify(t("insight.stage_set", area=area.title, stage=t(f"stage.{stage.value}")))

    @work
    async def action_request(self) -> None:
        from lederplan.tui.screens.text_editor import TextEditorScreen

        session = self._session()
        if session is None:
            return
        plan = session.plan
        area = next((a for a in plan.areas if a.id == self.area_filter), None)
        text = request_text(plan, self._focused_source(), area)
        title = t("request.title", source=t(f"source.{self._focused_source().value}"))
        edited = await self.app.push_screen_wait(TextEditorScreen(title, text))
        if edited:
            self.app.copy_to_clipboard(edited)  # OSC 52: reaches the user's clipboard over SSH
            self.notify(t("request.copied"), timeout=5)

    @work
    async def action_import_csv(self) -> None:
        from lederplan.domain.feedback_csv import FeedbackCsvError, parse_feedback_csv
        from lederplan.tui.screens.ask_path import AskPathScreen

        session = self._session()
        if session is None:
            return
        path = await self.app.push_screen_wait(AskPathScreen(t("import_csv.title")))
        if not path:
            return
        try:
            text = Path(path).expanduser().read_bytes().decode("utf-8-sig")
            entries = parse_feedback_csv(text, session.plan)
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
        self._save(lambda: session.repo.insert_many(list(entries), session.plan.id))
        self.notify(t("import_csv.done", count=len(entries)), timeout=5)

    def _save(self, change) -> None:
        from lederplan.messages import describe
        from lederplan.store.errors import StoreError

        session = self._session()
        try:
            change()
        except StoreError as error:
            self.notify(describe(error), severity="error", timeout=10)
        except ValueError as error:
            self.notify(str(error), severity="error", timeout=10)
        session.load()
        self.app.plan_generation += 1


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
