"""A damaged data file is reported with the newest good backup, left as it is, and restorable."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import FakeClock, temp_files

from lederplan.store.errors import CorruptDataError
from lederplan.store.store import Store

PLAN = {"id": "p1", "date": "2026-01-05", "pos": 0}
"""A plan's document as the store sees it (the models would want a UUID; the store does not)."""


def _garbage(good: bytes) -> bytes:
    return random.Random(7).randbytes(len(good))


def _truncated(good: bytes) -> bytes:
    return good[: len(good) // 2]


def _wrong_shape_list(good: bytes) -> bytes:
    return b"[1, 2, 3]"


def _wrong_shape_docs(good: bytes) -> bytes:
    return json.dumps({"goals": {"1": "not a document"}}).encode()


def _wrong_shape_table(good: bytes) -> bytes:
    return json.dumps({"_meta": {"1": {"schema": 1}}, "goals": [{"id": "g1"}]}).encode()


def _empty(good: bytes) -> bytes:
    return b""


def _whitespace(good: bytes) -> bytes:
    return b"\n  \n"


def _edited(edit: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    """Damage that parses: the good file's tables changed by *edit*."""

    def damage(good: bytes) -> bytes:
        tables = json.loads(good)
        edit(tables)
        return json.dumps(tables).encode()

    return damage


def _set(table: str, key: str, field: str, value: object) -> Callable[[dict], object]:
    return lambda tables: tables[table][key].__setitem__(field, value)


DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str | tuple[str, ...]]] = {
    "truncated": (_truncated, "json:"),
    "garbage": (_garbage, ("encoding", "json:")),
    "list": (_wrong_shape_list, "shape"),
    "non-dict document": (_wrong_shape_docs, "shape"),
    "list table": (_wrong_shape_table, "shape"),
    "empty": (_empty, "empty"),
    "whitespace": (_whitespace, "empty"),
    "nested 100,000 deep": (lambda good: b"[" * 100_000 + b"]" * 100_000, "nested"),
    "NUL bytes": (lambda good: good[:1] + b"\x00" * 8 + good[1:], ("encoding", "json:")),
    "an integer of 5,000 digits": (
        lambda good: b'{"plans": {"1": {"pos": 1' + b"0" * 5000 + b"}}}",
        "number",
    ),
    "{} as the plan's document": (
        _edited(lambda t: t["plans"].__setitem__("1", {})),
        "missing:plans.1.id",
    ),
    "an answer without text": (
        _edited(
            lambda t: t.__setitem__(
                "answers",
                {"1": {"id": "p1/platform/1", "plan_id": "p1", "kind": "platform", "key": "1"}},
            )
        ),
        "missing:answers.1.text",
    ),
    "an answer of no kind": (
        _edited(
            lambda t: t.__setitem__(
                "answers",
                {"1": {"id": "x", "plan_id": "p1", "kind": "other", "key": "1", "text": ""}},
            )
        ),
        "kind:answers.1.kind",
    ),
    "a position as text": (_edited(_set("areas", "1", "pos", "0")), "type:areas.1.pos:int"),
    "a revision of true": (_edited(_set("areas", "1", "rev", True)), "type:areas.1.rev:int"),
    "a list as plan_id": (
        _edited(_set("areas", "1", "plan_id", ["p1"])),
        "type:areas.1.plan_id:text",
    ),
    "a number as title": (_edited(_set("areas", "1", "title", 7)), "type:areas.1.title:text"),
    "a list as id": (_edited(_set("goals", "1", "id", ["g1"])), "type:goals.1.id:text"),
    "a goal of no area": (
        _edited(_set("goals", "1", "area_id", "gone")),
        "ref:goals.1.area_id:gone",
    ),
    "two areas of one id": (_edited(_set("areas", "2", "id", "a1")), "duplicate:areas.2.id:a1"),
    "records without plans": (_edited(lambda t: t.pop("plans")), "no_plan"),
    "an empty plans table": (_edited(lambda t: t.__setitem__("plans", {})), "no_plan"),
    "a document key TinyDB cannot read": (
        _edited(lambda t: t.__setitem__("areas", {"01": t["areas"]["1"], **t["areas"]})),
        "doc_key:areas",
    ),
    "a schema of text": (_edited(_set("_meta", "1", "schema", "1")), "type:_meta.1.schema:int"),
}


