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
}
