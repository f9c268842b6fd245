"""The editor laid over a målkort cell, with a spreadsheet's keys: Tab / shift+Tab save and go on
to the next / previous cell, Enter saves and goes down, ctrl+s saves and stays, Esc cancels;
ctrl+z undoes typing inside it. It says at once when its text is longer than its field holds."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from lederplan.i18n import format_count, t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.wrapping_text_area import WrappingTextArea


class CellEditor(WrappingTextArea):
    """A soft-wrapping TextArea that grows with its text, up to its ``max_height``."""

    # Run by the editor itself (text_fields.KeysInOrder) when their turn comes among the keys
    # typed, before the TextArea would type a new line and before the screen would move the focus.
    BINDINGS = [
        Binding("tab", "done('next')", "key.cell_next", id="cell.next"),
        Binding(
            "shift+tab",
            "done('previous')",
            "key.cell_previous",
            show=False,
            id="cell.previous",
        ),
        Binding("enter", "done('down')", "key.cell_down_save", id="cell.down"),
        Binding("ctrl+s", "done('stay')", "key.cell_save", show=False, id="cell.save"),
        Binding("escape", "done('cancel')", "key.cell_cancel", id="cell.cancel"),
    ]

    @dataclass
    class Done(Message):
        """Editing ended: *text* is None when cancelled; *then* is where the cursor goes:
        ``stay``, ``down``, ``next`` or ``previous`` (``cancel`` when cancelled). Whoever
        handles it calls :meth:`CellEditor.hand_on` with where the keys typed after it go."""

        editor: CellEditor
        text: str | None
        then: str = "stay"

        @property
        def control(self) -> CellEditor:
            return self.editor

    def __init__(
        self, text: str, *, min_height: int, max_height: int, limit: int | None = None
    ) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, compact=True)
        localize(self)
        self.cursor_blink = False  # no bytes every second over SSH
        self.min_height = min_height
        self.max_height = max_height
        self.limit = limit
        """The most characters the cell's field holds (None: no limit)."""
        self.closed = False
        """Done with, and being removed (a Tab opens the next cell's editor before it is gone)."""
        self._pasted: int | None = None
        self._ending = False
        """Done was posted: the keys typed after it wait for the screen to say where they go."""
        self._held: list[events.Key] = []
        self._hand_to: Widget | None = None
        self._relayed: dict[int, events.Key] = {}
        """The keys this editor posted to itself (by id, held until they come): typed as usual."""
        self.focused_once = False
        """It has had the focus: keys that reach the table from then on are the table's."""

    def on_focus(self) -> None:
        self.focused_once = True

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)
        self._show_limit()
        self.fit()

    def action_done(self, then: str) -> None:
        """End the edit: save and go *then* (``stay``, ``down``, ``next``, ``previous``), or
        ``cancel``."""
        cancelled = then == "cancel"
        self._ending, self._hand_to = True, None
        self.post_message(self.Done(self, None if cancelled else self.text, then))

    async def on_key(self, event: events.Key) -> None:
        """After Tab, Enter, ctrl+s or Esc the keys of the same burst are already in this
        editor's queue (the app gave them to the field that had the focus when they came): they
        wait until the screen has handled the Done and then go, in the order typed, where the
        leader meant them: the next cell's editor, the table (as commands), or this editor
        again when it stays open (a save that failed)."""
        relayed = self._relayed.pop(id(event), None) is not None
        if not self._ending:
            return  # typed here as usual (text_fields.KeysInOrder, then TextArea)
        if relayed and self._hand_to is self:  # its turn came, behind the keys before it
            if not self._relayed:
                self._ending, self._hand_to = False, None  # every key held has come back
            return
        event.stop()
        event.prevent_default()
        key = events.Key(event.key, event.character)
        if self._hand_to is None:
            self._held.append(key)
        else:
            self._pass(key)

    def hand_on(self, target: Widget) -> None:
        """The screen has handled the Done: the keys typed after it go to *target* (another
        cell's editor, the table, or this editor when it stays open), those held first."""
        self._hand_to = target
        held, self._held = self._held, []
        for key in held:
            self._pass(key)

    def _pass(self, key: events.Key) -> None:
        target = self._hand_to
        assert target is not None
        if target is self:
            self._relayed[id(key)] = key  # behind the keys queued before it: order kept
        # Forwarded, as the app hands keys on: one that nothing there binds bubbles up and
        # ends, and is not taken by the app as new typing and sent on again.
        target._forward_event(key)

    def on_paste(self, event: events.Paste) -> None:
        # Called before TextArea inserts it: the length is checked once it is in (Changed).
        self._pasted = len(event.text)

    def on_text_area_changed(self) -> None:
        self._show_limit()
        self.fit()

    def _show_limit(self) -> None:
        """Mark the editor while its text is over the limit, and say so when it goes over."""
        pasted, self._pasted = self._pasted, None
        over = self.limit is not None and len(self.text) > self.limit
        if over and (pasted is not None or not self.has_class("-too-long")):
            limit, count = format_count(self.limit or 0), format_count(len(self.text))
            if pasted is not None:
                message = t("cell.too_long_pasted", limit=limit, count=format_count(pasted))
            else:
                message = t("cell.too_long_typed", limit=limit, count=count)
            self.notify(message, severity="warning", timeout=10)
        self.set_class(over, "-too-long")
        self.border_subtitle = (
            t("cell.count", limit=format_count(self.limit or 0), count=format_count(len(self.text)))
            if over
            else ""
        )

    def fit(self) -> None:
        wrapped = self.wrapped_document.height if self.size.width else 1
        border = 1 if self.has_class("-too-long") else 0  # the line that says the limit
        self.styles.height = max(self.min_height, min(self.max_height, wrapped + 1 + border))
