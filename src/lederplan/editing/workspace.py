"""The one way a change is made: validate, write through the guard, say any error in one sentence
of the catalogue, tell the screens.

:class:`Editing` holds the session (the plan shown, with its revisions), the undoable record
editor and every open editor's :class:`~lederplan.editing.edit.Edit`. A screen posts an intent
(``apply``, ``save``, ``finish``, ``cancel``) and shows the :class:`Outcome`; it never catches a
store error nor holds a repository. What an editor holds goes into its record; where it cannot
(invalid for now, changed elsewhere, a read-only or vanished plan) it goes into the drafts table
of the data file (:mod:`lederplan.store.drafts`), so nothing typed lives only in a widget.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from lederplan import clock
from lederplan.editing.disk import EditingDisk
from lederplan.editing.drafts import DraftKeeper
from lederplan.editing.edit import Edit, EditState, Target
from lederplan.editing.elsewhere import put_back, reload_keeping, stored_text, their_text
from lederplan.editing.messages import describe, problem
from lederplan.editing.outcome import OK, Outcome
from lederplan.editing.records import RecordEditor, locate
from lederplan.editing.session import PlanSession
from lederplan.i18n import t
from lederplan.store.answer_docs import answer_id
from lederplan.store.batch import Change
from lederplan.store.drafts import Draft
from lederplan.store.errors import (
    ConflictError,
    NotFoundError,
    PeriodReadOnlyError,
    PlanGoneError,
    StoreError,
)
from lederplan.store.store import Store

if TYPE_CHECKING:
    from lederplan.domain.models import Plan

_TYPES = ("area", "goal", "indicator", "action")


class Editing(EditingDisk):
    """A person's plan and every change to it; see the module's docstring."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.store = store
        """Where the plan lives."""
        # Every change of an editing session goes to the journal, whatever the file's size: a
        # whole write fsyncs before it returns, on the caller's thread (the event loop), and on
        # a loaded disk or NFS that is seconds without a key. A journal line is in the page
        # cache when the save returns (kill -9 loses nothing) and fsynced on the syncer's
        # thread; the fold on exit writes the TinyDB file.
        store.journal_from = 0
        # Likewise the daily backup a save takes past midnight: on a thread, not in the save.
        store.backups_in_background = True
        self.session = PlanSession(store)
        """The plan shown and its revisions (read it; change it only through this class)."""
        self.records = RecordEditor(self.session)
        """Undoable changes to records."""
        self.edits: list[Edit] = []
        """The editors open now."""
        self.drafts = DraftKeeper(store, now, self.session.written)
        """The drafts table."""
        self._listeners: list[Callable[[], None]] = []

    @property
    def plan(self) -> Plan:
        """The plan shown."""
        return self.session.plan

    @property
    def loaded(self) -> bool:
        """Whether a plan is shown."""
        return self.session.snapshot is not None

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call *listener* after every change and every reload (the app redraws its screens)."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    # -- any change ------------------------------------------------------------------------

    def apply(self, change: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
        """Make *change*; any error comes back as one sentence, and the plan is read again so
        the screens show what the file holds."""
        try:
            value = change(*args, **kwargs)
        except Exception as error:  # each kind is said in messages.problem
            sentence = problem(error)
            if sentence is None:
                raise
            if isinstance(error, StoreError):
                self._reload_quietly()
            self._changed()
            return Outcome(False, sentence, conflict=isinstance(error, ConflictError))
        self._changed()
        return Outcome(True, value=value)

    def batch(self, changes: list[Change]) -> Outcome:
        """Several records changed all or nothing, each from the revision it names (a check-in
        saves as one); the plan is read again after it. Not undoable as one step yet."""

        def run() -> list[int | None]:
            revs = self.session.repo.batch(changes)
            self.session.load()
            return revs

        return self.apply(run)

    def load(self) -> Outcome:
        """Read the plan (at start, or after another process replaced the file)."""
        try:
            self.session.load()
        except StoreError as error:
            return Outcome(False, describe(error))
        # Here, off the event loop, rather than in the first save (a large file's copy takes
        # long). One that fails is taken again by that save, which says so if it fails too.
        with contextlib.suppress(StoreError):
            self.store.back_up_at_open()
        return OK

    def _reload_quietly(self) -> None:
        with contextlib.suppress(StoreError):  # the next poll or change says it
            self.session.load()

    def not_shown(self, plan_id: str) -> StoreError:
        """Why an edit of plan *plan_id*, no longer the plan shown, cannot be saved: an older
        period now (another session started a new one), or a plan no longer in the file."""
        older = next((p for p in self.session.periods() if p.id == plan_id), None)
        if older is not None and plan_id != self.plan.id:
            return PeriodReadOnlyError(self.store.path, older.date, older.period_end)
        return PlanGoneError(self.store.path)

    def refusal(self) -> str | None:
        """Why no change can be made to the plan shown now (an older period, a plan no longer
        in the file), in one sentence; None when changes can be made."""
        try:
            self.session.check_writable()
        except StoreError as error:
            return describe(error)
        return None

    def undo(self) -> Outcome:
        """Take back the last change (one edit is one step, however often it was autosaved)."""
        return self.apply(self.records.undo)

    # -- open editors ----------------------------------------------------------------------

    def open_answer(self, kind: str, key: str, label: str) -> Edit:
        """An editor on a platform (key 1–9) or reflection answer of the plan shown."""
        plan = self.plan
        assert self.session.snapshot is not None
        target = Target("answer", plan.id, label, answer_kind=kind, answer_key=str(key))
        rev = self.session.snapshot.revs.get(answer_id(plan.id, kind, key), 0)
        return self._open(Edit(target, self.session.answer(kind, key), rev))

    def open_field(self, record_id: str, field: str, label: str) -> Edit:
        """An editor on one field of an area, goal, indicator or action of the plan shown."""
        found = locate(self.plan, record_id)
        assert found is not None and self.session.snapshot is not None, record_id
        kind = type(found.record).__name__.lower()
        target = Target("field", self.plan.id, label, record_id=record_id, field=field,
                        record_type=kind)  # fmt: skip
        rev = self.session.snapshot.revs.get(record_id, 1)
        return self._open(Edit(target, str(getattr(found.record, field)), rev))

    def open_new(
        self,
        record_type: str,
        parent_id: str,
        position: int | None,
        field: str,
        label: str,
        *,
        new_id: str = "",
    ) -> Edit:
        """An editor on the first field of a new record: stored with the first text typed,
        never empty (an add left with nothing typed leaves nothing behind).

        Args:
            new_id: the id to give the record (default: a new one).
        """
        assert record_type in _TYPES, record_type
        target = Target("new", self.plan.id, label, field=field, record_type=record_type,
                        parent_id=parent_id, position=position, new_id=new_id)  # fmt: skip
        return self._open(Edit(target, "", 0))

    def _open(self, edit: Edit) -> Edit:
        self.edits.append(edit)
        return edit

    def close(self, edit: Edit) -> None:
        """Forget *edit* (its editor is gone); its draft, if any, stays in the table."""
        if edit in self.edits:
            self.edits.remove(edit)

    def save(self, edit: Edit, *, overwrite: bool = False, announce: bool = True) -> Outcome:
        """Put what *edit* holds into its record; where it cannot go there, into the drafts
        table. A conflict is never resolved here: the text is kept until the person chooses.

        Args:
            announce: tell the screens (not for an autosave: the editor shows the text already,
                and redrawing every screen of the plan every 2 s while typing is wasted work on
                the keyboard's path; the screens hear of it when the editor closes).
        """
        if not edit.dirty and not overwrite:
            return OK if edit.state is EditState.SAVED else Outcome(False, edit.message)
        if edit.state is EditState.CONFLICT and not overwrite:
            return self._keep_draft(edit, "conflict", edit.message, conflict=True)
        try:
            self._write(edit, edit.text, overwrite=overwrite)
        except ConflictError as error:
            edit.theirs = their_text(edit, error.current)
            if error.current is None:
                return self._keep_draft(edit, "gone", problem(PlanGoneError(self.store.path)))
            edit.state = EditState.CONFLICT
            self._changed()
            return self._keep_draft(edit, "conflict", t("edit.conflict_notice"), conflict=True)
        except Exception as error:  # each kind is said in messages.problem
            sentence = problem(error)
            if sentence is None:
                raise
            reason = "read_only" if isinstance(error, PeriodReadOnlyError) else "invalid"
            if isinstance(error, PlanGoneError | NotFoundError):
                reason = "gone"
            elif isinstance(error, StoreError):
                reason = "error"
            return self._keep_draft(edit, reason, sentence)
        edit.state, edit.message, edit.theirs, edit.saved = EditState.SAVED, None, None, edit.text
        if edit.drafted is not None:
            self._drop_draft(edit)
        if announce:
            self._changed()
        return OK

    def finish(self, edit: Edit) -> Outcome:
        """Save *edit* and close it when saved; it stays open (its text kept) when not. A new
        record whose text was emptied again is taken back: no add stores an empty record."""
        if edit.target.kind == "new" and edit.record_id and not edit.text.strip():
            return self.cancel(edit)
        outcome = self.save(edit, announce=False)
        if outcome.ok:
            self.close(edit)
            if edit.saved != edit.original:  # once, also when an autosave had put it there
                self._changed()
        return outcome

    def cancel(self, edit: Edit) -> Outcome:
        """Put back the text the editor opened with (Esc on a cell) and close it. After a
        conflict nothing is written (the record holds the other session's text) and what was
        typed stays a draft: Esc is no choice between the two (F2 is)."""
        outcome = OK
        if edit.state is EditState.CONFLICT:
            self.save(edit)  # the draft follows the last keys typed
            self.close(edit)
            return Outcome(False, t("edit.conflict_kept"), conflict=True)
        # A text that could not go into its record (too long, say) stays a draft, said so:
        # Esc gives the cell back what it had, and never loses what was typed.
        keep, drafted = edit.state is EditState.DRAFT, edit.drafted
        if keep:
            self.save(edit)  # the draft follows the last keys typed
            drafted, edit.drafted = edit.drafted, None  # the put-back below must not drop it
        if edit.target.kind == "new" and edit.record_id:
            # Stored by an autosave (whatever became of later saves): it goes again.
            outcome = self.apply(self.records.take_back, edit.undo_group)
        elif edit.state is not EditState.CONFLICT and edit.saved != edit.original:
            # An autosave put text into the record: the record gets back what it had. (After
            # a conflict the record holds the other session's text, which stays.)
            edit.state, edit.text = EditState.SAVED, edit.original
            outcome = self.save(edit)
            self.records.forget(edit.undo_group)
        if keep:
            edit.drafted = drafted
            self.close(edit)
            return outcome if not outcome.ok else Outcome(False, t("edit.cancel_kept"))
        if outcome.ok:
            if edit.drafted is not None:
                self._drop_draft(edit)
            self.close(edit)
        return outcome

    def keep_mine(self, edit: Edit) -> Outcome:
        """After a conflict: save this edit's text over the other session's."""
        self._reload_quietly()  # mine goes over their text only: their other fields stay
        edit.state = EditState.SAVED
        return self.save(edit, overwrite=True)

    def take_theirs(self, edit: Edit) -> str:
        """After a conflict: the other session's text becomes the editor's; returns it."""
        self._reload_quietly()
        theirs = stored_text(self, edit) if self.loaded else edit.theirs or ""
        revs = self.session.snapshot.revs if self.session.snapshot else {}
        edit.rev = revs.get(edit.rev_key, edit.rev)
        edit.state, edit.message, edit.theirs = EditState.SAVED, None, None
        # Theirs is what the editor now starts from: Esc puts it back, never what it held before
        # the conflict (that would save over their change), and undo has nothing of this edit.
        edit.text = edit.saved = edit.original = theirs
        self.records.forget(edit.undo_group)
        if edit.drafted is not None:
            self._drop_draft(edit)
        self._changed()
        return theirs

    def save_all(self) -> list[Outcome]:
        """Save every open editor's text (autosave, leaving a screen, quitting, a hang-up)."""
        return [self.save(edit, announce=False) for edit in list(self.edits) if edit.dirty]

    def save_all_at_once(self) -> list[Outcome]:
        """:meth:`save_all` without waiting for the lock: after a wait for it ran out, each
        save says at once that another session holds it (the texts stay in their editors)."""
        with self.store.lock_waits(0):
            return self.save_all()

    def unkept(self) -> list[Edit]:
        """Open edits whose text is not in its record (kept as a draft, or not even that)."""
        return [edit for edit in self.edits if edit.state is not EditState.SAVED or edit.dirty]

    # -- writing an edit -------------------------------------------------------------------

    def _write(self, edit: Edit, text: str, *, overwrite: bool) -> None:
        target = edit.target
        if target.plan_id != self.plan.id:
            raise self.not_shown(target.plan_id)
        if target.kind == "answer":
            edit.rev = self.session.write_answer(
                target.answer_kind, target.answer_key, text, edit.rev, overwrite=overwrite
            )
            return
        extra = {"deadline_written": clock.today_or_system()} if target.field == "deadline" else {}
        if edit.record_id:
            found = locate(self.plan, edit.record_id)
            if found is None:
                raise PlanGoneError(self.store.path)
            record = type(found.record).model_validate(
                found.record.model_dump() | {target.field: text, **extra}
            )
            rev = self.session.current_rev(edit.record_id) if overwrite else edit.rev
            edit.rev = self.records.update(record, rev=rev, group=edit.undo_group)
            return
        if not text.strip():
            return  # nothing typed yet: nothing stored
        from lederplan.domain.models import Action, Area, Goal, Indicator

        kind = {"area": Area, "goal": Goal, "indicator": Indicator, "action": Action}
        fields = {target.field: text, **extra} | ({"id": target.new_id} if target.new_id else {})
        record = kind[target.record_type].model_validate(fields)
        if target.parent_id != self.plan.id and locate(self.plan, target.parent_id) is None:
            raise PlanGoneError(self.store.path)
        self.records.add(record, target.parent_id, target.position, group=edit.undo_group)
        edit.record_id, edit.rev = record.id, 1

    # -- drafts ----------------------------------------------------------------------------

    def _keep_draft(
        self, edit: Edit, reason: str, message: str | None, *, conflict: bool = False
    ) -> Outcome:
        if edit.state is EditState.SAVED or reason != "conflict":
            edit.state = EditState.CONFLICT if reason == "conflict" else EditState.DRAFT
        edit.message = message
        written = self.drafts.keep_edit(edit, reason)
        if written is not None:
            edit.state = EditState.UNSAVED
            edit.message = written
        return Outcome(False, edit.message, conflict=conflict)

    def _drop_draft(self, edit: Edit) -> None:
        if self.drafts.drop([edit.target.draft_key]) is None:
            edit.drafted = None

    def reload(self) -> Outcome:
        """Read the file again after another process changed it; every open editor keeps its
        text: in its record where that is still there and unchanged, else as a draft."""
        return reload_keeping(self)

    def put_back(self, draft: Draft) -> Outcome:
        """Put a draft where it belongs in the plan shown (see :func:`.elsewhere.put_back`)."""
        return put_back(self, draft)

    def discard(self, draft: Draft) -> Outcome:
        """Forget a draft (the person chose to)."""
        failed = self.drafts.drop([draft.key])
        return Outcome(False, failed) if failed else OK

    def list_drafts(self) -> list[Draft]:
        """Drafts in the file that no open editor is working on, oldest first."""
        open_keys = {edit.target.draft_key for edit in self.edits}
        return [d for d in self.drafts.all() if d.key not in open_keys]
