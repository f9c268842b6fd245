"""The editing layer's texts, nb and en: drafts, conflicts noticed while typing, changes made
elsewhere. Part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


EDITING_TEXTS: dict[str, dict[str, str]] = {
    "error.invalid": _m("Kan ikke lagres slik: {msg}", "Cannot be saved like this: {msg}"),
    "error.plan_gone": _m(
        "Planen eller raden du skrev i finnes ikke lenger i filen: en annen prosess har byttet "
        "den ut eller slettet den.",
        "The plan or row you were writing in is no longer in the file: another process "
        "replaced or deleted it.",
    ),
    "edit.conflict_notice": _m(
        "En annen økt har endret denne teksten mens du skrev. Din tekst er beholdt som utkast; "
        "F2 lar deg velge (behold min / ta deres / se begge).",
        "Another session changed this text while you were writing. Yours is kept as a draft; "
        "F2 lets you choose (keep mine / take theirs / see both).",
    ),
    "edit.kept_as_draft": _m(
        "Ikke lagret i planen: {reason} Teksten er tatt vare på som et utkast (D viser utkastene).",
        "Not saved in the plan: {reason} The text is kept as a draft (D lists the drafts).",
    ),
    "edit.not_kept": _m(
        "Teksten er IKKE lagret: {reason} Den står fortsatt i feltet.",
        "The text is NOT saved: {reason} It is still in the editor.",
    ),
    "edit.replaced": _m(
        "Datafilen er byttet ut av en annen prosess (import, gjenoppretting eller eksempelplan); "
        "planen er lest inn på nytt.",
        "The data file was replaced by another process (an import, a restore or the example "
        "plan); the plan was read again.",
    ),
    "edit.new_period": _m(
        "En annen økt har startet en ny periode; den vises nå, og den forrige kan bare leses.",
        "Another session started a new period; it is shown now, and the previous one is read-only.",
    ),
    "edit.replaced_drafts": _m(
        "Åpne tekster som ikke lenger hører hjemme i planen: {count}. De er tatt vare på som "
        "utkast (D viser dem).",
        "Open texts that no longer belong to the plan: {count}. They are kept as drafts "
        "(D lists them).",
    ),
    "key.resolve_conflict": _m("Velg versjon", "Choose version"),
    "key.drafts": _m("Utkast", "Drafts"),
    "key.draft_put_back": _m("Legg tilbake", "Put back"),
    "key.draft_copy": _m("Kopier", "Copy"),
    "key.draft_discard": _m("Forkast", "Discard"),
    "drafts.title": _m("Utkast som ikke er i planen", "Drafts not in the plan"),
    "drafts.none": _m("Ingen utkast.", "No drafts."),
    "drafts.found": _m(
        "Utkast fra forrige gang som ikke er i planen: {count}. Trykk D for å se dem.",
        "Drafts from last time that are not in the plan: {count}. Press D to see them.",
    ),
    "drafts.hint": _m(
        "Enter legger tilbake · c kopierer · d forkaster · Esc lukker",
        "Enter puts back · c copies · d discards · Esc closes",
    ),
    "drafts.put_back": _m("Lagt tilbake: {label}", "Put back: {label}"),
    "drafts.copied": _m(
        "Kopiert til utklippstavlen: lim den inn der den hører hjemme.",
        "Copied to the clipboard: paste it where it belongs.",
    ),
    "drafts.discard": _m("Forkaste utkastet «{label}»?", "Discard the draft “{label}”?"),
    "drafts.discarded": _m("Utkastet er forkastet.", "The draft was discarded."),
    "drafts.cannot_put_back": _m(
        "Stedet utkastet hører til finnes ikke lenger; kopier det (c) og lim det inn.",
        "The place this draft belongs to is gone; copy it (c) and paste it in.",
    ),
    "drafts.form_hint": _m(
        "Åpne det samme skjemaet igjen: det begynner med dette utkastet.",
        "Open the same form again: it starts with this draft.",
    ),
    "drafts.reason.conflict": _m("endret et annet sted", "changed elsewhere"),
    "drafts.reason.invalid": _m("kunne ikke lagres slik", "could not be saved like this"),
    "drafts.reason.read_only": _m("eldre periode, kun lesing", "older period, read-only"),
    "drafts.reason.gone": _m("planen er byttet ut", "the plan was replaced"),
    "drafts.reason.form": _m("skjema som ikke ble sendt", "form not submitted"),
    "drafts.reason.error": _m("filen kunne ikke skrives", "the file could not be written"),
    "quit.unsaved": _m(
        "Tekster som ikke er lagret i planen: {count} (tatt vare på som utkast, eller de kunne "
        "ikke skrives). Avslutte likevel?",
        "Texts not saved in the plan: {count} (kept as drafts, or they could not be written). "
        "Quit anyway?",
    ),
    "quit.saving": _m("Lagrer planen …", "Saving the plan …"),
    "cell.label": _m("{column} – {row}", "{column} – {row}"),
    "edit.conflict_kept": _m(
        "Cellen har den andre øktens tekst; din er tatt vare på som utkast (D viser den).",
        "The cell keeps the other session's text; yours is kept as a draft (D lists it).",
    ),
    "edit.cancel_kept": _m(
        "Cellen har fått tilbake det den hadde; teksten du skrev er tatt vare på som utkast "
        "(D viser den).",
        "The cell has what it held back; the text you wrote is kept as a draft (D lists it).",
    ),
    "edit.choose_first": _m(
        "Teksten ble endret et annet sted mens du skrev: velg med F2 (behold min / ta deres) "
        "før du går ut av feltet. Din tekst er tatt vare på som utkast.",
        "The text was changed elsewhere while you were writing: choose with F2 (keep mine / "
        "take theirs) before leaving it. Yours is kept as a draft.",
    ),
}
