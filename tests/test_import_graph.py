"""The shape of the code, read from its imports: no cycles, and dependencies that point one way
(``tui``/``cli`` -> ``editing`` -> ``store`` -> ``domain``; ``export`` beside the store).

The graph is built statically with :mod:`ast` over ``src/lederplan``, from every import, at
module level and inside functions alike: an import deferred into a function for start-up speed
is a dependency all the same, and a cycle through one only waits for the first call to bite.
Imports under ``if TYPE_CHECKING:`` only name types and never run: they are left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC / "lederplan"

NO_IO = frozenset(
    {"os", "pathlib", "shutil", "subprocess", "socket", "tempfile", "fcntl", "sqlite3"}
    | {"textual", "rich", "tinydb", "platformdirs", "icalendar"}
)
"""Modules the domain must not import: it is pure rules and models, no I/O, no terminal."""


@cache
def modules() -> dict[str, Path]:
    """``lederplan.x.y`` -> its file (a package by its ``__init__.py``)."""
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path) -> Iterable[tuple[str, int]]:
    """Every module *name* imports (lederplan's own or not), with the line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _run_time_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                # ``from lederplan import clock`` imports the module lederplan.clock.
                sub = f"{source}.{alias.name}"
                yield (sub if sub in modules() else source), node.lineno


def _run_time_nodes(tree: ast.AST) -> Iterable[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``: such an import never runs (it names
    a type for annotations), so it is no dependency and can make no cycle at run time."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in ast.walk(child))
            continue
        yield node
        yield from _run_time_nodes(node)


@cache
def graph() -> dict[str, dict[str, int]]:
    """Module -> the lederplan modules it imports -> the first line that does."""
    edges: dict[str, dict[str, int]] = {}
    for name, path in modules().items():
        edges[name] = {}
        for target, line in imported(name, path):
            if target in modules() and target != name:
                edges[name].setdefault(target, line)
    return edges


def layer(module: str) -> str:
    """The package a module belongs to (``store``, ``tui``, ...), or a top-level module's name
    (``clock``; ``lederplan`` for the package's ``__init__``)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "lederplan"
    return parts[1]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer_edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for source, targets in graph().items():
        for target in targets:
            if layer(source) != layer(target):
                edges.setdefault(layer(source), set()).add(layer(target))
    return edges


def uses(source_layer: str, forbidden: Iterable[str], within: str = "") -> list[str]:
    """Imports from modules of *source_layer* (under *within*, if given) into *forbidden*."""
    bad = set(forbidden)
    return sorted(
        f"{source} -> {target} (line {line})"
        for source, targets in graph().items()
        if layer(source) == source_layer and source.startswith(within)
        for target, line in targets.items()
        if layer(target) in bad
    )


def test_the_graph_is_read() -> None:
    # So the tests below cannot pass on an empty graph.
    assert {"cli", "editing", "store", "domain", "export", "tui", "i18n", "clock"} <= set(
        map(layer, modules())
    )
    assert "lederplan.domain.models" in graph()["lederplan.store.repository"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_cycle_between_modules() -> None:
    edges = {source: set(targets) for source, targets in graph().items()}
    assert cycles(edges) == []


def test_no_cycle_between_packages() -> None:
    assert cycles(layer_edges()) == []


def test_the_domain_imports_only_the_domain_and_does_no_io() -> None:
    assert uses("domain", set(map(layer, modules())) - {"domain"}) == []
    outside = sorted(
        f"{name}: {target} (line {line})"
        for name, path in modules().items()
        if layer(name) == "domain"
        for target, line in imported(name, path)
        if target.split(".")[0] in NO_IO
    )
    assert outside == []
    opened = sorted(
        f"{path.name}:{node.lineno}"
        for name, path in modules().items()
        if layer(name) == "domain"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "open"
    )
    assert opened == []


def test_the_store_knows_nothing_of_editing_the_ui_or_the_commands() -> None:
    assert uses("store", {"editing", "tui", "cli"}) == []


def test_editing_knows_nothing_of_the_ui_or_the_commands() -> None:
    assert uses("editing", {"tui", "cli"}) == []


def test_export_knows_nothing_of_the_ui_the_commands_or_editing() -> None:
    assert uses("export", {"tui", "cli", "editing"}) == []


def test_i18n_imports_only_i18n() -> None:
    assert uses("i18n", set(map(layer, modules())) - {"i18n"}) == []


@pytest.mark.parametrize("within", ["lederplan.tui.screens", "lederplan.tui.widgets"])
def test_no_screen_or_widget_imports_the_store(within: str) -> None:
    # They reach the plan through the editing layer only (issue 11): no repository, no store
    # error to catch, no file of the store's to write.
    assert uses("tui", {"store"}, within=within) == []
