"""Writing a file the user named (an export): the checks and the write, once for the command line
and the app, so neither can forget one (found in review: ``export -o <data-dir>/lederplan.json
--force`` wrote Markdown over the plan and left no good backup).

The store says nothing in any language: :func:`refusal` returns why a file may not be written as
a :class:`Refusal`, and each caller turns it into its own sentence (the command line says "use
--force" where the app asks before writing over a file).
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path


class Refusal(StrEnum):
    """Why a file is not written, in the order :func:`refusal` checks."""

    OWN_DATA = "own_data"
    """It is, or is inside, the plan's own data (data file, lock, backups, data directory)."""
    IS_DIR = "is_dir"
    """It is a folder."""
    NO_DIR = "no_dir"
    """Its folder does not exist."""
    EXISTS = "exists"
    """A file (or a symbolic link, even a broken one) is there, and overwriting was not asked."""


def refusal(path: Path, data_dir: Path | None, *, overwrite: bool) -> Refusal | None:
    """Why *path* may not be written, or None when it may.

    Args:
        path: the file, as the user named it (relative to the working directory or absolute).
        data_dir: the plan's data directory, which nothing may write into; None: not known.
        overwrite: the user agreed to replace an existing file (``--force``, or said yes).
    """
    if data_dir is not None and writes_plan_data(path, data_dir):
        return Refusal.OWN_DATA  # first, and whatever *overwrite* says
    if path.is_dir():
        return Refusal.IS_DIR
    if not path.parent.is_dir():
        return Refusal.NO_DIR
    if not overwrite and (path.exists() or path.is_symlink()):
        return Refusal.EXISTS
    return None


def write_target(
    path: Path, text: str, data_dir: Path | None, *, overwrite: bool
) -> Refusal | None:
    """Check *path* with :func:`refusal`, then write *text* to it as a private (0600) file that
    a crash leaves whole or untouched; return the refusal, None when written.

    Raises:
        UnsafePathError: *path* is a symbolic link or not a regular file.
        WriteError: the write failed (disk full, permission denied, ...).
    """
    from lederplan.store.fs import atomic_write

    why = refusal(path, data_dir, overwrite=overwrite)
    if why is None:
        atomic_write(path.absolute(), text.encode())
    return why


def writes_plan_data(target: Path, data_dir: Path) -> bool:
    """Whether writing *target* would write over the plan's own data: the data file, its lock,
    a backup, or anything else in the data directory.

    Symbolic links are followed on both sides, and a file or folder that is the same one under
    another name (a hard link, a bind mount) counts too.
    """
    from lederplan.store.store import LOCK_FILE, Store

    store = Store(data_dir)
    path = _resolved(Path(target).absolute())
    for place in (store.dir, store.backup_dir):
        root = _resolved(place.absolute())
        if path == root or path.is_relative_to(root):
            return True
        if any(_same(folder, root) for folder in (path, *path.parents)):
            return True
    own_files = (store.path, store.dir / LOCK_FILE)
    return any(path == _resolved(own.absolute()) or _same(path, own) for own in own_files)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: as written
        return path


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):  # either does not exist (yet)
        return False
