"""What the SMARTE advisor knows about a goal, gathered once per call.

:func:`gather` reads a goal's statement (its words, its concrete words, its sentences, its time
phrase and the day that phrase names), its indicators, and its actions with their deadlines read,
into a :class:`Facts`; the rules of :mod:`lederplan.domain.smarte` only look at that. The words it
looks for are in :mod:`lederplan.domain.smarte_words`.

Deadlines are read by :func:`lederplan.domain.deadlines.read_deadline`: an action's from the day it
was written (or the plan's date), the statement's time phrase from the plan's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from lederplan.domain.deadline_words import SHORT_WEEKDAYS
from lederplan.domain.deadlines import Deadline, DeadlineKind, read_deadline
from lederplan.domain.models import Action, Goal, Indicator, Status
from lederplan.domain.sentences import count_sentences
from lederplan.domain.smarte_words import (
    DIGIT,
    MONTHS,
    NOT_BY,
    NOT_CONCRETE,
    NUMBER_WORDS,
    PHRASE_BREAK,
    PLACEHOLDER,
    RATE,
    TIME_START,
    WORD,
)

TIME_WINDOW = 6
"""The most words a statement's time phrase is taken to have ("i løpet av de neste tre ...")."""


@lru_cache(maxsize=4096)
def _read(text: str, anchor: date, start: date, end: date) -> Deadline:
    # Pure and called with the same phrases on every keystroke: caching changes nothing but time.
    return read_deadline(text, anchor, start, end)


def _own_day(deadline: Deadline, anchor: date, period_end: date) -> date | None:
    """The day a deadline names: a date's due day, or the end a recurring one was given.

    An ongoing deadline names no day, and neither does a recurring one without an end of its own
    ("Ukentlig"), which the reader lets run to the end of the period.
    """
    if deadline.kind == DeadlineKind.DATE:
        return deadline.due
    if deadline.kind == DeadlineKind.RECURRING and not deadline.open_ended:
        return deadline.until
    return None


def has_target(indicator: Indicator) -> bool:
    """Whether *indicator* has a target/effect, in text or as a number."""
    return bool(indicator.target.strip()) or indicator.target_value is not None


def numeric_target(indicator: Indicator) -> bool:
    """Whether *indicator*'s target is a number: ``target_value``, or a number in the text, in
    digits or words ("Score over 5", "Fem konkrete oppgaver overført")."""
    if indicator.target_value is not None:
        return True
    target = indicator.target.lower()
    return bool(DIGIT.search(target)) or any(
        w in NUMBER_WORDS for w in (m.group() for m in WORD.finditer(target))
    )


@dataclass(frozen=True)
class Step:
    """An action with its deadline read."""

    action: Action
    deadline: Deadline
    day: date | None
    """See :func:`_own_day`."""

    @property
    def open(self) -> bool:
        return self.action.status is not Status.DONE


@dataclass(frozen=True)
class Facts:
    """What the rules look at, gathered once per call."""

    statement: str
    words: tuple[str, ...]
    """The statement's words, lower case."""
    concrete: tuple[str, ...]
    """The statement's words (as written) outside its time phrase, not function or vague words."""
    sentences: int
    phrase: str
    """The statement's time phrase as written, or ""."""
    phrase_day: date | None
    """The day the statement's time phrase names."""
    indicators: tuple[Indicator, ...]
    """Indicators with any text or target."""
    steps: tuple[Step, ...]
    """Actions with any text or deadline."""
    plan_date: date
    period_end: date
    past: str = ""
    """A time phrase of the statement that names a day before the plan's date, or ""."""
    past_day: date | None = None
    """The day :attr:`past` names ("i løpet av 2020" in a plan of 2026: 31.12.2020)."""

    def texts(self) -> Iterable[str]:
        """The statement, the indicators' texts and targets, and the actions' texts."""
        yield self.statement
        for indicator in self.indicators:
            yield indicator.kpi
            yield indicator.target
        for step in self.steps:
            yield step.action.text

    def dated(self) -> Iterable[tuple[str, date]]:
        """The goal's own deadline and the open actions', each as written with its day."""
        if self.phrase_day is not None:
            yield self.phrase, self.phrase_day
        for step in self.steps:
            if step.open and step.day is not None:
                yield step.action.deadline, step.day


