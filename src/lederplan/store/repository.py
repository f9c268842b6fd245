"""Plans in and out of the store: models <-> TinyDB documents, with a revision on every record.

Each record is its own document (``areas``, ``goals``, ``indicators``, ``actions``, ``feedback``,
and one per platform/reflection answer in ``answers``) carrying ``rev``. An edit names the
revision it was based on; when another session changed or deleted the record since, the edit is
refused with :class:`ConflictError` instead of silently overwriting it. A platform answer's
document also holds its history (see :mod:`lederplan.store.answer_docs`).
"""

from __future__ import annotations

import gc
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from tinydb import Query, TinyDB

from lederplan.clock import today_or_system
from lederplan.domain.models import (
    Area,
    FeedbackEntry,
    LongText,
    Plan,
    Record,
)
from lederplan.store.answer_docs import (
    answer_doc,
    answer_id,
    recorded_fields,
)
from lederplan.store.documents import (
    CHILD_TYPES,
    KINDS,
    REFLECTION_KEYS,
    Kind,
    Snapshot,
    plans_of,
    plans_to_tables,
    tables_to_snapshots,
)
from lederplan.store.errors import ConflictError, CorruptDataError, NotFoundError
from lederplan.store.store import Store, Tables

if TYPE_CHECKING:
    from lederplan.store.batch import Change

_ID = Query().id
_LONG_TEXT: TypeAdapter[str] = TypeAdapter(LongText)

__all__ = ["PlanRepository", "Snapshot", "answer_id", "plans_to_tables", "tables_to_snapshots"]


