"""Shown instead of the plan when the data file cannot be used: what is wrong, what to do."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from lederplan.tui.keys import localize
from lederplan.tui.widgets.fitting_footer import FittingFooter


class ErrorScreen(Screen[None]):
    """A store error, in words; ctrl+q quits."""

    def __init__(self, message: str) -> None:
        super().__init__()
        localize(self)
        self.message = message

    def compose(self) -> ComposeResult:
        yield Static(self.message, classes="error-message", markup=False)
        yield FittingFooter()
