"""The journal beside a large data file: one small record per change, written before the save
returns and fsynced on a thread of its own (:mod:`.syncer`).

Rewriting a 5–16 MB file for every autosave costs 50–450 ms of ``json.dumps`` that holds the
interpreter, whatever thread runs it. Above :data:`JOURNAL_FROM` bytes the store instead appends
each change to ``lederplan.journal`` as one line::

    <crc32 of the body, 8 hex digits> <body: {"base": GEN, "ops": [[table, key, doc|null], ...]}>

``base`` is the generation (``_meta.gen``) of the data file the change applies to. A reader applies
the lines whose base is the data file's generation, in order, and ignores the others: a fold
(the data file rewritten with the journal's changes in it, under a new generation) leaves any
journal it could not remove harmless. A line that is not whole or whose checksum fails is where
the journal ends: a writer killed in the middle of an append had not been told its change was
saved, and the next writer cuts such a tail off before it appends.

No I/O policy here beyond the journal file itself; the store decides when to append and to fold.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable, Iterator
from itertools import compress
from operator import is_not
from pathlib import Path
from typing import Any

from lederplan.store import syncer
from lederplan.store.errors import WriteError
from lederplan.store.fs import open_private

JOURNAL_FILE = "lederplan.journal"
JOURNAL_FROM = 512 * 1024
"""Data files smaller than this are rewritten whole at each change (a few milliseconds); larger
ones get a journal."""
MAX_OPS = 2000
"""A change of more documents than this is written as a whole file, not as a journal line."""

Op = list[Any]
"""``[table, key, doc]``: *doc* None removes the document; *key* None removes the table."""
Tables = dict[str, dict[str, dict[str, Any]]]


class TrackedDoc(dict[str, Any]):
    """A document of the store's cache that says when it is changed in place.

    TinyDB's ``update`` changes the cached document objects themselves; each store gives its
    documents a subclass of this one whose ``dirty`` list collects them, so that a write knows
    which documents changed without comparing the whole file.
    """

    __slots__ = ("where",)
    dirty: list[TrackedDoc] = []  # each store's subclass has its own
    where: tuple[str, str]

    def _mark(self) -> None:
        type(self).dirty.append(self)

    def __setitem__(self, key: str, value: Any) -> None:
        self._mark()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._mark()
        super().__delitem__(key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._mark()
        super().update(*args, **kwargs)

    def pop(self, *args: Any) -> Any:
        self._mark()
        return super().pop(*args)

    def popitem(self) -> tuple[str, Any]:
        self._mark()
        return super().popitem()

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._mark()
        return super().setdefault(key, default)

    def clear(self) -> None:
        self._mark()
        super().clear()

    def __ior__(self, other: Any) -> TrackedDoc:  # type: ignore[override,misc]
        self._mark()
        return super().__ior__(other)

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        import copy

        return copy.deepcopy(dict(self), memo)  # a copy is not the cache's: a plain dict

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))


def doc_class() -> type[TrackedDoc]:
    """A document class of one store's own, with its own ``dirty`` list."""
    return type("Doc", (TrackedDoc,), {"__slots__": (), "dirty": []})


def track(tables: Tables, cls: type[TrackedDoc]) -> None:
    """Make every document of *tables* a *cls*, in place (one shallow copy each)."""
    for name, docs in tables.items():
        for key, doc in docs.items():
            if type(doc) is not cls and isinstance(doc, dict):
                tracked = cls(doc)
                tracked.where = (name, key)
                docs[key] = tracked


def diff(known: dict[str, Any], tables: Tables, dirty: list[TrackedDoc]) -> list[Op] | None:
    """The changes from the tables *known* (each table as last read or written) to *tables*.

    A table that is the same object as before changed only in the documents that say so
    (*dirty*); a table that is a new object is compared document by document, by identity (the
    comparison runs in C: a few milliseconds for 50,000 documents).

    Returns:
        The changes, or None when they are more than :data:`MAX_OPS` documents.
    """
    ops: list[Op] = []
    for name in known.keys() - tables.keys():
        ops.append([name, None, None])
    for name, new in tables.items():
        old = known.get(name)
        if new is old:
            continue
        old = old or {}
        if len(new) - len(old) > MAX_OPS:
            return None
        olds = map(old.get, new)
        ops.extend([name, key, new[key]] for key in compress(new, map(is_not, olds, new.values())))
        ops.extend([name, key, None] for key in old.keys() - new.keys())
        if len(ops) > MAX_OPS:
            return None
    seen = {id(op[2]) for op in ops}
    for doc in dirty:
        name, key = doc.where
        if id(doc) not in seen and tables.get(name, {}).get(key) is doc:
            seen.add(id(doc))
            ops.append([name, key, doc])
    return ops if len(ops) <= MAX_OPS else None


def apply(tables: Tables, ops: list[Op], cls: type[TrackedDoc] | None = None) -> None:
    """Make the changes *ops* to *tables* in place (documents as *cls* when given)."""
    for name, key, doc in ops:
        if key is None:
            tables.pop(name, None)
        elif doc is None:
            tables.get(name, {}).pop(key, None)
        else:
            if cls is not None:
                doc = cls(doc)
                doc.where = (name, key)
            tables.setdefault(name, {})[key] = doc


