"""Fixtures for driving the app: a data dir, a store with the example plan, an app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.i18n import set_language
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.app import LederplanApp


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo_store(data_dir: Path) -> Store:
    set_language("nb")
    store = Store(data_dir)
    PlanRepository(store).replace_plans([demo_plan("nb")], "before-demo")
    return store


@pytest.fixture
def make_app(data_dir: Path) -> Callable[..., LederplanApp]:
    def make(lang: str = "nb", **kwargs: object) -> LederplanApp:
        set_language(lang)
        return LederplanApp(store=Store(data_dir), **kwargs)  # type: ignore[arg-type]

    return make


def saved_plan(data_dir: Path):
    snapshot = PlanRepository(Store(data_dir)).load()
    assert snapshot is not None
    return snapshot.plan


async def ready(app: LederplanApp, pilot) -> None:
    """Wait until the plan is loaded (the thread worker after the first frame) and painted."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
