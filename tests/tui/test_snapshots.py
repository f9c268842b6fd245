"""SVG snapshots of the screens' looks. After an intended change, regenerate them with

    LEDERPLAN_UPDATE_SNAPSHOTS=1 python -m pytest tests/tui/test_snapshots.py

and look at the new SVGs (a browser shows them) before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lederplan.tui.scenes import render_scene

SNAPSHOTS = Path(__file__).parent / "snapshots"
CASES = [
    (scene, lang, size)
    for scene in ("platform", "welcome")
    for lang in ("nb", "en")
    for size in ((80, 24), (120, 36))
] + [
    ("reflection", "nb", (80, 24)),
    ("platform-editing", "en", (80, 24)),
    *(
        (scene, lang, size)
        for scene in ("malkort",)
        for lang in ("nb", "en")
        for size in ((80, 24), (140, 40))
    ),
    *(
        (scene, lang, size)
        for scene in ("timeline", "feedback")
        for lang in ("nb", "en")
        for size in ((80, 24), (140, 40))
    ),
    ("insight", "nb", (120, 36)),
    *(
        (scene, lang, (80, 24))
        for scene in ("history", "plans", "export", "drafts")
        for lang in ("nb", "en")
    ),
    ("grow", "nb", (120, 36)),
    ("grow", "en", (80, 24)),
]


@pytest.mark.parametrize(
    ("scene", "lang", "size"), CASES, ids=[f"{s}-{lang}-{w}x{h}" for s, lang, (w, h) in CASES]
)
async def test_snapshot(scene: str, lang: str, size: tuple[int, int], tmp_path: Path) -> None:
    svg = await render_scene(scene, lang, size, tmp_path / "data")
    path = SNAPSHOTS / f"{scene}-{lang}-{size[0]}x{size[1]}.svg"
    if os.environ.get("LEDERPLAN_UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with LEDERPLAN_UPDATE_SNAPSHOTS=1"
    if svg != path.read_text(encoding="utf-8"):
        actual = tmp_path / path.name
        actual.write_text(svg, encoding="utf-8")
        pytest.fail(f"{path.name} differs; the new look is in {actual}")
