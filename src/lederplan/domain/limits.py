"""How many characters a record's text field holds, read from the models' own constraints (so
an editor can say so while the text is typed, before the model refuses it)."""

from __future__ import annotations

from lederplan.domain.models import Action, Area, Goal, Indicator, Model

RECORD_TYPES: dict[str, type[Model]] = {
    "area": Area,
    "goal": Goal,
    "indicator": Indicator,
    "action": Action,
}
"""The records a målkort cell edits, by the name the editing layer gives them."""


def text_limit(record_type: str, field: str) -> int | None:
    """The most characters *field* of a *record_type* (``area``, ``goal``, ``indicator``,
    ``action``) holds; None when the field has no limit or is not a text."""
    model = RECORD_TYPES.get(record_type)
    info = model.model_fields.get(field) if model is not None else None
    if info is None:
        return None
    limits = [m.max_length for m in info.metadata if getattr(m, "max_length", None) is not None]
    return min(limits) if limits else None
