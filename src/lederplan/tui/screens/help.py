"""The help screen: every key of the screen below it, generated from the bindings themselves."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label

from lederplan.i18n import t
from lederplan.tui.keys import describe, localize


def key_rows(screen_bindings: dict[str, ActiveBinding], app: App[object]) -> list[tuple[str, str]]:
    """(keys, what they do) for every binding with a description, keys of one action together."""
    rows: dict[str, list[str]] = {}
    for key, active in screen_bindings.items():
        binding = active.binding
        if not binding.description or active.enabled is False:
            continue
        display = app.get_key_display(Binding(key, binding.action, binding.description))
        rows.setdefault(describe(binding), []).append(display)
    return [(" ".join(keys), description) for description, keys in rows.items()]


def help_rows(screen: Screen[object], app: App[object]) -> list[tuple[str, str]]:
    """The rows for *screen*: its keys now, then those of the editors it opens (a screen names
    their classes in ``HELP_ALSO``), which are not bound until one is open: "while writing"."""
    rows = key_rows(screen.active_bindings, app)
    seen = {description for _, description in rows}
    for widget_class in getattr(screen, "HELP_ALSO", ()):
        extra = {
            key.strip(): ActiveBinding(screen, binding, True)
            for binding in widget_class.BINDINGS
            if isinstance(binding, Binding)
            for key in binding.key.split(",")
        }
        rows += [
            (keys, t("help.while_writing", what=description))
            for keys, description in key_rows(extra, app)
            if description not in seen
        ]
    return rows


class HelpScreen(ModalScreen[None]):
    """A table of keys; Esc, ? or F1 closes it."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "key.close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        localize(self)
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(t("help.title"), classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns(t("help.keys"), t("help.action"))
            for keys, description in self.rows:
                table.add_row(keys, description)
            yield table
            yield Label(t("help.footer"), classes="dialog-hint")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()
