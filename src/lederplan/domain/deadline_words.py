"""The words deadlines are written with, in Norwegian (bokmål) and English.

These tables are the vocabulary of :mod:`lederplan.domain.deadlines`; the grammar lives there.
Every entry is lower case and in Unicode NFKC form, because the reader folds the text that way
before it looks anything up. Adding a word here is all it takes for the reader to know it.
"""

from __future__ import annotations


def _phrases(text: str) -> list[str]:
    """Phrases written one after another, separated by "|", to keep the tables below short."""
    return text.split("|")


MONTHS: dict[str, int] = {
    # Norwegian month names are lower case in running text; the reader folds case anyway.
    "januar": 1,
    "februar": 2,
    "mars": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "december": 12,
    # Abbreviations common to both languages, or to one of them (okt/des nb, oct/dec en).
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    # no "jul": in Norwegian it is Christmas, not July, and a deadline is never guessed
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "des": 12,
    "dec": 12,
}

NB_ONLY_MONTHS: frozenset[str] = frozenset(
    ["januar", "februar", "mars", "mai", "juni", "juli", "oktober", "desember", "okt", "des"]
)
"""Month names English does not use: they never start a date ("juni 27" is no date)."""

NUMBERS: dict[str, int] = {
    # One to twelve in words; "en"/"et"/"ei" and "a"/"an" are also the indefinite article,
    # which is how a single unit is usually written ("innen en måned", "within a month").
    "en": 1,
    "én": 1,
    "ett": 1,
    "et": 1,
    "ei": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

QUARTER_ORDINALS: dict[str, int] = {
    "første": 1,
    "andre": 2,
    "annet": 2,
    "tredje": 3,
    "fjerde": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

# A span's unit as (what to add, how many of it): days and months are the two kinds of step,
# because months must clamp to the month's last day and days never do.
DAYS, MONTHS_STEP = "days", "months"
UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(["dag", "dager", "dagen", "dagene", "dags", "dagers", "døgn"], (DAYS, 1)),
    **dict.fromkeys(["uke", "uker", "uka", "uken", "ukene", "ukes", "ukers"], (DAYS, 7)),
    **dict.fromkeys(
        ["måned", "måneder", "måneden", "månedene", "måneds", "måneders", "mnd"],
        (MONTHS_STEP, 1),
    ),
    **dict.fromkeys(["år", "året", "årene", "års"], (MONTHS_STEP, 12)),
    **dict.fromkeys(["day", "days"], (DAYS, 1)),
    **dict.fromkeys(["week", "weeks"], (DAYS, 7)),
    **dict.fromkeys(["fortnight", "fortnights"], (DAYS, 14)),
    **dict.fromkeys(["month", "months"], (MONTHS_STEP, 1)),
    **dict.fromkeys(["year", "years"], (MONTHS_STEP, 12)),
}


SINGULAR_UNITS: frozenset[str] = frozenset(
    _phrases("dag|dagen|døgn|uke|uka|uken|måned|måneden|år|året|day|week|fortnight|month|year")
)
"""Units that can stand without a number after "the next" / "den neste" (one of it)."""

AT_ONCE: dict[str, int] = {
    # Phrase -> days after the anchor.
    **dict.fromkeys(
        _phrases(
            "med en gang|med én gang|med det samme|straks|umiddelbart|snarest|snarest mulig"
            "|så snart som mulig|så fort som mulig|omgående|nå|i dag|idag"
            "|at once|immediately|asap|a.s.a.p|as soon as possible|now|right away|straight away"
            "|straightaway|today"
        ),
        0,
    ),
    **dict.fromkeys(_phrases("i morgen|imorgen|tomorrow"), 1),
}

ONGOING: frozenset[str] = frozenset(
    _phrases(
        "løpende|fortløpende|kontinuerlig|kontinuerlig og løpende|hele tiden|hele perioden"
        "|gjennom hele perioden|pågående"
        "|ongoing|on-going|continuous|continuously|continual|all the time|throughout"
        "|throughout the period"
    )
)

CURRENT_PERIODS: dict[str, tuple[str, int]] = {
    # A named period around the anchor -> (period, how many periods after the anchor's).
    # "next week" is the calendar week after this one; "the next week" (seven days) is a span.
    **dict.fromkeys(_phrases("denne uka|denne uken|uka|uken|this week|the week|week"), ("week", 0)),
    **dict.fromkeys(_phrases("denne måneden|måneden|this month|the month|month"), ("month", 0)),
    **dict.fromkeys(
        _phrases("dette kvartalet|kvartalet|this quarter|the quarter|quarter"), ("quarter", 0)
    ),
    **dict.fromkeys(
        _phrases(
            "dette året|året|i år|året ut|årsskiftet|årsslutt"
            "|this year|the year|year|year end|year-end"
        ),
        ("year", 0),
    ),
    **dict.fromkeys(_phrases("neste uke|next week"), ("week", 1)),
    **dict.fromkeys(_phrases("neste måned|next month"), ("month", 1)),
    **dict.fromkeys(_phrases("neste kvartal|next quarter"), ("quarter", 1)),
    **dict.fromkeys(_phrases("neste år|next year"), ("year", 1)),
}

LEADS: tuple[str, ...] = (
    # Words that may come before any phrase and change nothing: a deadline is always "by" it.
    "innen",
    "by",
    "within",
    "senest",
    "no later than",
    "not later than",
    "at the latest",
    "i løpet av",
    "during",
    "in the course of",
    "frist",
    "deadline",
)

# How often a recurring action happens, as regular-expression fragments (the reader joins them).
# Keys are the values of deadlines.Every. "Biweekly" is missing on purpose: it means both twice a
# week and every other week, and a deadline is never guessed.
_ONCE_NB = r"(?:en|én|ei|1) gang"
_PER_NB = r"(?:i|per|pr\.?|om|hver)"
FREQUENCIES: dict[str, tuple[str, ...]] = {
    "day": (
        r"daglig",
        r"hver (?:eneste )?dag",
        rf"{_ONCE_NB} (?:daglig|{_PER_NB} (?:dagen|døgnet|dag))",
        r"daily",
        r"(?:every|each) day",
        r"once (?:daily|a day|per day)",
    ),
    "week": (
        r"ukentlig",
        r"hver uke",
        rf"{_ONCE_NB} (?:ukentlig|{_PER_NB} (?:uken|uka|uke))",
        r"weekly",
        r"(?:every|each) week",
        r"once (?:weekly|a week|per week)",
    ),
    "two_weeks": (
        rf"(?:{_ONCE_NB} )?(?:annenhver|annen hver|hver annen|hver andre|hver 2\.?) uke",
        rf"(?:{_ONCE_NB} )?hver (?:14\.?|fjortende) dag",
        r"(?:once )?every (?:other|second|two|2) weeks?",
        r"(?:once )?every fortnight",
        r"once a fortnight",
        r"fortnightly",
    ),
    "month": (
        r"månedlig",
        r"hver måned",
        rf"{_ONCE_NB} (?:månedlig|{_PER_NB} (?:måneden|måned|mnd\.?))",
        r"monthly",
        r"(?:every|each) month",
        r"once (?:monthly|a month|per month)",
    ),
}

UNTIL_WORDS: tuple[str, ...] = (
    # What joins a recurring action to the day it stops: "ukentlig frem til juni".
    "until",
    "till",
    "til",
    "frem til",
    "fram til",
    "inntil",
    "through",
    "to",
    "up to",
    "t.o.m.",
    "t.o.m",
    "tom",
    "ut",
    "innen",
    "by",
)

DAY_WORDS: dict[str, int] = {
    # A date field's words for the days around today -> days after today (dates.read_date).
    **dict.fromkeys(_phrases("i dag|idag|today"), 0),
    **dict.fromkeys(_phrases("i går|igår|yesterday"), -1),
    **dict.fromkeys(_phrases("i morgen|imorgen|tomorrow"), 1),
}

_NB_WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
_EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: dict[str, int] = {
    # Weekday -> ISO weekday (Monday 1); Norwegian writes them in lower case, like its months.
    **{name: n for n, name in enumerate(_NB_WEEKDAYS, 1)},
    **{name: n for n, name in enumerate(_EN_WEEKDAYS, 1)},
    # no "man" for Monday: it is also "one" ("innen man vet det"), and a deadline is never guessed
    **{name: n for n, name in enumerate(["tir", "ons", "tor", "fre", "lør", "søn"], 2)},
    **{name: n for n, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 1)},
    "tues": 2,
    "thur": 4,
    "thurs": 4,
}

