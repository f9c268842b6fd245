"""Turn the store's errors into sentences from the i18n catalogue, for the CLI and the TUI."""

from __future__ import annotations

from lederplan.i18n import t
from lederplan.store.errors import CorruptDataError, StoreError


def describe(error: StoreError) -> str:
    """Return what went wrong and what to do, in the current language."""
    params = dict(error.params)
    if isinstance(error, CorruptDataError):
        text = t("error.corrupt", path=params["path"], reason=_reason(error.reason))
        if error.backup:
            return f"{text}\n{t('error.corrupt.restore', backup=error.backup)}"
        return f"{text}\n{t('error.corrupt.no_backup')}"
    for key in ("why",):
        if key in params:
            params[key] = t(f"error.{error.code}.{params[key]}")
    return t(f"error.{error.code}", **params)


def _reason(reason: str) -> str:
    kind, _, rest = reason.partition(":")
    if kind == "json":
        line, col, msg = rest.split(":", 2)
        return t("error.corrupt.json", line=line, col=col, msg=msg)
    if kind == "invalid":
        field, _, msg = rest.partition(":")
        return t("error.corrupt.invalid", field=field, msg=msg)
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
