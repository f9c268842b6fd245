"""Reading deadlines as leaders write them: "Innen juni", "uke 10", "En gang i uken de neste tre
månedene" (DOMAIN.md section 8).

A phrase is read relative to its anchor, the day it was written, and to the plan's period. What
cannot be read is kept exactly as written (kind ``NONE``, shown as "no date yet"); nothing is ever
guessed. Where a phrase names a period (a month, quarter, ISO week or year), the deadline is the
period's last day, so "innen juni" and "by June" both mean 30 June.

Standard library only, and no work at import beyond compiling a few regexes: ``lederplan due``
runs at login and must start fast (a date library such as dateparser costs ~0.35 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from lederplan.domain import deadline_words as words
from lederplan.domain.dates import Toward, add_months, calendar_date, fold, month_end
from lederplan.domain.deadline_days import every_weekday, read_day, weekday_from

_ONE_DAY = timedelta(days=1)
_MAX_TEXT = 200
"""Longer text is no deadline phrase we know; refusing it early bounds the reader's work."""
_YEARS_AHEAD = 9
"""How far "uke 53" without a year may look: a year of 53 ISO weeks comes within 9 years."""


class DeadlineKind(StrEnum):
    """What a deadline turned out to be."""

    DATE = "date"
    ONGOING = "ongoing"
    RECURRING = "recurring"
    NONE = "none"


class Every(StrEnum):
    """How often a recurring action happens."""

    DAY = "day"
    WEEK = "week"
    TWO_WEEKS = "two_weeks"
    MONTH = "month"


