"""Where a development area came from and the leader's stage of competence in it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select

from lederplan.domain.models import Area, Stage
from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.text_fields import Input

NO_STAGE = "none"


class AreaDetailsScreen(ModalScreen[tuple[str, Stage | None] | None]):
    """Origin (e.g. "fra lederevalueringen") and stage; ctrl+s saves, Esc cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="area.save"),
        Binding("escape", "cancel", "key.cancel", id="area.cancel"),
    ]

    def __init__(self, area: Area) -> None:
        super().__init__()
        localize(self)
        self.area = area

    def compose(self) -> ComposeResult:
        stages = [(t("stage.none"), NO_STAGE)] + [
            (f"{t(f'stage.{s.value}')} — {t(f'stage.{s.value}.meaning')}", s.value) for s in Stage
        ]
        with Vertical(classes="dialog area-details"):
            yield Label(t("area.title", title=self.area.title or "·"), classes="dialog-title")
            yield Label(t("area.origin"))
            yield Input(self.area.origin, id="area-origin", max_length=500, compact=True)
            yield Label(t("area.stage"))
            yield Select(
                stages,
                value=self.area.stage.value if self.area.stage else NO_STAGE,
                allow_blank=False,
                id="area-stage",
            )
            yield Label(t("area.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        origin = self.query_one(Input)
        origin.cursor_blink = False
        origin.focus()

    @on(Input.Submitted)
    def _next(self) -> None:
        self.query_one(Select).focus()

    def action_save(self) -> None:
        origin = self.query_one(Input).value.strip()
        value = self.query_one(Select).value
        self.dismiss((origin, None if value == NO_STAGE else Stage(str(value))))

    def action_cancel(self) -> None:
        self.dismiss(None)
