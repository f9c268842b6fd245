"""The heap is settled (a full garbage collection, then frozen) at a pause, never between two
keys of someone typing: at 50,000 records the sweep takes long enough to stall a key."""

from __future__ import annotations

import gc
import time

from .conftest import ready


async def test_the_sweep_waits_while_keys_come_and_runs_at_the_pause(
    demo_store, make_app, monkeypatch
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await ready(app, pilot)
        sweeps: list[int] = []
        monkeypatch.setattr(gc, "collect", lambda *a: sweeps.append(1) or 0)
        # A key just now, however long a loaded machine takes to reach the next line (with
        # "now" exactly, a stall of 0.3 s before _settle_heap made the sweep run).
        app._last_key = time.monotonic() + 60
        app._settle_heap()
        assert sweeps == [] and app._heap_timer is not None  # put off, not dropped
        app._last_key = time.monotonic() - 10  # the person stopped typing
        app._settle_heap()
        assert sweeps == [1]


async def test_a_key_is_noted_as_it_arrives(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await ready(app, pilot)
        before = time.monotonic()
        await pilot.press("l")
        assert app._last_key >= before
