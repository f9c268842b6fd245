"""One user's session with a plan: what the UI reads and every change it saves.

The UI never talks to the repository directly: it asks the session, which keeps the snapshot it
showed (with each record's revision) so that a change another session made meanwhile comes back as
:class:`~lederplan.store.errors.ConflictError` instead of being overwritten. No Textual here.
"""

from __future__ import annotations

from datetime import date

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Action, Area, Goal, Lang, Plan, add_years
from lederplan.store.repository import PlanRepository, Snapshot, answer_id
from lederplan.store.store import Store


class PlanSession:
    """The current plan of one store, and the edits made to it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        """Where the plan lives."""
        self.repo = PlanRepository(store)
        self.snapshot: Snapshot | None = None
        """The plan as last read or saved by this session."""

    @property
    def plan(self) -> Plan:
        """The current plan (call :meth:`load` first)."""
        assert self.snapshot is not None, "no plan loaded"
        return self.snapshot.plan

    def load(self) -> Snapshot | None:
        """(Re)read the current plan from the store."""
        self.snapshot = self.repo.load()
        return self.snapshot

    def changed_elsewhere(self) -> bool:
        """Whether another session wrote the file since this one last read or wrote it."""
        return self.store.changed_on_disk()

    # -- starting a plan --------------------------------------------------------------------

    def start_blank(self, person: str, manager: str, plan_date: date, lang: str) -> Plan:
        """Create an empty plan as the only plan in the file."""
        plan = Plan(person=person, manager=manager, date=plan_date, lang=Lang(lang))
        self.repo.replace_plans([plan], "before-import")
        self.load()
        return self.plan

    def start_demo(self, lang: str) -> Plan:
        """Load the course's example plan as the only plan in the file."""
        self.repo.replace_plans([demo_plan(lang)], "before-demo")
        self.load()
        return self.plan

    # -- answers ---------------------------------------------------------------------------

    def answer(self, kind: str, key: str | int) -> str:
        """The text of a platform (key 1–9) or reflection answer."""
        if kind == "platform":
            return self.plan.platform[int(key) - 1]
        return str(getattr(self.plan.reflection, str(key)))

    def save_answer(self, kind: str, key: str | int, text: str, *, overwrite: bool = False) -> bool:
        """Save an answer if it changed; returns whether anything was written.

        Args:
            overwrite: save over a change another session made (the user chose "keep mine").

        Raises:
            ConflictError: another session changed this answer since it was read.
        """
        snapshot = self.snapshot
        assert snapshot is not None
        if text == self.answer(kind, key) and not overwrite:
            return False
        ident = answer_id(self.plan.id, kind, key)
        rev = snapshot.revs.get(ident, 0)
        if overwrite:
            rev = self._current_rev(ident)
        snapshot.revs[ident] = self.repo.set_answer(self.plan.id, kind, key, text, rev)
        if kind == "platform":
            answers = list(self.plan.platform)
            answers[int(key) - 1] = text
            self.plan.platform = answers
        else:
            setattr(self.plan.reflection, str(key), text)
        return True

    def theirs(self, kind: str, key: str | int) -> str:
        """The answer as the file holds it now (after a conflict)."""
        fresh = self.repo.load()
        if fresh is None or fresh.plan.id != self.plan.id:
            return ""
        if kind == "platform":
            return fresh.plan.platform[int(key) - 1]
        return str(getattr(fresh.plan.reflection, str(key)))

    def _current_rev(self, ident: str) -> int:
        fresh = self.repo.load()
        return fresh.revs.get(ident, 0) if fresh else 0

    # -- the plan's header and what the platform feeds -----------------------------------------

    def save_header(self, person: str, manager: str, plan_date: date) -> None:
        """Save the plan's heading (person, closest manager, date)."""
        snapshot = self.snapshot
        assert snapshot is not None
        period_end = self.plan.period_end
        if plan_date != self.plan.date and period_end == add_years(self.plan.date, 1):
            period_end = add_years(plan_date, 1)  # the default period moves with the date
        fields = {"person": person, "manager": manager, "date": plan_date, "period_end": period_end}
        updated = Plan.model_validate(self.plan.model_dump() | fields)
        snapshot.revs[self.plan.id] = self.repo.update(updated, snapshot.revs[self.plan.id])
        self.load()

    def add_areas(self, titles: list[str], origin: str) -> list[Area]:
        """Turn lines of the platform into new development areas, each with an empty goal."""
        areas = [Area(title=title, origin=origin, goals=[Goal()]) for title in titles]
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
