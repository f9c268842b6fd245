"""Plans as the store's documents and back: one document per record, each with its revision.

Each record is its own document (``areas``, ``goals``, ``indicators``, ``actions``, ``feedback``,
and one per platform/reflection answer in ``answers``) carrying ``rev`` (see
:mod:`lederplan.store.repository`, which changes them one at a time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from lederplan.domain.models import (
    Action,
    Area,
    FeedbackEntry,
    Goal,
    Indicator,
    Plan,
    Record,
    Reflection,
)
from lederplan.store.answer_docs import answer_doc, dated_fields
from lederplan.store.errors import CorruptDataError
from lederplan.store.store import Tables


@dataclass(frozen=True)
class Kind:
    """Where a record type's documents live."""

    table: str
    """Its table."""
    parent: str
    """The field naming its parent ("" for a plan)."""
    children: tuple[str, ...] = ()
    """Its fields that are not in its own document (stored elsewhere)."""


KINDS: dict[type[Record], Kind] = {
    # The platform's answers, dates and history live in ``answers``, not in the plan's document.
    Plan: Kind(
        "plans", "", ("platform", "platform_dates", "history", "reflection", "areas", "feedback")
    ),
    Area: Kind("areas", "plan_id", ("goals",)),
    Goal: Kind("goals", "area_id", ("indicators", "actions")),
    Indicator: Kind("indicators", "goal_id"),
    Action: Kind("actions", "goal_id"),
    FeedbackEntry: Kind("feedback", "plan_id"),
}
CHILD_TYPES: dict[str, type[Record]] = {
    "areas": Area,
    "goals": Goal,
    "indicators": Indicator,
    "actions": Action,
    "feedback": FeedbackEntry,
}
REFLECTION_KEYS = tuple(Reflection.model_fields)


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
    tables: Tables = {name: {} for name in ("plans", "answers", *CHILD_TYPES)}

    def put(table: str, doc: dict[str, Any]) -> None:
        doc["rev"] = 1
        tables[table][str(len(tables[table]) + 1)] = doc

    def put_record(record: Record, parent_key: str, parent_id: str, pos: int) -> None:
        kind = KINDS[type(record)]
        doc = record.model_dump(mode="json", exclude=set(kind.children))
        if parent_key:
            doc[parent_key] = parent_id
        doc["pos"] = pos
        put(kind.table, doc)
        for child_field in kind.children:
            if child_field in CHILD_TYPES:
                for i, child in enumerate(getattr(record, child_field)):
                    put_record(child, KINDS[type(child)].parent, record.id, i)

    for pos, plan in enumerate(plans):
        put_record(plan, "", "", pos)
        for box, text in enumerate(plan.platform, start=1):
            doc = answer_doc(plan.id, "platform", str(box), text)
            put("answers", doc | dated_fields(plan.platform_dates[box - 1], plan.history, box))
        for key in REFLECTION_KEYS:
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
    for table in CHILD_TYPES:
        groups: dict[str, list[dict[str, Any]]] = {}
        parent_key = KINDS[CHILD_TYPES[table]].parent
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
            for child in KINDS[CHILD_TYPES[table]].children:
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


def plans_of(tables: Tables) -> list[Snapshot]:
    """:func:`tables_to_snapshots` without a path: the check a good backup must pass too."""
    return tables_to_snapshots(tables)


def _parent_of(table: str) -> str:
    return KINDS[CHILD_TYPES[table]].parent
