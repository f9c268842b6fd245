"""The line being typed in a platform box stays in view: a key that starts a new wrapped line
below the view shows its character at once, not at the next key (Textual scrolled to the
cursor before the new height was known; see tui/widgets/wrapping_text_area.py)."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from .conftest import ready


@pytest.mark.parametrize("words", [12, pytest.param(39, marks=pytest.mark.slow)])
async def test_every_key_typed_into_a_long_answer_shows_the_cursor_line(
    demo_store, make_app, words: int
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        out_of_view = []
        wrapped_lines = set()
        for n, char in enumerate("".join(f"{i:04d} " for i in range(1, words + 1))):
            await pilot.press("space" if char == " " else char)
            row = editor.wrapped_document.location_to_offset(editor.cursor_location).y
            top, height = editor.scroll_offset.y, editor.scrollable_content_region.height
            wrapped_lines.add(row)
            if not top <= row < top + height:
                out_of_view.append((n, row, top, height))
        assert len(wrapped_lines) > editor.scrollable_content_region.height  # it did scroll
        assert out_of_view == []
        assert editor.text.endswith(f"{words - 1:04d} {words:04d} ")
