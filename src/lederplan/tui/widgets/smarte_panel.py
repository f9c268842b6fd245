"""The SMARTE panel: the six letters for the goal under the cursor, each passed or a hint.

It advises and never blocks: the checks are a pure function of the goal (domain/smarte.py).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from lederplan.domain.models import Goal
from lederplan.domain.smarte import check_goal
from lederplan.i18n import t

PASS, HINT = "✓", "○"
"""Marks that do not rely on colour."""


class SmartePanel(Static):
    """Six lines, S M A R T E, for one goal (or a line saying there is none)."""

    _shown: Text | None = None

    def on_mount(self) -> None:
        self.border_title = t("smarte.panel_title")  # once: setting it always repaints

    def show_goal(self, goal: Goal | None, plan_date: date, period_end: date) -> None:
        """Check *goal* and show the result (nothing is repainted when it did not change)."""
        if goal is None:
            self._show(Text(t("smarte.no_goal")))
            return
        text = Text()
        for check in check_goal(goal, plan_date, period_end):
            mark = PASS if check.passed else HINT
            style = "bold green" if check.passed else "bold yellow"
            name = t(f"smarte.{check.letter}").split(" (")[0]
            if text:
                text.append("\n")
            text.append(f"{check.letter} {mark} ", style=style)
            text.append(f"{name}: ", style="bold")
            text.append(t(check.reason, **check.params))
        self._show(text)

    def _show(self, text: Text) -> None:
        if text != self._shown:
            self._shown = text
            self.update(text)
