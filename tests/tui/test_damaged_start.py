"""The app started on a damaged data file shows what is wrong and the backup to restore, and
changes nothing: the store's shape check runs in the read the app starts with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lederplan.store.store import Store


def _damaged(data_dir: Path, how: str) -> bytes:
    path = data_dir / "lederplan.json"
    tables = json.loads(path.read_bytes())
    if how == "records without plans":
        del tables["plans"]
    else:  # a list as an area's plan_id
        next(iter(tables["areas"].values()))["plan_id"] = ["x"]
    path.write_text(json.dumps(tables))
    return path.read_bytes()


@pytest.mark.parametrize("how", ["records without plans", "a list as plan_id"])
async def test_a_damaged_file_shows_the_error_screen_with_the_backup(
    demo_store: Store, data_dir: Path, make_app, how: str
) -> None:
    backup = demo_store.backup_now("session")
    assert backup is not None
    bad = _damaged(data_dir, how)
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one(".error-message").content)
        assert "cannot be read" in text
        assert f"lederplan restore {backup.name}" in text
        await pilot.press("ctrl+q")
    assert (data_dir / "lederplan.json").read_bytes() == bad
