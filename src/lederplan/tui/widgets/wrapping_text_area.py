"""A soft-wrapping TextArea that keeps the line being typed in view.

Textual 8.2's ``TextArea.edit`` moves the cursor (which scrolls it into view) before it sets the
new wrapped height: a key that starts a new line below the view scrolls to the old height, one
line short, and the character typed stays hidden until the next key (issue 12's typing stalls:
a key every wrapped line that took one key interval to appear). Scrolling again once the height
is set shows it in the same frame.
"""

from __future__ import annotations

from textual.widgets.text_area import Edit, EditResult

from lederplan.tui.widgets.text_fields import TextArea


class WrappingTextArea(TextArea):
    """A TextArea that scrolls to the cursor after an edit's new size is known."""

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        self.scroll_cursor_visible()
        return result
