"""The public JSON format: stable names, round trips, and import errors that name the line."""

import json
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.export.json_format import ImportProblem, export_json, json_schema, parse_export
from lederplan.export.locate import line_of

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_export_import_export_is_identical() -> None:
    text = export_json([demo_plan("nb"), demo_plan("en")])
    assert export_json(parse_export(text)) == text


def test_public_names_are_stable() -> None:
    data = json.loads(export_json([demo_plan("nb")]))
    assert (data["format"], data["format_version"]) == ("lederplan", 1)
    plan = data["plans"][0]
    assert (plan["date"], plan["period_end"]) == ("2020-01-06", "2021-01-06")
    action = plan["areas"][1]["goals"][0]["actions"][0]
    assert set(action) >= {"id", "text", "deadline", "deadline_written", "status", "done_date"}
    assert action["deadline"] == "Innen uke 10"


def test_the_documented_schema_is_the_models_schema() -> None:
    """docs/export.schema.json is regenerated with `lederplan export --schema`."""
    documented = json.loads((DOCS / "export.schema.json").read_text())
    assert documented == json_schema()


def _problem(text: str) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        parse_export(text)
    return caught.value


def test_bad_json_names_line_and_column() -> None:
    text = export_json([demo_plan("nb")]).replace('"person": "Person X",', '"person": "Person X"')
    problem = _problem(text)
    assert problem.kind == "json"
    assert problem.line == 8  # the line after the missing comma


@pytest.mark.parametrize(
    ("old", "new", "field", "line_text"),
    [
        ('"deadline": "Innen uke 10"', '"deadline": 10', "deadline", '"deadline": 10'),
        ('"status": "todo"', '"status": "someday"', "status", '"status": "someday"'),
        ('"date": "2020-01-06"', '"date": "6. januar"', "plans.0.date", '"date": "6. januar"'),
        ('"lang": "nb"', '"lang": "sv"', "plans.0.lang", '"lang": "sv"'),
    ],
)
def test_invalid_field_names_field_and_line(old: str, new: str, field: str, line_text: str) -> None:
    text = export_json([demo_plan("nb")]).replace(old, new, 1)
    problem = _problem(text)
    assert problem.kind == "field"
    assert problem.field.endswith(field)
    assert line_text in text.splitlines()[problem.line - 1]


def test_not_a_lederplan_file_and_a_newer_format() -> None:
    assert _problem('{"plans": []}').kind == "format"
    assert _problem("[1, 2]").kind == "format"
    newer = _problem('{"format": "lederplan", "format_version": 9, "plans": []}')
    assert (newer.kind, newer.version) == ("newer", 9)


@pytest.mark.parametrize(
    ("path", "line"),
    [((), 1), (("a",), 2), (("a", 1), 4), (("a", 1, "b"), 5), (("c",), 8), (("a", 7), 2)],
)
def test_line_of(path: tuple, line: int) -> None:
    text = '{\n "a": [\n  1,\n  {\n   "b": "x\\n"\n  }\n ],\n "c": null\n}'
    assert line_of(text, path) == line


def test_two_plans_sharing_a_record_id_are_refused() -> None:
    # Each plan is valid alone; together the store could not tell their records apart, and
    # every later load of the file failed.
    first = demo_plan("nb").model_dump(mode="json")
    copy = first | {"id": "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f"}
    text = json.dumps({"format": "lederplan", "format_version": 1, "plans": [first, copy]})
    with pytest.raises(ImportProblem) as problem:
        parse_export(text)
    assert problem.value.kind == "field" and "share the record id" in problem.value.msg
    assert parse_export(export_json([first, demo_plan("nb")]))  # fresh ids: fine
