"""Benchmark of typing in a platform box while the file grows, in a real pty.

Run it from the repository root with the project's virtualenv (it needs ``pyte``)::

    python bench/typing_bench.py                         # demo, 10,000 and 50,000 entries, 2 rounds
    python bench/typing_bench.py --entries 10000 --rounds 1 --keys 120     # a quicker look

Issue 12's row: "typing in a platform box, 10,000 feedback entries in the current plan (120×36,
12 keys/s, 220 keys)": goal p95 ≤ 33 ms, worst ≤ 60 ms, at most one key over 50 ms, the same at
50,000. Each launch opens the plan (the course's example plan, or one written by
``feedback_bench.write_plan`` with ``--entries`` feedback entries in the current plan), waits
until the screen is quiet, presses Enter on box 1 and types ``--keys`` characters at ``--rate``
keys a second, on a fixed schedule whatever the screen does (as a person types), then ctrl+q.
The autosave (every 2 s while a box is open) runs as it does for a user. After the typing, Esc
and ``2`` open the målkort and the app's peak resident memory (VmHWM) is read: issue 12's row
"peak RSS, 50,000 records, after opening the målkort" (goal ≤ 150 MB).

A key's latency is from the moment it was written to the pty to the arrival of the output after
which the text typed up to it is on the screen (the last seven characters typed, found in the
column of box 1; the text is ``0001 0002 ...``, so every such tail is found once). A space at
the end of a line shows no change, so spaces are typed but not timed: with the default text
four keys in five are timed. Keys still not seen 3 s after the last one count as lost.

Rounds alternate the cases (the order rotated each round), so that each case sees the same
machine; the demo plan is the baseline: quote each case's p95 beside the demo's in the same run.
``uptime``'s load averages are printed at the start and the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from feedback_bench import write_plan
from malkort_bench import on_screen, wait_until
from ptyharness import PtySession, build_env, read_status_kb, split_cmd
from tui_bench import FIRST_QUESTION, LANG, add_python_option, compile_package

PEOPLE = ("Person X", "Kari Nordmann")
"""The person of the example plan and of feedback_bench's plan: in the heading once loaded."""
TAIL = 7
"""Characters of the typed text that must be on the screen for a key to count as shown."""
OVER_MS = 50.0
GOALS = {"p95 ms": 33.0, "worst ms": 60.0, "keys over 50 ms": 1}


