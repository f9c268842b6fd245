"""`lederplan due`'s texts, nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


DUE_TEXTS: dict[str, dict[str, str]] = {
    "due.cmd": _m(
        "vis handlinger som har forfalt eller forfaller snart (for innloggingsskript)",
        "show actions that are overdue or due soon (for login scripts)",
    ),
    "due.opt.days": _m(
        "hvor mange dager fram som tas med (standard: 14)",
        "how many days ahead to include (default: 14)",
    ),
    "due.opt.all": _m(
        "ta med alle handlingene, også senere, udaterte og utførte",
        "include every action, also later, undated and done ones",
    ),
    "due.opt.json": _m(
        "skriv en JSON-liste i stedet for tekst",
        "print a JSON list instead of text",
    ),
    "due.bad_days": _m(
        "--days må være 0 eller mer, ikke {days}.", "--days must be 0 or more, not {days}."
    ),
    "due.bad_today": _m(
        "LEDERPLAN_TODAY må være en dato som 2027-03-15, ikke «{value}».",
        "LEDERPLAN_TODAY must be a date like 2027-03-15, not “{value}”.",
    ),
    "due.header": _m("lederplan: frister per {today}", "lederplan: deadlines as of {today}"),
    "due.section.overdue": _m("Forfalt", "Overdue"),
    "due.section.today": _m("I dag", "Today"),
    "due.section.tomorrow": _m("I dag og i morgen", "Today and tomorrow"),
    "due.section.soon": _m("De neste {days} dagene", "Next {days} days"),
    "due.section.later": _m("Senere", "Later"),
    "due.section.ended": _m("Avsluttet", "Ended"),
    "due.section.undated": _m("Uten dato", "Without a date"),
    "due.section.done": _m("Utført", "Done"),
    "due.written": _m("«{deadline}»", "“{deadline}”"),
    "due.rel.today": _m("i dag", "today"),
    "due.rel.tomorrow": _m("i morgen", "tomorrow"),
    "due.rel.yesterday": _m("i går", "yesterday"),
    "due.rel.ahead": _m("om {days} dager", "in {days} days"),
    "due.rel.ago": _m("for {days} dager siden", "{days} days ago"),
    "due.every.day": _m("daglig", "daily"),
    "due.every.week": _m("ukentlig", "weekly"),
    "due.every.two_weeks": _m("annenhver uke", "every other week"),
    "due.every.month": _m("månedlig", "monthly"),
    "due.recurring.until": _m("{every} til {until}", "{every} until {until}"),
    "due.recurring.ended": _m("{every}, sluttet {until}", "{every}, ended {until}"),
    "due.ongoing": _m("løpende til {until}", "ongoing until {until}"),
    "due.no_date": _m("ingen dato ennå", "no date yet"),
    "due.done_on": _m("utført {day}", "done {day}"),
    "due.before_plan": _m("før planens dato", "before the plan's date"),
}
