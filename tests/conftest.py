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
