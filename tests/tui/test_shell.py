"""The minimal shell: shows the plan, and a store error as a message, never a traceback."""

from pathlib import Path

from textual.widgets import Static

from lederplan.domain.demo import demo_plan
from lederplan.i18n import set_language
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.app import LederplanApp


def _text(app: LederplanApp, selector: str) -> str:
    return str(app.query_one(selector, Static).content)


async def test_shows_the_plan_heading_and_the_nine_questions(tmp_path: Path) -> None:
    set_language("nb")
    store = Store(tmp_path / "data")
    PlanRepository(store).replace_plans([demo_plan("nb")], "before-demo")
    app = LederplanApp(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Individuell utviklingsplan for: Person X" in _text(app, "#heading")
        body = _text(app, "#platform")
        assert "1. Hvorfor ble eller vil jeg bli leder?" in body
        assert "9. Mitt lederskap oppsummert i én setning:" in body
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_a_corrupt_file_is_a_message_and_is_left_alone(tmp_path: Path) -> None:
    set_language("en")
    store = Store(tmp_path / "data")
    PlanRepository(store).replace_plans([demo_plan("en")], "before-demo")
    store.path.write_bytes(b'{"plans": {"1": ')
    app = LederplanApp(store=Store(tmp_path / "data"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = _text(app, "#platform")
        assert "cannot be read" in body and "It has not been changed" in body
    assert store.path.read_bytes() == b'{"plans": {"1": '
