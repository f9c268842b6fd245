"""Find the line of a value in JSON text from its path, so an import error can name the line."""

from __future__ import annotations

import re
from json.decoder import scanstring
from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")

# A parsed node: (start offset, children) where children is a dict for objects, a list for
# arrays and None for scalars.
_Node = tuple[int, Any]


def line_of(text: str, path: tuple[str | int, ...]) -> int:
    """Return the 1-based line where the value at *path* starts in valid JSON *text*.

    When the path goes further than the text (a missing field), the line of the deepest part that
    exists is returned: that is where the field is missing.
    """
    node = _parse(text, _WS.match(text, 0).end())[0]  # type: ignore[union-attr]
    offset = node[0]
    for step in path:
        children = node[1]
        if (isinstance(children, dict) and step in children) or (
            isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children)
        ):
            node = children[step]
        else:
            break
        offset = node[0]
    return text.count("\n", 0, offset) + 1


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def _parse(text: str, i: int) -> tuple[_Node, int]:
    char = text[i]
    if char == "{":
        members: dict[str, _Node] = {}
        start = i
        i = _skip(text, i + 1)
        if text[i] == "}":
            return (start, members), i + 1
        while True:
            key, i = scanstring(text, i + 1)
            i = _skip(text, _skip(text, i) + 1)  # past the colon
            members[key], i = _parse(text, i)
            i = _skip(text, i)
            if text[i] == "}":
                return (start, members), i + 1
            i = _skip(text, i + 1)
    if char == "[":
        items: list[_Node] = []
        start = i
        i = _skip(text, i + 1)
        if text[i] == "]":
            return (start, items), i + 1
        while True:
            item, i = _parse(text, i)
            items.append(item)
            i = _skip(text, i)
            if text[i] == "]":
                return (start, items), i + 1
            i = _skip(text, i + 1)
    if char == '"':
        return (i, None), scanstring(text, i + 1)[1]
    match = _SCALAR.match(text, i)
    if match is None:
        raise ValueError(f"not JSON at offset {i}")
    return (i, None), match.end()
