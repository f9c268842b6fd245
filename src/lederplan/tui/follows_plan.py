"""Screens that redraw after each change of the plan, only while they are shown.

Every change (an autosave of a platform answer every two seconds while one is typed) moves the
app's ``plan_generation`` on. A screen that sorted 10,000 feedback entries or laid out the målkort
at each of those while it was hidden, behind the platform, made typing stall; such a screen now
redraws once, when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen


class FollowsPlan(Screen[None]):
    """A screen whose :meth:`follow_plan` callback runs after each change while it is shown
    (current, or under a dialog), and once when it is shown again after changes."""

    _plan_redraw: Callable[[int], None] | None = None
    _plan_stale = False

    def follow_plan(self, redraw: Callable[[int], None]) -> None:
        """Call *redraw* (with the plan's generation) after each change of the plan."""
        self._plan_redraw = redraw
        self.watch(self.app, "plan_generation", self._plan_moved_on)

    def _plan_moved_on(self, generation: int) -> None:
        if self._plan_redraw is None:
            return
        if self.is_current:
            self._plan_stale = False
            self._plan_redraw(generation)
        else:
            self._plan_stale = True

    def on_screen_resume(self) -> None:
        if self._plan_stale and self._plan_redraw is not None:
            self._plan_stale = False
            self._plan_redraw(getattr(self.app, "plan_generation", 0))
