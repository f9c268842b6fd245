"""The journal beside a large data file (``lederplan.journal``): one fsynced line per change, read
by every other process, folded into the TinyDB file on exit, and as safe as a whole write under
``kill -9``, a full disk, two writers and a planted symlink.

The store's threshold is 512 KB; these tests give ``journal_from=0`` so that every change after
the first whole write goes to the journal, with files small enough to be quick.
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from store_helpers import RawStore, kill_and_read, mode, run_worker, start_worker, temp_files

from lederplan.store.errors import UnsafePathError
from lederplan.store.journal import JOURNAL_FILE, records

SEED = 20261207


def _journal(data_dir: Path) -> Path:
    return data_dir / JOURNAL_FILE


def _lines(data_dir: Path) -> list[tuple[int, str, list]]:
    return list(records(_journal(data_dir).read_bytes()))


def _with_notes(data_dir: Path, n: int = 20) -> RawStore:
    store = RawStore(data_dir, journal_from=0)
    with store.transaction() as db:
        db.table("notes").insert_multiple({"i": i, "text": "x" * 50} for i in range(n))
    return store


def test_a_small_file_is_written_whole_and_has_no_journal(data_dir: Path) -> None:
    store = RawStore(data_dir)  # the real threshold
    with store.transaction() as db:
        db.table("notes").insert({"i": 0})
    with store.transaction() as db:
        db.table("notes").update({"i": 1}, doc_ids=[1])
    assert not _journal(data_dir).exists()
    assert json.loads(store.path.read_bytes())["notes"]["1"] == {"i": 1}


def test_above_the_threshold_a_change_is_one_line_that_a_fresh_store_reads(
    data_dir: Path, umask022: None
) -> None:
    store = _with_notes(data_dir)
    before = store.path.read_bytes()
    with store.transaction() as db:
        db.table("notes").update({"text": "endret"}, doc_ids=[3])
    with store.transaction() as db:
        db.table("notes").remove(doc_ids=[4])
        db.table("tags").insert({"name": "ny"})

    assert store.path.read_bytes() == before  # the data file is not rewritten
    lines = _lines(data_dir)
    assert [ops for _, _, ops in lines] == [
        [["notes", "3", {"i": 2, "text": "endret"}]],
        [["notes", "4", None]],  # each TinyDB operation is one write, and one line
        [["tags", "1", {"name": "ny"}]],
    ]
    assert mode(_journal(data_dir)) == 0o600
    fresh = RawStore(data_dir).read_tables()
    assert fresh["notes"]["3"]["text"] == "endret" and "4" not in fresh["notes"]
    assert fresh["tags"] == {"1": {"name": "ny"}}


def test_another_process_sees_what_was_appended_since_it_read(data_dir: Path) -> None:
    other = RawStore(data_dir, journal_from=0)
    store = _with_notes(data_dir)
    assert other.read_tables()["notes"]["1"]["text"] == "x" * 50
    with store.transaction() as db:
        db.table("notes").update({"text": "a"}, doc_ids=[1])
    assert other.changed_on_disk()
    assert other.read_tables()["notes"]["1"]["text"] == "a"
    with other.transaction() as db:  # and the other one appends after it
        db.table("notes").update({"text": "b"}, doc_ids=[2])
    assert store.read_tables()["notes"]["2"]["text"] == "b"
    assert store.read_tables()["notes"]["1"]["text"] == "a"
    assert len(_lines(data_dir)) == 2


def test_fold_leaves_the_tinydb_file_alone_readable_by_tinydb(data_dir: Path) -> None:
    from tinydb import TinyDB

    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "endret"}, doc_ids=[1])
    expected = RawStore(data_dir).read_tables()
    assert store.fold() is True
    assert not _journal(data_dir).exists()
    assert store.fold() is False  # nothing left to fold
    assert json.loads(store.path.read_bytes()).keys() == expected.keys()
    plain = TinyDB(store.path, access_mode="r")
    try:
        assert plain.table("notes").get(doc_id=1)["text"] == "endret"
        assert len(plain.table("notes")) == 20
    finally:
        plain.close()
    fresh = RawStore(data_dir).read_tables()
    assert {k: v for k, v in fresh.items() if k != "_meta"} == {
        k: v for k, v in expected.items() if k != "_meta"
    }


def test_a_torn_last_line_is_ignored_and_cut_off_by_the_next_save(data_dir: Path) -> None:
    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "kept"}, doc_ids=[1])
    whole = _journal(data_dir).read_bytes()
    # A writer killed in the middle of its append left half a line (it had not returned).
    half = b'0badc0de {"base": "x", "ops": [["notes", "2", {"te'
    with open(_journal(data_dir), "ab") as f:
        f.write(half)
    reader = RawStore(data_dir, journal_from=0)
    assert reader.read_tables()["notes"]["1"]["text"] == "kept"
    with reader.transaction() as db:
        db.table("notes").update({"text": "next"}, doc_ids=[3])
    raw = _journal(data_dir).read_bytes()
    assert raw.startswith(whole) and half not in raw
    assert [ops for _, _, ops in _lines(data_dir)][-1] == [["notes", "3", {"i": 2, "text": "next"}]]
    assert RawStore(data_dir).read_tables()["notes"]["3"]["text"] == "next"


def test_a_line_whose_checksum_fails_ends_the_journal(data_dir: Path) -> None:
    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "first"}, doc_ids=[1])
    with store.transaction() as db:
        db.table("notes").update({"text": "second"}, doc_ids=[2])
    raw = bytearray(_journal(data_dir).read_bytes())
    at = raw.rindex(b"second")
    raw[at] = ord("S")  # one flipped byte in the last line
    _journal(data_dir).write_bytes(bytes(raw))
    tables = RawStore(data_dir).read_tables()
    assert tables["notes"]["1"]["text"] == "first"
    assert tables["notes"]["2"]["text"] == "x" * 50


def test_a_journal_of_an_older_generation_is_ignored(data_dir: Path) -> None:
    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "journaled"}, doc_ids=[1])
    old_journal = _journal(data_dir).read_bytes()
    store.fold()
    with store.transaction() as db:  # the fold's file, changed again (a new journal)
        db.table("notes").update({"text": "after the fold"}, doc_ids=[1])
    store.fold()
    _journal(data_dir).write_bytes(old_journal)  # a fold killed before it removed the journal
    assert RawStore(data_dir).read_tables()["notes"]["1"]["text"] == "after the fold"


def test_a_planted_symlink_as_the_journal_is_refused(data_dir: Path, tmp_path: Path) -> None:
    store = _with_notes(data_dir)
    target = tmp_path / "elsewhere"
    target.write_bytes(b"")
    _journal(data_dir).symlink_to(target)
    with pytest.raises(UnsafePathError), store.transaction() as db:
        db.table("notes").update({"text": "x"}, doc_ids=[1])
    assert target.read_bytes() == b""
    with pytest.raises(UnsafePathError):
        RawStore(data_dir).read_tables()


def test_a_backup_holds_the_journaled_changes(data_dir: Path) -> None:
    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "journaled"}, doc_ids=[1])
    backup = store.backup_now("manual")
    assert backup is not None
    assert json.loads(backup.path.read_bytes())["notes"]["1"]["text"] == "journaled"


def test_the_first_save_of_a_session_backs_up_the_file_with_its_journal(data_dir: Path) -> None:
    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "last session"}, doc_ids=[1])
    later = RawStore(data_dir, journal_from=0)  # the next session, before the journal is folded
    with later.transaction() as db:
        db.table("notes").update({"text": "this session"}, doc_ids=[1])
    session = next(b for b in later.backups() if b.kind == "session")
    assert json.loads(session.path.read_bytes())["notes"]["1"]["text"] == "last session"


def test_a_full_disk_in_an_append_leaves_the_journal_as_it_was(data_dir: Path) -> None:
    store = _with_notes(data_dir)
    with store.transaction() as db:
        db.table("notes").update({"text": "before"}, doc_ids=[1])
    before = _journal(data_dir).read_bytes()
    data = store.path.read_bytes()
    result = run_worker("fsize", data_dir, "journal", "ignore", 100_000, "then-save")
    assert result.stdout.split("\n")[:2] == ["WriteError File too large", "saved-after"], result
    tables = RawStore(data_dir).read_tables()
    assert "big" not in tables and tables["after"] == {"1": {"ok": True}}
    assert tables["notes"]["1"]["text"] == "before"
    raw = _journal(data_dir).read_bytes()
    assert raw.startswith(before) and b"yyyy" not in raw
    assert store.path.read_bytes() == data


def _prepare_counter(data_dir: Path) -> None:
    # ~330 KB of padding, as in test_store_crash: a fold's json.dumps, write and fsync take long
    # enough that a kill at a random moment often lands inside one.
    rng = random.Random(SEED)
    with RawStore(data_dir).transaction() as db:
        db.table("padding").insert_multiple(
            {"i": i, "text": "".join(rng.choices("abcdefghij klmnopqrstuvwxyzæøå", k=280))}
            for i in range(1000)
        )
        db.table("counter").insert({"n": 0})


@pytest.mark.parametrize("fold_every", [0, 4], ids=["appends", "appends-and-folds"])
@pytest.mark.parametrize(
    "kills", [pytest.param(8, id="8"), pytest.param(40, id="40", marks=pytest.mark.slow)]
)
def test_kill9_while_journaling_never_loses_a_returned_save(
    data_dir: Path, fold_every: int, kills: int
) -> None:
    # Forty kills each run with `-m slow`; eight in the default run guard the same promise.
    _prepare_counter(data_dir)
    rng = random.Random(SEED + fold_every)
    known = 0
    folds = temps_seen = 0
    for round_no in range(kills):
        proc = start_worker("jcount", data_dir, fold_every)
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n", proc.communicate()[1]
        first = proc.stdout.readline()  # one save returned before the kill is timed
        deadline = time.monotonic() + rng.uniform(0.0, 0.05)
        while time.monotonic() < deadline:  # a reader takes no lock: it sees whole states
            assert RawStore(data_dir).read_tables()["counter"]["1"]["n"] >= known
        out = kill_and_read(proc)
        lines = (first + out).splitlines()
        folds += sum(line.startswith("fold") for line in lines)
        printed = [int(line) for line in lines if not line.startswith("fold")]
        assert printed == list(range(known + 1, known + 1 + len(printed))), round_no
        last_returned = printed[-1] if printed else known
        temps_seen += bool(temp_files(data_dir))
        tables = RawStore(data_dir).read_tables()
        value = tables["counter"]["1"]["n"]
        assert last_returned <= value <= last_returned + 1, (round_no, printed[-3:], value)
        assert len(tables["padding"]) == 1000
        known = value
    assert known >= kills, "the workers hardly saved anything: the test proved nothing"
    if fold_every and kills == 40:  # eight kills may all miss a fold
        assert folds > 0 and temps_seen > 0, "no kill landed inside a fold: it proved nothing"
    # The next clean exit folds what the killed writers left; nothing is lost on the way.
    store = RawStore(data_dir)
    store.fold()
    assert not _journal(data_dir).exists() and temp_files(data_dir) == []
    assert json.loads(store.path.read_bytes())["counter"]["1"]["n"] == known


def test_two_processes_journaling_and_folding_lose_nothing(data_dir: Path) -> None:
    from test_store_concurrency import _run_together

    with RawStore(data_dir).transaction() as db:
        db.table("counter").insert({"n": 0})
        db.table("padding").insert_multiple({"i": i} for i in range(200))
    times = 120
    outputs = _run_together(
        ["rmw", data_dir, times, "a", "journal"],
        ["rmw", data_dir, times, "b", "journal"],
        timeout=120,
    )
    assert outputs == ["done\n", "done\n"]
    tables = RawStore(data_dir).read_tables()
    assert tables["counter"]["1"]["n"] == 2 * times
    items = sorted((d["by"], d["i"]) for d in tables["items"].values())
    assert items == sorted((tag, i) for tag in "ab" for i in range(times))


def test_one_process_edits_the_current_period_while_another_starts_a_new_one(
    data_dir: Path,
) -> None:
    from test_store_concurrency import _run_together

    from lederplan.domain.demo import demo_plan
    from lederplan.store.repository import PlanRepository
    from lederplan.store.store import Store

    plan = demo_plan("nb")
    PlanRepository(Store(data_dir)).replace_plans([plan], "before-demo")
    out_answers, out_period = _run_together(
        ["janswer", data_dir, 60, "skrevet"],
        ["jperiod", data_dir, plan.date.year + 1],
        timeout=120,
    )
    assert json.loads(out_answers) == {"saved": 60}
    new_id = json.loads(out_period)["new"]
    store = Store(data_dir)
    snaps = PlanRepository(store).load_all()
    assert snaps[0].plan.id == new_id and len(snaps) == 2
    # Every save went in whole into one of the two plans, the last one into the current plan
    # unless the new period came after all of them; nothing half-applied.
    texts = [s.plan.platform[0] for s in snaps]
    assert "skrevet 59" in texts
    store.fold()
    assert [s.plan.platform[0] for s in PlanRepository(Store(data_dir)).load_all()] == texts
    assert os.listdir(data_dir).count(JOURNAL_FILE) == 0


@pytest.mark.parametrize(
    "kills", [pytest.param(4, id="4"), pytest.param(15, id="15", marks=pytest.mark.slow)]
)
def test_kill9_during_batches_and_drafts_leaves_each_whole(data_dir: Path, kills: int) -> None:
    from lederplan.domain.demo import demo_plan
    from lederplan.store.drafts import list_drafts
    from lederplan.store.repository import PlanRepository
    from lederplan.store.store import Store

    PlanRepository(Store(data_dir)).replace_plans([demo_plan("nb")], "before-demo")
    rng = random.Random(SEED)
    batches = 0
    for round_no in range(kills):
        proc = start_worker("jbatch", data_dir, round_no * 100_000)
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n", proc.communicate()[1]
        first = proc.stdout.readline()  # one batch returned before the kill is timed
        time.sleep(rng.uniform(0.0, 0.08))
        out = kill_and_read(proc)
        printed = [int(line) for line in (first + out).split()]
        store = Store(data_dir)
        snap = PlanRepository(store).load()
        assert snap is not None
        titles = {a.title for a in snap.plan.areas[:3]}
        drafts = {d.fields["text"] for d in list_drafts(store)}
        assert len(titles) == 1 and len(drafts) == 1, (round_no, titles, drafts)  # all or none
        batch, draft = int(titles.pop().split()[1]), int(drafts.pop().split()[1])
        last = printed[-1]
        if printed.count(last) == 2:  # batch and drafts `last` returned; one more batch may be in
            assert draft == last and batch in (last, last + 1), (round_no, printed[-4:])
        else:  # batch `last` returned; its drafts may be in
            assert batch == last and draft <= last, (round_no, printed[-4:])
        batches += len(set(printed))
    assert batches >= kills, "the worker hardly saved anything: the test proved nothing"
    if kills == 15:
        assert batches > kills, "the worker hardly saved anything: the test proved nothing"
    assert (data_dir / JOURNAL_FILE).exists(), "the journal was never used"


def test_a_journaled_file_is_backed_up_at_open_not_at_the_first_save(data_dir: Path) -> None:
    _with_notes(data_dir)

    def sessions() -> list[str]:
        return [b.name for b in RawStore(data_dir).backups() if b.kind == "session"]

    before = sessions()
    store = RawStore(data_dir, journal_from=0)
    store.back_up_at_open()
    assert len(sessions()) == len(before) + 1
    with store.transaction() as db:  # its first save takes no second one
        db.table("notes").update({"text": "edited"}, doc_ids=[1])
    assert len(sessions()) == len(before) + 1
    opened = sessions()
    RawStore(data_dir, journal_from=0).back_up_at_open()  # the file changed since: a new one
    assert len(sessions()) == len(opened) + 1
    again = sessions()
    RawStore(data_dir, journal_from=0).back_up_at_open()  # opened again, nothing changed
    assert sessions() == again
    small = RawStore(data_dir)  # below the threshold the first save takes it, as before
    small.back_up_at_open()
    assert sessions() == again
