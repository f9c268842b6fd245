"""What the command palette (ctrl+p) offers: every key of the screen it was opened on, the colour
theme, the app's own actions (also while an editor takes their keys as text), and every action of
the other three screens, each under its name in the UI language.
Choosing another screen's action goes to that screen and runs it there, as its key would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode

from lederplan.i18n import t
from lederplan.tui.keys import describe

if TYPE_CHECKING:
    from textual.screen import Screen

    from lederplan.tui.app import LederplanApp

MODES = ("platform", "malkort", "timeline", "feedback")
"""The top-level screens, in the order of their keys 1-4."""
NOT_OFFERED_ELSEWHERE = frozenset({"resolve_conflict", "stop_edit"})
"""Actions that belong to a moment on their screen (a conflict, an open box), not to the screen:
offered on it while they can be used, never from another."""


@dataclass(frozen=True)
class ScreenAction:
    """An action of a top-level screen: the node class whose key runs it, and its bindings
    (more than one where one name has a key for each case, as the platform's history)."""

    mode: str
    owner: type[DOMNode]
    bindings: tuple[Binding, ...]

    @property
    def name(self) -> str:
        """The action's name in the UI language."""
        return describe(self.bindings[0])


def _owners(mode: str) -> tuple[type[DOMNode], ...]:
    """The screen of *mode* and the widgets on it whose keys are the screen's actions (imported
    here: the palette is opened long after the first frame)."""
    if mode == "platform":
        from lederplan.tui.screens.platform import PlatformScreen

        return (PlatformScreen,)
    if mode == "malkort":
        from lederplan.tui.screens.malkort import MalkortScreen

        return (MalkortScreen,)
    if mode == "timeline":
        from lederplan.tui.screens.timeline import TimelineScreen
        from lederplan.tui.widgets.timeline_view import TimelineView

        return (TimelineScreen, TimelineView)
    from lederplan.tui.screens.feedback import FeedbackScreen

    return (FeedbackScreen,)


def _declared(owner: type[DOMNode]) -> list[Binding]:
    """The bindings *owner* and the classes it is made of declare (Textual merges them the same
    way: the class's own first)."""
    found: list[Binding] = []
    for cls in owner.__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding):
                found.append(binding)
    return found


def screen_actions(mode: str) -> list[ScreenAction]:
    """The actions of *mode*'s screen: its bindings with an id (the keys that move the cursor
    have none), one entry per name."""
    actions: dict[str, tuple[type[DOMNode], list[Binding]]] = {}
    for owner in _owners(mode):
        for binding in _declared(owner):
            action = binding.action.split("(")[0]
            if not binding.id or not binding.description or action in NOT_OFFERED_ELSEWHERE:
                continue
            _, bindings = actions.setdefault(binding.description, (owner, []))
            bindings.append(binding)
    return [ScreenAction(mode, owner, tuple(b)) for owner, b in actions.values()]


def _mode_of(app: LederplanApp, screen: Screen) -> str | None:
    """The top-level screen *screen* is, with nothing over it; else None."""
    if screen is not app.screen_stack[0]:  # the palette itself is over it: nothing else
        return None
    mode = app.current_mode
    return mode if mode in MODES else None


async def run_on_screen(app: LederplanApp, action: ScreenAction) -> None:
    """Go to *action*'s screen and run it there: the first of its bindings the screen allows
    now (as its key would), on the node that holds it."""
    await app.action_mode(action.mode)
    screen = app.screen
    node: DOMNode | None = screen
    if not isinstance(screen, action.owner):
        node = next(iter(screen.query(action.owner)), None)  # type: ignore[arg-type]
    if node is None:
        return
    for binding in action.bindings:
        if await app.run_action(binding.action, node):
            return


def system_commands(app: LederplanApp, screen: Screen) -> Iterable[SystemCommand]:
    """The palette's commands on *screen* (see the module's docstring)."""
    yield SystemCommand(t("palette.theme"), t("palette.theme_help"), app.action_change_theme)
    seen = {"command_palette"}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        yield SystemCommand(
            describe(binding),
            t("palette.key", key=app.get_key_display(binding) or key),
            partial(app.run_action, binding.action, active.node),
        )
    for binding in _declared(type(app)):
        # The app's own, also where an editor takes their key as text (L, x, p ... in a box).
        if binding.id and binding.description and binding.action not in seen:
            seen.add(binding.action)
            yield SystemCommand(
                describe(binding),
                t("palette.key", key=app.get_key_display(binding)),
                partial(app.run_action, binding.action),
            )
    here = _mode_of(app, screen)
    if here is None or app.session is None:
        return  # over a dialog, the welcome or the error screen: only what is there
    for mode in MODES:
        if mode == here:
            continue
        for action in screen_actions(mode):
            key = app.get_key_display(action.bindings[0])
            yield SystemCommand(
                action.name,
                t("palette.on_screen", screen=t(f"screen.{mode}"), key=key),
                partial(run_on_screen, app, action),
            )
