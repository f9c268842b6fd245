"""Benchmark of the målkort with 1,000 and 10,000 actions, from the outside in a real pty
(issues 4 and 12).

Run it from the repository root with the project's virtualenv (it needs ``pyte``, in the
``test`` extra)::

    python bench/malkort_bench.py                       # the full run (about two minutes)
    python bench/malkort_bench.py --presses 30 --sessions 1 --runs 5   # a quicker look
    python bench/malkort_bench.py --only keys           # or --only start, --only cursor
    python bench/malkort_bench.py --check               # exit 1 if a goal is missed

What it does, in order:

plan
    Byte-compiles the lederplan package (as ``pip install .`` does; ``tui_bench.compile_package``)
    and writes a plan of ``--areas`` × ``--goals`` × ``--actions`` actions, 10 × 5 × 20 = 1,000
    by default, into a temporary data directory with
    ``PlanRepository(Store(dir)).replace_plans([plan], "before-import")``. Each goal has two
    indicators (KPI and target) and a statement of 90-170 characters; each action a text of
    40-140 characters, a deadline as written ("Innen uke 12", "Hver uke fra uke 8") and a
    status; the nine platform answers are filled in. The texts come from
    ``plain_datatable_app.plan_texts``, so the plain DataTable below shows the same words.
    A second, large plan of ``--areas`` × ``--large-goals`` × ``--large-actions`` actions,
    10 × 10 × 100 = 10,000 by default, goes into a second data directory (``--large-actions 0``:
    none); ``start`` and ``cursor`` measure both.
keys
    Key-to-screen latency, the målkort beside a plain Textual DataTable, in the same run:
    ``--sessions`` launches of each, alternated (målkort, table, målkort, ...). A session of
    the app: ``python -m lederplan --data-dir DIR --lang nb``; wait for the platform's first
    question and 0.5 s without output (the plan has loaded); press ``2`` and wait for the
    målkort's header ("Utviklingsområder" or "Målformuleringer") and its first deadlines; press
    ``l`` four times (area → goal → KPI → target → action column: in the area and goal columns
    ``j`` jumps a whole block, so ten presses would reach the last area and stop), wait until
    quiet, then ``--presses`` times ``j`` (down one action). A session of the table:
    ``python bench/plain_datatable_app.py`` (one DataTable, 1,000 rows × 6 columns, the same
    texts, ``Text`` cells, fixed widths), wait until drawn and quiet, then ``--presses`` times
    ``down``. For every press the clock runs from writing the key to the pty until the output
    chunk after which any cell of the emulated screen differs (text or attributes): the first
    change a person could see. Also the end of the press's output burst (``--quiet`` s of
    silence) and the bytes written per press. Reported: p50 (median) and p95 of all presses.
start
    ``--runs`` rounds (after one warm-up round, discarded) of two launches, in alternating
    order: the bare Textual app (``bench/bare_textual_app.py``, one Static "READY") and the app
    on the 1,000-action data directory. Two figures per app launch:

    * *first frame*: from the launch until the platform's first question ("Hvorfor ble ...")
      is on the screen: what the app shows first, with the big plan in its data directory.
    * *målkort shown*: ``2`` is pressed as soon as the first frame is there, and again every
      ``--retry`` seconds while the målkort is not shown (the key does nothing until the plan
      has loaded, in a thread after the first frame); the clock, still from the launch, stops
      when the målkort's header and its first deadlines are on the screen.

    Each is divided by the bare app's time to READY in the same round; the figure that counts
    is the median of the per-round ratios (machine noise cancels). With the large plan, each
    round launches the app on both plans (their order alternating too) beside the one bare app.
cursor
    Bytes written to the terminal per cursor key that does not scroll, on each plan: one launch,
    the målkort opened as for ``keys`` and the cursor taken to the first action, then
    ``--cursor-presses`` presses of ``j`` and ``k`` in turn (between the first two actions) and
    as many of ``l`` and ``h`` (between the target and action columns), each timed as above.

Goals, checked by ``--check``: målkort key-to-screen p95 at most 33 ms and no worse than the
plain DataTable's p95 in the same run; first frame at most 2.0× the bare app (issue 4); the
målkort shown at most 2.0× the bare app with 1,000 actions and 3.0× with 10,000, and at most
1 KB (median) per cursor key that does not scroll (issue 12). The load average
(``os.getloadavg``) before and after the run is printed with the results.

Keep ``--presses`` above a screenful (36 rows): the DataTable repaints only two rows per press
until its cursor reaches the bottom of the screen and all of it once it scrolls, which the
målkort (rows of four to seven lines) does from about the fifth press; with fewer presses the
comparison is of a scrolling table against one that does not scroll yet.

Every launch is in a ``--cols`` × ``--rows`` pty (120 × 36), ``TERM=xterm-256color``,
``LANG=nb_NO.UTF-8``, with a throwaway HOME; the harness is ``bench/ptyharness.py`` (imported:
``PtySession`` reads the pty eagerly and timestamps output on arrival, before ``pyte`` emulates
it). The data directory and HOME go into one temporary directory, removed at the end unless
``--keep``. The apps run in ``--python`` (default: ``$LEDERPLAN_BENCH_PYTHON`` or this Python);
the plan is written by this Python, which needs lederplan, Textual and ``pyte``. Machines here
are shared and noisy: quote ratios and the comparison with the DataTable, not milliseconds.

Options: ``--areas/--goals/--actions`` (plan size), ``--large-goals/--large-actions`` (the
large plan's), ``--presses`` (per session, default 100), ``--sessions`` (launches per app for
the keys, default 3), ``--runs`` (start rounds, default 15), ``--cursor-presses`` (default 40),
``--retry``, ``--quiet``, ``--cols/--rows``, ``--only {keys,start,cursor}``, ``--json FILE``,
``--keep``, ``--check``, ``--show`` (print each app's last screen).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

from plain_datatable_app import READY_TEXT, AreaText, plan_texts, sentence
from ptyharness import KEYS, PtySession, build_env, split_cmd, summary
from tui_bench import (
    BARE_APP,
    FIRST_QUESTION,
    LANG,
    add_python_option,
    compile_package,
    print_summary,
)

HERE = Path(__file__).resolve().parent
TABLE_APP = HERE / "plain_datatable_app.py"
MALKORT_HEADERS = ("Utviklingsområder", "Målformuleringer")
"""The målkort's column headers in nb; at 120 columns the first wraps, so either will do."""
TABLE_CONTENT = "Innen uke"
"""In the first rows' deadline cells: the table itself is drawn, not just its header."""
MALKORT_FOOTER = "Rediger cellen"
"""The målkort's Footer (key.edit_cell in nb), on the last line: the frame is complete."""
ACTION_COLUMN = 4
"""Presses of ``l`` from the area column to the action column."""
KEY_P95_GOAL_MS = 33.0
START_RATIO_GOAL = 2.0
SHOWN_RATIO_GOAL = {1_000: 2.0, 10_000: 3.0}
"""The målkort shown, / bare app, by the plan's number of actions (issue 12)."""
CURSOR_BYTES_GOAL = 1024


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_python_option(parser, "the apps")
    parser.add_argument("--areas", type=int, default=10)
    parser.add_argument("--goals", type=int, default=5, help="goals per area (default 5)")
    parser.add_argument("--actions", type=int, default=20, help="actions per goal (default 20)")
    parser.add_argument("--large-goals", type=int, default=10, help="the large plan's (10)")
    parser.add_argument("--large-actions", type=int, default=100, help="the large plan's (100)")
    parser.add_argument("--cursor-presses", type=int, default=40, help="of each pair (40)")
    parser.add_argument("--presses", type=int, default=100, help="key presses per session")
    parser.add_argument("--sessions", type=int, default=3, help="launches per app for the keys")
    parser.add_argument("--runs", type=int, default=15, help="start-up rounds (default 15)")
    parser.add_argument(
        "--retry", type=float, default=0.05, help="re-press 2 after this many s (default 0.05)"
    )
    parser.add_argument(
        "--quiet", type=float, default=0.1, help="silence that ends a press's output (s)"
    )
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--timeout", type=float, default=30.0, help="longest wait for a screen")
    parser.add_argument("--only", choices=("keys", "start", "cursor"), action="append")
    parser.add_argument("--json", metavar="FILE", help="also write all results here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    parser.add_argument("--show", action="store_true", help="print each app's last screen")
    return parser.parse_args(argv)


# -- the plan -------------------------------------------------------------------------------------


def write_plan(data_dir: Path, texts: list[AreaText]) -> int:
    """Write a plan with *texts* into *data_dir*; return its number of actions."""
    from lederplan.domain.models import Action, Area, Goal, Indicator, Plan, Status
    from lederplan.store.repository import PlanRepository
    from lederplan.store.store import Store

    start = date(2026, 1, 5)
    statuses = (Status.TODO, Status.DOING, Status.DONE)
    areas = [
        Area(
            title=area.title,
            origin=area.origin,
            goals=[
                Goal(
                    statement=goal.statement,
                    indicators=[
                        Indicator(kpi=kpi, target=target) for kpi, target in goal.indicators
                    ],
                    actions=[
                        Action(
                            text=action.text,
                            deadline=action.deadline,
                            deadline_written=start,
                            status=statuses[action.status],
                            done_date=start + timedelta(days=7) if action.status == 2 else None,
                        )
                        for action in goal.actions
                    ],
                )
                for goal in area.goals
            ],
        )
        for area in texts
    ]
    rng = random.Random(9)
    plan = Plan(
        person="Kari Nordmann",
        manager="Ola Nordmann",
        date=start,
        platform=[sentence(rng, 160) for _ in range(9)],
        areas=areas,
    )
    PlanRepository(Store(data_dir)).replace_plans([plan], "before-import")
    return sum(len(goal.actions) for area in plan.areas for goal in area.goals)


# -- driving the pty ------------------------------------------------------------------------------


@dataclass
class Press:
    """One timed key press."""

    latency: float | None
    """Seconds from the key to the first visible change (None: nothing changed)."""
    burst_end: float | None
    """Seconds from the key to the last output chunk of its burst."""
    nbytes: int


@dataclass
class Session:
    """One launch measured for the keys."""

    app: str
    ttff: float
    presses: list[Press] = field(default_factory=list)
    screen: str = ""


def on_screen(s: PtySession, any_of: tuple[str, ...], *also: str) -> bool:
    """Whether one of *any_of* and all of *also* are on the screen."""
    found = any(n in line for line in s.lines for n in any_of)
    return found and all(any(a in line for line in s.lines) for a in also)


def malkort_shown(s: PtySession) -> bool:
    """The målkort's header, its first deadlines and its Footer are on the screen."""
    return on_screen(s, MALKORT_HEADERS, TABLE_CONTENT, MALKORT_FOOTER)


def wait_until(
    s: PtySession,
    seen: Callable[[], bool],
    timeout: float,
    every: float = 0.0,
    tick: Callable[[], None] | None = None,
) -> float:
    """Arrival time of the output chunk after which *seen()* holds; *tick()* every *every* s."""
    now = time.perf_counter()
    deadline, next_tick = now + timeout, now + every
    while True:
        now = time.perf_counter()
        if now >= deadline:
            raise RuntimeError(f"timeout; screen:\n{s.dump()}")
        if tick is not None and every and now >= next_tick:
            tick()
            next_tick = now + every
        wait = min(deadline, next_tick) - now if tick is not None and every else deadline - now
        t = s.pump(max(0.0, wait))
        if t is None:
            if s.eof:
                raise RuntimeError(f"the program ended; screen:\n{s.dump()}")
            continue
        s.take_dirty()
        if seen():
            return t


def timed_press(s: PtySession, key: bytes, quiet: float, max_wait: float = 3.0) -> Press:
    """Press *key*; time the first screen change and the end of the output burst.

    The same measurement as ``ptyharness.interact_once`` (``--wait changed``).
    """
    snap = s.snapshot()
    s.take_dirty()
    b0, t_detect, t_last = s.nbytes, None, None
    t0 = s.send(key)
    deadline = t0 + max_wait
    while True:
        now = time.perf_counter()
        wait = deadline - now
        if t_detect is not None and t_last is not None:
            wait = min(wait, t_last + quiet - now)
        if wait <= 0 and not s.pending:
            break
        t = s.pump(wait)
        if t is None:
            if s.eof:
                break
            continue
        t_last = t
        dirty = s.take_dirty()
        if t_detect is None and any(s.row_cells(y) != snap[y] for y in dirty if 0 <= y < s.rows):
            t_detect = t
    return Press(
        latency=t_detect - t0 if t_detect else None,
        burst_end=t_last - t0 if t_last else None,
        nbytes=s.nbytes - b0,
    )


def settle(s: PtySession) -> None:
    """Read until 0.5 s pass without output (at most 10 s)."""
    s.wait_quiet(0.5, 10.0)


def keys_session(args: argparse.Namespace, name: str, command: str, env: dict[str, str]) -> Session:
    """One launch of the målkort ("malkort") or the plain table ("table"), with its presses."""
    argv, child_env = split_cmd(command, env)
    s = PtySession(argv, child_env, args.cols, args.rows)
    try:
        if name == "malkort":
            t = open_malkort(args, s)
            key = b"j"
        else:
            t = wait_until(s, lambda: on_screen(s, (READY_TEXT,), TABLE_CONTENT), args.timeout)
            key = KEYS["down"]
        settle(s)
        out = Session(name, t - s.t0)
        out.presses = [timed_press(s, key, args.quiet) for _ in range(args.presses)]
        out.screen = s.dump()
    finally:
        s.close()
    return out


def open_malkort(args: argparse.Namespace, s: PtySession) -> float:
    """Wait for the first frame, open the målkort, go to the action column; the first frame's
    arrival time."""
    t = wait_until(s, lambda: on_screen(s, (FIRST_QUESTION,)), args.timeout)
    settle(s)  # the plan is loaded in a thread after the first frame
    s.send(b"2")
    wait_until(s, lambda: malkort_shown(s), args.timeout, every=0.5, tick=lambda: s.send(b"2"))
    settle(s)
    for _ in range(ACTION_COLUMN):
        s.send(b"l")
        s.wait_quiet(0.2, 3.0)
    return t


def cursor_session(args: argparse.Namespace, command: str, env: dict[str, str]) -> dict:
    """Bytes and time per cursor key that does not scroll: j/k in turn, then h/l in turn."""
    argv, child_env = split_cmd(command, env)
    s = PtySession(argv, child_env, args.cols, args.rows)
    out: dict = {}
    try:
        open_malkort(args, s)
        settle(s)
        for pair in (b"jk", b"hl"):
            presses = [
                timed_press(s, pair[i % 2 : i % 2 + 1], args.quiet)
                for i in range(2 * args.cursor_presses)
            ]
            out[pair.decode()] = {
                "bytes": summary([p.nbytes for p in presses]),
                "latency": summary([p.latency for p in presses]),
                "misses": sum(1 for p in presses if p.latency is None),
            }
        out["screen"] = s.dump()
    finally:
        s.close()
    return out


@dataclass
class StartRound:
    """One round of the start-up measurement (seconds from launch)."""

    round: int
    bare: float = 0.0
    first_frame: float = 0.0
    malkort: float = 0.0
    presses_of_2: int = 0
    first_frame_large: float = 0.0
    """The same three with the large plan (0: none)."""
    malkort_large: float = 0.0
    presses_of_2_large: int = 0


def start_bare(args: argparse.Namespace, argv: list[str], env: dict[str, str]) -> float:
    s = PtySession(argv, env, args.cols, args.rows)
    try:
        return wait_until(s, lambda: on_screen(s, ("READY",)), args.timeout) - s.t0
    finally:
        s.close()


def start_app(
    args: argparse.Namespace, argv: list[str], env: dict[str, str]
) -> tuple[float, float, int, str]:
    """First frame, then ``2`` at once (and again every --retry s) until the målkort is shown.

    Returns the first frame's and the målkort's time from the launch, the presses of ``2``, and
    the screen.
    """
    s = PtySession(argv, env, args.cols, args.rows)
    presses = 0
    try:
        first = wait_until(s, lambda: on_screen(s, (FIRST_QUESTION,)), args.timeout) - s.t0

        def press() -> None:
            nonlocal presses
            s.send(b"2")
            presses += 1

        press()
        shown = wait_until(s, lambda: malkort_shown(s), args.timeout, every=args.retry, tick=press)
        return first, shown - s.t0, presses, s.dump()
    finally:
        s.close()


# -- the parts ------------------------------------------------------------------------------------


def run_keys(args: argparse.Namespace, app: str, table: str, env: dict[str, str]) -> dict:
    sessions: dict[str, list[Session]] = {"malkort": [], "table": []}
    for i in range(args.sessions):
        order = [("malkort", app), ("table", table)]
        for name, command in order if i % 2 == 0 else order[::-1]:
            session = keys_session(args, name, command, env)
            sessions[name].append(session)
            lat = [p.latency for p in session.presses if p.latency is not None]
            print(
                f"  keys session {i + 1} {name:>8}: median "
                f"{statistics.median(lat) * 1000 if lat else float('nan'):6.1f} ms, "
                f"{len(session.presses) - len(lat)} presses without a change",
                file=sys.stderr,
            )
    out: dict = {}
    for name, runs in sessions.items():
        presses = [p for run in runs for p in run.presses]
        out[name] = {
            "latency": summary([p.latency for p in presses]),
            "burst_end": summary([p.burst_end for p in presses if p.latency is not None]),
            "bytes": summary([p.nbytes for p in presses]),
            "misses": sum(1 for p in presses if p.latency is None),
            "sessions": [asdict(run) for run in runs],
        }
    return out


class Round(Protocol):
    """What :func:`alternate_rounds` needs of a round's result."""

    bare: float


R = TypeVar("R", bound=Round)


def alternate_rounds(
    args: argparse.Namespace,
    app: str,
    bare: str,
    env: dict[str, str],
    new_round: Callable[[int], R],
    launch: Callable[[list[str], dict[str, str], R], str],
    describe: Callable[[R], str],
) -> tuple[list[R], str]:
    """A warm-up round and ``--runs`` rounds of the bare app and the app, the order alternating.

    *launch* starts the app once and fills in its round; it returns the screen it saw last.
    Returns the rounds after the warm-up and the last screen.
    """
    app_argv, app_env = split_cmd(app, env)
    bare_argv, bare_env = split_cmd(bare, env)
    rounds: list[R] = []
    screen = ""
    for r in range(1 + args.runs):
        result = new_round(r)
        if r % 2:
            result.bare = start_bare(args, bare_argv, bare_env)
            screen = launch(app_argv, app_env, result)
        else:
            screen = launch(app_argv, app_env, result)
            result.bare = start_bare(args, bare_argv, bare_env)
        print(
            f"  start round {r}{'w' if r == 0 else ' '}: bare {result.bare * 1000:6.1f} ms, "
            + describe(result),
            file=sys.stderr,
        )
        if r:  # round 0 is the warm-up
            rounds.append(result)
    return rounds, screen


def run_start(
    args: argparse.Namespace, app: str, large: str | None, bare: str, env: dict[str, str]
) -> dict:
    large_argv = split_cmd(large, env) if large else None

    def launch(argv: list[str], app_env: dict[str, str], result: StartRound) -> str:
        # With the large plan too, the two launches take turns at going first.
        first_large = large_argv is not None and result.round % 4 >= 2
        if first_large and large_argv:
            result.first_frame_large, result.malkort_large, result.presses_of_2_large, _ = (
                start_app(args, *large_argv)
            )
        result.first_frame, result.malkort, result.presses_of_2, screen = start_app(
            args, argv, app_env
        )
        if large_argv and not first_large:
            result.first_frame_large, result.malkort_large, result.presses_of_2_large, _ = (
                start_app(args, *large_argv)
            )
        return screen

    def describe(result: StartRound) -> str:
        text = (
            f"first frame {result.first_frame * 1000:6.1f} ms, "
            f"målkort {result.malkort * 1000:6.1f} ms ({result.presses_of_2} x '2')"
        )
        if large_argv:
            text += f"; large: målkort {result.malkort_large * 1000:6.1f} ms"
        return text

    rounds, screen = alternate_rounds(args, app, bare, env, StartRound, launch, describe)
    larges = {}
    if large_argv:
        larges = {
            "malkort_large": summary([x.malkort_large for x in rounds]),
            "first_frame_large": summary([x.first_frame_large for x in rounds]),
            "ratio_first_frame_large": summary([x.first_frame_large / x.bare for x in rounds]),
            "ratio_malkort_large": summary([x.malkort_large / x.bare for x in rounds]),
        }
    return {
        **larges,
        "rounds": [asdict(x) for x in rounds],
        "bare": summary([x.bare for x in rounds]),
        "first_frame": summary([x.first_frame for x in rounds]),
        "malkort": summary([x.malkort for x in rounds]),
        "after_first_frame": summary([x.malkort - x.first_frame for x in rounds]),
        "ratio_first_frame": summary([x.first_frame / x.bare for x in rounds]),
        "ratio_malkort": summary([x.malkort / x.bare for x in rounds]),
        "presses_of_2": summary([x.presses_of_2 for x in rounds]),
        "screen": screen,
    }


# -- the summary ----------------------------------------------------------------------------------


def shown_goal(actions: int) -> float:
    """The goal for the målkort shown / bare app with a plan of *actions* (the nearest size's)."""
    return SHOWN_RATIO_GOAL[min(SHOWN_RATIO_GOAL, key=lambda n: abs(n - actions))]


def summarize(args: argparse.Namespace, actions: int, large: int, results: dict) -> list[str]:
    """Print the results table; return the goals missed."""
    rows: list[tuple[str, str, str]] = []
    missed: list[str] = []

    def goal(name: str, ok: bool, text: str) -> str:
        if not ok:
            missed.append(name)
        return f"{text} {'ok' if ok else 'MISSED'}"

    def ms(d: dict) -> str:
        return (
            f"p50 {d['median'] * 1000:.1f} ms, p95 {d['p95'] * 1000:.1f} ms,"
            f" max {d['max'] * 1000:.0f} ms"
        )

    if "keys" in results:
        mk, tb = results["keys"]["malkort"], results["keys"]["table"]
        lm, lt = mk["latency"], tb["latency"]
        rows += [
            (
                f"målkort ({actions:,} actions), j: key to first change, "
                f"{lm['n']} presses, {mk['misses']} without change",
                ms(lm),
                goal("målkort key p95", lm["p95"] * 1000 <= KEY_P95_GOAL_MS, "p95 <= 33 ms"),
            ),
            (
                f"plain DataTable ({actions:,} rows x 6), down: same, "
                f"{lt['n']} presses, {tb['misses']} without change",
                ms(lt),
                "",
            ),
            (
                "målkort p95 / DataTable p95",
                f"{lm['p95'] / lt['p95']:.2f}",
                goal("målkort vs DataTable", lm["p95"] <= lt["p95"], "<= 1.00"),
            ),
            ("  målkort: end of each press's output burst", ms(mk["burst_end"]), ""),
            ("  DataTable: end of each press's output burst", ms(tb["burst_end"]), ""),
            (
                "bytes per key: målkort / DataTable (median)",
                f"{mk['bytes']['median']:,.0f} B / {tb['bytes']['median']:,.0f} B",
                "",
            ),
        ]
    if "start" in results:
        r = results["start"]
        ff, mkr = r["ratio_first_frame"], r["ratio_malkort"]
        rows += [
            (
                f"first frame (platform's first question) / bare, median of {ff['n']} rounds",
                f"{ff['median']:.2f}x ({ff['min']:.2f}-{ff['max']:.2f})",
                goal("first frame ratio", ff["median"] <= START_RATIO_GOAL, "<= 2.0x"),
            ),
            (
                f"målkort shown ({actions:,} actions; 2 pressed at the first frame) / bare",
                f"{mkr['median']:.2f}x ({mkr['min']:.2f}-{mkr['max']:.2f})",
                goal(
                    f"målkort shown, {actions:,}",
                    mkr["median"] <= shown_goal(actions),
                    f"<= {shown_goal(actions):.1f}x",
                ),
            ),
        ]
        if "ratio_malkort_large" in r:
            big = r["ratio_malkort_large"]
            rows.append(
                (
                    f"målkort shown ({large:,} actions) / bare, same rounds",
                    f"{big['median']:.2f}x ({big['min']:.2f}-{big['max']:.2f})",
                    goal(
                        f"målkort shown, {large:,}",
                        big["median"] <= shown_goal(large),
                        f"<= {shown_goal(large):.1f}x",
                    ),
                )
            )
        rows += [
            (
                "  median from launch: bare READY / first frame / målkort shown",
                f"{r['bare']['median'] * 1000:.0f} / {r['first_frame']['median'] * 1000:.0f}"
                f" / {r['malkort']['median'] * 1000:.0f} ms",
                "",
            ),
            (
                "  first frame to målkort shown; presses of 2 needed (median, max)",
                f"{r['after_first_frame']['median'] * 1000:.0f} ms; "
                f"{r['presses_of_2']['median']:.0f}, {r['presses_of_2']['max']:.0f}",
                "",
            ),
        ]
    for size, cursor in results.get("cursor", {}).items():
        for pair, what in (("jk", "j/k between two actions"), ("hl", "h/l between two cells")):
            b, lat = cursor[pair]["bytes"], cursor[pair]["latency"]
            rows.append(
                (
                    f"bytes per cursor key, no scroll, {size} actions, {what} (median, max)",
                    f"{b['median']:,.0f} B, {b['max']:,.0f} B; p95 {lat['p95'] * 1000:.1f} ms",
                    goal(
                        f"cursor bytes {size} {pair}",
                        b["median"] <= CURSOR_BYTES_GOAL,
                        "<= 1 KB",
                    ),
                )
            )
    load = results.get("load", {})
    rows.append(("load average (1, 5, 15 min) before / after", load_text(load), ""))
    print_summary(rows, missed)
    return missed


def load_text(load: dict) -> str:
    return " / ".join(
        ", ".join(f"{x:.2f}" for x in load.get(when, ())) for when in ("before", "after")
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the summary; with --check, 1 if a goal is missed."""
    args = parse_args(argv)
    parts = args.only or ["keys", "start", "cursor"]
    work = Path(tempfile.mkdtemp(prefix="lederplan-malkort-bench-"))
    try:
        data = work / "data"
        compile_package(args.python)
        texts = plan_texts(args.areas, args.goals, args.actions)
        actions = write_plan(data, texts)
        large, large_app = 0, None
        if args.large_actions:
            large_texts = plan_texts(args.areas, args.large_goals, args.large_actions)
            large = write_plan(work / "large", large_texts)
            large_app = (
                f"{shlex.quote(args.python)} -m lederplan"
                f" --data-dir {shlex.quote(str(work / 'large'))} --lang nb"
            )
        python = shlex.quote(args.python)
        sizes = f"--areas {args.areas} --goals {args.goals} --actions {args.actions}"
        app = f"{python} -m lederplan --data-dir {shlex.quote(str(data))} --lang nb"
        table = f"{python} {shlex.quote(str(TABLE_APP))} {sizes}"
        bare = f"{python} {shlex.quote(str(BARE_APP))}"
        env = build_env("xterm-256color", [f"LANG={LANG}"], home=str(work / "home"))
        print(
            f"# målkort benchmark: {actions:,} and {large:,} actions\n\napp:   {app}\n"
            f"large: {large_app}\ntable: {table}\nbare:  {bare}\n"
            f"pty {args.cols}x{args.rows}, LANG={LANG}, load {os.getloadavg()}",
            flush=True,
        )
        results: dict = {"actions": actions, "large": large, "load": {"before": os.getloadavg()}}
        if "keys" in parts:
            results["keys"] = run_keys(args, app, table, env)
        if "start" in parts:
            results["start"] = run_start(args, app, large_app, bare, env)
        if "cursor" in parts:
            plans = [(actions, app), (large, large_app)]
            results["cursor"] = {
                f"{size:,}": cursor_session(args, command, env)
                for size, command in plans
                if command
            }
        results["load"]["after"] = os.getloadavg()
        if args.show:
            for name, runs in results.get("keys", {}).items():
                if isinstance(runs, dict) and runs.get("sessions"):
                    print(f"\n--- last screen of {name} ---\n{runs['sessions'][-1]['screen']}")
            if "start" in results:
                print(f"\n--- målkort when shown, last start ---\n{results['start']['screen']}")
        missed = summarize(args, actions, large, results)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    finally:
        if args.keep:
            print(f"\n(kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
