"""Regenerate ``screenshots/*.svg``: every scene, nb and en, at 120×36 (platform and målkort at
80×24 too).

Run from the repository: ``python -m lederplan.tui.screenshots [--out screenshots]``.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from lederplan.tui.scenes import SCENES, render_fresh


async def _main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(name, lang, (120, 36)) for name in SCENES for lang in ("nb", "en")]
    small = ("platform", "malkort", "timeline", "feedback")
    jobs += [(name, lang, (80, 24)) for name in small for lang in ("nb", "en")]
    for name, lang, size in jobs:
        svg = await render_fresh(name, lang, size)
        suffix = "" if size == (120, 36) else f"-{size[0]}x{size[1]}"
        path = out / f"{name}{suffix}-{lang}.svg"
        path.write_text(svg, encoding="utf-8")
        print(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    asyncio.run(_main(parser.parse_args().out))


if __name__ == "__main__":
    main()
