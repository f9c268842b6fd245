"""Where the leader was, kept across a change of language.

``L`` starts the app again so that every string, key and screen is built in the new language.
Before it goes, :func:`capture` notes the screen, the cursor on it (a screen says its own with
``keep_place`` and takes it back with ``take_place``), the reflection questions when they are
open over the platform (with their cursor), and the period shown with the periods unlocked; the
command line hands that to the new process in :data:`ENV_RESUME`, and :func:`restore` puts it
all back once the plan is loaded. What was being typed went into its record (or the drafts)
before the app went, as at every quit, and a box that was being written in is opened again with
the cursor where it was. Dialogs take L as text or not at all; the palette's language command
over one leaves the dialog (its typing kept as a draft, as at every quit) and comes back to the
screen under it.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

if TYPE_CHECKING:
    from lederplan.tui.app import LederplanApp

ENV_RESUME = "LEDERPLAN_RESUME"
"""The environment variable that carries the place into the process started anew."""
MODES = ("platform", "malkort", "timeline", "feedback")
Place = dict[str, Any]


def _overlay_name(screen: Screen[Any]) -> str | None:
    """The name of a screen over a top-level one that is opened again: the reflection questions
    (the other screens over them are dialogs, where L is not a key but text or nothing)."""
    from lederplan.tui.screens.reflection import ReflectionScreen

    return "reflection" if isinstance(screen, ReflectionScreen) else None


def _place_of(screen: Screen[Any]) -> Place:
    keep = getattr(screen, "keep_place", None)
    return keep() if callable(keep) else {}


def capture(app: LederplanApp) -> Place:
    """The place to come back to: the screen, its cursor, what is open over it, the period."""
    stack = app.screen_stack
    mode = app.current_mode if app.current_mode in MODES else "platform"
    place: Place = {"mode": mode, "place": _place_of(stack[0]) if stack else {}, "over": []}
    for screen in stack[1:]:
        name = _overlay_name(screen)
        if name is None:
            break  # a dialog: not opened again, and nothing above it either
        place["over"].append({"name": name, "place": _place_of(screen)})
    session = app.session
    if session is not None and session.snapshot is not None:
        place["period"] = None if session.is_current else session.plan.id
        place["unlocked"] = sorted(session.unlocked_ids)
    return place


def from_environment(environ: Mapping[str, str] | None = None) -> Place | None:
    """The place handed over by the process before (taken out of the environment, so that
    nothing started from here sees it); None when there is none or it cannot be read."""
    value = (os.environ if environ is None else environ).get(ENV_RESUME)
    if environ is None:
        os.environ.pop(ENV_RESUME, None)
    if not value:
        return None
    with contextlib.suppress(ValueError):
        place = json.loads(value)
        if isinstance(place, dict):
            return place
    return None


def hand_over(place: Place | None) -> None:
    """Put *place* where the process started anew finds it."""
    if place is not None:
        os.environ[ENV_RESUME] = json.dumps(place)


async def restore(app: LederplanApp, place: Place) -> None:
    """Go back to *place* (see :func:`capture`); whatever no longer exists is left out."""
    editing = app.editing
    if editing is None:
        return
    session = editing.session
    periods = {period.id for period in session.periods()}
    for plan_id in place.get("unlocked") or []:
        if plan_id in periods:
            editing.apply(session.unlock, plan_id)
    period = place.get("period")
    if isinstance(period, str) and period in periods and period != session.plan.id:
        editing.apply(session.select, period)
    mode = place.get("mode")
    if mode in MODES and mode != app.current_mode:
        await app.action_mode(mode)
    _take(app.screen, place.get("place"))
    for over in place.get("over") or []:
        if not isinstance(over, dict) or not await _open(app, over.get("name")):
            break
        _take(app.screen, over.get("place"))


def _take(screen: Screen[Any], place: object) -> None:
    take = getattr(screen, "take_place", None)
    if callable(take) and isinstance(place, dict):
        take(place)


async def _open(app: LederplanApp, name: object) -> bool:
    """Open the screen *name* over the current one as its key would; whether it is shown."""
    before = app.screen
    if name == "reflection" and app.current_mode == "platform":
        await app.run_action("reflection", before)  # pushed at once
    return app.screen is not before
