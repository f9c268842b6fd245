"""Dates: reading one typed into a field (15.03.2027, 15.3.27, 2027-03-15), and whole months."""

from __future__ import annotations

import re
from datetime import date, timedelta

_NORWEGIAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str) -> date | None:
    """Return the date *text* names, or None when it is not a valid date in either form."""
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
