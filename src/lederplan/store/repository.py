"""Plans in and out of the store: models <-> TinyDB documents, with a revision on every record.

Each record is its own document (``areas``, ``goals``, ``indicators``, ``actions``, ``feedback``,
and one per platform/reflection answer in ``answers``) carrying ``rev``. An edit names the
revision it was based on; when another session changed or deleted the record since, the edit is
refused with :class:`ConflictError` instead of silently overwriting it. A platform answer's
document also holds its history (see :mod:`lederplan.store.answer_docs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError
from tinydb import Query, TinyDB

from lederplan.domain.models import (
    Action,
    Area,
    FeedbackEntry,
    Goal,
    Indicator,
    LongText,
    Plan,
    Record,
    Reflection,
)
from lederplan.store.answer_docs import (
    answer_doc,
    answer_id,
    dated_fields,
    recorded_fields,
    today_or_system,
)
from lederplan.store.errors import ConflictError, CorruptDataError, NotFoundError
from lederplan.store.store import Store, Tables


@dataclass(frozen=True)
class _Kind:
    table: str
    parent: str
    children: tuple[str, ...] = ()


_KINDS: dict[type[Record], _Kind] = {
    # The platform's answers, dates and history live in ``answers``, not in the plan's document.
    Plan: _Kind(
        "plans", "", ("platform", "platform_dates", "history", "reflection", "areas", "feedback")
    ),
    Area: _Kind("areas", "plan_id", ("goals",)),
    Goal: _Kind("goals", "area_id", ("indicators", "actions")),
    Indicator: _Kind("indicators", "goal_id"),
    Action: _Kind("actions", "goal_id"),
    FeedbackEntry: _Kind("feedback", "plan_id"),
}
_CHILD_TYPES: dict[str, type[Record]] = {
    "areas": Area,
    "goals": Goal,
    "indicators": Indicator,
    "actions": Action,
    "feedback": FeedbackEntry,
}
_REFLECTION_KEYS = tuple(Reflection.model_fields)
_ID = Query().id
_LONG_TEXT: TypeAdapter[str] = TypeAdapter(LongText)


@dataclass
class Snapshot:
    """A plan as read, with the revision of every record in it (to detect conflicting edits)."""

    plan: Plan
    revs: dict[str, int] = field(default_factory=dict)
    """Revision by record id; answers by :func:`answer_id`."""


def plans_to_tables(plans: list[Plan]) -> Tables:
    """Return the documents of *plans*, every record at revision 1.

    :meth:`Store.replace` raises the revisions above the old file's when it writes them.
    """
    tables: Tables = {name: {} for name in ("plans", "answers", *_CHILD_TYPES)}

    def put(table: str, doc: dict[str, Any]) -> None:
        doc["rev"] = 1
        tables[table][str(len(tables[table]) + 1)] = doc

    def put_record(record: Record, parent_key: str, parent_id: str, pos: int) -> None:
        kind = _KINDS[type(record)]
        doc = record.model_dump(mode="json", exclude=set(kind.children))
        if parent_key:
            doc[parent_key] = parent_id
        doc["pos"] = pos
        put(kind.table, doc)
        for child_field in kind.children:
            if child_field in _CHILD_TYPES:
                for i, child in enumerate(getattr(record, child_field)):
                    put_record(child, _KINDS[type(child)].parent, record.id, i)

    for pos, plan in enumerate(plans):
        put_record(plan, "", "", pos)
        for box, text in enumerate(plan.platform, start=1):
            doc = answer_doc(plan.id, "platform", str(box), text)
            put("answers", doc | dated_fields(plan.platform_dates[box - 1], plan.history, box))
        for key in _REFLECTION_KEYS:
            put("answers", answer_doc(plan.id, "reflection", key, getattr(plan.reflection, key)))
    return tables


def tables_to_snapshots(tables: Tables, path: str = "") -> list[Snapshot]:
    """Assemble the plans in *tables* (ordered as stored) with their revisions.

    The store checks the tables' shape before it hands them out (:mod:`lederplan.store.shape`);
    whatever that lets through, and whatever tables a caller passes, ends as a
    :class:`CorruptDataError` here, never as another exception.

    Raises:
        CorruptDataError: the documents do not make a valid plan (a file edited by hand).
    """
    try:
        return _assemble(tables, path)
    except CorruptDataError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError, RecursionError):
        raise CorruptDataError(path, "shape", None) from None


def _assemble(tables: Tables, path: str) -> list[Snapshot]:
    revs: dict[str, int] = {}
    by_parent: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in _CHILD_TYPES:
        groups: dict[str, list[dict[str, Any]]] = {}
        parent_key = _KINDS[_CHILD_TYPES[table]].parent
        for doc in tables.get(table, {}).values():
            groups.setdefault(doc.get(parent_key, ""), []).append(doc)
        by_parent[table] = groups
    answers: dict[str, dict[str, dict[str, str]]] = {}
    dated: dict[str, dict[str, dict[str, Any]]] = {}  # plan id -> box -> its answer's document
    for doc in tables.get("answers", {}).values():
        revs[doc["id"]] = doc.get("rev", 1)
        answers.setdefault(doc["plan_id"], {}).setdefault(doc["kind"], {})[doc["key"]] = doc["text"]
        if doc["kind"] == "platform":
            dated.setdefault(doc["plan_id"], {})[doc["key"]] = doc

    def build(table: str, parent_id: str) -> list[dict[str, Any]]:
        docs = sorted(by_parent[table].get(parent_id, []), key=lambda d: d.get("pos", 0))
        built = []
        skip = ("rev", "pos", _parent_of(table))
        for doc in docs:
            revs[doc["id"]] = doc.get("rev", 1)
            data = {k: v for k, v in doc.items() if k not in skip}
            for child in _KINDS[_CHILD_TYPES[table]].children:
                data[child] = build(child, doc["id"])
            built.append(data)
        return built

    snapshots = []
    for doc in sorted(tables.get("plans", {}).values(), key=lambda d: d.get("pos", 0)):
        revs[doc["id"]] = doc.get("rev", 1)
        data = {k: v for k, v in doc.items() if k not in ("rev", "pos")}
        mine = answers.get(doc["id"], {})
        platform = mine.get("platform", {})
        data["platform"] = [platform.get(str(box), "") for box in range(1, 10)]
        # Files written before history was kept have neither field: no dates, no versions.
        boxes = dated.get(doc["id"], {})
        data["platform_dates"] = [boxes.get(str(box), {}).get("date") for box in range(1, 10)]
        data["history"] = [
            {"box": key, **version} if isinstance(version, dict) else version
            for key, box_doc in boxes.items()
            for version in box_doc.get("history") or []
        ]
        data["reflection"] = mine.get("reflection", {})
        data["areas"] = build("areas", doc["id"])
        data["feedback"] = build("feedback", doc["id"])
        try:
            plan = Plan.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise CorruptDataError(path, f"invalid:{where}:{first['msg']}", None) from None
        snapshots.append(Snapshot(plan, revs))
    return snapshots


def _plans_of(tables: Tables) -> list[Snapshot]:
    return tables_to_snapshots(tables)


def _parent_of(table: str) -> str:
    return _KINDS[_CHILD_TYPES[table]].parent


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
        try:
            return tables_to_snapshots(tables, str(self.store.path))
        except CorruptDataError as error:
            raise self.store.corrupt(error.reason, _plans_of) from None

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
        if kind == "reflection" and key not in _REFLECTION_KEYS:
            raise ValueError(f"no reflection question {key}")
        text = _LONG_TEXT.validate_python(text)
        doc_id = answer_id(plan_id, kind, key)
        with self.store.transaction() as db:
            answers = db.table("answers")
            doc = answers.get(_ID == doc_id)
            current = doc.get("rev", 1) if isinstance(doc, dict) else None
            if current != rev and not (doc is None and rev == 0):
                raise ConflictError(self.store.path, doc_id, dict(doc) if doc else None)
            fields: dict[str, Any] = {"text": text, "rev": rev + 1}
            if kind == "platform":
                plan_doc = db.table("plans").get(_ID == plan_id)
                plan_doc = plan_doc if isinstance(plan_doc, dict) else None
                old = dict(doc) if isinstance(doc, dict) else None
                fields |= recorded_fields(old, plan_doc, int(key), text, today or today_or_system())
            if doc is None:
                answers.insert({**answer_doc(plan_id, kind, str(key), text), **fields})
            else:
                answers.update(fields, doc_ids=[doc.doc_id])  # type: ignore[union-attr]
        return rev + 1

    def update(self, record: Record, rev: int) -> int:
        """Save *record*'s own fields (not its children) edited from revision *rev*.

        Returns:
            The new revision.

        Raises:
            ConflictError: another session changed or deleted the record since revision *rev*.
        """
        kind = _KINDS[type(record)]
        fields = record.model_dump(mode="json", exclude=set(kind.children))
        with self.store.transaction() as db:
            table = db.table(kind.table)
            doc = table.get(_ID == record.id)
            if not isinstance(doc, dict) or doc.get("rev", 1) != rev:
                raise ConflictError(self.store.path, record.id, dict(doc) if doc else None)
            self._check_invariants(db, record, doc.get("plan_id", record.id))
            table.update({**fields, "rev": rev + 1}, doc_ids=[doc.doc_id])  # type: ignore[union-attr]
        return rev + 1

    def insert(self, record: Record, parent_id: str, position: int | None = None) -> None:
        """Add *record* (with its children) under *parent_id* at *position* (default: last)."""
        kind = _KINDS[type(record)]
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
                kind = _KINDS[type(record)]
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

    def delete(self, record_type: type[Record], record_id: str, rev: int) -> None:
        """Delete a record and everything under it, if it is still at revision *rev*."""
        kind = _KINDS[record_type]
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
        kind = _KINDS[record_type]
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

    def _delete_tree(self, db: TinyDB, kind: _Kind, record_id: str) -> None:
        db.table(kind.table).remove(_ID == record_id)
        for child in kind.children:
            if child in _CHILD_TYPES:
                child_kind = _KINDS[_CHILD_TYPES[child]]
                for doc in db.table(child_kind.table).search(
                    Query()[child_kind.parent] == record_id
                ):
                    self._delete_tree(db, child_kind, doc["id"])

    def _flatten_into(
        self, tables: Tables, record: Record, parent_key: str, parent_id: str, pos: int
    ) -> None:
        kind = _KINDS[type(record)]
        doc = record.model_dump(mode="json", exclude=set(kind.children))
        doc |= {parent_key: parent_id, "pos": pos, "rev": 1}
        tables[kind.table][str(len(tables[kind.table]) + 1)] = doc
        for child in kind.children:
            for i, sub in enumerate(getattr(record, child, [])):
                self._flatten_into(tables, sub, _KINDS[type(sub)].parent, record.id, i)

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
