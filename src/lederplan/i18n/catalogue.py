"""Every user-visible string, nb and en side by side.

The course's own words (the nine questions, SMARTE, GROW, the målkort headers, the stages of
competence, the sources of insight) are verbatim from ../shared/DOMAIN.md; keep them so.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


CATALOGUE: dict[str, dict[str, str]] = {
    # -- the app --------------------------------------------------------------------------
    "app.title": _m("lederplan", "lederplan"),
    "app.subtitle": _m(
        "Personlig lederplattform og utviklingsplan",
        "Personal leadership platform and development plan",
    ),
    "app.quit": _m("Avslutt", "Quit"),
    # -- the course's words ---------------------------------------------------------------
    "reflection.must": _m("Hva slags leder må jeg være?", "What kind of leader must I be?"),
    "reflection.want": _m("Hva slags leder vil jeg være?", "What kind of leader do I want to be?"),
    "reflection.am": _m("Hva slags leder er jeg?", "What kind of leader am I?"),
    "reflection.collective": _m(
        "Kollektivt lederskap — definert av virksomheten?",
        "Collective leadership, defined by the organisation?",
    ),
    "reflection.individual": _m(
        "Individuelt lederskap — definert av lederen?",
        "Individual leadership, defined by the leader?",
    ),
    "competence.perishable": _m(
        "Kompetanse og selvinnsikt er ferskvare!",
        "Competence and self-insight are perishable goods!",
    ),
    "stage.unconsciously_incompetent": _m("Ubevisst inkompetent", "Unconsciously incompetent"),
    "stage.consciously_incompetent": _m("Bevisst inkompetent", "Consciously incompetent"),
    "stage.consciously_competent": _m("Bevisst kompetent", "Consciously competent"),
    "stage.unconsciously_competent": _m("Ubevisst kompetent", "Unconsciously competent"),
    "stage.unconsciously_incompetent.meaning": _m(
        "Det jeg ikke vet at jeg ikke kan", "What I don't know that I can't do"
    ),
    "stage.consciously_incompetent.meaning": _m(
        "Det jeg vet at jeg ikke kan", "What I know I can't do"
    ),
    "stage.consciously_competent.meaning": _m("Det jeg vet at jeg kan", "What I know I can do"),
    "stage.unconsciously_competent.meaning": _m(
        "Det jeg ikke vet at jeg kan", "What I don't know I can do"
    ),
    "source.manager": _m("Leder", "My manager"),
    "source.peers": _m("Lederkolleger", "Leader peers"),
    "source.staff": _m("Medarbeidere", "Staff"),
    "source.self": _m("Leder selv", "Myself"),
    "platform.title": _m("Min lederplattform", "My leadership platform"),
    "platform.q1": _m(
        "Hvorfor ble eller vil jeg bli leder?",
        "Why did I become, or do I want to become, a leader?",
    ),
    "platform.q2": _m(
        "Hvorfor skal noen la seg lede av meg?", "Why should anyone let themselves be led by me?"
    ),
    "platform.q3": _m("Hva er viktig for meg som leder?", "What matters to me as a leader?"),
    "platform.q4": _m("Hva er mine styrker som leder?", "What are my strengths as a leader?"),
    "platform.q5": _m(
        "Hva er mine utviklingsområder som leder?", "What are my development areas as a leader?"
    ),
    "platform.q6": _m(
        "Hva trenger jeg hjelp til som leder?", "What do I need help with as a leader?"
    ),
    "platform.q7": _m(
        "Hvem kan støtte meg i min utvikling som leder?",
        "Who can support me in my development as a leader?",
    ),
    "platform.q8": _m(
        "Hva ønsker jeg å oppnå som leder?", "What do I want to achieve as a leader?"
    ),
    "platform.q9": _m(
        "Mitt lederskap oppsummert i én setning:", "My leadership summed up in one sentence:"
    ),
    "smarte.title": _m(
        "Hva ønsker du å oppnå som leder? — SMARTE mål",
        "What do you want to achieve as a leader? — SMARTE goals",
    ),
    "smarte.S": _m("Spesifikke", "Specific"),
    "smarte.M": _m("Målbare", "Measurable"),
    "smarte.A": _m(
        "Ambisiøse (oppnåelig, men ambisiøse, attraktive, akseptable)",
        "Ambitious (achievable but ambitious, attractive, acceptable)",
    ),
    "smarte.R": _m("Realistiske", "Realistic"),
    "smarte.T": _m("Tidfestede", "Time-bound"),
    "smarte.E": _m("Enkle (evaluerbare)", "Easy (evaluable)"),
    "grow.title": _m("GROW – hvordan coache seg selv?", "GROW – how to coach yourself?"),
    "grow.G": _m("Mål", "Goal"),
    "grow.R": _m("Realitet", "Reality"),
    "grow.O": _m("Muligheter", "Options"),
    "grow.W": _m("Vilje", "Will / way forward"),
    "grow.W.short": _m("Vilje", "Will"),  # the tab's name where "Will / way forward" has no room
    "grow.G.prompts": _m("Langsiktig mål · Emne · Tema", "Long-term goal · subject · theme"),
    "grow.R.prompts": _m(
        "Realitetsorientering · Øk selvinnsikt · Gi tilbakemeldinger! · "
        "Utfordre for-forståelser og begrensninger",
        "Reality check · increase self-insight · give feedback! · "
        "challenge preconceptions and limitations",
    ),
    "grow.O.prompts": _m(
        "Tilbring mest tid her – utforsk mange valg · Coachee foreslår (og du kan også) · "
        "Ikke overselg dine løsninger · Ta et valg",
        "Spend most time here, explore many options · the coachee proposes (you may too) · "
        "don't oversell your solutions · make a choice",
    ),
    "grow.W.prompts": _m(
        "Skap handlingsforpliktelse · Identifiser evt hindringer · Gjør det konkret · "
        "Bli enige om støtte og oppfølging",
        "Create commitment to act · identify obstacles · make it concrete · "
        "agree on support and follow-up",
    ),
    "plan.title": _m("Individuell utviklingsplan", "Individual development plan"),
    "plan.person": _m("Individuell utviklingsplan for:", "Individual development plan for:"),
    "plan.manager": _m("Nærmeste leder:", "Closest manager:"),
    "plan.date": _m("Dato:", "Date:"),
    "malkort.group.scorecard": _m("Målkort", "Scorecard"),
    "malkort.group.goals": _m("Utviklingsmål", "Development goals"),
    "malkort.group.actions": _m("Handlingsplan", "Action plan"),
    "malkort.areas": _m("Utviklingsområder", "Development areas"),
    "malkort.statements": _m("Målformuleringer", "Goal statements"),
    "malkort.kpi": _m("Indikatortyper (KPI)", "Indicator types (KPI)"),
    "malkort.target": _m("Mål/effekt", "Target / effect"),
    "malkort.actions": _m("Tiltak", "Actions"),
    "malkort.deadlines": _m("Frister/Delfrister", "Deadlines / interim deadlines"),
    "status.todo": _m("å gjøre", "to do"),
    "status.doing": _m("pågår", "doing"),
    "status.done": _m("ferdig", "done"),
    # -- errors from the store ------------------------------------------------------------
    "error.prefix": _m("lederplan: feil: {message}", "lederplan: error: {message}"),
    "error.corrupt": _m(
        "Datafilen {path} kan ikke leses ({reason}). Den er ikke endret.",
        "The data file {path} cannot be read ({reason}). It has not been changed.",
    ),
    "error.corrupt.restore": _m(
        "Nyeste gode sikkerhetskopi: {backup}. Gjenopprett den med: lederplan restore {backup}",
        "Newest good backup: {backup}. Restore it with: lederplan restore {backup}",
    ),
    "error.corrupt.no_backup": _m(
        "Det finnes ingen god sikkerhetskopi. Rett filen for hånd, eller flytt den bort og "
        "begynn på nytt.",
        "There is no good backup. Repair the file by hand, or move it away and start afresh.",
    ),
    "error.corrupt.empty": _m("filen er tom", "the file is empty"),
    "error.corrupt.encoding": _m("ikke UTF-8-tekst", "not UTF-8 text"),
    "error.corrupt.json": _m(
        "ugyldig JSON på linje {line}, kolonne {col}: {msg}",
        "invalid JSON at line {line}, column {col}: {msg}",
    ),
    "error.corrupt.shape": _m("ikke en lederplan-fil", "not a lederplan file"),
    "error.corrupt.invalid": _m("ugyldig felt {field}: {msg}", "invalid field {field}: {msg}"),
    "error.unsafe_path": _m("Nekter å bruke {path}: {why}.", "Refusing to use {path}: {why}."),
    "error.unsafe_path.symlink": _m("det er en symbolsk lenke", "it is a symbolic link"),
    "error.unsafe_path.owner": _m("den eies av en annen bruker", "it belongs to another user"),
    "error.unsafe_path.not_file": _m("det er ikke en vanlig fil", "it is not a regular file"),
    "error.unsafe_path.not_directory": _m("det er ikke en mappe", "it is not a directory"),
    "error.lock_timeout": _m(
        "En annen lederplan-økt holder {path} låst. Prøv igjen om litt; ingenting er lagret.",
        "Another lederplan session holds the lock on {path}. Try again shortly; nothing was saved.",
    ),
    "error.read_only": _m("{path} kan bare leses: {why}.", "{path} is read-only: {why}."),
    "error.read_only.newer_schema": _m(
        "filen er skrevet av en nyere versjon av lederplan; oppgrader for å endre den",
        "it was written by a newer version of lederplan; upgrade to change it",
    ),
    "error.read_only.not_writable": _m(
        "mappen kan ikke skrives til", "the directory is not writable"
    ),
    "error.write_failed": _m(
        "Kunne ikke lagre {path}: {reason}. Forrige versjon er urørt.",
        "Could not save {path}: {reason}. The previous version is intact.",
    ),
    "error.sync_failed": _m(
        "Kunne ikke sikre at siste endring nådde disken ({path}): {why} ({reason}). Det du "
        "skrev, er tatt vare på, og neste lagring skriver hele filen på nytt.",
        "Could not make sure the last change reached the disk ({path}): {why} ({reason}). "
        "What you typed is kept, and the next save writes the whole file again.",
    ),
    "error.sync_failed.disk": _m("disken svarte med en feil", "the disk reported an error"),
    "error.sync_failed.internal": _m("en intern feil i lederplan", "an internal lederplan error"),
    "error.conflict": _m(
        "En annen økt har endret dette siden du åpnet det. Endringen din er ikke lagret; "
        "last inn på nytt og prøv igjen.",
        "Another session changed this since you opened it. Your change was not saved; "
        "reload and try again.",
    ),
    "error.not_found": _m("Fant ikke «{name}».", "Not found: “{name}”."),
    "error.file_exists": _m(
        "{path} finnes allerede; bruk --force for å skrive over.",
        "{path} already exists; use --force to overwrite it.",
    ),
    "error.os": _m("{path}: {reason}", "{path}: {reason}"),
    # -- the command line -----------------------------------------------------------------
    "cli.description": _m(
        "Personlig lederplattform og individuell utviklingsplan i terminalen.",
        "A personal leadership platform and development plan in the terminal.",
    ),
    "cli.opt.data_dir": _m(
        "mappen dataene ligger i (ellers $LEDERPLAN_DATA_DIR eller ~/.local/share/lederplan)",
        "the data directory (else $LEDERPLAN_DATA_DIR or ~/.local/share/lederplan)",
    ),
    "cli.opt.lang": _m("språk: nb eller en", "language: nb or en"),
    "cli.opt.version": _m("vis versjonen og avslutt", "show the version and exit"),
    "cli.opt.force": _m(
        "skriv over det som finnes (det gamle tas vare på som sikkerhetskopi)",
        "overwrite what is there (the old one is kept as a backup)",
    ),
    "cli.cmd.demo": _m(
        "last inn kursets eksempelplan, datert i dag", "load the course's example plan, dated today"
    ),
    "cli.opt.as_in_course": _m(
        "behold kursets datoer (planen datert 06.01.2020)",
        "keep the course's dates (the plan dated 6 Jan 2020)",
    ),
    "cli.cmd.export": _m(
        "skriv planen ut (JSON, Markdown, HTML, eller tiltakene som iCalendar)",
        "write the plan out (JSON, Markdown, HTML, or the actions as iCalendar)",
    ),
    "cli.cmd.import": _m("les inn en plan fra en JSON-eksport", "read a plan from a JSON export"),
    "cli.cmd.backups": _m("vis sikkerhetskopiene", "list the backups"),
    "cli.cmd.restore": _m("gjenopprett en sikkerhetskopi", "restore a backup"),
    "cli.opt.output": _m("fil å skrive til (ellers standard ut)", "file to write (else stdout)"),
    "cli.opt.schema": _m("skriv JSON Schema for eksportformatet", "print the export's JSON Schema"),
    "cli.arg.file": _m("JSON-filen", "the JSON file"),
    "cli.arg.backup": _m("navnet fra «lederplan backups»", "the name from “lederplan backups”"),
    "cli.demo.done": _m(
        "Kursets eksempelplan er lastet inn i {path}.",
        "The course's example plan is loaded into {path}.",
    ),
    "cli.plan_exists": _m(
        "Det finnes allerede en plan i {path}. Bruk --force for å erstatte "
        "den (den gamle tas vare på som sikkerhetskopi).",
        "There is already a plan in {path}. Use --force to replace it (the "
        "old one is kept as a backup).",
    ),
    "cli.no_plan": _m("Det finnes ingen plan i {path} ennå.", "There is no plan in {path} yet."),
    "cli.import.done": _m(
        "Importert {count} plan(er) fra {file} til {path}.",
        "Imported {count} {count:plan|plans} from {file} into {path}.",
    ),
    "cli.import.bad_json": _m(
        "{file}, linje {line}, kolonne {col}: ugyldig JSON: {msg}. Ingenting er lagret.",
        "{file}, line {line}, column {col}: invalid JSON: {msg}. Nothing was saved.",
    ),
    "cli.import.bad_field": _m(
        "{file}, linje {line}: feltet {field}: {msg}. Ingenting er lagret.",
        "{file}, line {line}: field {field}: {msg}. Nothing was saved.",
    ),
    "cli.import.bad_format": _m(
        "{file} er ikke en lederplan-eksport (mangler «format»: «lederplan»). Ingenting er lagret.",
        "{file} is not a lederplan export (no “format”: “lederplan”). Nothing was saved.",
    ),
    "cli.import.newer": _m(
        "{file} er skrevet av en nyere versjon av lederplan (format "
        "{version}). Ingenting er lagret.",
        "{file} was written by a newer version of lederplan (format {version}). Nothing was saved.",
    ),
    "cli.backup.kept": _m(
        "Den forrige filen er tatt vare på som {name}.", "The previous file was kept as {name}."
    ),
    "cli.backups.none": _m("Ingen sikkerhetskopier i {path} ennå.", "No backups in {path} yet."),
    "cli.backups.header": _m(
        "Sikkerhetskopier i {path} (nyeste først):", "Backups in {path} (newest first):"
    ),
    "cli.restore.done": _m("Gjenopprettet {name}.", "Restored {name}."),
    "cli.export.done": _m("Skrev {path}.", "Wrote {path}."),
    "backup.kind.session": _m("før økt", "before a session"),
    "backup.kind.daily": _m("daglig", "daily"),
    "backup.kind.before-restore": _m("før gjenoppretting", "before a restore"),
    "backup.kind.before-import": _m("før import", "before an import"),
    "backup.kind.before-demo": _m("før eksempelplan", "before the example plan"),
    "backup.kind.before-migration": _m("før oppgradering", "before an upgrade"),
}


def _merge_parts() -> None:
    # The catalogue is one dict; long topic-specific parts live in their own modules.
    from lederplan.i18n.cell_texts import CELL_TEXTS
    from lederplan.i18n.due_texts import DUE_TEXTS
    from lederplan.i18n.editing_texts import EDITING_TEXTS
    from lederplan.i18n.export_texts import EXPORT_TEXTS
    from lederplan.i18n.feedback_csv_texts import FEEDBACK_CSV_TEXTS
    from lederplan.i18n.feedback_texts import FEEDBACK_TEXTS
    from lederplan.i18n.form_texts import FORM_TEXTS
    from lederplan.i18n.history_texts import HISTORY_TEXTS
    from lederplan.i18n.ics_texts import ICS_TEXTS
    from lederplan.i18n.kpi_texts import KPI_TEXTS
    from lederplan.i18n.malkort_texts import MALKORT_TEXTS
    from lederplan.i18n.period_texts import PERIOD_TEXTS
    from lederplan.i18n.shell_texts import SHELL_TEXTS
    from lederplan.i18n.smarte_texts import SMARTE_TEXTS
    from lederplan.i18n.store_texts import STORE_TEXTS
    from lederplan.i18n.textual_texts import TEXTUAL_TEXTS
    from lederplan.i18n.timeline_texts import TIMELINE_TEXTS
    from lederplan.i18n.usage_texts import USAGE_TEXTS

    for part in (
        SHELL_TEXTS,
        MALKORT_TEXTS,
        CELL_TEXTS,
        SMARTE_TEXTS,
        TIMELINE_TEXTS,
        ICS_TEXTS,
        DUE_TEXTS,
        FEEDBACK_CSV_TEXTS,
        FEEDBACK_TEXTS,
        KPI_TEXTS,
        EXPORT_TEXTS,
        PERIOD_TEXTS,
        HISTORY_TEXTS,
        EDITING_TEXTS,
        FORM_TEXTS,
        STORE_TEXTS,
        TEXTUAL_TEXTS,
        USAGE_TEXTS,
    ):
        clash = set(part) & set(CATALOGUE)
        if clash:
            raise RuntimeError(f"catalogue keys defined twice: {sorted(clash)}")
        CATALOGUE.update(part)


_merge_parts()
