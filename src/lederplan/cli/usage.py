"""What the command line says about a mistyped command: one sentence in the UI language.

argparse says it in English, with its usage text and from inside ``parse_args``, before the
language is known (``lederplan due`` speaks the plan's language, read only later).
:class:`Parser` keeps argparse's message instead of printing it; :func:`usage_sentence` turns
it into the catalogue's sentence once the language is chosen. argparse's messages are stable
texts (``gettext`` calls in the standard library); one not matched here is still said, as
argparse wrote it, inside the catalogue's sentence.
"""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

from lederplan.i18n import t


class UsageError(Exception):
    """The command line could not be read: *message* as argparse wrote it, for *command*."""

    def __init__(self, command: str, message: str) -> None:
        super().__init__(message)
        self.command = command
        self.message = message


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with "usage:" in the UI language."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, t("cli.help.usage") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises :class:`UsageError` instead of printing and exiting, and
    whose ``--help`` is in the UI language throughout. Subcommands' parsers are of the same
    class (argparse makes them so)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        # The two groups' headings: argparse names them at creation, in English.
        self._positionals.title = t("cli.help.arguments")
        self._optionals.title = t("cli.help.options")
        self.add_argument("-h", "--help", action="help", help=t("cli.opt.help"))

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)


_VALUE = r"'(?P<value>.*)'"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(rf"argument (?P<option>[^:]+): invalid int value: {_VALUE}$"),
        "cli.usage.not_a_number",
    ),
    (
        re.compile(
            rf"argument (?P<option>[^:]+): invalid choice: {_VALUE} "
            r"\(choose from (?P<choices>.*)\)$"
        ),
        "cli.usage.choice",
    ),
    (re.compile(r"argument (?P<option>[^:]+): expected one argument$"), "cli.usage.needs_value"),
    (re.compile(r"the following arguments are required: (?P<names>.*)$"), "cli.usage.missing"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)$"), "cli.usage.unknown"),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$"),
        "cli.usage.ambiguous",
    ),
]


def _choices(text: str) -> str:
    # "'json', 'ics', 'md', 'html'" (3.11) or "json, ics, md, html" (3.12.8 on): the words alone.
    return ", ".join(part.strip().strip("'") for part in text.split(","))


def usage_sentence(error: UsageError) -> str:
    """The catalogue's sentence for *error*, in the current language."""
    for pattern, key in _PATTERNS:
        found = pattern.match(error.message)
        if found is None:
            continue
        fields = found.groupdict()
        if "choices" in fields:
            fields["choices"] = _choices(fields["choices"])
            if fields["option"] == "COMMAND":
                return t("cli.usage.command", value=fields["value"], choices=fields["choices"])
        return t(key, command=error.command, **fields)
    return t("cli.usage.other", command=error.command, message=error.message)
