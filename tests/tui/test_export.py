"""The export dialog (x, from every screen): a format and a file; writing over a file asks; an
error is said in the dialog with nothing lost; the file is the command line's, 0600."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Select

from lederplan.domain.demo import demo_plan
from lederplan.export.markdown import export_markdown
from lederplan.tui.screens.confirm import ConfirmScreen
from lederplan.tui.screens.export_dialog import ExportScreen, default_path, with_format

from .conftest import on_disk, ready, until

TODAY = date(2020, 3, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", TODAY.isoformat())


async def open_export(app, pilot) -> ExportScreen:
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    return app.screen


async def type_path(app, pilot, path: Path) -> None:
    field = app.screen.query_one("#export-path", Input)
    field.value = str(path)
    field.focus()
    await pilot.pause()


async def test_export_markdown_then_again_asks_and_no_keeps_the_file(
    demo_store, make_app, tmp_path: Path
) -> None:
    target = tmp_path / "plan.md"
    app = make_app("nb")
    old_umask = os.umask(0o022)
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            await ready(app, pilot)
            dialog = await open_export(app, pilot)
            assert dialog.query_one("#export-path", Input).value == "~/lederplan-2020-03-01.md"
            await type_path(app, pilot, target)
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, ExportScreen)
            assert target.read_text(encoding="utf-8") == export_markdown(demo_plan("nb"), TODAY)
            assert stat.S_IMODE(target.stat().st_mode) == 0o600
            assert any(str(target) in str(n.message) for n in app._notifications)

            target.write_text("keep me")
            await pilot.press("2")  # from another screen
            await pilot.pause()
            await open_export(app, pilot)
            await type_path(app, pilot, target)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert str(target) in str(app.screen.query_one(".dialog-text", Label).content)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)  # still there, the path as typed
            assert app.screen.query_one("#export-path", Input).value == str(target)
            assert target.read_text() == "keep me"

            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert target.read_text(encoding="utf-8").startswith("# Individuell utviklingsplan")
    finally:
        os.umask(old_umask)


async def test_the_format_changes_the_ending_and_an_error_is_said_in_place(
    demo_store, make_app, tmp_path: Path
) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        dialog = await open_export(app, pilot)
        dialog.query_one(Select).value = "html"
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value == "~/lederplan-2020-03-01.html"
        missing = tmp_path / "no such folder" / "plan.html"
        await type_path(app, pilot, missing)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        error = str(app.screen.query_one("#export-error", Label).content)
        assert "does not exist" in error and str(missing.parent) in error
        assert app.screen.query_one("#export-path", Input).value == str(missing)
        missing.parent.mkdir()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert missing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert not isinstance(app.screen, ExportScreen)


async def test_escape_cancels_and_writes_nothing(demo_store, make_app, tmp_path: Path) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await open_export(app, pilot)
        await type_path(app, pilot, tmp_path / "never.md")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert not (tmp_path / "never.md").exists()


def test_with_format() -> None:
    assert with_format("~/plan.md", "ics") == "~/plan.ics"
    assert with_format("/tmp/a.html", "json") == "/tmp/a.json"
    assert with_format("/tmp/notes.txt", "md") == "/tmp/notes.txt"


async def test_x_opens_it_on_every_screen(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        for screen in ("1", "2", "3", "4"):
            await pilot.press(screen)
            await pilot.pause()
            await open_export(app, pilot)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ExportScreen)


async def test_enter_right_away_writes_the_file(
    demo_store, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found in review: the dialog opened on the format, where Enter opened the list (and a
    # second Enter picked a format): the hint's "Enter writes the file" wrote nothing.
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        dialog = await open_export(app, pilot)
        field = dialog.query_one("#export-path", Input)
        assert app.focused is field and field.cursor_position == len(field.value)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    written = home / "lederplan-2020-03-01.md"
    assert written.read_text(encoding="utf-8") == export_markdown(demo_plan("nb"), TODAY)


async def test_enter_on_the_format_only_works_the_list_and_ctrl_s_writes_from_there(
    demo_store, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        dialog = await open_export(app, pilot)
        select = dialog.query_one(Select)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is select
        await pilot.press("enter")  # opens the list
        await pilot.pause()
        assert select.expanded
        await pilot.press("down", "enter")  # picks HTML
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and select.value == "html"
        assert dialog.query_one("#export-path", Input).value == "~/lederplan-2020-03-01.html"
        assert list(tmp_path.iterdir()) == [tmp_path / "data"]  # nothing written
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is dialog.query_one("#export-path", Input)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is select and not select.expanded
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    written = tmp_path / "lederplan-2020-03-01.html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_the_plans_own_data_is_refused(
    demo_store, make_app, data_dir: Path, tmp_path: Path
) -> None:
    # Found in review: the dialog only asked "exists. Overwrite it?" of the data file itself.
    before = on_disk(data_dir)
    link = tmp_path / "plan.json"
    link.symlink_to(demo_store.path)
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        dialog = await open_export(app, pilot)
        for target in (demo_store.path, link, data_dir / "lederplan.lock"):
            await type_path(app, pilot, target)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert app.screen is dialog  # no "Overwrite it?", no file written
            error = str(dialog.query_one("#export-error", Label).content)
            assert "is the plan's own data" in error and str(data_dir) in error
            assert on_disk(data_dir) == before


async def test_the_dialog_offers_the_last_folder_used_until_it_is_gone(
    demo_store, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found in use (issue 13): the path went back to ~/ every time.
    home = tmp_path / "home"
    reports = home / "docs" / "reports"
    reports.mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        dialog = await open_export(app, pilot)
        assert dialog.query_one("#export-path", Input).value == "~/lederplan-2020-03-01.md"
        await type_path(app, pilot, reports / "mine.md")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen), "written")
        assert (reports / "mine.md").exists()
        await pilot.press("3")
        dialog = await open_export(app, pilot)
        field = dialog.query_one("#export-path", Input)
        assert field.value == "~/docs/reports/lederplan-2020-03-01.md"
        assert field.cursor_position == len(field.value)
        await type_path(app, pilot, outside / "other.md")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen), "written")
    app = make_app("en")  # remembered in the settings, as the language is
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        dialog = await open_export(app, pilot)
        value = dialog.query_one("#export-path", Input).value
        assert value == str(outside / "lederplan-2020-03-01.md")
        await pilot.press("escape")
        (outside / "other.md").unlink()
        outside.rmdir()  # gone: the home folder, as at first
        dialog = await open_export(app, pilot)
        assert dialog.query_one("#export-path", Input).value == "~/lederplan-2020-03-01.md"


def test_default_path_in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    day = date(2027, 1, 5)
    assert default_path("md", day) == "~/lederplan-2027-01-05.md"
    assert default_path("ics", day, tmp_path) == "~/lederplan-2027-01-05.ics"
    assert default_path("html", day, tmp_path / "a b") == "~/a b/lederplan-2027-01-05.html"
    assert default_path("json", day, Path("/srv/x")) == "/srv/x/lederplan-2027-01-05.json"
