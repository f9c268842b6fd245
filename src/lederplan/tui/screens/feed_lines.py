"""The platform feeds the plan: pick lines of a box to become areas, goals or support actions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select, SelectionList

from lederplan.domain.models import Plan
from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.marked_selection_list import MarkedSelectionList

NEW = "__new__"


class FeedLinesScreen(ModalScreen[tuple[str | None, list[str]] | None]):
    """Space ticks a line, ``a`` or ctrl+s adds the ticked ones to the målkort, Esc cancels.

    Returns ``(target id or None for a new area, lines)``.
    """

    BINDINGS = [
        Binding("ctrl+s,a", "add", "feed.add", id="feed.add"),
        Binding("escape", "cancel", "key.cancel", id="feed.cancel"),
    ]

    def __init__(self, kind: str, lines: list[str], plan: Plan) -> None:
        super().__init__()
        localize(self)
        self.kind = kind
        """``areas``, ``goals`` or ``actions``."""
        self.lines = lines
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog feed"):
            yield Label(t(f"feed.title.{self.kind}"), classes="dialog-title")
            if not self.lines:
                yield Label(t("feed.no_lines"), classes="dialog-text")
            else:
                yield MarkedSelectionList[int](
                    *((line, i, True) for i, line in enumerate(self.lines))
                )
            if self.kind != "areas":
                yield Label(t(f"feed.target.{self.kind}"))
                yield Select(self._targets(), value=NEW, allow_blank=False, compact=True)
            yield Label(t("feed.hint"), classes="dialog-hint")

    def _targets(self) -> list[tuple[str, str]]:
        new = (t(f"feed.new_target.{self.kind}"), NEW)
        if self.kind == "goals":
            return [new, *((area.title or "·", area.id) for area in self.plan.areas)]
        goals = [
            (f"{area.title or '·'} › {goal.statement or '·'}"[:70], goal.id)
            for area in self.plan.areas
            for goal in area.goals
        ]
        return [new, *goals]

    def action_add(self) -> None:
        lists = self.query(SelectionList)
        picked = [self.lines[i] for i in lists.first().selected] if lists else []
        if not picked:
            self.dismiss(None)
            return
        target = None
        if self.kind != "areas":
            value = self.query_one(Select).value
            target = None if value == NEW else str(value)
        self.dismiss((target, picked))

    def action_cancel(self) -> None:
        self.dismiss(None)
