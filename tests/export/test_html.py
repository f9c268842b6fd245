"""The HTML export as a file: self-contained (nothing fetched, nothing run), in the plan's
language, every piece of the plan's text escaped, the same content as the Markdown, and the print
rules that keep it on A4 landscape (tests/export/test_html_print.py prints it in Chromium)."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.models import Action, Area, Goal, Indicator, Plan
from lederplan.export.html import export_html
from lederplan.export.plan_view import COLUMN_SHARES, plan_view
from lederplan.i18n import t

TODAY = date(2020, 3, 1)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_self_contained_and_in_the_plans_language(lang: str) -> None:
    text = export_html(demo_plan(lang), TODAY)
    assert text.startswith("<!DOCTYPE html>")
    tags = parse(text).tags
    assert ("html", {"lang": lang}) in tags
    assert ("meta", {"charset": "utf-8"}) in tags
    names = {tag for tag, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base"}
    assert not re.search(r"https?:|//[a-z]|url\(|@import|@font-face", text, re.IGNORECASE)
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)


def test_print_rules_for_a4_landscape() -> None:
    text = export_html(demo_plan("nb"), TODAY)
    style = text[text.index("<style>") : text.index("</style>")]
    for rule in (
        "@page { size: A4 landscape; margin: 12mm; }",
        "table-layout: fixed",
        "overflow-wrap: anywhere",
        "word-wrap: break-word",
        "thead { display: table-header-group; }",
        "break-inside: avoid",
        "print-color-adjust: exact",
    ):
        assert rule in style
    assert sum(COLUMN_SHARES) == 100
    malkort = text[text.index('<table class="malkort-table">') :]
    widths = re.findall(r'<col style="width: (\d+)%">', malkort[: malkort.index("</colgroup>")])
    assert [int(w) for w in widths] == list(COLUMN_SHARES)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_same_content_as_the_markdown(lang: str) -> None:
    plan = demo_plan(lang)
    html = export_html(plan, TODAY)
    body = html[html.index("<body>") :]
    text = " ".join("".join(parse(body).text).split())
    view = plan_view(plan, TODAY)
    expected = [value for pair in view.header for value in pair]
    expected += [value for pair in view.platform for value in pair]
    expected += [*view.columns, *(name for name, _ in view.groups)]
    for row in view.rows:
        expected += [row.area, row.goal, row.kpi, row.target, row.action, row.status]
        if row.deadline:
            expected += [row.deadline.written, row.deadline.read]
    for goal in view.goals:
        expected += [goal.statement, *(letter.reason for letter in goal.letters)]
    for value in expected:
        for line in value.splitlines():
            assert " ".join(line.split()) in text, line
    assert html.count('<span class="overdue">') == 2


def test_the_plans_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & <b onclick=1>'
    goal = Goal(
        statement=evil,
        indicators=[Indicator(kpi=evil, target=evil)],
        actions=[Action(text=evil, deadline=evil)],
    )
    plan = Plan(
        person=evil,
        manager=evil,
        date=DEMO_DATE,
        platform=[evil] * 9,
        areas=[Area(title=evil, origin=evil, goals=[goal])],
    )
    text = export_html(plan, TODAY)
    assert "<script" not in text and "<b " not in text
    assert escape(evil) in text
    assert {tag for tag, _ in parse(text).tags} <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl", "dt",
        "dd", "section", "div", "p", "table", "colgroup", "col", "thead", "tr", "th", "tbody",
        "td", "span", "footer",
    }  # fmt: skip


def test_an_empty_plan() -> None:
    text = export_html(Plan(date=DEMO_DATE), TODAY)
    assert text.count(t("export.no_answer", "nb")) == 9
    assert t("export.no_areas", "nb") in text
    assert "<table" not in text
