"""The shape of a lederplan data file, checked before anyone uses it.

A file edited by hand, restored from somewhere odd or written by a buggy tool must be refused with
one sentence, not crash whoever reads it first: the app's start, ``lederplan due`` (which reads
the raw tables without pydantic), the export, the repository. So every read of the file, and of
a backup offered as "good", goes through :func:`load_tables`: JSON, then the tables' shape (the
documents' ids, positions, revisions, texts and references to each other), without recursion so
that no value can exhaust the stack. What a value means (a date, a deadline, a text's length) is
left to the models; this checks what every reader relies on without checking it again.

Standard library only: ``lederplan due`` imports this and must start fast.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, dict[str, Any]]]

META_TABLE = "_meta"

_TEXT, _INT, _NUMBER, _LIST, _OBJECT = "text", "int", "number", "list", "object"
_OPTIONAL = "|null"

PARENTS = {
    "areas": ("plan_id", "plans"),
    "goals": ("area_id", "areas"),
    "indicators": ("goal_id", "goals"),
    "actions": ("goal_id", "goals"),
    "feedback": ("plan_id", "plans"),
    "answers": ("plan_id", "plans"),
}
"""Each record table's parent field and the table that field names a record of, parents
first."""

_FIELDS: dict[str, dict[str, str]] = {
    "plans": {
        "person": _TEXT,
        "manager": _TEXT,
        "date": _TEXT,
        "period_end": _TEXT + _OPTIONAL,
        "lang": _TEXT,
        "scale": _OBJECT,
    },
    "areas": {"title": _TEXT, "origin": _TEXT, "stage": _TEXT + _OPTIONAL},
    "goals": {"statement": _TEXT, "grow": _OBJECT},
    "indicators": {
        "kpi": _TEXT,
        "target": _TEXT,
        "target_value": _NUMBER + _OPTIONAL,
        "comparison": _TEXT + _OPTIONAL,
        "unit": _TEXT,
        "measurements": _LIST,
    },
    "actions": {
        "text": _TEXT,
        "deadline": _TEXT,
        "deadline_written": _TEXT + _OPTIONAL,
        "status": _TEXT,
        "done_date": _TEXT + _OPTIONAL,
        "carried_from": _TEXT + _OPTIONAL,
    },
    "feedback": {
        "source": _TEXT,
        "date": _TEXT,
        "giver": _TEXT,
        "area_id": _TEXT + _OPTIONAL,
        "rating": _INT + _OPTIONAL,
        "text": _TEXT,
    },
    "answers": {"date": _TEXT + _OPTIONAL, "history": _LIST + _OPTIONAL},
}
"""Fields checked when present (the models give most of them defaults), by table."""
_REQUIRED_TEXT = {"answers": ("kind", "key", "text")}
"""Fields every document of the table must have, as text, besides its id and parent."""
RECORD_TABLES = ("plans", *PARENTS)
ANSWER_KINDS = ("platform", "reflection")

_TYPES: dict[str, frozenset[type]] = {
    # Exact types, as json.loads makes them: bool is an int to Python, never to a reader of
    # this file (true is no position).
    _TEXT: frozenset({str}),
    _INT: frozenset({int}),
    _NUMBER: frozenset({int, float}),
    _LIST: frozenset({list}),
    _OBJECT: frozenset({dict}),
}
_MISSING = object()


def _spec(name: str) -> tuple[tuple[str, bool, frozenset[type], str], ...]:
    """(field, required, the types it may have, their name) for every field checked in *name*."""
    parent = PARENTS.get(name, ("", ""))[0]
    required = ("id", *((parent,) if parent else ()), *_REQUIRED_TEXT.get(name, ()))
    fields = [(field, True, _TEXT) for field in required]
    fields += [("pos", False, _INT), ("rev", False, _INT)]
    fields += [(field, False, kind) for field, kind in _FIELDS[name].items()]
    spec = []
    for field, needed, kind in fields:
        expected, _, optional = kind.partition("|")
        types = _TYPES[expected] | ({type(None)} if optional else set())
        spec.append((field, needed, types, expected))
    return tuple(spec)


_SPECS = {name: _spec(name) for name in RECORD_TABLES}


class DamagedError(ValueError):
    """The file is not a readable lederplan file; ``reason`` says why (see ``error.corrupt.*``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def load_tables(raw: bytes, check: Callable[[object], None] | None = None) -> Tables:
    """Parse *raw* as a data file and check its shape with *check* (default: :func:`check_tables`).

    Raises:
        DamagedError: it is empty, not UTF-8, not JSON (or JSON too deep or too big to read),
            or not the shape of a lederplan file.
    """
    if not raw.strip():
        raise DamagedError("empty")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise DamagedError("encoding") from None
    except json.JSONDecodeError as exc:
        raise DamagedError(f"json:{exc.lineno}:{exc.colno}:{exc.msg}") from None
    except RecursionError:
        raise DamagedError("nested") from None
    except MemoryError:
        raise DamagedError("too_big") from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise DamagedError("number") from None
    (check or check_tables)(data)
    return data


def check_outer(data: object) -> None:
    """Check only what TinyDB needs: tables of documents under canonical integer keys.

    Raises:
        DamagedError: *data* is not that.
    """
    if not isinstance(data, dict):
        raise DamagedError("shape")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedError("shape")
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise DamagedError("shape")
            if not _is_doc_key(key):
                raise DamagedError(f"doc_key:{name}")


def _is_doc_key(key: str) -> bool:
    # TinyDB turns every document key into an int: "01" and "1" would become one document, and
    # "١" (an Arabic one) would be a 1 too. Nor does int() take more than 4,300 digits.
    return key.isascii() and key.isdigit() and len(key) <= 18 and (key[0] != "0" or key == "0")


def check_tables(data: object) -> None:
    """Check that *data* has the shape of a lederplan file's tables.

    Raises:
        DamagedError: it does not; the reason names the first field found wrong.
    """
    check_outer(data)
    assert isinstance(data, dict)
    _check_meta(data.get(META_TABLE, {}))
    ids = {name: _check_records(name, data.get(name, {})) for name in RECORD_TABLES}
    holds_records = any(table for name, table in data.items() if name != META_TABLE)
    if holds_records and not ids["plans"]:
        raise DamagedError("no_plan")
    for name, (parent_key, parent_table) in PARENTS.items():
        for key, doc in data.get(name, {}).items():
            if doc[parent_key] not in ids[parent_table]:
                raise DamagedError(f"ref:{name}.{key}.{parent_key}:{_shown(doc[parent_key])}")
    for key, doc in data.get("feedback", {}).items():
        area = doc.get("area_id")
        if area is not None and area not in ids["areas"]:
            raise DamagedError(f"ref:feedback.{key}.area_id:{_shown(area)}")
    for key, doc in data.get("answers", {}).items():
        if doc["kind"] not in ANSWER_KINDS:
            raise DamagedError(f"kind:answers.{key}.kind")


def _check_meta(table: dict[str, dict[str, Any]]) -> None:
    schema = table.get("1", {}).get("schema", 0)
    if type(schema) is not int:
        raise DamagedError(f"type:{META_TABLE}.1.schema:{_INT}")


def _check_records(name: str, table: dict[str, dict[str, Any]]) -> set[str]:
    """Check one record table's documents; return their ids."""
    ids: set[str] = set()
    spec = _SPECS[name]
    for key, doc in table.items():
        for field, required, types, expected in spec:
            value = doc.get(field, _MISSING)
            if value is _MISSING:
                if required:
                    raise DamagedError(f"missing:{name}.{key}.{field}")
            elif type(value) not in types:
                raise DamagedError(f"type:{name}.{key}.{field}:{expected}")
        if doc["id"] in ids:
            raise DamagedError(f"duplicate:{name}.{key}.id:{_shown(doc['id'])}")
        ids.add(doc["id"])
    return ids


def _shown(value: str) -> str:
    # An id quoted in a message: enough to find it in the file, not a page of text.
    return value if len(value) <= 60 else f"{value[:57]}..."


def max_revision(raw: bytes) -> int:
    """The highest ``rev`` of any document in *raw* (0 when none is found).

    Read from the documents when *raw* parses as tables, else from the bytes: a damaged file's
    revisions still count, so that a replacement is never mistaken for the file a session read.
    """
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError, MemoryError):
        data = None
    if isinstance(data, dict):
        return max_revision_of(data)
    found = re.findall(rb'"rev"\s*:\s*([0-9]{1,18})', raw)
    return max((int(rev) for rev in found), default=0)


def max_revision_of(tables: dict[str, Any]) -> int:
    """The highest ``rev`` of any document in *tables* (0 when none has one)."""
    return max(
        (
            doc["rev"]
            for table in tables.values()
            if isinstance(table, dict)
            for doc in table.values()
            if isinstance(doc, dict) and type(doc.get("rev")) is int
        ),
        default=0,
    )
