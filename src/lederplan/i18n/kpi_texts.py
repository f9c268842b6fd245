"""The KPI progress dialog's texts, nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


KPI_TEXTS: dict[str, dict[str, str]] = {
    "key.measure": _m("Målinger", "Measurements"),
    "key.delete_measurement": _m("Slett målingen", "Delete the measurement"),
    "kpi.title": _m("Målinger og fremdrift", "Measurements and progress"),
    "kpi.type": _m("Indikatortype (KPI): {kpi}", "Indicator type (KPI): {kpi}"),
    "kpi.target": _m("Mål/effekt: {target}", "Target / effect: {target}"),
    "kpi.numeric": _m("Tallmål: {target}", "Numeric target: {target}"),
    "kpi.no_numeric": _m("Tallmål: ingen tallmål", "Numeric target: no numeric target"),
    "kpi.empty": _m("—", "—"),
    "kpi.none": _m(
        "Ingen målinger ennå (skriv dato og verdi, Enter legger til).",
        "No measurements yet (type a date and a value, Enter adds).",
    ),
    "kpi.col.date": _m("Dato", "Date"),
    "kpi.col.value": _m("Verdi", "Value"),
    "kpi.col.note": _m("Merknad", "Note"),
    "kpi.date": _m("Dato (dd.mm.åååå)", "Date (dd.mm.yyyy)"),
    "kpi.value": _m("Verdi, f.eks. 4,5", "Value, e.g. 4.5"),
    "kpi.note": _m("Merknad (valgfritt)", "Note (optional)"),
    "kpi.status.reached": _m("✓ Nådd", "✓ Reached"),
    "kpi.status.on_track": _m("↗ I rute", "↗ On track"),
    "kpi.status.not_yet": _m("· Ikke nådd ennå", "· Not reached yet"),
    "kpi.status.no_target": _m("– Uten tallmål", "– No numeric target"),
    "kpi.status": _m("Status: {status}", "Status: {status}"),
    "kpi.bad_value": _m(
        "«{text}» er ikke et tall. Skriv f.eks. 4,5 eller 4.5.",
        "“{text}” is not a number. Write e.g. 4.5 or 4,5.",
    ),
    "kpi.no_value": _m("Skriv en verdi først.", "Type a value first."),
    "kpi.hint": _m(
        "Enter: legg til · d: slett målingen (i listen) · ctrl+s: lagre · Esc: avbryt",
        "Enter: add · d: delete the measurement (in the list) · ctrl+s: save · Esc: cancel",
    ),
}
