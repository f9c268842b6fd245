"""Benchmark of the data file: opening a plan and saving one edited record, by plan size.

Run it from the repository root with the project's virtualenv::

    python bench/store_bench.py                          # sizes 100 1000 10000, 50 repeats (~40 s)
    python bench/store_bench.py --sizes 1000 10000 50000 --repeat 30   # issue 12's sizes
    python bench/store_bench.py --sizes 1000 --repeat 50
    python bench/store_bench.py --profile                # + cProfile of one save at 1,000/10,000
    python bench/store_bench.py --dir /some/disk         # where the temporary data dirs go

For each size N it builds a plan of N records (development areas, goals, one indicator per goal
and, mostly, actions; texts of about 300 bytes, with Norwegian letters) and writes it into a
fresh temporary data directory with ``PlanRepository(Store(dir)).replace_plans([plan], ...)``.
It then measures, in milliseconds:

open
    a fresh ``Store(dir)`` + ``PlanRepository(store).load()`` (read, ``json.loads``, pydantic
    validation of the whole plan); the median over ``--repeat`` runs, each with a new ``Store``.
save
    one ``PlanRepository.update(action, rev)``: one action edited; lock, fingerprint check, query,
    and, from 512 KB of file, one fsynced line appended to the journal (smaller files:
    ``json.dumps`` of the whole file, atomic write with fsync, rename, directory fsync).
    Median and p95 over ``--repeat`` saves on a warm ``Store`` (one that has saved
    before, so it holds the parsed file and checks only the file's fingerprint). The first save
    of a ``Store`` instance also takes the session and daily backups, so it is measured once on
    its own ("first save of a session") and left out of the median.
whole-file save
    the same edit on a copy of the directory whose store never journals: the save as it was
    before the journal, interleaved with the other measurements.
TinyDB JSONStorage update
    the baseline: the same file content in a plain ``tinydb.TinyDB(path)`` (default
    ``JSONStorage``: re-read and parse, ``json.dumps``, in-place write + fsync + truncate) doing one
    ``table("actions").update(..., doc_ids=[...])``. Saves and baseline updates are interleaved,
    so both see the same machine noise.
ratio
    save median / baseline median (below 1: the store re-uses the parsed file where TinyDB
    re-reads it). Machines here are noisy: quote the ratio, not the milliseconds.

The goal checked at the end: at 1,000 records a save takes at most about 15 ms (shared/TINYDB.md
measured 10.3 ms for the JSONStorage baseline at that size, so 15 ms is about 1.46 times it;
the check is also shown normalised by the baseline measured in this run).

Garbage left by earlier runs is collected before each timed run (outside the timing). Use
``--dir`` to put the data on the disk you care about: on tmpfs, fsync costs nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import os
import platform
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tinydb import TinyDB

from lederplan.domain.models import Action, Area, Goal, Indicator, Measurement, Plan, Status
from lederplan.store.repository import PlanRepository
from lederplan.store.store import DATA_FILE, Store

GOAL_RECORDS = 1000
"""The size the goal is stated for."""
GOAL_SAVE_MS = 15.0
"""At GOAL_RECORDS records a save takes at most about this long."""
REFERENCE_BASELINE_MS = 10.3
"""JSONStorage update at 1,000 documents on the reference machine (shared/TINYDB.md)."""
GOALS_PER_AREA = 4
RECORDS_PER_AREA = 50
"""Roughly one area per this many records; the rest after areas, goals and indicators are
actions, so about 84 % of the records are actions."""
TEXT_BYTES = 300

_VOCABULARY = (
    "medarbeidere samtaler ukentlige tilbakemelding tillit samarbeid motivasjon delegering "
    "prioritering møter oppfølging mål resultater læring utvikling rolle ansvar forventninger "
    "avklaring team kommunikasjon lytte spørre coaching støtte krevende endring strategi "
    "kunder kvalitet tid fokus energi åpenhet trygghet beslutninger involvere planlegge "
    "evaluere refleksjon være tydelig på gi ros og konstruktiv kritikk i hver uke med alle "
    "for å få bedre oversikt over arbeidet sammen lederevaluering måle effekt fremdrift"
)
_WORDS: tuple[str, ...] = tuple(_VOCABULARY.split())


# -- the plan -------------------------------------------------------------------------------------


def make_text(rng: random.Random, size: int = TEXT_BYTES) -> str:
    """Return a sentence-like text of about *size* UTF-8 bytes."""
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(_WORDS)
        words.append(word)
        length += len(word.encode()) + 1
    return " ".join(words).capitalize() + "."


@dataclass(frozen=True)
class Shape:
    """How many records of each kind a plan of a given size has."""

    areas: int
    goals: int
    indicators: int
    actions: int

    @property
    def total(self) -> int:
        """Records in all."""
        return self.areas + self.goals + self.indicators + self.actions


def shape_for(records: int) -> Shape:
    """Split *records* into areas, goals (four per area), indicators (one per goal) and actions."""
    areas = max(1, round(records / RECORDS_PER_AREA))
    goals = areas * GOALS_PER_AREA
    actions = records - areas - 2 * goals
    if actions < 1:
        raise SystemExit(f"--sizes: {records} records is too few (at least {2 * goals + 2})")
    return Shape(areas, goals, goals, actions)


def build_plan(records: int, seed: int = 1) -> Plan:
    """Return a plan of *records* records (areas + goals + indicators + actions)."""
    rng = random.Random(seed)
    shape = shape_for(records)
    start = date(2026, 1, 5)
    goals: list[Goal] = []
    for _ in range(shape.goals):
        indicator = Indicator(
            kpi="Lederevaluering/360",
            target="Score over 5 på " + make_text(rng, 60),
            target_value=5.0,
            comparison=">",
            measurements=[
                Measurement(date=start + timedelta(days=90 * m), value=4.0 + m / 4, note="360")
                for m in range(2)
            ],
        )
        goals.append(Goal(statement=make_text(rng), indicators=[indicator]))
        goals[-1].grow.reality = make_text(rng, 150)
    for a in range(shape.actions):
        done = a % 5 == 0
        goals[a % shape.goals].actions.append(
            Action(
                text=make_text(rng),
                deadline=f"Innen uke {a % 52 + 1}",
                deadline_written=start,
                status=Status.DONE if done else Status.DOING if a % 5 == 1 else Status.TODO,
                done_date=start + timedelta(days=a % 300) if done else None,
            )
        )
    areas = [
        Area(
            title=f"Utviklingsområde {i + 1}: " + make_text(rng, 40),
            origin="fra lederevalueringen",
            goals=goals[i * GOALS_PER_AREA : (i + 1) * GOALS_PER_AREA],
        )
        for i in range(shape.areas)
    ]
    return Plan(
        person="Kari Nordmann",
        manager="Ola Nordmann",
        date=start,
        platform=[make_text(rng) for _ in range(9)],
        areas=areas,
    )


# -- measuring ------------------------------------------------------------------------------------


def median(samples: list[float]) -> float:
    """The median of *samples*."""
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    """The 95th percentile of *samples* (nearest rank)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed_ms(call: Callable[[], object]) -> float:
    """Run *call* once and return how long it took in milliseconds.

    The garbage of earlier runs is collected first (outside the timing), so one run does not pay
    for the previous one's full collection; the collector stays on during the run.
    """
    gc.collect()
    start = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - start) / 1e6


