"""Turn the store's errors into sentences from the i18n catalogue, for the CLI and the TUI.

Every parameter quoted is cleaned of control characters and escape sequences first: paths, ids
and field names come from the file or the user, and a message is painted in a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lederplan.domain.text import clean_line
from lederplan.i18n import CATALOGUE, format_count, t
from lederplan.store.errors import CorruptDataError, StoreError


def describe(error: StoreError) -> str:
    """Return what went wrong and what to do, in the current language."""
    params = {key: _clean(value) for key, value in error.params.items()}
    if isinstance(error, CorruptDataError):
        text = t("error.corrupt", path=params["path"], reason=_reason(clean_line(error.reason)))
        if error.backup:
            backup = clean_line(error.backup)
            restore = t("error.corrupt.restore", backup=backup) + _data_dir_option(error.path)
            return f"{text}\n{restore}"
        return f"{text}\n{t('error.corrupt.no_backup')}"
    for key in ("why",):
        if key in params:
            params[key] = t(f"error.{error.code}.{params[key]}")
    return t(f"error.{error.code}", **params)


def _data_dir_option(path: Path) -> str:
    """`` --data-dir DIR`` when the file is not where a plain ``lederplan restore`` looks
    (``--data-dir`` was given), so that the command shown works as printed; else ""."""
    import shlex

    from lederplan.store.paths import data_dir

    directory = Path(path).parent
    try:
        if data_dir(None).resolve() == directory.resolve():
            return ""
    except OSError:
        pass
    return f" --data-dir {shlex.quote(clean_line(str(directory)))}"


def _clean(value: Any) -> Any:
    return clean_line(value) if isinstance(value, str) else value


def _reason(reason: str) -> str:
    kind, _, rest = reason.partition(":")
    if kind == "json":
        line, col, msg = rest.split(":", 2)
        return t("error.corrupt.json", line=line, col=col, msg=msg)
    if kind == "invalid":
        field, _, msg = rest.partition(":")
        return t("error.corrupt.invalid", field=field, msg=msg)
    if kind == "type":
        field, _, expected = rest.partition(":")
        return t(
            "error.corrupt.type", field=field, expected=t(f"error.corrupt.expected.{expected}")
        )
    if kind in ("ref", "duplicate"):
        field, _, value = rest.partition(":")
        return t(f"error.corrupt.{kind}", field=field, value=value)
    if kind in ("missing", "kind"):
        return t(f"error.corrupt.{kind}", field=rest)
    if kind == "doc_key":
        return t("error.corrupt.doc_key", table=rest)
    if f"error.corrupt.{kind}" not in CATALOGUE:  # a reason of a newer lederplan: say what we can
        kind = "shape"
    return t(f"error.corrupt.{kind}")


def problem(error: BaseException) -> str | None:
    """The one sentence for an error a change can meet (a store error, a value the models
    refuse, a plan date out of order); None for anything else, which is a bug to raise."""
    from pydantic import ValidationError

    from lederplan.domain.periods import PeriodOrderError, PeriodStartError

    if isinstance(error, StoreError):
        return describe(error)
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        ctx = first.get("ctx") or {}
        if first["type"] in ("too_long", "string_too_long") and "max_length" in ctx:
            # The limit in the UI language, with how long the text is (pydantic says "items").
            count = ctx.get("actual_length") or len(str(first.get("input", "")))
            limit, count = format_count(ctx["max_length"]), format_count(count)
            return t("error.invalid", msg=t("error.too_long", limit=limit, count=count))
        return t("error.invalid", msg=first["msg"])
    if isinstance(error, PeriodOrderError):
        if error.after:
            return t("plans.date_after", date=error.after)
        return t("plans.date_before", date=error.before)
    if isinstance(error, PeriodStartError):  # the current plan changed while the date was asked
        return t("plans.too_early", date=error.plan_date)
    if isinstance(error, ValueError):
        return t("error.invalid", msg=str(error))
    return None