class PlanRepository:
    """Reads and changes plans in a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self) -> Snapshot | None:
        """Return the current plan (the first one) as a snapshot, or None when there is none."""
        snapshots = self.load_all()
        return snapshots[0] if snapshots else None

    def load_all(self) -> list[Snapshot]:
        """Return every plan in the file.

        Raises:
            CorruptDataError: the file is damaged; it names the newest backup that is not, by
                the models' checks as well as the store's.
        """
        tables = self.store.read_tables()
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of models at once: the collector made it superlinear
        try:
            return tables_to_snapshots(tables, str(self.store.path))
        except CorruptDataError as error:
            raise self.store.corrupt(error.reason, plans_of) from None
        finally:
            if collecting:
                gc.enable()

    def replace_plans(self, plans: list[Plan], backup_kind: str) -> None:
        """Make *plans* the whole content of the file; the old file becomes a backup first."""
        self.store.replace(plans_to_tables(plans), backup_kind)

    def set_answer(
        self,
        plan_id: str,
        kind: str,
        key: str | int,
        text: str,
        rev: int,
        *,
        today: date | None = None,
    ) -> int:
        """Save one platform (key 1–9) or reflection answer edited from revision *rev*.

        A platform answer changed on a later day than its text was written keeps that text as an
        earlier version (:func:`~lederplan.domain.history.record`), in the same write.

        Args:
            today: the day of the change (default: ``$LEDERPLAN_TODAY`` or the system's date).

        Returns:
            The new revision.

        Raises:
            ConflictError: another session changed the answer since revision *rev*.
        """
        if kind == "platform" and str(key) not in {str(n) for n in range(1, 10)}:
            raise ValueError(f"no platform box {key}")
        if kind == "reflection" and key not in REFLECTION_KEYS:
            raise ValueError(f"no reflection question {key}")
        text = _LONG_TEXT.validate_python(text)
        doc_id = answer_id(plan_id, kind, key)
        with self.store.transaction() as db:
            found = self.store.find("answers", doc_id)
            doc = found[1] if found else None
            current = doc.get("rev", 1) if isinstance(doc, dict) else None
            if current != rev and not (doc is None and rev == 0):
                raise ConflictError(self.store.path, doc_id, dict(doc) if doc else None)
            fields: dict[str, Any] = {"text": text, "rev": rev + 1}
            if kind == "platform":
                plan = self.store.find("plans", plan_id)
                plan_doc = plan[1] if plan and isinstance(plan[1], dict) else None
                old = dict(doc) if isinstance(doc, dict) else None
                fields |= recorded_fields(old, plan_doc, int(key), text, today or today_or_system())
            if found is None:
                db.table("answers").insert({**answer_doc(plan_id, kind, str(key), text), **fields})
            else:
                self.store.change("answers", found[0], fields)
        return rev + 1

    def update(self, record: Record, rev: int) -> int:
        """Save *record*'s own fields (not its children) edited from revision *rev*.

        Returns:
            The new revision.

        Raises:
            ConflictError: another session changed or deleted the record since revision *rev*.
        """
        kind = KINDS[type(record)]
        fields = record.model_dump(mode="json", exclude=set(kind.children))
        with self.store.transaction() as db:
            found = self.store.find(kind.table, record.id)
            doc = found[1] if found else None
            if found is None or not isinstance(doc, dict) or doc.get("rev", 1) != rev:
                raise ConflictError(self.store.path, record.id, dict(doc) if doc else None)
            self._check_invariants(db, record, doc.get("plan_id", record.id))
            self.store.change(kind.table, found[0], {**fields, "rev": rev + 1})
        return rev + 1

    def insert(self, record: Record, parent_id: str, position: int | None = None) -> None:
        """Add *record* (with its children) under *parent_id* at *position* (default: last)."""
        kind = KINDS[type(record)]
        with self.store.transaction() as db:
            table = db.table(kind.table)
            siblings = sorted(
                table.search(Query()[kind.parent] == parent_id), key=lambda d: d.get("pos", 0)
            )
            at = len(siblings) if position is None else max(0, min(position, len(siblings)))
            for doc in siblings[at:]:
                table.update({"pos": doc.get("pos", 0) + 1}, doc_ids=[doc.doc_id])
            self._check_invariants(db, record, parent_id)
            sub = plans_to_tables([])
            self._flatten_into(sub, record, kind.parent, parent_id, at)
            for name, docs in sub.items():
                if docs:
                    db.table(name).insert_multiple(docs.values())

    def insert_many(self, records: list[Record], parent_id: str) -> None:
        """Add *records* (with their children) last under *parent_id*, in order: all or none.

        Every record is checked before anything is written, and all go in one atomic write.
        """
        with self.store.transaction() as db:
            for record in records:
                self._check_invariants(db, record, parent_id)
            tables = db.storage.read() or {}
            new = plans_to_tables([])
            next_pos: dict[str, int] = {}
            for record in records:
                kind = KINDS[type(record)]
                if kind.table not in next_pos:
                    docs = tables.get(kind.table, {}).values()
                    taken = [d.get("pos", 0) for d in docs if d.get(kind.parent) == parent_id]
                    next_pos[kind.table] = max(taken, default=-1) + 1
                self._flatten_into(new, record, kind.parent, parent_id, next_pos[kind.table])
                next_pos[kind.table] += 1
            changed = dict(tables)  # the read tables are shared with the store's cache
            for name, docs in new.items():
                if not docs:
                    continue
                old = tables.get(name, {})
                first = max((int(key) for key in old), default=0) + 1
                changed[name] = {**old, **{str(first + i): d for i, d in enumerate(docs.values())}}
            if records:
                db.storage.write(changed)

    def batch(self, changes: list[Change]) -> list[int | None]:
        """Several changes, all or nothing, in one atomic write (see :mod:`.batch`)."""
        from lederplan.store.batch import apply_batch

        return apply_batch(self.store, changes, PlanRepository)

    def delete(self, record_type: type[Record], record_id: str, rev: int) -> None:
        """Delete a record and everything under it, if it is still at revision *rev*."""
        kind = KINDS[record_type]
        with self.store.transaction() as db:
            table = db.table(kind.table)
            doc = table.get(_ID == record_id)
            if not isinstance(doc, dict) or doc.get("rev", 1) != rev:
                raise ConflictError(self.store.path, record_id, dict(doc) if doc else None)
            self._delete_tree(db, kind, record_id)
            if record_type is Plan:  # its answers would name a plan that is gone: damaged
                db.table("answers").remove(Query().plan_id == record_id)
            if record_type is Area:
                db.table("feedback").update({"area_id": None}, Query().area_id == record_id)

    def move(self, record_type: type[Record], record_id: str, rev: int, position: int) -> int:
        """Move a record to *position* among its siblings (same parent); returns its new rev.

        Raises:
            ConflictError: another session changed or deleted the record since revision *rev*.
        """
        kind = KINDS[record_type]
        with self.store.transaction() as db:
            table = db.table(kind.table)
            doc = table.get(_ID == record_id)
            if not isinstance(doc, dict) or doc.get("rev", 1) != rev:
                raise ConflictError(self.store.path, record_id, dict(doc) if doc else None)
            siblings = sorted(
                table.search(Query()[kind.parent] == doc[kind.parent]),
                key=lambda d: d.get("pos", 0),
            )
            order = [d for d in siblings if d["id"] != record_id]
            order.insert(max(0, min(position, len(order))), doc)
            for pos, sibling in enumerate(order):
                fields: dict[str, Any] = {"pos": pos}
                if sibling["id"] == record_id:
                    fields["rev"] = rev + 1
                if sibling.get("pos") != pos or "rev" in fields:
                    table.update(fields, doc_ids=[sibling.doc_id])
        return rev + 1

    def _delete_tree(self, db: TinyDB, kind: Kind, record_id: str) -> None:
        db.table(kind.table).remove(_ID == record_id)
        for child in kind.children:
            if child in CHILD_TYPES:
                child_kind = KINDS[CHILD_TYPES[child]]
                for doc in db.table(child_kind.table).search(
                    Query()[child_kind.parent] == record_id
                ):
                    self._delete_tree(db, child_kind, doc["id"])

    def _flatten_into(
        self, tables: Tables, record: Record, parent_key: str, parent_id: str, pos: int
    ) -> None:
        kind = KINDS[type(record)]
        doc = record.model_dump(mode="json", exclude=set(kind.children))
        doc |= {parent_key: parent_id, "pos": pos, "rev": 1}
        tables[kind.table][str(len(tables[kind.table]) + 1)] = doc
        for child in kind.children:
            for i, sub in enumerate(getattr(record, child, [])):
                self._flatten_into(tables, sub, KINDS[type(sub)].parent, record.id, i)

    def _check_invariants(self, db: TinyDB, record: Record, plan_id: str | None) -> None:
        """Refuse a record that would make the plan unreadable (checked here, not at load)."""
        if isinstance(record, Plan):
            for entry in db.table("feedback").search(Query().plan_id == record.id):
                rating = entry.get("rating")
                if rating is not None and not record.scale.low <= rating <= record.scale.high:
                    raise ValueError(f"a rating of {rating} is outside the new scale")
            return
        if not isinstance(record, FeedbackEntry):
            return
        plan_doc = db.table("plans").get(_ID == plan_id)
        if not isinstance(plan_doc, dict):
            raise NotFoundError(self.store.path, str(plan_id))
        scale = plan_doc.get("scale") or {"low": 1, "high": 6}
        if record.rating is not None and not scale["low"] <= record.rating <= scale["high"]:
            raise ValueError(f"rating {record.rating} is outside {scale['low']}–{scale['high']}")
        if record.area_id is not None and not db.table("areas").contains(_ID == record.area_id):
            raise NotFoundError(self.store.path, record.area_id)
