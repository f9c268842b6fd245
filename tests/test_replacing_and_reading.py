"""Reading never writes, replacing never lets a stale session write over the replacement, and an
import's problems are quoted without control characters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.store.errors import ConflictError
from lederplan.store.repository import PlanRepository, answer_id
from lederplan.store.store import Store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    assert main(["--data-dir", str(directory), "--lang", "en", "demo"]) == 0
    return directory


def _lederplan(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    argv = [sys.executable, "-m", "lederplan", "--data-dir", str(data), "--lang", "en", *args]
    return subprocess.run(argv, capture_output=True, text=True, env=environ, timeout=60)


def _backups(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "backups").glob("*"))


# -- a file without _meta (schema 0) -----------------------------------------------------------


def test_reading_an_old_file_leaves_it_as_it_is_until_the_first_write(
    data: Path, tmp_path: Path, capsys
) -> None:
    path = data / "lederplan.json"
    tables = json.loads(path.read_bytes())
    del tables["_meta"]
    path.write_text(json.dumps(tables))
    old = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    backups = _backups(data)
    prefix = ["--data-dir", str(data), "--lang", "en"]

    for command in (["due"], ["due", "--json"], ["export"], ["export", "--format", "md"]):
        assert main([*prefix, *command]) == 0, command
    assert main([*prefix, "backups"]) == 0
    assert path.read_bytes() == old and path.stat().st_mtime_ns == mtime
    assert _backups(data) == backups

    csv = tmp_path / "feedback.csv"
    csv.write_text("date,source,text\n2027-03-15,peers,Clear\n")
    capsys.readouterr()
    assert main([*prefix, "import-feedback", str(csv)]) == 0, capsys.readouterr().err
    on_disk = json.loads(path.read_bytes())
    assert on_disk["_meta"]["1"]["schema"] >= 1
    kept = list((data / "backups").glob("*-before-migration.json"))
    assert [p.read_bytes() for p in kept] == [old]


# -- revisions above any before ----------------------------------------------------------------


@pytest.mark.parametrize("replace_by", ["import", "demo", "restore"])
def test_a_session_from_before_a_replacement_cannot_write_over_it(
    data: Path, tmp_path: Path, replace_by: str
) -> None:
    export = tmp_path / "plan.json"
    assert main(["--data-dir", str(data), "export", "-o", str(export)]) == 0
    backup = Store(data).backup_now("session")
    assert backup is not None
    repo = PlanRepository(Store(data))
    stale = repo.load()
    assert stale is not None
    before = max(stale.revs.values())

    # Another process puts the same plan (the same ids) back, from an export, the example
    # plan or a backup: the stale session's revisions must not match any record's any more.
    command = {
        "import": ["import", "--force", str(export)],
        "demo": ["demo", "--force"],
        "restore": ["restore", backup.name],
    }[replace_by]
    result = _lederplan(data, *command)
    assert result.returncode == 0, result.stderr

    fresh = PlanRepository(Store(data)).load()
    assert fresh is not None
    assert min(fresh.revs.values()) > before
    area = stale.plan.areas[0]
    with pytest.raises(ConflictError):
        repo.update(area.model_copy(update={"title": "Stale"}), stale.revs[area.id])
    box = answer_id(stale.plan.id, "platform", 1)
    with pytest.raises(ConflictError):
        repo.set_answer(stale.plan.id, "platform", 1, "Stale", stale.revs[box])
    reread = PlanRepository(Store(data)).load()
    assert reread is not None and reread.plan == fresh.plan


def test_a_new_file_starts_at_revision_1(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    snapshot = PlanRepository(Store(data)).load()
    assert snapshot is not None and set(snapshot.revs.values()) == {1}


# -- an import's problems ----------------------------------------------------------------------


def test_an_imported_unknown_key_is_quoted_cleaned(data: Path, tmp_path: Path) -> None:
    exported = json.loads(_lederplan(data, "export").stdout)
    exported["plans"][0]["\x1b]2;PWNED\x07 key\u202e"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(exported))
    result = _lederplan(data, "import", "--force", str(bad))
    assert result.returncode == 1
    assert "plans.0. key" in result.stderr  # the OSC string (title PWNED) is dropped whole
    assert not any(ch in result.stderr for ch in "\x1b\x07\u202e")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "lederplan", "n": 1' + "0" * 5000 + "}", "too many digits"),
    ],
)
def test_an_unreadable_import_is_one_sentence(
    data: Path, tmp_path: Path, capsys, text: str, said: str
) -> None:
    source = tmp_path / "deep.json"
    source.write_text(text)
    before = (data / "lederplan.json").read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--lang", "en", "import", "--force", str(source)]) == 1
    err = capsys.readouterr().err
    assert said in err and "Nothing was saved" in err
    assert (data / "lederplan.json").read_bytes() == before


# -- messages quote text cleaned ---------------------------------------------------------------


def test_describe_and_fail_clean_what_they_quote(capsys) -> None:
    from lederplan.cli.output import fail
    from lederplan.editing.messages import describe
    from lederplan.i18n import set_language
    from lederplan.store.errors import CorruptDataError, NotFoundError

    set_language("en")
    hostile = "/tmp/\x1b]2;PWNED\x07x\u202e\x9b2J\nlederplan: fake line"
    for error in (
        NotFoundError(hostile, hostile),
        CorruptDataError(hostile, f"ref:goals.1.area_id:{hostile}", hostile),
        CorruptDataError(hostile, f"json:1:2:{hostile}", None),
    ):
        text = describe(error)
        assert not any(ch in text for ch in "\x1b\x07\u202e\x9b"), text
        assert "fake line" in text and "\nlederplan: fake" not in text
    assert fail("a \x1b[31mred\x1b[0m word\x00") == 1
    assert capsys.readouterr().err == "lederplan: error: a red word\n"
