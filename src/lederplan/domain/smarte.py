"""The SMARTE advisor: six letters of advice for one goal (DOMAIN.md section 6).

:func:`check_goal` reads a goal's statement, its indicators and targets, its actions and their
deadlines, and returns one :class:`LetterCheck` per letter, S M A R T E in that order: passed or
not, and a catalogue key (``smarte.reason.*``, texts in :mod:`lederplan.i18n.smarte_texts`) with
the parameters of its one-line reason. It advises and never blocks anything: a goal with six hints
is still a goal the leader may save.

It is pure (no I/O, no clock: the plan's date and the end of its period are arguments),
deterministic, and cheap enough to run on every keystroke: the facts about a goal are gathered
once (:class:`_Facts`), then each letter walks its own ordered list of rules in :data:`RULES`; the
first rule that has something to say gives the letter's state and reason. Every list ends with a
rule that always answers. The words the rules look for, Norwegian and English side by side, are in
:data:`WORDS`. The statement's language is not known (nor needed): both lists are searched.

The rules, in the order they are tried:

S (specific: "formulated as precisely as possible"):
  1. ``S.empty``  hint: no statement.
  2. ``S.short``  hint: fewer than :data:`MIN_WORDS` words; too short to say what will change.
  3. ``S.vague``  hint: fewer than :data:`MIN_CONCRETE` concrete words: words outside the
     statement's time phrase that are neither function words nor vague ones ("bedre", "leder",
     "improve", "things"...) nor placeholders ("X", "YY").
  4. ``S.ok``     pass, naming the first concrete words.
M (measurable: "what is the evidence?"):
  1. ``M.none``       hint: no indicator with any text.
  2. ``M.no_target``  hint: indicators, but none with a target/effect (text or numeric).
  3. ``M.partial``    pass, saying how many indicators still lack a target.
  4. ``M.numeric``    pass: a numeric target (``target_value``, or a number in the target text,
     in digits or words: "Score over 5", "Fem konkrete oppgaver overført").
  5. ``M.target``     pass: a target/effect in words; the reason says a number is sharper.
A (ambitious, achievable, attractive, acceptable: "who is involved and committed?"):
  1. ``A.hedged``   hint: the statement hedges ("prøve å", "kanskje", "try to", "hopefully"):
     no commitment.
  2. ``A.people``   pass: statement, indicators or actions name others: staff, colleagues, "min
     leder" / "my manager", a team, coach, mentor, sparring partner, users, HR, a 360... The
     leader alone ("en bedre leder", "a better leader") is not others.
  3. ``A.support``  pass: an action is a support action (a course, training, supervision).
  4. ``A.alone``    hint: nobody else is involved.
R (realistic "given the time and resources you have"); done actions are not judged, nor are
deadlines that cannot be read (T says so), nor ongoing ones; a recurring action is judged by the
end it was given ("de neste tre månedene"):
  1. ``R.no_actions``    hint: no actions: nothing shows how it will be done.
  2. ``R.before_plan``   hint: the goal's own deadline, or an action's, falls before the plan date.
  3. ``R.after_period``  hint: such a deadline falls after the plan period ends.
  4. ``R.after_goal``    hint: an action is due after the goal's own deadline.
  5. ``R.crowded``       hint: more than :data:`MAX_PER_WEEK` actions due in one ISO week.
  6. ``R.ok``            pass, with the number of actions.
T (time-bound: "when shall it be reached?"):
  1. ``T.statement``   pass: the statement holds a time phrase that reads as a date after the
     plan's date ("innen 6 måneder", "i løpet av 2020", "over the next three months"); see
     :func:`_statement_phrase` for what is not taken for one.
  2. ``T.actions``     pass: at least one action's deadline reads as a date, or as a recurring
     action with an end of its own.
  3. ``T.unreadable``  hint: a deadline is written that does not read ("Innen dato X").
  4. ``T.ongoing``     hint: only ongoing deadlines ("Løpende", "Ukentlig") with no end.
  5. ``T.none``        hint: no deadline at all.
E (easy to remember):
  1. ``E.empty``      hint: no statement.
  2. ``E.sentences``  hint: more than one sentence (abbreviations like "f.eks." do not end one).
  3. ``E.long``       hint: more than :data:`MAX_WORDS` words.
  4. ``E.chars``      hint: more than :data:`MAX_CHARS` characters.
  5. ``E.ok``         pass.

Deadlines are read by :func:`lederplan.domain.deadlines.read_deadline`: an action's from the day it
was written (or the plan's date), the statement's time phrase from the plan's date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from lederplan.domain.deadlines import Deadline, DeadlineKind, read_deadline
from lederplan.domain.models import Action, Goal, Indicator, Status
from lederplan.domain.sentences import count_sentences

LETTERS = ("S", "M", "A", "R", "T", "E")
"""The six letters, in the course's order."""

