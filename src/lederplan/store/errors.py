"""Errors the store raises. Each carries a ``code`` and ``params`` that the UI turns into a message
from the i18n catalogue (``error.<code>``), so the store itself says nothing in any language."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any


class StoreError(Exception):
    """Base of the store's errors."""

    code = "store"

    def __init__(self, path: Path | str, **params: Any) -> None:
        self.path = Path(path)
        self.params: dict[str, Any] = {"path": str(path), **params}
        super().__init__(f"{self.code}: {self.params}")


class CorruptDataError(StoreError):
    """The data file cannot be read as a plan; it is left exactly as it is."""

    code = "corrupt"

    def __init__(self, path: Path | str, reason: str, backup: str | None) -> None:
        super().__init__(path, reason=reason, backup=backup or "")
        self.reason = reason
        self.backup = backup


class UnsafePathError(StoreError):
    """A path is a symbolic link, belongs to another user, or is not a regular file/directory."""

    code = "unsafe_path"

    def __init__(self, path: Path | str, why: str) -> None:
        super().__init__(path, why=why)
        self.why = why


class LockTimeoutError(StoreError):
    """Another lederplan process held the lock for longer than the timeout."""

    code = "lock_timeout"


class ReadOnlyError(StoreError):
    """The data file cannot be written: written by a newer lederplan, or opened read-only."""

    code = "read_only"

    def __init__(self, path: Path | str, why: str) -> None:
        super().__init__(path, why=why)
        self.why = why


class WriteError(StoreError):
    """Saving failed (disk full, permission denied, ...); the previous file is untouched."""

    code = "write_failed"

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason=reason)


class SyncError(WriteError):
    """A change was written, but its fsync failed: it may not survive a power cut. The store
    writes the whole file again at its next save, which makes it durable."""

    code = "sync_failed"

    def __init__(self, path: Path | str, why: str, reason: str) -> None:
        super().__init__(path, reason)
        self.params["why"] = why
        self.why = why
        """``disk`` (the disk said no) or ``internal`` (a fault of lederplan's own)."""


class ConflictError(StoreError):
    """A record was changed or deleted by another session since it was read."""

    code = "conflict"

    def __init__(self, path: Path | str, record_id: str, current: dict[str, Any] | None) -> None:
        super().__init__(path, record_id=record_id)
        self.record_id = record_id
        self.current = current
        """The record as it now is in the file, or None when it was deleted."""


class NotFoundError(StoreError):
    """A record or a backup that was asked for does not exist."""

    code = "not_found"

    def __init__(self, path: Path | str, name: str) -> None:
        super().__init__(path, name=name)


class PeriodReadOnlyError(StoreError):
    """The plan shown is an older period, read-only until it is unlocked for this session."""

    code = "period_read_only"

    def __init__(self, path: Path | str, start: date, end: date | None) -> None:
        super().__init__(path, start=start, end=end or start)
        self.start = start
        self.end = end


class PlanGoneError(StoreError):
    """The plan (or record) being edited is no longer in the file: another process replaced it
    (an import, a restore, the example plan) or deleted the record."""

    code = "plan_gone"
