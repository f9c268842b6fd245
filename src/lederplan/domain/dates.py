"""Dates: the one reader of a date typed into a field, and whole months.

:func:`read_date` reads every date a leader types (the plan's date, a new period's start, a
measurement's or a feedback entry's date) with the same words the deadline reader takes for an
absolute date ("15.03.2027", "15.3.27", "2027-03-15", "15. mars 2027", "March 15, 2027"), plus
the days around today ("i dag", "today", "i går", "yesterday", "i morgen", "tomorrow").
:func:`calendar_date` is that absolute-date grammar, shared with
:mod:`lederplan.domain.deadlines`. :func:`parse_date` is the strict form a file's column takes
(a CSV's "i går" would mean the day it is imported, which is no date a file can hold).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from lederplan.domain.deadline_words import DAY_WORDS, MONTHS, NB_ONLY_MONTHS


def add_years(day: date, years: int) -> date:
    """Return *day* moved by whole years; 29 February becomes 28 February in a common year."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


_NORWEGIAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MAX_TEXT = 100
"""Longer text is no date; refusing it early bounds the reader's work."""
_YEARS_AHEAD = 9
"""How far "29.02" without a year may look: the next leap day is < 9 years away."""

# These run on folded text (see fold): lower case, one space between words, whole text.
_YEAR = r"[0-9]{4}"
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_DATE_PREFIX = r"(?:(?:dato|date) )?(?:(?:den|the) )?"
_ORD = r"(?:\.|st|nd|rd|th)?"
_DATE_NUMERIC = re.compile(
    rf"{_DATE_PREFIX}(?P<day>[0-9]{{1,2}})\.(?P<mon>[0-9]{{1,2}})(?:\.(?P<y>[0-9]{{2}}|{_YEAR}))?"
)
_DATE_ISO = re.compile(rf"{_DATE_PREFIX}(?P<y>{_YEAR})-(?P<mon>[0-9]{{1,2}})-(?P<day>[0-9]{{1,2}})")
_DATE_DAY_FIRST = re.compile(
    rf"{_DATE_PREFIX}(?P<day>[0-9]{{1,2}}){_ORD} ?(?:of )?{_MONTH}(?:,? (?P<y>{_YEAR}))?"
)
# Month first is English only ("March 15"): Norwegian never writes it, and "juni 27" could be
# June 2027 as well as 27 June.
_DATE_MONTH_FIRST = re.compile(
    rf"{_DATE_PREFIX}{_MONTH} (?:the )?(?P<day>[0-9]{{1,2}}){_ORD}(?:,? (?P<y>{_YEAR}))?"
)


def fold(text: str) -> str:
    """*text* with what does not matter folded: case, spacing, a trailing full stop."""
    # NFKC first: a Mac types "å" as "a" plus a combining ring, and a no-break space is a space.
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split()).rstrip(". ")


def read_date(text: str, today: date) -> date | None:
    """Return the date a leader typed into a date field, or None when it names none.

    Args:
        text: as typed: "6. desember 2026", "06.12.2026", "2026-12-06", "i dag", "yesterday".
        today: the day it is typed; "i går" is the day before. A date without a year
            ("6. desember", "15.03") is in today's year.

    Never raises.
    """
    if len(text) > _MAX_TEXT:
        return None
    body = fold(text)
    try:
        if body in DAY_WORDS:
            return today + timedelta(days=DAY_WORDS[body])
        return calendar_date(body, today, ahead=False)
    except (ValueError, OverflowError):  # 31.02.2027; a day beyond year 9999
        return None


def calendar_date(body: str, anchor: date, *, ahead: bool) -> date | None:
    """The calendar date folded *body* names: 15.03.2027, 15.3.27, 2027-03-15, 15. mars 2027,
    March 15; None when it is no such date.

    Without a year: with *ahead*, the first such day on or after *anchor* (a deadline); else
    the one in *anchor*'s year (a date field).

    Raises:
        ValueError: the text has the shape of a date that does not exist (31.02.2027).
    """
    for pattern in (_DATE_NUMERIC, _DATE_ISO, _DATE_DAY_FIRST, _DATE_MONTH_FIRST):
        if not (match := pattern.fullmatch(body)):
            continue
        groups = match.groupdict()
        if "mon" in groups:
            month = int(groups["mon"])
        elif (name := groups["month"]) in MONTHS and (
            pattern is _DATE_DAY_FIRST or name not in NB_ONLY_MONTHS
        ):
            month = MONTHS[name]
        else:
            continue
        day = int(match["day"])
        if match["y"] is None:
            return _next_date(day, month, anchor) if ahead else date(anchor.year, month, day)
        year = int(match["y"])
        return date(year + 2000 if year < 100 else year, month, day)
    return None


def _next_date(day: int, month: int, anchor: date) -> date | None:
    """The first *day*.*month* on or after the anchor (29.02 waits for a leap year)."""
    for year in range(anchor.year, anchor.year + _YEARS_AHEAD):
        try:
            found = date(year, month, day)
        except ValueError:  # 29.02 in a common year; 31.04 in every year
            continue
        if found >= anchor:
            return found
    return None


def parse_date(text: str) -> date | None:
    """Return the date *text* names in a file's column (15.03.2027 or 2027-03-15), or None."""
    text = text.strip().rstrip(".")
    if match := _NORWEGIAN.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    """The last day of *month* (1-12) in *year*."""
    return date(year, month, days_in_month(year, month))


def days_in_month(year: int, month: int) -> int:
    """How many days *month* has; December directly, so December 9999 needs no year 10000."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def add_months(day: date, months: int) -> date:
    """*day* moved by whole months, clamped to the month's last day (31 March + 1 -> 30 April)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, days_in_month(year, month0 + 1)))
