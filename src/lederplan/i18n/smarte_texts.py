"""The SMARTE panel's reasons, nb and en: part of the one catalogue (merged in catalogue.py).

One key per rule of :mod:`lederplan.domain.smarte`, ``smarte.reason.<letter>.<rule>``; each is
one short line, with the same ``{placeholders}`` in both languages. ``{date}`` comes as a
:class:`datetime.date`, which the UI formats for the language (06.07.2020 in nb); see
:attr:`lederplan.domain.smarte.LetterCheck.params`.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


SMARTE_TEXTS: dict[str, dict[str, str]] = {
    # -- S: specific -----------------------------------------------------------------------
    "smarte.reason.S.empty": _m("Ingen målformulering ennå", "No goal statement yet"),
    "smarte.reason.S.short": _m(
        "Bare {words} ord: si hva som skal endres",
        "Only {words} {words:word|words}: say what will change",
    ),
    "smarte.reason.S.vague": _m(
        "For generelt: hva skal endres, og for hvem?",
        "Too general: what exactly will change, for whom?",
    ),
    "smarte.reason.S.ok": _m("Sier hva som endres: {what}", "Says what will change: {what}"),
    # -- M: measurable ---------------------------------------------------------------------
    "smarte.reason.M.none": _m(
        "Ingen indikator ennå: hva er beviset?", "No indicator yet: what is the evidence?"
    ),
    "smarte.reason.M.no_target": _m(
        "Ingen indikator har mål/effekt ennå", "No indicator has a target/effect yet"
    ),
    "smarte.reason.M.partial": _m(
        "{missing} av {total} indikatorer mangler mål/effekt",
        "{missing} of {total} {total:indicator|indicators} {missing:lacks|lack} a target/effect",
    ),
    "smarte.reason.M.numeric": _m("Tallfestet mål: «{target}»", "Numeric target: “{target}”"),
    "smarte.reason.M.target": _m(
        "Mål/effekt: «{target}» (et tall er skarpere)",
        "Target: “{target}” (a number is sharper)",
    ),
    # -- A: ambitious, involved and committed ----------------------------------------------
    "smarte.reason.A.hedged": _m(
        "«{word}» høres halvhjertet ut: forplikt deg",
        "“{word}” sounds half-hearted: commit to it",
    ),
    "smarte.reason.A.people": _m("Andre er involvert: {who}", "Others are involved: {who}"),
    "smarte.reason.A.support": _m("Støtte fra andre: {what}", "Support from others: {what}"),
    "smarte.reason.A.alone": _m(
        "Hvem andre er involvert og forpliktet?", "Who else is involved and committed?"
    ),
    # -- R: realistic ----------------------------------------------------------------------
    "smarte.reason.R.no_actions": _m(
        "Ingen tiltak ennå: hvordan kommer du dit?", "No actions yet: how will you get there?"
    ),
    "smarte.reason.R.before_plan": _m(
        "«{deadline}» er før planens dato", "“{deadline}” is before the plan's date"
    ),
    "smarte.reason.R.after_period": _m(
        "«{deadline}» er etter planperiodens slutt", "“{deadline}” is after the plan period"
    ),
    "smarte.reason.R.after_goal": _m(
        "«{deadline}» er etter målets egen frist", "“{deadline}” is after the goal's own deadline"
    ),
    "smarte.reason.R.crowded": _m(
        "{count} tiltak har frist i uke {week}: mye på en gang",
        "{count} {count:action|actions} due in week {week}: a lot at once",
    ),
    "smarte.reason.R.ok": _m(
        "Tiltak innenfor planperioden: {count}", "Actions within the plan period: {count}"
    ),
    # -- T: time-bound ---------------------------------------------------------------------
    "smarte.reason.T.past": _m(
        "«{deadline}» er før planens dato ({plan_date}): ingen frist",
        "“{deadline}” is before the plan ({plan_date}): no time bound",
    ),
    "smarte.reason.T.statement": _m(
        "Målet sier når: «{deadline}» ({date})", "The goal says when: “{deadline}” ({date})"
    ),
    "smarte.reason.T.actions": _m(
        "{count} av {total} tiltaksfrister kan leses som dato",
        "{count} of {total} action {total:deadline|deadlines} "
        "{count:reads as a date|read as dates}",
    ),
    "smarte.reason.T.unreadable": _m(
        "«{deadline}» kan ikke leses som dato ennå", "“{deadline}” cannot be read as a date yet"
    ),
    "smarte.reason.T.ongoing": _m(
        "Bare løpende frister: når er målet nådd?", "Only ongoing deadlines: when is it reached?"
    ),
    "smarte.reason.T.none": _m(
        "Ingen frist ennå: når skal målet være nådd?", "No deadline yet: when shall it be reached?"
    ),
    # -- E: easy to remember ---------------------------------------------------------------
    "smarte.reason.E.empty": _m("Ingenting å huske ennå", "Nothing to remember yet"),
    "smarte.reason.E.sentences": _m(
        "{count} setninger: kan du si det i én?",
        "{count} {count:sentence|sentences}: can you say it in one?",
    ),
    "smarte.reason.E.long": _m(
        "{words} ord: sikt mot høyst {max}", "{words} {words:word|words}: aim for {max} at the most"
    ),
    "smarte.reason.E.chars": _m(
        "{chars} tegn: sikt mot høyst {max}",
        "{chars} {chars:character|characters}: aim for {max} at the most",
    ),
    "smarte.reason.E.ok": _m(
        "{words} ord i én setning: lett å huske",
        "{words} {words:word|words} in one sentence: easy to recall",
    ),
}
"""Every reason the SMARTE advisor gives, by catalogue key."""
