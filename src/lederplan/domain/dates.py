"""Dates: the one reader of a date typed into a field, and whole months.

:func:`read_date` reads every date a leader types (the plan's date, a new period's start, a
measurement's or a feedback entry's date) with the same words the deadline reader takes for an
absolute date ("15.03.2027", "15.3.27", "2027-03-15", "15. mars 2027", "March 15, 2027"), plus
the days around today ("i dag", "today", "i går", "yesterday", "i morgen", "tomorrow").
:func:`calendar_date` is that absolute-date grammar, shared with
:mod:`lederplan.domain.deadlines`. :func:`parse_date` is the strict form a file's column takes
(a CSV's "i går" would mean the day it is imported, which is no date a file can hold).

A date written without a year is placed by what it is about (:class:`Toward`): a measurement or a
feedback entry is about the past, a deadline about the days to come, the plan's date and a
period's start about now. A two-digit year is the one nearest the day it is read, within
:data:`CENTURY_WINDOW` years ("15.12.99" read in 2026 is 1999, "15.12.27" is 2027).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta
from enum import StrEnum

from lederplan.domain.deadline_words import DAY_WORDS, MONTHS, NB_ONLY_MONTHS


def add_years(day: date, years: int) -> date:
    """Return *day* moved by whole years; 29 February becomes 28 February in a common year."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


_NORWEGIAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MAX_TEXT = 100
"""Longer text is no date; refusing it early bounds the reader's work."""
_YEARS_AROUND = 9
"""How far "29.02" without a year may look: the next (or last) leap day is < 9 years away."""
CENTURY_WINDOW = 50
"""A two-digit year is the one within this many years of the day it is read (either way)."""


class Toward(StrEnum):
    """Where a date written without a year ("15. desember", "15.12") falls from the day it is
    read."""

    PAST = "past"
    """The latest such day on or before it: a measurement or a feedback entry, which is about
    what has happened (read on 3 January 2027, "15. desember" is 15 December 2026)."""
    AHEAD = "ahead"
    """The first such day on or after it: a deadline."""
    NEAREST = "nearest"
    """The such day nearest to it, before or after (a tie goes ahead): the plan's date and a
    new period's start, which are written about now, for a period that may just have begun or be
    about to (read on 7 December, "1. januar" is next January, "1. desember" this one)."""


def full_year(year: int, near: date) -> int:
    """*year* as written: four digits as they are, two digits the year ending so that lies within
    :data:`CENTURY_WINDOW` years of *near* (in 2026: 99 is 1999, 00 is 2000, 27 is 2027)."""
    if year >= 100:
        return year
    found = near.year - near.year % 100 + year
    if found > near.year + CENTURY_WINDOW:
        found -= 100
    elif found < near.year - CENTURY_WINDOW:
        found += 100
    return found


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


def read_date(text: str, today: date, *, toward: Toward) -> date | None:
    """Return the date a leader typed into a date field, or None when it names none.

    Args:
        text: as typed: "6. desember 2026", "06.12.2026", "2026-12-06", "i dag", "yesterday".
        today: the day it is typed; "i går" is the day before.
        toward: where a date without a year ("6. desember", "15.03") falls from *today*: what the
            field is about, see :class:`Toward`.

    Never raises.
    """
    if len(text) > _MAX_TEXT:
        return None
    body = fold(text)
    try:
        if body in DAY_WORDS:
            return today + timedelta(days=DAY_WORDS[body])
        return calendar_date(body, today, toward=toward)
    except (ValueError, OverflowError):  # 31.02.2027; a day beyond year 9999
        return None


def calendar_date(body: str, anchor: date, *, toward: Toward) -> date | None:
    """The calendar date folded *body* names: 15.03.2027, 15.3.27, 2027-03-15, 15. mars 2027,
    March 15; None when it is no such date.

    Without a year, the such day *toward* says from *anchor*; a two-digit year, the one
    :func:`full_year` gives near *anchor*.

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
            return _date_toward(day, month, anchor, toward)
        return date(full_year(int(match["y"]), anchor), month, day)
    return None


def _date_toward(day: int, month: int, anchor: date, toward: Toward) -> date | None:
    """*day*.*month* in the year *toward* says from the anchor (29.02 looks for a leap year);
    None when no year near it has that day (31.04)."""
    found = []
    for year in range(anchor.year - _YEARS_AROUND, anchor.year + _YEARS_AROUND + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:  # 29.02 in a common year; 31.04 in every year; before year 1
            continue
    if toward is Toward.AHEAD:
        return min((d for d in found if d >= anchor), default=None)
    if toward is Toward.PAST:
        return max((d for d in found if d <= anchor), default=None)
    return min(found, key=lambda d: (abs((d - anchor).days), d < anchor))


def parse_date(text: str, near: date) -> date | None:
    """Return the date *text* names in a file's column (15.03.2027 or 2027-03-15), or None; a
    two-digit year ("15.03.27") is the one :func:`full_year` gives near *near*."""
    text = text.strip().rstrip(".")
    if match := _NORWEGIAN.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        year = full_year(year, near)
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
