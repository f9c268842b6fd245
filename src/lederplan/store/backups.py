"""Backups a person can use: the state before each session of use, one a day, and one before
every restore, import or demo that replaces the plan and before every new plan period. Kept in
``backups/`` beside the data file, the newest ``keep`` of each kind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lederplan.store.errors import NotFoundError
from lederplan.store.fs import (
    atomic_write,
    check_private_dir,
    ensure_private_dir,
    read_private,
)

KINDS = (
    "session",
    "daily",
    "before-restore",
    "before-import",
    "before-demo",
    "before-migration",
    "before-period",
)
"""What a backup was taken for; the kind is part of its name."""
_STAMP = "%Y-%m-%d_%H%M%S"


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    name: str
    """File name, e.g. ``2026-11-27_160512.123-session.json``; what ``restore`` takes."""
    path: Path
    """Where it is."""
    kind: str
    """One of :data:`KINDS`."""
    taken: datetime
    """When it was taken (local time)."""
    size: int
    """Bytes."""


def backup_name(kind: str, now: datetime) -> str:
    """Return the file name of a backup of *kind* taken at *now*."""
    return f"{now.strftime(_STAMP)}.{now.microsecond // 1000:03d}-{kind}.json"


def parse_name(name: str) -> tuple[datetime, str] | None:
    """Return (taken, kind) for a backup file name, or None when it is not one of ours."""
    if not name.endswith(".json") or len(name) < 28:
        return None
    stamp, millis, rest = name[:17], name[18:21], name[22:-5]
    if name[17] != "." or name[21] != "-" or rest not in KINDS or not millis.isdigit():
        return None
    try:
        taken = datetime.strptime(stamp, _STAMP)
    except ValueError:
        return None
    return taken.replace(microsecond=int(millis) * 1000), rest


def list_backups(directory: Path) -> list[Backup]:
    """Return the backups in *directory*, newest first."""
    if not check_private_dir(directory):
        return []
    found = []
    for entry in os.scandir(directory):
        parsed = parse_name(entry.name)
        if parsed is None or not entry.is_file(follow_symlinks=False):
            continue
        taken, kind = parsed
        found.append(Backup(entry.name, Path(entry.path), kind, taken, entry.stat().st_size))
    found.sort(key=lambda b: (b.taken, b.name), reverse=True)
    return found


def take_backup(directory: Path, data: bytes, kind: str, now: datetime, keep: int) -> Backup:
    """Write *data* as a new backup of *kind* and prune that kind to the newest *keep*.

    Always a copy of its own, never a hard link to the data file: a tool that writes the data
    file in place (an editor, a shell redirect) must not be able to damage its backups too.
    """
    ensure_private_dir(directory)
    name = backup_name(kind, now)
    path = directory / name
    atomic_write(path, data)
    prune(directory, kind, keep)
    taken = now.replace(microsecond=now.microsecond // 1000 * 1000)
    return Backup(name, path, kind, taken, len(data))


def prune(directory: Path, kind: str, keep: int) -> None:
    """Delete all but the newest *keep* backups of *kind*."""
    for old in [b for b in list_backups(directory) if b.kind == kind][keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()


def find_backup(directory: Path, name: str) -> Backup:
    """Return the backup called *name* (with or without ``.json``).

    Raises:
        NotFoundError: there is none.
    """
    wanted = name if name.endswith(".json") else f"{name}.json"
    for backup in list_backups(directory):
        if backup.name == wanted:
            return backup
    raise NotFoundError(directory / wanted, name)


def newest_good(directory: Path, is_good: Callable[[bytes], bool]) -> Backup | None:
    """Return the newest backup whose content passes *is_good*, or None."""
    for backup in list_backups(directory):
        with contextlib.suppress(OSError, ValueError):
            if is_good(read_private(backup.path)):
                return backup
    return None