@dataclass(frozen=True)
class Deadline:
    """A deadline as written, and what it means."""

    text: str
    """Exactly as written, also when it could not be read."""
    kind: DeadlineKind
    due: date | None
    """DATE: the due date; RECURRING: the first occurrence (the anchor); else None."""
    until: date | None
    """RECURRING: the last day it runs; ONGOING: the period's end; else None."""
    every: Every | None
    """RECURRING only."""
    before_plan: bool
    """A DATE before the plan's date: kept, and flagged (a plan copied from an old year)."""
    open_ended: bool = False
    """RECURRING without an end of its own ("Ukentlig"): ``until`` is the period's end."""

    @property
    def readable(self) -> bool:
        """Whether the text meant something; an unreadable one shows as "no date yet"."""
        return self.kind != DeadlineKind.NONE

    def next_due(self, today: date) -> date | None:
        """Return when this is next due on or after *today*.

        DATE: the due date (also when it has passed: overdue is for the caller to see).
        RECURRING: the next occurrence on or after *today*, None once it has stopped.
        ONGOING and NONE: None.
        """
        if self.kind == DeadlineKind.DATE:
            return self.due
        if self.kind != DeadlineKind.RECURRING or self.due is None or self.until is None:
            return None
        first = self.due
        try:
            if today <= first:
                found = first
            elif self.every == Every.MONTH:
                # Count from the first occurrence each time, so 31 January gives 29 February
                # and then 31 March, not a date that drifts to the 29th for ever.
                months = (today.year - first.year) * 12 + today.month - first.month
                found = add_months(first, months)
                if found < today:
                    found = add_months(first, months + 1)
            else:
                step = {Every.DAY: 1, Every.WEEK: 7, Every.TWO_WEEKS: 14}[Every(self.every)]
                found = first + timedelta(days=-(-(today - first).days // step) * step)
        except (ValueError, OverflowError):  # past year 9999: it has no next occurrence
            return None
        return found if found <= self.until else None

    def ended(self, today: date) -> bool:
        """Whether this is a recurring action whose last occurrence is behind *today*: it has a
        last date (:meth:`last_due`), not "no date yet"."""
        return self.kind == DeadlineKind.RECURRING and self.next_due(today) is None

    def last_due(self) -> date | None:
        """RECURRING: its last occurrence, on or before ``until`` ("hver fredag" until Monday
        28 December: Friday the 25th); else None."""
        if self.kind != DeadlineKind.RECURRING or self.due is None or self.until is None:
            return None
        first, until = self.due, self.until
        if until < first:
            return first  # an end written before its start: it happens once, as written
        if self.every == Every.MONTH:
            months = (until.year - first.year) * 12 + until.month - first.month
            found = add_months(first, months)
            return found if found <= until else add_months(first, months - 1)
        step = {Every.DAY: 1, Every.WEEK: 7, Every.TWO_WEEKS: 14}[Every(self.every)]
        return first + timedelta(days=(until - first).days // step * step)


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of *phrases*, longest first so "mars" wins over "mar"."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


# The text is folded (NFKC, case-folded, one space between words, no trailing full stop) before
# any of these run, so they use plain spaces and lower case and match the whole text. A word from
# a table (a month, a number, a unit) is matched as any word and looked up afterwards: regexes
# with every word spelt out took ~5 ms to compile, and `lederplan due` runs at login.
_YEAR = r"[0-9]{4}"
_WORD = r"[^\W\d_]+"
_MONTH = rf"(?P<month>{_WORD})\.?"
_NUM = rf"(?P<n>[0-9]{{1,4}}|{_WORD})"
_UNIT = rf"(?P<unit>{_WORD})\.?(?: tid)?"  # "6 mnd.", "om to ukers tid"
_LEAD = re.compile(rf"(?:{_alt(words.LEADS)}):? ")
_TRAIL = re.compile(r",? (?:senest|at the latest)$")

_SPAN = re.compile(
    r"(?:(?:om|in|over|for|i) )?(?:(?P<det>de|den|det|the) )?"
    rf"(?:(?P<next>neste|kommende|next|coming) )?(?:{_NUM} )?{_UNIT}"
)
_HALF_YEAR = re.compile(
    r"(?:(?:om|in|over|for|i) )?(?:(?:et|ett|a|an) )?(?:halvt år|halvår|half a year|half[- ]year)"
)
_PERIOD_PREFIX = re.compile(
    r"(?:(?:ved )?(?:utgangen|slutten) av|(?:at )?(?:the )?end of|i|in|ut|through) "
)
_MONTH_ONLY = re.compile(_MONTH)
_ISO_MONTH = re.compile(rf"(?P<y>{_YEAR})-(?P<mon>[0-9]{{1,2}})")
_QUARTER = re.compile(
    r"(?:q|kv\.?) ?(?P<a>[1-4])|(?P<b>[1-4])\. ?(?:kvartal|kv\.?)|(?:kvartal|quarter) (?P<c>[1-4])"
    r"|(?:the )?(?P<word>[^\W_]+) (?:kvartal|quarter)"
)
_WEEK = re.compile(r"(?:uke|u|week|wk|w)\.? ?(?:(?:nr|no)\.? ?)?(?P<week>[0-9]{1,2})")
_YEAR_AFTER = re.compile(rf"(?P<body>.+?)(?:,? | of | i | ?/ ?| ?- ?)(?P<y>{_YEAR})")
_YEAR_BEFORE = re.compile(rf"(?P<y>{_YEAR})(?: ?- ?| )?(?P<body>.+)")

_FREQUENCY = re.compile(
    "|".join(rf"(?P<{every}>{'|'.join(forms)})" for every, forms in words.FREQUENCIES.items())
)
_UNTIL = re.compile(rf"(?:{_alt(words.UNTIL_WORDS)}) (?P<rest>.+)")


def read_deadline(text: str, anchor: date, period_start: date, period_end: date) -> Deadline:
    """Read a deadline as written.

    Args:
        text: the deadline exactly as written; it is kept as it is in the result.
        anchor: the day it was written (A); "om tre uker" counts from it. Callers use the plan's
            date for deadlines without one (the demo, imported plans).
        period_start: the plan's date; a due date before it is flagged ``before_plan``.
        period_end: the end of the plan's period; ongoing actions, and recurring ones without an
            end of their own, run until it.

    Returns:
        The deadline; kind ``NONE`` when the text is no phrase this reader knows. Never raises.
    """
    unreadable = Deadline(text, DeadlineKind.NONE, None, None, None, False)
    if len(text) > _MAX_TEXT:
        return unreadable
    body = _fold(text)
    try:
        if body in words.ONGOING:
            return Deadline(text, DeadlineKind.ONGOING, None, period_end, None, False)
        if recurring := _read_recurring(body, anchor):
            every, until, weekday = recurring
            first, open_ended = anchor, until is None
            if until is None:
                # Without an end of its own it runs to the period's end, as the course's plan
                # does. Written after the period ended (an old plan typed in later), it runs
                # through that period from its start, not for one day: the period is what it is
                # planned for. An end that was written is kept as written, even one before the
                # start (a plan from an old year).
                until = period_end
                if anchor > period_end:
                    first = period_start
            if weekday is not None:
                first = weekday_from(first, weekday)  # "hver fredag": the first Friday
                if open_ended and first > until:  # written in the period's last days
                    until = first  # it happens at least once, as every recurrence does
            return Deadline(text, DeadlineKind.RECURRING, first, until, every, False, open_ended)
        due = _read_due(body, anchor)
    except (ValueError, OverflowError):
        # Only date arithmetic raises these: a day that does not exist (31.02.2027, week 53 of a
        # 52-week year) or one beyond year 9999. Neither is a date, so the text is not readable.
        return unreadable
    if due is None:
        return unreadable
    return Deadline(text, DeadlineKind.DATE, due, None, None, due < period_start)


def _fold(text: str) -> str:
    """Fold what does not matter: case, spacing, a trailing full stop, leading "innen"/"by"."""
    body = _TRAIL.sub("", fold(text))
    while lead := _LEAD.match(body):
        body = body[lead.end() :]
    return body


def _read_due(body: str, anchor: date) -> date | None:
    """The due date *body* names: at once, a span, a date or a period; None if none of them."""
    if body in words.AT_ONCE:
        return anchor + timedelta(days=words.AT_ONCE[body])
    return (
        _read_span(body, anchor)
        or calendar_date(body, anchor, toward=Toward.AHEAD)
        or read_day(body, anchor)
        or _read_period(body, anchor)
    )


def _read_span(body: str, anchor: date) -> date | None:
    """A span from the anchor: "innen 6 måneder", "om tre uker", "de neste tre månedene"."""
    if _HALF_YEAR.fullmatch(body):
        return add_months(anchor, 6)
    match = _SPAN.fullmatch(body)
    if match is None:
        return None
    unit, number = match["unit"], match["n"]
    if unit not in words.UNITS:
        return None
    if number is not None:
        if not number.isdigit() and number not in words.NUMBERS:
            return None  # "om noen uker": a few is no number
        count = int(number) if number.isdigit() else words.NUMBERS[number]
    elif match["det"] in ("den", "det", "the") and match["next"] and unit in words.SINGULAR_UNITS:
        count = 1  # "the next week", "den neste måneden": one of it
    else:
        return None  # "de neste ukene": how many is not said
    step, size = words.UNITS[unit]
    if step == words.DAYS:
        return anchor + timedelta(days=count * size)
    return add_months(anchor, count * size)


def _read_period(body: str, anchor: date) -> date | None:
    """The last day of a named period: juni, Q2, uke 10, 2027, this month, juni 2027, 2027-W10."""
    candidates = [body]
    if prefix := _PERIOD_PREFIX.match(body):  # "innen utgangen av juni", "in June"
        candidates.append(body[prefix.end() :])
    for candidate in candidates:
        if found := _period_end(candidate, anchor):
            return found
    return None


def _period_end(body: str, anchor: date) -> date | None:
    """The last day of the period *body* names, or None."""
    if body in words.CURRENT_PERIODS:
        period, ahead = words.CURRENT_PERIODS[body]
        return _current_period_end(period, ahead, anchor)
    if len(body) == 4 and body.isascii() and body.isdigit():
        return date(int(body), 12, 31)
    if match := _ISO_MONTH.fullmatch(body):
        return month_end(int(match["y"]), int(match["mon"]))
    if found := _period_body_end(body, None, anchor):
        return found
    for split in (_YEAR_AFTER, _YEAR_BEFORE):  # "juni 2027", "uke 10, 2027", "2027-W10"
        if (match := split.fullmatch(body)) and (
            found := _period_body_end(match["body"], int(match["y"]), anchor)
        ):
            return found
    return None


def _period_body_end(body: str, year: int | None, anchor: date) -> date | None:
    """The last day of a month, quarter or ISO week; without a year, the first to end >= anchor."""
    if (match := _MONTH_ONLY.fullmatch(body)) and match["month"] in words.MONTHS:
        last_month = words.MONTHS[match["month"]]
    elif (match := _QUARTER.fullmatch(body)) and (
        quarter := int(match["a"] or match["b"] or match["c"] or 0)
        or words.QUARTER_ORDINALS.get(match["word"], 0)
    ):
        last_month = 3 * quarter
    elif match := _WEEK.fullmatch(body):
        return _week_end(int(match["week"]), year, anchor)
    else:
        return None
    if year is None:
        # A month ends on or after the anchor exactly when it is the anchor's month or later.
        year = anchor.year if last_month >= anchor.month else anchor.year + 1
    return month_end(year, last_month)


def _week_end(week: int, year: int | None, anchor: date) -> date | None:
    """The Sunday of ISO *week*; without a year, of the first such week that ends >= anchor."""
    if year is not None:
        return date.fromisocalendar(year, week, 7)  # ValueError for week 53 of a 52-week year
    if not 1 <= week <= 53:
        return None
    # Start from the anchor's ISO year, not its calendar year: 30 December 2025 is in 2026-W01.
    iso_year = anchor.isocalendar().year
    for year_ in range(iso_year, iso_year + _YEARS_AHEAD):
        try:
            sunday = date.fromisocalendar(year_, week, 7)
        except ValueError:  # week 53 in a year of 52 weeks: try the next year
            continue
        if sunday >= anchor:
            return sunday
    return None


def _current_period_end(period: str, ahead: int, anchor: date) -> date:
    """The last day of the anchor's week/month/quarter/year, or of the one *ahead* after it."""
    if period == "week":
        return anchor + timedelta(days=7 - anchor.isoweekday() + 7 * ahead)
    if period == "year":
        return date(anchor.year + ahead, 12, 31)
    months = anchor.year * 12 + anchor.month - 1  # a month count that carries into the year
    if period == "quarter":
        months += 2 - (anchor.month - 1) % 3 + 3 * ahead
    else:
        months += ahead
    return month_end(months // 12, months % 12 + 1)


def _read_recurring(body: str, anchor: date) -> tuple[Every, date | None, int | None] | None:
    """How often and until when: "ukentlig", "once a week for the next three months".

    The frequency comes first or last ("de neste tre månedene, en gang i uken"), and the rest must
    say when it stops: a rest that does not ("ukentlig når det passer") makes the whole text
    unreadable, since reading the frequency alone would drop what the leader wrote.

    Returns (every, until, weekday): until None when the text gives no end, weekday the ISO
    weekday of "hver fredag" (else None); None when not recurring.
    """
    body = " ".join(body.replace(",", " ").split())
    spaces = [i for i, char in enumerate(body) if char == " "]
    # Frequency first, then its end: try every cut between words ("hver uke | de neste 3 ukene").
    for cut in [*spaces, len(body)]:
        if how_often := _frequency(body[:cut]):
            if cut == len(body):
                return how_often[0], None, how_often[1]
            if until := _read_until(body[cut + 1 :], anchor):
                return how_often[0], until, how_often[1]
    # Its end first, then the frequency.
    for cut in spaces:
        if (how_often := _frequency(body[cut + 1 :])) and (
            until := _read_until(body[:cut], anchor)
        ):
            return how_often[0], until, how_often[1]
    return None


def _frequency(text: str) -> tuple[Every, int | None] | None:
    """How often *text* says: ("ukentlig" -> every week; "hver fredag" -> every week, on Friday)."""
    if match := _FREQUENCY.fullmatch(text):
        return next(Every(e) for e in words.FREQUENCIES if match[e] is not None), None
    if (weekday := every_weekday(text)) is not None:
        return Every.WEEK, weekday
    return None


def _read_until(tail: str, anchor: date) -> date | None:
    """The end of a recurring action: "de neste 3 ukene", "for two months", "frem til juni"."""
    if found := _read_span(tail, anchor):
        return found
    if match := _UNTIL.fullmatch(tail):
        rest = match["rest"]
        return (
            calendar_date(rest, anchor, toward=Toward.AHEAD)
            or read_day(rest, anchor)
            or _read_period(rest, anchor)
            or _read_span(rest, anchor)
        )
    return None
