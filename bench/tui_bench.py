"""Benchmark of the terminal UI from the outside: start-up, keys and bytes, in a real pty.

Run it from the repository root with the project's virtualenv (it needs ``pyte``, in the
``test`` extra)::

    python bench/tui_bench.py                  # the full run (about a minute)
    python bench/tui_bench.py --runs 5 --sessions 1 --presses 16   # a quicker look
    python bench/tui_bench.py --python /other/venv/bin/python      # the app in another Python
    python bench/tui_bench.py --check          # exit 1 if a goal is missed

It creates a temporary data directory, loads the course's example plan into it
(``python -m lederplan --data-dir DIR --lang nb demo``) and then drives ``bench/ptyharness.py``
(a copy of the shared harness: the program runs in a pseudo-terminal, its output is fed to a
``pyte`` screen and timed as it is read). Three measurements, each in a 120×36 pty with
``TERM=xterm-256color`` and ``LANG=nb_NO.UTF-8``:

start
    ``python -m lederplan --data-dir DIR --lang nb`` against ``bench/bare_textual_app.py`` (a
    Textual app that shows one Static, READY), started alternately in the same run, ``--runs``
    rounds after one warm-up round (15 by default: with 9 the median ratio of three runs on the
    same machine ranged from 1.79 to 2.32). The clock stops when the first question ("Hvorfor
    ble ...") is on the screen, or READY for the bare app. The figure that counts is the median
    of the per-round ratios app / bare (machine noise cancels); goal: at most 1.4×. Also the
    bytes of the first-frame burst: everything written until 50 ms pass without output after
    the match.
keys
    after the first frame has settled, ``--presses`` key presses moving between the boxes, in
    ``--sessions`` fresh launches; the clock stops at the first screen change. The keys are
    ``--moves`` repeated, by default ``lljjhhkk`` (right, right, down, down, left, left, up, up:
    once round the outer eight boxes), so that every press moves the focus; ``right`` alone
    would stop at the grid's edge after two presses and time nothing. Reports median and p95
    key-to-screen latency and the bytes written per press.
bytes
    one more launch: the bytes written until the start-up output settles (0.5 s without output;
    this includes repainting the answers once the plan has loaded), then five seconds
    (``--idle``) without input (goal: nothing written), then ``--bytes-presses`` moves with the
    bytes of each, split into colour/style (SGR), other escapes and text.

Before these, one quick check: the modules imported on the way to the first frame
(``lederplan.cli``, ``lederplan.cli.commands``, ``lederplan.tui.app``) must not pull in pydantic,
``lederplan.editing.session`` or the models: the plan is loaded in a thread after the first frame.

The data directory, a throwaway HOME (and XDG dirs) for the child processes and the harness's
JSON files go into one temporary directory, removed at the end unless ``--keep``. The interpreter
that runs the app and the bare app is ``--python``, else ``$LEDERPLAN_BENCH_PYTHON``, else the one
running this script; the harness itself runs in the one running this script (it needs ``pyte``).
Machines here are noisy and shared: quote the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESS = HERE / "ptyharness.py"
BARE_APP = HERE / "bare_textual_app.py"
LANG = "nb_NO.UTF-8"
FIRST_QUESTION = "Hvorfor ble"
"""On screen in the first frame: the start of question 1 of the platform, in Norwegian."""
START_RATIO_GOAL = 1.4
IDLE_BYTES_GOAL = 0
HEAVY = ("pydantic", "lederplan.editing.session", "lederplan.domain.models")
"""Modules the first frame must not wait for (the plan is loaded in a thread after it)."""
START_PATH = "import lederplan.cli, lederplan.cli.commands, lederplan.tui.app"


def add_python_option(parser: argparse.ArgumentParser, what: str) -> None:
    """``--python``: the interpreter to measure (else $LEDERPLAN_BENCH_PYTHON, else this one)."""
    parser.add_argument(
        "--python",
        default=os.environ.get("LEDERPLAN_BENCH_PYTHON") or sys.executable,
        help=f"Python for {what} (default: $LEDERPLAN_BENCH_PYTHON or this one)",
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_python_option(parser, "the app and the bare app")
    parser.add_argument("--runs", type=int, default=15, help="start-up rounds (default 15)")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--presses", type=int, default=40, help="key presses per session")
    parser.add_argument("--sessions", type=int, default=3, help="launches for the key timing")
    parser.add_argument(
        "--moves", default="lljjhhkk", help="keys typed in turn, one per press (default lljjhhkk)"
    )
    parser.add_argument("--idle", type=float, default=5.0, help="idle seconds (default 5)")
    parser.add_argument("--bytes-presses", type=int, default=20)
    parser.add_argument(
        "--only", choices=("start", "keys", "bytes"), action="append", help="run only these parts"
    )
    parser.add_argument("--json", metavar="FILE", help="also write all results here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    return parser.parse_args(argv)


def harness(args: argparse.Namespace, work: Path, mode: str, *extra: str) -> dict:
    """Run one harness mode (its report goes to our stdout); return its JSON results."""
    out = work / f"{mode}.json"
    command = [
        sys.executable,
        str(HARNESS),
        mode,
        "--cols",
        str(args.cols),
        "--rows",
        str(args.rows),
        "--env",
        f"LANG={LANG}",
        "--home",
        str(work / "home"),
        "--json",
        str(out),
        *extra,
    ]
    sys.stdout.flush()
    subprocess.run(command, check=True, cwd=work)
    return json.loads(out.read_text())


def load_demo(python: str, data: Path) -> None:
    env = dict(os.environ, LANG=LANG)
    command = [python, "-m", "lederplan", "--data-dir", str(data), "--lang", "nb", "demo"]
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    if not (data / "lederplan.json").exists():
        raise SystemExit(f"no plan in {data} after {shlex.join(command)}")


def compile_package(python: str) -> None:
    """Byte-compile lederplan as ``pip install .`` does, so an editable checkout (or a machine
    with PYTHONDONTWRITEBYTECODE set) is not timed compiling its own sources at every start."""
    code = (
        "import compileall, os, lederplan; "
        "compileall.compile_dir(os.path.dirname(lederplan.__file__), quiet=1)"
    )
    subprocess.run([python, "-c", code], check=True)


def heavy_imports(python: str) -> list[str]:
    """Which of HEAVY the modules on the way to the first frame import."""
    code = f"import sys; {START_PATH}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([python, "-c", code], check=True, capture_output=True, text=True)
    return out.stdout.split()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the summary; with --check, 1 if a goal is missed."""
    args = parse_args(argv)
    parts = args.only or ["start", "keys", "bytes"]
    try:
        import pyte  # noqa: F401  (the harness needs it; fail early and clearly)
    except ImportError:
        raise SystemExit(f"{sys.executable} has no pyte: pip install pyte (or '.[test]')") from None
    work = Path(tempfile.mkdtemp(prefix="lederplan-tui-bench-"))
    try:
        data = work / "data"
        compile_package(args.python)
        load_demo(args.python, data)
        python = shlex.quote(args.python)
        app = f"{python} -m lederplan --data-dir {shlex.quote(str(data))} --lang nb"
        bare = f"{python} {shlex.quote(str(BARE_APP))}"
        print(
            f"# lederplan TUI benchmark\n\napp:  {app}\nbare: {bare}\npty {args.cols}x{args.rows}"
        )
        moving = ["--type", args.moves, "--expect", FIRST_QUESTION, "--cmd", app]
        results: dict[str, dict] = {"heavy_imports": {"modules": heavy_imports(args.python)}}
        if "start" in parts:
            results["start"] = harness(
                args, work, "start", "--runs", str(args.runs), "--baseline", "bare",
                "--case", "bare", bare, "READY", "--case", "app", app, FIRST_QUESTION,
            )  # fmt: skip
        if "keys" in parts:
            results["keys"] = harness(
                args, work, "keys", *moving,
                "--presses", str(args.presses), "--sessions", str(args.sessions),
            )  # fmt: skip
        if "bytes" in parts:
            results["bytes"] = harness(
                args, work, "bytes", *moving,
                "--presses", str(args.bytes_presses), "--idle", str(args.idle),
            )  # fmt: skip
        missed = summarize(args, results)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    finally:
        if args.keep:
            print(f"\n(kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if args.check and missed else 0


def summarize(args: argparse.Namespace, results: dict[str, dict]) -> list[str]:
    """Print the summary table; return the goals missed."""
    rows: list[tuple[str, str, str]] = []
    missed: list[str] = []

    def goal(name: str, ok: bool, text: str) -> str:
        if not ok:
            missed.append(name)
        return f"{text} {'ok' if ok else 'MISSED'}"

    def spread(d: dict, unit: str) -> str:
        return f"median {d['median']:,.0f}{unit} ({d['min']:,.0f}-{d['max']:,.0f})"

    heavy = results["heavy_imports"]["modules"]
    rows.append(
        (
            "pydantic / session / models imported on the start-up path",
            ", ".join(heavy) or "none",
            goal("heavy imports", not heavy, "none"),
        )
    )
    if "start" in results:
        r = results["start"]
        bare, app, ratio = r["cases"]["bare"], r["cases"]["app"], r["ratios"]["app"]
        rows += [
            (
                f"start to first frame, app / bare, median of {ratio['n']} per-round ratios",
                f"{ratio['median']:.2f}x ({ratio['min']:.2f}-{ratio['max']:.2f})",
                goal(
                    "start-up ratio", ratio["median"] <= START_RATIO_GOAL, f"<= {START_RATIO_GOAL}x"
                ),
            ),
            (
                "  median time to the frame: bare / app",
                f"{bare['ttff']['median'] * 1000:.0f} ms / {app['ttff']['median'] * 1000:.0f} ms",
                "",
            ),
            (
                "  bytes of the first-frame burst (to 50 ms quiet): bare / app",
                f"{bare['bytes_at_frame']['median']:,.0f} B"
                f" / {app['bytes_at_frame']['median']:,.0f} B",
                "",
            ),
        ]
    if "keys" in results:
        r = results["keys"]
        lat, burst = r["latency"], r["burst_end"]
        rows += [
            (
                f"key to screen (first change), {lat['n']} moves, {r['misses']} missed",
                f"median {lat['median'] * 1000:.1f} ms, p95 {lat['p95'] * 1000:.1f} ms",
                "",
            ),
            (
                "  end of each move's output burst",
                f"median {burst['median'] * 1000:.1f} ms, p95 {burst['p95'] * 1000:.1f} ms",
                "",
            ),
            ("bytes per move", spread(r["bytes"], " B"), ""),
        ]
    if "bytes" in results:
        v = results["bytes"]["variants"]["default"]
        idle = round((v["idle_bytes_per_s"] or 0) * args.idle)
        rows += [
            (
                "bytes of all start-up output (to 0.5 s quiet; answers painted after load)",
                f"{v['initial_total']:,.0f} B",
                "",
            ),
            (
                f"bytes while idle for {args.idle:g} s",
                f"{idle:,} B",
                goal("idle bytes", idle <= IDLE_BYTES_GOAL, str(IDLE_BYTES_GOAL)),
            ),
            (
                f"bytes per move (bytes run, {v['per_press']['n']} moves)",
                spread(v["per_press"], " B"),
                "",
            ),
        ]
    print_summary(rows, missed)
    return missed


def print_summary(rows: list[tuple[str, str, str]], missed: list[str]) -> None:
    """Print (measure, result, goal) rows as a Markdown table, then the goals missed."""
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows)
    print("\n## Summary\n")
    print(f"| {'measure':<{width}} | {'result':<{value_width}} | goal |")
    print(f"|{'-' * (width + 2)}|{'-' * (value_width + 2)}|------|")
    for name, value, target in rows:
        print(f"| {name:<{width}} | {value:<{value_width}} | {target} |")
    if missed:
        print(f"\nGoals missed: {', '.join(missed)}")


if __name__ == "__main__":
    raise SystemExit(main())
