"""Start-up cost: the CLI's fast paths must not import what only the TUI or a command needs."""

import subprocess
import sys

import pytest

HEAVY = ("textual", "pydantic", "tinydb", "platformdirs")


@pytest.mark.parametrize(
    ("code", "allowed"),
    [
        ("import lederplan.cli", ()),
        ("import lederplan.store.store", ()),
        # The first frame: the app shell and the platform, without pydantic or TinyDB.
        ("import lederplan.cli.commands, lederplan.tui.app", ("textual", "platformdirs")),
        ("import lederplan.domain.text, lederplan.i18n", ()),
    ],
)
def test_imports_stay_light(code: str, allowed: tuple[str, ...]) -> None:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert [m for m in loaded if m not in allowed] == []


def test_version_does_not_import_textual_or_pydantic() -> None:
    probe = (
        "import sys\nfrom lederplan.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, 'pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split()[-2:] == ["False", "False"]
