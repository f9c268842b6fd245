"""The plan as Markdown (``--format md``): to read, mail or keep beside the plan.

The header as the course writes it, the platform's nine questions with their answers, the målkort
as one table in the course's six columns (a goal's block: its area and statement on the first
row, then one row per indicator and action), then each goal's SMARTE checks. A deadline shows as
written and as read ("Innen uke 10 → 08.03.2020"). Every label is in the plan's language.

Pure: a function of the plan and today, no I/O (GitHub-flavoured Markdown: the table is a pipe
table, so ``|`` in a cell is escaped and a line break in a cell is ``<br>``).

The plan's text is the leader's, not Markdown: it is escaped wherever it is written
(:func:`_escape`), so that ``<navn>`` shows as written, ``<!--`` or ``<script>`` cannot hide
or run anything, and a line of an answer that begins ``# ``, ``- ``, ``> `` or ``1986.`` stays
a line of text.
"""

from __future__ import annotations

import re
from datetime import date

from lederplan.domain.models import Plan
from lederplan.export.plan_view import HINT, PASS, PlanView, TableRow, plan_view


def export_markdown(plan: Plan, today: date) -> str:
    """Return *plan* as a Markdown document; *today* marks overdue actions and dates the file."""
    view = plan_view(plan, today)
    parts = [
        _header(view),
        _platform(view),
        _malkort(view),
        _smarte(view),
        f"*{_escape(_inline(view.generated))}*",
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _header(view: PlanView) -> str:
    lines = [f"# {_escape(_inline(view.text('plan.title')))}", ""]
    fields = [
        f"**{_escape(_inline(label))}** {_escape(_inline(value))}" for label, value in view.header
    ]
    # Two spaces end a line without ending the paragraph: the fields stay one block.
    lines.append("  \n".join(fields))
    return "\n".join(lines)


def _platform(view: PlanView) -> str:
    lines = [f"## {_escape(_inline(view.text('platform.title')))}"]
    for number, (question, answer) in enumerate(view.platform, start=1):
        lines += ["", f"### {number}. {_escape(_inline(question))}", ""]
        lines.append(
            _paragraphs(answer) if answer.strip() else f"*{view.text('export.no_answer')}*"
        )
    return "\n".join(lines)


def _malkort(view: PlanView) -> str:
    lines = [f"## {_escape(_inline(view.text('malkort.group.scorecard')))}", ""]
    if not view.rows:
        return "\n".join([*lines, f"*{view.text('export.no_areas')}*"])
    lines.append(_table_line([_cell(column) for column in view.columns]))
    lines.append(_table_line(["---"] * len(view.columns)))
    lines.extend(_table_line(_cells(view, row)) for row in view.rows)
    return "\n".join(lines)


def _cells(view: PlanView, row: TableRow) -> list[str]:
    action = _cell(row.action)
    if row.status:
        status = f"*({_cell(row.status)})*"
        action = f"{action} {status}" if action else status
    deadline = ""
    if row.deadline is not None:
        deadline = f"{_cell(row.deadline.written)} → {_cell(row.deadline.read)}"
        if row.deadline.overdue:
            deadline += f" **{_cell(view.text('export.overdue'))}**"
    return [_cell(row.area), _cell(row.goal), _cell(row.kpi), _cell(row.target), action, deadline]


def _smarte(view: PlanView) -> str:
    if not view.goals:
        return ""
    title = _escape(_inline(view.text("smarte.title")))
    lines = [f"## {title}", "", f"*{_escape(view.text('export.legend'))}*"]
    for goal in view.goals:
        statement = goal.statement or view.text("smarte.reason.S.empty")
        lines += ["", f"### {_escape(_inline(statement))}", ""]
        score = _escape(view.text("export.score", passed=goal.passed, total=len(goal.letters)))
        area = _escape(_inline(goal.area), line_start=True)
        lines += [f"{area} · {score}" if area else score, ""]
        for letter in goal.letters:
            mark = PASS if letter.passed else HINT
            reason = _escape(_inline(letter.reason))
            lines.append(f"- {mark} **{letter.letter}** {_escape(letter.name)}: {reason}")
    return "\n".join(lines)


def _table_line(cells: list[str] | tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[&<>\\`*_\[\]~|#]")
"""What has a meaning anywhere in a line: HTML and entities (``<`` ``>`` ``&``, written as
entities), code, emphasis, strikethrough, links and images, table cells, a heading's closing
``#``s, and the backslash itself (the rest are backslash-escaped)."""
_LINE_START = re.compile(r"[-+=]|[0-9]+(?=[.)](?:[ \t]|$))")
"""What has a meaning only at the start of a line: a list item's ``-``/``+``, a ``---`` or
``===`` that would make the line above a heading, and a number that would begin an ordered list
(``1986.``, ``1)``: its ``.``/``)`` is escaped, so a year or a figure mid-sentence is not)."""


def _escape(text: str, *, line_start: bool = False) -> str:
    """The leader's *text* as Markdown that shows it exactly as written, and nothing more.

    ``&``, ``<`` and ``>`` become entities; the punctuation that starts code, emphasis, links,
    cells and closing ``#``s is backslash-escaped. With *line_start* the text begins a line of
    its own: a leading list, heading-underline or ordered-list marker is escaped too. Periods,
    hyphens and parentheses mid-line are left as they are (they mean nothing there).
    """
    escaped = _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), text)
    if line_start and (marker := _LINE_START.match(escaped)):
        if marker.group()[0].isdigit():
            end = marker.end()
            return f"{escaped[:end]}\\{escaped[end:]}"
        return "\\" + escaped
    return escaped


def _lines(text: str) -> list[str]:
    """*text*'s lines, split on every line ending Markdown knows (``\\r\\n``, ``\\r``, ``\\n``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _cell(text: str) -> str:
    """A table cell: one line, escaped (``|`` as ``\\|``), line breaks as ``<br>``."""
    lines = [line.strip() for line in _lines(text)]
    return "<br>".join(_escape(line) for line in lines if line)


def _inline(text: str) -> str:
    """Text for a heading or a line of its own: one line (not yet escaped)."""
    return " ".join(text.split())


def _paragraphs(text: str) -> str:
    """An answer as it was written: its lines kept (hard breaks), blank lines as paragraphs.

    Each line is escaped as the start of a line, and its indentation dropped (Markdown would
    read four spaces as code; in a paragraph it shows no indentation anyway).
    """
    paragraphs = []
    for block in "\n".join(_lines(text)).split("\n\n"):
        lines = [_escape(line.strip(), line_start=True) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("  \n".join(lines))
    return "\n\n".join(paragraphs)
