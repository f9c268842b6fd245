"""The documents of the ``answers`` table: one per platform or reflection answer of a plan.

A platform answer's document also holds the day its text was last changed (``date``, null when
not known) and its earlier versions (``history``: ``[{date, text}]``, oldest first), recorded in
the same write as the new text, so no session's save can skip them and the revision check covers
them too. Files from before history was kept lack both fields and load as they are (no dates, no
versions): no migration, and an older lederplan reading a newer file keeps them untouched.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lederplan.domain.history import change
from lederplan.domain.models import AnswerVersion


def answer_id(plan_id: str, kind: str, key: str | int) -> str:
    """The id of one answer: ``kind`` is ``platform`` (key 1–9) or ``reflection``."""
    return f"{plan_id}/{kind}/{key}"


def answer_doc(plan_id: str, kind: str, key: str, text: str) -> dict[str, Any]:
    """The document of one answer (without its revision, and for the platform its history)."""
    return {
        "id": answer_id(plan_id, kind, key),
        "plan_id": plan_id,
        "kind": kind,
        "key": key,
        "text": text,
    }


def dated_fields(day: date | None, history: list[AnswerVersion], box: int) -> dict[str, Any]:
    """Platform answer *box*'s ``date`` and ``history`` fields (its versions among *history*)."""
    earlier = [{"date": v.date.isoformat(), "text": v.text} for v in history if v.box == box]
    return {"date": day.isoformat() if day else None, "history": earlier}


def recorded_fields(
    doc: dict[str, Any] | None,
    plan_doc: dict[str, Any] | None,
    box: int,
    text: str,
    on: date,
) -> dict[str, Any]:
    """The ``date`` and ``history`` of platform answer *doc* once its text is *text*, on *on*.

    Args:
        doc: the answer's stored document (None: never saved).
        plan_doc: its plan's document: an answer of unknown day counts from the plan's date.
    """
    doc = doc or {}
    old_text = doc.get("text", "")
    stored_day = doc.get("date")
    old_day = date.fromisoformat(stored_day) if stored_day else None
    history = [
        AnswerVersion(box=box, date=version["date"], text=version["text"])
        for version in doc.get("history") or []
    ]
    plan_day = date.fromisoformat(plan_doc["date"]) if plan_doc else on
    kept, day = change(history, box, old_text, old_day or plan_day, text, on)
    return dated_fields(day if text != old_text else old_day, kept, box)
