"""The SMARTE panel: the six letters for the goal under the cursor, each passed or a hint.

It advises and never blocks: the checks are a pure function of the goal (domain/smarte.py). In
full it takes a line a letter; compact (a small terminal, or ``v``) it is one line of marks and
the first hint, so the checks are seen at 80×24 too.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from lederplan.domain.models import Goal
from lederplan.domain.smarte import LetterCheck, check_goal
from lederplan.i18n import t

PASS, HINT = "✓", "○"
"""Marks that do not rely on colour: they differ in shape."""
FULL_FROM_HEIGHT = 30
"""Terminal lines from which the panel starts in full (below, compact: one line)."""
_STYLE = {True: "bold green", False: "bold yellow"}


class SmartePanel(Static):
    """Six lines, S M A R T E, for one goal (or a line saying there is none); compact, one line
    of the six marks and the first hint."""

    compact: reactive[bool] = reactive(False, init=False)
    """One line of marks instead of a line a letter."""
    _shown: Text | None = None
    _goal: tuple[Goal | None, date, date] | None = None
    """What was last shown, to show again when the panel changes its form."""
    _chosen = False
    """Whether the form was chosen with ``v`` (then a resize leaves it as it is)."""

    def on_mount(self) -> None:
        self.border_title = t("smarte.panel_title")  # once: setting it always repaints

    def fit_height(self, lines: int) -> None:
        """Take the form that suits a terminal *lines* high, unless one was chosen."""
        if not self._chosen:
            self.compact = lines < FULL_FROM_HEIGHT

    @property
    def chosen(self) -> bool | None:
        """The form chosen with ``v`` (True: compact), or None while it follows the height."""
        return self.compact if self._chosen else None

    def choose(self, compact: bool) -> None:
        """Take a form chosen earlier (a place taken back after a change of language)."""
        self._chosen = True
        self.compact = compact

    def toggle(self) -> None:
        """Full to compact and back (``v``); kept whatever the terminal's size."""
        self._chosen = True
        self.compact = not self.compact

    def watch_compact(self, compact: bool) -> None:
        self.set_class(compact, "-compact")
        if self._goal is not None:
            self.show_goal(*self._goal)

    def show_goal(self, goal: Goal | None, plan_date: date, period_end: date) -> None:
        """Check *goal* and show the result (nothing is repainted when it did not change)."""
        self._goal = (goal, plan_date, period_end)
        if goal is None:
            self._show(Text(t("smarte.no_goal"), no_wrap=self.compact, overflow="ellipsis"))
            return
        checks = check_goal(goal, plan_date, period_end)
        self._show(self._line(checks) if self.compact else self._lines(checks))

    @staticmethod
    def _lines(checks: list[LetterCheck]) -> Text:
        text = Text()
        for check in checks:
            mark = PASS if check.passed else HINT
            name = t(f"smarte.{check.letter}").split(" (")[0]
            if text:
                text.append("\n")
            text.append(f"{check.letter} {mark} ", style=_STYLE[check.passed])
            text.append(f"{name}: ", style="bold")
            text.append(t(check.reason, **check.params))
        return text

    @staticmethod
    def _line(checks: list[LetterCheck]) -> Text:
        """``SMARTE  S✓ M✓ A○ R✓ T✓ E✓  A: the first hint``, cut to the width at its end."""
        text = Text("SMARTE ", style="bold", no_wrap=True, overflow="ellipsis")
        for check in checks:
            text.append(f" {check.letter}{PASS if check.passed else HINT}", _STYLE[check.passed])
        hint = next((check for check in checks if not check.passed), None)
        if hint is not None:
            text.append(f"  {hint.letter}: ", style="bold")
            text.append(t(hint.reason, **hint.params))
        return text

    def _show(self, text: Text) -> None:
        if text != self._shown:
            self._shown = text
            self.update(text)
