"""The editor laid over a målkort cell: Enter or ctrl+s commits, Tab commits and moves on,
Esc cancels (a spreadsheet's habit); ctrl+z undoes typing inside it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import TextArea


class CellEditor(TextArea):
    """A soft-wrapping TextArea that grows with its text."""

    @dataclass
    class Done(Message):
        """Editing ended: *text* is None when cancelled; *then* is ``stay`` or ``next``."""

        editor: CellEditor
        text: str | None
        then: str = "stay"

        @property
        def control(self) -> CellEditor:
            return self.editor

    def __init__(self, text: str, *, min_height: int, max_height: int) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, compact=True)
        self.cursor_blink = False  # no bytes every second over SSH
        self.min_height = min_height
        self.max_height = max_height

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)
        self.fit()

    async def _on_key(self, event: events.Key) -> None:
        ends = {"enter": "stay", "ctrl+s": "stay", "tab": "next", "escape": None}
        if event.key in ends:
            event.stop()
            event.prevent_default()
            then = ends[event.key]
            self.post_message(self.Done(self, None if then is None else self.text, then or "stay"))
            return
        await super()._on_key(event)

    def on_text_area_changed(self) -> None:
        self.fit()

    def fit(self) -> None:
        wrapped = self.wrapped_document.height if self.size.width else 1
        self.styles.height = max(self.min_height, min(self.max_height, wrapped + 1))
