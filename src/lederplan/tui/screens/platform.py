"""Min lederplattform: the nine questions as a 3×3 grid, read in order 1–9."""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from lederplan.i18n import t
from lederplan.tui.context import editing_of, host_of
from lederplan.tui.read_only import refuse_if_read_only
from lederplan.tui.screens.answers import AnswerGridScreen
from lederplan.tui.widgets.answer_box import AnswerBox

FEEDS = {"4": "areas", "5": "areas", "7": "actions", "8": "goals"}
"""Which boxes feed the målkort, and with what: strengths and development areas give areas,
who can support me gives support actions, what I want to achieve gives goals."""


class PlatformScreen(AnswerGridScreen):
    """The nine boxes of the leadership platform."""

    BINDINGS = [
        Binding("a", "feed", "key.feed", id="platform.feed"),
        Binding("r", "reflection", "key.reflection", id="platform.reflection"),
        # The history key is in the footer only on a box with earlier versions (an 80-column
        # footer has no room to spare); on the others the same key says there are none yet.
        Binding("v", "history(True)", "key.history", id="platform.history"),
        Binding("v", "history(False)", "key.history", show=False, id="platform.history_none"),
    ]

    def box_specs(self) -> list[tuple[str, str, str, str]]:
        return [("platform", str(n), f"{n}. ", t(f"platform.q{n}")) for n in range(1, 10)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "feed":
            if self.current.key not in FEEDS:
                return False  # hidden: this box feeds nothing
            return super().check_action("edit", ())
        if action == "history":  # reading only: also in a read-only period
            session = self._session()
            if session is None or session.snapshot is None:
                return False
            return parameters == (self._has_history(self.current),)
        return super().check_action(action, parameters)

    def current_moved(self, old: AnswerBox, new: AnswerBox) -> None:
        if (old.key in FEEDS) != (new.key in FEEDS):
            self.refresh_bindings()  # the feed key comes and goes with the box
        elif self._has_history(old) != self._has_history(new):
            self.refresh_bindings()  # and so does the history key

    def _has_history(self, box: AnswerBox) -> bool:
        session = self._session()
        if session is None or session.snapshot is None:
            return False
        return any(version.box == int(box.key) for version in session.plan.history)

    async def action_history(self, has_versions: bool) -> None:
        """Show the earlier versions of the answer under the cursor (or that it has none)."""
        from lederplan.tui.screens.history import HistoryScreen

        await self.save_open_editors()  # what is being typed is the current version
        box = self.current
        session = self._session()
        if session is None or session.snapshot is None:
            return
        await self.app.push_screen(HistoryScreen(session.plan, int(box.key), box.question))

    def action_reflection(self) -> None:
        from lederplan.tui.screens.reflection import ReflectionScreen

        self.app.push_screen(ReflectionScreen())

    @work
    async def action_feed(self) -> None:
        from lederplan.tui.screens.feed_lines import FeedLinesScreen

        box = self.current
        if box.key not in FEEDS or refuse_if_read_only(self):
            return
        await self.save_open_editors()
        lines = [line.strip(" -•*\t") for line in box.current_text().splitlines()]
        session = self._session()
        chosen = await self.app.push_screen_wait(
            FeedLinesScreen(FEEDS[box.key], [line for line in lines if line], session.plan)
        )
        if not chosen:
            return
        target, picked = chosen
        editing = editing_of(self)
        assert editing is not None
        if host_of(self).say(editing.apply(self._feed, box.key, target, picked)):
            self.notify(t(f"feed.done.{FEEDS[box.key]}", count=len(picked)), timeout=5)

    def _feed(self, key: str, target: str | None, lines: list[str]) -> None:
        session = self._session()
        assert session is not None
        kind = FEEDS[key]
        if kind == "areas":
            session.add_areas(lines, t("feed.origin", number=key))
        elif kind == "goals":
            session.add_goals(target, lines, t("feed.new_area.goals"))
        else:
            session.add_actions(target, lines, t("feed.new_area.support"))
