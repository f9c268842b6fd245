"""What the editing layer does when the file changed elsewhere, and with drafts offered back.

Functions of an :class:`~lederplan.editing.workspace.Editing` (its methods ``reload`` and
``put_back`` call them), kept apart so that each module stays readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lederplan.editing.edit import Edit, EditState
from lederplan.editing.messages import problem
from lederplan.editing.outcome import OK, Outcome
from lederplan.editing.records import locate
from lederplan.i18n import t
from lederplan.store.errors import PeriodReadOnlyError

if TYPE_CHECKING:
    from lederplan.editing.workspace import Editing
    from lederplan.store.drafts import Draft


def reload_keeping(self: Editing) -> Outcome:
    """Read the file again after another process changed it; every open editor keeps its
    text: in its record where that is still there and unchanged, else as a draft."""
    outcome = self.load()
    if not outcome.ok:
        return outcome
    revs = self.session.snapshot.revs if self.session.snapshot else {}
    for edit in self.edits:
        # The file was replaced, maybe without the drafts table: every draft is written again,
        # and one the new file holds under the same key is another's (set aside, not replaced).
        edit.drafted, edit.drafted_once = None, False
        gone = edit.target.plan_id != self.plan.id or (
            edit.target.kind != "answer"
            and bool(edit.record_id)
            and locate(self.plan, edit.record_id) is None
        )
        if gone:
            error = self.not_shown(edit.target.plan_id)
            reason = "read_only" if isinstance(error, PeriodReadOnlyError) else "gone"
            self._keep_draft(edit, reason, problem(error))
            continue
        stored = revs.get(edit.rev_key, 0)
        if edit.record_id or edit.target.kind == "answer":
            now = stored_text(self, edit)
            # The text, not only the revision: a file replaced by an older lederplan (or by hand)
            # may carry the same revisions with other texts.
            if now != edit.saved:
                edit.theirs = now
                edit.state = EditState.SAVED  # so that the draft is kept as a conflict
                self._keep_draft(edit, "conflict", t("edit.conflict_notice"), conflict=True)
            elif stored != edit.rev:
                edit.rev = stored  # the same text: nothing to choose
    self._changed()
    return OK


def put_back(self: Editing, draft: Draft) -> Outcome:
    """Put a draft where it belongs in the plan shown (an answer: the same box, also of a
    plan that replaced the one it was typed in); the draft is dropped once it is there."""
    extra, text = draft.extra, draft.fields.get("text", draft.text)
    kind = extra.get("kind")
    needed = {"answer": ("answer_kind", "answer_key"), "field": ("record_id", "field"),
              "new": ("record_type", "parent_id", "field")}.get(str(kind), ())  # fmt: skip
    if not needed or not all(isinstance(extra.get(key), str) for key in needed):
        kind = None  # a draft from a form, or one damaged in the file: it is offered to copy
    edit = None
    try:
        if kind == "answer":
            edit = self.open_answer(extra["answer_kind"], extra["answer_key"], draft.label)
        elif (
            kind in ("field", "new")
            and extra.get("record_id")
            and locate(self.plan, extra["record_id"])
        ):
            edit = self.open_field(extra["record_id"], extra["field"], draft.label)
        elif kind == "new" and (
            extra["parent_id"] == self.plan.id or locate(self.plan, extra["parent_id"])
        ):
            edit = self.open_new(
                extra["record_type"], extra["parent_id"], None, extra["field"], draft.label
            )
    except (AssertionError, AttributeError, IndexError, KeyError, ValueError):
        edit = None  # a box, field or kind that does not exist: damaged in the file
    if edit is None:
        key = "drafts.form_hint" if draft.reason == "form" else "drafts.cannot_put_back"
        return Outcome(False, t(key))
    edit.typed(text)
    outcome = self.finish(edit)
    self.close(edit)
    if outcome.ok:
        failed = self.drafts.drop([draft.key])
        return Outcome(False, failed) if failed else outcome
    return outcome


def stored_text(editing: Editing, edit: Edit) -> str:
    target = edit.target
    if target.kind == "answer":
        return editing.session.answer(target.answer_kind, target.answer_key)
    found = locate(editing.plan, edit.record_id)
    return str(getattr(found.record, target.field, "")) if found else ""


def their_text(edit: Edit, current: dict[str, Any] | None) -> str:
    """The text *edit* belongs in, as the other session left it in the record's stored fields
    *current* (None: the record is gone)."""
    if current is None:
        return ""
    key = "text" if edit.target.kind == "answer" else edit.target.field
    return str(current.get(key, ""))
