"""Insight (``i`` on the feedback panel): self versus others per area, and the four stages.

Averages of peers and staff show only from three ratings up (anonymity); the verdict says where
the leader may have a blind spot or a hidden strength; ``s`` sets the area's stage of competence
to the one the feedback suggests.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from lederplan.domain.insight import AreaInsight, SourceAverage, insight, stage_quadrant
from lederplan.domain.models import Plan, Source, Stage
from lederplan.i18n import current_language, t
from lederplan.tui.keys import localize

QUADRANTS = (
    (Stage.UNCONSCIOUSLY_INCOMPETENT, Stage.CONSCIOUSLY_INCOMPETENT),
    (Stage.UNCONSCIOUSLY_COMPETENT, Stage.CONSCIOUSLY_COMPETENT),
)
"""The 2×2 of the four stages of competence, as the course draws it."""


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if current_language() == "nb" else shown


class InsightScreen(ModalScreen[tuple[str, Stage] | None]):
    """The insight table and the 2×2 map; returns (area id, stage) when s was pressed."""

    BINDINGS = [
        Binding("s", "set_stage", "key.set_stage", id="insight.stage"),
        Binding("escape,i,q", "close", "key.close", id="insight.close"),
    ]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        localize(self)
        self.plan = plan
        self.rows = [row for row in insight(plan) if row.area_id is not None]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog insight"):
            yield Label(t("insight.title"), classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns(
                t("malkort.areas"),
                t("source.self"),
                t("source.manager"),
                t("source.peers"),
                t("source.staff"),
                t("insight.others"),
                t("insight.gap"),
                t("insight.verdict"),
            )
            titles = {area.id: area.title or "·" for area in self.plan.areas}
            for row in self.rows:
                table.add_row(
                    titles.get(row.area_id or "", "·"),
                    _number(row.self_rating),
                    *(
                        self._source(row.by_source[s])
                        for s in (Source.MANAGER, Source.PEERS, Source.STAFF)
                    ),
                    _number(row.others),
                    _number(row.gap),
                    t(f"insight.verdict.{row.verdict.value}"),
                )
            yield table
            yield Static(self._quadrants(), classes="quadrants")
            yield Label(t("insight.hint"), classes="dialog-hint")

    @staticmethod
    def _source(average: SourceAverage) -> str:
        if average.hidden:
            return t("insight.too_few", count=average.count)
        return _number(average.average)

    def _quadrants(self) -> Table:
        """The 2×2: each area in the quadrant its feedback suggests (its own stage in brackets)."""
        suggested: dict[Stage, list[str]] = {stage: [] for stage in Stage}
        titles = {area.id: area for area in self.plan.areas}
        for row in self.rows:
            stage = stage_quadrant(row)
            area = titles.get(row.area_id or "")
            if stage is not None and area is not None:
                own = f" [{t(f'stage.{area.stage.value}')}]" if area.stage else ""
                suggested[stage].append(f"{area.title}{own}")
        grid = Table(show_header=False, show_lines=True, expand=True, box=box.SQUARE)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        for left, right in QUADRANTS:
            cells = []
            for stage in (left, right):
                cell = Text(f"{t(f'stage.{stage.value}')}\n", style="bold")
                cell.append(f"{t(f'stage.{stage.value}.meaning')}\n", style="dim")
                cell.append(", ".join(suggested[stage]) or "·")
                cells.append(cell)
            grid.add_row(*cells)
        return grid

    def _selected(self) -> AreaInsight | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def action_set_stage(self) -> None:
        row = self._selected()
        stage = stage_quadrant(row) if row else None
        if row is None or stage is None or row.area_id is None:
            self.notify(t("insight.no_suggestion"), severity="warning")
            return
        self.dismiss((row.area_id, stage))

    def action_close(self) -> None:
        self.dismiss(None)