MIN_WORDS = 5
"""S: a statement of fewer words cannot say what will change, for whom and by when."""
MIN_CONCRETE = 2
"""S: words beyond function words, vague words and the time phrase that a specific goal names."""
MAX_WORDS = 30
"""E: the most words of a statement that is easy to remember.

Thirty, not the 25 one might expect: the course's own third example is 19 words in Norwegian but
26 in its English translation (Norwegian compounds are long words), and the same goal should not
pass in one language and fail in the other. :data:`MAX_CHARS` catches long words.
"""
MAX_CHARS = 180
"""E: the most characters of a statement that is easy to remember."""
MAX_PER_WEEK = 5
"""R: more open actions than this due in one ISO week are too many at once."""
PARAM_CHARS = 32
"""Longest text quoted in a reason, so the reason stays on one line."""

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    # Patterns matched on whole words, case-insensitively: "*" stands for any letters, a space for
    # any run of spaces. Norwegian first, then English.
    "function": {
        "nb": (
            "jeg", "meg", "min", "mitt", "mine", "vi", "oss", "vår", "vårt", "våre", "du", "deg",
            "din", "ditt", "dine", "han", "hun", "de", "dem", "den", "det", "denne", "dette",
            "disse", "en", "et", "ei", "og", "eller", "men", "å", "i", "på", "til", "for", "av",
            "med", "om", "som", "at", "er", "var", "blir", "bli", "være", "vil", "ville",
            "skal", "ønsker", "ønske", "kan", "kunne", "må", "måtte", "bør", "har", "ha", "hadde",
            "få", "seg", "sin", "sitt", "sine", "enn", "så", "da", "når", "hvor", "hva", "hvem",
            "hvordan", "fra", "ved", "etter", "mot", "over", "under", "mellom", "uten",
            "gjennom", "egen", "eget", "egne", "selv", "ikke", "hos", "slik", "inn", "ut", "opp",
        ),
        "en": (
            "i", "me", "my", "mine", "myself", "we", "us", "our", "you", "your", "he", "she",
            "they", "them", "their", "it", "its", "a", "an", "the", "this", "that", "these",
            "those", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by",
            "from", "as", "is", "are", "was", "be", "been", "being", "become", "am", "will",
            "want", "wish", "would", "shall", "should", "can", "could", "must", "have", "has",
            "had", "get", "so", "than", "then", "when", "where", "what", "who", "which", "how",
            "about", "into", "over", "under", "between", "without", "through", "own", "not",
            "up", "out", "i'm", "i'll",
        ),
    },
    "vague": {
        "nb": (
            "bedre", "god", "godt", "gode", "flink", "flinkere", "mer", "mye", "mindre", "noe",
            "noen", "ting", "generelt", "generell", "fremover", "framover", "utvikle", "utvikling",
            "forbedre", "forbedring", "jobbe", "arbeide", "gjøre", "leder", "lederskap", "ledelse",
            "lederrollen", "rolle", "rollen", "person", "bra", "osv", "etc", "diverse", "ulike",
            "alt", "fokus", "fokusere", "viktig", "helt", "veldig", "også", "sterkere", "flere",
            "stadig", "enda", "sånn", "litt", "mulig", "kanskje", "prøve", "forsøke", "ferdigheter",
        ),
        "en": (
            "better", "good", "great", "more", "less", "much", "some", "something", "things",
            "thing", "stuff", "generally", "general", "improve", "improved", "improving",
            "develop", "development", "work", "working", "do", "doing", "leader", "leadership",
            "role", "person", "effective", "overall", "etc", "various", "everything", "really",
            "very", "also", "focus", "stronger", "skills", "try", "maybe", "perhaps", "bit",
            "little", "possible", "best", "lot", "well", "even", "further", "going", "forward",
        ),
    },
    "people": {
        "nb": (
            "*medarbeider*", "*kolleg*", "min leder", "lederen min", "nærmeste leder", "*lederen",
            "ledere", "lederne", "ledergrupp*", "lederteam*", "*sjef*", "*team*", "coach*",
            "mentor*", "sparring*", "veileder*", "brukere*", "brukerne*", "brukeren", "kunde*",
            "ansatt*", "nestleder*", "stedfortreder*", "andre", "folk", "folka", "hr",
            "tillitsvalgt*", "interessent*", "oppdragsgiver*", "lederevaluering*", "360*",
        ),
        "en": (
            "staff", "colleague*", "co-worker*", "coworker*", "peer*", "my manager",
            "line manager", "managers", "my boss", "boss", "leaders", "*team*", "coach*",
            "mentor*", "sparring partner*", "users", "user survey*", "customer*", "client*",
            "stakeholder*", "deput*", "others", "people", "employee*", "direct report*", "hr",
            "leader evaluation*",
        ),
    },
    "support": {
        "nb": ("*kurs", "kurs*", "opplæring*", "veiledning*", "samling*", "nettverk*", "hospiter*"),
        "en": ("course*", "training", "workshop*", "supervision", "network*", "shadowing"),
    },
    "hedge": {
        "nb": (
            "prøve å", "forsøke å", "kanskje", "om mulig", "hvis mulig", "litt",
            "forhåpentligvis", "etter hvert", "på sikt",
        ),
        "en": (
            "try to", "attempt to", "maybe", "perhaps", "if possible", "a bit", "a little",
            "hopefully", "somewhat", "eventually",
        ),
    },
    "number": {
        # A number in words makes a target numeric; "en"/"to"/"one" are left out: they are also
        # an article and a preposition.
        "nb": (
            "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ti", "tolv", "femten", "tjue",
            "hundre", "halvparten", "dobbelt",
        ),
        "en": (
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
            "fifteen", "twenty", "hundred", "half", "double", "twice",
        ),
    },
    "time_start": {
        # Where a time phrase in a statement may begin; the deadline reader decides whether it is
        # one. Not "may": "so that my staff may grow" is no month.
        "nb": (
            "innen", "i", "de", "den", "neste", "kommende", "om", "senest", "ved", "dette",
            "denne", "uke",
        ),
        "en": (
            "within", "during", "over", "in", "the", "next", "coming", "by", "this", "end",
            "week",
        ),
    },
    "month": {
        # A month's name is a time phrase on its own ("i juni", "by June").
        "nb": (
            "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
            "oktober", "november", "desember",
        ),
        "en": (
            "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december",
        ),
    },
    "not_by": {
        # A time phrase after these is no deadline: "før juni" is the end of May, "etter juni" and
        # "from June" have no end, "until June" may mean 31 May; the reader does not guess, nor do
        # we.
        "nb": ("før", "etter", "fra", "siden", "til", "frem", "fram", "inntil"),
        "en": ("before", "after", "from", "since", "until", "till", "to"),
    },
}  # fmt: skip
"""Every word list the rules use, by purpose and language."""


