"""`lederplan import-feedback FILE`: appends to the plan, all or nothing, errors on stderr."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.domain.models import FeedbackEntry, Source
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--lang", "nb", "demo"]) == 0
    return data


def feedback(data: Path) -> list[FeedbackEntry]:
    snapshot = PlanRepository(Store(data)).load()
    assert snapshot is not None
    return snapshot.plan.feedback


def run(data: Path, path: Path, lang: str = "en") -> int:
    return main(["--data-dir", str(data), "--lang", lang, "import-feedback", str(path)])


def test_nb_file_with_bom_and_semicolons_is_appended(data: Path, tmp_path: Path, capsys) -> None:
    before = feedback(data)
    csv = tmp_path / "tilbakemeldinger.csv"
    csv.write_bytes(
        "\ufeffDato;Kilde;Giver;Område;Vurdering;Tekst\r\n"
        '15.03.2027;Medarbeidere;Kari;Motivasjon og samarbeid;5;"Godt\r\nmøte\x1b[31m"\r\n'
        "16.03.2027;leder selv;;;;\r\n".encode()
    )
    capsys.readouterr()
    assert run(data, csv, "nb") == 0
    assert "La til 2" in capsys.readouterr().out
    after = feedback(data)
    assert after[: len(before)] == before
    added = after[len(before) :]
    assert [e.source for e in added] == [Source.STAFF, Source.SELF]
    assert added[0].text == "Godt\nmøte"
    assert added[0].date == date(2027, 3, 15)
    area = PlanRepository(Store(data)).load().plan.areas[0]  # type: ignore[union-attr]
    assert added[0].area_id == area.id


def test_en_file_with_commas(data: Path, tmp_path: Path, capsys) -> None:
    csv = tmp_path / "feedback.csv"
    csv.write_text('date,source,rating,text\n2027-03-15,peers,4,"Clear, kind"\n')
    assert run(data, csv) == 0
    assert "Added 1 " in capsys.readouterr().out
    assert feedback(data)[-1].text == "Clear, kind"


def test_many_entries_go_in_one_write(data: Path, tmp_path: Path) -> None:
    before = len(feedback(data))
    csv = tmp_path / "many.csv"
    csv.write_text("date;source;text\n" + "".join(f"2027-03-15;staff;n{i}\n" for i in range(300)))
    assert run(data, csv) == 0
    after = feedback(data)
    assert len(after) == before + 300
    assert [e.text for e in after[before:]] == [f"n{i}" for i in range(300)]


BAD = [
    ("date;kind\n", "line 1, field kind:"),
    ("date;text\n", "line 1, field source:"),
    ("date;source\n2027-03-15;self\n;self\n", "line 3, field date:"),
    ("date;source\n2027-03-15;self\n2027-02-30;self\n", "line 3, field date:"),
    ("date;source\n2027-03-15;self\n2027-03-15;boss\n", "line 3, field source:"),
    ("date;source;area\n2027-03-15;self;\n2027-03-15;self;Nope\n", "line 3, field area:"),
    ("date;source;rating\n2027-03-15;self;1\n2027-03-15;self;9\n", "line 3, field rating:"),
    ("date;source;rating\n2027-03-15;self;1\n2027-03-15;self;x\n", "line 3, field rating:"),
    ('date;source;text\n2027-03-15;self;"a\nb"\n2027-03-15;self;"open\n', "line 4:"),
    ("", "line 1:"),
]


@pytest.mark.parametrize(("text", "where"), BAD)
def test_a_bad_file_names_line_and_field_and_writes_nothing(
    data: Path, tmp_path: Path, capsys, text: str, where: str
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(text)
    file = data / "lederplan.json"
    before = file.read_bytes()
    backups = sorted((data / "backups").iterdir()) if (data / "backups").exists() else []
    capsys.readouterr()
    assert run(data, csv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{csv}, {where}" in captured.err
    assert "Nothing was saved" in captured.err
    assert file.read_bytes() == before
    after = sorted((data / "backups").iterdir()) if (data / "backups").exists() else []
    assert after == backups


def test_not_utf8_names_the_line(data: Path, tmp_path: Path, capsys) -> None:
    csv = tmp_path / "latin1.csv"
    csv.write_bytes("date;source;text\n2027-03-15;self;blå\n".encode("latin-1"))
    before = (data / "lederplan.json").read_bytes()
    assert run(data, csv, "nb") == 1
    assert f"{csv}, linje 2: filen er ikke UTF-8-tekst" in capsys.readouterr().err
    assert (data / "lederplan.json").read_bytes() == before


def test_no_plan_and_missing_file(tmp_path: Path, capsys) -> None:
    csv = tmp_path / "f.csv"
    csv.write_text("date;source\n")
    assert main(["--data-dir", str(tmp_path / "empty"), "import-feedback", str(csv)]) == 1
    assert main(["--data-dir", str(tmp_path / "x"), "import-feedback", str(tmp_path / "no")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_insert_many_is_all_or_nothing(data: Path) -> None:
    repo = PlanRepository(Store(data))
    plan = repo.load().plan  # type: ignore[union-attr]
    file = data / "lederplan.json"
    before = file.read_bytes()
    good = FeedbackEntry(source=Source.SELF, date=date(2027, 3, 15))
    off_scale = FeedbackEntry(source=Source.SELF, date=date(2027, 3, 15), rating=99)
    with pytest.raises(ValueError):
        repo.insert_many([good, off_scale], plan.id)
    assert file.read_bytes() == before
    repo.insert_many([], plan.id)
    assert file.read_bytes() == before
