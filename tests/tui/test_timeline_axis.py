"""The timeline's axis (pure): columns of days, and the rows of months, ISO weeks and today."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lederplan.tui.timeline_axis import (
    Axis,
    days_to_fit,
    monday_of,
    months_row,
    today_row,
    week_stride,
    weeks_row,
)
from lederplan.tui.widgets.timeline_view import MONTHS

NB = MONTHS["nb"]


def weeks(row: str) -> list[int]:
    return [int(n) for n in re.findall(r"u(\d+)", row)]


@pytest.mark.parametrize(
    ("origin", "end", "columns", "days"),
    [
        (date(2026, 12, 7), date(2027, 12, 6), 122, 365 / 122),  # a year at 140 columns
        (date(2026, 12, 7), date(2027, 12, 6), 62, 365 / 62),  # at 80 columns
        (date(2027, 1, 4), date(2027, 1, 31), 60, 1.0),  # a short period: a day a column
    ],
)
def test_days_to_fit_fills_the_columns_with_the_period(
    origin: date, end: date, columns: int, days: float
) -> None:
    fit = days_to_fit(origin, end, columns)
    assert fit == pytest.approx(days)
    axis = Axis(origin, fit, columns)
    assert axis.column(origin) == 0
    if days > 1:
        assert axis.column(end) == columns - 1  # the lanes use the width there is
        assert axis.last_day >= end


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 12, 7), date(2026, 12, 7)),
        (date(2027, 1, 3), date(2026, 12, 28)),  # a Sunday: the Monday before
        (date(2027, 1, 1), date(2026, 12, 28)),
    ],
)
def test_monday_of(day: date, monday: date) -> None:
    assert monday_of(day) == monday


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        # Found in use (issue 13): "u4▼u50u51u52u1u2u2u3…u8u8…u11u13" at 3 days a column.
        # A day a column: every ISO week, 2026 has a week 53.
        (1.0, [50, 51, 52, 53, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
        (3.0, [50, 52, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34]),
        (365 / 62, [52, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44]),
        (8.7, [52, 13, 26, 39]),
    ],
)
def test_each_week_is_written_once_in_its_mondays_column(days: float, expected: list[int]) -> None:
    axis = Axis(date(2026, 12, 7), days, 122 if days < 5 else 62 if days < 8 else 42)
    row = weeks_row(axis, "u")
    assert len(row) == axis.columns
    assert weeks(row)[: len(expected)] == expected
    assert len(set(weeks(row))) == len(weeks(row))  # no week twice
    for match in re.finditer(r"u(\d+)", row):
        week = int(match.group(1))
        year = 2026 if week >= 50 else 2027
        assert axis.column(date.fromisocalendar(year, week, 1)) == match.start()


@pytest.mark.parametrize(
    ("days", "width", "stride"),
    [(1.0, 3, 1), (1.75, 3, 1), (2.0, 3, 2), (3.0, 3, 2), (6.0, 3, 4), (8.7, 3, 13)],
)
def test_week_stride(days: float, width: int, stride: int) -> None:
    assert week_stride(Axis(date(2027, 1, 4), days, 50), width) == stride


@pytest.mark.parametrize(
    ("days", "columns", "row"),
    [
        # Found in use (issue 13): "jan" missing at the default zoom.
        (365 / 122, 40, "des     jan 2027  feb       mar         "),  # no "apr" cut
        (365 / 62, 62, "des jan  feb  mar  apr  mai  jun  jul   aug  sep  okt  nov    "),
        (1.0, 40, "des 2026                 jan 2027       "),
        (365 / 42, 42, "d j   f  m   a  m   j  j   a  s   o  n   d"),  # 60 columns: initials
    ],
)
def test_every_month_is_shown_and_january_first(days: float, columns: int, row: str) -> None:
    assert months_row(Axis(date(2026, 12, 7), days, columns), NB) == row


def test_a_month_beginning_on_the_first_column_is_written_once() -> None:
    row = months_row(Axis(date(2021, 3, 1), 1.0, 40), NB)
    assert row.startswith("mar 2021") and row.count("mar") == 1


@pytest.mark.parametrize(
    ("today", "row"),
    [
        (date(2026, 12, 9), "  ▼       "),
        (date(2026, 12, 6), "          "),  # before the axis
        (date(2026, 12, 17), "          "),  # after it
    ],
)
def test_today_row(today: date, row: str) -> None:
    assert today_row(Axis(date(2026, 12, 7), 1.0, 10), today) == row
