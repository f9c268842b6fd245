"""One user's session with a plan: what the UI reads and every change it saves.

The UI never talks to the repository directly: it asks the session, which keeps the snapshot it
showed (with each record's revision) so that a change another session made meanwhile comes back as
:class:`~lederplan.store.errors.ConflictError` instead of being overwritten. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lederplan.clock import today_or_system
from lederplan.domain.dates import add_years
from lederplan.domain.demo import demo_plan
from lederplan.domain.history import answer_date, change
from lederplan.domain.models import Action, Area, Goal, Lang, Plan
from lederplan.domain.periods import check_period_date
from lederplan.store.errors import PeriodReadOnlyError, PlanGoneError
from lederplan.store.guarded import GuardedRepository
from lederplan.store.repository import Snapshot, answer_id
from lederplan.store.store import Fingerprint, Store


@dataclass(frozen=True)
class Period:
    """One plan of the file as the plan list shows it."""

    id: str
    date: date
    period_end: date
    person: str
    areas: int
    actions: int
    current: bool
    """The first plan of the file: the current period, the one ``lederplan due`` reads."""
    read_only: bool
    """An older period not unlocked in this session."""


class PlanSession:
    """The plan shown from one store (the current period unless another is chosen), and the
    edits made to it. Older periods are read-only until unlocked; the unlock lasts this session."""

    def __init__(self, store: Store) -> None:
        self.store = store
        """Where the plan lives."""
        self.repo = GuardedRepository(store, self.check_writable, self.written)
        """Every change goes through it; it refuses changes to a read-only period."""
        self.snapshot: Snapshot | None = None
        """The plan shown, as last read or saved by this session."""
        self.plan_id: str | None = None
        """The plan chosen to be shown; None: the current (first) one, whichever it is."""
        self._all: list[Snapshot] = []
        self._unlocked: set[str] = set()
        self._loaded_fp: Fingerprint | None = None
        """The file as this session last read it, moved on by its own writes only."""

    @property
    def plan(self) -> Plan:
        """The plan shown (call :meth:`load` first)."""
        assert self.snapshot is not None, "no plan loaded"
        return self.snapshot.plan

    def load(self) -> Snapshot | None:
        """(Re)read the plan shown from the store; the current one if the chosen one is gone."""
        self._loaded_fp = self.store.fingerprint()  # before reading: a change meanwhile shows
        self._all = self.repo.load_all()
        chosen = next((s for s in self._all if s.plan.id == self.plan_id), None)
        if chosen is None:
            self.plan_id = None
            chosen = self._all[0] if self._all else None
        self.snapshot = chosen
        return self.snapshot

    def changed_elsewhere(self) -> bool:
        """Whether another session wrote the file since this one last read it.

        Not the store's own "changed since I last touched it": a save of this session after
        another's change would hide that change, and this session would go on showing (and
        writing to) a plan that is no longer what the file holds.
        """
        return self.store.fingerprint() != self._loaded_fp

    def written(self) -> None:
        """After a change of this session: if nobody else wrote before it, the file is still
        the one this session knows, plus its own change."""
        last = self.store.last_write
        if last is not None and last[0] == self._loaded_fp:
            self._loaded_fp = last[1]

    # -- periods ---------------------------------------------------------------------------

    @property
    def is_current(self) -> bool:
        """Whether the plan shown is the current period (the first plan of the file)."""
        return bool(self._all) and self.plan.id == self._all[0].plan.id

    @property
    def read_only(self) -> bool:
        """Whether the plan shown is an older period that was not unlocked in this session."""
        return self.snapshot is not None and not self.is_current and not self.unlocked(self.plan.id)

    @property
    def unlocked_ids(self) -> frozenset[str]:
        """The older periods unlocked in this session."""
        return frozenset(self._unlocked)

    def unlocked(self, plan_id: str) -> bool:
        """Whether the older period *plan_id* was unlocked in this session."""
        return plan_id in self._unlocked

    def check_writable(self) -> None:
        """Refuse a change to the plan shown when it is read-only.

        Raises:
            PeriodReadOnlyError: an older period, not unlocked.
            PlanGoneError: the plan shown is no longer in the file.
        """
        if self.snapshot is None:
            return
        # The file decides which period is current, not the list read at the last load:
        # another session may have started a new period since (one stat while unchanged).
        plans = self.store.read_tables().get("plans", {}).values()
        if not any(doc.get("id") == self.plan.id for doc in plans):
            # Replaced by another process (an import, a restore): not an "older period".
            raise PlanGoneError(self.store.path)
        first = min(plans, key=lambda doc: doc.get("pos", 0), default=None)
        older = first is not None and first.get("id") != self.plan.id
        if older and not self.unlocked(self.plan.id):
            raise PeriodReadOnlyError(self.store.path, self.plan.date, self.plan.period_end)

    def unlock(self, plan_id: str) -> None:
        """Allow changes to the older period *plan_id* until this session ends (never saved)."""
        self._unlocked.add(plan_id)

    def periods(self) -> list[Period]:
        """Every plan of the file as last read, the current one first."""
        found = []
        for n, snapshot in enumerate(self._all):
            plan = snapshot.plan
            goals = [goal for area in plan.areas for goal in area.goals]
            assert plan.period_end is not None
            found.append(
                Period(
                    plan.id,
                    plan.date,
                    plan.period_end,
                    plan.person,
                    len(plan.areas),
                    sum(len(goal.actions) for goal in goals),
                    current=n == 0,
                    read_only=n > 0 and not self.unlocked(plan.id),
                )
            )
        return found

    def select(self, plan_id: str) -> None:
        """Show the plan *plan_id* (the current one when it is the first); reads the file."""
        first = self._all[0].plan.id if self._all else None
        self.plan_id = None if plan_id == first else plan_id
        self.load()

    @property
    def current_plan(self) -> Plan:
        """The current period's plan as last read (the one a new period starts from)."""
        assert self._all, "no plan loaded"
        return self._all[0].plan

    def start_period(self, start: date) -> Plan:
        """Start a new period on *start* from the current plan and show it.

        Raises:
            PeriodStartError: *start* is not after the current plan's date.
            ConflictError: another session changed the current plan since it was read.
        """
        from lederplan.domain.periods import new_period
        from lederplan.store.periods import start_period

        source = self.current_plan
        old, new = new_period(source, start)
        # Not through the guard: this changes the current period, whichever one is shown.
        start_period(self.store, source, old, new)
        self.plan_id = None
        self.load()
        return self.plan

    # -- starting a plan --------------------------------------------------------------------

    def start_blank(self, person: str, manager: str, plan_date: date, lang: str) -> Plan:
        """Create an empty plan as the only plan in the file."""
        plan = Plan(person=person, manager=manager, date=plan_date, lang=Lang(lang))
        self.repo.replace_plans([plan], "before-import")
        self.load()
        return self.plan

    def start_demo(self, lang: str, plan_date: date | None = None) -> Plan:
        """Load the course's example plan as the only plan in the file, dated *plan_date*
        (default: today, so a newcomer's deadlines lie ahead, as the course meant them)."""
        when = plan_date or today_or_system()
        self.repo.replace_plans([demo_plan(lang, when)], "before-demo")
        self.load()
        return self.plan

    # -- answers ---------------------------------------------------------------------------

    def answer(self, kind: str, key: str | int) -> str:
        """The text of a platform (key 1–9) or reflection answer."""
        if kind == "platform":
            return self.plan.platform[int(key) - 1]
        return str(getattr(self.plan.reflection, str(key)))

    def save_answer(
        self,
        kind: str,
        key: str | int,
        text: str,
        *,
        overwrite: bool = False,
        today: date | None = None,
    ) -> bool:
        """Save an answer if it changed; returns whether anything was written.

        A platform answer's text of an earlier day is kept in the plan's history (the store
        records it; the plan shown here is brought up to date the same way).

        Args:
            overwrite: save over a change another session made (the user chose "keep mine").
            today: the day of the change (default: ``$LEDERPLAN_TODAY`` or the system's date).

        Raises:
            ConflictError: another session changed this answer since it was read.
        """
        snapshot = self.snapshot
        assert snapshot is not None
        if text == self.answer(kind, key) and not overwrite:
            return False
        rev = snapshot.revs.get(answer_id(self.plan.id, kind, key), 0)
        self.write_answer(kind, key, text, rev, overwrite=overwrite, today=today)
        return True

    def write_answer(
        self,
        kind: str,
        key: str | int,
        text: str,
        rev: int,
        *,
        overwrite: bool = False,
        today: date | None = None,
    ) -> int:
        """Save an answer edited from revision *rev* (an editor's own, not the snapshot's: the
        plan may have been read again while the editor was open); returns the new revision.

        Raises:
            ConflictError: another session changed this answer since revision *rev*.
        """
        snapshot = self.snapshot
        assert snapshot is not None
        ident = answer_id(self.plan.id, kind, key)
        on = today or today_or_system()
        base = self.plan
        if overwrite:
            rev = self.current_rev(ident, 0)
            # The text replaced is theirs, as stored: read after the revision, so that if the
            # save succeeds (the revision still holds) this is what the store replaced.
            fresh = next((s for s in self.repo.load_all() if s.plan.id == self.plan.id), None)
            base = fresh.plan if fresh else base
        new_rev = self.repo.set_answer(self.plan.id, kind, key, text, rev, today=on)
        snapshot.revs[ident] = new_rev
        if kind == "platform":
            self._platform_saved(base, int(key), text, on)
        else:
            setattr(self.plan.reflection, str(key), text)
        return new_rev

    def _platform_saved(self, base: Plan, box: int, text: str, on: date) -> None:
        """Bring the plan shown up to date as the store did: the answer, its day, its history."""
        old = base.platform[box - 1]
        earlier = [v for v in base.history if v.box == box]
        kept, day = change(earlier, box, old, answer_date(base, box), text, on)
        answers = list(self.plan.platform)
        answers[box - 1] = text
        dates = list(self.plan.platform_dates)
        dates[box - 1] = day if text != old else base.platform_dates[box - 1]
        history = [v for v in self.plan.history if v.box != box] + kept
        self.plan.set_platform(answers, dates, history)

    def current_rev(self, ident: str, missing: int = 1) -> int:
        """The revision of record or answer *ident* in the file now (to save over it)."""
        fresh = next((s for s in self.repo.load_all() if s.plan.id == self.plan.id), None)
        return fresh.revs.get(ident, missing) if fresh else missing

    # -- the plan's header and what the platform feeds -----------------------------------------

    def save_header(self, person: str, manager: str, plan_date: date) -> None:
        """Save the plan's heading (person, closest manager, date).

        Raises:
            PeriodOrderError: the date would put the plan before an older period or after a
                newer one.
        """
        snapshot = self.snapshot
        assert snapshot is not None
        ids = [other.plan.id for other in self._all]
        at = ids.index(self.plan.id) if self.plan.id in ids else 0
        older = self._all[at + 1].plan.date if at + 1 < len(self._all) else None
        newer = self._all[at - 1].plan.date if at > 0 else None
        check_period_date(plan_date, older, newer)
        period_end = self.plan.period_end
        if plan_date != self.plan.date and period_end == add_years(self.plan.date, 1):
            period_end = add_years(plan_date, 1)  # the default period moves with the date
        fields = {"person": person, "manager": manager, "date": plan_date, "period_end": period_end}
        updated = Plan.model_validate(self.plan.model_dump() | fields)
        snapshot.revs[self.plan.id] = self.repo.update(updated, snapshot.revs[self.plan.id])
        self.load()

    def add_areas(self, titles: list[str], origin: str) -> list[Area]:
        """Turn lines of the platform into new development areas (without goals yet)."""
        # No empty goal with them: an add stores no empty record (a goal comes when typed).
        areas = [Area(title=title, origin=origin) for title in titles]
        for area in areas:
            self.repo.insert(area, self.plan.id)
        self.load()
        return areas

    def add_goals(self, area_id: str | None, statements: list[str], area_title: str) -> None:
        """Turn lines into goals of an area (a new area titled *area_title* when None)."""
        if area_id is None:
            area = Area(title=area_title, goals=[Goal(statement=s) for s in statements])
            self.repo.insert(area, self.plan.id)
        else:
            for statement in statements:
                self.repo.insert(Goal(statement=statement), area_id)
        self.load()

    def add_actions(self, goal_id: str | None, texts: list[str], area_title: str) -> None:
        """Turn lines into actions of a goal (a new area and goal when None)."""
        if goal_id is None:
            area = Area(title=area_title, goals=[Goal(actions=[Action(text=t) for t in texts])])
            self.repo.insert(area, self.plan.id)
        else:
            for text in texts:
                self.repo.insert(Action(text=text), goal_id)
        self.load()