@dataclass
class Launch:
    """One launch: every timed key's latency in ms, and the keys never seen."""

    case: str
    latencies: list[float] = field(default_factory=list)
    lost: int = 0
    load_s: float = 0.0
    slow: list[tuple[float, float]] = field(default_factory=list)
    peak_rss_mb: float = float("nan")
    """The app's peak resident memory (VmHWM) after the typing and then the målkort opened."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_python_option(parser, "the app")
    parser.add_argument(
        "--entries", type=int, nargs="+", default=[10_000, 50_000], help="feedback entries"
    )
    parser.add_argument("--keys", type=int, default=220, help="characters typed per launch")
    parser.add_argument("--rate", type=float, default=12.0, help="keys a second (default 12)")
    parser.add_argument("--rounds", type=int, default=2, help="launches of each case")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--timeout", type=float, default=60.0, help="longest wait for the plan")
    parser.add_argument("--json", metavar="FILE", help="also write all results here")
    parser.add_argument(
        "--trace", action="store_true", help="when into the typing each slow key came"
    )
    return parser.parse_args(argv)


def typed_text(keys: int) -> str:
    return "".join(f"{i:04d} " for i in range(1, keys // 5 + 2))[:keys]


def box_column(s: PtySession) -> str:
    """The text of the first column of boxes (box 1 is in it), lines joined by spaces."""
    width = s.cols // 3
    return " ".join(line[1 : width - 1].strip() for line in s.lines)


def settle(s: PtySession, quiet: float, longest: float) -> None:
    s.wait_quiet(quiet, longest)


def type_keys(
    s: PtySession, text: str, rate: float, slow: list[tuple[float, float]] | None = None
) -> tuple[list[float], int]:
    """Type *text* at *rate* keys a second; return the timed keys' latencies (ms), keys lost.
    Keys over 50 ms are added to *slow* as (seconds into the typing, ms)."""
    pending: deque[tuple[int, float]] = deque()
    latencies: list[float] = []
    interval, sent = 1.0 / rate, 0
    next_send = start = time.perf_counter()
    give_up = None
    while sent < len(text) or pending:
        now = time.perf_counter()
        if sent < len(text) and now >= next_send:
            t = s.send(text[sent].encode())
            if text[sent] != " ":
                pending.append((sent, t))
            sent += 1
            next_send += interval
            if sent == len(text):
                give_up = time.perf_counter() + 3.0
            continue
        if give_up is not None and now > give_up:
            break
        wait = max(0.0, min(next_send - now, 0.02)) if sent < len(text) else 0.05
        arrived = s.pump(wait)
        if arrived is None:
            continue
        s.take_dirty()
        if s.pending:
            continue  # emulate everything that has arrived before looking
        shown = box_column(s)
        for at in range(len(pending) - 1, -1, -1):  # the newest key shown shows all before it
            index, _ = pending[at]
            if text[max(0, index - TAIL + 1) : index + 1] in shown:
                for _ in range(at + 1):
                    _, t_sent = pending.popleft()
                    latencies.append((arrived - t_sent) * 1000)
                    if slow is not None and latencies[-1] > OVER_MS:
                        slow.append((t_sent - start, latencies[-1]))
                break
    return latencies, len(pending)


def launch(args: argparse.Namespace, case: str, template: Path, work: Path, env: dict) -> Launch:
    data = work / f"run-{case}"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(template, data)
    command = f"{shlex.quote(args.python)} -m lederplan --data-dir {shlex.quote(str(data))}"
    argv, child_env = split_cmd(f"{command} --lang nb", env)
    s = PtySession(argv, child_env, args.cols, args.rows)
    result = Launch(case)
    try:
        started = time.perf_counter()
        # The first frame comes before the plan is loaded (in a thread): wait for its heading.
        wait_until(s, lambda: on_screen(s, (FIRST_QUESTION,)), args.timeout)
        wait_until(s, lambda: on_screen(s, PEOPLE), args.timeout)
        settle(s, 1.0, args.timeout)
        result.load_s = time.perf_counter() - started
        s.send(b"\r")
        settle(s, 0.5, 10.0)
        result.latencies, result.lost = type_keys(s, typed_text(args.keys), args.rate, result.slow)
        s.send(b"\x1b")  # out of the box, then the målkort, for the peak memory
        settle(s, 0.5, 10.0)
        s.send(b"2")
        wait_until(s, lambda: on_screen(s, (MALKORT_TEXT,)), args.timeout)
        settle(s, 1.0, args.timeout)
        result.peak_rss_mb = read_status_kb(s.pid, "VmHWM") / 1024
        s.send(b"\x11")  # ctrl+q
        s.wait_quiet(0.5, 15.0)
    finally:
        s.close()
    return result


def stats(latencies: list[float], lost: int) -> dict:
    ordered = sorted(latencies)
    p95 = ordered[max(0, -(-len(ordered) * 95 // 100) - 1)] if ordered else float("nan")
    return {
        "keys": len(ordered),
        "median ms": statistics.median(ordered) if ordered else float("nan"),
        "p95 ms": p95,
        "worst ms": ordered[-1] if ordered else float("nan"),
        "keys over 50 ms": sum(x > OVER_MS for x in ordered),
        "lost": lost,
    }


MALKORT_TEXT = "Målkort"
"""On the målkort's header once it is shown (nb)."""


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"load average at the start: {os.getloadavg()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="lederplan-typing-bench-"))
    try:
        compile_package(args.python)
        env = build_env("xterm-256color", [f"LANG={LANG}"], home=str(work / "home"))
        templates: dict[str, Path] = {"demo": work / "demo"}
        code = f"lederplan --data-dir {shlex.quote(str(work / 'demo'))} --lang nb demo"
        if os.system(f"{shlex.quote(args.python)} -m {code} >/dev/null") != 0:
            raise SystemExit("could not load the example plan")
        for n in args.entries:
            print(f"writing a plan of {n:,} feedback entries ...", file=sys.stderr, flush=True)
            templates[f"{n:,} entries"] = work / f"plan-{n}"
            write_plan(work / f"plan-{n}", 10, n, 6)
        cases = list(templates)
        launches: list[Launch] = []
        for round_no in range(args.rounds):
            order = cases[round_no % len(cases) :] + cases[: round_no % len(cases)]
            for case in order:
                print(f"round {round_no + 1}: {case} ...", file=sys.stderr, flush=True)
                launches.append(launch(args, case, templates[case], work, env))
        print(
            f"\n# typing in platform box 1: {args.keys} keys at {args.rate:g}/s, "
            f"pty {args.cols}x{args.rows}, {args.rounds} rounds\n"
        )
        print(
            "| case | round | keys timed | median ms | p95 ms | worst ms | over 50 ms | lost "
            "| peak RSS MB |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        results = []
        for i, one in enumerate(launches):
            st = stats(one.latencies, one.lost)
            st["peak RSS MB"] = one.peak_rss_mb
            results.append({"case": one.case, "round": i // len(cases) + 1, **st})
            print(
                f"| {one.case} | {i // len(cases) + 1} | {st['keys']} | {st['median ms']:.1f} "
                f"| {st['p95 ms']:.1f} | {st['worst ms']:.1f} | {st['keys over 50 ms']} "
                f"| {st['lost']} | {one.peak_rss_mb:.0f} |"
            )
        if args.trace:
            for one in launches:
                keys = ", ".join(f"{at:.2f} s: {ms:.0f} ms" for at, ms in one.slow)
                print(f"slow keys, {one.case}: {keys or 'none'}")
        print()
        for round_no in range(args.rounds):
            row = launches[round_no * len(cases) : (round_no + 1) * len(cases)]
            demo = next(one for one in row if one.case == "demo")
            base = stats(demo.latencies, demo.lost)["p95 ms"]
            ratios = ", ".join(
                f"{one.case} {stats(one.latencies, one.lost)['p95 ms'] / base:.2f}x"
                for one in row
                if one.case != "demo"
            )
            print(f"round {round_no + 1}: p95 against the demo plan's: {ratios}")
        missed = [
            f"{r['case']} round {r['round']}: {name} {r[name]:.0f} > {goal}"
            for r in results
            for name, goal in GOALS.items()
            if r[name] > goal
        ]
        print("\ngoals (p95 <= 33 ms, worst <= 60 ms, at most 1 key over 50 ms):")
        print("  all met" if not missed else "\n".join(f"  NOT MET: {m}" for m in missed))
        print(f"load average at the end: {os.getloadavg()}")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
