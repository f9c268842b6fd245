"""Importing feedback from CSV, nb and en: part of the one catalogue (merged in catalogue.py).

``feedback_csv.*`` are the problems :class:`lederplan.domain.feedback_csv.FeedbackCsvError` names
(the UI and the command line put the file, line and field in front); ``cli.*`` the command's.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


FEEDBACK_CSV_TEXTS: dict[str, dict[str, str]] = {
    "feedback_csv.not_utf8": _m("filen er ikke UTF-8-tekst", "the file is not UTF-8 text"),
    "feedback_csv.malformed": _m(
        "linjen kan ikke leses som CSV (et sitat som ikke er lukket?)",
        "the line cannot be read as CSV (a quote that is not closed?)",
    ),
    "feedback_csv.no_header": _m(
        "første linje må navngi kolonnene (dato;kilde;giver;område;vurdering;tekst)",
        "the first line must name the columns (date,source,giver,area,rating,text)",
    ),
    "feedback_csv.unknown_column": _m(
        "ukjent kolonne «{name}» (kjente: {known})", "unknown column “{name}” (known: {known})"
    ),
    "feedback_csv.duplicate_column": _m(
        "kolonnen «{name}» finnes to ganger", "the column “{name}” appears twice"
    ),
    "feedback_csv.missing_column": _m(
        "kolonnen «{name}» mangler", "the column “{name}” is missing"
    ),
    "feedback_csv.too_many_values": _m(
        "flere verdier enn de {count} kolonnene",
        "more values than the {count} {count:column|columns}",
    ),
    "feedback_csv.required": _m("må fylles ut", "must be filled in"),
    "feedback_csv.bad_date": _m(
        "«{value}» er ikke en dato (skriv 15.03.2027 eller 2027-03-15)",
        "“{value}” is not a date (write 15.03.2027 or 2027-03-15)",
    ),
    "feedback_csv.bad_source": _m(
        "«{value}» er ikke en kilde (leder, lederkolleger, medarbeidere, leder selv; "
        "eller manager, peers, staff, self)",
        "“{value}” is not a source (manager, peers, staff, self; "
        "or leder, lederkolleger, medarbeidere, leder selv)",
    ),
    "feedback_csv.unknown_area": _m(
        "planen har ikke noe utviklingsområde som heter «{value}»",
        "the plan has no development area called “{value}”",
    ),
    "feedback_csv.ambiguous_area": _m(
        "planen har flere utviklingsområder som heter «{value}»",
        "the plan has several development areas called “{value}”",
    ),
    "feedback_csv.bad_rating": _m(
        "«{value}» er ikke et helt tall", "“{value}” is not a whole number"
    ),
    "feedback_csv.off_scale": _m(
        "{value} er utenfor planens skala {low}–{high}",
        "{value} is outside the plan's scale {low}–{high}",
    ),
    "feedback_csv.too_long": _m("lengre enn {max} tegn", "longer than {max} characters"),
    "feedback_csv.invalid": _m("ugyldig verdi", "invalid value"),
    "cli.cmd.import_feedback": _m(
        "legg til tilbakemeldinger fra en CSV-fil i planen (alt eller ingenting)",
        "add feedback from a CSV file to the plan (all or nothing)",
    ),
    "cli.arg.csv_file": _m(
        "CSV-filen (kolonner: dato, kilde, giver, område, vurdering, tekst)",
        "the CSV file (columns: date, source, giver, area, rating, text)",
    ),
    "cli.import_feedback.done": _m(
        "La til {count} tilbakemelding(er) fra {file} i planen.",
        "Added {count} feedback {count:entry|entries} from {file} to the plan.",
    ),
    "cli.import_feedback.bad_field": _m(
        "{file}, linje {line}, feltet {field}: {problem}. Ingenting er lagret.",
        "{file}, line {line}, field {field}: {problem}. Nothing was saved.",
    ),
    "cli.import_feedback.bad_line": _m(
        "{file}, linje {line}: {problem}. Ingenting er lagret.",
        "{file}, line {line}: {problem}. Nothing was saved.",
    ),
    "cli.import_feedback.plan_changed": _m(
        "Planen ble endret mens filen ble lest inn ({reason}). Ingenting er lagret; prøv igjen.",
        "The plan changed while the file was read ({reason}). Nothing was saved; try again.",
    ),
}
