"""The Markdown export: golden files of the demo plan in nb and en at a fixed today, the
table's cells kept whole (a ``|`` or a line break in the plan's text cannot break the table),
and the plan's text shown as written, never read as Markdown or HTML (``<!--``, ``<navn>``,
``# ``, ``---``, ``1986.``, backticks …): checked on the text, line by line, as CommonMark reads
a line, with no Markdown renderer (none is a dependency).

After a deliberate change to the output, rewrite the golden files with
``LEDERPLAN_UPDATE_GOLDEN=1 python -m pytest tests/export/test_markdown.py`` and read the diff.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.models import Action, Area, Goal, Indicator, Lang, Plan, Status
from lederplan.export.markdown import export_markdown
from lederplan.i18n import t

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
TODAY = date(2020, 3, 1)
"""Inside the demo plan's year: two actions are overdue, the rest to come."""


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LEDERPLAN_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with LEDERPLAN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_demo_plan_golden(lang: str) -> None:
    check_golden(f"export-demo-{lang}.md", export_markdown(demo_plan(lang), TODAY))


def table(text: str) -> list[list[str]]:
    """The målkort's rows, split on the unescaped pipes."""
    rows = []
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = line.replace("\\|", "\x00")[2:-2].split(" | ")
            rows.append([cell.replace("\x00", "|") for cell in cells])
    return rows


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_course_header_and_columns_in_the_plans_language(lang: str) -> None:
    text = export_markdown(demo_plan(lang), TODAY)
    for key in ("plan.person", "plan.manager", "plan.date", "platform.q1", "platform.q9"):
        assert t(key, lang) in text
    header = table(text)[0]
    assert header == [
        t(key, lang)
        for key in (
            "malkort.areas",
            "malkort.statements",
            "malkort.kpi",
            "malkort.target",
            "malkort.actions",
            "malkort.deadlines",
        )
    ]
    # One row per indicator/action pair of each goal; the area and goal on their block's first.
    rows = table(text)[1:]
    assert len(rows) == 4 + 4 + 2
    assert [bool(row[0]) for row in rows] == [True, False, False, False] * 2 + [True, False]


def test_the_plans_language_not_the_uis() -> None:
    from lederplan.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    try:
        assert "Nærmeste leder:" in export_markdown(demo_plan("nb"), TODAY)
    finally:
        set_language(before)


def test_deadlines_written_and_read_and_overdue() -> None:
    rows = table(export_markdown(demo_plan("nb"), TODAY))[1:]
    deadlines = [row[5] for row in rows]
    assert deadlines[0] == "Med en gang → 06.01.2020 **forfalt**"
    assert "Innen uke 10 → 08.03.2020" in deadlines
    assert "Løpende → løpende til 06.01.2021" in deadlines
    assert "Innen dato X → ingen dato ennå" in deadlines
    assert "En gang i uken de neste tre månedene → gjentas til 06.04.2020" in deadlines
    later = export_markdown(demo_plan("nb"), DEMO_DATE)
    assert "forfalt" not in later


def test_pipes_and_line_breaks_stay_inside_their_cell() -> None:
    goal = Goal(
        statement="Mål | med strek\nog to linjer",
        indicators=[Indicator(kpi="a|b", target="c\r\nd")],
        actions=[
            Action(text="Tiltak |", deadline="Innen juni", status=Status.DOING),
            Action(
                text="Ferdig",
                deadline="Innen mars",
                status=Status.DONE,
                done_date=date(2020, 2, 2),
            ),
        ],
    )
    plan = Plan(date=DEMO_DATE, areas=[Area(title="Område | 1", goals=[goal])])
    text = export_markdown(plan, TODAY)
    assert "| Område \\| 1 | Mål \\| med strek<br>og to linjer | a\\|b | c<br>d |" in text
    rows = table(text)
    assert all(len(row) == 6 for row in rows)
    assert rows[1][:5] == [
        "Område | 1",
        "Mål | med strek<br>og to linjer",
        "a|b",
        "c<br>d",
        "Tiltak | *(pågår)*",
    ]
    assert rows[2][4] == "Ferdig *(ferdig 02.02.2020)*"


def test_an_empty_plan() -> None:
    text = export_markdown(Plan(date=DEMO_DATE, lang=Lang.EN), TODAY)
    assert text.count(t("export.no_answer", "en")) == 9
    assert t("export.no_areas", "en") in text
    assert "| ---" not in text


# -- the plan's text is text ------------------------------------------------------------------

