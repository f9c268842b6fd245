"""The iCalendar export: it parses back with the library, one VTODO per action with a readable
deadline, recurring ones with an RRULE, stable UIDs, and text escaped so it round-trips."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from lederplan.cli import main
from lederplan.domain.deadlines import read_deadline
from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.models import Action, Area, Goal, Plan, Status
from lederplan.export.ics import PRODID, plans_to_ics
from lederplan.export.json_format import export_json, parse_export

NOW = datetime(2020, 2, 1, 8, 30, tzinfo=UTC)


def todos(data: bytes) -> list:
    calendar = Calendar.from_ical(data)
    assert calendar.name == "VCALENDAR"
    return list(calendar.walk("VTODO"))


def by_summary(data: bytes) -> dict:
    found = {str(todo["SUMMARY"]): todo for todo in todos(data)}
    assert len(found) == len(todos(data)), "two to-dos with one summary"
    return found


def plan_with(*actions: Action, title: str = "Område", statement: str = "Mål") -> Plan:
    goal = Goal(statement=statement, actions=list(actions))
    return Plan(date=DEMO_DATE, areas=[Area(title=title, goals=[goal])])


def readable_actions(plan: Plan) -> list[Action]:
    """Counted here without the exporter: read each deadline from the plan's date."""
    assert plan.period_end is not None
    return [
        action
        for area in plan.areas
        for goal in area.goals
        for action in goal.actions
        if read_deadline(
            action.deadline, action.deadline_written or plan.date, plan.date, plan.period_end
        ).readable
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_demo_plan_holds_one_todo_per_action_with_a_readable_deadline(lang: str) -> None:
    plan = demo_plan(lang)
    calendar = Calendar.from_ical(plans_to_ics([plan], NOW))
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", PRODID)
    readable = readable_actions(plan)
    all_actions = [a for area in plan.areas for goal in area.goals for a in goal.actions]
    assert 0 < len(readable) < len(all_actions)  # the demo has one "Innen dato X"
    found = todos(plans_to_ics([plan], NOW))
    assert len(found) == len(readable)
    assert sorted(str(todo["UID"]) for todo in found) == sorted(
        f"{action.id}@lederplan" for action in readable
    )
    for todo in found:
        assert isinstance(todo.decoded("DUE"), date)  # every one has a day, a whole day
        assert not isinstance(todo.decoded("DUE"), datetime)
        assert todo.decoded("DTSTAMP") == NOW
        assert str(todo["STATUS"]) == "NEEDS-ACTION"
        assert str(todo["CLASS"]) == "PRIVATE"


def test_demo_deadlines_in_norwegian() -> None:
    found = by_summary(plans_to_ics([demo_plan("nb")], NOW))
    assert "Lese boken «Dkjsjsks jdksjsk»" not in found  # "Innen dato X": no date yet
    assert found["Gå på kurs/få coach"].decoded("DUE") == date(2020, 6, 30)
    assert found["Fortelle om målsettingen til egne medarbeidere"].decoded("DUE") == DEMO_DATE
    assert found["Kartlegge egne oppgaver"].decoded("DUE") == date(2020, 3, 8)  # Sunday of W10
    week = found["Kartlegge egne oppgaver"]
    assert "DTSTART" not in week and "RRULE" not in week
    assert [str(c) for c in week["CATEGORIES"].cats] == ["Emosjonell intelligens"]
    description = str(week["DESCRIPTION"])
    assert description.startswith("Emosjonell intelligens › Jeg ønsker i løpet av 2020")
    assert description.endswith("\nFrist: Innen uke 10")
    ongoing = found["Følge opp de aktuelle medarbeiderne"]
    assert (ongoing.decoded("DTSTART"), ongoing.decoded("DUE")) == (DEMO_DATE, date(2021, 1, 6))
    assert "RRULE" not in ongoing


@pytest.mark.parametrize(
    ("lang", "summary", "deadline"),
    [
        (
            "nb",
            "Praktisere fagområde x sammen med medarbeider Y",
            "En gang i uken de neste tre månedene",
        ),
        (
            "en",
            "Practise subject area X together with staff member Y",
            "Once a week for the next three months",
        ),
    ],
)
def test_the_weekly_demo_action_recurs(lang: str, summary: str, deadline: str) -> None:
    todo = by_summary(plans_to_ics([demo_plan(lang)], NOW))[summary]
    assert todo.decoded("DTSTART") == todo.decoded("DUE") == DEMO_DATE
    rule = todo["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"] == [date(2020, 4, 6)]
    assert "INTERVAL" not in rule
    assert str(todo["DESCRIPTION"]).endswith(deadline)
    occurrences = list(rrulestr(rule.to_ical().decode(), dtstart=DEMO_DATE))
    assert len(occurrences) == 14  # 6 January to 6 April 2020, every Monday
    assert occurrences[-1].date() == date(2020, 4, 6)


def test_english_calendar_speaks_english() -> None:
    data = plans_to_ics([demo_plan("en")], NOW)
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Development plan for Person X"
    assert str(by_summary(data)["Take a course/get a coach"]["DESCRIPTION"]).endswith(
        "\nDeadline: By June"
    )


@pytest.mark.parametrize(
    ("deadline", "freq", "interval"),
    [
        ("Daglig", "DAILY", None),
        ("Ukentlig", "WEEKLY", None),
        ("Annenhver uke", "WEEKLY", 2),
        ("Every other week", "WEEKLY", 2),
        ("Månedlig", "MONTHLY", None),
    ],
)
def test_every_frequency_becomes_a_rule(deadline: str, freq: str, interval: int | None) -> None:
    (todo,) = todos(plans_to_ics([plan_with(Action(text="x", deadline=deadline))], NOW))
    rule = todo["RRULE"]
    assert rule["FREQ"] == [freq]
    assert rule.get("INTERVAL") == ([interval] if interval else None)
    assert rule["UNTIL"] == [date(2021, 1, 6)]  # no end given: the end of the plan's period


def test_monthly_from_the_31st_keeps_to_the_months_last_day() -> None:
    """The calendar's occurrences are the reader's: 31 Jan, 29 Feb, 31 Mar, 30 Apr, ..."""
    action = Action(text="x", deadline="Månedlig", deadline_written=date(2020, 1, 31))
    plan = plan_with(action)
    (todo,) = todos(plans_to_ics([plan], NOW))
    assert plan.period_end is not None
    deadline = read_deadline(action.deadline, date(2020, 1, 31), plan.date, plan.period_end)
    occurrences = [
        d.date() for d in rrulestr(todo["RRULE"].to_ical().decode(), dtstart=date(2020, 1, 31))
    ]
    expected = []
    day = date(2020, 1, 31)
    while (found := deadline.next_due(day)) is not None:
        expected.append(found)
        day = found + timedelta(days=1)
    assert occurrences == expected
    assert occurrences[:4] == [
        date(2020, 1, 31),
        date(2020, 2, 29),
        date(2020, 3, 31),
        date(2020, 4, 30),
    ]


def test_status_and_completion() -> None:
    plan = plan_with(
        Action(text="todo", deadline="Innen juni"),
        Action(text="doing", deadline="Innen juni", status=Status.DOING),
        Action(text="done", deadline="Innen juni", status=Status.DONE, done_date=date(2020, 3, 2)),
        Action(text="done, no day", deadline="Innen juni", status=Status.DONE),
    )
    found = by_summary(plans_to_ics([plan], NOW))
    assert {s: str(t["STATUS"]) for s, t in found.items()} == {
        "todo": "NEEDS-ACTION",
        "doing": "IN-PROCESS",
        "done": "COMPLETED",
        "done, no day": "COMPLETED",
    }
    completed = found["done"].decoded("COMPLETED")
    assert completed == datetime(2020, 3, 2, 12, tzinfo=UTC)
    assert "COMPLETED" not in found["done, no day"] and "COMPLETED" not in found["todo"]
    assert int(found["done"]["PERCENT-COMPLETE"]) == 100


def test_unreadable_and_empty_deadlines_are_left_out() -> None:
    plan = plan_with(
        Action(text="a", deadline=""),
        Action(text="b", deadline="når det passer"),
        Action(text="c", deadline="15.03.2020"),
    )
    assert list(by_summary(plans_to_ics([plan], NOW))) == ["c"]


def test_uids_are_stable_and_only_the_stamp_follows_the_clock() -> None:
    plan = demo_plan("nb")
    first = plans_to_ics([plan], NOW)
    assert plans_to_ics([plan], NOW) == first  # reproducible
    later = plans_to_ics([plan], NOW + timedelta(days=30))
    assert later.replace(b"DTSTAMP:20200302T083000Z", b"DTSTAMP:20200201T083000Z") == first
    # Through a JSON export and import the ids, and so the UIDs, stay.
    (again,) = parse_export(export_json([plan]))
    assert plans_to_ics([again], NOW) == first


def test_the_clock_is_written_in_utc() -> None:
    oslo = timezone(timedelta(hours=1))
    plan = plan_with(Action(text="x", deadline="Innen juni"))
    (aware,) = todos(plans_to_ics([plan], datetime(2020, 2, 1, 9, 30, 15, 999, tzinfo=oslo)))
    assert aware.decoded("DTSTAMP") == NOW + timedelta(seconds=15)  # no fraction of a second
    (naive,) = todos(plans_to_ics([plan], datetime(2020, 2, 1, 8, 30)))
    assert naive.decoded("DTSTAMP") == NOW
    (default,) = todos(plans_to_ics([plan]))
    assert abs(default.decoded("DTSTAMP") - datetime.now(UTC)) < timedelta(minutes=5)


def test_a_copied_plan_gets_its_own_uids() -> None:
    current = demo_plan("nb")
    copy = current.model_copy(update={"id": "00000000-0000-4000-8000-000000000001"})
    uids = [str(todo["UID"]) for todo in todos(plans_to_ics([current, copy], NOW))]
    assert len(uids) == len(set(uids)) == 2 * len(readable_actions(current))
    readable = readable_actions(current)
    assert uids[: len(readable)] == [f"{a.id}@lederplan" for a in readable]


def test_no_plans_is_an_empty_calendar() -> None:
    calendar = Calendar.from_ical(plans_to_ics([], NOW))
    assert calendar.walk("VTODO") == []


TRICKY = "Møte, plan; neste steg\nlinje to: \\n er ikke et linjeskift \\ «sitat» " + "ø" * 60


def test_commas_semicolons_newlines_and_backslashes_round_trip() -> None:
    plan = plan_with(
        Action(text=TRICKY, deadline="Innen juni"),
        title="Samarbeid, tillit; åpenhet",
        statement="Første linje\nandre, med; tegn",
    )
    data = plans_to_ics([plan], NOW)
    (todo,) = todos(data)
    assert str(todo["SUMMARY"]) == TRICKY
    assert [str(c) for c in todo["CATEGORIES"].cats] == ["Samarbeid, tillit; åpenhet"]
    assert str(todo["DESCRIPTION"]) == (
        "Samarbeid, tillit; åpenhet › Første linje\nandre, med; tegn\nFrist: Innen juni"
    )
    assert b"SUMMARY:M\xc3\xb8te\\, plan\\; neste steg\\nlinje to: \\\\n" in data
    lines = data.split(b"\r\n")
    assert lines[-1] == b""  # CRLF after every line, the last one too
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=300), st.text(max_size=80))
def test_any_text_round_trips(text: str, title: str) -> None:
    action = Action(text=text, deadline="Innen juni")
    plan = plan_with(action, title=title)
    data = plans_to_ics([plan], NOW)
    assert len(todos(data)) == 1  # icalendar reads the file
    assert raw_values(data, "SUMMARY") == [action.text]
    if plan.areas[0].title:
        assert raw_values(data, "CATEGORIES") == [plan.areas[0].title]


