"""Numeric targets of the målkort's indicators and the progress of their measurements (issue 6).

:func:`parse_target` reads a target as written ("> 5", ">= 80 %", "Score over 5", "minst 80 %",
"5 eller mer", "under 10 timer") into a comparison, a value and a unit; :func:`progress` says
whether an indicator's measurements have reached its target, are on track to, or not yet.

Parsing rules
-------------
* A comparison comes *before* the number (a symbol ``>``, ``>=``, ``≥``, ``=>``, ``<``, ``<=``,
  ``≤``, ``=<``, ``=``, or words such as over/above/more than/at least/minimum/under/below/less
  than/at most/maximum/up to; nb over/mer enn/minst/minimum/ikke under/under/mindre enn/maks/
  høyst/ikke over/opp til/lik/nøyaktig) or *after* it (5+, "or more", "or less", nb "eller mer",
  "eller mindre"...). The leftmost comparison followed by a number wins; failing that, a number
  followed by a trailing comparison.
* A bare number without a direction ("5", "score 5") is not a target: None.
* Numbers take a decimal comma or point ("4,5", "4.5") and a minus sign.
* The unit is the word right after the number, if any, unless it is a filler ("av", "of", "or",
  "eller", ...); "%", "prosent", "percent" and "pct" all become "%".
* The text is compared case-insensitively; :func:`parse_target` never raises.

Progress rules
--------------
* The numeric target is ``target_value``/``comparison`` when set, else parsed from ``target``;
  with neither: :attr:`Progress.NO_TARGET`.
* Measurements dated after *today* are ignored. No measurement: not yet.
* Reached: the latest measurement meets the target (``=`` allows a rounding tolerance).
* On track: a straight line from the baseline (the latest measurement on or before *start*, else
  the first) to the latest measurement, extrapolated to *end*, meets the target at *end* (for
  ``=``: reaches or crosses it). It needs two measurements on different days and *end* after the
  latest measurement; a period that is over is never on track.
* Otherwise not yet.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lederplan.domain.models import Comparison, Indicator, Measurement

_PREFIX_WORDS: dict[str, Comparison] = {
    # en
    "more than": Comparison.GT,
    "greater than": Comparison.GT,
    "higher than": Comparison.GT,
    "over": Comparison.GT,
    "above": Comparison.GT,
    "exceeding": Comparison.GT,
    "at least": Comparison.GE,
    "no less than": Comparison.GE,
    "not less than": Comparison.GE,
    "not below": Comparison.GE,
    "not under": Comparison.GE,
    "minimum": Comparison.GE,
    "min.": Comparison.GE,
    "min": Comparison.GE,
    "less than": Comparison.LT,
    "fewer than": Comparison.LT,
    "lower than": Comparison.LT,
    "under": Comparison.LT,
    "below": Comparison.LT,
    "at most": Comparison.LE,
    "no more than": Comparison.LE,
    "not more than": Comparison.LE,
    "not above": Comparison.LE,
    "not over": Comparison.LE,
    "maximum": Comparison.LE,
    "max.": Comparison.LE,
    "max": Comparison.LE,
    "up to": Comparison.LE,
    "exactly": Comparison.EQ,
    "equal to": Comparison.EQ,
    "equals": Comparison.EQ,
    # nb
    "mer enn": Comparison.GT,
    "flere enn": Comparison.GT,
    "høyere enn": Comparison.GT,
    "større enn": Comparison.GT,
    "bedre enn": Comparison.GT,
    "minst": Comparison.GE,
    "ikke under": Comparison.GE,
    "ikke lavere enn": Comparison.GE,
    "ikke mindre enn": Comparison.GE,
    "mindre enn": Comparison.LT,
    "færre enn": Comparison.LT,
    "lavere enn": Comparison.LT,
    "maks.": Comparison.LE,
    "maks": Comparison.LE,
    "maksimum": Comparison.LE,
    "maksimalt": Comparison.LE,
    "høyst": Comparison.LE,
    "ikke over": Comparison.LE,
    "ikke mer enn": Comparison.LE,
    "ikke høyere enn": Comparison.LE,
    "opp til": Comparison.LE,
    "inntil": Comparison.LE,
    "nøyaktig": Comparison.EQ,
    "akkurat": Comparison.EQ,
    "lik": Comparison.EQ,
}
_PREFIX_SYMBOLS: dict[str, Comparison] = {
    ">=": Comparison.GE,
    "=>": Comparison.GE,
    "≥": Comparison.GE,
    "<=": Comparison.LE,
    "=<": Comparison.LE,
    "≤": Comparison.LE,
    "==": Comparison.EQ,
    ">": Comparison.GT,
    "<": Comparison.LT,
    "=": Comparison.EQ,
}
_POSTFIX_WORDS: dict[str, Comparison] = {
    "or more": Comparison.GE,
    "or higher": Comparison.GE,
    "or above": Comparison.GE,
    "or better": Comparison.GE,
    "or over": Comparison.GE,
    "or less": Comparison.LE,
    "or fewer": Comparison.LE,
    "or lower": Comparison.LE,
    "or below": Comparison.LE,
    "or under": Comparison.LE,
    "eller mer": Comparison.GE,
    "eller flere": Comparison.GE,
    "eller høyere": Comparison.GE,
    "eller over": Comparison.GE,
    "eller bedre": Comparison.GE,
    "eller mindre": Comparison.LE,
    "eller færre": Comparison.LE,
    "eller lavere": Comparison.LE,
    "eller under": Comparison.LE,
}
_PERCENT_WORDS = frozenset({"%", "prosent", "percent", "per cent", "pct", "pst"})
_FILLERS = frozenset(
    {"av", "of", "or", "eller", "og", "and", "på", "on", "i", "in", "per", "pr", "til", "to"}
)


def _alternation(words: list[str], *, bounded: bool) -> str:
    # Longest first, so "at least" beats "at" and ">=" beats ">".
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)]
    body = "|".join(parts)
    return rf"(?<!\w)(?:{body})(?![^\W\d_])" if bounded else f"(?:{body})"


_NUMBER = r"(?P<num>[-−]?[0-9]+(?:[.,][0-9]+)?)"
_UNIT = r"(?:\s*(?P<unit>%|per\s+cent|[^\W\d_]+))?"
_PREFIX = re.compile(
    rf"(?P<op>{_alternation(list(_PREFIX_WORDS), bounded=True)}"
    rf"|{_alternation(list(_PREFIX_SYMBOLS), bounded=False)})"
    rf"\s*(?::\s*)?{_NUMBER}(?![0-9]){_UNIT}",
    re.IGNORECASE,
)
_POSTFIX = re.compile(
    rf"(?<![\w.,]){_NUMBER}(?![.,]?[0-9]){_UNIT}\s*"
    rf"(?P<op>\+|{_alternation(list(_POSTFIX_WORDS), bounded=True)})",
    re.IGNORECASE,
)
_MAX_CHARS = 2_000
"""Only the start of a long text is read: a target is a short phrase."""


@dataclass(frozen=True)
class ParsedTarget:
    """A numeric target read from text."""

    comparison: Comparison
    value: float
    unit: str = ""


def _normalise_op(op: str) -> str:
    return " ".join(op.casefold().split())


_PREFIX_OPS = {_normalise_op(k): v for k, v in (_PREFIX_WORDS | _PREFIX_SYMBOLS).items()}
_POSTFIX_OPS = {_normalise_op(k): v for k, v in _POSTFIX_WORDS.items()} | {"+": Comparison.GE}


def _unit(raw: str | None) -> str:
    if not raw:
        return ""
    word = " ".join(raw.split())
    if word.casefold() in _PERCENT_WORDS:
        return "%"
    if word.casefold() in _FILLERS:
        return ""
    return word


def _number(raw: str) -> float | None:
    value = float(raw.replace("−", "-").replace(",", "."))
    return value if math.isfinite(value) else None


def parse_target(text: str) -> ParsedTarget | None:
    """Read a comparison, a value and a unit from a target as written; None when there is none."""
    if not isinstance(text, str):
        return None
    head = text[:_MAX_CHARS]
    found = _PREFIX.search(head)
    if found:
        comparison = _PREFIX_OPS.get(_normalise_op(found["op"]))
    else:
        found = _POSTFIX.search(head)
        if not found:
            return None
        comparison = _POSTFIX_OPS.get(_normalise_op(found["op"]))
    if comparison is None:  # a case-insensitive match on an odd letter, e.g. the long s "ſ"
        return None
    value = _number(found["num"])
    if value is None:
        return None
    return ParsedTarget(comparison=comparison, value=value, unit=_unit(found["unit"]))


class Progress(StrEnum):
    """Where an indicator stands against its numeric target."""

    REACHED = "reached"
    ON_TRACK = "on_track"
    NOT_YET = "not_yet"
    NO_TARGET = "no_target"


def _tolerance(target: float) -> float:
    return 1e-9 * max(1.0, abs(target))


def meets(value: float, comparison: Comparison, target: float) -> bool:
    """Whether *value* meets the target ``comparison target``."""
    tol = _tolerance(target)
    if comparison is Comparison.GT:
        return value > target + tol
    if comparison is Comparison.GE:
        return value >= target - tol
    if comparison is Comparison.LT:
        return value < target - tol
    if comparison is Comparison.LE:
        return value <= target + tol
    return abs(value - target) <= tol


def numeric_target(indicator: Indicator) -> ParsedTarget | None:
    """The indicator's numeric target: its fields when set, else parsed from its text."""
    if indicator.target_value is not None and indicator.comparison is not None:
        return ParsedTarget(indicator.comparison, indicator.target_value, indicator.unit)
    return parse_target(indicator.target)


def _baseline(measured: list[Measurement], start: date) -> Measurement:
    before = [m for m in measured if m.date <= start]
    return before[-1] if before else measured[0]


def progress(indicator: Indicator, today: date, start: date, end: date) -> Progress:
    """Reached, on track, not yet or no target (see the module's rules)."""
    target = numeric_target(indicator)
    if target is None:
        return Progress.NO_TARGET
    measured = sorted((m for m in indicator.measurements if m.date <= today), key=lambda m: m.date)
    if not measured:
        return Progress.NOT_YET
    latest = measured[-1]
    if meets(latest.value, target.comparison, target.value):
        return Progress.REACHED
    first = _baseline(measured, start)
    days = (latest.date - first.date).days
    ahead = (end - latest.date).days
    if days <= 0 or ahead <= 0 or today > end:
        return Progress.NOT_YET
    projected = latest.value + (latest.value - first.value) / days * ahead
    if target.comparison is Comparison.EQ:
        low, high = sorted((latest.value, projected))
        tol = _tolerance(target.value)
        on_track = low - tol <= target.value <= high + tol
    else:
        on_track = meets(projected, target.comparison, target.value)
    return Progress.ON_TRACK if on_track else Progress.NOT_YET
