"""A new plan period in the store: the new plan first, the old one without what moved; one write.

:func:`~lederplan.domain.periods.new_period` decides what is copied and what moves; this writes
its result all or nothing: one atomic write of the whole file (after a ``before-period`` backup),
refused with :class:`~lederplan.store.errors.ConflictError` when the plan was changed elsewhere
since it was read, so a new period is never made from a stale plan.
"""

from __future__ import annotations

from typing import Any

from lederplan.domain.models import Plan
from lederplan.store.errors import ConflictError
from lederplan.store.repository import plans_to_tables, tables_to_snapshots
from lederplan.store.store import Store, Tables

BACKUP_KIND = "before-period"
"""The backup taken before a new period is written."""


def _action_ids(plan: Plan) -> set[str]:
    return {action.id for area in plan.areas for goal in area.goals for action in goal.actions}


def start_period(store: Store, source: Plan, old: Plan, new: Plan) -> None:
    """Write *new* as the first (current) plan and *old* in place of *source*.

    Args:
        source: the plan the period was started from, as it was read.
        old: *source* after :func:`~lederplan.domain.periods.new_period`: the same records less
            the actions that moved, and its new ``period_end``.
        new: the new plan.

    Raises:
        ConflictError: the file no longer holds *source* as it was read (another session changed
            it, or deleted it); nothing is written.
        ValueError: *old* is not *source* less some of its actions.
    """
    moved = _action_ids(source) - _action_ids(old)
    if old.id != source.id or _action_ids(old) - _action_ids(source):
        raise ValueError("the old plan must be the source plan less the actions that moved")
    with store.transaction() as db:
        tables: Tables = db.storage.read() or {}
        stored = {s.plan.id: s.plan for s in tables_to_snapshots(tables, str(store.path))}
        if stored.get(source.id) != source:
            raise ConflictError(store.path, source.id, None)
        store.backup_now(BACKUP_KIND)
        db.storage.write(_with_new_period(tables, old, new, moved))


def _with_new_period(tables: Tables, old: Plan, new: Plan, moved: set[str]) -> Tables:
    # The read tables are shared with the store's cache: build new dicts, change none in place.
    changed: Tables = dict(tables)
    changed["actions"] = {
        key: doc for key, doc in tables.get("actions", {}).items() if doc.get("id") not in moved
    }
    # The plan's own document as the repository writes it (its children live in other tables).
    old_doc = next(iter(plans_to_tables([old])["plans"].values()))
    old_fields = {k: v for k, v in old_doc.items() if k not in ("pos", "rev")}
    plans: dict[str, dict[str, Any]] = {}
    for key, doc in tables.get("plans", {}).items():
        doc = {**doc, "pos": doc.get("pos", 0) + 1}  # the new plan comes first
        if doc.get("id") == old.id:
            doc |= old_fields | {"rev": doc.get("rev", 1) + 1}
        plans[key] = doc
    changed["plans"] = plans
    for name, docs in plans_to_tables([new]).items():
        existing = changed.get(name, {})
        first = max((int(key) for key in existing), default=0) + 1
        changed[name] = {**existing, **{str(first + i): d for i, d in enumerate(docs.values())}}
    return changed