@dataclass
class Result:
    """The figures for one size."""

    records: int
    file_bytes: int
    baseline_file_bytes: int
    open_ms: list[float]
    first_save_ms: float
    save_ms: list[float]
    baseline_ms: list[float]
    whole_ms: list[float]

    @property
    def ratio(self) -> float:
        """Median save / median baseline update."""
        return median(self.save_ms) / median(self.baseline_ms)

    @property
    def journal_ratio(self) -> float:
        """Median save / median save of the same edit written as a whole file."""
        return median(self.save_ms) / median(self.whole_ms)


@dataclass
class Bench:
    """One size's data directory, a warm store on it, and the TinyDB baseline beside it."""

    data_dir: Path
    repo: PlanRepository
    action: Action
    rev: int
    baseline: TinyDB
    baseline_path: Path
    baseline_doc_id: int
    edits: int = 0

    def save(self) -> None:
        """Edit the chosen action's text and save it (one ``PlanRepository.update``)."""
        self.rev = self.repo.update(self.action, self.rev)

    def next_edit(self) -> None:
        """Change the action in memory (outside the timing), as a user's edit would."""
        self.edits += 1
        self.action.text = f"{self.action.text[:TEXT_BYTES]} (revidert {self.edits})"

    def baseline_update(self) -> None:
        """One update of the same document through plain TinyDB + JSONStorage."""
        self.baseline.table("actions").update(
            {"text": self.action.text, "rev": self.rev}, doc_ids=[self.baseline_doc_id]
        )


