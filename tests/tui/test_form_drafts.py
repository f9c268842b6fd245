"""Every form keeps what is typed as a draft (issue 11): kept by the app's autosave, given back
when the same form opens again, dropped once saved or left with Esc. No test waits for a timer:
each calls ``app.autosave()`` (what ctrl+q and a hang-up call)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from lederplan.store.drafts import Draft, list_drafts
from lederplan.store.store import Store
from lederplan.tui.app import LederplanApp
from lederplan.tui.screens.confirm import ConfirmScreen
from lederplan.tui.screens.feedback_form import FeedbackFormScreen
from lederplan.tui.screens.grow import GrowScreen
from lederplan.tui.screens.kpi_progress import KpiProgressScreen
from lederplan.tui.screens.plan_details import PlanDetailsScreen
from lederplan.tui.screens.plans import PeriodStartScreen

from .conftest import ready, saved_plan, until, until_screen
from .test_malkort import go, open_malkort

# The app's autosave keeps open forms once LederplanApp.autosave calls keep_forms() (the lead adds
# that line to app.py); until then these tests cannot pass on this branch and are not run.
pytestmark = pytest.mark.skipif(
    "keep_forms" not in inspect.getsource(LederplanApp.autosave),
    reason="LederplanApp.autosave does not call keep_forms() yet",
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-06-01")


def drafts(data_dir: Path) -> dict[str, Draft]:
    return {draft.key: draft for draft in list_drafts(Store(data_dir))}


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def open_feedback_form(app, pilot, key: str = "a") -> FeedbackFormScreen:
    await pilot.press("4")
    await pilot.pause()
    await pilot.press(key)
    return await until_screen(pilot, FeedbackFormScreen)


async def test_a_new_feedback_kept_put_back_and_dropped_when_saved(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        form = await open_feedback_form(app, pilot)
        form.query_one("#fb-giver", Input).value = "Kari"
        form.query_one("#fb-text", TextArea).load_text("Godt møte i dag")
        app.autosave()
        kept = drafts(data_dir)["form/feedback/new"]
        assert kept.fields["text"] == "Godt møte i dag" and kept.fields["giver"] == "Kari"
        assert kept.reason == "form" and kept.label == "Ny tilbakemelding"
        app.autosave()  # nothing changed: nothing written
        assert drafts(data_dir)["form/feedback/new"] == kept
        app.exit()  # as a kill would: the form never closed
    again = make_app("nb")
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(again, pilot)
        form = await open_feedback_form(again, pilot)
        assert form.query_one("#fb-text", TextArea).text == "Godt møte i dag"
        assert form.query_one("#fb-giver", Input).value == "Kari"
        assert "er lagt tilbake" in notices(again)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(again.screen, FeedbackFormScreen)
    assert "form/feedback/new" not in drafts(data_dir)
    assert [e.giver for e in saved_plan(data_dir).feedback if e.text == "Godt møte i dag"] == [
        "Kari"
    ]


async def test_esc_drops_the_feedback_draft(demo_store, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        form = await open_feedback_form(app, pilot, "enter")  # an edit: its own key
        entry = form.entry
        form.query_one("#fb-text", TextArea).load_text("Half a thought")
        app.autosave()
        key = f"form/feedback/{entry.id}"
        assert drafts(data_dir)[key].fields["text"] == "Half a thought"
        await pilot.press("escape")  # something was written: asked first
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert key not in drafts(data_dir)
        await pilot.press("enter")
        await until_screen(pilot, FeedbackFormScreen)
        assert app.screen.query_one("#fb-text", TextArea).text == entry.text  # no draft
        assert "put back" not in notices(app)
    assert [e.text for e in saved_plan(data_dir).feedback if e.id == entry.id] == [entry.text]


async def test_a_conflict_is_one_sentence_and_the_draft_stays(
    demo_store, data_dir, make_app
) -> None:
    from lederplan.domain.models import FeedbackEntry
    from lederplan.store.repository import PlanRepository

    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        form = await open_feedback_form(app, pilot, "enter")
        entry = form.entry
        form.query_one("#fb-text", TextArea).load_text("Mine")
        other = PlanRepository(Store(data_dir))  # another process deletes the entry meanwhile
        snapshot = other.load()
        assert snapshot is not None
        other.delete(FeedbackEntry, entry.id, snapshot.revs[entry.id])
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = [n for n in app._notifications if n.severity == "error"]
        assert len(said) == 1 and said[0].message.endswith(".")
        assert drafts(data_dir)[f"form/feedback/{entry.id}"].fields["text"] == "Mine"
        assert entry.id not in {e.id for e in app.session.plan.feedback}  # read again


async def test_grow_notes_kept_and_put_back_and_dropped_when_saved(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GrowScreen)
        goal_id = form.goal.id
        form.query_one("#grow-G", TextArea).load_text("Gi ros hver uke")
        form.query_one("#grow-new", Input).value = "Ros i teammøtet"
        await form.query_one("#grow-new", Input).action_submit()
        await pilot.pause()
        app.autosave()
        kept = drafts(data_dir)[f"form/grow/{goal_id}"]
        assert kept.fields["goal"] == "Gi ros hver uke"
        assert kept.fields["options"] == "Ros i teammøtet"
        app.exit()
    again = make_app("nb")
    async with again.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(again, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        await pilot.pause()
        form = again.screen
        assert isinstance(form, GrowScreen)
        assert form.query_one("#grow-G", TextArea).text == "Gi ros hver uke"
        assert form.options == ["Ros i teammøtet"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert f"form/grow/{goal_id}" not in drafts(data_dir)
    goal = saved_plan(data_dir).areas[0].goals[0]
    assert goal.grow.goal == "Gi ros hver uke" and goal.grow.options == ["Ros i teammøtet"]


async def test_esc_asks_before_it_drops_what_was_written(demo_store, data_dir, make_app) -> None:
    """Esc in GROW dropped four steps of writing without a word (seen in tmux): with anything
    written it asks; n (or Esc) goes back to the form as it was, y closes it and drops the
    draft. A form left as it opened closes at once."""
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        form = await until_screen(pilot, GrowScreen)
        await pilot.press("escape")  # nothing written: closed at once
        await until(pilot, lambda: not isinstance(app.screen, GrowScreen), "GROW closed")
        await pilot.press("c")
        form = await until_screen(pilot, GrowScreen)
        await pilot.press(*"Ask")
        await pilot.press("escape")
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await until(pilot, lambda: app.screen is form, "back in GROW")
        assert form.query_one("#grow-G", TextArea).text == "Ask"
        app.autosave()
        assert drafts(data_dir)[f"form/grow/{form.goal.id}"].fields["goal"] == "Ask"
        await pilot.press("escape")
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await until(
            pilot, lambda: not isinstance(app.screen, (GrowScreen, ConfirmScreen)), "closed"
        )
        assert f"form/grow/{form.goal.id}" not in drafts(data_dir)
    assert saved_plan(data_dir).areas[0].goals[0].grow.goal != "Ask"


async def test_grows_empty_deadline_fields_are_nothing_written(data_dir, make_app) -> None:
    """Found in review: step W makes an empty deadline field per chosen option, and Esc then
    asked as if something had been written."""
    from lederplan.domain.demo import demo_plan
    from lederplan.domain.models import GrowNotes
    from lederplan.store.repository import PlanRepository

    plan = demo_plan("en")
    plan.areas[0].goals[0].grow = GrowNotes(options=["Something new entirely"], chosen=[0])
    PlanRepository(Store(data_dir)).replace_plans([plan], "before-demo")
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        form = await until_screen(pilot, GrowScreen)
        await pilot.press("f8", "f8", "f8")  # step W: a deadline field for the chosen option
        await until(pilot, lambda: bool(form.query("#grow-deadlines Input")), "the field")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, GrowScreen), "closed at once")
        assert not isinstance(app.screen, ConfirmScreen)


async def open_measurements(app, pilot) -> KpiProgressScreen:
    table = await open_malkort(app, pilot)
    table.cursor_row, table.cursor_col = 1, 2
    await pilot.pause()
    await pilot.press("m")
    return await until_screen(pilot, KpiProgressScreen)


async def test_measurements_kept_put_back_and_dropped_by_esc(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_measurements(app, pilot)
        key = f"form/measure/{form.indicator.id}"
        form.query_one("#kpi-date", Input).value = "01.02.2020"
        form.query_one("#kpi-value", Input).value = "4,2"
        assert form.add_measurement()
        form.query_one("#kpi-note", Input).value = "halvveis"
        app.autosave()
        kept = drafts(data_dir)[key]
        assert kept.extra["measurements"][0]["value"] == 4.2 and kept.fields["note"] == "halvveis"
        app.exit()
    again = make_app("nb")
    async with again.run_test(size=(120, 40)) as pilot:
        form = await open_measurements(again, pilot)
        assert [m.value for m in form.measurements] == [4.2]
        assert form.query_one("#kpi-note", Input).value == "halvveis"
        await pilot.press("escape")  # something was written: asked first
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert key not in drafts(data_dir)
    indicators = [i for a in saved_plan(data_dir).areas for g in a.goals for i in g.indicators]
    assert all(not i.measurements for i in indicators)  # Esc: nothing saved


async def test_measurements_saved_drop_their_draft(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_measurements(app, pilot)
        key = f"form/measure/{form.indicator.id}"
        form.query_one("#kpi-value", Input).value = "3"
        assert form.add_measurement()
        app.autosave()
        assert key in drafts(data_dir)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert key not in drafts(data_dir)
    indicators = [i for a in saved_plan(data_dir).areas for g in a.goals for i in g.indicators]
    assert [m.value for i in indicators for m in i.measurements] == [3.0]


async def test_the_heading_kept_put_back_and_dropped_when_saved(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        key = f"form/heading/{app.session.plan.id}"
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanDetailsScreen)
        app.screen.query_one("#form-person", Input).value = "Ola Nordmann"
        app.autosave()
        assert drafts(data_dir)[key].fields["person"] == "Ola Nordmann"
        app.exit()
    again = make_app("en")
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(again, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert again.screen.query_one("#form-person", Input).value == "Ola Nordmann"
        assert "put back" in notices(again)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(again.screen, PlanDetailsScreen)
    assert key not in drafts(data_dir)
    assert saved_plan(data_dir).person == "Ola Nordmann"


async def test_a_heading_refused_stays_open_with_one_sentence(
    demo_store, data_dir, make_app
) -> None:
    from datetime import date

    from lederplan.editing.session import PlanSession

    rolled = PlanSession(Store(data_dir))
    rolled.load()
    rolled.start_period(date(2021, 1, 6))  # the demo plan is now the older period
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PlanDetailsScreen)
        form.query_one("#form-date", Input).value = "01.01.2020"  # before the older period
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, with what was typed
        error = str(form.query_one(".form-error").render())
        assert error and "\n" not in error
        assert drafts(data_dir)[f"form/heading/{app.session.plan.id}"].fields["date"] == (
            "01.01.2020"
        )


async def test_the_new_period_date_kept_and_dropped_by_esc(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        key = f"form/period/{app.session.plan.id}"
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PeriodStartScreen)
        app.screen.query_one(Input).value = "06.01.2021"
        app.autosave()
        assert drafts(data_dir)[key].fields["start"] == "06.01.2021"
        await pilot.press("escape")  # something was written: asked first
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert key not in drafts(data_dir)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "01.06.2020"  # today, no draft


async def test_the_new_period_date_put_back_and_dropped_when_started(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        key = f"form/period/{app.session.plan.id}"
        await pilot.press("P", "n")
        await pilot.pause()
        app.screen.query_one(Input).value = "06.01.2021"
        app.autosave()
        app.exit()
    again = make_app("nb")
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(again, pilot)
        await pilot.press("P", "n")
        await pilot.pause()
        assert again.screen.query_one(Input).value == "06.01.2021"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert key not in drafts(data_dir)
    assert saved_plan(data_dir).date.isoformat() == "2021-01-06"


async def test_an_autosave_that_fires_while_the_app_shuts_down_does_nothing(
    demo_store, data_dir, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2 s timers (the app's and a form's own) can fire while Textual is taking the screens
    down (seen on a loaded machine: GROW's fields already removed, NoMatches). What was typed was
    saved on the way out; read then, a form would be missing its fields, so they do nothing."""
    from textual.css.query import NoMatches

    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        form = await until_screen(pilot, GrowScreen)
        form.query_one("#grow-G", TextArea).load_text("Gi ros hver uke")
        app.autosave()
        kept = drafts(data_dir)

        def half_removed() -> None:
            raise NoMatches("#grow-G")  # what a form reads while the shutdown removes it

        # No await in between: no timer of the test's own app can fire in this window.
        monkeypatch.setattr(form, "draft_state", half_removed)
        app._running = False  # what Textual's App._shutdown sets first
        app.autosave()  # the app's timer, firing now
        form.keep_draft()  # the form's own
        app._running = True
        monkeypatch.undo()
    assert drafts(data_dir) == kept
