"""What the subcommands do. Each takes the data directory and the parsed arguments and returns
an exit code; errors from the store are raised and turned into messages by :mod:`lederplan.cli`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import TextIO

from lederplan.cli.output import fail
from lederplan.i18n import current_language, t
from lederplan.store.settings import save_settings
from lederplan.store.store import Store

FOLD_NOTICE_SECONDS = 0.5
"""How long the fold after the app has closed runs before it says so on stderr."""


def run_tui(directory: Path) -> int:
    """Start the terminal UI on the plan in *directory*."""
    from lederplan.tui.app import RESTART, LederplanApp
    from lederplan.tui.resume import from_environment, hand_over

    store = Store(directory)
    app = LederplanApp(store=store, resume=from_environment())
    code = app.run()
    # What was journaled while the app ran goes into the data file: after a clean exit the
    # directory holds the TinyDB file alone. Should this fail, the journal keeps every change.
    fold_saying(store)
    if code == RESTART:
        # A new language: start afresh so every string, key and screen is built in it.
        hand_over(app.resume_state)  # the same screen and cursor
        argv = _without_lang(sys.argv[1:])
        os.execv(sys.executable, [sys.executable, "-m", "lederplan", *argv])
    return 1 if app.startup_failed else 0  # a damaged file: said on screen, and in the code


def fold_saying(
    store: Store, *, after: float = FOLD_NOTICE_SECONDS, err: TextIO | None = None
) -> None:
    """Fold the journal into the data file; when that takes longer than *after* seconds (a
    50,000-record file, a slow disk), say on *err* (stderr) that the plan is being saved, so
    that the terminal the app has just left does not look hung."""
    stream = err if err is not None else sys.stderr
    notice = threading.Timer(after, lambda: print(t("quit.saving"), file=stream, flush=True))
    notice.daemon = True
    notice.start()
    try:
        store.fold()
    finally:
        notice.cancel()


def _without_lang(argv: list[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


def cmd_demo(directory: Path, args: argparse.Namespace) -> int:
    """Load the course's example plan in the current language, dated today (its deadlines read
    from today, its year today's), or with ``--as-in-course`` on the course's own date."""
    from lederplan import clock
    from lederplan.domain.demo import DEMO_DATE, demo_plan
    from lederplan.store.repository import PlanRepository

    try:
        plan_date = DEMO_DATE if args.as_in_course else clock.today()
    except ValueError:
        return fail(t("due.bad_today", value=os.environ.get(clock.ENV_TODAY)))
    store = Store(directory)
    repo = PlanRepository(store)
    if _has_plan(store) and not args.force:
        return fail(t("cli.plan_exists", path=store.path))
    before = {b.name for b in store.backups()}
    repo.replace_plans([demo_plan(current_language(), plan_date)], "before-demo")
    # The app that then shows it speaks its language ("lederplan demo --lang nb" with LANG=C
    # gave a bokmål plan in an English app); L changes it, as ever. Only a convenience: a
    # settings file that cannot be written leaves the demo loaded and the language as it was.
    with contextlib.suppress(OSError):
        save_settings(directory, lang=current_language())
    print(t("cli.demo.done", path=store.path))
    _say_backup(store, before)
    return 0


def cmd_export(directory: Path, args: argparse.Namespace) -> int:
    """Write the plan as Markdown, HTML, JSON or iCalendar (or JSON's JSON Schema) to stdout or
    a file. Markdown and HTML show the current plan; JSON and iCalendar hold every plan."""
    from lederplan import clock
    from lederplan.export.formats import render
    from lederplan.export.json_format import json_schema
    from lederplan.store.repository import PlanRepository
    from lederplan.store.targets import writes_plan_data

    if args.schema and args.format != "json":
        return fail(t("cli.export.schema_json_only"))
    to_file = bool(args.output) and args.output != "-"
    if to_file and writes_plan_data(Path(args.output), directory):
        # Even with --force: found in review, ``-o <data-dir>/lederplan.json`` destroyed the plan.
        return fail(t("export.own_data", path=args.output, dir=directory))
    if args.schema:
        text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    else:
        try:
            today = clock.today()
        except ValueError:
            return fail(t("due.bad_today", value=os.environ.get(clock.ENV_TODAY)))
        store = Store(directory)
        snapshots = PlanRepository(store).load_all()
        if not snapshots:
            return fail(t("cli.no_plan", path=store.path))
        text = render(args.format, [s.plan for s in snapshots], today)
    if not to_file:
        sys.stdout.write(text)
        return 0
    return _write_output(Path(args.output), text, args.force, directory)


def _write_output(path: Path, text: str, force: bool, directory: Path) -> int:
    from lederplan.store.errors import WriteError
    from lederplan.store.targets import Refusal, write_target

    try:
        why = write_target(path, text, directory, overwrite=force)
    except WriteError as error:
        return fail(t("export.failed", path=path, reason=error.params["reason"]))
    if why is not None:  # a missing folder: not "the previous version is intact", there was none
        return fail(
            {
                Refusal.OWN_DATA: t("export.own_data", path=path, dir=directory),
                Refusal.IS_DIR: t("export.is_dir", path=path),
                Refusal.NO_DIR: t("export.no_dir", dir=path.parent),
                Refusal.EXISTS: t("error.file_exists", path=path),
            }[why]
        )
    print(t("cli.export.done", path=path), file=sys.stderr)
    return 0


def cmd_import(directory: Path, args: argparse.Namespace) -> int:
    """Replace the plans by those of a JSON export, all or nothing."""
    from lederplan.export.json_format import ImportProblem, parse_export
    from lederplan.store.repository import PlanRepository

    source = Path(args.file)
    try:
        text = sys.stdin.read() if args.file == "-" else source.read_text(encoding="utf-8")
        plans = parse_export(text)
    except UnicodeDecodeError:
        return fail(t("cli.import.bad_json", file=source, line=1, col=1, msg="not UTF-8"))
    except MemoryError:
        return fail(t("cli.import.unreadable", file=source, reason=t("cli.import.too_big")))
    except ImportProblem as problem:
        return fail(_import_message(source, problem))
    store = Store(directory)
    if _has_plan(store) and not args.force:
        return fail(t("cli.plan_exists", path=store.path))
    before = {b.name for b in store.backups()}
    PlanRepository(store).replace_plans(plans, "before-import")
    print(t("cli.import.done", count=len(plans), file=source, path=store.path))
    _say_backup(store, before)
    return 0


def _import_message(source: Path, problem: object) -> str:
    from lederplan.export.json_format import ImportProblem

    assert isinstance(problem, ImportProblem)
    if problem.kind == "json":
        return t(
            "cli.import.bad_json", file=source, line=problem.line, col=problem.col, msg=problem.msg
        )
    if problem.kind == "newer":
        return t("cli.import.newer", file=source, version=problem.version)
    if problem.kind == "format":
        return t("cli.import.bad_format", file=source)
    if problem.kind in ("nested", "too_big", "number"):
        return t("cli.import.unreadable", file=source, reason=t(f"cli.import.{problem.kind}"))
    return t(
        "cli.import.bad_field", file=source, line=problem.line, field=problem.field, msg=problem.msg
    )


def cmd_import_feedback(directory: Path, args: argparse.Namespace) -> int:
    """Append the feedback of a CSV file to the current plan, all or nothing."""
    from lederplan.domain.feedback_csv import FeedbackCsvError, parse_feedback_csv
    from lederplan.store.repository import PlanRepository

    source = Path(args.file)
    raw = source.read_bytes()
    store = Store(directory)
    repo = PlanRepository(store)
    snapshot = repo.load()
    if snapshot is None:
        return fail(t("cli.no_plan", path=store.path))
    try:
        entries = parse_feedback_csv(raw.decode("utf-8-sig"), snapshot.plan)
    except UnicodeDecodeError as exc:
        line, problem = raw.count(b"\n", 0, exc.start) + 1, t("feedback_csv.not_utf8")
        return fail(t("cli.import_feedback.bad_line", file=source, line=line, problem=problem))
    except FeedbackCsvError as error:
        key = "cli.import_feedback.bad_field" if error.field else "cli.import_feedback.bad_line"
        problem = t(error.problem, **error.params)
        return fail(t(key, file=source, line=error.line, field=error.field, problem=problem))
    try:
        repo.insert_many(list(entries), snapshot.plan.id)
    except ValueError as error:  # the scale changed since the plan was read
        return fail(t("cli.import_feedback.plan_changed", reason=error))
    store.fold()
    print(t("cli.import_feedback.done", count=len(entries), file=source))
    return 0


def cmd_backups(directory: Path, args: argparse.Namespace) -> int:
    """List the backups, newest first."""
    store = Store(directory)
    backups = store.backups()
    if not backups:
        print(t("cli.backups.none", path=store.backup_dir))
        return 0
    print(t("cli.backups.header", path=store.backup_dir))
    for backup in backups:
        taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S")
        kind = t(f"backup.kind.{backup.kind}")
        print(f"  {backup.name:<44} {taken}  {backup.size:>9,d} B  {kind}")
    return 0


def cmd_restore(directory: Path, args: argparse.Namespace) -> int:
    """Make a backup the data file; the current file becomes a backup first."""
    store = Store(directory)
    saved = store.restore(args.name)
    print(t("cli.restore.done", name=args.name))
    if saved is not None:
        print(t("cli.backup.kept", name=saved.name))
    return 0


def cmd_due(directory: Path, args: argparse.Namespace) -> int:
    """Overdue and upcoming actions, for login scripts: see :mod:`lederplan.cli.due`."""
    from lederplan.cli.due import run_due
    from lederplan.cli.due_items import check_current_period
    from lederplan.store.settings import load_settings

    # The older periods are most of a file kept for years, and due reads none of them.
    store = Store(directory, check=check_current_period)
    return run_due(
        store,
        days=args.days,
        show_all=args.all,
        as_json=args.json,
        lang_option=args.lang,
        saved_lang=load_settings(directory).get("lang"),
    )


def _has_plan(store: Store) -> bool:
    # A damaged file counts as a plan: it is never overwritten without --force. So does a file
    # of records without a plan: the store reads that as damaged.
    if not store.exists():
        return False
    from lederplan.store.errors import StoreError

    try:
        return bool(store.read_tables().get("plans"))
    except StoreError:
        return True


def _say_backup(store: Store, before: set[str]) -> None:
    for backup in store.backups():
        if backup.name not in before and backup.kind.startswith("before-"):
            print(t("cli.backup.kept", name=backup.name))
            return
