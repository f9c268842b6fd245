"""The public JSON export format: ``{"format": "lederplan", "format_version": 1, "plans": [...]}``.

Users' scripts read it, so its names are stable (a plan's ``date`` and ``period_end``, an action's
``deadline`` and ``deadline_written`` among them); ``docs/export-format.md`` documents it and
``lederplan export --schema`` prints its JSON Schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lederplan.domain.models import Plan, records_of
from lederplan.domain.text import clean_line
from lederplan.export.locate import line_of

FORMAT = "lederplan"
FORMAT_VERSION = 1


class ExportDocument(BaseModel):
    """The whole export file."""

    model_config = ConfigDict(extra="forbid", title="lederplan export")

    format: Literal["lederplan"] = FORMAT
    """Always "lederplan": tells a lederplan export from any other JSON."""
    format_version: int = Field(default=FORMAT_VERSION, ge=1)
    """Bumped only when a name or meaning changes; new optional fields do not bump it."""
    plans: list[Plan]
    """Every plan in the data file, the current one first."""

    @model_validator(mode="after")
    def _ids_unique_across_plans(self) -> Self:
        # Each plan checks its own ids; the store keeps every record of every plan in one
        # table, so an id shared by two plans would make the file unreadable after the import.
        seen: set[str] = set()
        for plan in self.plans:
            for record_id in (plan.id, *(r.id for r in records_of(plan))):
                if record_id in seen:
                    raise ValueError(f"two plans share the record id {record_id}")
                seen.add(record_id)
        return self


@dataclass(frozen=True)
class ImportProblem(Exception):
    """Why an import file was refused; nothing was written."""

    kind: Literal["json", "field", "format", "newer", "nested", "too_big", "number"]
    line: int = 0
    col: int = 0
    field: str = ""
    msg: str = ""
    version: int = 0


def export_json(plans: list[Plan]) -> str:
    """Return *plans* as the export format's JSON text (stable: the same plans, the same text)."""
    document = ExportDocument(plans=plans).model_dump(mode="json")
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The export format's JSON Schema."""
    return ExportDocument.model_json_schema()


def parse_export(text: str) -> list[Plan]:
    """Read an export file; all of it is valid or :class:`ImportProblem` says where it is not.

    The field and message it names are cleaned of control characters and escape sequences: an
    unknown key in the file is quoted in the message, and the message is shown in a terminal.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem("json", exc.lineno, exc.colno, msg=exc.msg) from None
    except RecursionError:
        raise ImportProblem("nested") from None
    except MemoryError:
        raise ImportProblem("too_big") from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise ImportProblem("number") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ImportProblem("format")
    version = raw.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ImportProblem("newer", version=version)
    try:
        return ExportDocument.model_validate(raw).plans
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        return _raise_field(text, loc, error["msg"])


def _raise_field(text: str, loc: tuple[str | int, ...], msg: str) -> list[Plan]:
    # Pydantic adds the name of a failed validator to the location of a model-level error
    # (e.g. "function-after[...]"); the line is that of the object the validator looked at.
    path = tuple(step for step in loc if isinstance(step, int) or "[" not in step)
    field = clean_line(".".join(map(str, path)))
    raise ImportProblem("field", line_of(text, path), field=field, msg=clean_line(msg))
