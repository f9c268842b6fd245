"""Key descriptions in the UI language.

Bindings are declared with a catalogue key as their description (``Binding("z", "zoom",
"key.zoom")``) and translated per instance by :func:`localize` when the node is created, so the
language is the one chosen at that moment and not the one current when the module was imported.
Textual's own widgets carry English descriptions: :data:`TEXTUAL` gives each its catalogue key.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from lederplan.i18n import t
from lederplan.i18n.catalogue import CATALOGUE

TEXTUAL: dict[str, str] = {
    "Bottom": "textual.bottom",
    "Copy": "textual.copy",
    "Copy selected text": "key.copy",
    "Cursor Down": "textual.cursor_down",
    "Cursor Up": "textual.cursor_up",
    "Cursor down": "textual.cursor_down",
    "Cursor down select": "textual.cursor_down_select",
    "Cursor left": "textual.cursor_left",
    "Cursor left select": "textual.cursor_left_select",
    "Cursor left word select": "textual.cursor_left_word_select",
    "Cursor line end": "textual.cursor_line_end",
    "Cursor line end select": "textual.cursor_line_end_select",
    "Cursor line start": "textual.cursor_line_start",
    "Cursor line start select": "textual.cursor_line_start_select",
    "Cursor page down": "textual.cursor_page_down",
    "Cursor page up": "textual.cursor_page_up",
    "Cursor right": "textual.cursor_right",
    "Cursor right select": "textual.cursor_right_select",
    "Cursor right word select": "textual.cursor_right_word_select",
    "Cursor to next ancestor": "textual.cursor_to_next_ancestor",
    "Cursor to next sibling": "textual.cursor_to_next_sibling",
    "Cursor to parent": "textual.cursor_to_parent",
    "Cursor to previous sibling": "textual.cursor_to_previous_sibling",
    "Cursor up": "textual.cursor_up",
    "Cursor up select": "textual.cursor_up_select",
    "Cursor word left": "textual.cursor_word_left",
    "Cursor word right": "textual.cursor_word_right",
    "Cut": "textual.cut",
    "Cut selected text": "textual.cut_selected_text",
    "Delete all to the left": "textual.delete_all_to_the_left",
    "Delete all to the right": "textual.delete_all_to_the_right",
    "Delete character left": "textual.delete_character_left",
    "Delete character right": "textual.delete_character_right",
    "Delete left to start of word": "textual.delete_left_to_start_of_word",
    "Delete line": "textual.delete_line",
    "Delete right to start of word": "textual.delete_right_to_start_of_word",
    "Delete to line end": "textual.delete_to_line_end",
    "Delete to line start": "textual.delete_to_line_start",
    "Dismiss menu": "textual.dismiss_menu",
    "Down": "textual.down",
    "End": "textual.end",
    "Exit the command palette": "textual.exit_the_command_palette",
    "Expand or collapse all": "textual.expand_or_collapse_all",
    "First": "textual.first",
    "Focus Next": "key.focus_next",
    "Focus Previous": "key.focus_previous",
    "Go to bottom": "textual.go_to_bottom",
    "Go to end": "textual.go_to_end",
    "Go to start": "textual.go_to_start",
    "Go to top": "textual.go_to_top",
    "Home": "textual.home",
    "Last": "textual.last",
    "Move cursor left": "textual.move_cursor_left",
    "Move cursor left a word": "textual.move_cursor_left_a_word",
    "Move cursor left a word and select": "textual.move_cursor_left_a_word_and_select",
    "Move cursor left and select": "textual.move_cursor_left_and_select",
    "Move cursor right a word": "textual.move_cursor_right_a_word",
    "Move cursor right a word and select": "textual.move_cursor_right_a_word_and_select",
    "Move cursor right and select": "textual.move_cursor_right_and_select",
    "Move cursor right or accept the completion suggestion": "textual.move_cursor_right_or_accept",
    "Next command": "textual.next_command",
    "Next option": "textual.next_option",
    "Next page": "textual.next_page",
    "Next tab": "textual.next_tab",
    "Open link": "textual.open_link",
    "Page Down": "textual.page_down",
    "Page Left": "textual.page_left",
    "Page Right": "textual.page_right",
    "Page Up": "textual.page_up",
    "Page down": "textual.page_down",
    "Page up": "textual.page_up",
    "Paste": "textual.paste",
    "Paste text from the clipboard": "textual.paste_text_from_the_clipboard",
    "Press button": "textual.press_button",
    "Previous command": "textual.previous_command",
    "Previous option": "textual.previous_option",
    "Previous page": "textual.previous_page",
    "Previous tab": "textual.previous_tab",
    "Quit": "app.quit",
    "Redo": "textual.redo",
    "Scroll Down": "textual.scroll_down",
    "Scroll End": "textual.scroll_end",
    "Scroll Home": "textual.scroll_home",
    "Scroll Left": "textual.scroll_left",
    "Scroll Right": "textual.scroll_right",
    "Scroll Up": "textual.scroll_up",
    "Select": "textual.select",
    "Select all": "textual.select_all",
    "Select line": "textual.select_line",
    "Select line end": "textual.select_line_end",
    "Select line start": "textual.select_line_start",
    "Show menu": "textual.show_menu",
    "Submit": "textual.submit",
    "Toggle": "textual.toggle",
    "Toggle collapsible": "textual.toggle_collapsible",
    "Toggle option": "textual.toggle_option",
    "Top": "textual.top",
    "Undo": "textual.undo",
    "Up": "textual.up",
    "palette": "key.palette",
}
"""Textual's own binding descriptions (English, as in its widgets' ``BINDINGS``) and their
catalogue keys."""


def describe(binding: Binding) -> str:
    """The binding's description in the UI language."""
    key = TEXTUAL.get(binding.description, binding.description)
    return t(key) if key in CATALOGUE else binding.description


def localize(node: DOMNode) -> None:
    """Translate the descriptions of *node*'s bindings (call it in the node's ``__init__``).

    The one place that touches Textual's private ``_bindings``: each node holds its own copy of
    its class's bindings there (``tests/tui/test_textual_private.py`` fails if Textual changes it).
    """
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=describe(b)) if b.description else b for b in bindings]
