"""The footer of every screen: the keys that fit the width, whole, the most important first.

Textual's Footer lays every key out in a row that scrolls sideways, so at 80 columns the last one
was cut ("c GR▏") and the ones after it never seen. This one shows as many key+label pairs as
fit, in the screen's order (its bindings are listed most important first), always with the help
key, which lists the rest, and the command palette's key on the right.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"
"""The action of the key that lists every key of the screen (``?`` / F1): always shown."""


def key_width(key: FooterKey, compact: bool = False) -> int:
    """The cells *key* takes in a footer (*compact* or not), as Textual's CSS lays it out: one
    cell of padding each side of the key and one after the description; compact, one between
    them. The palette's key is always compact (it is not bound to the footer's look), docked
    right with a cell of padding and a border. A test checks this against Textual."""
    palette = key.has_class("-command-palette")
    width = cell_len(key.key_display)
    if compact or palette:
        width += cell_len(key.description) + 1 if key.description else 0
    else:
        width += 2 + (cell_len(key.description) + 1 if key.description else 0)
    if palette:
        width += 2
    elif compact:
        width += 1  # its right margin
    return width


def fitting(keys: list[FooterKey], width: int, compact: bool = False) -> set[int]:
    """Which of *keys* (by index) fit in *width* cells: the palette's and the help key first,
    then the others in their order as long as the next one fits whole."""
    must = [
        i
        for i, key in enumerate(keys)
        if key.has_class("-command-palette") or key.action == HELP_ACTION
    ]
    room = width - sum(key_width(keys[i], compact) for i in must)
    shown = set(must)
    for i, key in enumerate(keys):
        if i in shown:
            continue
        room -= key_width(key, compact)
        if room < 0:
            break
        shown.add(i)
    return shown


class FittingFooter(Footer):
    """A Footer that never cuts a key: those that do not fit are left to the help (``?``)."""

    _fitted_to = 0
    """The width the keys were last chosen for."""

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self._fitted_to = width
        widgets: list[Widget] = list(super().compose())
        keys = [widget for widget in widgets if isinstance(widget, FooterKey)]
        shown = {id(keys[i]) for i in fitting(keys, width, self.compact)}
        for widget in widgets:
            if not isinstance(widget, FooterKey) or id(widget) in shown:
                yield widget

    async def on_resize(self) -> None:
        if self.size.width != self._fitted_to:
            await self.recompose()
