"""Start-up of ``lederplan due`` as a ratio to ``python -c pass`` of the same interpreter.

Run it from the repository root with the project's virtualenv::

    python bench/due_bench.py                 # 40 rounds (about a minute)
    python bench/due_bench.py --rounds 10     # a quicker look
    python bench/due_bench.py --check         # exit 1 if a goal is missed
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
    ``python -m lederplan --data-dir DIR due``;
ten-periods
    the same on a file of 10 plan periods x 1,000 actions (``--periods``, ``--actions``: the
    older periods all done, as a new period leaves them; the current one with deadlines over its
    year, those before today mostly done), at a today on which it lists about 75 actions;
json-load
    ``python -c "import json; json.load(open(FILE, 'rb'))"`` of that file: what parsing the whole
    file costs on its own, the floor while the file holds every period.

Each command's stdout goes to a pipe that is read to the end, as a login script's would. With
``LEDERPLAN_TODAY=2020-03-01`` the example plan has two overdue and two upcoming actions, so the
command does all its work and prints them. The order of the commands rotates every round. The
figure that counts is the median of the per-round ratios command / pass (machine noise common to
one round cancels); the medians of the wall times are shown too. Also checked: the modules the
command imports must not include Textual, pydantic or TinyDB.

The goals: the demo plan at most 10x, the ten-period file at most 6x (issue 12).

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
GOAL_PERIODS = 6.0
"""The goal for the ten-period file (issue 12)."""
TODAY = "2020-03-01"
HEAVY = ("textual", "pydantic", "tinydb", "lederplan.domain.models")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_python_option(parser, "what is measured")
    parser.add_argument("--rounds", type=int, default=40, help="timed rounds (default 40)")
    parser.add_argument("--lang", choices=("nb", "en"), default="nb")
    parser.add_argument("--periods", type=int, default=10, help="periods in the big file")
    parser.add_argument("--actions", type=int, default=1000, help="actions per period")
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    parser.add_argument(
        "--baseline-src",
        metavar="SRC",
        help="also time the ten-period file with the lederplan in SRC (a src/ directory, e.g. of "
        "`git archive main`) on PYTHONPATH: a before and after in the same run",
    )
    parser.add_argument("--write-periods", metavar="DIR", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def compile_package(python: str, src: Path | None = None) -> None:
    """Byte-compile lederplan (the one in *src*, if given) as ``pip install .`` does."""
    if src is not None:
        subprocess.run([python, "-m", "compileall", "-q", str(src)], check=True)
        return
    code = (
        "import compileall, os, lederplan; "
        "compileall.compile_dir(os.path.dirname(lederplan.__file__), quiet=1)"
    )
    subprocess.run([python, "-c", code], check=True)


def write_periods(data: Path, periods: int, actions: int) -> None:
    """Write a plan of *periods* periods of *actions* actions each into *data* (run by --python).

    The current period starts on 6 January of TODAY's year, each older one a year before the
    next; 10 areas of 4 goals share the actions. Deadlines are "Innen uke N" over the year with
    a "Løpende", "Innen juni" and an "om tre uker" now and then; in the current period those
    due before today are done but for one in ten, a fifth of the rest is done too.
    """
    import random
    from datetime import date, timedelta

    from lederplan.domain.models import Action, Area, Goal, Plan, Status
    from lederplan.store.repository import PlanRepository
    from lederplan.store.store import Store
    from store_bench import make_text

    rng = random.Random(12)
    today = date.fromisoformat(TODAY)
    plans = []
    for age in range(periods):
        start = date(today.year - age, 1, 6)
        goals = [Goal(statement=make_text(rng, 160)) for _ in range(40)]
        for a in range(actions):
            week = a % 52 + 1
            deadline = {7: "Løpende", 11: "Innen juni", 13: "om tre uker"}.get(
                a % 17, f"uke {week}"
            )
            past = date.fromisocalendar(start.year, week, 1) < today - timedelta(days=7)
            done = age > 0 or (a % 10 != 0 if past else a % 5 == 0)
            goals[a % 40].actions.append(
                Action(
                    text=make_text(rng, 90),
                    deadline=deadline,
                    deadline_written=start + timedelta(days=a % 60),
                    status=Status.DONE if done else Status.TODO,
                    done_date=start + timedelta(days=a % 300) if done else None,
                )
            )
        areas = [
            Area(title=f"Område {i + 1}: " + make_text(rng, 30), goals=goals[i * 4 : i * 4 + 4])
            for i in range(10)
        ]
        end = None if age == 0 else date(start.year, 12, 31)
        platform = [make_text(rng, 400) for _ in range(9)]
        plans.append(
            Plan(person="Kari Nordmann", date=start, period_end=end, platform=platform, areas=areas)
        )
    PlanRepository(Store(data)).replace_plans(plans, "before-demo")


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


def commands(python: str, data: Path, big: Path, baseline: str | None) -> dict[str, list[str]]:
    """The commands timed, the baseline first."""
    found = {
        "pass": [python, "-c", "pass"],
        "module": [python, "-m", "lederplan", "due"],
    }
    script = Path(python).with_name("lederplan")
    if script.exists():
        found["script"] = [str(script), "due"]
    found["data-dir"] = [python, "-m", "lederplan", "--data-dir", str(data), "due"]
    found["ten-periods"] = [python, "-m", "lederplan", "--data-dir", str(big), "due"]
    if baseline:
        found["ten-periods-baseline"] = ["env", f"PYTHONPATH={baseline}", *found["ten-periods"]]
    load = f"import json; json.load(open({str(big / 'lederplan.json')!r}, 'rb'))"
    found["json-load"] = [python, "-c", load]
    return found


def shown(command: list[str], python: str, dirs: dict[Path, str]) -> str:
    """*command* as the table shows it: programs by name only, the data directories named."""
    words = [Path(word).name if word in (python, command[0]) else word for word in command]
    for directory, name in dirs.items():
        words = [word.replace(str(directory), name) for word in words]
    return " ".join(words)


def time_once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.run(command, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.decode()}")
    return elapsed


def heavy_imports(python: str, env: dict[str, str], data: Path) -> list[str]:
    """Which of HEAVY ``lederplan due`` imports on the plan in *data*."""
    code = (
        "import sys, io, contextlib\nfrom lederplan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--data-dir', {str(data)!r}, 'due', '--all'])\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([python, "-c", code], env=env, check=True, capture_output=True, text=True)
    return out.stdout.split()


def sample(command: list[str], env: dict[str, str]) -> str:
    """What *command* prints; it must print something."""
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not result.stdout:
        raise SystemExit(f"lederplan due printed nothing:\n{result.stderr}")
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the summary; with --check, 1 if a goal is missed."""
    args = parse_args(argv)
    if args.write_periods:
        write_periods(Path(args.write_periods), args.periods, args.actions)
        return 0
    with tempfile.TemporaryDirectory(prefix="lederplan-due-bench-") as tmp:
        work = Path(tmp)
        env = child_env(work, args.lang)
        data, big = work / "xdg" / "lederplan", work / "periods"
        compile_package(args.python)
        subprocess.run(
            [args.python, "-m", "lederplan", "--data-dir", str(data), "demo"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        writer = [args.python, __file__, "--write-periods", str(big)]
        writer += ["--periods", str(args.periods), "--actions", str(args.actions)]
        subprocess.run(writer, env=env, check=True)
        size = (big / "lederplan.json").stat().st_size
        if args.baseline_src:
            compile_package(f"{args.python}", Path(args.baseline_src))
        cases = commands(args.python, data, big, args.baseline_src)
        demo_out, big_out = sample(cases["module"], env), sample(cases["ten-periods"], env)
        heavy = sorted(
            set(heavy_imports(args.python, env, data) + heavy_imports(args.python, env, big))
        )
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
    goals = {name: GOAL for name in ("module", "script", "data-dir") if name in ratios}
    goals["ten-periods"] = GOAL_PERIODS
    print(f"# lederplan due start-up ({args.rounds} rounds, {args.python})\n")
    print(f"demo plan: {len(demo_out.splitlines())} lines of output, beginning")
    print("\n".join("    " + line for line in demo_out.splitlines()[:4]))
    print(
        f"ten-period file: {args.periods} periods x {args.actions} actions, {size / 1e6:.1f} MB;"
        f" {len(big_out.splitlines())} lines of output"
    )
    print(f"\nheavy modules imported: {' '.join(heavy) or 'none'}\n")
    print("| command | median ms | ratio to `python -c pass` (median of rounds) | goal |")
    print("|---|---:|---:|---:|")
    dirs = {data: "DIR", big: "TEN"}
    if args.baseline_src:
        dirs[Path(args.baseline_src)] = "SRC"
    for name in names:
        ms = statistics.median(times[name]) * 1000
        ratio = "1.00" if name == "pass" else f"{ratios[name]:.2f}"
        goal = f"<= {goals[name]:g}x" if name in goals else ""
        print(f"| `{shown(cases[name], args.python, dirs)}` | {ms:.1f} | {ratio} | {goal} |")
    missed = [name for name, goal in goals.items() if ratios[name] > goal]
    verdict = "met" if not missed and not heavy else "MISSED"
    print(
        f"\ngoals and no heavy imports: {verdict}" + (f" ({', '.join(missed)})" if missed else "")
    )
    if args.json:
        result = {
            "rounds": args.rounds,
            "median_ms": {name: statistics.median(times[name]) * 1000 for name in names},
            "ratio": ratios,
            "heavy_imports": heavy,
            "goals": goals,
            "ten_periods_bytes": size,
        }
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return 1 if args.check and verdict != "met" else 0


if __name__ == "__main__":
    raise SystemExit(main())
