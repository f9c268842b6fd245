"""One today: :mod:`lederplan.clock` is the only module that asks the system for the date, so
``$LEDERPLAN_TODAY`` (tests, demos, screenshots) reaches every screen, command and store write."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from lederplan import clock

SRC = Path(__file__).resolve().parents[1] / "src" / "lederplan"


def system_date_calls(tree: ast.AST) -> list[int]:
    """Lines calling ``date.today()``, ``datetime.date.today()`` or ``datetime.today()``."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if node.func.attr == "today" and name in {"date", "datetime"}:
            lines.append(node.lineno)
    return lines


def test_only_the_clock_asks_the_system_for_the_date() -> None:
    found = {
        f"{path.relative_to(SRC)}:{line}"
        for path in SRC.rglob("*.py")
        if path != SRC / "clock.py"
        for line in system_date_calls(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert not found, f"use lederplan.clock instead of the system's date: {sorted(found)}"


def test_the_scan_finds_a_call() -> None:
    # So the test above cannot pass by finding nothing at all.
    tree = ast.parse(
        "import datetime\nfrom datetime import date\ndate.today()\ndatetime.date.today()"
    )
    assert system_date_calls(tree) == [3, 4]
    assert system_date_calls(ast.parse((SRC / "clock.py").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("value", "strict", "lenient"),
    [
        ("2027-01-20", date(2027, 1, 20), date(2027, 1, 20)),
        ("", date.today(), date.today()),
        ("20.01.2027", ValueError, date.today()),
    ],
)
def test_strict_and_lenient_today(value: str, strict: object, lenient: date) -> None:
    environ = {clock.ENV_TODAY: value}
    if strict is ValueError:
        with pytest.raises(ValueError):
            clock.today(environ)
    else:
        assert clock.today(environ) == strict
    assert clock.today_or_system(environ) == lenient
