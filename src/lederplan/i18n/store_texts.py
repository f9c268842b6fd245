"""Why a data file cannot be read, and an import refused, nb and en: part of the one catalogue.

The reasons come from :mod:`lederplan.store.shape` (``error.corrupt.<reason>``); a field is named
as the file has it (``table.key.field``), so it can be found in the file with an editor.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


STORE_TEXTS: dict[str, dict[str, str]] = {
    "error.corrupt.type": _m(
        "feltet {field} skal være {expected}", "field {field} should be {expected}"
    ),
    "error.corrupt.expected.text": _m("tekst", "text"),
    "error.corrupt.expected.int": _m("et heltall", "a whole number"),
    "error.corrupt.expected.number": _m("et tall", "a number"),
    "error.corrupt.expected.list": _m("en liste", "a list"),
    "error.corrupt.expected.object": _m("et objekt", "an object"),
    "error.corrupt.missing": _m("feltet {field} mangler", "field {field} is missing"),
    "error.corrupt.ref": _m(
        "{field} viser til «{value}», som ikke finnes i filen",
        "{field} names “{value}”, which is not in the file",
    ),
    "error.corrupt.duplicate": _m(
        "{field}: id-en «{value}» er brukt to ganger", "{field}: the id “{value}” is used twice"
    ),
    "error.corrupt.kind": _m(
        "{field} er verken «platform» eller «reflection»",
        "{field} is neither “platform” nor “reflection”",
    ),
    "error.corrupt.doc_key": _m(
        "tabellen {table} har en dokumentnøkkel som ikke er et heltall",
        "table {table} has a document key that is not a whole number",
    ),
    "error.corrupt.no_plan": _m("den har innhold, men ingen plan", "it holds records but no plan"),
    "error.corrupt.nested": _m(
        "JSON-en er nøstet for dypt til å leses", "its JSON is nested too deeply to be read"
    ),
    "error.corrupt.too_big": _m(
        "den er for stor til å leses inn i minnet", "it is too big to be read into memory"
    ),
    "error.corrupt.number": _m(
        "et tall i den har for mange sifre", "a number in it has too many digits"
    ),
    "cli.import.unreadable": _m(
        "{file} kan ikke leses: {reason}. Ingenting er lagret.",
        "{file} cannot be read: {reason}. Nothing was saved.",
    ),
    "cli.import.nested": _m("JSON-en er nøstet for dypt", "the JSON is nested too deeply"),
    "cli.import.too_big": _m("filen er for stor", "the file is too big"),
    "cli.import.number": _m("et tall har for mange sifre", "a number has too many digits"),
}
