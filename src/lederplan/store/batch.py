"""Several changes to records, all or nothing: each revision checked, one atomic write.

The changes run, under the store's lock, on a copy of the file's tables held in memory (TinyDB's
MemoryStorage behind the repository's own methods, so every rule of a single change holds in a
batch too); only when every one of them succeeded is the copy written, in one atomic write. A
conflict or a refused record in any change leaves the file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lederplan.domain.models import Record
from lederplan.store.ids import IdIndex

if TYPE_CHECKING:
    from tinydb import TinyDB

    from lederplan.store.repository import PlanRepository
    from lederplan.store.store import Store, Tables


@dataclass(frozen=True)
class Change:
    """One change of a batch: ``update`` a record from revision *rev*, ``insert`` one under
    *parent_id* at *position* (default: last), or ``delete`` the record *record_id* of *kind*
    at revision *rev*."""

    op: str
    record: Record | None = None
    rev: int = 0
    parent_id: str = ""
    position: int | None = None
    kind: type[Record] | None = None
    record_id: str = ""


class _Staged:
    """A stand-in for the store whose transactions all work on one in-memory copy."""

    def __init__(self, path: Path, tables: Tables) -> None:
        from tinydb import TinyDB
        from tinydb.storages import MemoryStorage

        self.path = path
        self.db = TinyDB(storage=MemoryStorage)
        self.db.storage.write(tables)
        self._ids = IdIndex()

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        yield self.db

    def tables(self) -> Tables:
        return self.db.storage.read() or {}

    def find(self, table: str, record_id: str) -> tuple[str, dict[str, Any]] | None:
        """As :meth:`Store.find <lederplan.store.store.Store.find>`, in the copy."""
        tables = self.tables()
        key = self._ids.find(tables, table, record_id)
        return None if key is None else (key, tables[table][key])

    def change(self, table: str, key: str, fields: dict[str, Any]) -> None:
        """As :meth:`Store.change <lederplan.store.store.Store.change>`, in the copy."""
        tables = self.tables()
        tables[table][key].update(fields)
        self.db.storage.write(tables)


def apply_batch(
    store: Store, changes: list[Change], repository: Callable[[Any], PlanRepository]
) -> list[int | None]:
    """Make *changes* in order, all or none; returns each one's new revision (None for an
    insert or a delete).

    Args:
        repository: makes the repository whose methods run each change (passed in by it: the
            two modules do not import each other).

    Raises:
        ConflictError: a record was changed or deleted since the revision its change names.
        ValueError, NotFoundError: a record the plan cannot hold; nothing was written.
    """
    with store.transaction() as db:
        tables = db.storage.read() or {}
        staged = _Staged(store.path, _copy_of(tables))
        repo = repository(staged)  # it needs only the store's path and transaction
        revs: list[int | None] = []
        for change in changes:
            if change.op == "update":
                assert change.record is not None
                revs.append(repo.update(change.record, change.rev))
            elif change.op == "insert":
                assert change.record is not None
                repo.insert(change.record, change.parent_id, change.position)
                revs.append(None)
            elif change.op == "delete":
                assert change.kind is not None
                repo.delete(change.kind, change.record_id, change.rev)
                revs.append(None)
            else:
                raise ValueError(f"no such change: {change.op}")
        if changes:
            db.storage.write(_unchanged_kept(staged.tables(), tables))
    return revs


def _copy_of(tables: Tables) -> Tables:
    # The repository's changes replace a document's fields (TinyDB's update) and never change a
    # field's value in place, so a copy of each document is enough: a deep copy took 0.6 s at
    # 50,000 records, this 40 ms.
    return {name: {key: dict(doc) for key, doc in docs.items()} for name, docs in tables.items()}


def _unchanged_kept(staged: Tables, tables: Tables) -> Tables:
    """*staged* with each document it did not change the very object of *tables* again: the
    store writes (or journals) only the documents that are new objects."""
    for name, docs in staged.items():
        old = tables.get(name)
        if old is None:
            continue
        for key, doc in docs.items():
            was = old.get(key)
            if was is not None and was == doc:
                docs[key] = was
    return staged
