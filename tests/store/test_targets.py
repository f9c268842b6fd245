"""The checks before writing a file the user named, shared by ``lederplan export -o`` and the
app's export dialog: each refusal, in order, and the private atomic write."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from lederplan.store.errors import UnsafePathError
from lederplan.store.targets import Refusal, refusal, write_target


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "lederplan.json").write_text("{}")
    return data


def test_each_refusal(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("old")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere")
    cases = {
        data_dir / "lederplan.json": Refusal.OWN_DATA,
        data_dir: Refusal.OWN_DATA,  # before "is a folder": the stronger reason
        tmp_path: Refusal.IS_DIR,
        tmp_path / "no such folder" / "plan.md": Refusal.NO_DIR,
        tmp_path / "old.md": Refusal.EXISTS,
        tmp_path / "dangling.md": Refusal.EXISTS,
        tmp_path / "new.md": None,
    }
    assert {path: refusal(path, data_dir, overwrite=False) for path in cases} == cases


def test_overwriting_is_asked_for_and_own_data_is_refused_all_the_same(
    data_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "old.md").write_text("old")
    assert refusal(tmp_path / "old.md", data_dir, overwrite=True) is None
    assert refusal(data_dir / "lederplan.json", data_dir, overwrite=True) is Refusal.OWN_DATA
    assert refusal(data_dir / "lederplan.json", None, overwrite=True) is None  # not known


def test_the_write_is_private_and_refused_files_are_untouched(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.md"
    assert write_target(target, "# Plan\n", data_dir, overwrite=False) is None
    assert target.read_text() == "# Plan\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert write_target(target, "new", data_dir, overwrite=False) is Refusal.EXISTS
    assert target.read_text() == "# Plan\n"
    own = data_dir / "lederplan.json"
    assert write_target(own, "x", data_dir, overwrite=True) is Refusal.OWN_DATA
    assert own.read_text() == "{}"


def test_a_symbolic_link_is_not_written_through(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("real")
    (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
    with pytest.raises(UnsafePathError):
        write_target(tmp_path / "link.md", "x", data_dir, overwrite=True)
    assert (tmp_path / "real.md").read_text() == "real"
