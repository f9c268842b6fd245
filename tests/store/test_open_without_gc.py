"""Opening a plan builds its models with the garbage collector paused (it made opening a large
file superlinear), and leaves the collector as it found it, also when the file is damaged."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.store import repository
from lederplan.store.errors import CorruptDataError
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store


@pytest.mark.parametrize("enabled_before", [True, False])
def test_models_are_built_with_the_collector_paused(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, enabled_before: bool
) -> None:
    PlanRepository(Store(data_dir)).replace_plans([demo_plan("nb")], "before-demo")
    seen: list[bool] = []
    real = repository.tables_to_snapshots

    def spy(*args: object) -> object:
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(repository, "tables_to_snapshots", spy)
    (gc.enable if enabled_before else gc.disable)()
    try:
        assert PlanRepository(Store(data_dir)).load() is not None
        assert seen == [False]
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()


def test_the_collector_comes_back_after_a_damaged_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    PlanRepository(Store(data_dir)).replace_plans([demo_plan("nb")], "before-demo")

    def damaged(*args: object) -> object:
        raise CorruptDataError(data_dir, "shape", None)

    monkeypatch.setattr(repository, "tables_to_snapshots", damaged)
    with pytest.raises(CorruptDataError):
        PlanRepository(Store(data_dir)).load()
    assert gc.isenabled()
