"""The timeline's axis as text: which column a day falls in, and the rows of months, ISO weeks
and today above the lanes (pure: no Textual, no I/O).

A column holds a whole number of days or a fraction of a week's worth: the widest zoom fits the
plan period into the width there is, so a column may stand for 2.9 days. Every label is placed
where its day falls and only if it fits with a space either side, and each month and each week
is looked at once, so no week is written twice and none is skipped but by a regular stride
(every 2nd, 4th or 13th week when weeks are too narrow for their numbers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

WEEK_STRIDES = (1, 2, 4, 13, 26)
"""Every how many weeks a number is written, the first that leaves room for the labels."""
TODAY_MARK = "▼"


@dataclass(frozen=True)
class Axis:
    """*columns* columns of *days_per_column* days each, the first beginning on *origin*."""

    origin: date
    days_per_column: float
    columns: int

    def column(self, day: date) -> int:
        """The column *day* falls in (negative before the axis, ``columns`` or more after)."""
        return math.floor((day - self.origin).days / self.days_per_column)

    @property
    def last_day(self) -> date:
        """The last day the axis shows."""
        return self.origin + timedelta(days=math.ceil(self.columns * self.days_per_column) - 1)


def monday_of(day: date) -> date:
    """The Monday of *day*'s ISO week (columns begin on Mondays)."""
    return day - timedelta(days=day.weekday())


def days_to_fit(origin: date, end: date, columns: int) -> float:
    """Days per column that put *origin*..*end* into *columns* columns exactly (at least one
    day a column, so that a short period does not stretch a day over many columns)."""
    return max(1.0, ((end - origin).days + 1) / max(1, columns))


def _place(line: list[str], column: int, label: str) -> bool:
    """Write *label* at *column* if it fits inside the line with a space either side."""
    if column < 0 or column + len(label) > len(line):
        return False
    if any(c != " " for c in line[max(0, column - 1) : column + len(label) + 1]):
        return False
    line[column : column + len(label)] = label
    return True


def _month_starts(axis: Axis) -> list[date]:
    first = axis.origin.replace(day=1)
    starts = []
    while first <= axis.last_day:
        if first > axis.origin:
            starts.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return starts


def months_row(axis: Axis, names: list[str]) -> str:
    """Each month's name (*names*: January first) in the column its first day falls in, and
    the month at the left edge in column 0. Every month is shown first (its initial when the
    months are narrower than a name and a space); then January and the left edge get the year
    where it fits. January goes first, then the left edge, then the others from left to right,
    and a label that does not fit is left out rather than written over another."""
    line = [" "] * axis.columns
    wide = max(len(name) for name in names) + 1 <= 30.4 / axis.days_per_column
    labels: list[tuple[int, int, date]] = [
        (0 if start.month == 1 else 2, axis.column(start), start) for start in _month_starts(axis)
    ]
    labels.append((1, 0, axis.origin))
    placed: list[tuple[int, date, str]] = []
    for _rank, column, day in sorted(labels, key=lambda label: label[:2]):
        name = names[day.month - 1] if wide else names[day.month - 1][0]
        if _place(line, column, name):
            placed.append((column, day, name))
    for column, day, name in placed:
        if day.month == 1 or column == 0:
            year = f" {day.year}"
            at = column + len(name)
            if all(c == " " for c in line[at : at + len(year) + 1]) and at + len(year) <= len(line):
                line[at : at + len(year)] = year
    return "".join(line)


def week_stride(axis: Axis, width: int) -> int:
    """Every how many weeks a number of *width* characters can be written (and a space)."""
    for stride in WEEK_STRIDES:
        if 7 * stride / axis.days_per_column >= width + 1:
            return stride
    return 52


def weeks_row(axis: Axis, prefix: str) -> str:
    """Each ISO week's number (``u7`` / ``w7``) in the column its Monday falls in: every week
    when there is room, else every 2nd, 4th, ... week by its number."""
    line = [" "] * axis.columns
    stride = week_stride(axis, len(prefix) + 2)
    monday = monday_of(axis.origin)
    if monday < axis.origin:
        monday += timedelta(days=7)
    while monday <= axis.last_day:
        number = monday.isocalendar().week
        if number % stride == 0 or stride == 1:
            _place(line, axis.column(monday), f"{prefix}{number}")
        monday += timedelta(days=7)
    return "".join(line)


def today_row(axis: Axis, today: date) -> str:
    """▼ in today's column (blank when today is off the axis)."""
    line = [" "] * axis.columns
    column = axis.column(today)
    if 0 <= column < axis.columns:
        line[column] = TODAY_MARK
    return "".join(line)
