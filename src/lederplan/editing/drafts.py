"""Drafts kept for the editing layer: an edit's text, or a form's fields, in the drafts table.

A draft is written only when its text changed since it was last kept, so an autosave of an
unchanged draft writes nothing. A failure to keep one is returned as a sentence, never raised: the
text then stays in its editor and the app says that it is not in the file (ctrl+q asks first).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from lederplan.editing.edit import Edit
from lederplan.editing.messages import describe
from lederplan.store.drafts import Draft, drop_drafts, list_drafts, save_drafts
from lederplan.store.errors import StoreError
from lederplan.store.store import Store


class DraftKeeper:
    """The drafts table of one store."""

    def __init__(
        self,
        store: Store,
        now: Callable[[], datetime] = datetime.now,
        written: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.now = now
        """The clock drafts are stamped with (the screenshots fix it)."""
        self._written = written
        """Called after each write: the session knows the file as it now is (a draft kept is
        no change made elsewhere, and must not make the app read the plan again)."""

    def _stamp(self) -> str:
        return self.now().isoformat(timespec="minutes")

    def keep_edit(self, edit: Edit, reason: str) -> str | None:
        """Keep *edit*'s text as its target's draft; None when kept, else why not."""
        if edit.drafted == edit.text:
            return None
        target = edit.target
        draft = Draft(
            key=target.draft_key,
            label=target.label,
            fields={"text": edit.text},
            saved_at=self._stamp(),
            plan_id=target.plan_id,
            reason=reason,
            extra=target.extra() | ({"record_id": edit.record_id} if edit.record_id else {}),
        )
        # A draft already under this key from an earlier edit of the same text (a long text
        # left with Esc, then the cell opened again) is set aside, never written over.
        aside = () if edit.drafted_once else (target.draft_key,)
        failed = self._write([draft], (), aside)
        if failed is None:
            edit.drafted, edit.drafted_once = edit.text, True
        return failed

    def keep_form(
        self, key: str, label: str, fields: dict[str, str], plan_id: str, extra: dict | None = None
    ) -> str | None:
        """Keep an open form's fields (a form is no record until it is submitted)."""
        draft = Draft(key, label, dict(fields), self._stamp(), plan_id, "form", dict(extra or {}))
        return self._write([draft], ())

    def drop(self, keys: Sequence[str]) -> str | None:
        """Forget the drafts *keys*; None when done, else why not."""
        try:
            drop_drafts(self.store, keys)
        except StoreError as error:
            return describe(error)
        self._written()
        return None

    def find(self, key: str) -> Draft | None:
        """The draft of *key*, if one is kept."""
        return next((draft for draft in self.all() if draft.key == key), None)

    def all(self) -> list[Draft]:
        """Every draft in the file, oldest first ([] when the file cannot be read)."""
        try:
            return list_drafts(self.store)
        except StoreError:
            return []

    def _write(
        self, drafts: Sequence[Draft], drop: Sequence[str], aside: Sequence[str] = ()
    ) -> str | None:
        try:
            save_drafts(self.store, drafts, drop, aside)
        except StoreError as error:
            return describe(error)
        self._written()
        return None
