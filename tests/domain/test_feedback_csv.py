"""Reading feedback from CSV: headers in nb and en, both delimiters, and every kind of error."""

from __future__ import annotations

from datetime import date

import pytest

from lederplan.domain.feedback_csv import FeedbackCsvError, parse_feedback_csv
from lederplan.domain.models import Area, Plan, Scale, Source
from lederplan.i18n import CATALOGUE, t

AREA = Area(title="Motivasjon og samarbeid")
PLAN = Plan(date=date(2027, 1, 1), areas=[AREA, Area(title="Emosjonell intelligens")])


def test_norwegian_header_semicolons_and_bom() -> None:
    text = (
        "\ufeffDato;Kilde;Giver;Område;Vurdering;Tekst\r\n"
        "15.03.2027;Medarbeidere;Kari; motivasjon OG samarbeid ;5;Godt møte\r\n"
        "2027-03-16; Leder  Selv ;;;;\r\n"
    )
    first, second = parse_feedback_csv(text, PLAN)
    assert first.source is Source.STAFF
    assert first.date == date(2027, 3, 15)
    assert (first.giver, first.area_id, first.rating, first.text) == (
        "Kari",
        AREA.id,
        5,
        "Godt møte",
    )
    assert second.source is Source.SELF
    assert (second.area_id, second.rating, second.text) == (None, None, "")
    assert first.id != second.id


def test_english_header_commas_any_order_and_optional_columns() -> None:
    text = 'TEXT,source,date\n"Clear, kind",peers,2027-03-15\n\n"x",Manager,1.4.27\n'
    entries = parse_feedback_csv(text, PLAN)
    assert [e.source for e in entries] == [Source.PEERS, Source.MANAGER]
    assert entries[0].text == "Clear, kind"
    assert entries[1].date == date(2027, 4, 1)


@pytest.mark.parametrize(
    ("word", "source"),
    [
        ("manager", Source.MANAGER),
        ("leder", Source.MANAGER),
        ("peers", Source.PEERS),
        ("lederkolleger", Source.PEERS),
        ("Kolleger", Source.PEERS),
        ("staff", Source.STAFF),
        ("medarbeidere", Source.STAFF),
        ("self", Source.SELF),
        ("meg selv", Source.SELF),
        ("LEDER SELV", Source.SELF),
    ],
)
def test_source_names_in_both_languages(word: str, source: Source) -> None:
    (entry,) = parse_feedback_csv(f"date;source\n2027-03-15;{word}\n", PLAN)
    assert entry.source is source


def test_quoted_newlines_kept_and_escape_sequences_removed() -> None:
    text = (
        "date;source;giver;text\n"
        '2027-03-15;staff;"Ola\x1b[2J";"Line one\r\nline \x1b[31mtwo\x1b]0;pwned\x07\x9b1m"\n'
    )
    (entry,) = parse_feedback_csv(text, PLAN)
    assert entry.giver == "Ola"
    assert entry.text == "Line one\nline two"


def test_rating_on_the_plans_scale() -> None:
    plan = PLAN.model_copy(update={"scale": Scale(low=1, high=7)})
    (entry,) = parse_feedback_csv("date;source;rating\n2027-03-15;self;7\n", plan)
    assert entry.rating == 7
    with pytest.raises(FeedbackCsvError) as raised:
        parse_feedback_csv("date;source;rating\n2027-03-15;self;7\n", PLAN)
    assert raised.value.problem == "feedback_csv.off_scale"
    assert raised.value.params == {"value": 7, "low": 1, "high": 6}


HEADER = "dato;kilde;giver;område;vurdering;tekst\n"
GOOD = "15.03.2027;leder;;;;ok\n"


