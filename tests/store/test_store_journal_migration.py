"""A file written by the landed main before the journal (ten periods, ``data/``) opens unchanged,
takes journaled edits, and after the fold is that file's format again with the edits in it: what
the old code reads (schema 1, TinyDB JSON, no other file beside it)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from lederplan.store.journal import JOURNAL_FILE
from lederplan.store.repository import PlanRepository, answer_id
from lederplan.store.store import Store

OLD_FILE = Path(__file__).with_name("data") / "ten-periods-f3f3e2f.json.gz"


def _old_file(data_dir: Path) -> bytes:
    raw = gzip.decompress(OLD_FILE.read_bytes())
    data_dir.mkdir(mode=0o700)
    fd = os.open(data_dir / "lederplan.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(raw)
    return raw


def _contents(raw: bytes) -> dict:
    tables = json.loads(raw)
    tables.pop("_meta")
    return tables


def test_the_old_file_opens_unchanged_and_folds_back_into_its_format(data_dir: Path) -> None:
    raw = _old_file(data_dir)
    store = Store(data_dir, journal_from=0)
    repo = PlanRepository(store)
    snaps = repo.load_all()
    assert len(snaps) == 10
    assert (data_dir / "lederplan.json").read_bytes() == raw  # reading writes nothing

    current = snaps[0].plan
    rev = repo.set_answer(
        current.id, "platform", 1, "Ny verdi", snaps[0].revs[answer_id(current.id, "platform", 1)]
    )
    person = current.model_copy(update={"person": "Kari Nordmann"})
    repo.update(person, snaps[0].revs[current.id])
    assert (data_dir / JOURNAL_FILE).exists()
    assert (data_dir / "lederplan.json").read_bytes() == raw  # the edits are in the journal

    reread = PlanRepository(Store(data_dir)).load_all()
    assert reread[0].plan.platform[0] == "Ny verdi" and reread[0].plan.person == "Kari Nordmann"
    assert [s.plan for s in reread[1:]] == [s.plan for s in snaps[1:]]

    assert store.fold()
    assert sorted(os.listdir(data_dir)) == ["backups", "lederplan.json", "lederplan.lock"]
    folded = (data_dir / "lederplan.json").read_bytes()
    old, new = _contents(raw), _contents(folded)
    assert json.loads(folded)["_meta"]["1"]["schema"] == json.loads(raw)["_meta"]["1"]["schema"]
    assert new.keys() == old.keys()
    changed = {
        (name, key)
        for name in old
        for key in old[name].keys() | new[name].keys()
        if old[name].get(key) != new[name].get(key)
    }
    answer_key = next(
        k for k, d in new["answers"].items() if d["id"] == answer_id(current.id, "platform", 1)
    )
    plan_key = next(k for k, d in new["plans"].items() if d["id"] == current.id)
    assert changed == {("answers", answer_key), ("plans", plan_key)}
    assert new["answers"][answer_key]["rev"] == rev
    after = PlanRepository(Store(data_dir)).load_all()
    assert [s.plan for s in after] == [s.plan for s in reread]