BLOCKS = (
    ("code", r"(?: {4}|\t)"),
    ("heading", r" {0,3}#{1,6}(?:[ \t]|$)"),
    ("quote", r" {0,3}>"),
    ("fence", r" {0,3}(?:`{3,}|~{3,})"),
    ("html", r" {0,3}<"),
    ("underline", r" {0,3}(?:=+|-+)[ \t]*$"),
    ("rule", r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$"),
    ("list", r" {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)"),
    ("table", r"\|"),
)
"""What a line can begin, as CommonMark (and GFM's tables) read it; anything else is text."""
ESCAPE = re.compile(r"\\[!-/:-@[-`{-~]")
"""A backslash escape: a backslash before any ASCII punctuation."""
MARKUP = set("`*_[]~<>|#")
"""What would be markup inside a line: code, emphasis, strikethrough, links, HTML, cells, #."""


def kind(line: str) -> str:
    if not line.strip():
        return "blank"
    return next((name for name, pattern in BLOCKS if re.match(pattern, line)), "text")


def markup(line: str) -> str:
    """The line's unescaped markup characters, in order."""
    return "".join(char for char in ESCAPE.sub("", line) if char in MARKUP)


def skeleton(markdown: str) -> list[tuple[str, str]]:
    """The document's structure: each line's kind and markup (its words left out)."""
    return [(kind(line), markup(line)) for line in markdown.split("\n")]


def unescape(markdown: str) -> str:
    """What a reader sees of escaped text: backslash escapes and the three entities undone."""
    entities = {"amp": "&", "lt": "<", "gt": ">"}
    return re.sub(
        r"\\([!-/:-@[-`{-~])|&(amp|lt|gt);",
        lambda m: m.group(1) or entities[m.group(2)],
        markdown,
    )


def plain(text: str) -> str:
    """*text* with every line that has words replaced by a harmless word, its shape kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join("x" if line.strip() else line for line in lines)


def _set_action(plan: Plan, **fields: object) -> None:
    action = plan.areas[0].goals[0].actions[0]
    # Done, so that a deadline read as some past date does not add "forfalt" to one side only.
    action.status, action.done_date = Status.DONE, date(2020, 2, 2)
    for name, value in fields.items():
        setattr(action, name, value)


def _set_platform(plan: Plan, text: str) -> None:
    plan.platform = [text, *plan.platform[1:]]


FIELDS: dict[str, Callable[[Plan, str], None]] = {
    "person": lambda plan, text: setattr(plan, "person", text),
    "manager": lambda plan, text: setattr(plan, "manager", text),
    "answer": _set_platform,
    "area": lambda plan, text: setattr(plan.areas[0], "title", text),
    "origin": lambda plan, text: setattr(plan.areas[0], "origin", text),
    "goal": lambda plan, text: setattr(plan.areas[0].goals[0], "statement", text),
    "kpi": lambda plan, text: setattr(plan.areas[0].goals[0].indicators[0], "kpi", text),
    "target": lambda plan, text: setattr(plan.areas[0].goals[0].indicators[0], "target", text),
    "action": lambda plan, text: _set_action(plan, text=text),
    "deadline": lambda plan, text: _set_action(plan, deadline=text),
}
"""Every place the plan's own text is written: as a header value, a paragraph, a heading
(a goal in SMARTE), the start of a line (an area in SMARTE) and a table cell."""

HOSTILE = {
    "comment": "<!-- utkast, skrives om",
    "tag": "Ukentlige samtaler med <navn på ansatt>",
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "heading": "# Ikke en overskrift",
    "closing-hashes": "Mål nr. 2 ##",
    "setext-h2": "Linjen over\n---",
    "setext-h1": "Linjen over\n===",
    "rule": "Før\n***\n___\n- - -",
    "quote": "Styrker:\n> rolig",
    "bullets": "- lytter\n+ ser helheten\n* holder hodet kaldt",
    "ordered": "1986. et år\n1) først",
    "indented": "    fire mellomrom er kode\n\n\tog en tab",
    "fence": "```\nkode\n```\n~~~",
    "inline": "`kode` og *uthevet* og _kursiv_ og ~~strek~~ og **fet**",
    "links": "[lenke](http://x) og ![bilde](x.png) og <http://x>",
    "table": "a | b\n--- | ---\nc | d",
    "entities": "&lt; &amp; &#60; &copy; er tekst",
    "backslashes": "C:\\mappe\\*fil* \\# \\",
    "carriage-return": "Første\r# andre\r\n- tredje",
}
"""Text a leader could write (or paste) that Markdown or HTML would read as something else."""


def plan_with(field: str, text: str) -> Plan:
    plan = demo_plan("nb")
    FIELDS[field](plan, text)
    return plan


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_plans_text_is_never_markdown(field: str, text: str) -> None:
    hostile = export_markdown(plan_with(field, text), TODAY)
    harmless = export_markdown(plan_with(field, plain(text)), TODAY)
    # Line for line the same headings, paragraphs, list, table and emphasis as a plan whose text
    # is plain words: the hostile text added no block and no inline markup.
    assert skeleton(hostile) == skeleton(harmless)
    # No HTML of the plan's text: the only tag is the table's own <br>; & only as an entity.
    assert "<" not in hostile.replace("<br>", "")
    assert ">" not in hostile.replace("<br>", "")
    assert not re.search(r"&(?!amp;|lt;|gt;)", hostile)


ANSWERS = [
    ("1986. et år", "1986\\. et år"),
    ("1) først\n2. så", "1\\) først  \n2\\. så"),
    ("# Ikke en overskrift\nLinjen over\n---", "\\# Ikke en overskrift  \nLinjen over  \n\\---"),
    ("> rolig\n- lytter\n+ ser\n* holder", "&gt; rolig  \n\\- lytter  \n\\+ ser  \n\\* holder"),
    ("    kode?\n\tnei", "kode?  \nnei"),
    ("<!-- utkast", "&lt;!-- utkast"),
    ("Med <navn> & co", "Med &lt;navn&gt; &amp; co"),
    ("`x` *y* _z_ ~w~ [a](b) | c", "\\`x\\` \\*y\\* \\_z\\_ \\~w\\~ \\[a\\](b) \\| c"),
    # Left as written: a period, hyphen or parenthesis mid-line means nothing, nor a number
    # at the start of a line not followed by a space. (A leading - or + is always escaped.)
    (
        "Innen 1. mars (ca. 3.5 t) - og 2020. Så 1.5 timer.\n1.5 timer\n-x",
        "Innen 1. mars (ca. 3.5 t) - og 2020. Så 1.5 timer.  \n1.5 timer  \n\\-x",
    ),
]


@pytest.mark.parametrize(("answer", "written"), ANSWERS)
def test_an_answer_escaped_only_where_markdown_would_read_it(answer: str, written: str) -> None:
    plan = Plan(date=DEMO_DATE, platform=[answer, *[""] * 8])
    assert answer_of(export_markdown(plan, TODAY)) == written


def test_a_cell_and_a_heading_escaped_only_where_markdown_would_read_it() -> None:
    text = export_markdown(plan_with("kpi", "Samtaler med <navn> | 1. gang\n- så *ofte*"), TODAY)
    assert "| Tilbakemeldinger fra andre |" not in text
    assert "| Samtaler med &lt;navn&gt; \\| 1. gang<br>- så \\*ofte\\* |" in text
    text = export_markdown(plan_with("goal", "Mål # 1. del"), TODAY)
    assert "\n### Mål \\# 1. del\n" in text


def answer_of(markdown: str) -> str:
    """Platform answer 1 as written in *markdown*."""
    start = markdown.index("\n### 1. ")
    start = markdown.index("\n\n", start) + 2
    return markdown[start : markdown.index("\n\n### 2. ")]


MARKDOWNISH = st.text(alphabet=st.sampled_from("#>-+*=_`~[]()!|<>&;\\.1) \t\n\rab"))
"""Text made mostly of what Markdown reads: the edge cases, far more often than st.text()."""


@settings(deadline=None, max_examples=200)
@given(st.one_of(st.text(), MARKDOWNISH), st.one_of(st.text(), MARKDOWNISH))
def test_any_text_shows_as_written(answer: str, person: str) -> None:
    plan = Plan(date=DEMO_DATE, platform=[answer, *[""] * 8], person=person)
    answer, person = plan.platform[0], plan.person  # as the plan keeps them (cleaned)
    text = export_markdown(plan, TODAY)
    harmless = Plan(date=DEMO_DATE, platform=[plain(answer), *[""] * 8], person=plain(person))
    assert skeleton(text) == skeleton(export_markdown(harmless, TODAY))
    # The person: one line, whitespace run together, and exactly the name once unescaped.
    prefix = f"**{t('plan.person', 'nb')}** "
    (line,) = [line for line in text.split("\n") if line.startswith(prefix)]
    value = line.removeprefix(prefix).removesuffix("  ")
    assert "<" not in value and ">" not in value
    assert unescape(value) == " ".join(person.split())
    # The answer: its lines (stripped) and paragraphs, each a line of text, exactly as written.
    blocks = answer.replace("\r\n", "\n").replace("\r", "\n").split("\n\n")
    paragraphs = [[line.strip() for line in block.split("\n") if line.strip()] for block in blocks]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    written = answer_of(text)
    if not paragraphs:
        assert written == f"*{t('export.no_answer', 'nb')}*"
        return
    assert "<" not in written and ">" not in written
    shown = [paragraph.split("  \n") for paragraph in written.split("\n\n")]
    assert all(kind(line) == "text" and not markup(line) for lines in shown for line in lines)
    assert [[unescape(line) for line in lines] for lines in shown] == paragraphs
