"""Reading deadlines as written (DOMAIN.md section 8; issue 5, part 1), table-driven."""

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lederplan.domain.deadlines import Deadline, DeadlineKind, Every, read_deadline

Expected = tuple[DeadlineKind, date | None, date | None, Every | None, bool]


def on(due: date) -> Expected:
    """A due date on or after the plan's date."""
    return (DeadlineKind.DATE, due, None, None, False)


def old(due: date) -> Expected:
    """A due date before the plan's date: kept, and flagged."""
    return (DeadlineKind.DATE, due, None, None, True)


def ongoing(until: date) -> Expected:
    return (DeadlineKind.ONGOING, None, until, None, False)


def every(first: date, how_often: Every, until: date) -> Expected:
    return (DeadlineKind.RECURRING, first, until, how_often, False)


NONE: Expected = (DeadlineKind.NONE, None, None, None, False)

# Plans as (plan date, period end); the period is a year unless a test says otherwise.
DEMO = (date(2020, 1, 6), date(2021, 1, 6))
"""The course's example: its plan date is the anchor of every deadline in it."""
P26 = (date(2026, 3, 2), date(2027, 3, 2))
P26_JAN = (date(2026, 1, 5), date(2027, 1, 5))
P27_JAN = (date(2027, 1, 4), date(2028, 1, 4))
P25_DEC = (date(2025, 12, 29), date(2026, 12, 29))

D = DEMO[0]
A = date(2026, 3, 10)  # a Tuesday in ISO week 11 of 2026, written a week after the plan's date
NOV = date(2026, 11, 20)  # late in the year: months and quarters wrap to the next one
W53 = date(2026, 12, 28)  # Monday of 2026-W53 (2026 has 53 ISO weeks)
W52 = date(2027, 12, 29)  # Wednesday of 2027-W52 (2027 has 52)
W01 = date(2025, 12, 30)  # Tuesday of 2026-W01: the ISO year starts before the calendar year

