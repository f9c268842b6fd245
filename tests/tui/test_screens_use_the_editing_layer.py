"""Screens and widgets reach the plan through the editing layer only (issue 11): none looks the
session or the store up by name (that none imports the store: tests/test_import_graph.py)."""

from __future__ import annotations

from pathlib import Path

import lederplan.tui

TUI = Path(lederplan.tui.__file__).parent


def _modules() -> list[Path]:
    return sorted([*TUI.glob("screens/*.py"), *TUI.glob("widgets/*.py")])


def test_no_screen_or_widget_looks_the_session_up_by_name() -> None:
    wrong = [
        str(path.relative_to(TUI))
        for path in _modules()
        if 'getattr(self.app, "session"' in path.read_text(encoding="utf-8")
        or 'getattr(self.app, "store"' in path.read_text(encoding="utf-8")
    ]
    assert wrong == []
