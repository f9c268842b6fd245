"""The one catalogue of user-visible strings, in Norwegian bokmål (nb) and English (en).

Use :func:`t` with a key from :mod:`lederplan.i18n.catalogue`; parameters are filled in with
``str.format``. A whole number says a word in the singular or the plural by a format spec,
``{count:word|words}`` (the first for 1, the second for any other count). The language is chosen
once at start-up by :func:`detect_language` and set with :func:`set_language`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from lederplan.i18n.catalogue import CATALOGUE

LANGUAGES = ("nb", "en")
"""The UI languages; nb first, as the course is Norwegian."""
ENV_LANG = "LEDERPLAN_LANG"
_NORWEGIAN = ("nb", "nn", "no")

_current = "en"


def normalize(value: str | None) -> str | None:
    """Return ``nb`` or ``en`` for a language or locale string, None when it names neither.

    ``nb_NO.UTF-8``, ``nn``, ``no`` and ``nb`` give ``nb``; ``en_GB`` and ``en`` give ``en``.
    """
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    if code in _NORWEGIAN:
        return "nb"
    return "en" if code == "en" else None


def detect_language(
    option: str | None,
    environ: Mapping[str, str],
    saved: str | None = None,
    plan: str | None = None,
) -> str:
    """Choose the UI language.

    In order: the ``--lang`` option, ``$LEDERPLAN_LANG``, the plan's language (*plan*, given by
    the commands that print a plan, such as ``due``), the saved setting, then the locale
    variables ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` read as strings (the first one set decides,
    as POSIX does; the locale need not be installed): Norwegian (nb, nn, no) gives ``nb``, any
    other gives ``en``.
    """
    for explicit in (option, environ.get(ENV_LANG), plan, saved):
        chosen = normalize(explicit)
        if chosen:
            return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "nb" if normalize(value) == "nb" else "en"
    return "en"


def set_language(lang: str) -> None:
    """Make *lang* (``nb`` or ``en``) the language :func:`t` uses by default."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    """The language :func:`t` uses by default."""
    return _current


_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_date(day: date, lang: str | None = None) -> str:
    """A date as people write it: 06.07.2020 in Norwegian, 6 Jul 2020 in English."""
    if (lang or _current) == "nb":
        return f"{day:%d.%m.%Y}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_count(count: int, lang: str | None = None) -> str:
    """A whole number with its thousands grouped: 5 007 in Norwegian, 5,007 in English."""
    grouped = f"{count:,}"
    return grouped.replace(",", " ") if (lang or _current) == "nb" else grouped


class _Count(int):
    """A whole number in a text: ``{n:word|words}`` gives *word* for 1 and *words* otherwise."""

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, other = spec.split("|", 1)
            return one if self == 1 else other
        return super().__format__(spec)


def _shown(value: object, lang: str | None) -> object:
    if isinstance(value, date):
        return format_date(value, lang)
    return _Count(value) if type(value) is int else value


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """Return the text of *key* in *lang* (default: the current language), filled with *params*.

    Raises:
        KeyError: no such key (a test checks every key used exists in both languages).
    """
    text = CATALOGUE[key][lang or _current]
    if not params:
        return text
    return text.format(**{name: _shown(value, lang) for name, value in params.items()})
