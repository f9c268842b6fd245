"""What the editing layer does when the file changed elsewhere, and with drafts offered back.

Functions of an :class:`~lederplan.editing.workspace.Editing` (its methods ``reload`` and
``put_back`` call them), kept apart so that each module stays readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lederplan.editing.edit import Edit, EditState
from lederplan.editing.messages import problem
from lederplan.editing.outcome import OK, Outcome
from lederplan.editing.records import locate
from lederplan.i18n import t
from lederplan.store.errors import PeriodReadOnlyError, PlanGoneError, StoreError

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
        gone = edit.target.plan_id != self.plan.id or (
            edit.target.kind != "answer"
            and bool(edit.record_id)
            and locate(self.plan, edit.record_id) is None
        )
        if gone:
            older = next((p for p in self.session.periods() if p.id == edit.target.plan_id), None)
            if older is not None:  # another session started a new period: this one is older
                error: StoreError = PeriodReadOnlyError(
                    self.store.path, older.date, older.period_end
                )
                self._keep_draft(edit, "read_only", problem(error))
            else:
                self._keep_draft(edit, "gone", problem(PlanGoneError(self.store.path)))
            continue
        stored = revs.get(edit.rev_key, 0)
        if edit.record_id or edit.target.kind == "answer":
            now = _stored_text(self, edit)
            if stored != edit.rev and now != edit.saved:
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
    if kind == "answer":
        edit = self.open_answer(extra["answer_kind"], extra["answer_key"], draft.label)
    elif (
        kind in ("field", "new")
        and extra.get("record_id")
        and locate(self.plan, extra["record_id"])
    ):
        edit = self.open_field(extra["record_id"], extra["field"], draft.label)
    elif kind == "new" and (
        extra.get("parent_id") == self.plan.id or locate(self.plan, extra.get("parent_id", ""))
    ):
        edit = self.open_new(
            extra["record_type"], extra["parent_id"], None, extra["field"], draft.label
        )
    else:
        from lederplan.i18n import t

        key = "drafts.form_hint" if draft.reason == "form" else "drafts.cannot_put_back"
        return Outcome(False, t(key))
    edit.typed(text)
    outcome = self.finish(edit)
    self.close(edit)
    if outcome.ok:
        failed = self.drafts.drop([draft.key])
        return Outcome(False, failed) if failed else outcome
    return outcome


def _stored_text(editing: Editing, edit: Edit) -> str:
    target = edit.target
    if target.kind == "answer":
        return editing.session.answer(target.answer_kind, target.answer_key)
    found = locate(editing.plan, edit.record_id)
    return str(getattr(found.record, target.field, "")) if found else ""