def _statement_phrase(
    statement: str, tokens: list[re.Match[str]], plan_date: date, period_end: date
) -> tuple[int, int, str, date | None, str, date | None]:
    """Find the statement's time phrase: (its first word, the word after it, its text, its day,
    then "" and None); or, when it has none, a phrase that names a day before the plan's date:
    (its first word, the word after it, "", None, its text, its day).

    Windows of up to :data:`TIME_WINDOW` words starting at a likely word ("innen", "i", "de",
    "within", "over", a month...) go to the deadline reader, which reads a whole phrase or
    nothing; the first start that reads wins, with its longest window. A window stops before a
    short weekday name ("tor", "fre", "sat"): a deadline cell of that word alone is the day, but
    in running text it is a name or a word as often. Only a date counts, and
    not one of today ("nå", "now"), nor a rate ("to timer i uka", "om året"), nor a phrase after
    "før", "etter", "fra" ("before", "after", "from"): "før juni" is not "innen juni". A longest
    window before the plan's date ("i løpet av 2020" in a plan of 2026; "innen juni 2025", not
    its "innen juni") is no time bound: it is returned as the past phrase, when no other is found.
    """
    past: tuple[int, int, str, date | None] = (0, 0, "", None)
    for i, token in enumerate(tokens):
        if token.group().lower() not in TIME_START:
            continue
        if i and tokens[i - 1].group().lower() in NOT_BY:
            continue
        found: tuple[int, date] | None = None
        # One word alone is a time phrase only if it is a month: the reader takes "week" and
        # "uka" for this week, which in a statement they never mean.
        first = i if token.group().lower() in MONTHS else i + 1
        for j in range(first, min(len(tokens), i + TIME_WINDOW)):
            if j > i and PHRASE_BREAK.search(statement, tokens[j - 1].end(), tokens[j].start()):
                break
            if tokens[j].group().lower() in SHORT_WEEKDAYS:
                break  # "innen Tor kommer tilbake": in running text a name, not Thursday
            text = statement[token.start() : tokens[j].end()]
            reading = _read(text, plan_date, plan_date, period_end)
            if (
                reading.kind == DeadlineKind.DATE
                and reading.due is not None
                and reading.due != plan_date
                and not RATE.fullmatch(" ".join(text.lower().split()))
            ):
                found = (j, reading.due)
        if found is None:
            continue
        last, day = found
        text = statement[token.start() : tokens[last].end()]
        if day > plan_date:
            return i, last + 1, text, day, "", None
        if past[3] is None and " ".join(text.lower().split()).startswith(PAST_LEADS):
            past = (i, last + 1, text, day)
    first, after, text, day = past
    return first, after, "", None, text, day


PAST_LEADS = (
    "innen ", "i løpet av ", "senest ", "by ", "within ", "during ", "in the course of ",
    "no later than ",
)  # fmt: skip
"""How a time bound the goal sets begins. A past date after anything else ("var 3,2 i 2025",
"was 3.2 in 2025") is a baseline, not a time bound: it is not reported as one before the plan."""


def gather(goal: Goal, plan_date: date, period_end: date) -> Facts:
    """Read *goal* once into the :class:`Facts` every rule looks at."""
    statement = goal.statement.strip()
    tokens = list(WORD.finditer(statement))
    first, after, phrase, phrase_day, past, past_day = _statement_phrase(
        statement, tokens, plan_date, period_end
    )
    outside = tokens[:first] + tokens[after:]
    steps = []
    for action in goal.actions:
        if not (action.text.strip() or action.deadline.strip()):
            continue
        anchor = action.deadline_written or plan_date
        deadline = _read(action.deadline, anchor, plan_date, period_end)
        steps.append(Step(action, deadline, _own_day(deadline, anchor, period_end)))
    return Facts(
        statement=statement,
        words=tuple(t.group().lower() for t in tokens),
        concrete=tuple(
            t.group()
            for t in outside
            if t.group().lower() not in NOT_CONCRETE and not PLACEHOLDER.fullmatch(t.group())
        ),
        sentences=count_sentences(statement),
        phrase=phrase,
        phrase_day=phrase_day,
        indicators=tuple(
            i
            for i in goal.indicators
            if i.kpi.strip() or i.target.strip() or i.target_value is not None
        ),
        steps=tuple(steps),
        plan_date=plan_date,
        period_end=period_end,
        past=past,
        past_day=past_day,
    )