CASES: list[tuple[str, date, tuple[date, date], Expected]] = [
    # The course's deadlines (nb), written on the demo's plan date.
    ("Med en gang", D, DEMO, on(D)),
    ("Innen juni", D, DEMO, on(date(2020, 6, 30))),
    ("Innen mars", D, DEMO, on(date(2020, 3, 31))),
    ("Innen uke 10", D, DEMO, on(date(2020, 3, 8))),
    ("Innen uke 12", D, DEMO, on(date(2020, 3, 22))),
    ("Innen uke 15", D, DEMO, on(date(2020, 4, 12))),
    ("Løpende", D, DEMO, ongoing(DEMO[1])),
    ("En gang i uken de neste tre månedene", D, DEMO, every(D, Every.WEEK, date(2020, 4, 6))),
    ("innen 6 måneder", D, DEMO, on(date(2020, 7, 6))),
    ("Innen dato X", D, DEMO, NONE),
    ("i løpet av 2020", D, DEMO, on(date(2020, 12, 31))),
    ("de neste tre månedene", D, DEMO, on(date(2020, 4, 6))),
    ("neste avdelingsmøte", D, DEMO, NONE),
    ("innen jul", D, DEMO, NONE),  # Christmas in nb, not July: never guessed
    ("til sommeren", D, DEMO, NONE),
    # ... and in English, as the demo has them.
    ("At once", D, DEMO, on(D)),
    ("By June", D, DEMO, on(date(2020, 6, 30))),
    ("By March", D, DEMO, on(date(2020, 3, 31))),
    ("By week 10", D, DEMO, on(date(2020, 3, 8))),
    ("By week 15", D, DEMO, on(date(2020, 4, 12))),
    ("Ongoing", D, DEMO, ongoing(DEMO[1])),
    ("By date X", D, DEMO, NONE),
    ("Once a week for the next three months", D, DEMO, every(D, Every.WEEK, date(2020, 4, 6))),
    ("Within 6 months", D, DEMO, on(date(2020, 7, 6))),
    ("During 2020", D, DEMO, on(date(2020, 12, 31))),
    ("Over the next three months", D, DEMO, on(date(2020, 4, 6))),
    # Case, spacing and a trailing full stop do not matter.
    ("  INNEN   JUNI. ", D, DEMO, on(date(2020, 6, 30))),
    ("Innen Uke 10.", D, DEMO, on(date(2020, 3, 8))),
    ("MED EN GANG", D, DEMO, on(D)),
    ("innen 6 mnd.", D, DEMO, on(date(2020, 7, 6))),
    ("om to ukers tid", D, DEMO, on(date(2020, 1, 20))),
    # At once.
    ("straks", A, P26, on(A)),
    ("umiddelbart", A, P26, on(A)),
    ("snarest", A, P26, on(A)),
    ("immediately", A, P26, on(A)),
    ("asap", A, P26, on(A)),
    ("now", A, P26, on(A)),
    # Months and quarters: the first to end on or after the anchor, and its last day.
    ("innen februar", A, P26, on(date(2027, 2, 28))),
    ("innen mars", A, P26, on(date(2026, 3, 31))),
    ("by Q1", A, P26, on(date(2026, 3, 31))),  # the quarter the anchor is in
    ("innen 4. kvartal 2025", A, P26, old(date(2025, 12, 31))),
    ("innen 2. kvartal", A, P26, on(date(2026, 6, 30))),
    ("by Q2", A, P26, on(date(2026, 6, 30))),
    ("andre kvartal 2027", A, P26, on(date(2027, 6, 30))),
    ("Q4 2026", A, P26, on(date(2026, 12, 31))),
    ("2027-Q1", A, P26, on(date(2027, 3, 31))),
    ("the third quarter", A, P26, on(date(2026, 9, 30))),
    ("juni 2027", A, P26, on(date(2027, 6, 30))),
    ("by sept", A, P26, on(date(2026, 9, 30))),
    ("innen des.", A, P26, on(date(2026, 12, 31))),
    # ISO weeks: the Sunday of the first such week that ends on or after the anchor.
    ("uke 10", A, P26, on(date(2027, 3, 14))),  # 2026-W10 ended on 8 March
    ("u11", A, P26, on(date(2026, 3, 15))),
    ("w11", A, P26, on(date(2026, 3, 15))),
    ("by week 12", A, P26, on(date(2026, 3, 22))),
    ("uke 53", A, P26, on(date(2027, 1, 3))),
    ("2026-W53", A, P26, on(date(2027, 1, 3))),
    ("2027-W10", A, P26, on(date(2027, 3, 14))),
    ("uke 10, 2027", A, P26, on(date(2027, 3, 14))),
    ("week 10 of 2027", A, P26, on(date(2027, 3, 14))),
    ("2027-W53", A, P26, NONE),  # 2027 has 52 ISO weeks
    ("uke 54", A, P26, NONE),
    ("uke 0", A, P26, NONE),
    # Dates, with and without a year.
    ("15.03.2027", A, P26, on(date(2027, 3, 15))),
    ("15.3.27", A, P26, on(date(2027, 3, 15))),
    ("2027-03-15", A, P26, on(date(2027, 3, 15))),
    ("15. mars 2027", A, P26, on(date(2027, 3, 15))),
    ("15 March 2027", A, P26, on(date(2027, 3, 15))),
    ("March 15, 2027", A, P26, on(date(2027, 3, 15))),
    ("innen dato 15.03.2027", A, P26, on(date(2027, 3, 15))),
    ("15.03", A, P26, on(date(2026, 3, 15))),
    ("9.03", A, P26, on(date(2027, 3, 9))),
    ("10.03", A, P26, on(A)),
    ("15. mars", A, P26, on(date(2026, 3, 15))),
    ("March 15", A, P26, on(date(2026, 3, 15))),
    ("by the 1st of April", A, P26, on(date(2026, 4, 1))),
    ("29.02", A, P26, on(date(2028, 2, 29))),
    ("31.02.2027", A, P26, NONE),
    ("31.04", A, P26, NONE),
    ("15/03/2027", A, P26, NONE),  # day/month or month/day: not guessed
    ("juni 27", A, P26, NONE),  # 27 June or June 2027: not guessed
    # Spans from the anchor.
    ("om tre uker", A, P26, on(date(2026, 3, 31))),
    ("in three weeks", A, P26, on(date(2026, 3, 31))),
    ("innen 14 dager", A, P26, on(date(2026, 3, 24))),
    ("within a fortnight", A, P26, on(date(2026, 3, 24))),
    ("innen et halvt år", A, P26, on(date(2026, 9, 10))),
    ("within half a year", A, P26, on(date(2026, 9, 10))),
    ("innen ett år", A, P26, on(date(2027, 3, 10))),
    ("within twelve months", A, P26, on(date(2027, 3, 10))),
    ("innen tolv uker", A, P26, on(date(2026, 6, 2))),
    ("om en måned", A, P26, on(date(2026, 4, 10))),
    ("the next week", A, P26, on(date(2026, 3, 17))),
    ("innen en måned", date(2026, 1, 31), P26_JAN, on(date(2026, 2, 28))),
    ("within 1 month", date(2028, 1, 31), P27_JAN, on(date(2028, 2, 29))),
    ("innen 3 måneder", date(2026, 11, 30), P26_JAN, on(date(2027, 2, 28))),
    # Years and named periods around the anchor.
    ("i løpet av 2027", A, P26, on(date(2027, 12, 31))),
    ("during 2027", A, P26, on(date(2027, 12, 31))),
    ("innen utgangen av året", A, P26, on(date(2026, 12, 31))),
    ("by the end of the year", A, P26, on(date(2026, 12, 31))),
    ("innen utgangen av juni", A, P26, on(date(2026, 6, 30))),
    ("by the end of next month", A, P26, on(date(2026, 4, 30))),
    ("innen neste uke", A, P26, on(date(2026, 3, 22))),
    ("this week", A, P26, on(date(2026, 3, 15))),
    ("ut året", A, P26, on(date(2026, 12, 31))),
    ("innen 2027", A, P26, on(date(2027, 12, 31))),  # a named period: its last day
    ("kv2", A, P26, on(date(2026, 6, 30))),
    ("2027-06", A, P26, on(date(2027, 6, 30))),
    ("Frist: 15.03", A, P26, on(date(2026, 3, 15))),
    ("1. mai senest", A, P26, on(date(2026, 5, 1))),
    ("i morgen", A, P26, on(date(2026, 3, 11))),
    # Ongoing.
    ("fortløpende", A, P26, ongoing(P26[1])),
    ("kontinuerlig", A, P26, ongoing(P26[1])),
    ("continuous", A, P26, ongoing(P26[1])),
    # Recurring: until the end it names, or else the end of the plan's period.
    ("ukentlig", A, P26, every(A, Every.WEEK, P26[1])),
    ("hver uke", A, P26, every(A, Every.WEEK, P26[1])),
    ("en gang i uka", A, P26, every(A, Every.WEEK, P26[1])),
    ("once a week", A, P26, every(A, Every.WEEK, P26[1])),
    ("annenhver uke", A, P26, every(A, Every.TWO_WEEKS, P26[1])),
    ("every other week", A, P26, every(A, Every.TWO_WEEKS, P26[1])),
    ("hver måned", A, P26, every(A, Every.MONTH, P26[1])),
    ("monthly", A, P26, every(A, Every.MONTH, P26[1])),
    ("daglig", A, P26, every(A, Every.DAY, P26[1])),
    ("månedlig de neste 6 månedene", A, P26, every(A, Every.MONTH, date(2026, 9, 10))),
    ("daily for the next two weeks", A, P26, every(A, Every.DAY, date(2026, 3, 24))),
    ("weekly for the next 3 months", A, P26, every(A, Every.WEEK, date(2026, 6, 10))),
    ("hver uke de neste fire ukene", A, P26, every(A, Every.WEEK, date(2026, 4, 7))),
    ("de neste tre månedene, en gang i uken", A, P26, every(A, Every.WEEK, date(2026, 6, 10))),
    ("weekly until June", A, P26, every(A, Every.WEEK, date(2026, 6, 30))),
    ("ukentlig frem til 1. mai", A, P26, every(A, Every.WEEK, date(2026, 5, 1))),
    ("ukentlig i tre måneder", A, P26, every(A, Every.WEEK, date(2026, 6, 10))),
    ("hver uke t.o.m. uke 20", A, P26, every(A, Every.WEEK, date(2026, 5, 17))),
    ("ukentlig når det passer", A, P26, NONE),
    ("biweekly", A, P26, NONE),  # twice a week or every other week: not guessed
    ("to ganger i uken", A, P26, NONE),
    # Not readable: kept as written, never guessed.
    ("innen fredag", A, P26, on(date(2026, 3, 13))),  # a weekday: test_deadline_days.py
    ("om noen uker", A, P26, NONE),
    ("de neste ukene", A, P26, NONE),
    ("", A, P26, NONE),
    # Written in November: months, quarters and dates wrap into the next year.
    ("innen mars", NOV, P26_JAN, on(date(2027, 3, 31))),
    ("by March", NOV, P26_JAN, on(date(2027, 3, 31))),
    ("innen juni", NOV, P26_JAN, on(date(2027, 6, 30))),
    ("innen desember", NOV, P26_JAN, on(date(2026, 12, 31))),
    ("innen 1. kvartal", NOV, P26_JAN, on(date(2027, 3, 31))),
    ("by Q3", NOV, P26_JAN, on(date(2027, 9, 30))),
    ("once a fortnight", NOV, P26_JAN, every(NOV, Every.TWO_WEEKS, P26_JAN[1])),
    ("uke 1", NOV, P26_JAN, on(date(2027, 1, 10))),
    ("15.01", NOV, P26_JAN, on(date(2027, 1, 15))),
    ("innen 3 måneder", NOV, P26_JAN, on(date(2027, 2, 20))),
    ("ukentlig", NOV, P26_JAN, every(NOV, Every.WEEK, P26_JAN[1])),
    # ISO weeks 52, 53 and 1 around the turn of the year.
    ("uke 1", W53, P26_JAN, on(date(2027, 1, 10))),
    ("uke 53", W53, P26_JAN, on(date(2027, 1, 3))),
    ("uke 52", W53, P26_JAN, on(date(2028, 1, 2))),  # 2026-W52 ended the day before
    ("uke 52", W52, P27_JAN, on(date(2028, 1, 2))),
    ("week 1", W52, P27_JAN, on(date(2028, 1, 9))),
    ("uke 53", W52, P27_JAN, on(date(2033, 1, 2))),  # the next ISO year with 53 weeks is 2032
    ("uke 1", W01, P25_DEC, on(date(2026, 1, 4))),
    ("week 1", W01, P25_DEC, on(date(2026, 1, 4))),
    ("by week 52", W01, P25_DEC, on(date(2026, 12, 27))),
    # A plan copied from an old year: the date is kept, and flagged.
    ("15.03.2019", D, DEMO, old(date(2019, 3, 15))),
    ("innen juni 2019", D, DEMO, old(date(2019, 6, 30))),
    ("i løpet av 2019", D, DEMO, old(date(2019, 12, 31))),
    ("2019-W10", D, DEMO, old(date(2019, 3, 10))),
    ("med en gang", date(2019, 12, 1), DEMO, old(date(2019, 12, 1))),
]


