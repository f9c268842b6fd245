"""The one date reader of every date field (issue 13): the deadline reader's absolute dates, and
the days around today, in nb and en; a date without a year placed by what the field is about
(the past for a measurement or feedback, the nearest for the plan's date); a two-digit year within
50 years of today. Table-driven, with every expectation written out, and it never raises."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lederplan.domain.dates import Toward, full_year, parse_date, read_date
from lederplan.domain.deadlines import DeadlineKind, read_deadline

TODAY = date(2026, 12, 7)
PAST, AHEAD, NEAREST = Toward.PAST, Toward.AHEAD, Toward.NEAREST

READ: list[tuple[str, date]] = [
    # Read the same whatever the field is about: a year is written, or a day around today.
    ("06.12.2026", date(2026, 12, 6)),
    ("6.12.26", date(2026, 12, 6)),
    ("2026-12-06", date(2026, 12, 6)),
    ("6. desember 2026", date(2026, 12, 6)),
    ("6. des. 2026", date(2026, 12, 6)),
    ("den 6. desember 2026", date(2026, 12, 6)),
    ("6 December 2026", date(2026, 12, 6)),
    ("December 6, 2026", date(2026, 12, 6)),
    ("6th of December 2026", date(2026, 12, 6)),
    ("  6. DESEMBER 2026. ", date(2026, 12, 6)),
    ("i dag", TODAY),
    ("I dag", TODAY),
    ("idag", TODAY),
    ("today", TODAY),
    ("Today.", TODAY),
    ("i går", date(2026, 12, 6)),
    ("igår", date(2026, 12, 6)),
    ("yesterday", date(2026, 12, 6)),
    ("i morgen", date(2026, 12, 8)),
    ("tomorrow", date(2026, 12, 8)),
    ("i\u00a0dag", TODAY),  # a no-break space
    ("i ga\u030ar", date(2026, 12, 6)),  # "å" as a Mac types it
]

WITHOUT_A_YEAR: list[tuple[str, date, Toward, date]] = [
    # (as typed, today, what the field is about, the day it names)
    # A measurement or a feedback entry: the latest such day on or before today.
    ("15. desember", date(2027, 1, 3), PAST, date(2026, 12, 15)),
    ("December 15", date(2027, 1, 3), PAST, date(2026, 12, 15)),
    ("15.12", date(2027, 1, 3), PAST, date(2026, 12, 15)),
    ("3. januar", date(2027, 1, 3), PAST, date(2027, 1, 3)),  # today itself
    ("4 January", date(2027, 1, 3), PAST, date(2026, 1, 4)),  # tomorrow's is a year back
    ("15. mars", TODAY, PAST, date(2026, 3, 15)),
    ("March 15", TODAY, PAST, date(2026, 3, 15)),
    ("29.02", TODAY, PAST, date(2024, 2, 29)),  # the last leap day
    ("29 February", TODAY, PAST, date(2024, 2, 29)),
    # A deadline: the first such day on or after today.
    ("15. desember", date(2027, 1, 3), AHEAD, date(2027, 12, 15)),
    ("15. mars", TODAY, AHEAD, date(2027, 3, 15)),
    ("March 15", TODAY, AHEAD, date(2027, 3, 15)),
    ("29.02", TODAY, AHEAD, date(2028, 2, 29)),
    # The plan's date, a period's start: the nearest, before or after.
    ("1. januar", TODAY, NEAREST, date(2027, 1, 1)),
    ("January 1", TODAY, NEAREST, date(2027, 1, 1)),
    ("1. september", TODAY, NEAREST, date(2026, 9, 1)),
    ("September 1", TODAY, NEAREST, date(2026, 9, 1)),
    ("15.12", date(2027, 1, 3), NEAREST, date(2026, 12, 15)),
    ("6.12", TODAY, NEAREST, date(2026, 12, 6)),
    ("7. juni", TODAY, NEAREST, date(2027, 6, 7)),  # 182 days either way: ahead
    ("June 7", TODAY, NEAREST, date(2027, 6, 7)),
]

TWO_DIGIT_YEARS: list[tuple[str, date, date]] = [
    # (as typed, today, the day): the year within 50 years of today, never +2000 blindly.
    ("15.12.99", TODAY, date(1999, 12, 15)),
    ("15.12.00", TODAY, date(2000, 12, 15)),
    ("15.12.27", TODAY, date(2027, 12, 15)),
    ("15.12.76", TODAY, date(2076, 12, 15)),  # 50 years ahead: still ahead
    ("15.12.77", TODAY, date(1977, 12, 15)),
    ("1.1.01", date(2080, 6, 1), date(2101, 1, 1)),  # late in a century, the next one
    ("1.1.99", date(2010, 6, 1), date(1999, 1, 1)),
]

NOT_READ = [
    "",
    "31.02.2027",
    "29. februar 2027",
    "31.04",  # no year has it
    "31. april",
    "the 5th",
    "innen juni",  # a deadline, not a date
    "neste tirsdag",
    "i forgårs",
    "juni 27",
    "32.01.2027",
    "2027-13-01",
    "x" * 500,
]


@pytest.mark.parametrize(("text", "expected"), READ)
@pytest.mark.parametrize("toward", list(Toward))
def test_a_date_field_reads(text: str, expected: date, toward: Toward) -> None:
    assert read_date(text, TODAY, toward=toward) == expected


@pytest.mark.parametrize(("text", "today", "toward", "expected"), WITHOUT_A_YEAR)
def test_a_date_without_a_year_falls_where_the_field_looks(
    text: str, today: date, toward: Toward, expected: date
) -> None:
    assert read_date(text, today, toward=toward) == expected


def test_both_languages_have_each_direction() -> None:
    for toward in Toward:
        typed = [row[0] for row in WITHOUT_A_YEAR if row[2] is toward]
        assert any(t[0].isdigit() and "." in t for t in typed)  # nb: "15. mars", "15.12"
        assert any(t[0].isalpha() for t in typed)  # en: "March 15"


@pytest.mark.parametrize(("text", "today", "expected"), TWO_DIGIT_YEARS)
def test_a_two_digit_year_is_the_one_near_today(text: str, today: date, expected: date) -> None:
    assert read_date(text, today, toward=PAST) == expected
    assert parse_date(text, today) == expected  # a file's column, the same window


@pytest.mark.parametrize(("text", "today", "expected"), TWO_DIGIT_YEARS)
def test_a_deadline_with_a_two_digit_year_reads_the_same(
    text: str, today: date, expected: date
) -> None:
    deadline = read_deadline(f"innen {text}", today, today, today + timedelta(days=365))
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, expected)


@pytest.mark.parametrize("text", NOT_READ)
@pytest.mark.parametrize("toward", list(Toward))
def test_what_is_no_date_is_refused(text: str, toward: Toward) -> None:
    assert read_date(text, TODAY, toward=toward) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, day) for text, day in READ[:10]],
)
def test_absolute_dates_read_as_a_deadline_reads_them(text: str, expected: date) -> None:
    # One grammar for both ("innen 6. desember 2026" is due the day the field reads).
    deadline = read_deadline(text, TODAY, TODAY, date(2027, 12, 7))
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, expected)


def test_a_files_column_stays_strict() -> None:
    # A CSV's "i går" would be the day of the import: no date a file can hold.
    assert parse_date("i går", TODAY) is None
    assert parse_date("15. mars", TODAY) is None
    assert parse_date("15.03.2027", TODAY) == date(2027, 3, 15)
    assert parse_date("2027-03-15", TODAY) == date(2027, 3, 15)


@given(st.text(max_size=120), st.dates(), st.sampled_from(list(Toward)))
def test_reading_never_raises_and_a_day_word_is_next_to_today(
    text: str, today: date, toward: Toward
) -> None:
    found = read_date(text, today, toward=toward)
    assert found is None or isinstance(found, date)
    if found is not None and not any(ch.isdigit() for ch in text):
        # Without a digit it can only be "i dag", "i går", "i morgen" and their English.
        assert abs((found - today).days) <= 1


@given(st.dates(min_value=date(1000, 1, 1)))
def test_a_date_written_as_the_app_shows_it_reads_back(day: date) -> None:
    for toward in Toward:
        assert read_date(f"{day:%d.%m.%Y}", TODAY, toward=toward) == day
        assert read_date(day.isoformat(), TODAY, toward=toward) == day


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
)
def test_a_day_and_month_fall_within_a_year_the_way_the_field_looks(day: date, today: date) -> None:
    assume((day.month, day.day) != (2, 29))  # a leap day waits years, tested in the table
    typed = f"{day.day}. {day:%m}".replace(". 0", ". ").replace(" ", "")  # "5.3", "15.12"
    past = read_date(typed, today, toward=PAST)
    ahead = read_date(typed, today, toward=AHEAD)
    nearest = read_date(typed, today, toward=NEAREST)
    for found in (past, ahead, nearest):
        assert found is not None and (found.month, found.day) == (day.month, day.day)
    assert past is not None and ahead is not None and nearest is not None
    assert today - timedelta(days=366) < past <= today <= ahead < today + timedelta(days=366)
    assert nearest in (past, ahead)
    assert abs((nearest - today).days) <= 183


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=100, max_value=9899))
def test_a_two_digit_year_is_within_fifty_years(year: int, today_year: int) -> None:
    found = full_year(year, date(today_year, 6, 1))
    assert found % 100 == year
    assert today_year - 50 <= found <= today_year + 50
