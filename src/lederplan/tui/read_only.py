"""Say no before an editor opens on a read-only plan period, instead of after typing into it.

The session's repository refuses every change to a read-only period anyway (see
:mod:`lederplan.store.guarded`); this only spares the user typing what cannot be saved.
"""

from __future__ import annotations

from textual.dom import DOMNode

from lederplan.editing.messages import describe
from lederplan.store.errors import PeriodReadOnlyError


def refuse_if_read_only(node: DOMNode) -> bool:
    """Whether the plan shown is read-only; if so, the reason is shown as a notice."""
    session = getattr(node.app, "session", None)
    if session is None or session.snapshot is None:
        return False
    try:
        session.check_writable()
    except PeriodReadOnlyError as error:
        node.app.notify(describe(error), severity="warning", timeout=8)
        return True
    return False
