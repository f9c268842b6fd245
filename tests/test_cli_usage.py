"""A mistyped command line, a bad ``$LEDERPLAN_TODAY`` or a file the system refuses: one sentence
in the command's language (for ``due`` the plan's), never argparse's English usage text nor a
traceback (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.i18n import current_language, set_language, t


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


@pytest.fixture(scope="module")
def nb_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the example plan in Norwegian, and no saved language."""
    directory = tmp_path_factory.mktemp("usage") / "data"
    assert main(["--data-dir", str(directory), "--lang", "nb", "demo"]) == 0
    (directory / "settings.json").unlink(missing_ok=True)
    return directory


def run(
    directory: Path, *args: str, today: str | None = None, lang: str | None = None
) -> subprocess.CompletedProcess:
    """The command as a login script runs it: the C locale, no language chosen (or *lang* as
    ``$LEDERPLAN_LANG``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEDERPLAN_", "LC_"))}
    env.update(LANG="C", LEDERPLAN_DATA_DIR=str(directory))
    if today is not None:
        env["LEDERPLAN_TODAY"] = today
    if lang is not None:
        env["LEDERPLAN_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "lederplan", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def one_sentence(result: subprocess.CompletedProcess, lang: str) -> str:
    """The error said, checked to be one line with the language's prefix and nothing else."""
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    prefix = t("error.prefix", lang, message="")
    assert lines[0].startswith(prefix), lines[0]
    assert "usage:" not in result.stderr and "Traceback" not in result.stderr
    return lines[0].removeprefix(prefix)


def test_due_says_a_bad_number_of_days_in_the_plans_language(nb_plan: Path) -> None:
    result = run(nb_plan, "due", "--days", "x")
    assert result.returncode == 2
    assert one_sentence(result, "nb") == t(
        "cli.usage.not_a_number", "nb", option="--days", value="x"
    )


def test_due_says_a_negative_number_of_days_in_the_plans_language(nb_plan: Path) -> None:
    result = run(nb_plan, "due", "--days", "-3")
    assert result.returncode == 2  # a mistyped command line, as "--days x" is
    assert one_sentence(result, "nb") == t("due.bad_days", "nb", days=-3)


def test_due_says_a_bad_today_in_the_plans_language(nb_plan: Path) -> None:
    result = run(nb_plan, "due", today="garbage")
    assert result.returncode == 1
    assert one_sentence(result, "nb") == t("due.bad_today", "nb", value="garbage")


def test_lang_still_comes_first(nb_plan: Path) -> None:
    result = run(nb_plan, "--lang", "en", "due", "--days", "x")
    assert one_sentence(result, "en") == t(
        "cli.usage.not_a_number", "en", option="--days", value="x"
    )


@pytest.mark.parametrize(
    ("args", "key", "fields"),
    [
        (["due", "--days"], "cli.usage.needs_value", {"option": "--days"}),
        (["due", "--bogus"], "cli.usage.unknown", {"command": "lederplan", "args": "--bogus"}),
        (
            ["export", "--format", "xx"],
            "cli.usage.choice",
            {"option": "--format", "value": "xx", "choices": "json, ics, md, html"},
        ),
        (["restore"], "cli.usage.missing", {"command": "lederplan restore", "names": "NAME"}),
        (["import"], "cli.usage.missing", {"command": "lederplan import", "names": "FILE"}),
        (
            ["import-feedback"],
            "cli.usage.missing",
            {"command": "lederplan import-feedback", "names": "FILE"},
        ),
        (
            ["bogus"],
            "cli.usage.command",
            {
                "value": "bogus",
                "choices": "demo, export, import, import-feedback, backups, restore, due",
            },
        ),
        (
            ["--lang", "xx", "backups"],
            "cli.usage.choice",
            {"option": "--lang", "value": "xx", "choices": "nb, en"},
        ),
        (
            ["demo", "--force", "extra"],
            "cli.usage.unknown",
            {"command": "lederplan", "args": "extra"},
        ),
    ],
)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_subcommand_says_a_mistyped_line_in_one_sentence(
    nb_plan: Path, args: list[str], key: str, fields: dict[str, str], lang: str
) -> None:
    result = run(nb_plan, *args, lang=lang)
    assert result.returncode == 2
    assert one_sentence(result, lang) == t(key, lang, **fields)


@pytest.mark.parametrize("command", ["import", "import-feedback"])
def test_a_file_that_is_not_there_is_said_in_the_language(
    nb_plan: Path, tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "nowhere.json"
    result = run(nb_plan, "--lang", "nb", command, str(missing))
    assert result.returncode == 1
    assert one_sentence(result, "nb") == t(
        "error.os", "nb", path=str(missing), reason=t("error.os.not_found", "nb")
    )


@pytest.mark.parametrize("command", [["demo", "--force"], ["export", "--format", "md"]])
def test_a_bad_today_is_one_sentence_for_every_command_that_reads_it(
    nb_plan: Path, command: list[str]
) -> None:
    result = run(nb_plan, "--lang", "nb", *command, today="31.12.2026")
    assert result.returncode == 1
    assert one_sentence(result, "nb") == t("due.bad_today", "nb", value="31.12.2026")


ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message")


@pytest.mark.parametrize(
    "command", [[], ["demo"], ["export"], ["import"], ["import-feedback"], ["backups"],
                ["restore"], ["due"]],
)  # fmt: skip
def test_every_help_is_in_the_language(nb_plan: Path, command: list[str]) -> None:
    result = run(nb_plan, *command, "--help", lang="nb")
    assert result.returncode == 0
    assert result.stdout.startswith(t("cli.help.usage", "nb"))
    assert [word for word in ARGPARSE_ENGLISH if word in result.stdout] == []
    assert t("cli.opt.help", "nb") in result.stdout
