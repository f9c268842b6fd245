"""Schema versions of the data file and the migrations between them.

A migration is a pure function of the raw tables of one version returning those of the next. The
store backs the file up (``before-migration``) before it writes a migrated version, and opens a
file written by a newer lederplan read-only instead of guessing at it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, dict[str, Any]]]

SCHEMA_VERSION = 1
"""The schema this version of lederplan writes."""


def _v0_to_v1(tables: Tables) -> Tables:
    # Version 0 is a TinyDB file without our _meta table: the documents are already in shape,
    # and the store adds _meta when it writes.
    return {name: dict(docs) for name, docs in tables.items()}


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1}
"""From version N (the key) to N + 1."""


def schema_of(tables: Tables) -> int:
    """Return the schema version recorded in *tables* (0 when none is)."""
    meta = tables.get("_meta", {}).get("1", {})
    version = meta.get("schema", 0)
    return version if isinstance(version, int) and version >= 0 else 0


def migrate(tables: Tables, target: int = SCHEMA_VERSION) -> Tables:
    """Return *tables* brought up to schema *target*, one migration at a time."""
    version = schema_of(tables)
    while version < target:
        tables = MIGRATIONS[version](tables)
        version += 1
        tables.setdefault("_meta", {}).setdefault("1", {})["schema"] = version
    return tables