def _read(text: str, anchor: date, plan: tuple[date, date]) -> Deadline:
    return read_deadline(text, anchor, plan[0], plan[1])


def _result(deadline: Deadline) -> Expected:
    return (deadline.kind, deadline.due, deadline.until, deadline.every, deadline.before_plan)


@pytest.mark.parametrize(
    ("text", "anchor", "plan", "expected"),
    CASES,
    ids=[f"{text or '(empty)'}@{anchor}" for text, anchor, _, _ in CASES],
)
def test_read_deadline_table(
    text: str, anchor: date, plan: tuple[date, date], expected: Expected
) -> None:
    deadline = _read(text, anchor, plan)
    assert _result(deadline) == expected
    assert deadline.text == text
    assert deadline.readable == (expected[0] != DeadlineKind.NONE)


def test_table_is_large_and_covers_both_languages_and_every_kind() -> None:
    assert len(CASES) >= 80
    assert {expected[0] for *_, expected in CASES} == set(DeadlineKind)
    assert {expected[3] for *_, expected in CASES} >= set(Every)


READABLE = [(text, anchor, plan, exp) for text, anchor, plan, exp in CASES if exp != NONE]


@pytest.mark.parametrize(("text", "anchor", "plan", "expected"), READABLE)
@pytest.mark.parametrize("lead", ["innen ", "by ", "within ", "Innen "])
def test_any_phrase_may_be_preceded_by_innen_by_within(
    lead: str, text: str, anchor: date, plan: tuple[date, date], expected: Expected
) -> None:
    assert _result(_read(lead + text, anchor, plan)) == expected


