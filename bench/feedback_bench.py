"""Benchmark of the feedback panel with 5,000 entries, from the outside in a real pty (issue 6).

Run it from the repository root with the project's virtualenv (it needs ``pyte``, in the
``test`` extra)::

    python bench/feedback_bench.py                      # the full run (about two minutes)
    python bench/feedback_bench.py --runs 3 --sessions 1 --presses 20 --show   # a quicker look
    python bench/feedback_bench.py --only keys          # or --only start
    python bench/feedback_bench.py --check              # exit 1 if the goal is missed
    python bench/feedback_bench.py --only keys --baseline-src /tmp/main/src   # before / after

What it does, in order:

plan
    Byte-compiles the lederplan package (as ``pip install .`` does; ``tui_bench.compile_package``)
    and writes a plan with ``--entries`` feedback entries (5,000 by default) into a temporary
    data directory with ``PlanRepository(Store(dir)).replace_plans([plan], "before-import")``.
    The plan has the nine platform answers and ``--areas`` areas (10), each with a title and one
    goal. The entries are spread over the four sources as in real life (staff 40 %, self 30 %,
    leader peers 20 %, manager 10 %), their dates over the three years before the plan's date;
    about 85 % concern an area (any of them), 80 % have a rating 1-6, 60 % a giver's name, and
    their texts are 40-300 characters, a third of them on two or three lines
    (``plain_datatable_app.sentence``). The same ``--seed`` writes the same plan.
start
    ``--runs`` rounds (after one warm-up round, discarded) of two launches, in alternating
    order: the bare Textual app (``bench/bare_textual_app.py``, one Static "READY") and the app,
    ``python -m lederplan --data-dir DIR --lang nb``. Two figures per app launch:

    * *first frame*: from the launch until the platform's first question ("Hvorfor ble ...")
      is on the screen: what the app shows first, with the big plan in its data directory.
    * *panel shown*: ``4`` is pressed as soon as the first frame is there, and again every
      ``--retry`` seconds while the panel is not shown (the key does nothing until the plan
      has loaded, in a thread after the first frame); the clock, still from the launch, stops
      when the panel is drawn: its filter line ("Område: alle"), the source titles
      "Lederkolleger" and "Medarbeidere", an entry (a date such as 06.07.2025 at the start of
      an entry, below the filter line: the plan header above it has a date too) and the
      Footer's keys on the last line. Also the *end of that burst* (the last output before
      ``--quiet`` s of silence): the panel as it stays, if it is drawn in more than one frame.

    Each is divided by the bare app's time to READY in the same round; the figure is the
    median of the per-round ratios (machine noise cancels).
keys
    ``--sessions`` launches of the app. In each: wait for the first frame and 0.5 s without
    output (the plan has loaded), press ``4`` (again every 0.5 s) until the panel is shown,
    wait until quiet, then ``--presses`` times ``f`` (filter by area: all, each area in turn,
    "uten område", all, ...; every press rebuilds the four lists). Then ``f`` until the filter
    is back on all, and as a comparison the same number of presses of a key that only moves
    the cursor in the focused list (the manager's, about 500 entries): ``--move-keys``, by
    default ``j`` (down one entry). Several keys (``--move-keys down,up``) take turns in
    blocks of 20, for a list too short to run down: the OptionLists the panel had before
    listed 30 entries per source and had no ``j``.

    For every press, as in ``malkort_bench.timed_press``: the clock runs from writing the key
    to the pty until the output chunk after which any cell of the emulated screen differs
    (the *first change*), and until the last chunk of the press's output burst (``--quiet`` s
    of silence follow it: the *end of the burst*), and the bytes written. Reported: p50 and
    p95 of both. For the filter the end of the burst is the figure that counts: a filter
    changes every list, and the first cell to change (often the filter line's label) is not
    yet the filtered screen; the end of the burst is when the whole new lists are drawn. The
    presses after which the filter line did not show a new area are counted too.

Goal (issue 6), checked by ``--check``: filter key-to-screen p95 (end of the burst) at most
33 ms. The start-up ratios and the cursor keys are reported beside it, not counted.

Every launch is in a ``--cols`` × ``--rows`` pty (120 × 36: the four sources side by side),
``TERM=xterm-256color``, ``LANG=nb_NO.UTF-8``, with a throwaway HOME; the harness is
``bench/ptyharness.py`` (imported: ``PtySession`` reads the pty eagerly and timestamps output on
arrival, before ``pyte`` emulates it). The data directory and HOME go into one temporary
directory, removed at the end unless ``--keep``. The apps run in ``--python`` (default:
``$LEDERPLAN_BENCH_PYTHON`` or this Python); the plan is written by this Python, which needs
lederplan, Textual and ``pyte``. Machines here are shared and noisy: quote ratios and p95s
against the goal, not single milliseconds.

Options: ``--entries``, ``--areas``, ``--seed`` (the plan), ``--presses`` (per session and key
kind, default 60), ``--sessions`` (launches for the keys, default 3), ``--runs`` (start rounds,
default 15), ``--move-keys``, ``--retry``, ``--quiet``, ``--cols/--rows``, ``--timeout``,
``--only {keys,start}``, ``--json FILE``, ``--keep``, ``--check``, ``--show`` (print the last
screens: filtered, after the cursor keys, and the panel when shown at start).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from malkort_bench import Press, alternate_rounds, on_screen, settle, timed_press, wait_until
from plain_datatable_app import sentence
from ptyharness import KEYS, PtySession, build_env, split_cmd, summary
from tui_bench import (
    BARE_APP,
    FIRST_QUESTION,
    LANG,
    add_python_option,
    compile_package,
    print_summary,
)

FILTER_LABEL = "Område:"
"""The start of the panel's filter line in nb (feedback.filter)."""
FILTER_ALL = "Område: alle"
"""The filter line with no filter (feedback.filter with feedback.filter_all)."""
SOURCE_TITLES = ("Lederkolleger", "Medarbeidere")
"""Two of the four source titles in nb (source.peers, source.staff); the other two, "Leder"
and "Leder selv", are in other words on the screen too."""
ENTRY_DATE = re.compile(r"\b\d\d\.\d\d\.\d{4}\b")
"""A date as ``format_date`` writes it in nb: the start of an entry's line."""
FOOTER_KEYS = ("Ny tilbakemelding", "Filtrer på område")
"""Keys of the panel's Footer in nb (key.feedback_add, key.feedback_filter): the last line."""
SOURCE_WEIGHTS = {"manager": 1, "peers": 2, "staff": 4, "self": 3}
"""How often each source gives feedback, relative to the others."""
GIVERS = (
    "Anne",
    "Per",
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Siri",
    "Bjørn",
    "Marte",
    "Håkon",
    "Nora",
    "Øystein",
    "Åse",
    "Jonas",
)
MOVE_BLOCK = 20
"""Presses of one cursor key before the next key of --move-keys takes over."""
KEY_P95_GOAL_MS = 33.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_python_option(parser, "the apps")
    parser.add_argument("--entries", type=int, default=5000, help="feedback entries (5,000)")
    parser.add_argument("--areas", type=int, default=10, help="development areas (default 10)")
    parser.add_argument("--seed", type=int, default=6, help="seed of the plan's texts")
    parser.add_argument(
        "--presses", type=int, default=60, help="presses of f, and of the cursor keys, per session"
    )
    parser.add_argument("--sessions", type=int, default=3, help="launches for the keys")
    parser.add_argument("--runs", type=int, default=15, help="start-up rounds (default 15)")
    parser.add_argument(
        "--move-keys",
        default="j",
        help="cursor keys, in turn in blocks of 20 (ptyharness names or characters; default j)",
    )
    parser.add_argument(
        "--retry", type=float, default=0.05, help="re-press 4 after this many s (default 0.05)"
    )
    parser.add_argument(
        "--quiet", type=float, default=0.1, help="silence that ends a press's output (s)"
    )
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--timeout", type=float, default=30.0, help="longest wait for a screen")
    parser.add_argument("--only", choices=("keys", "start"), action="append")
    parser.add_argument("--json", metavar="FILE", help="also write all results here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--check", action="store_true", help="exit 1 if the goal is missed")
    parser.add_argument("--show", action="store_true", help="print the app's last screens")
    parser.add_argument(
        "--baseline-src",
        metavar="SRC",
        help="also time the keys with the lederplan in SRC (a src/ directory, e.g. of "
        "`git archive main`) on PYTHONPATH, its sessions taking turns with the app's",
    )
    return parser.parse_args(argv)


