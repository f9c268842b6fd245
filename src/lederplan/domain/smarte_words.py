"""The words the SMARTE advisor looks for, Norwegian and English side by side, and their patterns.

These lists are the vocabulary of :mod:`lederplan.domain.smarte`; the rules live there, and
:mod:`lederplan.domain.smarte_facts` reads a goal with them. The statement's language is not known
(nor needed): every pattern holds both languages' words. Adding a word to :data:`WORDS` is all it
takes for the rules to know it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


WORD = re.compile(r"[^\W_](?:[\w'’./-]*[^\W_])?")
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


DIGIT = re.compile(r"\d")
PLACEHOLDER = re.compile(r"[^\W\d_]|([^\W\d_])\1+")
"""One letter, or one letter repeated: "fagområde X", "boka «XX YY»" name nothing yet."""
PEOPLE = _pattern(_both("people"))
"""Others than the leader: staff, colleagues, "min leder", a team, a coach... (A)."""
SUPPORT = _pattern(_both("support"))
"""A support action: a course, training, supervision (A)."""
HEDGE = _pattern(_both("hedge"))
"""A statement that hedges: "prøve å", "kanskje", "try to" (A)."""
NUMBER_WORDS = frozenset(_both("number"))
"""Numbers in words that make a target numeric (M)."""
NOT_CONCRETE = frozenset(_both("function") + _both("vague"))
"""Words that name nothing specific (S)."""
MONTHS = frozenset(_both("month"))
TIME_START = frozenset(_both("time_start")) | MONTHS
"""Words a statement's time phrase may begin with (T)."""
PHRASE_BREAK = re.compile(r"[,;:!?()«»“”\"]|(?<!\d)\.\s")
"""Punctuation a time phrase does not run across; "15. mars" is one phrase."""
NOT_BY = frozenset(_both("not_by"))
"""Words after which a time phrase is no deadline: "før juni", "from June"."""
RATE = re.compile(
    r"(?:i|om|per|pr\.?|hver|a|an|every|each|the|in\s+the)\s+"
    r"(?:dagen|døgnet|uka|uken|måneden|kvartalet|året|day|week|month|quarter|year)"
)
"""A rate or a bare unit, not a time: "to timer i uka", "om året", "twice a week", "employee of
the month" (the reader takes these for this week, month or year)."""
