"""The command line's sentences for a mistyped command or a file the system refuses, nb and en:
part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


USAGE_TEXTS: dict[str, dict[str, str]] = {
    "cli.help.usage": _m("bruk: ", "usage: "),
    "cli.help.arguments": _m("argumenter", "arguments"),
    "cli.help.options": _m("valg", "options"),
    "cli.opt.help": _m("vis denne hjelpen og avslutt", "show this help and exit"),
    "cli.usage.not_a_number": _m(
        "{option} må være et helt tall, ikke «{value}».",
        "{option} must be a whole number, not “{value}”.",
    ),
    "cli.usage.choice": _m(
        "{option} kan være {choices}, ikke «{value}».",
        "{option} can be {choices}, not “{value}”.",
    ),
    "cli.usage.command": _m(
        "«{value}» er ingen kommando; kommandoene er {choices}.",
        "“{value}” is not a command; the commands are {choices}.",
    ),
    "cli.usage.needs_value": _m("{option} trenger en verdi.", "{option} needs a value."),
    "cli.usage.missing": _m(
        "{command} trenger {names} (se «{command} --help»).",
        "{command} needs {names} (see “{command} --help”).",
    ),
    "cli.usage.unknown": _m(
        "{command} kjenner ikke {args} (se «{command} --help»).",
        "{command} does not know {args} (see “{command} --help”).",
    ),
    "cli.usage.ambiguous": _m(
        "{option} kan bety {matches}; skriv hele navnet.",
        "{option} could mean {matches}; write it in full.",
    ),
    "error.os.not_found": _m("finnes ikke", "does not exist"),
    "error.os.denied": _m("du har ikke tilgang", "permission denied"),
    "error.os.is_dir": _m("er en mappe, ikke en fil", "is a folder, not a file"),
    "error.os.not_dir": _m(
        "en del av stien er ikke en mappe", "a part of the path is not a folder"
    ),
    "error.os.full": _m("disken er full", "the disk is full"),
    "error.os.read_only": _m("disken er skrivebeskyttet", "the disk is read-only"),
    "cli.usage.other": _m(
        "{command} kan ikke leses slik: {message}.",
        "{command} cannot be read as written: {message}.",
    ),
}
