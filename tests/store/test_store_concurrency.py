"""Two processes writing at once lose nothing; an edit based on an old revision is refused."""

from __future__ import annotations

import itertools
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from store_helpers import RawStore, run_worker, start_worker

from lederplan.domain.models import Area, Plan
from lederplan.store.errors import ConflictError
from lederplan.store.repository import PlanRepository, answer_id
from lederplan.store.store import Store

TIMES = 150


def _run_together(*workers: list[object], timeout: float = 60) -> list[str]:
    """Start the workers, wait until all are ready, let them go at once; return their output."""
    procs = [start_worker(*args) for args in workers]
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line == "ready\n", (line, proc.communicate()[1])
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outputs = []
        for proc in procs:
            out, err = proc.communicate(timeout=timeout)
            assert proc.returncode == 0, err
            assert "already exists" not in err
            outputs.append(out)
        return outputs
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


# The full races run with `-m slow`; shorter ones in the default run guard the same promise.
@pytest.mark.parametrize(
    "times", [pytest.param(40, id="40"), pytest.param(TIMES, id="150", marks=pytest.mark.slow)]
)
def test_two_processes_read_modify_write_lose_nothing(data_dir: Path, times: int) -> None:
    with RawStore(data_dir).transaction() as db:
        db.table("counter").insert({"n": 0})
        # Some bulk, so that each save takes long enough for the two to overlap.
        db.table("padding").insert_multiple({"i": i, "text": "p" * 200} for i in range(200))
    _run_together(["rmw", data_dir, times, "a"], ["rmw", data_dir, times, "b"])
    tables = RawStore(data_dir).read_tables()
    assert tables["counter"]["1"]["n"] == 2 * times
    items = list(tables["items"].values())
    assert len(items) == 2 * times
    assert sorted((d["by"], d["i"]) for d in items) == sorted(
        (tag, i) for tag in "ab" for i in range(times)
    )
    # TinyDB's document ids stay unique and dense even though two processes inserted.
    assert sorted(map(int, tables["items"])) == list(range(1, 2 * times + 1))
    order = [tables["items"][key]["by"] for key in sorted(tables["items"], key=int)]
    print("turns taken:", 1 + sum(a != b for a, b in itertools.pairwise(order)))


@pytest.fixture
def plan_dir(data_dir: Path) -> tuple[Path, Plan]:
    area = Area(title="Kommunikasjon")
    plan = Plan(date=date(2026, 1, 5), person="Kari", areas=[area])
    PlanRepository(Store(data_dir)).replace_plans([plan], "before-import")
    return data_dir, plan


@pytest.mark.parametrize(
    "times", [pytest.param(30, id="30"), pytest.param(100, id="100", marks=pytest.mark.slow)]
)
def test_two_processes_saving_one_answer_count_every_save(
    plan_dir: tuple[Path, Plan], times: int
) -> None:
    data_dir, plan = plan_dir
    outs = _run_together(["answer", data_dir, times, "a"], ["answer", data_dir, times, "b"])
    results = [json.loads(out) for out in outs]
    assert [r["saved"] for r in results] == [times, times]
    snap = PlanRepository(Store(data_dir)).load()
    assert snap is not None
    aid = answer_id(plan.id, "platform", 1)
    # Revision 1 was written by replace_plans; each successful save added exactly one.
    assert snap.revs[aid] == 1 + 2 * times
    assert snap.plan.platform[0] in {f"a {times - 1}", f"b {times - 1}"}
    assert max(r["last_rev"] for r in results) == snap.revs[aid]
    print("conflicts retried:", [r["conflicts"] for r in results])


def _other_process(*args: object) -> subprocess.CompletedProcess[str]:
    result = run_worker(*args)
    assert result.returncode == 0, result.stderr
    return result


def test_update_from_an_old_snapshot_is_refused(plan_dir: tuple[Path, Plan]) -> None:
    data_dir, plan = plan_dir
    store = Store(data_dir)
    repo = PlanRepository(store)
    snap = repo.load()
    assert snap is not None
    assert not store.changed_on_disk()

    # Same length as "Kari": the file keeps its size, the change must be noticed anyway.
    assert _other_process("update-person", data_dir, "Bodo").stdout.split() == ["2"]
    assert store.changed_on_disk()

    mine = snap.plan.model_copy(update={"person": "Anne"})
    with pytest.raises(ConflictError) as caught:
        repo.update(mine, snap.revs[plan.id])
    assert caught.value.record_id == plan.id
    assert caught.value.current is not None
    assert caught.value.current["person"] == "Bodo"

    fresh = PlanRepository(Store(data_dir)).load()
    assert fresh is not None
    assert fresh.plan.person == "Bodo"
    assert fresh.revs[plan.id] == 2

    # Based on the current revision the same edit goes through, and is then the store's own.
    assert repo.update(mine, fresh.revs[plan.id]) == 3
    assert not store.changed_on_disk()
    reread = PlanRepository(Store(data_dir)).load()
    assert reread is not None
    assert reread.plan.person == "Anne"


def test_answer_changed_by_another_process_is_a_conflict(plan_dir: tuple[Path, Plan]) -> None:
    data_dir, plan = plan_dir
    store = Store(data_dir)
    repo = PlanRepository(store)
    snap = repo.load()
    assert snap is not None
    aid = answer_id(plan.id, "platform", 1)

    _other_process("set-answer", data_dir, 1, "fra den andre økta")
    assert store.changed_on_disk()
    with pytest.raises(ConflictError) as caught:
        repo.set_answer(plan.id, "platform", 1, "min tekst", snap.revs[aid])
    assert caught.value.current is not None
    assert caught.value.current["text"] == "fra den andre økta"
    after = PlanRepository(Store(data_dir)).load()
    assert after is not None
    assert after.plan.platform[0] == "fra den andre økta"


def test_edit_of_a_record_deleted_by_another_process_is_a_conflict(
    plan_dir: tuple[Path, Plan],
) -> None:
    data_dir, _ = plan_dir
    repo = PlanRepository(Store(data_dir))
    snap = repo.load()
    assert snap is not None
    area = snap.plan.areas[0]

    _other_process("delete-area", data_dir, area.id)
    with pytest.raises(ConflictError) as caught:
        repo.update(area.model_copy(update={"title": "Ny tittel"}), snap.revs[area.id])
    assert caught.value.current is None
    after = PlanRepository(Store(data_dir)).load()
    assert after is not None
    assert after.plan.areas == []
    assert "areas" in Store(data_dir).read_tables()