@pytest.mark.parametrize(
    ("text", "line", "field", "problem"),
    [
        ("", 1, "", "feedback_csv.no_header"),
        ("\n\n", 1, "", "feedback_csv.no_header"),
        ("dato;kilde;hvem\n", 1, "hvem", "feedback_csv.unknown_column"),
        ("dato;kilde;Dato\n", 1, "Dato", "feedback_csv.duplicate_column"),
        ("dato;tekst\n", 1, "kilde", "feedback_csv.missing_column"),
        ("text,source\n", 1, "date", "feedback_csv.missing_column"),
        (HEADER + GOOD + ";leder;;;;\n", 3, "dato", "feedback_csv.required"),
        (HEADER + GOOD + "15.03.2027;;;;;\n", 3, "kilde", "feedback_csv.required"),
        (HEADER + GOOD + "31.02.2027;leder;;;;\n", 3, "dato", "feedback_csv.bad_date"),
        (HEADER + GOOD + "i går;leder;;;;\n", 3, "dato", "feedback_csv.bad_date"),
        (HEADER + GOOD + "15.03.2027;sjefen;;;;\n", 3, "kilde", "feedback_csv.bad_source"),
        (HEADER + GOOD + "15.03.2027;leder;;Ukjent;;\n", 3, "område", "feedback_csv.unknown_area"),
        (HEADER + GOOD + "15.03.2027;leder;;;fem;\n", 3, "vurdering", "feedback_csv.bad_rating"),
        (HEADER + GOOD + "15.03.2027;leder;;;4,5;\n", 3, "vurdering", "feedback_csv.bad_rating"),
        (HEADER + GOOD + "15.03.2027;leder;;;0;\n", 3, "vurdering", "feedback_csv.off_scale"),
        (HEADER + GOOD + "15.03.2027;leder;;;;;x\n", 3, "", "feedback_csv.too_many_values"),
        (HEADER + GOOD + '15.03.2027;leder;;;;"open\n', 3, "", "feedback_csv.malformed"),
        (
            HEADER + GOOD + "15.03.2027;leder;" + "x" * 501 + ";;;\n",
            3,
            "giver",
            "feedback_csv.too_long",
        ),
    ],
)
def test_errors_name_the_line_and_the_field(text: str, line: int, field: str, problem: str) -> None:
    with pytest.raises(FeedbackCsvError) as raised:
        parse_feedback_csv(text, PLAN)
    error = raised.value
    assert (error.line, error.field, error.problem) == (line, field, problem)
    assert problem in CATALOGUE
    for lang in ("nb", "en"):
        t(problem, lang, **error.params)  # every parameter is there


def test_line_numbers_count_from_where_a_multiline_record_starts() -> None:
    text = 'date,source,text\n2027-03-15,staff,"one\ntwo\nthree"\n2027-03-15,nobody,x\n'
    with pytest.raises(FeedbackCsvError) as raised:
        parse_feedback_csv(text, PLAN)
    assert (raised.value.line, raised.value.field) == (5, "source")


def test_values_quoted_back_are_cleaned_and_short() -> None:
    with pytest.raises(FeedbackCsvError) as raised:
        parse_feedback_csv('date,source\n2027-03-15,"\x1b]0;evil\x07' + "y" * 200 + '"\n', PLAN)
    shown = str(raised.value.params["value"])
    assert "\x1b" not in shown and "\x07" not in shown
    assert len(shown) <= 60


def test_two_areas_with_the_same_title_are_ambiguous() -> None:
    plan = Plan(date=date(2027, 1, 1), areas=[Area(title="Samme"), Area(title="samme")])
    with pytest.raises(FeedbackCsvError) as raised:
        parse_feedback_csv("date;source;area\n2027-03-15;self;Samme\n", plan)
    assert raised.value.problem == "feedback_csv.ambiguous_area"


def test_header_only_gives_nothing_and_trailing_empty_columns_are_ignored() -> None:
    assert parse_feedback_csv("date;source;;\n", PLAN) == []
    (entry,) = parse_feedback_csv("date;source;;\n2027-03-15;self;;\n", PLAN)
    assert entry.source is Source.SELF


@pytest.mark.parametrize(
    ("written", "day"),
    [
        # A two-digit year is the one within 50 years of the plan's date (1 January 2027), not
        # 2000 + it: "99" in a file of old feedback is 1999.
        ("15.12.99", date(1999, 12, 15)),
        ("15.12.00", date(2000, 12, 15)),
        ("15.12.27", date(2027, 12, 15)),
        ("15.12.77", date(2077, 12, 15)),
        ("15.12.78", date(1978, 12, 15)),
    ],
)
def test_a_two_digit_year_is_the_one_near_the_plans_date(written: str, day: date) -> None:
    (entry,) = parse_feedback_csv(f"dato;kilde\n{written};meg selv\n", PLAN)
    assert entry.date == day