def encode(base: str, ops: list[Op]) -> bytes:
    """One journal line for the changes *ops* to the data file of generation *base*."""
    body = json.dumps({"base": base, "ops": ops}, ensure_ascii=False, separators=(",", ":"))
    raw = body.encode()
    return b"%08x " % zlib.crc32(raw) + raw + b"\n"


def records(raw: bytes, start: int = 0) -> Iterator[tuple[int, str, list[Op]]]:
    """The whole, intact lines of *raw* from offset *start*: (end offset, base, ops) each.

    Stops at the first line that is not whole or fails its checksum or shape.
    """
    at = start
    while True:
        end = raw.find(b"\n", at)
        if end < 0:
            return
        line = raw[at:end]
        parsed = _parse(line)
        if parsed is None:
            return
        at = end + 1
        yield at, parsed[0], parsed[1]


def _parse(line: bytes) -> tuple[str, list[Op]] | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        record = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict):
        return None
    base, ops = record.get("base"), record.get("ops")
    if not isinstance(base, str) or not isinstance(ops, list):
        return None
    for op in ops:
        if not (
            isinstance(op, list)
            and len(op) == 3
            and isinstance(op[0], str)
            and (op[1] is None or isinstance(op[1], str))
            and (op[2] is None or isinstance(op[2], dict))
        ):
            return None
    return base, ops


def read_from(path: Path, start: int) -> tuple[int, int, bytes] | None:
    """The journal's (inode, size, bytes from *start*), or None when there is none.

    Raises:
        UnsafePathError: it is a symlink, not a regular file, or another user's.
    """
    fd = _open(path, os.O_RDONLY)
    if fd is None:
        return None
    try:
        info = os.fstat(fd)
        chunks = []
        at = start
        while chunk := os.pread(fd, 1 << 20, at):
            chunks.append(chunk)
            at += len(chunk)
        return info.st_ino, info.st_size, b"".join(chunks)
    finally:
        os.close(fd)


def stat_of(path: Path) -> tuple[int, int] | None:
    """The journal's (inode, size) as it is now, or None."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_size


def append(path: Path, line: bytes, good: int) -> tuple[int, int]:
    """Append *line* after the first *good* bytes (cutting off a torn tail); fsynced by
    :mod:`.syncer` off this thread.

    On failure the journal is cut back to *good* bytes and nothing of *line* remains.

    Returns:
        The journal's (inode, size) after the append.

    Raises:
        WriteError: the line could not be written whole (disk full, file too large, ...).
        UnsafePathError: the journal is a symlink, not a regular file, or another user's.
    """
    syncer.check()  # an earlier line that may not be on the disk: said before going on
    fd = _open(path, os.O_WRONLY | os.O_CREAT)
    assert fd is not None
    dir_fd: int | None = None
    try:
        info = os.fstat(fd)
        if info.st_size == 0 and good == 0:
            # A new file: its name must survive a crash too. Opened before the line is written,
            # so that a failure here leaves nothing written behind a save said to have failed.
            dir_fd = _open_dir(path.parent)
        if info.st_size != good:
            os.ftruncate(fd, good)
        at = good
        view = memoryview(line)
        while view:
            written = os.pwrite(fd, view, at)
            view, at = view[written:], at + written
        ino = os.fstat(fd).st_ino
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, good)
        os.close(fd)
        if dir_fd is not None:
            os.close(dir_fd)
        if isinstance(exc, OSError):
            raise WriteError(path, exc.strerror or str(exc)) from exc
        raise
    syncer.sync_and_close(fd, path)  # written: kill -9 loses nothing; durable in a moment
    if dir_fd is not None:  # the new file's name: after its line, on the same thread
        syncer.sync_and_close(dir_fd, path.parent, owner=path)
    return ino, good + len(line)


def _open_dir(path: Path) -> int:
    try:
        return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from exc


def remove(path: Path) -> None:
    """Remove the journal (its changes are in the data file now)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _open(path: Path, flags: int) -> int | None:
    try:
        return open_private(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:  # UnsafePathError (a symlink, another's file) is not one: raised
        raise WriteError(path, exc.strerror or str(exc)) from exc


def gen_of(tables: Tables) -> str | None:
    """The generation named in *tables*' ``_meta`` (None when it has none)."""
    meta = tables.get("_meta")
    first = meta.get("1") if isinstance(meta, dict) else None
    gen = first.get("gen") if isinstance(first, dict) else None
    return gen if isinstance(gen, str) else None


def fold_into(
    raw: bytes,
    journal: bytes,
    loads: Callable[[bytes], Any] = json.loads,
    dumps: Callable[[Any], str] | None = None,
) -> bytes:
    """The data file's bytes *raw* with the lines of *journal* made for it folded in, as a
    backup holds them; *raw* itself where nothing applies or the file is damaged (kept as it
    is). *loads* / *dumps* may be the pure-Python JSON coders, which let other threads run."""
    if not journal:
        return raw
    try:
        tables = loads(raw)
        gen = gen_of(tables)
        lines = [ops for _, base, ops in records(journal) if base == gen]
    except (ValueError, RecursionError, AttributeError, TypeError):
        return raw  # a damaged file is kept as it is
    if not lines:
        return raw
    for ops in lines:
        apply(tables, ops)
    if dumps is None:
        return json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode()
    return dumps(tables).encode()
