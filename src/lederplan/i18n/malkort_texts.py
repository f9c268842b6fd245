"""The målkort screen's texts, nb and en: part of the one catalogue (merged in catalogue.py)."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


MALKORT_TEXTS: dict[str, dict[str, str]] = {
    "key.cell_up": _m("Cellen over", "Cell above"),
    "key.cell_down": _m("Cellen under", "Cell below"),
    "key.cell_left": _m("Cellen til venstre", "Cell to the left"),
    "key.cell_right": _m("Cellen til høyre", "Cell to the right"),
    "key.page_up": _m("En side opp", "Page up"),
    "key.page_down": _m("En side ned", "Page down"),
    "key.first_row": _m("Første rad", "First row"),
    "key.last_row": _m("Siste rad", "Last row"),
    "key.edit_cell": _m("Rediger cellen", "Edit the cell"),
    "key.status": _m("Bytt status", "Cycle status"),
    "key.add_action": _m("Nytt tiltak", "New action"),
    "key.add_indicator": _m("Ny indikator", "New indicator"),
    "key.add_goal": _m("Nytt mål", "New goal"),
    "key.add_area": _m("Nytt utviklingsområde", "New development area"),
    "key.delete": _m("Slett", "Delete"),
    "key.move_up": _m("Flytt opp", "Move up"),
    "key.move_down": _m("Flytt ned", "Move down"),
    "key.area_details": _m("Opphav og kompetansetrinn", "Origin and stage of competence"),
    "key.undo": _m("Angre siste endring", "Undo the last change"),
    "key.yes": _m("Ja", "Yes"),
    "key.no": _m("Nei", "No"),
    "confirm.hint": _m("y: ja · n eller Esc: nei", "y: yes · n or Esc: no"),
    "malkort.empty": _m(
        "Målkortet er tomt. Trykk A for et nytt utviklingsområde, eller a i boks 4, 5, 7 eller 8 "
        "på plattformen.",
        "The scorecard is empty. Press A for a new development area, or a in box 4, 5, 7 or 8 "
        "on the platform.",
    ),
    "malkort.needs_goal": _m(
        "Skriv et mål først (kolonnen Målformuleringer).",
        "Write a goal first (the Goal statements column).",
    ),
    "malkort.delete": _m(
        "Slette «{name}» med alt som hører til?", "Delete “{name}” and everything under it?"
    ),
    "column.title": _m("Utviklingsområde", "Development area"),
    "column.statement": _m("Målformulering", "Goal statement"),
    "column.kpi": _m("Indikatortype (KPI)", "Indicator type (KPI)"),
    "column.target": _m("Mål/effekt", "Target / effect"),
    "column.text": _m("Tiltak", "Action"),
    "column.deadline": _m("Frist", "Deadline"),
    "stage.none": _m("Ikke satt", "Not set"),
    "area.title": _m("Utviklingsområde: {title}", "Development area: {title}"),
    "area.origin": _m(
        "Hvor kommer det fra? (f.eks. fra lederevalueringen)",
        "Where does it come from? (e.g. from the leader evaluation)",
    ),
    "area.stage": _m("Kompetansetrinn", "Stage of competence"),
    "area.hint": _m("ctrl+s: lagre · Esc: avbryt", "ctrl+s: save · Esc: cancel"),
    "key.toggle_smarte": _m("SMARTE kort/utfyllende", "SMARTE short/full"),
    "key.grow_save": _m("Lagre notatene", "Save the notes"),
    "key.grow_next": _m("Neste steg", "Next step"),
    "key.grow_back": _m("Forrige steg", "Previous step"),
    "grow.option_placeholder": _m(
        "Et nytt alternativ (Enter legger til)", "A new option (Enter adds it)"
    ),
    "grow.deadline_placeholder": _m("Frist, f.eks. innen uke 12", "Deadline, e.g. by week 12"),
    "grow.will_actions": _m(
        "Valgte alternativer blir tiltak i målkortet, med frist:",
        "Chosen options become actions in the scorecard, with a deadline:",
    ),
    "grow.actions_added": _m(
        "{count} tiltak lagt til i målkortet.",
        "{count} {count:action|actions} added to the scorecard.",
    ),
    "key.grow": _m("GROW-coaching av målet", "GROW coaching for the goal"),
    "smarte.panel_title": _m("SMARTE — målet under markøren", "SMARTE — the goal at the cursor"),
    "smarte.no_goal": _m("Ingen målformulering her ennå.", "No goal statement here yet."),
}
