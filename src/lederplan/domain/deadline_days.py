"""Deadlines that name a day: a weekday ("førstkommende tirsdag", "by Friday"), one every week
("hver fredag", "every Friday"), and Easter ("innen påske", "by Easter", "2. påskedag"). Pure; the
standard library only.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from lederplan.domain import deadline_words as words

_WEEKDAY = re.compile(r"(?:(?P<lead>[^\W\d_]+(?: eneste)?) )?(?P<day>[^\W\d_]+)")
_NEXT_WEEKS = re.compile(r"(?:(?:på|on) )?(?P<day>[^\W\d_]+),? (?:i |in )?(?:neste uke|next week)")
_EASTER = re.compile(r"(?P<name>.+?)(?:,? (?:i |in )?(?P<y>[0-9]{4}))?")
_YEARS_AHEAD = 2
"""Easter of the anchor's year has passed: the next is next year's."""


def easter_sunday(year: int) -> date:
    """Easter Sunday of *year* in the Gregorian calendar (the anonymous Gregorian algorithm,
    also known as Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def read_day(body: str, anchor: date) -> date | None:
    """The day folded *body* names: a weekday on or after the anchor ("fredag", "på fredag"),
    the first one after it ("førstkommende tirsdag", "coming Tuesday"), "neste tirsdag" / "next
    Tuesday" where that can mean one day only (see :data:`words.AMBIGUOUS_NEXT`), the weekday of
    next week ("fredag neste uke", "Friday next week"), or Easter Sunday or Monday ("påske",
    "2. påskedag", "Easter 2027"); None when it names none of them."""
    if match := _WEEKDAY.fullmatch(body):
        lead, name = match["lead"], match["day"]
        if name in words.WEEKDAYS:
            weekday = words.WEEKDAYS[name]
            if lead is None or lead in words.ON_DAY:
                return weekday_from(anchor, weekday)
            if lead in words.NEXT_DAY:
                return weekday_from(anchor, weekday, after=True)
            if lead in words.AMBIGUOUS_NEXT and anchor.isoweekday() >= weekday:
                return weekday_from(anchor, weekday, after=True)  # = next week's: one day
    if (match := _NEXT_WEEKS.fullmatch(body)) and match["day"] in words.WEEKDAYS:
        monday = anchor + timedelta(days=8 - anchor.isoweekday())
        return monday + timedelta(days=words.WEEKDAYS[match["day"]] - 1)
    if (match := _EASTER.fullmatch(body)) and match["name"] in words.EASTER:
        after = timedelta(days=words.EASTER[match["name"]])
        if match["y"] is not None:
            return easter_sunday(int(match["y"])) + after
        for year in range(anchor.year, anchor.year + _YEARS_AHEAD):
            if (day := easter_sunday(year) + after) >= anchor:
                return day
    return None


def every_weekday(text: str) -> int | None:
    """The ISO weekday of a weekly phrase ("hver fredag", "every Friday", "på fredager"), or
    None."""
    match = _WEEKDAY.fullmatch(text)
    if match is None or match["lead"] is None:
        return None
    lead, name = match["lead"], match["day"]
    if lead in words.EVERY_DAY and name in words.WEEKDAYS:
        return words.WEEKDAYS[name]
    if lead in words.ON_DAYS | words.EVERY_DAY and name in words.WEEKDAY_PLURALS:
        return words.WEEKDAY_PLURALS[name]
    return None


def weekday_from(anchor: date, weekday: int, *, after: bool = False) -> date:
    """The first ISO *weekday* on or after *anchor* (strictly after it with *after*)."""
    ahead = (weekday - anchor.isoweekday()) % 7
    if after and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)
