"""The plan as one self-contained HTML file (``--format html``) that prints on A4 landscape.

The same content as the Markdown (:mod:`lederplan.export.markdown`, both built from
:mod:`lederplan.export.plan_view`): the header, the platform's nine boxes, the målkort in the
course's layout (three column groups over six columns, an area's and a goal's cell spanning their
rows) and each goal's SMARTE checks.

The file needs nothing else: the CSS is inline, there are no scripts, images, fonts or URLs, so
it opens offline and sends nothing anywhere. For print: ``@page`` is A4 landscape; the tables
have fixed column widths in per cent that add up to the page's width, and text wraps anywhere
rather than widen a column, so no column is ever cut off; the header rows repeat on every page
and a row is never split between pages. All the plan's text is HTML-escaped.

Pure: a function of the plan and today, no I/O.
"""

from __future__ import annotations

from datetime import date
from html import escape

from lederplan.domain.models import Plan
from lederplan.export.plan_view import COLUMN_SHARES, HINT, PASS, PlanView, TableRow, plan_view

_SMARTE_GOAL_SHARE = 22
"""The SMARTE table's goal column (per cent); the six letters share the rest."""

STYLE = """
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #111; background: #fff; font-size: 10pt; line-height: 1.3;
  font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
}
@media screen { body { max-width: 273mm; margin: 8mm auto; padding: 0 4mm; } }
h1 { font-size: 16pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 6mm 0 3mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10pt; margin: 0 0 1mm; }
.plan-header { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
.plan-header dt { font-weight: bold; }
.plan-header dd { margin: 0; overflow-wrap: anywhere; }
.platform { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 3mm; }
.box {
  border: 0.3mm solid #8a94a6; border-radius: 1.5mm; padding: 2mm 3mm;
  break-inside: avoid; page-break-inside: avoid; overflow-wrap: anywhere;
}
.box p { margin: 0; white-space: pre-line; }
.empty { color: #666; font-style: italic; }
section.malkort, section.smarte { break-before: page; page-break-before: always; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 9pt; }
th, td {
  border: 0.3mm solid #59627a; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
  white-space: pre-line; word-wrap: break-word; overflow-wrap: anywhere;
}
thead { display: table-header-group; }
thead th { background: #dfe5ef; }
thead tr.groups th { background: #c3cee0; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.area, td.goal { background: #f3f5f9; }
td.area { font-weight: bold; }
td.cont { border-top-style: hidden; }
.read { display: block; color: #333; }
.overdue { color: #a00000; font-weight: bold; }
.status { font-style: italic; color: #333; }
.pass { color: #17641b; font-weight: bold; }
.hint { color: #8a5200; font-weight: bold; }
.legend { color: #333; font-style: italic; margin: 0 0 2mm; }
.where { display: block; color: #444; font-size: 8pt; margin-top: 1mm; }
footer { margin-top: 5mm; color: #555; font-size: 8pt; }
"""
"""The whole stylesheet: print first, a readable column on screen."""


def export_html(plan: Plan, today: date) -> str:
    """Return *plan* as one HTML document; *today* marks overdue actions and dates the file."""
    view = plan_view(plan, today)
    title = f"{view.text('plan.title')} – {view.title}" if plan.person else view.title
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(view.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        _header(view),
        _platform(view),
        _malkort(view),
        _smarte(view),
        f"<footer>{escape(view.generated)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _header(view: PlanView) -> str:
    fields = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in view.header
    )
    return (
        f"<header>\n<h1>{escape(view.text('plan.title'))}</h1>\n"
        f'<dl class="plan-header">{fields}</dl>\n</header>'
    )


def _platform(view: PlanView) -> str:
    boxes = []
    for number, (question, answer) in enumerate(view.platform, start=1):
        text = (
            f"<p>{escape(answer.strip())}</p>"
            if answer.strip()
            else f'<p class="empty">{escape(view.text("export.no_answer"))}</p>'
        )
        boxes.append(f'<div class="box"><h3>{number}. {escape(question)}</h3>{text}</div>')
    return (
        f'<section class="platform-section">\n<h2>{escape(view.text("platform.title"))}</h2>\n'
        f'<div class="platform">\n' + "\n".join(boxes) + "\n</div>\n</section>"
    )


