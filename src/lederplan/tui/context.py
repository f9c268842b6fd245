"""What every screen and widget reaches the plan through: the app's editing layer, typed.

The app class mixes :class:`EditingHost` in, so a screen asks ``editing_of(self)`` and gets an
:class:`~lederplan.editing.workspace.Editing` (or None while the plan is loading) without
importing the app (which imports the screens) and without looking attributes up by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from datetime import date

    from textual.dom import DOMNode

    from lederplan.editing.session import PlanSession
    from lederplan.editing.workspace import Editing, Outcome


class FormDraft(Protocol):
    """An open form whose fields are kept as a draft (see :mod:`lederplan.tui.form_drafts`)."""

    def keep_draft(self) -> None:
        """Keep the fields as the form's draft, if they changed since last kept."""


class EditingHost:
    """The part of the app that holds the editing layer (the app overrides the methods)."""

    editing: Editing | None = None
    """The plan and every change to it, once loaded."""

    @property
    def open_forms(self) -> list[FormDraft]:
        """The forms open now: the app's autosave keeps their fields (a hang-up leaves no time
        for a form's own timer or its unmount)."""
        forms: list[FormDraft] | None = self.__dict__.get("_open_forms")
        if forms is None:
            forms = self.__dict__["_open_forms"] = []
        return forms

    def keep_forms(self) -> None:
        """Keep every open form's fields as its draft (called by the app's autosave)."""
        for form in list(self.open_forms):
            form.keep_draft()

    def autosave(self) -> None:
        """Save what every open editor holds, and say what could not go into its record."""

    def report_edits(self) -> None:
        """Say, once each, why an open editor's text is not in its record."""

    def say(self, outcome: Outcome, done: str | None = None) -> bool:
        """Show what became of a change; whether it was saved."""
        return outcome.ok

    def start_plan(self, values: tuple[str, str, date] | None) -> None:
        """Start a blank plan with *values* (person, manager, date), or the example plan (the
        first run's welcome screen)."""


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
