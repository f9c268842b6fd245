"""Settings for the whole suite.

Hypothesis: no per-example deadline and no "too slow" health check. Both measure wall time, and
the suite runs in parallel (pytest-xdist, see pyproject.toml): on a loaded two-core machine a
fine example can take longer than 200 ms, and a test must not fail for that. The examples and
their number are unchanged.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile("lederplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lederplan")


def pytest_xdist_auto_num_workers(config: object) -> int:
    """`-n auto` (pyproject.toml) starts two workers per CPU, not one: a Pilot test spends most
    of its time waiting in Textual's idle waits (the CPUs were about half busy with one worker
    each). Measured on this 2-core machine in one sitting: 222 s with 2 workers (fresh-clone CI,
    load 0.6), 147 s with 4 (load 0.6 -> 2.1). `-n 0` still runs in one process."""
    import os

    return 2 * (os.cpu_count() or 1)
