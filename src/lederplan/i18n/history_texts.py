"""The history texts (issue 7), nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


HISTORY_TEXTS: dict[str, dict[str, str]] = {
    "key.history": _m("Historikk", "History"),
    "key.history_to_earlier": _m("«Til»: en tidligere versjon", "“To”: an earlier version"),
    "key.history_to_later": _m("«Til»: en senere versjon", "“To”: a later version"),
    "key.history_from_earlier": _m("«Fra»: en tidligere versjon", "“From”: an earlier version"),
    "key.history_from_later": _m("«Fra»: en senere versjon", "“From”: a later version"),
    "history.title": _m("Svarets historikk", "The answer's history"),
    "history.from": _m("fra", "from"),
    "history.to": _m("til", "to"),
    "history.now": _m("nå", "now"),
    "history.undated": _m("dato ukjent", "date not known"),
    "history.between": _m("Fra {old} til {new}:", "From {old} to {new}:"),
    "history.same": _m(
        "Ingen endring mellom disse to versjonene.", "No change between these two versions."
    ),
    "history.none": _m(
        "Ingen tidligere versjoner ennå. Når du endrer svaret en senere dag, blir teksten det "
        "har nå tatt vare på her, med datoen.",
        "No earlier versions yet. When you change the answer on a later day, the text it has "
        "now is kept here, with its date.",
    ),
    "history.empty": _m("(tomt)", "(empty)"),
    "history.deleted": _m("tatt bort", "deleted"),
    "history.inserted": _m("lagt til", "added"),
    "history.hint": _m(
        "←/→ velger «til», [ og ] velger «fra» · ↑/↓ ruller · Esc lukker",
        "←/→ choose “to”, [ and ] choose “from” · ↑/↓ scroll · Esc closes",
    ),
    "history.hint_none": _m("Esc lukker", "Esc closes"),
}
