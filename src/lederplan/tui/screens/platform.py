"""Min lederplattform: the nine questions as a 3×3 grid, read in order 1–9."""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from lederplan.i18n import t
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
    ]

    def box_specs(self) -> list[tuple[str, str, str, str]]:
        return [("platform", str(n), f"{n}. ", t(f"platform.q{n}")) for n in range(1, 10)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "feed":
            if self.current.key not in FEEDS:
                return False  # hidden: this box feeds nothing
            return super().check_action("edit", ())
        return super().check_action(action, parameters)

    def current_moved(self, old: AnswerBox, new: AnswerBox) -> None:
        if (old.key in FEEDS) != (new.key in FEEDS):
            self.refresh_bindings()  # the feed key comes and goes with the box

    def action_reflection(self) -> None:
        from lederplan.tui.screens.reflection import ReflectionScreen

        self.app.push_screen(ReflectionScreen())

    @work
    async def action_feed(self) -> None:
        from lederplan.tui.screens.feed_lines import FeedLinesScreen

        box = self.current
        if box.key not in FEEDS:
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
        try:
            self._feed(box.key, target, picked)
        except Exception as error:  # a store error or a text too long: say it, lose nothing
            from lederplan.messages import describe
            from lederplan.store.errors import StoreError

            message = describe(error) if isinstance(error, StoreError) else str(error)
            self.notify(message, severity="error", timeout=10)
            return
        self.app.plan_generation += 1
        self.notify(t(f"feed.done.{FEEDS[box.key]}", count=len(picked)), timeout=5)

    def _feed(self, key: str, target: str | None, lines: list[str]) -> None:
        session = self._session()
        kind = FEEDS[key]
        if kind == "areas":
            session.add_areas(lines, t("feed.origin", number=key))
        elif kind == "goals":
            session.add_goals(target, lines, t("feed.new_area.goals"))
        else:
            session.add_actions(target, lines, t("feed.new_area.support"))
