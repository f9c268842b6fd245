"""The one date reader of every date field (issue 13): the deadline reader's absolute dates, and
the days around today, in nb and en; table-driven, and it never raises on any text."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lederplan.domain.dates import parse_date, read_date
from lederplan.domain.deadlines import read_deadline

TODAY = date(2026, 12, 7)

READ: list[tuple[str, date]] = [
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
    ("15. mars", date(2026, 3, 15)),  # no year: this year's, never a guess ahead
    ("15.03", date(2026, 3, 15)),
    ("March 15", date(2026, 3, 15)),
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

NOT_READ = [
    "",
    "31.02.2027",
    "29. februar 2027",
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
def test_a_date_field_reads(text: str, expected: date) -> None:
    assert read_date(text, TODAY) == expected


@pytest.mark.parametrize("text", NOT_READ)
def test_what_is_no_date_is_refused(text: str) -> None:
    assert read_date(text, TODAY) is None


FULL_DATES = [text for text, _ in READ[:10]]
"""The rows with a year: a deadline reads them as the same day."""


@pytest.mark.parametrize("text", FULL_DATES)
def test_absolute_dates_read_as_a_deadline_reads_them(text: str) -> None:
    # One grammar for both ("innen 6. desember 2026" is due the day the field reads).
    deadline = read_deadline(text, TODAY, TODAY, date(2027, 12, 7))
    assert deadline.due == read_date(text, TODAY) is not None


def test_a_files_column_stays_strict() -> None:
    # A CSV's "i går" would be the day of the import: no date a file can hold.
    assert parse_date("i går") is None and parse_date("15.03.2027") == date(2027, 3, 15)


@given(st.text(max_size=120), st.dates())
def test_reading_never_raises(text: str, today: date) -> None:
    found = read_date(text, today)
    assert found is None or isinstance(found, date)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_a_date_written_as_the_app_shows_it_reads_back(day: date) -> None:
    assert read_date(f"{day:%d.%m.%Y}", TODAY) == day
    assert read_date(day.isoformat(), TODAY) == day