@pytest.mark.parametrize(("text", "anchor", "plan", "expected"), READABLE)
def test_case_spacing_and_a_full_stop_do_not_matter(
    text: str, anchor: date, plan: tuple[date, date], expected: Expected
) -> None:
    for variant in (text.upper(), text.lower(), f"  {text.replace(' ', '   ')}.  ", text + "."):
        assert _result(_read(variant, anchor, plan)) == expected, variant


def test_decomposed_letters_and_no_break_spaces_read_like_typed_ones() -> None:
    decomposed = "innen 6 ma\u030aneder"  # "å" as "a" plus a combining ring, as a Mac types it
    assert _read(decomposed, D, DEMO).due == date(2020, 7, 6)
    assert _read("innen\u00a0juni", D, DEMO).due == date(2020, 6, 30)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("15.03.2020", date(2020, 1, 1), date(2020, 3, 15)),
        ("15.03.2020", date(2020, 6, 1), date(2020, 3, 15)),  # overdue: still its date
        ("ukentlig", date(2019, 12, 1), D),
        ("ukentlig", D, D),
        ("ukentlig", date(2020, 1, 7), date(2020, 1, 13)),
        ("ukentlig", date(2020, 1, 13), date(2020, 1, 13)),
        ("annenhver uke", date(2020, 1, 7), date(2020, 1, 20)),
        ("daglig", date(2020, 5, 5), date(2020, 5, 5)),
        ("hver måned", date(2020, 2, 7), date(2020, 3, 6)),
        ("hver måned", date(2020, 2, 6), date(2020, 2, 6)),
        ("En gang i uken de neste tre månedene", date(2020, 4, 6), date(2020, 4, 6)),
        ("En gang i uken de neste tre månedene", date(2020, 4, 7), None),  # it has stopped
        ("ukentlig", date(2021, 1, 7), None),  # after the period's end
        ("Løpende", D, None),
        ("Innen dato X", D, None),
    ],
)
def test_next_due(text: str, today: date, expected: date | None) -> None:
    assert _read(text, D, DEMO).next_due(today) == expected


