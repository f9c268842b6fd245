"""The plan as Markdown (``--format md``): to read, mail or keep beside the plan.

The header as the course writes it, the platform's nine questions with their answers, the målkort
as one table in the course's six columns (a goal's block: its area and statement on the first
row, then one row per indicator and action), then each goal's SMARTE checks. A deadline shows as
written and as read ("Innen uke 10 → 08.03.2020"). Every label is in the plan's language.

Pure: a function of the plan and today, no I/O (GitHub-flavoured Markdown: the table is a pipe
table, so ``|`` in a cell is escaped and a line break in a cell is ``<br>``).
"""

from __future__ import annotations

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
        f"*{_inline(view.generated)}*",
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _header(view: PlanView) -> str:
    lines = [f"# {_inline(view.text('plan.title'))}", ""]
    fields = [f"**{_inline(label)}** {_inline(value)}" for label, value in view.header]
    # Two spaces end a line without ending the paragraph: the fields stay one block.
    lines.append("  \n".join(fields))
    return "\n".join(lines)


def _platform(view: PlanView) -> str:
    lines = [f"## {_inline(view.text('platform.title'))}"]
    for number, (question, answer) in enumerate(view.platform, start=1):
        lines += ["", f"### {number}. {_inline(question)}", ""]
        lines.append(
            _paragraphs(answer) if answer.strip() else f"*{view.text('export.no_answer')}*"
        )
    return "\n".join(lines)


def _malkort(view: PlanView) -> str:
    lines = [f"## {_inline(view.text('malkort.group.scorecard'))}", ""]
    if not view.rows:
        return "\n".join([*lines, f"*{view.text('export.no_areas')}*"])
    lines.append(_table_line(view.columns))
    lines.append(_table_line(["---"] * len(view.columns)))
    lines.extend(_table_line(_cells(view, row)) for row in view.rows)
    return "\n".join(lines)


def _cells(view: PlanView, row: TableRow) -> list[str]:
    action = row.action
    if row.status:
        action = f"{action} *({row.status})*" if action else f"*({row.status})*"
    deadline = ""
    if row.deadline is not None:
        deadline = f"{row.deadline.written} → {row.deadline.read}"
        if row.deadline.overdue:
            deadline += f" **{view.text('export.overdue')}**"
    return [
        _cell(row.area),
        _cell(row.goal),
        _cell(row.kpi),
        _cell(row.target),
        _cell(action),
        _cell(deadline),
    ]


def _smarte(view: PlanView) -> str:
    if not view.goals:
        return ""
    lines = [f"## {_inline(view.text('smarte.title'))}", "", f"*{view.text('export.legend')}*"]
    for goal in view.goals:
        statement = goal.statement or view.text("smarte.reason.S.empty")
        lines += ["", f"### {_inline(statement)}", ""]
        score = view.text("export.score", passed=goal.passed, total=len(goal.letters))
        lines += [f"{_inline(goal.area)} · {score}" if goal.area else score, ""]
        for letter in goal.letters:
            mark = PASS if letter.passed else HINT
            lines.append(f"- {mark} **{letter.letter}** {letter.name}: {_inline(letter.reason)}")
    return "\n".join(lines)


def _table_line(cells: list[str] | tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """A table cell: one line, the table's ``|`` escaped, line breaks as ``<br>``."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(line for line in lines if line).replace("|", "\\|")


def _inline(text: str) -> str:
    """Text for a heading or a line of its own: one line."""
    return " ".join(text.split())


def _paragraphs(text: str) -> str:
    """An answer as it was written: its lines kept (hard breaks), blank lines as paragraphs."""
    paragraphs = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("  \n".join(lines))
    return "\n\n".join(paragraphs)
