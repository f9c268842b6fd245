"""Key descriptions in the UI language.

Bindings are declared with a catalogue key as their description (``Binding("z", "zoom",
"key.zoom")``) and translated per instance by :func:`localize` when the node is created, so the
language is the one chosen at that moment and not the one current when the module was imported.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from lederplan.i18n import t
from lederplan.i18n.catalogue import CATALOGUE

_TEXTUAL = {
    "Focus Next": "key.focus_next",
    "Focus Previous": "key.focus_previous",
    "Copy selected text": "key.copy",
    "Quit": "app.quit",
    "palette": "key.palette",
}
"""Textual's built-in binding descriptions (English) and their catalogue keys."""


def describe(binding: Binding) -> str:
    """The binding's description in the UI language."""
    key = _TEXTUAL.get(binding.description, binding.description)
    return t(key) if key in CATALOGUE else binding.description


def localize(node: DOMNode) -> None:
    """Translate the descriptions of *node*'s bindings (call it in the node's ``__init__``).

    The one place that touches Textual's private ``_bindings``: each node holds its own copy of
    its class's bindings there (``tests/tui/test_textual_private.py`` fails if Textual changes it).
    """
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=describe(b)) if b.description else b for b in bindings]
