"""Where a record is in its table: an index of ``id`` → document key, so that saving one record
does not scan the table (at 50,000 records TinyDB's ``table.get(Query().id == ...)`` took 25–65 ms
a save, the save itself a few).

The index belongs to one table object: TinyDB builds a new dict for a table at each insert or
remove, and the index is built again (once) the next time that table is searched. A change made
in place (another process's journal line applied to the cache) can leave it stale: a key found
is checked against the document's id, and a miss builds the index again before it says "none".
"""

from __future__ import annotations

from typing import Any

Docs = dict[str, dict[str, Any]]


class IdIndex:
    """The keys of the documents of each table, by their ``id``."""

    def __init__(self) -> None:
        self._tables: dict[str, tuple[Docs, dict[Any, str]]] = {}

    def find(self, tables: dict[str, Docs], name: str, record_id: str) -> str | None:
        """The key of the document of table *name* whose id is *record_id*, or None."""
        docs = tables.get(name)
        if not docs:
            return None
        entry = self._tables.get(name)
        if entry is not None and entry[0] is docs:
            key = entry[1].get(record_id)
            if key is not None and _id_of(docs.get(key)) == record_id:
                return key
        index = {_id_of(doc): key for key, doc in docs.items()}
        self._tables[name] = (docs, index)
        return index.get(record_id)

    def clear(self) -> None:
        """Forget every table (they are read again)."""
        self._tables.clear()


def _id_of(doc: object) -> Any:
    return doc.get("id") if isinstance(doc, dict) else None
