"""Subprocess workers for the store's failure tests: ``python workers.py COMMAND DATA_DIR ...``.

Each command imports only what it needs (the store alone, without pydantic or textual, unless
it goes through the repository), so a worker starts in well under 100 ms and the tests can run
many of them. Workers report on stdout, one line per fact, flushed at once: the parent reads
what was printed before it killed a worker to know which saves had returned.
"""

from __future__ import annotations

import json
import random
import resource
import signal
import sys
import time
from pathlib import Path

from store_helpers import RawStore

from lederplan.store.errors import StoreError, WriteError
from lederplan.store.store import Store


def say(*parts: object) -> None:
    print(*parts, flush=True)


def count(data_dir: Path) -> None:
    """Increment the counter document in a loop until killed, printing it after each save."""
    store = RawStore(data_dir)
    say("ready")
    while True:
        with store.transaction() as db:
            counter = db.table("counter")
            value = counter.get(doc_id=1)["n"] + 1
            counter.update({"n": value}, doc_ids=[1])
        say(value)


def rmw(data_dir: Path, times: str, tag: str, journal: str = "") -> None:
    """Wait for a line on stdin, then read-modify-write the counter and insert a document.

    A pause of up to 2 ms between saves (a person never saves back to back) lets the other
    process take the lock, so that the two really interleave. With *journal* ``journal``, every
    change after the first goes to the journal, folded every 40 saves.
    """
    journaled = journal == "journal"
    store = RawStore(data_dir, lock_timeout=30, **({"journal_from": 0} if journaled else {}))
    pause = random.Random(tag).uniform
    say("ready")
    sys.stdin.readline()
    for i in range(int(times)):
        with store.transaction() as db:
            counter = db.table("counter")
            counter.update({"n": counter.get(doc_id=1)["n"] + 1}, doc_ids=[1])
            db.table("items").insert({"by": tag, "i": i})
        if journaled and i % 40 == 39:
            store.fold()
        time.sleep(pause(0, 0.002))
    say("done")


def answer(data_dir: Path, times: str, tag: str) -> None:
    """Save the first platform answer *times* times, reloading and retrying on a conflict."""
    from lederplan.store.errors import ConflictError
    from lederplan.store.repository import PlanRepository, answer_id

    repo = PlanRepository(Store(data_dir, lock_timeout=30))
    snap = repo.load()
    assert snap is not None
    plan_id = snap.plan.id
    aid = answer_id(plan_id, "platform", 1)
    rev = snap.revs[aid]
    say("ready")
    sys.stdin.readline()
    pause = random.Random(tag).uniform
    saved = conflicts = 0
    while saved < int(times):
        try:
            rev = repo.set_answer(plan_id, "platform", 1, f"{tag} {saved}", rev)
            saved += 1
            time.sleep(pause(0, 0.002))
        except ConflictError:
            conflicts += 1
            fresh = repo.load()
            assert fresh is not None
            rev = fresh.revs[aid]
    say(json.dumps({"saved": saved, "conflicts": conflicts, "last_rev": rev}))


def update_person(data_dir: Path, person: str) -> None:
    """Change the plan's ``person`` through the repository, from a fresh read."""
    from lederplan.store.repository import PlanRepository

    repo = PlanRepository(Store(data_dir))
    snap = repo.load()
    assert snap is not None
    plan = snap.plan.model_copy(update={"person": person})
    say(repo.update(plan, snap.revs[plan.id]))


def delete_area(data_dir: Path, area_id: str) -> None:
    """Delete one area through the repository, from a fresh read."""
    from lederplan.domain.models import Area
    from lederplan.store.repository import PlanRepository

    repo = PlanRepository(Store(data_dir))
    snap = repo.load()
    assert snap is not None
    repo.delete(Area, area_id, snap.revs[area_id])
    say("deleted")


def set_answer(data_dir: Path, box: str, text: str) -> None:
    """Save one platform answer from a fresh read."""
    from lederplan.store.repository import PlanRepository, answer_id

    repo = PlanRepository(Store(data_dir))
    snap = repo.load()
    assert snap is not None
    aid = answer_id(snap.plan.id, "platform", box)
    say(repo.set_answer(snap.plan.id, "platform", box, text, snap.revs[aid]))


def fsize(data_dir: Path, limit: str, sigxfsz: str, grow: str, then: str = "") -> None:
    """Save a document of *grow* bytes with RLIMIT_FSIZE at *limit* bytes (``journal``: with
    the journal, just above the size of the files).

    *sigxfsz* is ``ignore`` (the write fails with EFBIG) or ``default`` (the signal kills us).
    With *then* = ``then-save``, raise the limit again afterwards and save a small document.
    """
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN if sigxfsz == "ignore" else signal.SIG_DFL)
    journal = limit == "journal"  # the journal, limited to 64 bytes above the larger file
    store = RawStore(data_dir, **({"journal_from": 0} if journal else {}))
    store.read_tables()
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if journal:
        limit = str(max(store.path.stat().st_size, store.journal_path.stat().st_size) + 64)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), hard))
    try:
        with store.transaction() as db:
            db.table("big").insert({"blob": "y" * int(grow)})
    except WriteError as exc:
        say("WriteError", exc.params.get("reason"))
    else:
        say("saved")
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    if then == "then-save":
        with store.transaction() as db:
            db.table("after").insert({"ok": True})
        say("saved-after")