# -- the plan -------------------------------------------------------------------------------------


def write_plan(data_dir: Path, areas: int, entries: int, seed: int) -> int:
    """Write a plan with *areas* areas and *entries* feedback entries; return the entries."""
    from lederplan.domain.models import Area, FeedbackEntry, Goal, Plan, Source
    from lederplan.store.repository import PlanRepository
    from lederplan.store.store import Store

    rng = random.Random(seed)
    start = date(2026, 1, 5)
    plan_areas = [
        Area(
            title=f"Område {a + 1}: {sentence(rng, 24).lower()}",
            origin="fra lederevalueringen",
            goals=[Goal(statement=sentence(rng, rng.randint(90, 170)))],
        )
        for a in range(areas)
    ]
    sources = [Source(name) for name in SOURCE_WEIGHTS]
    weights = list(SOURCE_WEIGHTS.values())
    feedback: list[FeedbackEntry] = []
    for _ in range(entries):
        lines = rng.choice((1, 1, 1, 1, 2, 3))
        size = rng.randint(40, 300)
        text = "\n".join(sentence(rng, max(20, size // lines)) for _ in range(lines))
        feedback.append(
            FeedbackEntry(
                source=rng.choices(sources, weights)[0],
                date=start - timedelta(days=rng.randint(0, 3 * 365)),
                giver=rng.choice(GIVERS) if rng.random() < 0.6 else "",
                area_id=rng.choice(plan_areas).id if plan_areas and rng.random() < 0.85 else None,
                rating=rng.randint(1, 6) if rng.random() < 0.8 else None,
                text=text,
            )
        )
    plan = Plan(
        person="Kari Nordmann",
        manager="Ola Nordmann",
        date=start,
        platform=[sentence(rng, 160) for _ in range(9)],
        areas=plan_areas,
        feedback=feedback,
    )
    PlanRepository(Store(data_dir)).replace_plans([plan], "before-import")
    return len(plan.feedback)


# -- driving the pty ------------------------------------------------------------------------------


@dataclass
class Session:
    """One launch measured for the keys."""

    ttff: float
    panel: float
    filter_presses: list[Press] = field(default_factory=list)
    move_presses: list[Press] = field(default_factory=list)
    stale_filters: int = 0
    """Presses of f after which the filter line showed the same area as before."""
    filtered_screen: str = ""
    screen: str = ""


def filter_line(s: PtySession) -> str:
    """The panel's filter line as on the screen ("" if it is not)."""
    return next((line.strip() for line in s.lines if FILTER_LABEL in line), "")


def panel_shown(s: PtySession) -> bool:
    """The filter line on all, two source titles, an entry and the Footer are on the screen."""
    if not on_screen(s, (FILTER_ALL,), *SOURCE_TITLES):
        return False
    if not any(key in s.lines[-1] for key in FOOTER_KEYS):
        return False
    top = next(y for y, line in enumerate(s.lines) if FILTER_ALL in line)
    return any(ENTRY_DATE.search(line) for line in s.lines[top + 1 : -1])


def move_keys(spec: str) -> list[bytes]:
    """The bytes of each key in a comma-separated list of ptyharness key names or characters."""
    return [KEYS.get(name, name.encode()) for name in spec.split(",") if name]


def keys_session(args: argparse.Namespace, command: str, env: dict[str, str]) -> Session:
    """One launch: open the panel, time ``--presses`` filters, then as many cursor moves."""
    argv, child_env = split_cmd(command, env)
    s = PtySession(argv, child_env, args.cols, args.rows)
    try:
        t = wait_until(s, lambda: on_screen(s, (FIRST_QUESTION,)), args.timeout)
        settle(s)  # the plan is loaded in a thread after the first frame
        s.send(b"4")
        shown = wait_until(
            s, lambda: panel_shown(s), args.timeout, every=0.5, tick=lambda: s.send(b"4")
        )
        settle(s)
        out = Session(t - s.t0, shown - s.t0)
        for _ in range(args.presses):
            before = filter_line(s)
            out.filter_presses.append(timed_press(s, b"f", args.quiet))
            out.stale_filters += filter_line(s) == before
        out.filtered_screen = s.dump()
        for _ in range(args.areas + 2):  # all, the areas, no area: back to all
            if FILTER_ALL in filter_line(s):
                break
            s.send(b"f")
            s.wait_quiet(0.2, 3.0)
        settle(s)
        keys = move_keys(args.move_keys)
        out.move_presses = [
            timed_press(s, keys[i // MOVE_BLOCK % len(keys)], args.quiet)
            for i in range(args.presses)
        ]
        out.screen = s.dump()
    finally:
        s.close()
    return out


@dataclass
class StartRound:
    """One round of the start-up measurement (seconds from launch)."""

    round: int
    bare: float = 0.0
    first_frame: float = 0.0
    panel: float = 0.0
    panel_done: float = 0.0
    presses_of_4: int = 0


def start_app(
    args: argparse.Namespace, argv: list[str], env: dict[str, str], result: StartRound
) -> str:
    """First frame, then ``4`` at once (and again every --retry s) until the panel is shown."""
    s = PtySession(argv, env, args.cols, args.rows)
    try:
        result.first_frame = (
            wait_until(s, lambda: on_screen(s, (FIRST_QUESTION,)), args.timeout) - s.t0
        )

        def press() -> None:
            s.send(b"4")
            result.presses_of_4 += 1

        press()
        shown = wait_until(s, lambda: panel_shown(s), args.timeout, every=args.retry, tick=press)
        result.panel = shown - s.t0
        screen = s.dump()
        result.panel_done = (s.wait_quiet(args.quiet, args.timeout) or shown) - s.t0
        return screen
    finally:
        s.close()


# -- the parts ------------------------------------------------------------------------------------


def press_summary(presses: list[Press]) -> dict:
    return {
        "latency": summary([p.latency for p in presses]),
        "burst_end": summary([p.burst_end for p in presses if p.latency is not None]),
        "bytes": summary([p.nbytes for p in presses]),
        "misses": sum(1 for p in presses if p.latency is None),
    }


def run_keys(
    args: argparse.Namespace, app: str, env: dict[str, str], baseline: str | None = None
) -> dict:
    """The keys sessions of *app*; with *baseline*, one of it after each (``"baseline"``)."""
    sessions: list[Session] = []
    others: list[Session] = []
    for i in range(args.sessions):
        session = keys_session(args, app, env)
        sessions.append(session)
        if baseline:
            others.append(keys_session(args, baseline, env))
        ends = [p.burst_end for p in session.filter_presses if p.latency is not None]
        moves = [p.latency for p in session.move_presses if p.latency is not None]
        print(
            f"  keys session {i + 1}: panel after {session.panel * 1000:.0f} ms; f: median end "
            f"of burst {statistics.median(ends) * 1000 if ends else float('nan'):6.1f} ms, "
            f"{session.stale_filters} without a new filter; moves: median "
            f"{statistics.median(moves) * 1000 if moves else float('nan'):6.1f} ms, "
            f"{len(session.move_presses) - len(moves)} without a change",
            file=sys.stderr,
        )
    found = {
        "filter": press_summary([p for run in sessions for p in run.filter_presses]),
        "move": press_summary([p for run in sessions for p in run.move_presses]),
        "stale_filters": sum(run.stale_filters for run in sessions),
        "sessions": [asdict(run) for run in sessions],
    }
    if others:
        found["baseline"] = {
            "filter": press_summary([p for run in others for p in run.filter_presses]),
            "move": press_summary([p for run in others for p in run.move_presses]),
        }
    return found


def run_start(args: argparse.Namespace, app: str, bare: str, env: dict[str, str]) -> dict:
    rounds, screen = alternate_rounds(
        args,
        app,
        bare,
        env,
        StartRound,
        lambda argv, app_env, result: start_app(args, argv, app_env, result),
        lambda result: (
            f"first frame {result.first_frame * 1000:6.1f} ms, "
            f"panel {result.panel * 1000:6.1f} ms ({result.presses_of_4} x '4'), "
            f"its burst ends {result.panel_done * 1000:6.1f} ms"
        ),
    )
    return {
        "rounds": [asdict(x) for x in rounds],
        "bare": summary([x.bare for x in rounds]),
        "first_frame": summary([x.first_frame for x in rounds]),
        "panel": summary([x.panel for x in rounds]),
        "after_first_frame": summary([x.panel - x.first_frame for x in rounds]),
        "ratio_first_frame": summary([x.first_frame / x.bare for x in rounds]),
        "panel_done": summary([x.panel_done for x in rounds]),
        "ratio_panel": summary([x.panel / x.bare for x in rounds]),
        "ratio_panel_done": summary([x.panel_done / x.bare for x in rounds]),
        "presses_of_4": summary([x.presses_of_4 for x in rounds]),
        "screen": screen,
    }


# -- the summary ----------------------------------------------------------------------------------


def summarize(args: argparse.Namespace, entries: int, results: dict) -> list[str]:
    """Print the results table; return the goals missed."""
    rows: list[tuple[str, str, str]] = []
    missed: list[str] = []

    def goal(name: str, ok: bool, text: str) -> str:
        if not ok:
            missed.append(name)
        return f"{text} {'ok' if ok else 'MISSED'}"

    def ms(d: dict) -> str:
        if not d["n"]:
            return "n/a"
        return (
            f"p50 {d['median'] * 1000:.1f} ms, p95 {d['p95'] * 1000:.1f} ms,"
            f" max {d['max'] * 1000:.0f} ms"
        )

    if "keys" in results:
        fl, mv = results["keys"]["filter"], results["keys"]["move"]
        end = fl["burst_end"]
        rows += [
            (
                f"filter f ({entries:,} entries): key to end of burst (all lists drawn), "
                f"{end['n']} presses",
                ms(end),
                goal(
                    "filter key p95",
                    bool(end["n"]) and end["p95"] * 1000 <= KEY_P95_GOAL_MS,
                    "p95 <= 33 ms",
                ),
            ),
            (
                f"  filter f: key to first change, {fl['misses']} without change, "
                f"{results['keys']['stale_filters']} without a new filter",
                ms(fl["latency"]),
                "",
            ),
            (
                f"cursor ({args.move_keys}): key to first change, "
                f"{mv['latency']['n']} presses, {mv['misses']} without change",
                ms(mv["latency"]),
                "",
            ),
            ("  cursor: end of each press's output burst", ms(mv["burst_end"]), ""),
            (
                "bytes per key: filter / cursor (median)",
                f"{fl['bytes']['median']:,.0f} B / {mv['bytes']['median']:,.0f} B",
                "",
            ),
        ]
        if "baseline" in results["keys"]:
            other = results["keys"]["baseline"]
            base_end, base_move = other["filter"]["burst_end"], other["move"]["latency"]
            ratio = end["p95"] / base_end["p95"] if base_end["n"] and end["n"] else float("nan")
            rows += [
                ("baseline (SRC): filter f, end of burst", ms(base_end), ""),
                ("  filter p95, this / baseline (same run)", f"{ratio:.2f}", ""),
                ("baseline (SRC): cursor, first change", ms(base_move), ""),
                (
                    "baseline (SRC): bytes per key, filter / cursor",
                    f"{other['filter']['bytes']['median']:,.0f} B / "
                    f"{other['move']['bytes']['median']:,.0f} B",
                    "",
                ),
            ]
    if "start" in results:
        r = results["start"]
        ff, pr, pd = r["ratio_first_frame"], r["ratio_panel"], r["ratio_panel_done"]
        rows += [
            (
                f"first frame (platform's first question) / bare, median of {ff['n']} rounds",
                f"{ff['median']:.2f}x ({ff['min']:.2f}-{ff['max']:.2f})",
                "reported",
            ),
            (
                "panel shown (4 pressed at the first frame) / bare, same launches",
                f"{pr['median']:.2f}x ({pr['min']:.2f}-{pr['max']:.2f})",
                "reported",
            ),
            (
                "  end of the panel's output burst / bare, same launches",
                f"{pd['median']:.2f}x ({pd['min']:.2f}-{pd['max']:.2f})",
                "",
            ),
            (
                "  median from launch: bare READY / first frame / panel shown / burst end",
                f"{r['bare']['median'] * 1000:.0f} / {r['first_frame']['median'] * 1000:.0f}"
                f" / {r['panel']['median'] * 1000:.0f}"
                f" / {r['panel_done']['median'] * 1000:.0f} ms",
                "",
            ),
            (
                "  first frame to panel shown; presses of 4 needed (median, max)",
                f"{r['after_first_frame']['median'] * 1000:.0f} ms; "
                f"{r['presses_of_4']['median']:.0f}, {r['presses_of_4']['max']:.0f}",
                "",
            ),
        ]
    print_summary(rows, missed)
    return missed


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the summary; with --check, 1 if the goal is missed."""
    args = parse_args(argv)
    parts = args.only or ["keys", "start"]
    work = Path(tempfile.mkdtemp(prefix="lederplan-feedback-bench-"))
    try:
        data = work / "data"
        compile_package(args.python)
        entries = write_plan(data, args.areas, args.entries, args.seed)
        python = shlex.quote(args.python)
        app = f"{python} -m lederplan --data-dir {shlex.quote(str(data))} --lang nb"
        bare = f"{python} {shlex.quote(str(BARE_APP))}"
        env = build_env("xterm-256color", [f"LANG={LANG}"], home=str(work / "home"))
        print(
            f"# feedback panel benchmark: {entries:,} entries, {args.areas} areas\n\n"
            f"app:  {app}\nbare: {bare}\npty {args.cols}x{args.rows}, LANG={LANG}",
            flush=True,
        )
        results: dict = {"entries": entries}
        baseline = None
        if args.baseline_src:
            subprocess.run([args.python, "-m", "compileall", "-q", args.baseline_src], check=True)
            baseline = f"PYTHONPATH={shlex.quote(args.baseline_src)} {app}"
            print(f"baseline: {baseline}", flush=True)
        if "keys" in parts:
            results["keys"] = run_keys(args, app, env, baseline)
        if "start" in parts:
            results["start"] = run_start(args, app, bare, env)
        if args.show:
            runs = results.get("keys", {}).get("sessions")
            if runs:
                print(
                    f"\n--- after the presses of f, last session ---\n{runs[-1]['filtered_screen']}"
                )
                print(f"\n--- after the cursor keys, last session ---\n{runs[-1]['screen']}")
            if "start" in results:
                print(f"\n--- the panel when shown, last start ---\n{results['start']['screen']}")
        missed = summarize(args, entries, results)
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
