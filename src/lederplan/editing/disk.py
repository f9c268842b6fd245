"""The disk side of :class:`~lederplan.editing.workspace.Editing`: waiting until what was saved
is on the disk, and whether and when another process's lock lets a save through. Each blocking
call is for a thread, not the event loop; each turns a store error into an outcome or a plain
answer, as the editing layer does everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lederplan.editing.messages import describe
from lederplan.editing.outcome import OK, Outcome
from lederplan.store.errors import StoreError

if TYPE_CHECKING:
    from lederplan.store.store import Store


class EditingDisk:
    """The disk and the lock, as the editing layer's callers ask about them."""

    store: Store

    def wait_for_disk(self) -> Outcome:
        """Wait until every change saved is on the disk (before quitting: the fsyncs run off
        the caller's thread). Blocks: call it from a thread, not the event loop."""
        try:
            self.store.sync()
        except StoreError as error:
            return Outcome(False, describe(error))
        return OK

    def lock_busy(self) -> bool:
        """Whether another process holds the file's lock now (a save would wait for it)."""
        try:
            return self.store.lock_busy()
        except StoreError:
            return False  # the save says why

    def wait_for_lock(self) -> bool:
        """Wait until the file's lock is free, up to its timeout; whether it is. Blocks: call
        it from a thread, not the event loop."""
        try:
            self.store.wait_for_lock()
        except StoreError:
            return False
        return True
