"""A plan created in this session still gets its session and daily backups at the next save."""

from pathlib import Path

from lederplan.store.store import Store


def test_a_new_plan_is_backed_up_from_its_second_save(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    with store.transaction() as db:
        db.table("t").insert({"n": 1})  # creates the file: nothing to back up yet
    assert store.backups() == []
    with store.transaction() as db:
        db.table("t").insert({"n": 2})
    assert sorted(b.kind for b in store.backups()) == ["daily", "session"]
    with store.transaction() as db:
        db.table("t").insert({"n": 3})
    assert len(store.backups()) == 2  # once per session and once a day, not per save
