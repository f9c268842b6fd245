"""Textual's Input and TextArea, with their own keys applied in the order they were typed.

A terminal hands the app what it has read at once: over a slow SSH link, from tmux's send-keys
or from a fast typist, one read holds several keys. Textual types a field's letters as soon as
the field has them, but runs the field's own keys (Backspace, ctrl+u, the arrows, Home, …) as
bindings only when the key has gone up through every parent to the app, and by then the field
has typed the letters queued behind it: "abd", Backspace, "c" in one read came out "abdc", and
ctrl+u "2026-03-15" came out "026-03-15". Here a field runs its own bindings itself, when the
key's turn comes, before it would type it (and the key goes no further). The bindings of the
field's parents still run as Textual runs them; priority bindings the app ran before the field
had the key.

Every field of the app is one of these (a test walks the sources); the field's bindings are read
from ``DOMNode._bindings``, Textual's own map of them, guarded in ``test_textual_private``.

A widget that holds the focus between fields (the målkort's table) has the same trouble with the
screen's keys: Enter or `a` opens an editor only once the key has gone up to the app, and the
letters behind it were commands meanwhile. :func:`commands_in_order` runs the bindings when the
key reaches the widget (with ``App._check_bindings``, guarded there too) and hands the keys on
to the editor that was opened until it has the focus.
"""

from __future__ import annotations

from textual import events
from textual import widgets as textual_widgets
from textual.widget import Widget


class KeysInOrder:
    """A field that runs its own bindings in the order its keys were typed."""

    async def on_key(self, event: events.Key) -> None:
        # Called before the field's own key handler (this class comes first in its MRO).
        node = self  # a Widget: the mixin is only used with Input and TextArea below
        for binding in node._bindings.key_to_bindings.get(event.key, ()):  # type: ignore[attr-defined]
            if binding.priority:
                continue  # the app has run it before the key came here
            if await node.app.run_action(binding.action, node):  # type: ignore[attr-defined]
                event.stop()
                event.prevent_default()
                return


class Input(KeysInOrder, textual_widgets.Input):
    """Textual's Input, its keys applied in the order typed."""


class TextArea(KeysInOrder, textual_widgets.TextArea):
    """Textual's TextArea, its keys applied in the order typed."""


async def commands_in_order(widget: Widget, event: events.Key, typing_into: Widget | None) -> None:
    """For a focused widget's on_key: a key goes to *typing_into* (an editor opened for it that
    does not have the focus yet), in the order typed, or runs its binding now, along the focus
    chain as it is (the key goes no further then)."""
    if typing_into is not None and not typing_into.has_focus:
        event.stop()
        event.prevent_default()
        typing_into._forward_event(events.Key(event.key, event.character))  # as the app does
    elif await widget.app._check_bindings(event.key):
        event.stop()
        event.prevent_default()