def _malkort(view: PlanView) -> str:
    heading = f"<h2>{escape(view.text('malkort.group.scorecard'))}</h2>"
    if not view.rows:
        empty = escape(view.text("export.no_areas"))
        return f'<section class="malkort">\n{heading}\n<p class="empty">{empty}</p>\n</section>'
    columns = "".join(f'<col style="width: {share}%">' for share in COLUMN_SHARES)
    groups = "".join(
        f'<th colspan="{span}" scope="colgroup">{escape(name)}</th>' for name, span in view.groups
    )
    names = "".join(f'<th scope="col">{escape(name)}</th>' for name in view.columns)
    body = "\n".join(_row(view, row) for row in view.rows)
    return (
        f'<section class="malkort">\n{heading}\n<table class="malkort-table">\n'
        f"<colgroup>{columns}</colgroup>\n"
        f'<thead>\n<tr class="groups">{groups}</tr>\n<tr>{names}</tr>\n</thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>\n</section>"
    )


def _row(view: PlanView, row: TableRow) -> str:
    cells = [
        _block_cell("area", row.area, continued=not row.area_span),
        _block_cell("goal", row.goal, continued=not row.goal_span),
    ]
    cells.append(f"<td>{escape(row.kpi)}</td>")
    cells.append(f"<td>{escape(row.target)}</td>")
    action = escape(row.action)
    if row.status:
        action += f' <span class="status">({escape(row.status)})</span>'
    cells.append(f"<td>{action}</td>")
    deadline = ""
    if row.deadline is not None:
        deadline = f'{escape(row.deadline.written)}<span class="read">→ {escape(row.deadline.read)}'
        if row.deadline.overdue:
            deadline += f' <span class="overdue">{escape(view.text("export.overdue"))}</span>'
        deadline += "</span>"
    cells.append(f'<td class="deadline">{deadline}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _block_cell(kind: str, text: str, *, continued: bool) -> str:
    # Not a rowspan: a cell spanning rows is cut at a page break and stretched to the page's
    # end; a row of its own can move to the next page whole. A continued cell draws no line
    # above it, so the block still looks like one cell.
    if continued:
        return f'<td class="{kind} cont"></td>'
    return f'<td class="{kind}">{escape(text)}</td>'


def _smarte(view: PlanView) -> str:
    if not view.goals:
        return ""
    letter_share = (100 - _SMARTE_GOAL_SHARE) / 6
    columns = f'<col style="width: {_SMARTE_GOAL_SHARE}%">' + "".join(
        f'<col style="width: {letter_share:.4g}%">' for _ in range(6)
    )
    first = view.goals[0].letters
    names = f'<th scope="col">{escape(view.text("export.smarte_goal"))}</th>' + "".join(
        f'<th scope="col">{escape(letter.letter)} · {escape(letter.name)}</th>' for letter in first
    )
    rows = []
    for goal in view.goals:
        statement = goal.statement or view.text("smarte.reason.S.empty")
        score = view.text("export.score", passed=goal.passed, total=len(goal.letters))
        where = " · ".join(part for part in (goal.area, score) if part)
        cells = [f'<td>{escape(statement)}<span class="where">{escape(where)}</span></td>']
        for letter in goal.letters:
            mark = (
                f'<span class="pass">{PASS}</span>'
                if letter.passed
                else f'<span class="hint">{HINT}</span>'
            )
            cells.append(f"<td>{mark} {escape(letter.reason)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    legend = escape(view.text("export.legend"))
    return (
        f'<section class="smarte">\n<h2>{escape(view.text("smarte.title"))}</h2>\n'
        f'<p class="legend">{legend}</p>\n<table class="smarte-table">\n'
        f"<colgroup>{columns}</colgroup>\n<thead><tr>{names}</tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</section>"
    )
