"""The application shell. The screens of the plan come in their own modules (issues 3–7); for
now the shell shows the plan's heading and the platform read-only, and every store error as a
message instead of a traceback."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from lederplan.i18n import t
from lederplan.store.store import Store
from lederplan.tui.styles import stylesheet


class LederplanApp(App[None]):
    """lederplan's terminal UI."""

    CSS_PATH = stylesheet("app.tcss")
    BINDINGS = [Binding("ctrl+q", "quit", t("app.quit"), id="quit")]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        """Where the plan is read from and saved to."""
        self.title = t("app.title")

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        with VerticalScroll(id="body"):
            yield Static(id="platform")
        yield Footer()

    def on_mount(self) -> None:
        from lederplan.messages import describe
        from lederplan.store.errors import StoreError
        from lederplan.store.repository import PlanRepository

        heading = self.query_one("#heading", Static)
        body = self.query_one("#platform", Static)
        try:
            snapshot = PlanRepository(self.store).load()
        except StoreError as error:
            heading.update(t("app.title"))
            body.update(describe(error))
            body.add_class("error")
            return
        if snapshot is None:
            heading.update(t("app.title"))
            body.update(t("app.no_plan"))
            return
        plan = snapshot.plan
        heading.update(
            f"{t('plan.person')} {plan.person} · {t('plan.manager')} {plan.manager} · "
            f"{t('plan.date')} {plan.date:%d.%m.%Y}"
        )
        lines = [f"[b]{t('platform.title')}[/b]", ""]
        for box, answer in enumerate(plan.platform, start=1):
            lines.append(f"[b]{box}. {t(f'platform.q{box}')}[/b]")
            lines.append(answer or "—")
            lines.append("")
        lines.append(f"[i]{t('app.coming')}[/i]")
        body.update("\n".join(lines))