def readonly(data_dir: Path) -> None:
    """Read, then try to save; print what happened as one JSON line (for a read-only dir)."""
    result: dict[str, object] = {}
    store = RawStore(data_dir)
    try:
        tables = store.read_tables()
        result["read"] = {name: len(docs) for name, docs in tables.items() if name != "_meta"}
    except StoreError as exc:
        result["read"] = type(exc).__name__
    result["read_only_reason"] = store.read_only_reason
    try:
        with store.transaction() as db:
            db.table("new").insert({"x": 1})
        result["save"] = "saved"
    except StoreError as exc:
        result["save"] = type(exc).__name__
    say(json.dumps(result))


def read(data_dir: Path) -> None:
    """Read the file once and print its table sizes (or the error)."""
    try:
        tables = RawStore(data_dir).read_tables()
        say(json.dumps({name: len(docs) for name, docs in tables.items()}))
    except StoreError as exc:
        say(type(exc).__name__, getattr(exc, "why", ""))


def modules(data_dir: Path) -> None:
    """Print the heavy packages this worker has imported (it should have none)."""
    heavy = {"pydantic", "pydantic_core", "textual", "rich"}
    say(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & heavy)))


# -- the journal (lederplan.journal): journal_from=0 sends every change after the first there --


def jcount(data_dir: Path, fold_every: str = "0") -> None:
    """:func:`count` with the journal; with *fold_every* > 0, fold it after so many saves
    (printing ``fold N`` once a fold has returned)."""
    store = RawStore(data_dir, journal_from=0)
    every = int(fold_every)
    say("ready")
    saves = 0
    while True:
        with store.transaction() as db:
            counter = db.table("counter")
            value = counter.get(doc_id=1)["n"] + 1
            counter.update({"n": value}, doc_ids=[1])
        say(value)
        saves += 1
        if every and saves % every == 0:
            store.fold()
            say("fold", value)


def janswer(data_dir: Path, times: str, tag: str) -> None:
    """Save platform answer 1 *times* times through the repository with the journal, reloading
    and retrying on a conflict; print the answers saved."""
    from lederplan.store.errors import ConflictError
    from lederplan.store.repository import PlanRepository, answer_id

    repo = PlanRepository(Store(data_dir, lock_timeout=30, journal_from=0))
    say("ready")
    sys.stdin.readline()
    saved = 0
    while saved < int(times):
        snap = repo.load()
        assert snap is not None
        aid = answer_id(snap.plan.id, "platform", 1)
        try:
            repo.set_answer(snap.plan.id, "platform", 1, f"{tag} {saved}", snap.revs[aid])
            saved += 1
        except ConflictError:
            continue  # a new period came first: save into the new current plan
        time.sleep(0.001)
    say(json.dumps({"saved": saved}))


def jperiod(data_dir: Path, year: str) -> None:
    """Start a new period on 6 January of *year* with the journal, retrying on a conflict."""
    from datetime import date

    from lederplan.domain.periods import new_period
    from lederplan.store.errors import ConflictError
    from lederplan.store.periods import start_period
    from lederplan.store.repository import PlanRepository

    store = Store(data_dir, lock_timeout=30, journal_from=0)
    repo = PlanRepository(store)
    say("ready")
    sys.stdin.readline()
    time.sleep(0.05)  # into the middle of the other process's saves
    while True:
        snap = repo.load()
        assert snap is not None
        old, new = new_period(snap.plan, date(int(year), 1, 6))
        try:
            start_period(store, snap.plan, old, new)
        except ConflictError:
            continue
        say(json.dumps({"new": new.id}))
        return


def jbatch(data_dir: Path, start: str) -> None:
    """With the journal, in turn: a batch renaming the first three areas ``n`` (from *start* + 1
    on), and two drafts of text ``n``; print ``n`` after each returned. Until killed."""
    from lederplan.store.batch import Change
    from lederplan.store.drafts import Draft, save_drafts
    from lederplan.store.repository import PlanRepository

    store = Store(data_dir, journal_from=0)
    repo = PlanRepository(store)
    say("ready")
    n = int(start)
    while True:
        n += 1
        snap = repo.load()
        assert snap is not None
        areas = snap.plan.areas[:3]
        repo.batch(
            [
                Change("update", a.model_copy(update={"title": f"n {n}"}), snap.revs[a.id])
                for a in areas
            ]
        )
        say(n)
        drafts = [Draft(f"form/test/{i}", "", {"text": f"n {n}"}, "2026-12-07T09:00") for i in "ab"]
        save_drafts(store, drafts)
        say(n)


COMMANDS = {
    "count": count,
    "rmw": rmw,
    "answer": answer,
    "update-person": update_person,
    "delete-area": delete_area,
    "set-answer": set_answer,
    "fsize": fsize,
    "readonly": readonly,
    "read": read,
    "modules": modules,
    "jcount": jcount,
    "janswer": janswer,
    "jperiod": jperiod,
    "jbatch": jbatch,
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](Path(sys.argv[2]), *sys.argv[3:])
