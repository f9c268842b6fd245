"""Reading a date typed into a field: 15.03.2027, 15.3.27, 2027-03-15."""

from __future__ import annotations

import re
from datetime import date

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
