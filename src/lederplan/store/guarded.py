"""A repository that asks before every change: the one guard of read-only plan periods.

The session hands the UI a :class:`GuardedRepository` whose ``check`` raises
:class:`~lederplan.store.errors.PeriodReadOnlyError` while an older period is shown and not
unlocked. Every change the UI makes goes through the session's repository (the session's own
saves, :class:`~lederplan.editing.records.RecordEditor`, the screens' direct calls), so this one
check covers them all, and every screen's ``except StoreError`` shows the refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

READS = frozenset({"load", "load_all"})
"""Public methods of :class:`PlanRepository` that only read."""
UNGUARDED = frozenset({"replace_plans"})
"""Changes allowed whatever plan is shown: replacing the whole file (a new plan, the example
plan, an import) is not an edit of one period."""
GUARDED = frozenset({"set_answer", "update", "insert", "insert_many", "delete", "move", "batch"})
"""Changes to the plan shown, refused while it is read-only (each wrapped below). A new public
method of :class:`PlanRepository` belongs in one of these three sets: a test checks that it is."""

_F = TypeVar("_F", bound=Callable[..., Any])


def _guarded(method: _F) -> _F:
    @wraps(method)
    def guarded(self: GuardedRepository, *args: Any, **kwargs: Any) -> Any:
        self.check()
        result = method(self, *args, **kwargs)
        self.written()
        return result

    return guarded  # type: ignore[return-value]


class GuardedRepository(PlanRepository):
    """A :class:`PlanRepository` that calls *check* (which raises to refuse) before a change,
    and *written* after it."""

    def __init__(
        self, store: Store, check: Callable[[], None], written: Callable[[], None] = lambda: None
    ) -> None:
        super().__init__(store)
        self.check = check
        """Raises a :class:`~lederplan.store.errors.StoreError` when no change is allowed."""
        self.written = written
        """Called after each change made."""

    set_answer = _guarded(PlanRepository.set_answer)
    update = _guarded(PlanRepository.update)
    insert = _guarded(PlanRepository.insert)
    insert_many = _guarded(PlanRepository.insert_many)
    delete = _guarded(PlanRepository.delete)
    move = _guarded(PlanRepository.move)
    batch = _guarded(PlanRepository.batch)