WEEKDAY_PLURALS: dict[str, int] = {
    # "på fredager", "on Fridays": a weekday every week.
    **{f"{name}er": n for n, name in enumerate(_NB_WEEKDAYS, 1)},
    **{f"{name}s": n for n, name in enumerate(_EN_WEEKDAYS, 1)},
}

NEXT_DAY: frozenset[str] = frozenset(_phrases("kommende|førstkommende|coming"))
"""Before a weekday: "førstkommende tirsdag" is the first Tuesday after the day it is written (a
Tuesday alone, "innen tirsdag", may be that very day)."""

AMBIGUOUS_NEXT: frozenset[str] = frozenset(_phrases("neste|next"))
"""Before a weekday, two days: "neste fredag" written on a Tuesday is this week's Friday to some
and next week's to others (in English as in Norwegian). It is read only where both are the same
day, written on that weekday or later in the week: then it is next week's."""

ON_DAY: frozenset[str] = frozenset(_phrases("på|on"))
"""Before a weekday, nothing more: "på fredag", "on Friday" is "fredag"."""

SHORT_WEEKDAYS: frozenset[str] = frozenset(
    name for name in WEEKDAYS if name not in _NB_WEEKDAYS and name not in _EN_WEEKDAYS
)
""""tor", "fre", "sat": a deadline cell of that word alone means the day, but in running text
they are also names and words ("Møte med Tor"), so a goal's statement never takes one for a
day."""

EVERY_DAY: frozenset[str] = frozenset(_phrases("hver|hver eneste|every|each"))
"""Before a weekday: "hver fredag", "every Friday" (a plural after "på" / "on" says it too)."""

ON_DAYS: frozenset[str] = frozenset(_phrases("på|om|on"))
"""Before a weekday in the plural: "på fredager", "on Fridays"."""

EASTER: dict[str, int] = {
    # A day of Easter -> days after Easter Sunday. A bare "påskedag" is Easter Sunday: it is how
    # the almanac names that day ("1. påskedag" or "påskedag"), while the Monday always has its
    # number ("2. påskedag"). "Easter" alone is the Sunday too.
    **dict.fromkeys(
        _phrases(
            "påske|påsken|påskedag|første påskedag|1. påskedag|1 påskedag|påskesøndag"
            "|easter|easter sunday|easter day"
        ),
        0,
    ),
    **dict.fromkeys(
        _phrases("2. påskedag|2 påskedag|andre påskedag|annen påskedag|easter monday"), 1
    ),
}
"""Easter Sunday and Monday, computed for the year. Other holidays ("sommerferien", "the summer
holidays") name no fixed day and a deadline is never guessed: they stay unreadable until a rule
says which date they are."""
