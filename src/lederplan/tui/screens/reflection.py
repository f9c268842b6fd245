"""The framing questions: what kind of leader must / do I want to / am I, and whose leadership."""

from __future__ import annotations

from textual.binding import Binding

from lederplan.i18n import t
from lederplan.tui.screens.answers import AnswerGridScreen

QUESTIONS = ("must", "want", "am", "collective", "individual")


class ReflectionScreen(AnswerGridScreen):
    """Tre spørsmål alle ledere bør stille seg selv, and individual versus collective leadership."""

    COLUMNS = 3
    BINDINGS = [Binding("r,escape", "back", "key.back", id="reflection.back")]

    def box_specs(self) -> list[tuple[str, str, str, str]]:
        numbers = ["1. ", "2. ", "3. ", "", ""]
        return [
            ("reflection", key, number, t(f"reflection.{key}"))
            for key, number in zip(QUESTIONS, numbers, strict=True)
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self._show_answers()
        self.query_one(".answer-grid").add_class("reflection")

    async def action_back(self) -> None:
        await self.save_open_editors()
        self.dismiss()
