"""One place picks a writer by format name, for the command line and the app."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.export.formats import ALL_PLANS, FORMATS, SUFFIXES, render

TODAY = date(2020, 3, 1)


def test_markdown_and_html_show_the_current_plan_json_and_ics_every_plan() -> None:
    current, other = demo_plan("nb"), demo_plan("en")
    assert render("md", [current, other], TODAY).startswith("# Individuell utviklingsplan")
    assert 'lang="nb"' in render("html", [current, other], TODAY)
    assert len(json.loads(render("json", [current, other], TODAY))["plans"]) == 2
    assert render("ics", [current], TODAY).startswith("BEGIN:VCALENDAR\r\n")
    assert set(FORMATS) == set(SUFFIXES) and ALL_PLANS <= set(FORMATS)


def test_unknown_format_or_no_plan() -> None:
    with pytest.raises(ValueError):
        render("pdf", [demo_plan("nb")], TODAY)
    with pytest.raises(ValueError):
        render("md", [], TODAY)
