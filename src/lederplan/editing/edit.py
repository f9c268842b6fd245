"""One open editor's text, as data: where it belongs, what it held, what was saved.

The UI's editors (a platform box, a målkort cell) hand what is typed to their :class:`Edit`; the
editing layer (:class:`~lederplan.editing.workspace.Editing`) saves it into its record, or, where
it cannot go there, into the drafts table. So what was typed never lives only in a widget.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class EditState(enum.Enum):
    """Where an edit's text is now."""

    SAVED = "saved"
    """In its record (or nothing to save yet)."""
    CONFLICT = "conflict"
    """Changed elsewhere since it was opened: kept as a draft until the person chooses."""
    DRAFT = "draft"
    """Cannot go into its record (invalid for now, read-only, the record gone): kept as a draft."""
    UNSAVED = "unsaved"
    """Neither in its record nor in the drafts table (the file could not be written at all)."""


@dataclass(frozen=True)
class Target:
    """Where an edit's text belongs.

    ``answer``: a platform (key 1–9) or reflection answer. ``field``: one field of an area,
    goal, indicator or action. ``new``: the first field of a record not stored yet (it is
    stored with the first text typed, so an add left empty leaves nothing behind).
    """

    kind: str
    plan_id: str
    label: str
    """What and where, as the person reads it (for a draft offered back)."""
    answer_kind: str = ""
    answer_key: str = ""
    record_id: str = ""
    field: str = ""
    record_type: str = ""
    """``area``, ``goal``, ``indicator`` or ``action`` (``field`` and ``new``)."""
    parent_id: str = ""
    position: int | None = None
    new_id: str = ""
    """For ``new``: the id the record gets when it is stored (the row the screen shows for it
    before then has the same id, so the cursor stays on it)."""

    @property
    def draft_key(self) -> str:
        """The key of this target's draft in the drafts table."""
        if self.kind == "answer":
            # As store.answer_docs.answer_id makes it; not imported: the platform imports this
            # module before its first frame, which does without pydantic.
            return f"answer/{self.plan_id}/{self.answer_kind}/{self.answer_key}"
        if self.kind == "field":
            return f"field/{self.record_id}/{self.field}"
        return (
            f"new/{self.record_type}/{self.parent_id}/{self.new_id or self.position}/{self.field}"
        )

    def extra(self) -> dict[str, Any]:
        """What a draft needs to be put back where it belongs."""
        return {
            k: v
            for k, v in {
                "kind": self.kind,
                "answer_kind": self.answer_kind,
                "answer_key": self.answer_key,
                "record_id": self.record_id,
                "field": self.field,
                "record_type": self.record_type,
                "parent_id": self.parent_id,
                "position": self.position,
            }.items()
            if v not in ("", None)
        }


@dataclass(eq=False)
class Edit:
    """An open editor's text and where it stands; made by the editing layer's ``open_*``."""

    target: Target
    original: str
    """The text when the editor opened (Esc on a cell puts it back)."""
    rev: int
    """The revision the next save is based on: the one read when the editor opened, moved on
    only by this edit's own saves, so a change made elsewhere meanwhile is a conflict."""
    text: str = ""
    """What the editor holds now (handed over with :meth:`typed`)."""
    saved: str = ""
    """The text in the record as of this edit's last save (or when it opened)."""
    state: EditState = EditState.SAVED
    message: str | None = None
    """The one sentence saying why the text is not in its record (None when it is)."""
    theirs: str | None = None
    """After a conflict: the text the file holds now."""
    drafted: str | None = None
    """The text last kept in the drafts table (None: no draft kept)."""
    drafted_once: bool = False
    """This edit has kept a draft: one already under its key, before that, is another's."""
    record_id: str = ""
    """The record the text is in (for ``new``: once stored)."""
    undo_group: object = field(default_factory=object)
    """One edit is one undo step however often it was autosaved."""

    def __post_init__(self) -> None:
        self.text = self.text or self.original
        self.saved = self.saved or self.original
        self.record_id = self.record_id or self.target.record_id

    def typed(self, text: str) -> None:
        """The editor now holds *text* (cheap: saved by the next autosave)."""
        self.text = text

    @property
    def rev_key(self) -> str:
        """The id the file keeps this edit's revision under (an answer's or its record's)."""
        target = self.target
        if target.kind == "answer":
            return f"{target.plan_id}/{target.answer_kind}/{target.answer_key}"
        return self.record_id

    @property
    def dirty(self) -> bool:
        """Whether the text is not where it belongs yet (not saved, or a newer draft)."""
        if self.state is EditState.SAVED:
            return self.text != self.saved
        return self.text != self.drafted

    @property
    def kept(self) -> bool:
        """Whether every character typed is in the file: in its record or as a draft."""
        if self.state is EditState.SAVED:
            return self.text == self.saved
        return self.text == self.drafted

    @property
    def changed(self) -> bool:
        """Whether the text differs from what the editor opened with."""
        return self.text != self.original
