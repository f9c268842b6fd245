"""The HTML export printed by a real browser: headless Chromium prints it to PDF, and the PDF's
words (``pdftotext -bbox``, from poppler-utils) must show that it fits A4 landscape.

What is checked on every page: the size is A4 landscape (842 x 595 pt); no word lies outside
the page; the text is printed at its size (Chromium shrinks a page whose content is too wide, by
up to about 1.5x, and cuts off what is still too wide: a shrunk page is caught by the words'
height, a cut one by the words that are missing). And every word of every cell of the målkort,
the column titles among them, is somewhere in the PDF.

``test_the_check_catches_a_table_too_wide`` proves the check fails when a column does not fit:
the same plan with the table forced 400 mm (shrunk to fit) and 700 mm (shrunk and cut) wide.

Runs where Debian's ``chromium`` and poppler-utils' ``pdftotext`` are installed (``.ci/run``
installs them with apt when it can); skipped with the reason elsewhere. About 1.5 s a print.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.models import Action, Area, Goal, Indicator, Plan
from lederplan.export.html import export_html
from lederplan.export.plan_view import plan_view

CHROMIUM = shutil.which("chromium")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None,
    reason="needs Debian's chromium and poppler-utils' pdftotext "
    "(apt-get install chromium poppler-utils); browser downloads do not work here",
)

TODAY = date(2020, 3, 1)
A4_LANDSCAPE = (841.92, 595.28)
"""Points; Chromium writes 841.92 x 594.96."""
TOLERANCE = 2.0
MIN_WORD_HEIGHT = 9.5
"""Points. The smallest text is 9 pt (the tables), whose words are ~10.5 pt high in the PDF; the
median word of a page printed shrunk to fit is ~7 pt high."""


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]


def print_to_pdf(html: str, tmp_path: Path, name: str) -> Path:
    source, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    source.write_text(html, encoding="utf-8")
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert pdf.exists() and pdf.stat().st_size > 0
    return pdf


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def read_pdf(pdf: Path) -> list[Page]:
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for width, height, body in _PAGE.findall(out):
        words = [
            Word(_unescape(text), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, text in _WORD.findall(body)
        ]
        pages.append(Page(float(width), float(height), words))
    return pages


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def layout_problems(pages: list[Page], expected_words: set[str]) -> list[str]:
    """What is wrong with the printed pages; empty when the plan fits A4 landscape whole."""
    problems = []
    if not pages:
        return ["no pages"]
    for number, page in enumerate(pages, start=1):
        size = (page.width, page.height)
        if any(abs(a - b) > TOLERANCE for a, b in zip(size, A4_LANDSCAPE, strict=True)):
            problems.append(f"page {number} is {page.width:.0f} x {page.height:.0f} pt")
        outside = [
            w.text
            for w in page.words
            if w.x_min < 0 or w.y_min < 0 or w.x_max > page.width or w.y_max > page.height
        ]
        if outside:
            problems.append(f"page {number}: words outside the page: {outside[:5]}")
        if page.words:
            height = statistics.median(w.y_max - w.y_min for w in page.words)
            if height < MIN_WORD_HEIGHT:
                problems.append(f"page {number} is printed shrunk: words {height:.1f} pt high")
    printed = {w.text for page in pages for w in page.words}
    missing = sorted(expected_words - printed)
    if missing:
        problems.append(f"{len(missing)} words are not printed, e.g. {missing[:8]}")
    return problems


def malkort_words(plan: Plan) -> set[str]:
    """Every word of the målkort's titles and cells, deadlines as written and as read."""
    view = plan_view(plan, TODAY)
    texts = [*view.columns, *(name for name, _ in view.groups)]
    for row in view.rows:
        texts += [row.area, row.goal, row.kpi, row.target, row.action]
        if row.deadline:
            texts += [row.deadline.written, row.deadline.read]
    return {word for text in texts for word in text.split()}


def words_of(tag: str, length: int) -> str:
    """About *length* characters of short words no other text has ("a07w00 a07w01 ...")."""
    found: list[str] = []
    while len(" ".join(found)) + 7 <= length:
        found.append(f"{tag}w{len(found):02d}")
    return " ".join(found)


def long_plan() -> Plan:
    """One goal with 40 actions and 40 indicators, every text 200 characters long."""
    goal = Goal(
        statement=words_of("g", 200),
        indicators=[
            Indicator(kpi=words_of(f"k{i:02d}", 200), target=words_of(f"t{i:02d}", 200))
            for i in range(40)
        ],
        actions=[
            Action(text=words_of(f"a{i:02d}", 200), deadline=words_of(f"d{i:02d}", 200))
            for i in range(40)
        ],
    )
    return Plan(
        person="Person X",
        manager="Person Y",
        date=DEMO_DATE,
        platform=[words_of(f"p{n}", 200) for n in range(9)],
        areas=[Area(title=words_of("ar", 200), origin="o", goals=[goal])],
    )


def test_demo_plan_prints_on_a4_landscape(tmp_path: Path) -> None:
    plan = demo_plan("nb")
    pages = read_pdf(print_to_pdf(export_html(plan, TODAY), tmp_path, "demo"))
    assert layout_problems(pages, malkort_words(plan)) == []
    # The målkort starts a page with all six columns' titles on it.
    first = next(p for p in pages if any(w.text == "Utviklingsområder" for w in p.words))
    on_page = {w.text for w in first.words}
    assert {"Mål/effekt", "Tiltak", "Frister/Delfrister", "(KPI)"} <= on_page


def test_a_long_plan_prints_every_column_whole(tmp_path: Path) -> None:
    plan = long_plan()
    pages = read_pdf(print_to_pdf(export_html(plan, TODAY), tmp_path, "long"))
    expected = malkort_words(plan)
    assert len(expected) > 40 * 4 * 25  # the test words are there to be found
    assert layout_problems(pages, expected) == []
    assert len(pages) > 5
    # The column titles repeat at the top of every page of the målkort.
    action_word = re.compile(r"a\d\dw\d\d")
    table_pages = [p for p in pages if any(action_word.fullmatch(w.text) for w in p.words)]
    assert len(table_pages) > 5
    for page in table_pages:
        titles = [w for w in page.words if w.text == "Utviklingsområder"]
        assert titles and titles[0].y_max < min(w.y_min for w in page.words if w.text[0] == "a")


def test_the_check_catches_a_table_too_wide(tmp_path: Path) -> None:
    plan = demo_plan("nb")
    html = export_html(plan, TODAY)
    # 400 mm is shrunk to fit (nothing lost, all of it small); 700 mm is shrunk and cut.
    for width, problem in (("400mm", "printed shrunk"), ("700mm", "words are not printed")):
        broken = html.replace("table { width: 100%;", f"table {{ width: {width};")
        assert broken != html
        pages = read_pdf(print_to_pdf(broken, tmp_path, f"broken-{width}"))
        problems = layout_problems(pages, malkort_words(plan))
        assert any(problem in found for found in problems), (width, problems)