def _two_good_days(data_dir: Path, clock: FakeClock) -> tuple[str, dict]:
    """Save on one day, then twice more on the next; return the newest backup's name and the
    tables the file holds at the end."""
    with Store(data_dir, clock=clock).transaction() as db:
        db.table("plans").insert(PLAN)
    clock.next_day()
    store = Store(data_dir, clock=clock)
    with store.transaction() as db:  # takes a session and a daily backup of day one's file
        db.table("areas").insert({"id": "a1", "plan_id": "p1", "title": "Lytte mer"})
        db.table("areas").insert({"id": "a2", "plan_id": "p1", "title": "Delegere"})
    with store.transaction() as db:
        db.table("goals").insert({"id": "g1", "area_id": "a2", "statement": "Ukentlig 1:1"})
    clock.next_day()
    newest = Store(data_dir, clock=clock).backup_now("session")  # the file as it is now
    assert newest is not None
    tables = Store(data_dir).read_tables()
    assert len(Store(data_dir).backups()) == 3
    return newest.name, tables


def _without_meta(tables: dict) -> dict:
    """The content: no _meta, and no revisions (a restore raises them above the old file's)."""
    return {
        name: {key: {f: v for f, v in doc.items() if f != "rev"} for key, doc in docs.items()}
        for name, docs in tables.items()
        if name != "_meta"
    }


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_reported_left_alone_and_restorable(
    data_dir: Path, clock: FakeClock, damage: str
) -> None:
    newest, good_tables = _two_good_days(data_dir, clock)
    path = data_dir / "lederplan.json"
    make_bad, reason = DAMAGE[damage]
    bad = make_bad(path.read_bytes())
    path.write_bytes(bad)
    os.chmod(path, 0o600)
    mtime = path.stat().st_mtime_ns
    backups_before = sorted(os.listdir(data_dir / "backups"))

    store = Store(data_dir, clock=clock)
    with pytest.raises(CorruptDataError) as caught:
        store.read_tables()
    assert caught.value.reason.startswith(reason)
    assert caught.value.backup == newest
    assert caught.value.params["backup"] == newest

    # Nothing that tries to use the file changes it or adds backups of it.
    for attempt in range(3):
        with pytest.raises(CorruptDataError), store.transaction() as db:
            db.table("goals").insert({"id": f"lost{attempt}"})
        with pytest.raises(CorruptDataError):
            Store(data_dir, clock=clock).read_tables()
        with pytest.raises(CorruptDataError), Store(data_dir, clock=clock).transaction() as db:
            db.table("goals").truncate()
    assert path.read_bytes() == bad
    assert path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(data_dir / "backups")) == backups_before
    assert temp_files(data_dir) == []

    # Restoring the backup the error named brings the data back ...
    saved = Store(data_dir, clock=clock).restore(caught.value.backup)
    assert _without_meta(Store(data_dir).read_tables()) == _without_meta(good_tables)
    # ... and keeps the damaged file, byte for byte, as a before-restore backup.
    assert saved is not None
    assert saved.kind == "before-restore"
    assert saved.path.read_bytes() == bad
    assert saved.name in {b.name for b in Store(data_dir).backups()}


def test_error_names_a_good_backup_not_the_newest_damaged_one(
    data_dir: Path, clock: FakeClock
) -> None:
    # After a restore the newest backups are copies of the damaged file: damaged again, the
    # file must still be reported with a backup that can actually be restored.
    newest, good_tables = _two_good_days(data_dir, clock)
    path = data_dir / "lederplan.json"
    path.write_bytes(b'{"goals": {"1": {"id": "g1"')
    Store(data_dir, clock=clock).restore(newest)
    path.write_bytes(b"\x00" * 64)

    with pytest.raises(CorruptDataError) as caught:
        Store(data_dir, clock=clock).read_tables()
    named = caught.value.backup
    assert named is not None
    newest_backup = Store(data_dir).backups()[0]
    assert newest_backup.path.read_bytes().startswith(b'{"goals": {"1"')  # a damaged copy
    assert named != newest_backup.name
    Store(data_dir, clock=clock).restore(named)
    assert _without_meta(Store(data_dir).read_tables()) == _without_meta(good_tables)


def test_damaged_file_without_any_good_backup_names_none(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "lederplan.json"
    path.write_bytes(b"{not json")
    os.chmod(path, 0o600)
    with pytest.raises(CorruptDataError) as caught:
        Store(data_dir).read_tables()
    assert caught.value.backup is None
    assert path.read_bytes() == b"{not json"


def test_empty_file_is_not_taken_for_a_new_plan(data_dir: Path, clock: FakeClock) -> None:
    # TinyDB reads a 0-byte file as a new, empty database and overwrites it at the next write.
    _two_good_days(data_dir, clock)
    path = data_dir / "lederplan.json"
    path.write_bytes(b"")
    store = Store(data_dir, clock=clock)
    assert store.exists()
    with pytest.raises(CorruptDataError), store.transaction() as db:
        db.table("goals").insert({"id": "new"})
    assert path.read_bytes() == b""