def test_monthly_occurrences_count_from_the_first_and_clamp() -> None:
    start = date(2026, 1, 31)
    deadline = read_deadline("monthly", start, start, date(2027, 1, 31))
    assert deadline.next_due(date(2026, 2, 1)) == date(2026, 2, 28)
    assert deadline.next_due(date(2026, 3, 1)) == date(2026, 3, 31)  # not the 28th for ever


def test_recurring_written_after_the_period_runs_through_the_period() -> None:
    # An old plan typed in later: its weekly action is planned for that period, not for one day.
    late = date(2021, 3, 1)
    deadline = read_deadline("ukentlig", late, *DEMO)
    assert (deadline.due, deadline.until) == DEMO
    assert deadline.open_ended
    assert deadline.next_due(date(2020, 1, 7)) == date(2020, 1, 13)
    assert deadline.next_due(late) is None  # the period has ended


def test_deadline_is_frozen_and_compares_by_value() -> None:
    first = _read("Innen juni", D, DEMO)
    assert first == _read("Innen juni", D, DEMO)
    with pytest.raises(AttributeError):
        first.due = D  # type: ignore[misc]


# Words and numbers the reader knows, so generated text reaches deep into its grammar.
_WORDS = (
    "innen by within om in i løpet av during de the neste next den utgangen end of til until "
    "juni mars june march des. q2 2. kvartal uke u w week 10 53 1 52 2027 2026 0 99 9999 "
    "15.03 15.3.27 2027-03-15 2027-w53 29.02 31.02 15. 15th tre three et halvt år half a "
    "year uker weeks måneder months dager days ukentlig weekly daglig hver måned en gang "
    "once every other annenhver løpende ongoing med straks now , . - / året mnd"
)
VOCABULARY = _WORDS.split()


