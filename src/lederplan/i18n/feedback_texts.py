"""The feedback panel's texts, nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


FEEDBACK_TEXTS: dict[str, dict[str, str]] = {
    "key.feedback_add": _m("Ny tilbakemelding", "New feedback"),
    "key.feedback_edit": _m("Endre", "Edit"),
    "key.feedback_filter": _m("Filtrer på område", "Filter by area"),
    "key.source_left": _m("Kilden til venstre", "Source to the left"),
    "key.source_right": _m("Kilden til høyre", "Source to the right"),
    "feedback.filter": _m("Område: {area}  (f bytter)", "Area: {area}  (f changes it)"),
    "feedback.filter_all": _m("alle", "all"),
    "feedback.no_area": _m("uten område", "no area"),
    "feedback.no_rating": _m("uten vurdering", "no rating"),
    "feedback.none": _m("Ingen tilbakemeldinger ennå (a legger til).", "No feedback yet (a adds)."),
    "feedback.giver": _m("Fra (valgfritt)", "From (optional)"),
    "feedback.form_title": _m("Tilbakemelding", "Feedback"),
    "feedback.form_hint": _m(
        "Vurdering {low}–{high} · ctrl+s: lagre · Esc: avbryt",
        "Rating {low}–{high} · ctrl+s: save · Esc: cancel",
    ),
    "feedback.delete": _m("Slette tilbakemeldingen fra {date}?", "Delete the feedback of {date}?"),
    "feedback.source_count": _m("{source} ({count})", "{source} ({count})"),
    "key.entry_up": _m("Tilbakemeldingen over", "Feedback above"),
    "key.entry_down": _m("Tilbakemeldingen under", "Feedback below"),
    "key.insight": _m("Innsikt: meg selv mot andre", "Insight: myself against others"),
    "key.request": _m("Be om tilbakemelding", "Ask for feedback"),
    "key.import_csv": _m("Importer fra CSV", "Import from CSV"),
    "key.set_stage": _m("Sett områdets kompetansetrinn", "Set the area's stage"),
    "insight.title": _m("Innsikt: meg selv mot andre", "Insight: myself against others"),
    "insight.others": _m("Alle andre", "All others"),
    "insight.gap": _m("Avvik", "Gap"),
    "insight.verdict": _m("Vurdering", "Verdict"),
    "insight.verdict.blind_spot": _m("Blind flekk?", "Blind spot?"),
    "insight.verdict.hidden_strength": _m("Skjult styrke?", "Hidden strength?"),
    "insight.verdict.aligned": _m("Samstemt", "Aligned"),
    "insight.verdict.unknown": _m("For lite å gå på", "Not enough to say"),
    "insight.too_few": _m("for få ({count})", "too few ({count})"),
    "insight.hint": _m(
        "Snitt for kolleger og medarbeidere vises fra 3 vurderinger (anonymitet). "
        "s: sett trinnet tilbakemeldingene peker på · Esc: lukk",
        "Peers' and staff's averages show from 3 ratings (anonymity). "
        "s: set the stage the feedback points to · Esc: close",
    ),
    "insight.no_suggestion": _m(
        "For lite tilbakemelding til å foreslå et trinn.", "Too little feedback to suggest a stage."
    ),
    "insight.stage_set": _m("{area}: {stage}", "{area}: {stage}"),
    "request.title": _m("Be om tilbakemelding fra: {source}", "Ask for feedback from: {source}"),
    "request.greeting.manager": _m("Hei,", "Hi,"),
    "request.greeting.peers": _m("Hei,", "Hi,"),
    "request.greeting.staff": _m("Hei,", "Hi,"),
    "request.greeting.self": _m("Notat til meg selv:", "Note to myself:"),
    "request.working_on": _m(
        "Jeg jobber med å utvikle meg som leder innen {areas}:",
        "I am working on my leadership, on {areas}:",
    ),
    "request.ask": _m(
        "Jeg vil gjerne høre hvordan du opplever meg på dette nå: hva fungerer, og hva kan "
        "jeg gjøre annerledes? Gjerne med et konkret eksempel.",
        "I would like to hear how you experience me on this now: what works, and what could I "
        "do differently? A concrete example helps.",
    ),
    "request.thanks": _m("Takk!", "Thank you!"),
    "request.copied": _m("Kopiert til utklippstavlen.", "Copied to the clipboard."),
    "import_csv.title": _m(
        "Importer tilbakemeldinger fra CSV-fil", "Import feedback from a CSV file"
    ),
    "import_csv.placeholder": _m("~/tilbakemeldinger.csv", "~/feedback.csv"),
    "import_csv.hint": _m(
        "Kolonner: dato, kilde, giver, område, vurdering, tekst · Enter: importer · Esc: avbryt",
        "Columns: date, source, giver, area, rating, text · Enter: import · Esc: cancel",
    ),
    "import_csv.bad": _m(
        "Linje {line}, felt {field}: {problem}. Ingenting er lagret.",
        "Line {line}, field {field}: {problem}. Nothing was saved.",
    ),
    "import_csv.done": _m(
        "{count} tilbakemelding(er) importert.", "{count} feedback {count:entry|entries} imported."
    ),
}
