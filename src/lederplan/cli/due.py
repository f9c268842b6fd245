"""``lederplan due [--days N] [--all] [--json]``: overdue and upcoming actions, for login scripts.

It lists the current plan's actions (the first plan, the one the app shows) that are overdue (a
due date before today, not done) or due today or within the next N days (default
:data:`DEFAULT_DAYS`), overdue first and then by date. A recurring action counts by its next
occurrence and is never overdue; ongoing actions, actions without a readable deadline and done
actions are listed only with ``--all``, which lists every action of the plan.

Made for a login script on a shared server: nothing is printed when nothing is due (nor when there
is no plan yet) and the exit code is 0; colour only when stdout is a terminal and ``NO_COLOR`` is
unset or empty. ``--json`` always prints a list, ``[]`` when nothing is due. A damaged data file
is reported like everywhere else (on stderr, exit code 1).

``LEDERPLAN_TODAY=YYYY-MM-DD`` fixes "today", for tests and examples.

It must start fast, also on a file that has grown for years (``bench/due_bench.py``). So it
works on the store's raw tables (:meth:`Store.read_tables`) with the standard-library deadline
reader, and imports neither pydantic, TinyDB nor Textual. It reads the current period only: the
CLI gives the store :func:`~lederplan.cli.due_items.check_current_period` as its check, so the
older periods are parsed (the file is one JSON document) but not checked, and of the current
period's actions only those listed are read (:func:`~lederplan.cli.due_items.due_items`). The
raw documents are checked here as far as this command uses them, and their text is cleaned as
the models would clean it. A damaged older period is the app's to report, not a login script's.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from datetime import date
from typing import TextIO

from lederplan import clock
from lederplan.cli.due_items import SECTIONS, DueItem, due_items, plan_language
from lederplan.clock import ENV_TODAY
from lederplan.domain.deadlines import DeadlineKind
from lederplan.i18n import detect_language, format_date, set_language, t
from lederplan.store.errors import CorruptDataError
from lederplan.store.shape import check_tables
from lederplan.store.store import Store

DEFAULT_DAYS = 14
"""How many days ahead ``lederplan due`` looks without ``--days``."""
DUE_SECTIONS = ("overdue", "soon")
_MARKS = {"todo": "[ ]", "doing": "[~]", "done": "[x]"}
TEXT_WIDTH = 120
"""The width the text output fits its second lines to when stdout is not a terminal."""
_GOAL_MIN = 24
"""Goal statements can be a paragraph: the text output shortens them to fit the line, to no less
than this (JSON has them whole)."""
_SGR = {"bold": "1", "dim": "2", "red": "31", "yellow": "33"}


def run_due(
    store: Store,
    *,
    days: int | None,
    show_all: bool,
    as_json: bool,
    environ: Mapping[str, str] = os.environ,
    out: TextIO | None = None,
    lang_option: str | None = None,
    saved_lang: str | None = None,
) -> int:
    """Print what is due (see the module's docstring); return the exit code.

    The output speaks *lang_option* (``--lang``), else ``$LEDERPLAN_LANG``, else the plan's
    language, else *saved_lang* (the saved setting), else the locale: a login script's locale is
    often ``C`` while the plan is in Norwegian.

    Raises:
        StoreError: the data file cannot be read (the CLI says why).
    """
    from lederplan.cli.output import fail

    try:
        tables = store.read_tables()
        # First, so that every sentence below is in the plan's language too.
        set_language(detect_language(lang_option, environ, saved_lang, plan_language(tables)))
    except CorruptDataError as error:  # damaged, or a field of the wrong value
        raise _named_good_backup(store, error.reason) from None
    days = DEFAULT_DAYS if days is None else days
    if days < 0:
        return fail(t("due.bad_days", days=days), code=2)  # a mistyped command line, as "x"
    try:
        today = clock.today(environ)
    except ValueError:
        return fail(t("due.bad_today", value=environ.get(ENV_TODAY)))
    sections = SECTIONS if show_all else DUE_SECTIONS
    try:
        items = due_items(tables, today, days, str(store.path), sections)
    except CorruptDataError as error:
        raise _named_good_backup(store, error.reason) from None
    out = sys.stdout if out is None else out
    if as_json:
        text = render_json(items, ascii_only=not _is_utf8(out))
    else:
        text = render_text(items, today, days, colour=use_colour(out, environ), width=_width(out))
        if not _is_utf8(out) and hasattr(out, "reconfigure"):
            out.reconfigure(errors="replace")  # a Latin-1 terminal gets "?" for "›", not a crash
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        # `lederplan due | head -1`: the reader has what it wanted. Point stdout at /dev/null so
        # that the flush at exit does not complain either.
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _named_good_backup(store: Store, reason: str) -> CorruptDataError:
    # The store may check only the current period (check_current_period): the backup the message
    # offers must be good for every reader, the app included, so look for it with the whole check.
    whole = store if store.check is check_tables else Store(store.dir)
    return whole.corrupt(reason)


def use_colour(out: TextIO, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and not when ``NO_COLOR`` is set (no-color.org) or TERM=dumb."""
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _width(out: TextIO) -> int:
    try:
        columns = os.get_terminal_size(out.fileno()).columns if out.isatty() else 0
    except (AttributeError, ValueError, OSError):  # not a file, closed, or no size
        columns = 0
    return columns or TEXT_WIDTH


def _is_utf8(out: TextIO) -> bool:
    encoding = getattr(out, "encoding", None) or "utf-8"
    return encoding.lower().replace("-", "").replace("_", "") == "utf8"


# -- reading the plan --------------------------------------------------------------------------


# -- output --------------------------------------------------------------------------------------


def render_json(items: list[DueItem], *, ascii_only: bool = False) -> str:
    """The ``--json`` output: a list of objects, one per action, in the order shown."""
    objects = [item.as_json() for item in items]
    return json.dumps(objects, ensure_ascii=ascii_only, indent=2) + "\n"


def render_text(
    items: list[DueItem],
    today: date,
    days: int,
    *,
    colour: bool = False,
    width: int = TEXT_WIDTH,
) -> str:
    """The plain-text output in the current language: "" when there is nothing to show.

    Each action takes two lines: its date, status mark and text; then, dimmed, the deadline as
    written, when that is, and where it belongs (area › goal, the goal shortened to fit *width*).
    """
    if not items:
        return ""

    def paint(text: str, *styles: str) -> str:
        if not colour or not styles or not text:
            return text
        codes = ";".join(_SGR[style] for style in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    cells = {id(item): format_date(item.due) if item.due else "" for item in items}
    cell_width = max(len(cell) for cell in cells.values())
    indent = " " * (2 + cell_width + 2 + 4)
    lines = [paint(t("due.header", today=today), "bold")]
    for section in SECTIONS:
        members = [item for item in items if item.section == section]
        if not members:
            continue
        heading_style = ("bold", "red") if section == "overdue" else ("bold",)
        lines += ["", paint(_heading(section, days), *heading_style)]
        date_style = {"overdue": ("red",), "soon": ("yellow",)}.get(section, ())
        for item in members:
            cell = paint(cells[id(item)].ljust(cell_width), *date_style)
            lines.append(f"  {cell}  {_MARKS[item.status]} {_one_line(item.action)}".rstrip())
            lines.append(paint(indent + _details(item, today, width - len(indent)), "dim"))
    return "\n".join(lines) + "\n"


def _heading(section: str, days: int) -> str:
    if section == "overdue":
        return t("due.section.overdue")
    if section == "soon":
        if days == 0:
            return t("due.section.today")
        if days == 1:
            return t("due.section.tomorrow")
        return t("due.section.soon", days=days)
    if section == "later":
        return t("due.section.later")
    if section == "ended":
        return t("due.section.ended")
    if section == "undated":
        return t("due.section.undated")
    return t("due.section.done")


def _details(item: DueItem, today: date, width: int) -> str:
    deadline = item.deadline
    notes = []
    if deadline.text.strip():
        notes.append(t("due.written", deadline=_one_line(deadline.text)))
    if item.due is not None and item.section != "done":
        notes.append(_relative((item.due - today).days))
    if deadline.kind is DeadlineKind.RECURRING and deadline.every and deadline.until:
        every = _every(deadline.every.value)
        if item.due is not None:
            notes.append(t("due.recurring.until", every=every, until=deadline.until))
        else:
            notes.append(t("due.recurring.ended", every=every, until=deadline.last_due()))
    elif deadline.kind is DeadlineKind.ONGOING and deadline.until:
        notes.append(t("due.ongoing", until=deadline.until))
    elif deadline.kind is DeadlineKind.NONE:
        notes.append(t("due.no_date"))
    if deadline.before_plan:
        notes.append(t("due.before_plan"))
    if item.section == "done" and item.done_date:
        notes.append(t("due.done_on", day=item.done_date))
    head = " · ".join(part for part in (", ".join(notes), _one_line(item.area)) if part)
    goal = _one_line(item.goal)
    if not goal:
        return head
    if head:
        head += " › " if item.area.strip() else " · "
    return head + _shorten(goal, max(width - len(head), _GOAL_MIN))


def _relative(days: int) -> str:
    if days == 0:
        return t("due.rel.today")
    if days == 1:
        return t("due.rel.tomorrow")
    if days == -1:
        return t("due.rel.yesterday")
    if days > 0:
        return t("due.rel.ahead", days=days)
    return t("due.rel.ago", days=-days)


def _every(every: str) -> str:
    return {
        "day": t("due.every.day"),
        "week": t("due.every.week"),
        "two_weeks": t("due.every.two_weeks"),
        "month": t("due.every.month"),
    }[every]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, width: int) -> str:
    text = _one_line(text)
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:  # end at a word when that keeps at least half
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"
