"""The drafts (``D``): what was typed and could not go into its record, offered back.

Each line says what it is, where it belongs and when it was typed, with the start of its text
below. Enter puts the draft back where it belongs (an answer into the same box of the plan shown,
a cell into its row while that row exists), ``c`` copies it to the clipboard (OSC 52: also over
SSH) to paste where it now belongs, ``d`` discards it after asking. Never silently either way.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from lederplan.editing.drafts import Draft
from lederplan.editing.workspace import Editing
from lederplan.i18n import format_date, t
from lederplan.tui.context import host_of
from lederplan.tui.keys import localize
from lederplan.tui.styles import stylesheet

PREVIEW = 160
"""Characters of a draft's text shown in the list."""


class DraftsScreen(ModalScreen[None]):
    """The drafts of the data file; see the module's docstring for the keys."""

    CSS_PATH = stylesheet("plans.tcss")
    BINDINGS = [
        Binding("enter", "put_back", "key.draft_put_back", id="drafts.put_back"),
        Binding("c", "copy", "key.draft_copy", id="drafts.copy"),
        Binding("d,delete", "discard", "key.draft_discard", id="drafts.discard"),
        Binding("escape,q", "close", "key.close", id="drafts.close"),
    ]

    def __init__(self, editing: Editing) -> None:
        super().__init__()
        localize(self)
        self.editing = editing
        self.drafts: list[Draft] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog plans drafts"):
            yield Label(t("drafts.title"), classes="dialog-title")
            yield OptionList(id="drafts-list")
            yield Label(t("drafts.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        listing = self.query_one(OptionList)
        at = listing.highlighted or 0
        self.drafts = self.editing.list_drafts()
        listing.clear_options()
        if not self.drafts:
            listing.add_option(Option(t("drafts.none"), disabled=True))
            return
        listing.add_options(Option(_line(draft)) for draft in self.drafts)
        listing.highlighted = min(at, len(self.drafts) - 1)

    def _chosen(self) -> Draft | None:
        at = self.query_one(OptionList).highlighted
        return self.drafts[at] if at is not None and at < len(self.drafts) else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        # Enter on a line: the list takes the key for itself and says which line it was.
        event.stop()
        self.action_put_back()

    def action_put_back(self) -> None:
        draft = self._chosen()
        if draft is None:
            return
        if host_of(self).say(self.editing.put_back(draft), t("drafts.put_back", label=draft.label)):
            self._fill()

    def action_copy(self) -> None:
        draft = self._chosen()
        if draft is not None:
            self.app.copy_to_clipboard(draft.text)
            self.notify(t("drafts.copied"), timeout=5)

    @work
    async def action_discard(self) -> None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        draft = self._chosen()
        if draft is None:
            return
        question = ConfirmScreen(t("drafts.discard", label=draft.label))
        if not await self.app.push_screen_wait(question):
            return
        if host_of(self).say(self.editing.discard(draft), t("drafts.discarded")):
            self._fill()

    def action_close(self) -> None:
        self.dismiss(None)


def _line(draft: Draft) -> Text:
    """The draft's label, reason and time on one line; the start of its text below."""
    try:
        when = datetime.fromisoformat(draft.saved_at)
        stamp = f"{format_date(when.date())} {when:%H:%M}"
    except ValueError:
        stamp = draft.saved_at
    reason = t(f"drafts.reason.{draft.reason}") if draft.reason else ""
    line = Text(draft.label or "·", style="bold")
    line.append(f" · {stamp}" + (f" · {reason}" if reason else ""))
    preview = " ".join(draft.text.split())
    if len(preview) > PREVIEW:
        preview = preview[: PREVIEW - 1] + "…"
    line.append(f"\n  {preview or '·'}")
    return line
