"""Whatever JSON the data file holds, reading it gives plans or a CorruptDataError, never another
exception: the shape check and the models between them refuse everything else."""

from __future__ import annotations

import json
import string
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lederplan.cli.due_items import due_items
from lederplan.store.errors import CorruptDataError
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
TABLES = st.sampled_from(
    ["plans", "areas", "goals", "indicators", "actions", "feedback", "answers", "_meta", "x"]
)
FIELDS = st.sampled_from(
    ["id", "plan_id", "area_id", "goal_id", "pos", "rev", "kind", "key", "text", "date", "title",
     "status", "schema", "history", "scale", "grow", "measurements", "rating"]
)  # fmt: skip
IDS = st.sampled_from(["p", "a", "g", "p/platform/1", "00000000-0000-4000-8000-000000000000"])
DOC_VALUES = IDS | SCALARS | VALUES
PLAUSIBLE = st.fixed_dictionaries(
    {"id": IDS},
    optional={
        "plan_id": IDS | DOC_VALUES,
        "area_id": IDS,
        "goal_id": IDS,
        "pos": st.integers(-2, 3) | DOC_VALUES,
        "rev": st.integers(0, 3),
        "kind": st.sampled_from(["platform", "reflection", "x"]),
        "key": st.sampled_from(["1", "9", "must", "x"]),
        "text": st.text(max_size=5) | DOC_VALUES,
        "date": st.sampled_from(["2026-01-05", "2026-13-01", ""]) | DOC_VALUES,
        "status": st.sampled_from(["todo", "done", "x"]),
        "history": DOC_VALUES,
    },
)
"""Documents that mostly get past the shape check, so that the models' checks are reached."""
DOCUMENTS = PLAUSIBLE | st.dictionaries(
    FIELDS | st.text(string.ascii_lowercase, max_size=4), DOC_VALUES
)
DOC_KEYS = st.sampled_from(["1", "2", "3"] * 6 + ["01"])
FILES = (
    st.dictionaries(TABLES, st.dictionaries(DOC_KEYS, DOCUMENTS, max_size=3), max_size=5)
    | st.dictionaries(TABLES, st.dictionaries(DOC_KEYS, DOCUMENTS | VALUES, max_size=3))
    | VALUES
)
"""Any JSON value, and values shaped like tables of documents so the deeper checks are reached."""


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(FILES)
def test_any_json_gives_plans_or_corrupt_data(tmp_path: Path, data: object) -> None:
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700, exist_ok=True)
    path = directory / "lederplan.json"
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    try:
        plans = PlanRepository(Store(directory)).load_all()
    except CorruptDataError:
        plans = None
    assert plans is None or isinstance(plans, list)
    # `lederplan due` reads the same tables without the models: the same promise.
    try:
        items = due_items(Store(directory).read_tables(), date(2026, 3, 1), 14)
    except CorruptDataError:
        return
    assert isinstance(items, list)


def test_a_document_key_tinydb_would_read_otherwise_is_damage(tmp_path: Path) -> None:
    from lederplan.store.shape import DamagedError, check_tables

    plan = {"id": "p", "date": "2026-01-05"}
    for key in ("\u0661", "01", "1" * 19, "-1", " 1"):
        try:
            check_tables({"plans": {key: plan}})
        except DamagedError as error:
            assert error.reason == "doc_key:plans"
        else:
            raise AssertionError(key)
    check_tables({"plans": {"0": plan, "123": {**plan, "id": "q"}}})


def test_the_shapes_reach_the_models() -> None:
    # A plan the shape check lets through and the models refuse (no date): CorruptDataError.
    from lederplan.store.repository import tables_to_snapshots

    try:
        tables_to_snapshots({"plans": {"1": {"id": "p"}}, "answers": {"1": {"id": 1}}})
    except CorruptDataError as error:
        assert error.reason in ("shape",) or error.reason.startswith("invalid:")
    else:
        raise AssertionError("no error")
