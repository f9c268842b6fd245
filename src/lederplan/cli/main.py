"""The command line: the TUI by default, plus a few non-interactive subcommands.

Thin on purpose: it parses arguments, picks the language and data directory, and calls into
:mod:`lederplan.cli.commands` or the TUI. Heavy imports (Textual, pydantic) happen only in the
command that needs them, so ``lederplan --version`` and ``lederplan backups`` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lederplan import __version__
from lederplan.cli.usage import Parser, UsageError
from lederplan.i18n import LANGUAGES, detect_language, set_language, t


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help texts in the current language."""
    parser = Parser(prog="lederplan", description=t("cli.description"))
    parser.add_argument(
        "--version", action="version", version=f"lederplan {__version__}", help=t("cli.opt.version")
    )
    parser.add_argument("--data-dir", metavar="DIR", help=t("cli.opt.data_dir"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.opt.lang"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help=t("cli.cmd.demo"), description=t("cli.cmd.demo"))
    demo.add_argument("--force", action="store_true", help=t("cli.opt.force"))
    demo.add_argument("--as-in-course", action="store_true", help=t("cli.opt.as_in_course"))

    export = commands.add_parser(
        "export", help=t("cli.cmd.export"), description=t("cli.cmd.export")
    )
    export.add_argument(
        "--format",
        choices=["json", "ics", "md", "html"],
        default="json",
        help=t("cli.opt.export_format"),
    )
    export.add_argument("-o", "--output", metavar="FILE", help=t("cli.opt.output"))
    export.add_argument("--force", action="store_true", help=t("cli.opt.force"))
    export.add_argument("--schema", action="store_true", help=t("cli.opt.schema"))

    imp = commands.add_parser("import", help=t("cli.cmd.import"), description=t("cli.cmd.import"))
    imp.add_argument("file", metavar="FILE", help=t("cli.arg.file"))
    imp.add_argument("--force", action="store_true", help=t("cli.opt.force"))

    feedback = commands.add_parser(
        "import-feedback",
        help=t("cli.cmd.import_feedback"),
        description=t("cli.cmd.import_feedback"),
    )
    feedback.add_argument("file", metavar="FILE", help=t("cli.arg.csv_file"))
    feedback.set_defaults(command="import_feedback")  # the handler is cmd_import_feedback

    commands.add_parser("backups", help=t("cli.cmd.backups"), description=t("cli.cmd.backups"))

    restore = commands.add_parser(
        "restore", help=t("cli.cmd.restore"), description=t("cli.cmd.restore")
    )
    restore.add_argument("name", metavar="NAME", help=t("cli.arg.backup"))

    due = commands.add_parser("due", help=t("due.cmd"), description=t("due.cmd"))
    due.add_argument("--days", type=int, metavar="N", help=t("due.opt.days"))
    due.add_argument("--all", action="store_true", help=t("due.opt.all"))
    due.add_argument("--json", action="store_true", help=t("due.opt.json"))
    for command in set(commands.choices.values()):
        # Also after the command, as people type them ("lederplan demo --lang en"), and as the
        # damaged-file message prints "lederplan restore NAME --data-dir DIR".
        command.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=t("cli.opt.data_dir")
        )
        command.add_argument(
            "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.opt.lang")
        )
    return parser


def _early(argv: Sequence[str], option: str = "--lang") -> str | None:
    # The help texts are built before parsing, so peek at --lang first (and, when the command
    # line cannot be parsed, at --data-dir for the saved language).
    for i, arg in enumerate(argv):
        if arg == option and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(f"{option}="):
            return arg.split("=", 1)[1]
    return None


def _usage_language(argv: Sequence[str]) -> str:
    """The language to say a mistyped command line in, as the command would have spoken:
    ``--lang``, ``$LEDERPLAN_LANG``, for ``due`` the plan's language, the saved setting, the
    locale. Nothing here may fail: the sentence is said whatever can be read."""
    from lederplan.store.errors import StoreError
    from lederplan.store.paths import data_dir
    from lederplan.store.settings import load_settings

    option = _early(argv)
    saved = plan = None
    try:
        directory = data_dir(_early(argv, "--data-dir"))
        saved = load_settings(directory).get("lang")
        if "due" in argv:
            from lederplan.cli.due_items import check_current_period, plan_language
            from lederplan.store.store import Store

            plan = plan_language(Store(directory, check=check_current_period).read_tables())
    except (StoreError, OSError, ValueError):
        pass  # a damaged file is said by the command, once it is typed right
    return detect_language(option, os.environ, saved, plan)


def main(argv: Sequence[str] | None = None) -> int:
    """Run lederplan; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(detect_language(_early(argv), os.environ))
    from lederplan.cli.output import fail

    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        from lederplan.cli.usage import usage_sentence

        set_language(_usage_language(argv))
        return fail(usage_sentence(error), code=2)

    from lederplan.cli import commands
    from lederplan.store.errors import StoreError
    from lederplan.store.paths import data_dir
    from lederplan.store.settings import load_settings

    try:
        directory = data_dir(args.data_dir)
        saved = None if args.lang else load_settings(directory).get("lang")
        set_language(detect_language(args.lang, os.environ, saved))
        if args.command is None:
            return commands.run_tui(directory)
        handler = getattr(commands, f"cmd_{args.command}")
        return int(handler(directory, args))
    except StoreError as error:
        from lederplan.editing.messages import describe

        return fail(describe(error))
    except OSError as error:
        from lederplan.cli.output import os_failure

        return os_failure(error)
    except KeyboardInterrupt:
        return 130
