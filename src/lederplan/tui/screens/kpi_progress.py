"""One indicator's measurements: add, delete, a sparkline and the progress (issue 6).

The measurements added or deleted and the row being typed are kept as a draft
(``form/measure/<indicator id>``) until they are saved or the person leaves with Esc.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label, Sparkline

from lederplan.domain.dates import Toward, read_date
from lederplan.domain.models import Indicator, Measurement
from lederplan.domain.targets import ParsedTarget, Progress, numeric_target, progress
from lederplan.i18n import current_language, format_date, t
from lederplan.tui.form_drafts import DraftForm, State
from lederplan.tui.keys import localize
from lederplan.tui.widgets.text_fields import Input


def format_value(value: float) -> str:
    """A measured value as the UI language writes it (a decimal comma in nb)."""
    text = f"{value:g}"
    return text.replace(".", ",") if current_language() == "nb" else text


def parse_value(text: str) -> float | None:
    """A value typed with a decimal comma or point; None when it is not a finite number."""
    raw = text.strip().replace("−", "-").replace(" ", "").replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def describe_target(target: ParsedTarget | None) -> str:
    if target is None:
        return t("kpi.no_numeric")
    unit = f" {target.unit}" if target.unit else ""
    return t("kpi.numeric", target=f"{target.comparison.value} {format_value(target.value)}{unit}")


class KpiProgressScreen(DraftForm[Indicator | None]):
    """Enter adds a measurement, d deletes the highlighted one, ctrl+s saves, Esc cancels.

    The caller saves the indicator returned and calls :meth:`settle` with whether it was saved.
    """

    DEFAULT_CSS = """
    KpiProgressScreen .kpi-progress { height: 90%; }
    KpiProgressScreen .form-row { height: auto; margin-top: 1; }
    KpiProgressScreen .form-row Input { width: 1fr; margin-right: 1; }
    KpiProgressScreen #kpi-note { width: 2fr; }
    KpiProgressScreen DataTable { height: 1fr; min-height: 3; }
    KpiProgressScreen Sparkline { height: 3; margin: 1 0; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="kpi_progress.save"),
        Binding("escape", "cancel", "key.cancel", id="kpi_progress.cancel"),
        Binding("d,delete", "delete", "key.delete_measurement", id="kpi_progress.delete"),
    ]

    def __init__(
        self, indicator: Indicator, plan_date: date, period_end: date, today: date
    ) -> None:
        super().__init__()
        localize(self)
        self.indicator = indicator
        self.plan_date = plan_date
        self.period_end = period_end
        self.today = today
        self.measurements: list[Measurement] = sorted(indicator.measurements, key=lambda m: m.date)
        self.draft_key = f"form/measure/{indicator.id}"
        self.draft_label = t("form_draft.label.measure", kpi=indicator.kpi or t("kpi.empty"))

    def compose(self) -> ComposeResult:
        indicator = self.indicator
        with Vertical(classes="dialog kpi-progress"):
            yield Label(t("kpi.title"), classes="dialog-title")
            yield Label(t("kpi.type", kpi=indicator.kpi or t("kpi.empty")), id="kpi-type")
            yield Label(t("kpi.target", target=indicator.target or t("kpi.empty")), id="kpi-target")
            yield Label(describe_target(numeric_target(indicator)), id="kpi-numeric")
            yield Label("", id="kpi-status")
            yield Sparkline([], id="kpi-sparkline")
            table: DataTable[str] = DataTable(id="kpi-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(t("kpi.col.date"), t("kpi.col.value"), t("kpi.col.note"))
            yield table
            yield Label(t("kpi.none"), id="kpi-none")
            with Horizontal(classes="form-row"):
                yield Input(
                    f"{self.today:%d.%m.%Y}",
                    placeholder=t("kpi.date"),
                    id="kpi-date",
                    compact=True,
                )
                yield Input(placeholder=t("kpi.value"), id="kpi-value", compact=True)
                yield Input(placeholder=t("kpi.note"), id="kpi-note", compact=True)
            yield Label("", classes="form-error")
            yield Label(t("kpi.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self._show()
        self.query_one("#kpi-value", Input).focus()
        self.start_draft()

    def draft_state(self) -> State:
        fields = {name: self.query_one(f"#kpi-{name}", Input).value for name in _ROW}
        kept = [m.model_dump(mode="json") for m in self.measurements]
        return fields, {"measurements": kept}

    def put_draft(self, fields: dict[str, str], extra: dict[str, Any]) -> None:
        for name in _ROW:
            if name in fields:
                self.query_one(f"#kpi-{name}", Input).value = fields[name]
        try:
            kept = [Measurement.model_validate(m) for m in extra.get("measurements", [])]
        except (ValidationError, TypeError):
            return  # a damaged draft: the row typed is back, the measurements as saved
        self.measurements = sorted(kept, key=lambda m: m.date)
        self._show()

    # -- showing ---------------------------------------------------------------------------

    def current(self) -> Indicator:
        """The indicator with the measurements as they stand in the dialog."""
        return self.indicator.model_copy(update={"measurements": list(self.measurements)})

    def status(self) -> Progress:
        return progress(self.current(), self.today, self.plan_date, self.period_end)

    def _show(self, keep: int | None = None) -> None:
        table = self.query_one("#kpi-table", DataTable)
        row = table.cursor_row if keep is None else keep
        table.clear()
        for m in self.measurements:
            table.add_row(format_date(m.date), format_value(m.value), m.note)
        if self.measurements:
            table.move_cursor(row=max(0, min(row, len(self.measurements) - 1)))
        self.query_one("#kpi-none", Label).display = not self.measurements
        sparkline = self.query_one("#kpi-sparkline", Sparkline)
        sparkline.data = [m.value for m in self.measurements]
        sparkline.display = len(self.measurements) >= 2
        status = t(f"kpi.status.{self.status().value}")
        self.query_one("#kpi-status", Label).update(t("kpi.status", status=status))

    # -- editing ---------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.add_measurement()

    def add_measurement(self) -> bool:
        """Add what the input row says; False (said in a line, nothing lost) when it can't."""
        error = self.query_one(".form-error", Label)
        raw_date = self.query_one("#kpi-date", Input).value
        value_field = self.query_one("#kpi-value", Input)
        note_field = self.query_one("#kpi-note", Input)
        when = read_date(raw_date, self.today, toward=Toward.PAST)
        if when is None:
            error.update(t("form.bad_date", text=raw_date))
            return False
        if not value_field.value.strip():
            error.update(t("kpi.no_value"))
            return False
        value = parse_value(value_field.value)
        if value is None:
            error.update(t("kpi.bad_value", text=value_field.value))
            return False
        try:
            measurement = Measurement(date=when, value=value, note=note_field.value.strip())
        except ValidationError as problem:
            error.update(problem.errors()[0]["msg"])
            return False
        error.update("")
        # Newest last; a measurement on a day already measured goes after the ones of that day.
        index = sum(1 for m in self.measurements if m.date <= when)
        self.measurements.insert(index, measurement)
        value_field.value = ""
        note_field.value = ""
        self._show(keep=index)
        value_field.focus()
        return True

    def action_delete(self) -> None:
        table = self.query_one("#kpi-table", DataTable)
        if not self.measurements:
            return
        index = min(table.cursor_row, len(self.measurements) - 1)
        del self.measurements[index]
        self._show(keep=index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return bool(self.measurements)
        return True

    def action_save(self) -> None:
        try:
            updated = Indicator.model_validate(
                self.indicator.model_dump() | {"measurements": list(self.measurements)}
            )
        except ValidationError as problem:
            self.query_one(".form-error", Label).update(problem.errors()[0]["msg"])
            return
        self.submit_draft()
        self.dismiss(updated)

    def action_cancel(self) -> None:
        self.leave()


_ROW = ("date", "value", "note")
"""The input row's fields (``#kpi-date``, ...)."""
