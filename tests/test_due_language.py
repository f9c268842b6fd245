"""`lederplan due` speaks the plan's language: ``--lang``, ``$LEDERPLAN_LANG``, the plan's
language, the saved setting, then the locale (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.i18n import current_language, detect_language, set_language, t
from lederplan.store.settings import save_settings

TODAY = "2020-03-01"
"""Two of the demo plan's actions are overdue then, so ``due`` prints its header."""


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A data directory with the demo plan, per plan language."""
    dirs = {}
    for lang in ("nb", "en"):
        directory = tmp_path_factory.mktemp(f"due-lang-{lang}") / "data"
        assert main(["--data-dir", str(directory), "--lang", lang, "demo", "--as-in-course"]) == 0
        dirs[lang] = directory
    return dirs


def _language_of(output: str) -> str:
    header = output.splitlines()[0]
    day = date.fromisoformat(TODAY)
    for lang in ("nb", "en"):
        if header == t("due.header", lang, today=day):
            return lang
    raise AssertionError(f"a header in neither language: {header!r}")


# (--lang, LEDERPLAN_LANG, the plan's language, the saved setting, LANG) -> the output's language
CASES = [
    ("en", "nb", "nb", "nb", "nb_NO.UTF-8", "en"),
    ("nb", "en", "en", "en", "C", "nb"),
    (None, "en", "nb", "nb", "nb_NO.UTF-8", "en"),
    (None, "nb", "en", "en", "C", "nb"),
    (None, None, "nb", "en", "C", "nb"),  # the case: an nb plan under LANG=C
    (None, None, "en", "nb", "nb_NO.UTF-8", "en"),
    (None, None, "nb", None, "en_GB.UTF-8", "nb"),
    (None, None, "en", None, "nb_NO.UTF-8", "en"),
]


@pytest.mark.parametrize(("option", "env", "plan", "saved", "locale", "expected"), CASES)
def test_the_order_of_the_choices(
    demo: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    option: str | None,
    env: str | None,
    plan: str,
    saved: str | None,
    locale: str,
    expected: str,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "lederplan.json").write_bytes((demo[plan] / "lederplan.json").read_bytes())
    if saved:
        save_settings(data, lang=saved)
    for name in list(os.environ):
        if name.startswith(("LC_", "LEDERPLAN")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", locale)
    monkeypatch.setenv("LEDERPLAN_TODAY", TODAY)
    if env:
        monkeypatch.setenv("LEDERPLAN_LANG", env)
    capsys.readouterr()
    args = ["--data-dir", str(data), *(["--lang", option] if option else []), "due"]
    assert main(args) == 0
    assert _language_of(capsys.readouterr().out) == expected


@pytest.mark.parametrize(
    ("option", "env", "plan", "saved", "locale", "expected"),
    [
        *CASES,
        (None, None, None, "nb", "C", "nb"),  # no plan (the app's start): the saved setting
        (None, None, None, None, "nb_NO", "nb"),
        (None, None, "xx", None, "C", "en"),  # a language that is neither is passed over
    ],
)
def test_detect_language_puts_the_plan_after_the_environment(
    option: str | None,
    env: str | None,
    plan: str | None,
    saved: str | None,
    locale: str,
    expected: str,
) -> None:
    environ = {"LANG": locale} | ({"LEDERPLAN_LANG": env} if env else {})
    assert detect_language(option, environ, saved, plan) == expected


def test_an_nb_plan_under_lang_c_prints_bokmal(demo: dict[str, Path]) -> None:
    """The real entry point, as a login script runs it."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    environ |= {"LANG": "C", "LEDERPLAN_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "lederplan", "--data-dir", str(demo["nb"]), "due"],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert _language_of(result.stdout) == "nb"
