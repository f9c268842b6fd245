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


@pytest.mark.parametrize("damaged", [False, True])
def test_due_reads_and_refuses_without_heavy_modules(tmp_path, damaged: bool) -> None:
    # `lederplan due` runs in login scripts: checking the file (and naming a good backup when it
    # is damaged) must not pull in pydantic, TinyDB or Textual.
    import json as _json

    from lederplan.cli import main

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    if damaged:
        path = data / "lederplan.json"
        tables = _json.loads(path.read_bytes())
        del tables["plans"]
        path.write_text(_json.dumps(tables))
    probe = (
        "import sys\nfrom lederplan.cli import main\n"
        f"code = main(['--data-dir', {str(data)!r}, 'due', '--all'])\n"
        f"print(code, ' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[-2].split() == ["1" if damaged else "0"]
