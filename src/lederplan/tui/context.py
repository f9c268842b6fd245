"""What every screen and widget reaches the plan through: the app's editing layer, typed.

The app class mixes :class:`EditingHost` in, so a screen asks ``editing_of(self)`` and gets an
:class:`~lederplan.editing.workspace.Editing` (or None while the plan is loading) without
importing the app (which imports the screens) and without looking attributes up by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from lederplan.editing.session import PlanSession
    from lederplan.editing.workspace import Editing, Outcome


class EditingHost:
    """The part of the app that holds the editing layer (the app overrides the methods)."""

    editing: Editing | None = None
    """The plan and every change to it, once loaded."""

    def autosave(self) -> None:
        """Save what every open editor holds, and say what could not go into its record."""

    def report_edits(self) -> None:
        """Say, once each, why an open editor's text is not in its record."""

    def say(self, outcome: Outcome, done: str | None = None) -> bool:
        """Show what became of a change; whether it was saved."""
        return outcome.ok


def host_of(node: DOMNode) -> EditingHost:
    """*node*'s app as the holder of the editing layer."""
    app = node.app
    assert isinstance(app, EditingHost), app
    return app


def editing_of(node: DOMNode) -> Editing | None:
    """The editing layer of *node*'s app, when a plan is loaded (None otherwise)."""
    app = node.app
    if not isinstance(app, EditingHost) or app.editing is None or not app.editing.loaded:
        return None
    return app.editing


def session_of(node: DOMNode) -> PlanSession | None:
    """The session (the plan shown, to read) of *node*'s app, when a plan is loaded."""
    editing = editing_of(node)
    return editing.session if editing is not None else None
