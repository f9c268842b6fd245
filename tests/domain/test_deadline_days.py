"""Deadlines that name a day (issue 13): "neste tirsdag", "hver fredag", "innen påske", in nb and
en, table-driven; Easter against known years; and an open-ended recurrence runs to the period's
end."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lederplan.domain.deadline_days import easter_sunday
from lederplan.domain.deadlines import DeadlineKind, Every, read_deadline
from lederplan.domain.models import Goal
from lederplan.domain.smarte_facts import gather

PLAN = (date(2026, 12, 7), date(2027, 12, 7))
"""A plan dated Monday 7 December 2026, its period a year."""
MON = date(2026, 12, 7)
TUE = date(2026, 12, 8)
FRI = date(2026, 12, 11)

SAT = date(2026, 12, 12)
SUN = date(2026, 12, 13)
NEXT_FRI = date(2026, 12, 18)

DATED: list[tuple[str, date, date]] = [
    # (as written, the day written, the due date)
    # "neste"/"next" + a weekday, where both its readings (the first after the day written, and
    # that weekday of next week) are one day: written on that weekday or later in the week.
    ("Neste tirsdag", TUE, date(2026, 12, 15)),
    ("next tuesday", TUE, date(2026, 12, 15)),
    ("innen neste fredag", FRI, NEXT_FRI),
    ("by next Friday", SAT, NEXT_FRI),
    ("neste søndag", SUN, date(2026, 12, 20)),
    ("next Sunday", SUN, date(2026, 12, 20)),
    ("neste mandag", SUN, date(2026, 12, 14)),
    ("next Monday", SUN, date(2026, 12, 14)),
    # The unambiguous forms: the first one after the day written, or that day of next week.
    ("førstkommende fredag", MON, FRI),
    ("coming Friday", MON, FRI),
    ("kommende mandag", MON, date(2026, 12, 14)),
    ("by coming Monday", MON, date(2026, 12, 14)),
    ("fredag neste uke", MON, NEXT_FRI),
    ("Friday next week", MON, NEXT_FRI),
    ("innen fredag i neste uke", FRI, NEXT_FRI),
    ("by Friday next week", FRI, NEXT_FRI),
    ("innen fredag", MON, FRI),
    ("by Friday", MON, FRI),
    ("innen fredag", FRI, FRI),  # a weekday alone may be that very day
    ("by friday", FRI, FRI),
    ("på fredag", MON, FRI),
    ("on Friday", MON, FRI),
    # A short weekday name, as the whole cell or after "innen"/"på"/"by"/"on".
    ("tor", MON, date(2026, 12, 10)),
    ("Tor", MON, date(2026, 12, 10)),
    ("innen fre", MON, FRI),
    ("på fre", MON, FRI),
    ("Fri", MON, FRI),
    ("by Sat", MON, SAT),
    ("on Thu", MON, date(2026, 12, 10)),
    # Easter: Sunday, unless Monday is said.
    ("innen påske", MON, date(2027, 3, 28)),
    ("by Easter", MON, date(2027, 3, 28)),
    ("Innen påske", date(2027, 3, 28), date(2027, 3, 28)),  # Easter Sunday itself
    ("by easter", date(2027, 3, 29), date(2028, 4, 16)),
    ("innen påsken", date(2027, 3, 29), date(2028, 4, 16)),  # this year's has passed
    ("innen påske 2027", MON, date(2027, 3, 28)),
    ("by Easter 2028", MON, date(2028, 4, 16)),
    ("innen første påskedag", MON, date(2027, 3, 28)),
    ("1. påskedag", MON, date(2027, 3, 28)),
    ("påskedag", MON, date(2027, 3, 28)),  # the almanac's name for the Sunday
    ("by Easter Sunday", MON, date(2027, 3, 28)),
    ("Easter Day", MON, date(2027, 3, 28)),
    ("innen 2. påskedag", MON, date(2027, 3, 29)),
    ("andre påskedag", MON, date(2027, 3, 29)),
    ("2. påskedag 2028", MON, date(2028, 4, 17)),
    ("by Easter Monday", MON, date(2027, 3, 29)),
    ("Easter Monday 2028", MON, date(2028, 4, 17)),
    ("2. påskedag", date(2027, 3, 29), date(2027, 3, 29)),  # written on it
    ("Easter Monday", date(2027, 3, 30), date(2028, 4, 17)),  # the day after: next year's
]

RECURRING: list[tuple[str, date, date, date]] = [
    # (as written, the day written, the first occurrence, the last day it runs)
    ("hver fredag", MON, FRI, PLAN[1]),
    ("every Friday", MON, FRI, PLAN[1]),
    ("Hver fredag", FRI, FRI, PLAN[1]),
    ("each Friday", FRI, FRI, PLAN[1]),
    ("på fredager", MON, FRI, PLAN[1]),
    ("on Fridays", MON, FRI, PLAN[1]),
    ("hver tirsdag de neste tre månedene", MON, TUE, date(2027, 3, 7)),
    ("every Tuesday for the next three months", MON, TUE, date(2027, 3, 7)),
    ("hver fredag frem til juni", MON, FRI, date(2027, 6, 30)),
    ("every Friday until June", MON, FRI, date(2027, 6, 30)),
]

NOT_READ = [
    # Never guessed: no rule says which day these are.
    "neste tirsdag",  # written on a Monday: tomorrow, or Tuesday next week?
    "next Tuesday",
    "innen neste fredag",
    "by next Friday",
    "neste søndag",
    "next Sunday",
    "Møte med Tor",  # a name, not Thursday
    "Meeting with Sat team",
    "tor eller fre",
    "innen sommerferien",
    "by the summer holidays",
    "før sommerferien",
    "innen jul",
    "hver",
    "neste",
    "neste tirsdag eller onsdag",
    "next Tuesday or so",
    "every other Friday",
    "annenhver fredag",
    "innen man vet det",
    "neste påske",
]


@pytest.mark.parametrize(("text", "written", "due"), DATED, ids=[r[0] for r in DATED])
def test_days_are_read(text: str, written: date, due: date) -> None:
    deadline = read_deadline(text, written, *PLAN)
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, due)


@pytest.mark.parametrize(("text", "written", "first", "until"), RECURRING)
def test_weekdays_recur_every_week(text: str, written: date, first: date, until: date) -> None:
    deadline = read_deadline(text, written, *PLAN)
    assert (deadline.kind, deadline.every) == (DeadlineKind.RECURRING, Every.WEEK)
    assert (deadline.due, deadline.until) == (first, until)
    assert deadline.next_due(first + date.resolution) == first + 7 * date.resolution


@pytest.mark.parametrize("text", NOT_READ)
def test_what_names_no_day_stays_unread(text: str) -> None:
    deadline = read_deadline(text, MON, *PLAN)
    assert deadline.kind is DeadlineKind.NONE
    assert deadline.text == text


def test_both_languages_have_each_kind() -> None:
    texts = [row[0].lower() for row in [*DATED, *RECURRING]]
    for nb, en in [
        ("neste tirsdag", "next tuesday"),
        ("førstkommende", "coming"),
        ("neste uke", "next week"),
        ("hver fredag", "every friday"),
        ("påske", "easter"),
        ("2. påskedag", "easter monday"),
        ("på fre", "on thu"),
    ]:
        assert any(nb in text for text in texts) and any(en in text for text in texts)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.sampled_from([("neste", 0), ("next", 0), ("førstkommende", 1), ("coming", 1)]),
    st.sampled_from([*enumerate(["mandag", "tirsdag", "onsdag", "torsdag", "fredag",
                                 "lørdag", "søndag"], 1),
                     *enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                 "Saturday", "Sunday"], 1)]),
)  # fmt: skip
def test_next_weekday_is_read_only_as_one_day(
    written: date, lead: tuple[str, int], day: tuple[int, str]
) -> None:
    word, unambiguous = lead
    weekday, name = day
    deadline = read_deadline(f"{word} {name}", written, written, written + 365 * date.resolution)
    first_after = written + (((weekday - written.isoweekday()) % 7) or 7) * date.resolution
    next_weeks = written + (7 - written.isoweekday() + weekday) * date.resolution
    if unambiguous or first_after == next_weeks:
        assert deadline.due == first_after
    else:  # two days it could be: no date yet, never a guess
        assert deadline.kind is DeadlineKind.NONE


@pytest.mark.parametrize(
    ("statement", "phrase"),
    [
        ("Innen Tor kommer tilbake skal teamet ha en plan", ""),
        ("Møte med Tor hver uke for å bli en bedre leder", ""),
        ("By Sat the team will know the plan", ""),
        ("Innen fredag skal Tor vite hva teamet mener", "Innen fredag"),
        ("By Friday Sat will know what the team thinks", "By Friday"),
    ],
)
def test_a_short_weekday_in_running_text_is_no_time_bound(statement: str, phrase: str) -> None:
    facts = gather(Goal(statement=statement), *PLAN)
    assert facts.phrase == phrase


SHORT_AND_WORDS = ["Tor", "tor", "fre", "Fri", "sat", "Sun", "innen", "by", "neste", "på", "on",
                   "møte", "med", "with", "the", "team", "i", "løpet", "av"]  # fmt: skip


@given(st.lists(st.sampled_from(SHORT_AND_WORDS), min_size=1, max_size=12))
def test_no_statement_takes_a_short_weekday_for_its_time_bound(words: list[str]) -> None:
    facts = gather(Goal(statement=" ".join(words)), *PLAN)
    assert facts.phrase == "" and facts.phrase_day is None


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        # Known Easter Sundays (Gregorian), including the extremes 22 March and 25 April.
        (1818, date(1818, 3, 22)),
        (1886, date(1886, 4, 25)),
        (1943, date(1943, 4, 25)),
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2019, date(2019, 4, 21)),
        (2020, date(2020, 4, 12)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday_of_known_years(year: int, sunday: date) -> None:
    assert easter_sunday(year) == sunday


@given(st.integers(min_value=1583, max_value=9999))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    sunday = easter_sunday(year)
    assert sunday.isoweekday() == 7
    assert date(year, 3, 22) <= sunday <= date(year, 4, 25)


@given(st.text(max_size=60), st.dates(min_value=date(1583, 1, 1), max_value=date(9990, 1, 1)))
def test_reading_day_phrases_never_raises(tail: str, written: date) -> None:
    for lead in ("neste ", "hver ", "innen påske", "every ", "by Easter", ""):
        text = lead + tail
        assert read_deadline(text, written, written, written.replace(day=1)).text == text


@pytest.mark.parametrize(
    ("text", "old_first", "first"),
    [
        # (as written, its first day in a plan of a year ago, in a plan of this year)
        ("annenhver uke", date(2025, 12, 1), MON),
        ("every other week", date(2025, 12, 1), MON),
        ("ukentlig", date(2025, 12, 1), MON),
        ("hver fredag", date(2025, 12, 5), FRI),
        ("every Friday", date(2025, 12, 5), FRI),
    ],
)
def test_an_open_ended_recurrence_runs_to_the_periods_end(
    text: str, old_first: date, first: date
) -> None:
    # A blank plan dated a year ago (an old plan typed in): the action runs through its period,
    # from the period's start (Monday 1 December 2025), never just the day it was written.
    plan_date, period_end = date(2025, 12, 1), date(2026, 12, 1)
    deadline = read_deadline(text, MON, plan_date, period_end)
    assert (deadline.due, deadline.until, deadline.open_ended) == (old_first, period_end, True)
    # And in a plan of this year, from the day written to the period's end.
    deadline = read_deadline(text, MON, *PLAN)
    assert (deadline.due, deadline.until, deadline.open_ended) == (first, PLAN[1], True)


@pytest.mark.parametrize(
    ("text", "friday"), [("hver fredag", date(2027, 1, 1)), ("every Friday", date(2027, 1, 1))]
)
def test_a_weekly_day_written_in_the_periods_last_days_still_falls_due(
    text: str, friday: date
) -> None:
    # Written on Thursday 31.12.2026, the period's last day: the first Friday is after its end.
    # It runs once, on that Friday; it must not end before it starts (never due, while the ics
    # export still showed one).
    written = date(2026, 12, 31)
    deadline = read_deadline(text, written, date(2026, 1, 1), written)
    assert deadline.kind is DeadlineKind.RECURRING
    assert (deadline.due, deadline.until) == (friday, friday)
    assert deadline.next_due(written) == friday


@pytest.mark.parametrize("text", ["hver fredag de neste tre ukene", "every Friday for three weeks"])
def test_a_recurrence_past_its_end_is_ended_with_its_last_day(text: str) -> None:
    from lederplan.domain.models import Action, Area, Plan
    from lederplan.domain.schedule import bucket, schedule

    action = Action(text="Talks", deadline=text, deadline_written=MON)
    plan = Plan(date=MON, areas=[Area(goals=[Goal(statement="x", actions=[action])])])
    [item] = schedule(plan)
    # Fridays 11, 18 and 25 December; it runs until Monday the 28th.
    assert item.deadline.until == date(2026, 12, 28)
    assert item.deadline.last_due() == date(2026, 12, 25)
    assert not item.deadline.ended(date(2026, 12, 25))
    assert bucket(item, date(2026, 12, 25)) == "this_week"
    assert item.deadline.ended(date(2026, 12, 26))
    assert bucket(item, date(2026, 12, 26)) == "ended"  # not "no_date": it has a last day
    assert item.when(date(2026, 12, 26)) == date(2026, 12, 25)


@pytest.mark.parametrize(
    ("text", "written", "last"),
    [
        ("ukentlig frem til 28.12.2026", MON, date(2026, 12, 28)),  # Mondays: the 28th is one
        ("weekly until 27 December 2026", MON, date(2026, 12, 21)),
        ("annenhver uke de neste to månedene", MON, date(2027, 2, 1)),
        ("every other week for two months", MON, date(2027, 2, 1)),
        ("månedlig frem til 15.03.2027", date(2026, 12, 31), date(2027, 2, 28)),
        ("monthly until 31 March 2027", date(2026, 12, 31), date(2027, 3, 31)),
        ("daglig frem til 10.12.2026", MON, date(2026, 12, 10)),
        ("daily until 10 December 2026", MON, date(2026, 12, 10)),
    ],
)
def test_the_last_occurrence_of_a_recurrence(text: str, written: date, last: date) -> None:
    deadline = read_deadline(text, written, *PLAN)
    assert deadline.kind is DeadlineKind.RECURRING
    assert deadline.last_due() == last
    assert deadline.next_due(last) == last and deadline.next_due(last + date.resolution) is None
