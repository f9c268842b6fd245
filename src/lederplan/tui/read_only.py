"""Say no before an editor opens on a read-only plan period, instead of after typing into it.

The session's repository refuses every change to a read-only period anyway (see
:mod:`lederplan.store.guarded`); this only spares the user typing what cannot be saved.
"""

from __future__ import annotations

from textual.dom import DOMNode

from lederplan.tui.context import editing_of


def refuse_if_read_only(node: DOMNode) -> bool:
    """Whether the plan shown cannot be changed; if so, the reason is shown as a notice."""
    editing = editing_of(node)
    refusal = editing.refusal() if editing is not None else None
    if refusal is not None:
        node.app.notify(refusal, severity="warning", timeout=8)
        return True
    return False
