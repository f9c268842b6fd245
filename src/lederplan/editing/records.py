"""Changes to the målkort's records, each saved at once, each undoable.

Every change names the revision it was based on (from the session's snapshot), so a change
another session made meanwhile comes back as ConflictError and is never overwritten silently.
The undo stack holds the inverse of each committed change; undoing is itself a saved change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from lederplan.domain.models import Action, Area, FeedbackEntry, Goal, Indicator, Plan, Record
from lederplan.editing.session import PlanSession
from lederplan.store.documents import KINDS

UNDO_DEPTH = 50
"""How many committed changes ctrl+z can take back."""

_CHILD_FIELD = {
    Area: "areas",
    Goal: "goals",
    Indicator: "indicators",
    Action: "actions",
    FeedbackEntry: "feedback",
}


@dataclass(frozen=True)
class Located:
    """A record found in the plan, with where it sits."""

    record: Record
    parent_id: str
    position: int


def locate(plan: Plan, record_id: str) -> Located | None:
    """Find the area, goal, indicator, action or feedback entry *record_id* in *plan*."""
    for n, entry in enumerate(plan.feedback):
        if entry.id == record_id:
            return Located(entry, plan.id, n)
    for a, area in enumerate(plan.areas):
        if area.id == record_id:
            return Located(area, plan.id, a)
        for g, goal in enumerate(area.goals):
            if goal.id == record_id:
                return Located(goal, area.id, g)
            for i, indicator in enumerate(goal.indicators):
                if indicator.id == record_id:
                    return Located(indicator, goal.id, i)
            for n, action in enumerate(goal.actions):
                if action.id == record_id:
                    return Located(action, goal.id, n)
    return None


@dataclass
class _Step:
    """One change ctrl+z can take back."""

    label: str
    record_id: str
    inverse: Callable[[int], object]
    """Takes the change back, from the revision the record is expected at (a conflict if not)."""
    rev: int
    """The revision this session last left the record at."""
    group: object = None
    """The edit it belongs to (one step however often that edit was saved)."""


class RecordEditor:
    """Saves changes to records through the session's repository and keeps them undoable.

    The session's repository refuses every change to a read-only plan period (undo too).
    """

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self._undo: list[_Step] = []
        self._undo_plan: str | None = None

    @property
    def plan(self) -> Plan:
        return self.session.plan

    def _rev(self, record_id: str) -> int:
        assert self.session.snapshot is not None
        return self.session.snapshot.revs.get(record_id, 1)

    def _push(
        self,
        label: str,
        record_id: str,
        inverse: Callable[[int], object],
        rev: int,
        group: object = None,
    ) -> None:
        self._forget_other_plan()
        self._wrote(record_id, rev)
        if group is not None and any(step.group is group for step in self._undo):
            return  # the same edit saved again: its first inverse takes it all back
        self._undo.append(_Step(label, record_id, inverse, rev, group))
        del self._undo[:-UNDO_DEPTH]

    def _wrote(self, record_id: str, rev: int) -> None:
        """This session left *record_id* at *rev*: every step on it undoes from there, so a
        change anyone else made to it since is a conflict, never silently undone."""
        for step in self._undo:
            if step.record_id == record_id:
                step.rev = rev

    def forget(self, group: object) -> None:
        """Drop the undo step of the edit *group* (it was put back by hand: nothing to undo)."""
        self._undo = [step for step in self._undo if step.group is not group]

    def take_back(self, group: object) -> None:
        """Undo the step of the edit *group* now (an add left with Esc), wherever it is."""
        steps = [step for step in self._undo if step.group is group]
        if steps:
            self.session.check_writable()
            self.forget(group)
            self._run(steps[0])

    def _forget_other_plan(self) -> None:
        # Undo takes back changes to the plan shown, never to a period shown before it.
        if self._undo_plan != self.plan.id:
            self._undo.clear()
            self._undo_plan = self.plan.id

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to take back."""
        self._forget_other_plan()
        return bool(self._undo)

    def undo(self) -> str | None:
        """Take back the last change; returns its label (None when there was none).

        Raises:
            PeriodReadOnlyError: the plan shown is read-only (the change stays undoable).
        """
        if not self.can_undo:
            return None
        self.session.check_writable()
        step = self._undo.pop()  # refused (changed by another session since): it goes all the same
        self._run(step)
        return step.label

    def _run(self, step: _Step) -> None:
        rev = step.inverse(step.rev)
        if isinstance(rev, int):
            self._wrote(step.record_id, rev)
        self.session.load()

    def update(self, record: Record, *, rev: int | None = None, group: object = None) -> int:
        """Save *record*'s own fields (validated), replacing the version in the snapshot.

        Args:
            rev: the revision the change is based on (default: the snapshot's).
            group: an edit saved several times: one undo step for all its saves.

        Returns:
            The record's new revision.
        """
        found = locate(self.plan, record.id)
        old = found.record if found else self.plan if record.id == self.plan.id else None
        new_rev = self.session.repo.update(record, self._rev(record.id) if rev is None else rev)
        if not self._put_in_place(found, record, new_rev):
            self.session.load()
        if old is not None:
            inverse = partial(self.session.repo.update, old)
            self._push("update", record.id, inverse, new_rev, group)
        return new_rev

    def clear(self, record_id: str, field: str) -> None:
        """Empty the text *field* of *record_id* (a målkort cell emptied): one undoable step.

        Raises:
            ValidationError: the model does not take the field empty (said in one sentence).
        """
        found = locate(self.plan, record_id)
        if found is None:
            return
        record = found.record
        self.update(type(record).model_validate(record.model_dump() | {field: ""}))

    def _put_in_place(self, found: Located | None, record: Record, rev: int) -> bool:
        """Put the saved *record* (its own fields; its children stay) where it was in the plan
        shown, instead of reading and validating the whole file again: when nobody else wrote
        since this session read it. Whether it did."""
        snapshot = self.session.snapshot
        if found is None or snapshot is None or self.session.changed_elsewhere():
            return False
        plan = self.plan
        parent = plan if found.parent_id == plan.id else locate(plan, found.parent_id)
        holder = parent.record if isinstance(parent, Located) else parent
        siblings = getattr(holder, _CHILD_FIELD[type(record)], None) if holder else None
        if not isinstance(siblings, list) or siblings[found.position] is not found.record:
            return False
        kept = {name: getattr(found.record, name) for name in KINDS[type(record)].children}
        siblings[found.position] = record.model_copy(update=kept)
        snapshot.revs[record.id] = rev
        return True

    def add(
        self,
        record: Record,
        parent_id: str,
        position: int | None = None,
        *,
        group: object = None,
    ) -> None:
        """Add *record* under *parent_id* at *position* (default: last)."""
        self.session.repo.insert(record, parent_id, position)
        self.session.load()
        inverse = partial(self.session.repo.delete, type(record), record.id)
        self._push("add", record.id, inverse, 1, group)

    def add_many(self, records: Sequence[Record], parent_id: str) -> None:
        """Add *records* last under *parent_id*, all or none, in one write (a CSV import).

        Not undoable: an import of hundreds of entries is no step ctrl+z should take back.
        """
        self.session.repo.insert_many(list(records), parent_id)
        self.session.load()

    def remove(self, record_id: str) -> None:
        """Delete a record with everything under it."""
        found = locate(self.plan, record_id)
        if found is None:
            return
        record = found.record
        # Deleting an area unlinks its feedback (the entries stay): undo links them again.
        linked = [
            e.id for e in self.plan.feedback if isinstance(record, Area) and e.area_id == record_id
        ]
        self.session.repo.delete(type(record), record_id, self._rev(record_id))
        self.session.load()

        def inverse(_rev: int) -> None:
            from lederplan.store.batch import Change

            changes = [Change("insert", record, parent_id=found.parent_id, position=found.position)]
            for entry in self.plan.feedback:
                if entry.id in linked and entry.area_id is None:
                    relinked = entry.model_copy(update={"area_id": record_id})
                    changes.append(Change("update", relinked, self._rev(entry.id)))
            self.session.repo.batch(changes)

        self._push("remove", record_id, inverse, 0)

    def move(self, record_id: str, delta: int) -> bool:
        """Move a record up (-1) or down (+1) among its siblings; False at either end."""
        found = locate(self.plan, record_id)
        if found is None:
            return False
        siblings = self._siblings(found)
        target = found.position + delta
        if not 0 <= target < siblings:
            return False
        kind = type(found.record)
        new_rev = self.session.repo.move(kind, record_id, self._rev(record_id), target)
        self.session.load()

        def inverse(at: int) -> int:
            return self.session.repo.move(kind, record_id, at, found.position)

        self._push("move", record_id, inverse, new_rev)
        return True

    def _siblings(self, found: Located) -> int:
        if isinstance(found.record, Area):
            return len(self.plan.areas)
        if isinstance(found.record, FeedbackEntry):
            return len(self.plan.feedback)
        parent = locate(self.plan, found.parent_id)
        assert parent is not None
        return len(getattr(parent.record, _CHILD_FIELD[type(found.record)]))