@contextmanager
def bench_for(records: int, base: Path | None) -> Iterator[Bench]:
    """Set up a data directory holding a plan of *records* records and yield a :class:`Bench`.

    The store is *not* warmed yet: the first :meth:`Bench.save` is the first save of a session.
    """
    plan = build_plan(records)
    with tempfile.TemporaryDirectory(prefix="lederplan-bench-", dir=base) as tmp:
        data_dir = Path(tmp) / "data"
        PlanRepository(Store(data_dir)).replace_plans([plan], "before-import")
        repo = PlanRepository(Store(data_dir))
        snapshot = repo.load()
        assert snapshot is not None
        goals = [goal for area in snapshot.plan.areas for goal in area.goals]
        goal = goals[len(goals) // 2]
        action = goal.actions[len(goal.actions) // 2]
        baseline_path = Path(tmp) / "tinydb.json"
        baseline_path.write_bytes((data_dir / DATA_FILE).read_bytes())
        baseline = TinyDB(baseline_path)
        try:
            found = [
                doc.doc_id for doc in baseline.table("actions").all() if doc["id"] == action.id
            ]
            bench = Bench(
                data_dir, repo, action, snapshot.revs[action.id], baseline, baseline_path, found[0]
            )
            # One untimed update, so the file is in JSONStorage's own format (ensure_ascii, spaces).
            bench.baseline_update()
            yield bench
        finally:
            baseline.close()


class WholeWrites:
    """The same edits on a copy of the data directory whose store writes the whole file at every
    save (no journal): the save as it was before the journal, measured in the same run."""

    def __init__(self, bench: Bench) -> None:
        self.data_dir = bench.data_dir.with_name("whole")
        shutil.copytree(bench.data_dir, self.data_dir)
        self.repo = PlanRepository(Store(self.data_dir, journal_from=1 << 62))
        snapshot = self.repo.load()
        assert snapshot is not None
        self.bench = bench
        self.rev = snapshot.revs[bench.action.id]

    def save(self) -> None:
        """The bench's current edit, saved as a whole file."""
        self.rev = self.repo.update(self.bench.action, self.rev)


def open_once(data_dir: Path) -> None:
    """Open the plan the way the app does at start: a fresh store, read, parse and validate."""
    if PlanRepository(Store(data_dir)).load() is None:
        raise RuntimeError("no plan in the data file")


def measure(records: int, repeat: int, base: Path | None) -> Result:
    """Measure open, first save, warm saves and the baseline for a plan of *records* records."""
    with bench_for(records, base) as bench:
        file_bytes = (bench.data_dir / DATA_FILE).stat().st_size
        open_ms = [timed_ms(lambda: open_once(bench.data_dir)) for _ in range(repeat)]
        bench.next_edit()
        first_save_ms = timed_ms(bench.save)
        bench.next_edit()
        bench.save()  # one more warm-up, not counted
        whole = WholeWrites(bench)
        whole.save()  # its first save of a session (the backups), not counted
        save_ms: list[float] = []
        baseline_ms: list[float] = []
        whole_ms: list[float] = []
        for _ in range(repeat):
            bench.next_edit()
            save_ms.append(timed_ms(bench.save))
            whole_ms.append(timed_ms(whole.save))
            baseline_ms.append(timed_ms(bench.baseline_update))
        bench.repo.store.fold()
        reopened = PlanRepository(Store(bench.data_dir)).load()
        assert reopened is not None and reopened.revs[bench.action.id] == bench.rev
        return Result(
            records,
            file_bytes,
            bench.baseline_path.stat().st_size,
            open_ms,
            first_save_ms,
            save_ms,
            baseline_ms,
            whole_ms,
        )


def profile_save(records: int, base: Path | None, top: int) -> str:
    """Return cProfile's report (by own time, then cumulative) of one warm save."""
    with bench_for(records, base) as bench:
        for _ in range(2):  # the first save of the session, then a warm one
            bench.next_edit()
            bench.save()
        bench.next_edit()
        gc.collect()
        profiler = cProfile.Profile()
        profiler.runcall(bench.save)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# -- reporting ------------------------------------------------------------------------------------


def human_size(size: int) -> str:
    """Return *size* bytes as KB or MB (powers of 1,000, as TINYDB.md does)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.0f} KB"


def filesystem_of(path: Path) -> str:
    """Return the type of the filesystem *path* is on (from /proc/self/mounts), or "?"."""
    best, fstype = "", "?"
    try:
        with open("/proc/self/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) >= 3:
                    mount = fields[1].replace("\\040", " ")
                    inside = str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")
                    if inside and len(mount) >= len(best):
                        best, fstype = mount, fields[2]
    except OSError:
        pass
    return fstype


def table(results: list[Result]) -> str:
    """Return the results as a Markdown table."""
    lines = [
        "| records | file size | open ms (median) | save ms (median, p95) "
        "| whole-file save ms (median) | save / whole-file save "
        "| TinyDB JSONStorage update ms | save / TinyDB update |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.records:,} | {human_size(r.file_bytes)} | {median(r.open_ms):.1f} "
            f"| {median(r.save_ms):.1f}, {p95(r.save_ms):.1f} | {median(r.whole_ms):.1f} "
            f"| {r.journal_ratio:.3f} | {median(r.baseline_ms):.1f} | {r.ratio:.3f} |"
        )
    return "\n".join(lines)


def details(results: list[Result]) -> str:
    """Return the figures the main table leaves out, as a Markdown table."""
    lines = [
        "| records | file bytes | TinyDB file bytes | first save of a session ms "
        "| save min–max ms | TinyDB update p95 ms |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.records:,} | {r.file_bytes:,} | {r.baseline_file_bytes:,} "
            f"| {r.first_save_ms:.1f} | {min(r.save_ms):.1f}–{max(r.save_ms):.1f} "
            f"| {p95(r.baseline_ms):.1f} |"
        )
    return "\n".join(lines)


def goal_check(results: list[Result]) -> str:
    """Return the verdict on the goal (a save at 1,000 records in about 15 ms at most)."""
    at_goal = [r for r in results if r.records == GOAL_RECORDS]
    if not at_goal:
        return f"Goal not checked: {GOAL_RECORDS:,} is not among --sizes."
    r = at_goal[0]
    save = median(r.save_ms)
    normalised = r.ratio * REFERENCE_BASELINE_MS
    verdict = "MET" if save <= GOAL_SAVE_MS else "NOT MET"
    verdict_norm = "MET" if normalised <= GOAL_SAVE_MS else "NOT MET"
    return (
        f"Goal (save at {GOAL_RECORDS:,} records <= ~{GOAL_SAVE_MS:.0f} ms): {verdict}, "
        f"median {save:.1f} ms (p95 {p95(r.save_ms):.1f} ms).\n"
        f"Normalised by this run's baseline: {r.ratio:.2f} x the {REFERENCE_BASELINE_MS} ms "
        f"TinyDB update of shared/TINYDB.md = {normalised:.1f} ms: {verdict_norm} "
        f"(the goal as a ratio: <= {GOAL_SAVE_MS / REFERENCE_BASELINE_MS:.2f})."
    )


def flatness(results: list[Result]) -> str:
    """How a save grows with the file: the largest size's save over the smallest's, beside the
    same for a whole-file save (both from this run)."""
    if len(results) < 2:
        return "Flatness not checked: give at least two --sizes."
    small, large = min(results, key=lambda r: r.records), max(results, key=lambda r: r.records)
    grow = median(large.save_ms) / median(small.save_ms)
    grow_whole = median(large.whole_ms) / median(small.whole_ms)
    return (
        f"From {small.records:,} to {large.records:,} records a save grows {grow:.1f}x "
        f"(a whole-file save {grow_whole:.1f}x, "
        f"the file {large.file_bytes / small.file_bytes:.0f}x)."
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        description="Benchmark opening a plan and saving one record, by plan size."
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="records per plan"
    )
    parser.add_argument("--repeat", type=int, default=50, help="runs per measurement (default: 50)")
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to make the temporary data directories"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also cProfile one warm save at --profile-sizes"
    )
    parser.add_argument("--profile-sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--profile-top", type=int, default=15, help="functions per listing")
    args = parser.parse_args(argv)
    if args.repeat < 2:
        parser.error("--repeat must be at least 2")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    args = parse_args(argv)
    where = Path(args.dir or tempfile.gettempdir()).resolve()
    fstype = filesystem_of(where)
    print(f"load average (1, 5, 15 min) at the start: {os.getloadavg()}")
    print(
        f"# lederplan store benchmark\n\nPython {platform.python_version()} on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; data in {where} "
        f"({fstype}); --repeat {args.repeat}\n"
    )
    if fstype in {"tmpfs", "ramfs"}:
        print("Warning: a RAM filesystem makes fsync free; the save figures are too low.\n")
    started = time.perf_counter()
    results: list[Result] = []
    for records in args.sizes:
        print(f"measuring {records:,} records ...", file=sys.stderr, flush=True)
        results.append(measure(records, args.repeat, args.dir))
    print(table(results))
    print()
    print(details(results))
    print()
    for r in results:
        print(f"File size at {r.records:,} records: {r.file_bytes:,} bytes")
    print()
    print(goal_check(results))
    print(flatness(results))
    print(f"load average (1, 5, 15 min) at the end: {os.getloadavg()}")
    if args.profile:
        for records in args.profile_sizes:
            print(f"\n## cProfile of one warm save at {records:,} records\n\n```")
            print(profile_save(records, args.dir, args.profile_top).rstrip())
            print("```")
    print(f"\n(ran in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
