"""A top-level screen whose issue has not landed yet: it says so and pretends nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.plan_header import PlanHeader


class ComingScreen(Screen[None]):
    """A plain line saying the screen comes in a later version."""

    def __init__(self, title_key: str) -> None:
        super().__init__()
        localize(self)
        self.title_key = title_key

    def compose(self) -> ComposeResult:
        yield PlanHeader(classes="plan-header")
        yield Static(f"{t(self.title_key)}\n\n{t('app.coming')}", classes="coming")
        yield Footer()
