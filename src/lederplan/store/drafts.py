"""The ``drafts`` table of the data file: text a person typed that could not go into its record.

A draft is kept when an editor's text cannot be saved where it belongs (invalid for now, changed
elsewhere, a read-only or vanished plan) and while a form is open (a form's fields are no record
until it is submitted). It lives in the data file, so it is written as atomically as the plan and
survives ``kill -9``; the app offers it back at the next start. Drafts are not part of the plan:
no revision, no read-only guard (a draft of a read-only period must still be kept), not exported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store imports this module: it keeps the drafts when it is replaced
    from lederplan.store.store import Store, Tables

TABLE = "drafts"
"""The table's name in the data file."""


@dataclass(frozen=True)
class Draft:
    """What was typed, where it belongs and when it was last typed."""

    key: str
    """Where it belongs: ``answer/<plan>/<kind>/<key>``, ``field/<record>/<field>``,
    ``new/<kind>/<parent>`` or ``form/<name>/<context>``; one draft per key."""
    label: str
    """What and where, as the person reads it (the box's question, the column and row, ...)."""
    fields: dict[str, str]
    """The text typed, by field (``text`` for a one-field editor)."""
    saved_at: str
    """When it was last saved (ISO 8601, local time, minutes)."""
    plan_id: str = ""
    """The plan it was typed into ("" when none)."""
    reason: str = ""
    """Why it is not in its record (``conflict``, ``invalid``, ``read_only``, ``gone``, ``form``,
    ``error``)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """What the editor needs to put it back (record kind, parent, position, ...)."""

    @property
    def text(self) -> str:
        """All the fields' text, one after the other (for a preview or the clipboard)."""
        return "\n\n".join(value for value in self.fields.values() if value)


def _doc(draft: Draft) -> dict[str, Any]:
    return {
        "key": draft.key,
        "label": draft.label,
        "fields": dict(draft.fields),
        "saved_at": draft.saved_at,
        "plan_id": draft.plan_id,
        "reason": draft.reason,
        "extra": dict(draft.extra),
    }


def _draft(doc: dict[str, Any]) -> Draft | None:
    """The draft of a stored document; None for one that is not a draft (never an error: a
    damaged draft must not stop anyone from reaching their plan)."""
    fields = doc.get("fields")
    if not isinstance(doc.get("key"), str) or not isinstance(fields, dict):
        return None
    texts = {str(k): v for k, v in fields.items() if isinstance(v, str)}
    extra = doc.get("extra")
    return Draft(
        key=doc["key"],
        label=str(doc.get("label", "")),
        fields=texts,
        saved_at=str(doc.get("saved_at", "")),
        plan_id=str(doc.get("plan_id", "") or ""),
        reason=str(doc.get("reason", "")),
        extra=extra if isinstance(extra, dict) else {},
    )


def list_drafts(store: Store) -> list[Draft]:
    """Every draft in the file, oldest first."""
    docs = store.read_tables().get(TABLE, {})
    found = [_draft(doc) for doc in docs.values() if isinstance(doc, dict)]
    return sorted((d for d in found if d is not None), key=lambda d: d.saved_at)


def save_drafts(
    store: Store, drafts: Sequence[Draft], drop: Sequence[str] = (), aside: Sequence[str] = ()
) -> None:
    """Keep *drafts* (each replacing the draft of its key) and drop the keys *drop*, in one
    atomic write; nothing is written when nothing changes. A draft of a key in *aside* whose
    fields differ from the new one's is kept beside it, under ``<key>@<when it was kept>``.

    Raises:
        StoreError: the file could not be written (the caller keeps the text where it is).
    """
    wanted = {draft.key: _doc(draft) for draft in drafts}
    gone = set(drop) - set(wanted)
    with store.transaction() as db:
        tables = db.storage.read() or {}
        old = tables.get(TABLE, {})
        kept = {k: d for k, d in old.items() if not (isinstance(d, dict) and d.get("key") in gone)}
        by_key = {d.get("key"): k for k, d in kept.items() if isinstance(d, dict)}
        changed = len(kept) != len(old)
        next_id = max((int(k) for k in kept if k.isdigit()), default=0) + 1
        for key, doc in wanted.items():
            at = by_key.get(key)
            if at is not None and kept[at] == doc:
                continue
            changed = True
            if at is not None and key in aside and kept[at].get("fields") != doc["fields"]:
                earlier = kept[at]
                aside_key, n = f"{key}@{earlier.get('saved_at', '')}", 1
                while aside_key in by_key:
                    aside_key, n = f"{key}@{earlier.get('saved_at', '')}#{n}", n + 1
                kept[at], by_key[aside_key] = {**earlier, "key": aside_key}, at
                at = None
            if at is None:
                at, next_id = str(next_id), next_id + 1
            kept[at] = doc
        if changed:
            db.storage.write({**tables, TABLE: kept})


def drop_drafts(store: Store, keys: Sequence[str]) -> None:
    """Forget the drafts *keys* (put back or discarded)."""
    if keys:
        save_drafts(store, [], keys)


def carry_drafts(old: bytes, tables: Tables) -> None:
    """Keep the drafts of the file being replaced (*old*, its bytes) in *tables*, beside any
    the replacement brings (a restored backup's own): an import or a restore replaces the
    plans, and must not take with it what someone typed and could not save."""
    try:
        previous = json.loads(old) if old.strip() else {}
    except (ValueError, RecursionError, MemoryError):
        return  # a damaged file: it is kept whole as the backup just taken
    drafts = previous.get(TABLE) if isinstance(previous, dict) else None
    if not isinstance(drafts, dict) or not drafts:
        return
    merged = dict(tables.get(TABLE, {}))
    known = {json.dumps(doc, sort_keys=True) for doc in merged.values()}
    last = max((int(key) for key in merged if key.isdigit()), default=0)
    for doc in drafts.values():
        if isinstance(doc, dict) and json.dumps(doc, sort_keys=True) not in known:
            last += 1
            merged[str(last)] = doc
    tables[TABLE] = merged
