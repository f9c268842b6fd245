"""Every catalogue key is used by the code: a key nothing shows is a translation kept up for
nobody, and a sign that a screen lost a string it meant to show.

A key is used when it is a string literal somewhere under ``src/lederplan`` outside the
catalogue itself (``t("key")``, a Binding's description, a tuple of keys), or when a family
below builds it at run time. Each family names the f-string that builds it; a new f-string key
fails :func:`test_every_key_built_at_run_time_is_a_declared_family` until it is declared here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from lederplan.i18n.catalogue import CATALOGUE
from lederplan.tui.screens.reflection import QUESTIONS

SRC = Path(__file__).resolve().parents[2] / "src" / "lederplan"
CATALOGUE_DIR = SRC / "i18n"

ANY = None
"""The placeholder may be any word (enum values, error codes: every one of them is a key)."""

FAMILIES: dict[str, tuple[str, ...] | None] = {
    "agenda.{}": ANY,  # tui/screens/timeline.py: the agenda's groups
    "backup.kind.{}": ANY,  # cli/commands.py: `lederplan backups`
    "column.{}": ANY,  # tui/screens/malkort.py: a cell's field, in its draft's label
    "drafts.reason.{}": ANY,  # tui/screens/drafts.py: why a draft is not in its record
    "error.{}": ANY,  # editing/messages.py: a StoreError's code
    "error.{}.{}": ANY,  # editing/messages.py: its why / reason parameter
    "error.corrupt.{}": ANY,  # editing/messages.py: why a file cannot be read
    "error.corrupt.expected.{}": ANY,  # editing/messages.py: the type a field should have had
    "cli.import.{}": ANY,  # cli/commands.py: why an export cannot be imported
    "export.format.{}": ANY,  # tui/screens/export_dialog.py: FORMATS
    "feed.title.{}": ANY,  # tui/screens/feed_lines.py: what the feed adds
    "feed.target.{}": ANY,
    "feed.new_target.{}": ANY,
    "feed.done.{}": ANY,  # tui/screens/platform.py
    "grow.{}": ANY,  # tui/screens/grow.py: STEPS
    "grow.{}.prompts": ANY,
    "insight.verdict.{}": ANY,  # tui/screens/insight.py: Verdict
    "kpi.status.{}": ANY,  # tui/screens/kpi_progress.py
    "platform.q{}": tuple(str(n) for n in range(1, 10)),  # the nine questions
    "reflection.{}": QUESTIONS,  # tui/screens/reflection.py
    "request.greeting.{}": ANY,  # tui/screens/feedback.py: Source
    "screen.{}": ("platform", "malkort", "timeline", "feedback"),  # tui/palette.py: MODES
    "smarte.{}": ANY,  # tui/widgets/smarte_panel.py, export/plan_view.py: the letters
    "smarte.reason.{}.{}": ANY,  # domain/smarte.py: a letter and the rule that decided it
    "source.{}": ANY,  # Source
    "stage.{}": ANY,  # Stage
    "stage.{}.meaning": ANY,
    "status.{}": ANY,  # export/plan_view.py: Status
}
"""Keys built at run time, as f-string templates (``{}`` for each placeholder)."""

WORD = r"[A-Za-z0-9_-]+"


def family_pattern(template: str, values: tuple[str, ...] | None) -> re.Pattern[str]:
    """A template as a pattern: each ``{}`` one of *values*, or any word."""
    hole = WORD if values is None else "(?:" + "|".join(map(re.escape, values)) + ")"
    return re.compile(hole.join(re.escape(part) for part in template.split("{}")))


def code_trees() -> Iterator[tuple[Path, ast.AST]]:
    """Every module under src/ except the catalogue's own (its keys are not uses)."""
    for path in sorted(SRC.rglob("*.py")):
        if path.parent == CATALOGUE_DIR and path.name != "__init__.py":
            continue
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def literals() -> set[str]:
    return {
        node.value
        for _, tree in code_trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def key_templates() -> set[tuple[str, int, str]]:
    """f-strings that start like a catalogue key (``t(f"error.{code}")``), as templates."""
    namespaces = {key.split(".")[0] + "." for key in CATALOGUE}
    found = set()
    for path, tree in code_trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr) or not node.values:
                continue
            first = node.values[0]
            if not (
                isinstance(first, ast.Constant) and str(first.value).startswith(tuple(namespaces))
            ):
                continue
            template = "".join(
                str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
            if re.fullmatch(r"[A-Za-z0-9_.{}-]+", template):  # a key, not a sentence
                found.add((str(path.relative_to(SRC)), node.lineno, template))
    return found


def test_every_catalogue_key_is_used() -> None:
    used = literals()
    families = [family_pattern(template, values) for template, values in FAMILIES.items()]
    unused = [
        key
        for key in CATALOGUE
        if key not in used and not any(pattern.fullmatch(key) for pattern in families)
    ]
    assert not unused, f"catalogue keys no code uses (delete them, or declare a family): {unused}"


def test_every_key_built_at_run_time_is_a_declared_family() -> None:
    undeclared = sorted(found for found in key_templates() if found[2] not in FAMILIES)
    assert not undeclared, f"declare these in FAMILIES: {undeclared}"


def test_every_family_is_still_built_and_names_keys() -> None:
    built = {template for _, _, template in key_templates()}
    assert sorted(set(FAMILIES) - built) == [], "a family no f-string builds any more"
    for template, values in FAMILIES.items():
        pattern = family_pattern(template, values)
        assert any(pattern.fullmatch(key) for key in CATALOGUE), template


def test_the_scan_sees_literals_and_templates() -> None:
    # So the tests above cannot pass by finding nothing.
    assert {"app.title", "key.back"} <= literals()
    assert "error.{}" in {template for _, _, template in key_templates()}
