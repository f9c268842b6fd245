"""The README's key tables and paragraphs name every key the help lists.

The help is generated from the bindings (``tui/screens/help.py``), so the bindings of every screen,
dialog and widget of the app are the help: a key bound with a description that the README does not
mention is a README out of date.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import lederplan.tui

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

_NAMES = {
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
    "equals_sign": "=",
    "space": "space",
}
_WORDS = {
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "shift+Tab",
    "delete": "Delete",
    "backspace": "Backspace",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}
_MOVES = {"up", "down", "left", "right"}
"""Arrow keys: the README speaks of them as "arrows" and left/right, up/down."""


def _bound_classes() -> list[type[DOMNode]]:
    classes: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(lederplan.tui.__path__, "lederplan.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, DOMNode)
                and cls.__module__ == module.__name__
                and "BINDINGS" in cls.__dict__
            ):
                classes.append(cls)
    return classes


def _readme_form(key: str) -> str | None:
    """How the README writes *key*, or None where it is spoken of as a group (the arrows)."""
    if key in _MOVES:
        return None
    if key in _WORDS:
        return _WORDS[key]
    if key in _NAMES:
        return f"`{_NAMES[key]}`"
    if len(key) == 1:
        return f"`{key}`"
    if re.fullmatch(r"f\d+", key):
        return key.upper()
    return key  # ctrl+z, shift+up …


def _described_keys() -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    for cls in _bound_classes():
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding), cls  # the app declares Binding objects only
            if not binding.description:
                continue
            for key in binding.key.split(","):
                keys.add((cls.__qualname__, key.strip()))
    return keys


def test_every_key_the_help_lists_is_in_the_readme() -> None:
    missing = sorted(
        f"{owner}: {form}"
        for owner, key in _described_keys()
        if (form := _readme_form(key)) is not None and form not in README
    )
    assert not missing, "keys the help lists but the README does not name: " + ", ".join(missing)


def test_the_check_sees_the_bindings() -> None:
    """The walk finds the screens' bindings (a walk that finds nothing would pass anything)."""
    owners = {owner for owner, _ in _described_keys()}
    assert {"MalkortScreen", "LederplanApp", "FeedbackScreen", "HelpScreen"} <= owners