@pytest.mark.parametrize("text", ["C:\\Notes\\plan.txt", "a\\nb", "x;y,z", "to\nlinjer"])
def test_backslashes_and_separators_survive(text: str) -> None:
    # icalendar reads (and writes) a literal backslash-N as a line break; RFC 5545 does not.
    data = plans_to_ics([plan_with(Action(text=text, deadline="Innen juni"))], NOW)
    assert raw_values(data, "SUMMARY") == [text]


def raw_values(data: bytes, name: str) -> list[str]:
    """The values of property *name*, unfolded and unescaped as RFC 5545 says (3.1, 3.3.11)."""
    unfolded = re.sub(r"\r\n[ \t]", "", data.decode())
    escapes = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
    return [
        re.sub(r"\\([\\;,nN])", lambda m: escapes[m.group(1)], line.split(":", 1)[1])
        for line in unfolded.split("\r\n")
        if line.split(":", 1)[0].split(";", 1)[0] == name
    ]


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    assert main(["--data-dir", str(directory), "--lang", "nb", "demo"]) == 0
    return directory


def test_cli_writes_ics_to_stdout(data: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "export", "--format", "ics"]) == 0
    out = capsys.readouterr().out
    assert len(todos(out.encode())) == len(readable_actions(demo_plan("nb")))


def test_cli_writes_a_private_file_and_keeps_an_existing_one(
    data: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "plan.ics"
    assert main(["--data-dir", str(data), "export", "--format", "ics", "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    first = target.read_bytes()
    assert len(todos(first)) == 9
    assert first.startswith(b"BEGIN:VCALENDAR\r\n")
    capsys.readouterr()
    target.write_bytes(b"keep me")
    assert main(["--data-dir", str(data), "export", "--format", "ics", "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == b"keep me"
    args = ["--data-dir", str(data), "export", "--format", "ics", "-o", str(target), "--force"]
    assert main(args) == 0
    assert len(todos(target.read_bytes())) == 9
    assert target.stat().st_mode & 0o777 == 0o600


def test_cli_schema_is_for_json_only(data: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "export", "--format", "ics", "--schema"]) == 1
    assert "--schema" in capsys.readouterr().err


def test_cli_stdout_is_the_bytes_of_the_file(data: Path, tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    environ |= {"LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "lederplan", "--data-dir", str(data), "export", "--format", "ics"],
        capture_output=True,
        env=environ,
        timeout=60,
        check=True,
    )
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\r\r\n" not in result.stdout
    assert len(todos(result.stdout)) == 9


def test_only_the_ics_export_imports_the_library(data: Path, tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom lederplan.cli import main\nimport lederplan.cli.commands\n"
        "before = 'icalendar' in sys.modules\n"
        f"main(['--data-dir', {str(data)!r}, 'export', '-o', {str(tmp_path / 'out.json')!r}])\n"
        "print(before, 'icalendar' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.split()[-2:] == ["False", "False"]
