"""The forms' drafts and the screens' changes through the editing layer, nb and en: part of the
one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


FORM_TEXTS: dict[str, dict[str, str]] = {
    "form_draft.put_back": _m("Utkast fra {when} er lagt tilbake.", "Draft from {when} put back."),
    "form_draft.leave_q": _m(
        "Lukke uten å lagre det som er skrevet her?", "Close without saving what is written here?"
    ),
    "form_draft.label.feedback_new": _m("Ny tilbakemelding", "New feedback"),
    "form_draft.label.feedback": _m("Tilbakemelding fra {date}", "Feedback of {date}"),
    "form_draft.label.grow": _m("GROW: {goal}", "GROW: {goal}"),
    "form_draft.label.measure": _m("Målinger: {kpi}", "Measurements: {kpi}"),
    "form_draft.label.heading": _m("Planens overskrift", "The plan's heading"),
    "form_draft.label.period": _m("Ny periode", "New period"),
}
