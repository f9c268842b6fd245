"""The app shell's and the platform's texts, nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


SHELL_TEXTS: dict[str, dict[str, str]] = {
    "screen.platform": _m("Plattform", "Platform"),
    "screen.malkort": _m("Målkort", "Scorecard"),
    "screen.timeline": _m("Tidslinje", "Timeline"),
    "screen.feedback": _m("Tilbakemeldinger", "Feedback"),
    "app.reloaded": _m(
        "Planen er lest inn på nytt: en annen økt har endret den.",
        "The plan was read again: another session changed it.",
    ),
    "palette.key": _m("Tast: {key}", "Key: {key}"),
    "palette.on_screen": _m("{screen}, tast: {key}", "{screen}, key: {key}"),
    "key.help": _m("Hjelp", "Help"),
    "key.focus_next": _m("Neste felt", "Next field"),
    "key.focus_previous": _m("Forrige felt", "Previous field"),
    "key.copy": _m("Kopier merket tekst", "Copy the selected text"),
    "key.palette": _m("kommandoer", "commands"),
    "palette.theme": _m("Fargetema", "Colour theme"),
    "palette.theme_help": _m(
        "Velg et annet fargetema (huskes)", "Choose another theme (remembered)"
    ),
    "palette.search": _m("Søk etter en handling …", "Search for an action …"),
    "key.plan_details": _m("Endre navn, leder og dato", "Edit name, manager and date"),
    "key.language": _m("Bytt språk (English)", "Switch language (norsk)"),
    "key.up": _m("Boksen over", "Box above"),
    "key.down": _m("Boksen under", "Box below"),
    "key.left": _m("Boksen til venstre", "Box to the left"),
    "key.right": _m("Boksen til høyre", "Box to the right"),
    "key.edit": _m("Skriv", "Write"),
    "key.zoom": _m("Fullskjerm", "Full screen"),
    "key.leave_box": _m("Ferdig (lagrer)", "Done (saves)"),
    "key.scroll_up": _m("Rull svaret opp", "Scroll the answer up"),
    "key.scroll_down": _m("Rull svaret ned", "Scroll the answer down"),
    "key.feed": _m("Til målkortet", "To the scorecard"),
    "key.reflection": _m("Refleksjon", "Reflection"),
    "key.back": _m("Tilbake", "Back"),
    "key.cancel": _m("Avbryt", "Cancel"),
    "key.close": _m("Lukk", "Close"),
    "key.save": _m("Lagre", "Save"),
    "key.keep_text": _m("Ferdig (beholder teksten)", "Done (keeps the text)"),
    "key.discard_text": _m("Forkast endringene", "Discard the changes"),
    "platform.one_sentence": _m(
        "⚠ Mer enn én setning — klarer du å si det i én?",
        "⚠ More than one sentence — can you say it in one?",
    ),
    "help.title": _m("Taster", "Keys"),
    "help.keys": _m("Tast", "Key"),
    "help.action": _m("Gjør", "Does"),
    "help.footer": _m(
        "ctrl+p: alle handlinger i kommandopaletten · Esc lukker",
        "ctrl+p: every action in the command palette · Esc closes",
    ),
    "conflict.title": _m(
        "Endret et annet sted mens du skrev", "Changed elsewhere while you were writing"
    ),
    "conflict.explain": _m(
        "«{question}» ble endret et annet sted mens du skrev. Ingenting er overskrevet ennå.",
        "“{question}” was changed elsewhere while you were writing. Nothing "
        "has been overwritten yet.",
    ),
    "conflict.mine": _m("Min tekst", "My text"),
    "conflict.theirs": _m("Den andre øktens tekst", "The other session's text"),
    "conflict.keep_mine": _m("Behold min", "Keep mine"),
    "conflict.take_theirs": _m("Ta deres", "Take theirs"),
    "conflict.later": _m("Bestem senere", "Decide later"),
    "conflict.hint": _m(
        "m: behold min · t: ta den andres · Esc: skriv videre (ikke lagret)",
        "m: keep mine · t: take theirs · Esc: go on writing (not saved)",
    ),
    "conflict.resolved": _m("Lagret.", "Saved."),
    "details.title": _m("Planens overskrift", "The plan's heading"),
    "details.hint": _m(
        "Enter: neste felt / lagre · Esc: avbryt", "Enter: next field / save · Esc: cancel"
    ),
    "form.bad_date": _m(
        "«{text}» er ikke en dato. Skriv f.eks. «15.03.2027», «15. mars» eller «i dag».",
        "“{text}” is not a date. Write e.g. “15.03.2027”, “15 March” or “today”.",
    ),
    "welcome.title": _m("Velkommen til lederplan", "Welcome to lederplan"),
    "welcome.blank": _m("Start en tom plan", "Start a blank plan"),
    "welcome.demo": _m("Åpne kursets eksempelplan", "Open the course's example plan"),
    "welcome.form_title": _m("Ny plan", "New plan"),
    "welcome.form_hint": _m(
        "Enter: neste felt / start · Esc: tilbake", "Enter: next field / start · Esc: back"
    ),
    "feed.add": _m("Legg til", "Add"),
    "feed.hint": _m(
        "Mellomrom: velg linje · a eller ctrl+s: legg til · Esc: avbryt",
        "Space: tick a line · a or ctrl+s: add · Esc: cancel",
    ),
    "feed.no_lines": _m(
        "Boksen er tom: skriv noen linjer først.", "The box is empty: write a few lines first."
    ),
    "feed.title.areas": _m(
        "Linjer som blir utviklingsområder", "Lines to become development areas"
    ),
    "feed.title.goals": _m("Linjer som blir mål", "Lines to become goals"),
    "feed.title.actions": _m("Linjer som blir støttetiltak", "Lines to become support actions"),
    "feed.target.goals": _m("Under utviklingsområdet:", "Under the development area:"),
    "feed.target.actions": _m("Under målet:", "Under the goal:"),
    "feed.new_target.goals": _m("Et nytt utviklingsområde", "A new development area"),
    "feed.new_target.actions": _m("Et nytt område «Støtte»", "A new area “Support”"),
    "feed.new_area.goals": _m("Nye mål", "New goals"),
    "feed.new_area.support": _m("Støtte", "Support"),
    "feed.origin": _m(
        "fra lederplattformen, boks {number}", "from the leader platform, box {number}"
    ),
    "feed.done.areas": _m(
        "{count} utviklingsområde(r) lagt til i målkortet.",
        "{count} development {count:area|areas} added to the scorecard.",
    ),
    "feed.done.goals": _m(
        "{count} mål lagt til i målkortet.", "{count} {count:goal|goals} added to the scorecard."
    ),
    "feed.done.actions": _m(
        "{count} støttetiltak lagt til i målkortet.",
        "{count} support {count:action|actions} added to the scorecard.",
    ),
}
