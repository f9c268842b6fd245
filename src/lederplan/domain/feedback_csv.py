"""Reading feedback from a CSV file: the columns, the source names and the checks.

The file is untrusted (a colleague's export, a survey tool's download), so it is read whole and
checked whole: :func:`parse_feedback_csv` returns every entry or raises :class:`FeedbackCsvError`
naming the first bad line and field; nothing is half-imported. Pure: no file I/O, no store.

The format is documented in ``docs/feedback-csv.md``; keep the two in step.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from lederplan.domain.dates import parse_date
from lederplan.domain.models import FeedbackEntry, Plan, Source
from lederplan.domain.text import clean_text

COLUMNS = ("date", "source", "giver", "area", "rating", "text")
"""The columns, in their documented order (the file may order them as it likes)."""
REQUIRED = ("date", "source")
"""Columns that must be present and filled in on every line."""

# Column names as a header may write them (compared case-insensitively): nb first, then en.
_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "date": ("dato", "date"),
    "source": ("kilde", "source"),
    "giver": ("giver", "fra"),
    "area": ("område", "area"),
    "rating": ("vurdering", "rating"),
    "text": ("tekst", "text"),
}
_HEADER: dict[str, str] = {name: col for col, names in _COLUMN_NAMES.items() for name in names}

SOURCE_NAMES: dict[str, Source] = {
    "manager": Source.MANAGER,
    "my manager": Source.MANAGER,
    "leder": Source.MANAGER,
    "peers": Source.PEERS,
    "leader peers": Source.PEERS,
    "lederkolleger": Source.PEERS,
    "kolleger": Source.PEERS,
    "staff": Source.STAFF,
    "medarbeidere": Source.STAFF,
    "self": Source.SELF,
    "myself": Source.SELF,
    "meg selv": Source.SELF,
    "leder selv": Source.SELF,
}
"""Source names accepted in the ``source`` column (case and extra spaces do not matter)."""

_SHOWN_MAX = 60
_WHOLE_NUMBER = re.compile(r"[+-]?\d+")


@dataclass
class FeedbackCsvError(Exception):
    """The file cannot be imported: *problem* (a catalogue key, filled in with *params*) at
    *line* (1 is the header; a quoted value spanning lines counts from where its record starts)
    in *field* (the column as the header names it; empty when the problem is the whole line).
    """

    line: int
    field: str
    problem: str
    params: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.line, self.field, self.problem, self.params)

    def __str__(self) -> str:
        return f"line {self.line}, field {self.field or '-'}: {self.problem} {self.params}"


def _key(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _shown(value: str) -> str:
    # A value quoted back in a message is printed to a terminal: clean it and keep it short.
    value = " ".join(clean_text(value).split())
    return value if len(value) <= _SHOWN_MAX else value[: _SHOWN_MAX - 1] + "…"


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def parse_feedback_csv(text: str, plan: Plan) -> list[FeedbackEntry]:
    """Read every feedback entry of a CSV file's *text* for *plan*, or none.

    Args:
        text: the decoded file (a leading byte-order mark is ignored); ``,`` or ``;`` separated.
        plan: the plan the entries go into (its areas and rating scale).

    Returns:
        The entries in file order, with fresh ids; text cleaned of escape sequences.

    Raises:
        FeedbackCsvError: the first problem found, naming its line and field.
    """
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error:
        raise FeedbackCsvError(start, "", "feedback_csv.malformed") from None
    if not rows or not any(cell.strip() for cell in rows[0][1]):
        raise FeedbackCsvError(1, "", "feedback_csv.no_header")
    header_line, header = rows[0]
    columns = _read_header(header_line, header)
    areas: dict[str, list[str]] = {}
    for area in plan.areas:
        areas.setdefault(_key(area.title), []).append(area.id)
    names = {column: name for column, name in columns.values()}
    entries = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue  # blank lines (and Excel's rows of empty cells) are skipped
        if any(cell.strip() for cell in row[len(header) :]):
            raise FeedbackCsvError(line, "", "feedback_csv.too_many_values", {"count": len(header)})
        values = {col: row[i].strip() if i < len(row) else "" for i, (col, _) in columns.items()}
        entries.append(_entry(line, values, names, areas, plan))
    return entries


def _read_header(line: int, header: list[str]) -> dict[int, tuple[str, str]]:
    """Column index -> (column, name as written); trailing empty header cells are ignored."""
    while header and not header[-1].strip():
        header.pop()
    columns: dict[int, tuple[str, str]] = {}
    seen: set[str] = set()
    for i, cell in enumerate(header):
        name = _shown(cell)
        column = _HEADER.get(_key(cell))
        if column is None:
            known = ", ".join(n for names in _COLUMN_NAMES.values() for n in names)
            raise FeedbackCsvError(
                line, name, "feedback_csv.unknown_column", {"name": name, "known": known}
            )
        if column in seen:
            raise FeedbackCsvError(line, name, "feedback_csv.duplicate_column", {"name": name})
        seen.add(column)
        columns[i] = (column, name)
    norwegian = any(
        _key(cell) in ("dato", "kilde", "område", "vurdering", "tekst") for cell in header
    )
    for column in REQUIRED:
        if column not in seen:
            name = _COLUMN_NAMES[column][0 if norwegian else 1]
            raise FeedbackCsvError(line, name, "feedback_csv.missing_column", {"name": name})
    return columns


def _entry(
    line: int,
    values: dict[str, str],
    names: dict[str, str],
    areas: dict[str, list[str]],
    plan: Plan,
) -> FeedbackEntry:
    def fail(column: str, problem: str, **params: object) -> FeedbackCsvError:
        return FeedbackCsvError(line, names[column], problem, params)

    for column in REQUIRED:
        if not values[column]:
            raise fail(column, "feedback_csv.required")
    day: date | None = parse_date(values["date"], plan.date)
    if day is None:
        raise fail("date", "feedback_csv.bad_date", value=_shown(values["date"]))
    source = SOURCE_NAMES.get(_key(values["source"]))
    if source is None:
        raise fail("source", "feedback_csv.bad_source", value=_shown(values["source"]))
    area_id = None
    if values.get("area"):
        found = areas.get(_key(values["area"]), [])
        if not found:
            raise fail("area", "feedback_csv.unknown_area", value=_shown(values["area"]))
        if len(found) > 1:
            raise fail("area", "feedback_csv.ambiguous_area", value=_shown(values["area"]))
        area_id = found[0]
    rating = None
    if values.get("rating"):
        if not _WHOLE_NUMBER.fullmatch(values["rating"]):
            raise fail("rating", "feedback_csv.bad_rating", value=_shown(values["rating"]))
        rating = int(values["rating"])
        low, high = plan.scale.low, plan.scale.high
        if not low <= rating <= high:
            raise fail("rating", "feedback_csv.off_scale", value=rating, low=low, high=high)
    try:
        return FeedbackEntry(
            source=source,
            date=day,
            giver=values.get("giver", ""),
            area_id=area_id,
            rating=rating,
            text=values.get("text", ""),
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        column = str(error["loc"][0]) if error["loc"] else "text"
        limit = (error.get("ctx") or {}).get("max_length")
        if error["type"].endswith("too_long") and column in names:
            raise fail(column, "feedback_csv.too_long", max=limit) from None
        raise FeedbackCsvError(line, names.get(column, ""), "feedback_csv.invalid") from None
