"""Deadlines that name a day: a weekday ("neste tirsdag", "by Friday"), one every week ("hver
fredag", "every Friday"), and Easter ("innen påske", "by Easter"). Pure; the standard library only.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from lederplan.domain import deadline_words as words

_WEEKDAY = re.compile(r"(?:(?P<lead>[^\W\d_]+(?: eneste)?) )?(?P<day>[^\W\d_]+)")
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
    """The day folded *body* names: a weekday on or after the anchor ("fredag"), the first one
    after it ("neste tirsdag", "next Tuesday"), or Easter Sunday ("påske", "Easter 2027");
    None when it names none of them."""
    if match := _WEEKDAY.fullmatch(body):
        lead, name = match["lead"], match["day"]
        if name in words.WEEKDAYS and (lead is None or lead in words.NEXT_DAY):
            return weekday_from(anchor, words.WEEKDAYS[name], after=lead is not None)
    if (match := _EASTER.fullmatch(body)) and match["name"] in words.EASTER:
        if match["y"] is not None:
            return easter_sunday(int(match["y"]))
        for year in range(anchor.year, anchor.year + _YEARS_AHEAD):
            if (sunday := easter_sunday(year)) >= anchor:
                return sunday
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
