"""The application shell: four top-level screens as modes, the welcome and error screens, help,
the command palette, settings, and the session with the store.

Start-up is kept cheap: the first frame shows the platform's questions (catalogue strings and
Statics only); pydantic, the models and the plan are loaded in a thread right after it.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import time
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from lederplan.clock import today_or_system
from lederplan.editing.settings import remember, settings_of
from lederplan.i18n import current_language, t
from lederplan.tui.focus_keys import FocusAtOnceApp
from lederplan.tui.keeping import KeepingApp
from lederplan.tui.keys import localize
from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.styled import styled_as_is
from lederplan.tui.styles import stylesheet
from lederplan.tui.textual_words import Palette, TextualWords

if TYPE_CHECKING:
    from datetime import date

    from textual.driver import Driver
    from textual.timer import Timer

    from lederplan.editing.session import PlanSession
    from lederplan.editing.workspace import Editing
    from lederplan.store.store import Store
    from lederplan.tui.resume import Place

AUTOSAVE_SECONDS = 2.0
"""How often what is being typed is saved (into its record, or as a draft): a kill loses at most
this much typing."""
POLL_SECONDS = 2.0
"""How often the data file's fingerprint is checked for another session's changes (a stat and a
96-byte read; nothing is sent to the terminal unless something changed)."""
HEAP_SETTLE_SECONDS = 0.3
"""Quiet time after a plan load or a change of screen before the heap is settled."""
RESTART = "restart"
"""What :meth:`LederplanApp.run` returns when the app should start again (a new language)."""


def _malkort_screen() -> Screen[None]:
    # Imported when first shown: it needs pydantic, which the first frame does without.
    from lederplan.tui.screens.malkort import MalkortScreen

    return styled_as_is(MalkortScreen())


def _timeline_screen() -> Screen[None]:
    from lederplan.tui.screens.timeline import TimelineScreen

    return styled_as_is(TimelineScreen())


def _feedback_screen() -> Screen[None]:
    from lederplan.tui.screens.feedback import FeedbackScreen

    return styled_as_is(FeedbackScreen())


class LederplanApp(TextualWords, KeepingApp, FocusAtOnceApp):
    """lederplan's terminal UI."""

    # Every screen's styles load with the app's (7.5 KB in all): the first frame needs one CSS
    # pass, not two, and a screen's first showing neither parses all of the app's CSS again from
    # scratch nor restyles every widget of every screen, which Textual does for a screen's own
    # CSS_PATH (App._load_screen_css). The screens name their file too, as documentation; it is
    # read once.
    CSS_PATH = [
        stylesheet(f"{name}.tcss")
        for name in (
            "app", "platform", "malkort", "timeline", "feedback", "history", "plans", "export",
            "welcome", "nocolor",
        )
    ]  # fmt: skip
    DEFAULT_MODE = "platform"
    """The platform is the app's first screen (get_default_screen), not a mode switched to in
    on_mount: that costs a second CSS pass and a thrown-away frame (measured: 1.75x against 1.46x
    the bare app's start-up). Its name is registered in on_mount so that key 1 comes back to it."""
    MODES = {
        "malkort": lambda: _malkort_screen(),
        "timeline": lambda: _timeline_screen(),
        "feedback": lambda: _feedback_screen(),
    }
    BINDINGS = [
        Binding("1", "mode('platform')", "screen.platform", show=False, id="screen.platform"),
        Binding("2", "mode('malkort')", "screen.malkort", show=False, id="screen.malkort"),
        Binding("3", "mode('timeline')", "screen.timeline", show=False, id="screen.timeline"),
        Binding("4", "mode('feedback')", "screen.feedback", show=False, id="screen.feedback"),
        Binding("question_mark,f1", "help", "key.help", id="app.help"),
        Binding("p", "plan_details", "key.plan_details", show=False, id="app.details"),
        Binding("P", "plans", "key.plans", show=False, id="app.plans"),
        Binding("x", "export", "key.export", show=False, id="app.export"),
        Binding("D", "drafts", "key.drafts", show=False, id="app.drafts"),
        Binding("L", "toggle_language", "key.language", show=False, id="app.language"),
        Binding("ctrl+q", "quit", "app.quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
    ]

    plan_generation: var[int] = var(0)
    """Bumped whenever the session's plan is (re)loaded or changed: screens refresh on it."""

    def __init__(
        self, store: Store, *, poll_seconds: float = POLL_SECONDS, resume: Place | None = None
    ) -> None:
        # NO_COLOR means no colour at all: Textual's NoColor filter (the terminal's own
        # foreground and background, bold, reverse and underline) and not its Monochrome one,
        # which still sends 256-colour greys. Textual picks NoColor for ANSI colour.
        super().__init__(ansi_color=True if os.environ.get("NO_COLOR") is not None else None)
        localize(self)
        self.store = store
        """Where the plan is read from and saved to."""
        self.editing: Editing | None = None
        """The plan and every change to it, once loaded."""
        self.poll_seconds = poll_seconds
        self.resume = resume
        """Where to go once the plan is loaded (the place kept by a change of language)."""
        self.resume_state: Place | None = None
        """Where the leader was when the app went to start again in another language."""
        self.title = t("app.title")
        self._settings_loaded = False
        self._has_plan = False
        self._startup_error = False
        self._signals: list[int] = []
        self._heap_timer: Timer | None = None
        self._last_key = 0.0
        self._said: dict[int, str | None] = {}
        """What was last said of each open edit (so an autosave every 2 s says it once)."""
        self.css_styled_at = 0
        """The CSS count (Textual's ``_css_update_count``) the stylesheet was last brought up
        to: 0, the count it was made at, until a refresh (see :mod:`lederplan.tui.styled`)."""

    def get_driver_class(self) -> type[Driver]:
        from lederplan.tui.terminal_driver import driver_for

        return driver_for(super().get_driver_class())

    @property
    def session(self) -> PlanSession | None:
        """The plan shown, to read (changes go through :attr:`editing`)."""
        return self.editing.session if self.editing is not None else None

    # -- start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """The platform; or, when the data file cannot be used, what is wrong with it."""
        from lederplan.editing.probe import probe

        self._has_plan, problem = probe(self.store)
        if problem is not None:
            from lederplan.tui.screens.error import ErrorScreen

            self._startup_error = True
            return ErrorScreen(problem)
        return styled_as_is(PlatformScreen(), self)

    def refresh_css(self, animate: bool = True) -> None:
        at = self._css_update_count
        super().refresh_css(animate)
        self.css_styled_at = at

    def on_mount(self) -> None:
        settings = settings_of(self.store.dir)
        if settings.get("theme") in self.available_themes:
            self.theme = settings["theme"]
        self._settings_loaded = True
        if self._startup_error:
            return
        self.add_mode("platform", PlatformScreen)  # its screen exists already: this names it
        self.screen_change_signal.subscribe(self, lambda _screen: self._settle_heap_soon())
        if self._has_plan:
            self.call_after_refresh(self._load_session)
        else:
            from lederplan.tui.screens.welcome import WelcomeScreen  # first run only

            self.push_screen(WelcomeScreen())
        self.set_interval(self.poll_seconds, self._poll)
        self.set_interval(AUTOSAVE_SECONDS, self.autosave_between_keys)
        self._handle_hangup()

    def _handle_hangup(self) -> None:
        # A dropped SSH connection sends SIGHUP, a shutdown SIGTERM: save what is being typed
        # before going, instead of dying with the last seconds of typing.
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.call_next, self._hang_up)
                self._signals.append(signum)

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in self._signals:
            loop.remove_signal_handler(signum)

    @work(thread=True, exclusive=True, group="load")
    def _load_session(self) -> None:
        from lederplan.editing.workspace import Editing

        editing = Editing(self.store)
        outcome = editing.load()
        if not outcome.ok:
            self.call_from_thread(self._show_error, outcome.message or "")
            return
        self.call_from_thread(self._session_ready, editing)

    def watch_plan_generation(self) -> None:
        self._settle_heap_soon()

    def _settle_heap_soon(self) -> None:
        """Settle the heap a moment after a plan (re)load or a change of screen, once."""
        if self._heap_timer is not None:
            self._heap_timer.stop()
        self._heap_timer = self.set_timer(HEAP_SETTLE_SECONDS, self._settle_heap)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
        await super().on_event(event)

    def _settle_heap(self) -> None:
        if time.monotonic() - self._last_key < HEAP_SETTLE_SECONDS:
            # Typing (an autosave moved the plan on): a full sweep now would stall a key; it
            # waits for the pause.
            self._heap_timer = self.set_timer(HEAP_SETTLE_SECONDS, self._settle_heap)
            return
        # Take what is alive now (the plan, the screens) out of the garbage collector's sweeps:
        # with 5,000 feedback entries a full sweep took 15-40 ms and came every ten or so keys,
        # in the middle of a key press (bench/feedback_bench.py). Unfreezing and collecting
        # first means nothing that has become garbage since the last time stays frozen: one
        # full sweep now, at a pause the user has just made, instead of many while typing.
        from lederplan.tui.watchers import prune_closed_watchers

        prune_closed_watchers(self)  # else the Footers' old keys are kept alive, and frozen
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _session_ready(self, editing: Editing) -> None:
        self.editing = editing
        editing.subscribe(self._plan_changed)
        self.plan_generation += 1
        self.refresh_bindings()
        if self.resume is not None:
            from lederplan.tui.resume import restore

            self.run_worker(restore(self, self.resume), group="resume", exclusive=True)
            self.resume = None
        drafts = editing.list_drafts()
        if drafts:  # typed last time and not in the plan: offered, never put back silently
            self.notify(t("drafts.found", count=len(drafts)), severity="warning", timeout=15)

    def _plan_changed(self) -> None:
        self.plan_generation += 1

    @property
    def startup_failed(self) -> bool:
        """Whether the plan could not be read (the app showed why): the command exits 1."""
        return self._startup_error

    def _show_error(self, message: str) -> None:
        from lederplan.tui.screens.error import ErrorScreen

        self._startup_error = True
        self.add_mode("error", partial(ErrorScreen, message))
        self.switch_mode("error")

    def start_plan(self, values: tuple[str, str, date] | None) -> None:
        """Start a blank plan with *values* (person, manager, date), or the example plan."""
        from lederplan.editing.workspace import Editing
        from lederplan.tui.screens.welcome import WelcomeScreen

        editing = Editing(self.store)
        session = editing.session
        if values is None:
            outcome = editing.apply(session.start_demo, current_language())
        else:
            outcome = editing.apply(session.start_blank, *values, current_language())
        if not outcome.ok:
            self.notify(outcome.message or "", severity="error", timeout=10)
            return
        self._session_ready(editing)
        if isinstance(self.screen, WelcomeScreen):
            self.pop_screen()

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mode":
            # A screen may be opened while the plan is still loading: it fills in when it is
            # there (the first run's welcome screen comes first, and an error has nothing).
            return self.session is not None or (self._has_plan and not self._startup_error)
        if action in ("export", "plan_details", "plans"):
            return self.session is not None
        return super().check_action(action, parameters)

    async def _save_open_editors(self) -> None:
        self.autosave()

    async def action_mode(self, mode: str) -> None:
        await self._save_open_editors()
        if self.current_mode != mode:
            await self.switch_mode(mode)

    def action_help(self) -> None:
        from lederplan.tui.screens.help import HelpScreen, help_rows

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_rows(self.screen, self)))

    def action_plan_details(self) -> None:
        from lederplan.tui.read_only import refuse_if_read_only
        from lederplan.tui.screens.plan_details import PlanDetailsScreen

        session = self.session
        if session is None or refuse_if_read_only(self):
            return
        plan = session.plan  # the dialog saves the heading itself, through self.editing
        self.push_screen(PlanDetailsScreen(plan.person, plan.manager, plan.date))

    async def action_plans(self) -> None:
        """The plan list: switch between periods, start a new one, unlock an older one."""
        from lederplan.tui.screens.plans import PlansScreen

        if self.editing is None or isinstance(self.screen, PlansScreen):
            return
        await self._save_open_editors()  # before the plan shown can change under them
        self.push_screen(PlansScreen(self.editing))

    @work(group="export")
    async def action_export(self) -> None:
        """Write the plan to a file in a format chosen in a dialog (see export_dialog.py)."""
        from lederplan.editing.exporting import plans_to_export
        from lederplan.editing.settings import export_folder, remember_export_folder
        from lederplan.tui.screens.export_dialog import ExportScreen, plan_text

        editing = self.editing
        if editing is None or isinstance(self.screen, ExportScreen):
            return
        await self._save_open_editors()  # what is being typed belongs in the file
        today = today_or_system()

        def render(fmt: str) -> str:
            return plan_text(plans_to_export(editing, fmt), today, fmt)

        folder = export_folder(self.store.dir)  # the last one used, while it is there
        written = await self.push_screen_wait(ExportScreen(render, today, folder=folder))
        if written is not None:
            remember_export_folder(self.store.dir, written)
            self.notify(t("export.done", path=written), timeout=8)

    async def action_toggle_language(self) -> None:
        await self._save_open_editors()
        new = "en" if current_language() == "nb" else "nb"
        problem = remember(self.store.dir, lang=new)
        if problem is not None:
            self.notify(problem, severity="error")
            return
        from lederplan.tui.resume import capture

        os.environ["LEDERPLAN_LANG"] = new  # the saved setting must win over the old choice
        self.resume_state = capture(self)  # the same screen and cursor, in the new language
        self.quit_when_saved(RESTART)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette", placeholder=t("palette.search")))

    def watch_theme(self, theme: str) -> None:
        if self._settings_loaded:
            # A theme not remembered is no reason to interrupt anyone.
            remember(self.store.dir, theme=theme)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of this screen and of the other three, and the theme (see
        :mod:`lederplan.tui.palette`)."""
        from lederplan.tui.palette import system_commands

        return system_commands(self, screen)

    # -- another session -------------------------------------------------------------------
