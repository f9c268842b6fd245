"""Whether the data file holds a plan, asked before the first frame: no pydantic, no TinyDB."""

from __future__ import annotations

from lederplan.editing.messages import describe
from lederplan.store.errors import StoreError
from lederplan.store.store import Store


def probe(store: Store) -> tuple[bool, str | None]:
    """(whether there is a plan, None) or (False, the one sentence why the file cannot be used)."""
    try:
        return bool(store.read_tables().get("plans")), None
    except StoreError as error:
        return False, describe(error)
