"""A screen made for one of the app's modes is styled by the stylesheet as it is.

Textual gives every new screen an out-of-date CSS count (``Screen._css_update_count = -1``), so
switching to a mode the first time refreshes the app's CSS (``App.refresh_css``) twice: each time
every stylesheet, Textual's own included, is parsed again from scratch and every widget of every
screen is restyled (about 100 ms of a 1,000-action målkort's first showing). That refresh is
needed only when the stylesheet is behind the app (a new theme not applied yet): the app
records the count its stylesheet was last brought up to (:attr:`LederplanApp.css_styled_at`), and
a new screen made while that is current is marked current too. Both counts are Textual's private
attributes: ``tests/tui/test_textual_private.py`` guards them.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

ScreenT = TypeVar("ScreenT", bound=Screen[None])


def styled_as_is(screen: ScreenT, app: App[Any] | None = None) -> ScreenT:
    """*screen*, marked as styled by the stylesheet as it is when *app*'s (by default the active
    app's) is current."""
    app = screen.app if app is None else app
    current = getattr(app, "css_styled_at", None)
    if current is not None and current == app._css_update_count:
        screen._css_update_count = current
    return screen
