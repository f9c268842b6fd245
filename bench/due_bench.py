"""Start-up of ``lederplan due`` as a ratio to ``python -c pass`` of the same interpreter.

Run it from the repository root with the project's virtualenv::

    python bench/due_bench.py                 # 40 rounds (about half a minute)
    python bench/due_bench.py --rounds 10     # a quicker look
    python bench/due_bench.py --check         # exit 1 if the goal (<= 10x) is missed
    python bench/due_bench.py --python /other/venv/bin/python

``lederplan due`` runs from login scripts, so it must start fast: the goal is at most 10x bare
Python's start-up (Textual alone costs ~16x, pydantic ~100 ms). The script byte-compiles the
package first (as ``pip install .`` does, so an editable checkout is not timed compiling its own
sources), loads the course's example plan into a temporary data directory and then, in
interleaved rounds after one warm-up round, runs in turn:

pass
    ``python -c pass``, the baseline;
module
    ``python -m lederplan due`` finding the data as a login script does: through
    ``$XDG_DATA_HOME`` (platformdirs), no ``--data-dir``;
script
    the console script ``lederplan due`` beside that Python (skipped if there is none);
data-dir
    ``python -m lederplan --data-dir DIR due``.

Each command's stdout goes to a pipe that is read to the end, as a login script's would. With
``LEDERPLAN_TODAY=2020-03-01`` the example plan has two overdue and two upcoming actions, so the
command does all its work and prints them. The order of the commands rotates every round. The
figure that counts is the median of the per-round ratios command / pass (machine noise common to
one round cancels); the medians of the wall times are shown too. Also checked: the modules the
command imports must not include Textual, pydantic or TinyDB.

Machines here are noisy and shared: quote the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tui_bench import add_python_option

GOAL = 10.0
TODAY = "2020-03-01"
HEAVY = ("textual", "pydantic", "tinydb", "lederplan.domain.models")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_python_option(parser, "what is measured")
    parser.add_argument("--rounds", type=int, default=40, help="timed rounds (default 40)")
    parser.add_argument("--lang", choices=("nb", "en"), default="nb")
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    parser.add_argument("--check", action="store_true", help="exit 1 if the goal is missed")
    return parser.parse_args(argv)


def compile_package(python: str) -> None:
    """Byte-compile lederplan as ``pip install .`` does (as in bench/tui_bench.py)."""
    code = (
        "import compileall, os, lederplan; "
        "compileall.compile_dir(os.path.dirname(lederplan.__file__), quiet=1)"
    )
    subprocess.run([python, "-c", code], check=True)


def child_env(work: Path, lang: str) -> dict[str, str]:
    """A clean environment: a throwaway HOME and XDG dirs, a fixed today, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEDERPLAN", "LC_", "XDG_"))}
    env |= {
        "HOME": str(work / "home"),
        "XDG_DATA_HOME": str(work / "xdg"),
        "XDG_CONFIG_HOME": str(work / "home" / ".config"),
        "LANG": "nb_NO.UTF-8" if lang == "nb" else "en_GB.UTF-8",
        "LEDERPLAN_LANG": lang,
        "LEDERPLAN_TODAY": TODAY,
    }
    env.pop("NO_COLOR", None)
    return env


def commands(python: str, data: Path) -> dict[str, list[str]]:
    """The commands timed, the baseline first."""
    found = {
        "pass": [python, "-c", "pass"],
        "module": [python, "-m", "lederplan", "due"],
    }
    script = Path(python).with_name("lederplan")
    if script.exists():
        found["script"] = [str(script), "due"]
    found["data-dir"] = [python, "-m", "lederplan", "--data-dir", str(data), "due"]
    return found


def shown(command: list[str], data: Path) -> str:
    """*command* as the table shows it: the program's name only, the data directory as DIR."""
    words = [Path(command[0]).name, *command[1:]]
    return " ".join("DIR" if word == str(data) else word for word in words)


def time_once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.run(command, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.decode()}")
    return elapsed


def heavy_imports(python: str, env: dict[str, str]) -> list[str]:
    """Which of HEAVY ``lederplan due`` imports."""
    code = (
        "import sys, io, contextlib\nfrom lederplan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['due', '--all'])\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([python, "-c", code], env=env, check=True, capture_output=True, text=True)
    return out.stdout.split()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the summary; with --check, 1 if the goal is missed."""
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lederplan-due-bench-") as tmp:
        work = Path(tmp)
        env = child_env(work, args.lang)
        data = work / "xdg" / "lederplan"
        compile_package(args.python)
        subprocess.run(
            [args.python, "-m", "lederplan", "--data-dir", str(data), "demo"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        cases = commands(args.python, data)
        sample = subprocess.run(cases["module"], env=env, capture_output=True, text=True)
        if sample.returncode != 0 or not sample.stdout:
            raise SystemExit(f"lederplan due printed nothing:\n{sample.stderr}")
        heavy = heavy_imports(args.python, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        names = list(cases)
        for round_ in range(args.rounds + 1):  # round 0 warms the caches and is not counted
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                elapsed = time_once(cases[name], env)
                if round_:
                    times[name].append(elapsed)
    ratios = {
        name: statistics.median(
            t / base for t, base in zip(times[name], times["pass"], strict=True)
        )
        for name in names
        if name != "pass"
    }
    print(f"# lederplan due start-up ({args.rounds} rounds, {args.python})\n")
    print(f"sample output ({len(sample.stdout.splitlines())} lines) begins:")
    print("\n".join("    " + line for line in sample.stdout.splitlines()[:4]))
    print(f"\nheavy modules imported: {' '.join(heavy) or 'none'}\n")
    print("| command | median ms | ratio to `python -c pass` (median of rounds) |")
    print("|---|---:|---:|")
    for name in names:
        ms = statistics.median(times[name]) * 1000
        ratio = "1.00" if name == "pass" else f"{ratios[name]:.2f}"
        print(f"| `{shown(cases[name], data)}` | {ms:.1f} | {ratio} |")
    worst = max(ratios.values())
    verdict = "met" if worst <= GOAL and not heavy else "MISSED"
    print(f"\ngoal: <= {GOAL:g}x and no heavy imports: {verdict} (worst {worst:.2f}x)")
    if args.json:
        result = {
            "rounds": args.rounds,
            "median_ms": {name: statistics.median(times[name]) * 1000 for name in names},
            "ratio": ratios,
            "heavy_imports": heavy,
            "goal": GOAL,
        }
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return 1 if args.check and verdict != "met" else 0


if __name__ == "__main__":
    raise SystemExit(main())