@dataclass(frozen=True)
class LetterCheck:
    """The advice for one SMARTE letter of one goal."""

    letter: str
    """"S", "M", "A", "R", "T" or "E"."""
    passed: bool
    """True: the letter is met; False: a hint."""
    reason: str
    """A catalogue key, ``smarte.reason.<letter>.<rule>``; the UI shows ``t(reason, **params)``."""
    params: dict[str, str | int] = field(default_factory=dict)
    """The values of the reason's ``{placeholders}``."""


# -- matching words --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_](?:[\w'’./-]*[^\W_])?")
"""A word: letters and digits, with ' ’ . / - inside (don't, 15.03.2027, kurs/coach)."""


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    parts = sorted(
        (re.escape(w).replace(r"\*", r"\w*").replace(r"\ ", r"\s+") for w in words),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _both(kind: str) -> tuple[str, ...]:
    return WORDS[kind]["nb"] + WORDS[kind]["en"]


_DIGIT = re.compile(r"\d")
_PLACEHOLDER = re.compile(r"[^\W\d_]|([^\W\d_])\1+")
"""One letter, or one letter repeated: "fagområde X", "boka «XX YY»" name nothing yet."""
_PEOPLE = _pattern(_both("people"))
_SUPPORT = _pattern(_both("support"))
_HEDGE = _pattern(_both("hedge"))
_NUMBER_WORDS = frozenset(_both("number"))
_NOT_CONCRETE = frozenset(_both("function") + _both("vague"))
_MONTHS = frozenset(_both("month"))
_TIME_START = frozenset(_both("time_start")) | _MONTHS
_TIME_WINDOW = 6
"""The most words a statement's time phrase is taken to have ("i løpet av de neste tre ...")."""
_PHRASE_BREAK = re.compile(r"[,;:!?()«»“”\"]|(?<!\d)\.\s")
"""Punctuation a time phrase does not run across; "15. mars" is one phrase."""
_NOT_BY = frozenset(_both("not_by"))
_RATE = re.compile(
    r"(?:i|om|per|pr\.?|hver|a|an|every|each|the|in\s+the)\s+"
    r"(?:dagen|døgnet|uka|uken|måneden|kvartalet|året|day|week|month|quarter|year)"
)
"""A rate or a bare unit, not a time: "to timer i uka", "om året", "twice a week", "employee of
the month" (the reader takes these for this week, month or year)."""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PARAM_CHARS else text[: PARAM_CHARS - 1].rstrip() + "…"


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
    if deadline.kind == DeadlineKind.RECURRING and deadline.until != max(period_end, anchor):
        return deadline.until
    return None


# -- the facts about a goal, gathered once ---------------------------------------------------


@dataclass(frozen=True)
class _Step:
    """An action with its deadline read."""

    action: Action
    deadline: Deadline
    day: date | None
    """See :func:`_own_day`."""

    @property
    def open(self) -> bool:
        return self.action.status is not Status.DONE


@dataclass(frozen=True)
class _Facts:
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
    steps: tuple[_Step, ...]
    """Actions with any text or deadline."""
    plan_date: date
    period_end: date

    def texts(self) -> Iterable[str]:
        yield self.statement
        for indicator in self.indicators:
            yield indicator.kpi
            yield indicator.target
        for step in self.steps:
            yield step.action.text


def _statement_phrase(
    statement: str, tokens: list[re.Match[str]], plan_date: date, period_end: date
) -> tuple[int, int, str, date | None]:
    """Find the statement's time phrase: (its first word, the word after it, its text, its day).

    Windows of up to :data:`_TIME_WINDOW` words starting at a likely word ("innen", "i", "de",
    "within", "over", a month...) go to the deadline reader, which reads a whole phrase or
    nothing; the first start that reads wins, with its longest window. Only a date counts, and
    not one of today ("nå", "now"), nor a rate ("to timer i uka", "om året"), nor a phrase after
    "før", "etter", "fra" ("before", "after", "from"): "før juni" is not "innen juni".
    """
    for i, token in enumerate(tokens):
        if token.group().lower() not in _TIME_START:
            continue
        if i and tokens[i - 1].group().lower() in _NOT_BY:
            continue
        found: tuple[int, date] | None = None
        # One word alone is a time phrase only if it is a month: the reader takes "week" and
        # "uka" for this week, which in a statement they never mean.
        first = i if token.group().lower() in _MONTHS else i + 1
        for j in range(first, min(len(tokens), i + _TIME_WINDOW)):
            if j > i and _PHRASE_BREAK.search(statement, tokens[j - 1].end(), tokens[j].start()):
                break
            text = statement[token.start() : tokens[j].end()]
            reading = _read(text, plan_date, plan_date, period_end)
            if (
                reading.kind == DeadlineKind.DATE
                and reading.due is not None
                and reading.due > plan_date
                and not _RATE.fullmatch(" ".join(text.lower().split()))
            ):
                found = (j, reading.due)
        if found is not None:
            last, day = found
            return i, last + 1, statement[token.start() : tokens[last].end()], day
    return 0, 0, "", None


def _facts(goal: Goal, plan_date: date, period_end: date) -> _Facts:
    statement = goal.statement.strip()
    tokens = list(_WORD.finditer(statement))
    first, after, phrase, phrase_day = _statement_phrase(statement, tokens, plan_date, period_end)
    outside = tokens[:first] + tokens[after:]
    steps = []
    for action in goal.actions:
        if not (action.text.strip() or action.deadline.strip()):
            continue
        anchor = action.deadline_written or plan_date
        deadline = _read(action.deadline, anchor, plan_date, period_end)
        steps.append(_Step(action, deadline, _own_day(deadline, anchor, period_end)))
    return _Facts(
        statement=statement,
        words=tuple(t.group().lower() for t in tokens),
        concrete=tuple(
            t.group()
            for t in outside
            if t.group().lower() not in _NOT_CONCRETE and not _PLACEHOLDER.fullmatch(t.group())
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
    )


# -- the rules -------------------------------------------------------------------------------

Decision = tuple[bool, str, dict[str, str | int]] | None
"""(passed, rule name, params) when a rule decides its letter; None passes the word on."""
Rule = Callable[[_Facts], Decision]
"""A rule of one letter."""


def _hint(name: str, **params: str | int) -> Decision:
    return False, name, params


def _pass(name: str, **params: str | int) -> Decision:
    return True, name, params


# S


def _s_empty(f: _Facts) -> Decision:
    return _hint("empty") if not f.words else None


def _s_short(f: _Facts) -> Decision:
    return _hint("short", words=len(f.words)) if len(f.words) < MIN_WORDS else None


def _s_vague(f: _Facts) -> Decision:
    return _hint("vague") if len(f.concrete) < MIN_CONCRETE else None


def _s_ok(f: _Facts) -> Decision:
    shown: list[str] = []
    for word in dict.fromkeys(f.concrete):
        if len(shown) == 3 or len(", ".join([*shown, word])) > PARAM_CHARS:
            break
        shown.append(word)
    return _pass("ok", what=", ".join(shown) or _short(f.concrete[0]))


# M


def _has_target(indicator: Indicator) -> bool:
    return bool(indicator.target.strip()) or indicator.target_value is not None


def _numeric(indicator: Indicator) -> bool:
    if indicator.target_value is not None:
        return True
    target = indicator.target.lower()
    return bool(_DIGIT.search(target)) or any(
        w in _NUMBER_WORDS for w in (m.group() for m in _WORD.finditer(target))
    )


def _target_text(indicator: Indicator) -> str:
    if indicator.target.strip():
        return _short(indicator.target)
    value = f"{indicator.target_value:g}"
    return _short(f"{indicator.comparison} {value} {indicator.unit}".strip())


def _m_none(f: _Facts) -> Decision:
    return _hint("none") if not f.indicators else None


def _m_no_target(f: _Facts) -> Decision:
    return None if any(_has_target(i) for i in f.indicators) else _hint("no_target")


def _m_partial(f: _Facts) -> Decision:
    missing = sum(not _has_target(i) for i in f.indicators)
    return _pass("partial", missing=missing, total=len(f.indicators)) if missing else None


def _m_numeric(f: _Facts) -> Decision:
    found = next((i for i in f.indicators if _numeric(i)), None)
    return _pass("numeric", target=_target_text(found)) if found else None


def _m_target(f: _Facts) -> Decision:
    found = next(i for i in f.indicators if _has_target(i))
    return _pass("target", target=_target_text(found))


# A


def _a_hedged(f: _Facts) -> Decision:
    match = _HEDGE.search(f.statement)
    return _hint("hedged", word=match.group()) if match else None


def _a_people(f: _Facts) -> Decision:
    for text in f.texts():
        if match := _PEOPLE.search(text):
            return _pass("people", who=_short(match.group()))
    return None


def _a_support(f: _Facts) -> Decision:
    for step in f.steps:
        if _SUPPORT.search(step.action.text):
            return _pass("support", what=_short(step.action.text))
    return None


def _a_alone(f: _Facts) -> Decision:
    return _hint("alone")


# R


def _r_no_actions(f: _Facts) -> Decision:
    return None if any(s.action.text.strip() for s in f.steps) else _hint("no_actions")


def _dated(f: _Facts) -> Iterable[tuple[str, date]]:
    """The goal's own deadline and the open actions', each as written with its day."""
    if f.phrase_day is not None:
        yield f.phrase, f.phrase_day
    for step in f.steps:
        if step.open and step.day is not None:
            yield step.action.deadline, step.day


def _r_before_plan(f: _Facts) -> Decision:
    for written, day in _dated(f):
        if day < f.plan_date:
            return _hint("before_plan", deadline=_short(written))
    return None


def _r_after_period(f: _Facts) -> Decision:
    for written, day in _dated(f):
        if day > f.period_end:
            return _hint("after_period", deadline=_short(written))
    return None


def _r_after_goal(f: _Facts) -> Decision:
    if f.phrase_day is None:
        return None
    for step in f.steps:
        if step.open and step.day is not None and step.day > f.phrase_day:
            return _hint("after_goal", deadline=_short(step.action.deadline))
    return None


def _r_crowded(f: _Facts) -> Decision:
    weeks = Counter(
        step.day.isocalendar()[:2]
        for step in f.steps
        if step.open and step.day is not None and step.deadline.kind == DeadlineKind.DATE
    )
    if not weeks:
        return None
    (_, week), count = weeks.most_common(1)[0]
    return _hint("crowded", count=count, week=week) if count > MAX_PER_WEEK else None


def _r_ok(f: _Facts) -> Decision:
    return _pass("ok", count=sum(bool(s.action.text.strip()) for s in f.steps))


# T


def _t_statement(f: _Facts) -> Decision:
    if f.phrase_day is None:
        return None
    return _pass("statement", deadline=_short(f.phrase), date=f.phrase_day.isoformat())


def _t_actions(f: _Facts) -> Decision:
    written = [s for s in f.steps if s.action.deadline.strip()]
    count = sum(s.day is not None for s in written)
    return _pass("actions", count=count, total=len(written)) if count else None


def _t_unreadable(f: _Facts) -> Decision:
    for step in f.steps:
        if step.action.deadline.strip() and not step.deadline.readable:
            return _hint("unreadable", deadline=_short(step.action.deadline))
    return None


def _t_ongoing(f: _Facts) -> Decision:
    return _hint("ongoing") if any(s.deadline.readable for s in f.steps) else None


def _t_none(f: _Facts) -> Decision:
    return _hint("none")


# E


def _e_empty(f: _Facts) -> Decision:
    return _hint("empty") if not f.words else None


def _e_sentences(f: _Facts) -> Decision:
    return _hint("sentences", count=f.sentences) if f.sentences > 1 else None


def _e_long(f: _Facts) -> Decision:
    return _hint("long", words=len(f.words), max=MAX_WORDS) if len(f.words) > MAX_WORDS else None


def _e_chars(f: _Facts) -> Decision:
    chars = len(" ".join(f.statement.split()))
    return _hint("chars", chars=chars, max=MAX_CHARS) if chars > MAX_CHARS else None


def _e_ok(f: _Facts) -> Decision:
    return _pass("ok", words=len(f.words))


RULES: dict[str, tuple[Rule, ...]] = {
    "S": (_s_empty, _s_short, _s_vague, _s_ok),
    "M": (_m_none, _m_no_target, _m_partial, _m_numeric, _m_target),
    "A": (_a_hedged, _a_people, _a_support, _a_alone),
    "R": (
        _r_no_actions,
        _r_before_plan,
        _r_after_period,
        _r_after_goal,
        _r_crowded,
        _r_ok,
    ),
    "T": (_t_statement, _t_actions, _t_unreadable, _t_ongoing, _t_none),
    "E": (_e_empty, _e_sentences, _e_long, _e_chars, _e_ok),
}
"""Each letter's rules, tried in order; the first that decides gives the letter's advice."""


def check_goal(goal: Goal, plan_date: date, period_end: date) -> list[LetterCheck]:
    """Return the SMARTE advice for *goal*: six checks, S M A R T E.

    Args:
        goal: the goal, with its indicators and actions.
        plan_date: the plan's date: the start of its period, and the day the statement's time
            phrase and undated action deadlines count from.
        period_end: the last day of the plan's period.

    Returns:
        One :class:`LetterCheck` per letter, in the order of :data:`LETTERS`.
    """
    facts = _facts(goal, plan_date, period_end)
    checks = []
    for letter in LETTERS:
        for rule in RULES[letter]:
            decided = rule(facts)
            if decided is not None:
                passed, name, params = decided
                checks.append(LetterCheck(letter, passed, f"smarte.reason.{letter}.{name}", params))
                break
        else:  # pragma: no cover - every list ends with a rule that always decides
            raise AssertionError(f"no rule decided {letter}")
    return checks
