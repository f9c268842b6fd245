"""The målkort cell editor's texts, nb and en: its keys and its limits (merged in catalogue.py)."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


CELL_TEXTS: dict[str, dict[str, str]] = {
    "key.cell_next": _m("Lagre, neste celle", "Save, next cell"),
    "key.cell_previous": _m("Lagre, forrige celle", "Save, previous cell"),
    "key.cell_down_save": _m("Lagre, gå ned", "Save, go down"),
    "key.cell_save": _m("Lagre, bli i cellen", "Save, stay in the cell"),
    "key.cell_cancel": _m("Sett tilbake", "Put back"),
    "help.while_writing": _m("Mens du skriver: {what}", "While writing: {what}"),
    "key.clear_cell": _m("Tøm cellen", "Empty the cell"),
    "cell.too_long_pasted": _m(
        "Høyst {limit} tegn: {count} limt inn – kort ned teksten, så blir den lagret.",
        "At most {limit} characters: {count} pasted – shorten the text to save it.",
    ),
    "cell.too_long_typed": _m(
        "Høyst {limit} tegn: teksten har {count} – kort den ned, så blir den lagret.",
        "At most {limit} characters: the text has {count} – shorten it to save it.",
    ),
    "cell.count": _m("{count}/{limit}", "{count}/{limit}"),  # on the editor's bottom line
    "error.too_long": _m(
        "høyst {limit} tegn, teksten har {count}.",
        "at most {limit} characters, the text has {count}.",
    ),
}