@settings(deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=80),
        st.lists(st.sampled_from(VOCABULARY), max_size=7).map(" ".join),
    ),
    anchor=st.dates(),
    start=st.dates(),
    end=st.dates(),
    today=st.dates(),
)
def test_reading_never_raises_and_keeps_the_text(
    text: str, anchor: date, start: date, end: date, today: date
) -> None:
    deadline = read_deadline(text, anchor, start, end)
    assert deadline.text == text
    assert deadline.readable == (deadline.kind != DeadlineKind.NONE)
    if deadline.kind == DeadlineKind.NONE:
        assert (deadline.due, deadline.until, deadline.every) == (None, None, None)
    elif deadline.kind == DeadlineKind.DATE:
        assert deadline.due is not None and deadline.until is None and deadline.every is None
        assert deadline.before_plan == (deadline.due < start)
    elif deadline.kind == DeadlineKind.ONGOING:
        assert (deadline.due, deadline.until, deadline.every) == (None, end, None)
    else:
        # From the day written ("hver fredag": its first Friday); open-ended, to the period's
        # end, through the whole period when written after it ended.
        first = start if deadline.open_ended and anchor > end else anchor
        assert deadline.due is not None and 0 <= (deadline.due - first).days < 7
        assert deadline.until is not None and deadline.every
        assert deadline.until == end or not deadline.open_ended
    if deadline.kind != DeadlineKind.DATE:
        assert not deadline.before_plan
    deadline.next_due(today)  # never raises either, even at the ends of the calendar


@given(st.text(max_size=120))
def test_unreadable_text_round_trips_unchanged(tail: str) -> None:
    text = "neste avdelingsmøte " + tail
    deadline = read_deadline(text, D, *DEMO)
    assert deadline.text == text
    assert deadline.kind == DeadlineKind.NONE
    assert deadline.due is None and deadline.until is None and deadline.next_due(D) is None


def test_very_long_text_is_not_read_but_kept() -> None:
    text = "innen juni " + "x" * 1000
    deadline = _read(text, D, DEMO)
    assert (deadline.kind, deadline.text) == (DeadlineKind.NONE, text)


def test_imports_only_the_standard_library() -> None:
    probe = (
        "import sys\nbefore = set(sys.modules)\nimport lederplan.domain.deadlines\n"
        "new = set(sys.modules) - before\n"
        "print(' '.join(sorted(m for m in new if m.split('.')[0] not in sys.stdlib_module_names"
        " and not m.startswith('lederplan'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == []
