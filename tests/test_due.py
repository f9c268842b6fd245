"""`lederplan due`: golden output in both languages on the demo plan at a fixed today, the JSON,
--all, --days, silence when nothing is due, errors, colour, and what it must not import.

The golden files are in tests/golden/; after a deliberate change to the output, rewrite them with
``LEDERPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_due.py`` and read the diff.
"""

from __future__ import annotations

import copy
import io
import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.cli.due import DEFAULT_DAYS, DueItem, due_items, render_text, run_due
from lederplan.i18n import current_language, set_language, t
from lederplan.store.store import Store

GOLDEN = Path(__file__).parent / "golden"
TODAY = "2020-03-01"
"""The demo plan is dated 2020-01-06: on 1 March two actions are overdue ("Med en gang"), two are
due within 14 days (weekly practice tomorrow, "uke 10" on the 8th), four later, two undated."""
DEMO_ACTIONS = 10
JSON_KEYS = {"area", "goal", "action", "deadline", "kind", "due", "until", "status", "overdue"}


def run(*args: str, data: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real entry point in a subprocess, with a clean environment and a fixed today."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LEDERPLAN"))}
    environ.pop("NO_COLOR", None)
    environ |= {"LANG": "C.UTF-8", "LEDERPLAN_TODAY": TODAY} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "lederplan", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A data directory with the demo plan, per language."""
    dirs = {}
    for lang in ("nb", "en"):
        directory = tmp_path_factory.mktemp(f"demo-{lang}") / "data"
        assert main(["--data-dir", str(directory), "--lang", lang, "demo", "--as-in-course"]) == 0
        dirs[lang] = directory
    set_language("en")
    return dirs


def tables_of(directory: Path) -> dict:
    return copy.deepcopy(Store(directory).read_tables())


def write_tables(directory: Path, tables: dict) -> None:
    path = directory / "lederplan.json"
    path.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")


def action_doc(tables: dict, text: str) -> dict:
    return next(doc for doc in tables["actions"].values() if doc["text"] == text)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LEDERPLAN_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with LEDERPLAN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


# -- golden output -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("variant", ["", "--all"])
@pytest.mark.parametrize("fmt", ["txt", "json"])
def test_golden_output(demo: dict[str, Path], lang: str, variant: str, fmt: str) -> None:
    args = [
        "--lang",
        lang,
        "due",
        *([variant] if variant else []),
        *(["--json"] if fmt == "json" else []),
    ]
    result = run(*args, data=demo[lang])
    assert (result.returncode, result.stderr) == (0, "")
    check_golden(f"due{variant.replace('--', '-')}-{lang}.{fmt}", result.stdout)


def test_the_golden_text_says_what_the_issue_asks(demo: dict[str, Path]) -> None:
    nb = (GOLDEN / "due-nb.txt").read_text(encoding="utf-8")
    assert "Forfalt" in nb and "De neste 14 dagene" in nb
    assert nb.index("Forfalt") < nb.index("De neste 14 dagene")
    assert "06.01.2020" in nb and "«Med en gang»" in nb and "Motivasjon og samarbeid ›" in nb
    assert "\x1b" not in nb  # not a terminal: no colour
    en = (GOLDEN / "due-en.txt").read_text(encoding="utf-8")
    assert "Overdue" in en and "Next 14 days" in en and "8 Mar 2020" in en
    assert "“By week 10”, in 7 days" in en


# -- JSON ----------------------------------------------------------------------------------------


def test_json_schema_and_values(demo: dict[str, Path]) -> None:
    result = run("--lang", "en", "due", "--json", data=demo["en"])
    objects = json.loads(result.stdout)
    for obj in objects:
        assert JSON_KEYS <= set(obj)
        assert obj["kind"] in ("date", "ongoing", "recurring", "none")
        assert obj["status"] in ("todo", "doing", "done")
        assert isinstance(obj["overdue"], bool)
        for key in ("due", "until"):
            assert obj[key] is None or date.fromisoformat(obj[key])
    brief = [(o["action"], o["kind"], o["due"], o["until"], o["overdue"]) for o in objects]
    assert brief == [
        ("Tell my own staff about the goal", "date", "2020-01-06", None, True),
        ("Weekly conversations with my staff", "date", "2020-01-06", None, True),
        # Recurring: the next occurrence on or after today (weekly from 6 January).
        (
            "Practise subject area X together with staff member Y",
            "recurring",
            "2020-03-02",
            "2020-04-06",
            False,
        ),
        ("Map my own tasks", "date", "2020-03-08", None, False),
    ]
    first = objects[0]
    assert first["area"] == "Motivation and cooperation"
    assert first["goal"].startswith("Within 6 months")
    assert first["deadline"] == "At once"  # as written


def test_all_lists_every_action_with_its_kind(demo: dict[str, Path]) -> None:
    objects = json.loads(run("--lang", "nb", "due", "--all", "--json", data=demo["nb"]).stdout)
    assert len(objects) == DEMO_ACTIONS
    kinds = {o["deadline"]: (o["kind"], o["due"], o["until"]) for o in objects}
    assert kinds["Løpende"] == ("ongoing", None, "2021-01-06")  # the plan's period
    assert kinds["Innen dato X"] == ("none", None, None)
    assert kinds["Innen juni"] == ("date", "2020-06-30", None)
    # Overdue first, then by date; the undated last in the plan's order.
    dated = [o["due"] for o in objects if o["due"]]
    assert dated == sorted(dated)
    assert [o["kind"] for o in objects[-2:]] == ["ongoing", "none"]


def test_days_sets_the_window(demo: dict[str, Path]) -> None:
    def actions(*extra: str) -> list[str]:
        out = run("--lang", "en", "due", "--json", *extra, data=demo["en"]).stdout
        return [o["action"] for o in json.loads(out) if not o["overdue"]]

    assert actions("--days", "0") == []
    assert actions("--days", "1") == ["Practise subject area X together with staff member Y"]
    assert len(actions("--days", "30")) == 4  # with "by week 12" (22 March) and "by March"
    assert len(actions()) == 2  # the default, DEFAULT_DAYS
    assert len(actions("--days", str(10**12))) == 6  # every dated action not overdue
    assert str(DEFAULT_DAYS) in t("due.opt.days", "nb") and str(DEFAULT_DAYS) in t(
        "due.opt.days", "en"
    )


# -- nothing due, no plan, errors ------------------------------------------------------------------


def test_nothing_due_prints_nothing_and_exits_0(demo: dict[str, Path]) -> None:
    # Before the plan: the first deadline (6 January) is more than 14 days away.
    result = run("--lang", "nb", "due", data=demo["nb"], env={"LEDERPLAN_TODAY": "2019-12-01"})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    result = run("due", "--json", data=demo["nb"], env={"LEDERPLAN_TODAY": "2019-12-01"})
    assert (result.returncode, result.stdout) == (0, "[]\n")


def test_no_plan_yet_prints_nothing(tmp_path: Path) -> None:
    result = run("due", data=tmp_path / "none")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (tmp_path / "none").exists()  # reading creates nothing


def test_a_corrupt_file_is_reported_like_everywhere_else(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "lederplan.json").write_text("{not json")
    (data / "lederplan.json").chmod(0o600)
    result = run("--lang", "en", "due", data=data)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "lederplan: error:" in result.stderr and "Traceback" not in result.stderr


def test_a_field_of_the_wrong_type_is_named(demo: dict[str, Path], tmp_path: Path) -> None:
    data = tmp_path / "data"
    tables = tables_of(demo["en"])
    action_doc(tables, "Map my own tasks")["deadline_written"] = "yesterday"
    data.mkdir(mode=0o700)
    write_tables(data, tables)
    result = run("--lang", "en", "due", data=data)
    assert result.returncode == 1
    assert "areas.1.goals.0.actions.0.deadline_written" in result.stderr


@pytest.mark.parametrize(
    ("args", "env", "message", "code"),
    [
        (["due", "--days", "-1"], {}, "--days", 2),  # the command line: as argparse's errors
        (["due"], {"LEDERPLAN_TODAY": "1 March"}, "LEDERPLAN_TODAY", 1),
    ],
)
def test_bad_input_is_refused(
    demo: dict[str, Path], args: list[str], env: dict[str, str], message: str, code: int
) -> None:
    result = run("--lang", "en", *args, data=demo["en"], env=env)
    assert result.returncode == code
    assert message in result.stderr and result.stdout == ""


# -- what is listed --------------------------------------------------------------------------------


def items_for(tables: dict, today: str, days: int = DEFAULT_DAYS) -> dict[str, DueItem]:
    return {item.action: item for item in due_items(tables, date.fromisoformat(today), days)}


def test_done_actions_only_with_all(demo: dict[str, Path], tmp_path: Path) -> None:
    tables = tables_of(demo["en"])
    doc = action_doc(tables, "Tell my own staff about the goal")
    doc |= {"status": "done", "done_date": "2020-01-10"}
    action_doc(tables, "Map my own tasks")["status"] = "doing"
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    write_tables(data, tables)
    listed = {}
    for show_all in (False, True):
        out = io.StringIO()
        environ = {"LEDERPLAN_TODAY": TODAY}
        assert (
            run_due(
                Store(data), days=None, show_all=show_all, as_json=True, environ=environ, out=out
            )
            == 0
        )
        listed[show_all] = {o["action"]: o for o in json.loads(out.getvalue())}
    assert "Tell my own staff about the goal" not in listed[False]
    assert listed[True]["Tell my own staff about the goal"]["status"] == "done"
    assert listed[True]["Tell my own staff about the goal"]["overdue"] is False
    assert listed[False]["Map my own tasks"]["status"] == "doing"
    items = items_for(tables, TODAY)
    done = items["Tell my own staff about the goal"]
    assert (done.section, done.overdue, done.as_json()["overdue"]) == ("done", False, False)
    assert items["Map my own tasks"].section == "soon"
    set_language("en")
    text = render_text(list(items.values()), date(2020, 3, 1), DEFAULT_DAYS)
    assert "[x] Tell my own staff about the goal" in text and "done 10 Jan 2020" in text
    assert "[~] Map my own tasks" in text


def test_deadline_written_is_the_anchor(demo: dict[str, Path]) -> None:
    tables = tables_of(demo["nb"])
    doc = action_doc(tables, "Gå på kurs/få coach")
    doc |= {"deadline": "om tre uker", "deadline_written": "2020-02-20"}
    item = items_for(tables, TODAY)["Gå på kurs/få coach"]
    assert (item.due, item.section) == (date(2020, 3, 12), "soon")


def test_recurring_is_due_at_its_next_occurrence_and_never_overdue(demo: dict[str, Path]) -> None:
    tables = tables_of(demo["nb"])
    name = "Praktisere fagområde x sammen med medarbeider Y"
    item = items_for(tables, "2020-03-03")[name]  # a Tuesday: the next Monday is the 9th
    assert (item.due, item.section, item.overdue) == (date(2020, 3, 9), "soon", False)
    ended = items_for(tables, "2020-05-01")[name]  # it ran until 6 April
    # Ended, with its last day: not "without a date" (issue 13 review, point 7).
    assert (ended.due, ended.section, ended.overdue) == (None, "ended", False)
    set_language("nb")
    text = render_text([ended], date(2020, 5, 1), 14)
    assert "Avsluttet" in text and "Uten dato" not in text
    assert "ukentlig, sluttet 06.04.2020" in text
    set_language("en")
    text = render_text([ended], date(2020, 5, 1), 14)
    assert "Ended" in text and "Without a date" not in text
    assert "weekly, ended 6 Apr 2020" in text


def test_only_the_current_plan_is_read(demo: dict[str, Path]) -> None:
    nb, en = tables_of(demo["nb"]), tables_of(demo["en"])
    for doc in en["plans"].values():
        doc["pos"] = 1
    merged = {name: {**nb.get(name, {}), **{f"en{k}": v for k, v in en.get(name, {}).items()}}
              for name in set(nb) | set(en)}  # fmt: skip
    actions = [item.action for item in due_items(merged, date(2020, 3, 1), 14)]
    assert "Fortelle om målsettingen til egne medarbeidere" in actions
    assert "Tell my own staff about the goal" not in actions


def test_escape_sequences_in_the_file_are_not_printed(demo: dict[str, Path]) -> None:
    tables = tables_of(demo["en"])
    action_doc(tables, "Map my own tasks")["text"] = "Map \x1b]0;owned\x07my \x1b[2Jtasks"
    set_language("en")
    text = render_text(list(items_for(tables, TODAY).values()), date(2020, 3, 1), 14)
    assert "\x1b" not in text and "Map my tasks" in text


def test_long_goals_are_shortened_to_the_width_at_a_word(demo: dict[str, Path]) -> None:
    set_language("en")
    items = list(items_for(tables_of(demo["en"]), TODAY).values())
    goals = {item.goal for item in items}
    for width in (100, 120):
        lines = render_text(items, date(2020, 3, 1), 14, width=width).splitlines()
        details = [line for line in lines if " › " in line]
        assert len(details) == len(items)
        for line in details:
            shown = line.rsplit(" › ", 1)[1]
            # Where the notes alone take most of the line, the goal still keeps 24 characters.
            assert len(line) <= width or len(shown) <= 24
            if shown.endswith("…"):
                goal = next(goal for goal in goals if goal.startswith(shown[:-1]))
                assert goal[len(shown) - 1] == " "  # cut between words
            else:
                assert shown in goals
    wide = render_text(items, date(2020, 3, 1), 14, width=400)
    assert all(goal in wide for goal in goals)


def test_a_closed_pipe_is_not_an_error(demo: dict[str, Path]) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    set_language("en")
    store = Store(demo["en"])
    assert run_due(store, days=None, show_all=True, as_json=False, out=Closed()) == 0


# -- colour --------------------------------------------------------------------------------------


def run_in_pty(data: Path, env: dict[str, str]) -> bytes:
    leader, follower = pty.openpty()
    try:
        environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        environ |= {"LANG": "C.UTF-8", "LEDERPLAN_TODAY": TODAY, "TERM": "xterm"} | env
        process = subprocess.run(
            [sys.executable, "-m", "lederplan", "--data-dir", str(data), "--lang", "en", "due"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=environ,
            timeout=60,
        )
        assert process.returncode == 0
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the other side is closed and everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)


def test_colour_only_on_a_terminal_and_not_with_no_color(demo: dict[str, Path]) -> None:
    coloured = run_in_pty(demo["en"], {})
    assert b"\x1b[1;31mOverdue\x1b[0m" in coloured
    plain = run_in_pty(demo["en"], {"NO_COLOR": "1"})
    assert b"Overdue" in plain and b"\x1b[" not in plain
    assert "\x1b[" not in run("--lang", "en", "due", data=demo["en"]).stdout


# -- start-up --------------------------------------------------------------------------------------


def test_due_imports_neither_textual_nor_pydantic(demo: dict[str, Path]) -> None:
    probe = (
        "import sys\nfrom lederplan.cli import main\n"
        f"code = main(['--data-dir', {str(demo['nb'])!r}, '--lang', 'nb', 'due', '--all'])\n"
        "heavy = ('textual', 'pydantic', 'tinydb', 'lederplan.domain.models')\n"
        "print(code, *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDERPLAN")}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env | {"LEDERPLAN_TODAY": TODAY},
        timeout=60,
    )
    assert "Forfalt" in result.stdout  # it did run
    assert result.stderr.split() == ["0"]
