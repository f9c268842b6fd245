"""Textual's own words, nb and en: the descriptions of its widgets' keys (shown in the help and
the palette), the command palette's "No matches found", the ctrl+c notice, the theme search.
Part of the one catalogue; :mod:`lederplan.tui.textual_words` maps Textual's English to these.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


TEXTUAL_TEXTS: dict[str, dict[str, str]] = {
    "palette.no_matches": _m("Ingen treff", "Nothing found"),
    "palette.search_themes": _m("Søk etter et fargetema …", "Search for a colour theme …"),
    "key.name.space": _m("mellomrom", "space"),
    "quit.help_title": _m("Vil du avslutte?", "Do you want to quit?"),
    "quit.help": _m(
        "Trykk [b]{key}[/b] for å avslutte lederplan.", "Press [b]{key}[/b] to quit lederplan."
    ),
    "textual.bottom": _m("Til bunnen", "To the bottom"),
    "textual.copy": _m("Kopier", "Copy"),
    "textual.cursor_down": _m("Markøren ned", "Cursor down"),
    "textual.cursor_up": _m("Markøren opp", "Cursor up"),
    "textual.cursor_down_select": _m("Merk nedover", "Select downwards"),
    "textual.cursor_left": _m("Markøren til venstre", "Cursor left"),
    "textual.cursor_left_select": _m("Merk mot venstre", "Select to the left"),
    "textual.cursor_left_word_select": _m("Merk ett ord mot venstre", "Select a word to the left"),
    "textual.cursor_line_end": _m("Til slutten av linjen", "To the end of the line"),
    "textual.cursor_line_end_select": _m(
        "Merk til slutten av linjen", "Select to the end of the line"
    ),
    "textual.cursor_line_start": _m("Til starten av linjen", "To the start of the line"),
    "textual.cursor_line_start_select": _m(
        "Merk til starten av linjen", "Select to the start of the line"
    ),
    "textual.cursor_page_down": _m("En side ned", "One page down"),
    "textual.cursor_page_up": _m("En side opp", "One page up"),
    "textual.cursor_right": _m("Markøren til høyre", "Cursor right"),
    "textual.cursor_right_select": _m("Merk mot høyre", "Select to the right"),
    "textual.cursor_right_word_select": _m("Merk ett ord mot høyre", "Select a word to the right"),
    "textual.cursor_to_next_ancestor": _m("Til neste nivå over", "To the next level up"),
    "textual.cursor_to_next_sibling": _m(
        "Til neste på samme nivå", "To the next on the same level"
    ),
    "textual.cursor_to_parent": _m("Til nivået over", "To the level above"),
    "textual.cursor_to_previous_sibling": _m(
        "Til forrige på samme nivå", "To the previous on the same level"
    ),
    "textual.cursor_up_select": _m("Merk oppover", "Select upwards"),
    "textual.cursor_word_left": _m("Ett ord til venstre", "One word to the left"),
    "textual.cursor_word_right": _m("Ett ord til høyre", "One word to the right"),
    "textual.cut": _m("Klipp ut", "Cut"),
    "textual.cut_selected_text": _m("Klipp ut merket tekst", "Cut the selected text"),
    "textual.delete_all_to_the_left": _m("Slett alt til venstre", "Delete everything to the left"),
    "textual.delete_all_to_the_right": _m("Slett alt til høyre", "Delete everything to the right"),
    "textual.delete_character_left": _m(
        "Slett tegnet til venstre", "Delete the character to the left"
    ),
    "textual.delete_character_right": _m(
        "Slett tegnet til høyre", "Delete the character to the right"
    ),
    "textual.delete_left_to_start_of_word": _m(
        "Slett til starten av ordet", "Delete to the start of the word"
    ),
    "textual.delete_line": _m("Slett linjen", "Delete the line"),
    "textual.delete_right_to_start_of_word": _m("Slett til neste ord", "Delete to the next word"),
    "textual.delete_to_line_end": _m(
        "Slett til slutten av linjen", "Delete to the end of the line"
    ),
    "textual.delete_to_line_start": _m(
        "Slett til starten av linjen", "Delete to the start of the line"
    ),
    "textual.dismiss_menu": _m("Lukk menyen", "Close the menu"),
    "textual.down": _m("Ned", "Down"),
    "textual.end": _m("Til slutten", "To the end"),
    "textual.exit_the_command_palette": _m("Lukk kommandopaletten", "Close the command palette"),
    "textual.expand_or_collapse_all": _m("Vis eller skjul alle", "Expand or collapse all"),
    "textual.first": _m("Første", "First"),
    "textual.go_to_bottom": _m("Til bunnen", "To the bottom"),
    "textual.go_to_end": _m("Til slutten", "To the end"),
    "textual.go_to_start": _m("Til starten", "To the start"),
    "textual.go_to_top": _m("Til toppen", "To the top"),
    "textual.home": _m("Til starten", "To the start"),
    "textual.last": _m("Siste", "Last"),
    "textual.move_cursor_left": _m("Markøren til venstre", "Cursor left"),
    "textual.move_cursor_left_a_word": _m("Ett ord til venstre", "One word to the left"),
    "textual.move_cursor_left_a_word_and_select": _m(
        "Merk ett ord mot venstre", "Select a word to the left"
    ),
    "textual.move_cursor_left_and_select": _m("Merk mot venstre", "Select to the left"),
    "textual.move_cursor_right_a_word": _m("Ett ord til høyre", "One word to the right"),
    "textual.move_cursor_right_a_word_and_select": _m(
        "Merk ett ord mot høyre", "Select a word to the right"
    ),
    "textual.move_cursor_right_and_select": _m("Merk mot høyre", "Select to the right"),
    "textual.move_cursor_right_or_accept": _m(
        "Markøren til høyre, eller ta forslaget", "Cursor right, or take the suggestion"
    ),
    "textual.next_command": _m("Neste kommando", "Next command"),
    "textual.next_option": _m("Neste valg", "Next option"),
    "textual.next_page": _m("Neste side", "Next page"),
    "textual.next_tab": _m("Neste fane", "Next tab"),
    "textual.open_link": _m("Åpne lenken", "Open the link"),
    "textual.page_down": _m("En side ned", "One page down"),
    "textual.page_left": _m("En side til venstre", "One page to the left"),
    "textual.page_right": _m("En side til høyre", "One page to the right"),
    "textual.page_up": _m("En side opp", "One page up"),
    "textual.paste": _m("Lim inn", "Paste"),
    "textual.paste_text_from_the_clipboard": _m(
        "Lim inn fra utklippstavlen", "Paste from the clipboard"
    ),
    "textual.press_button": _m("Trykk på knappen", "Press the button"),
    "textual.previous_command": _m("Forrige kommando", "Previous command"),
    "textual.previous_option": _m("Forrige valg", "Previous option"),
    "textual.previous_page": _m("Forrige side", "Previous page"),
    "textual.previous_tab": _m("Forrige fane", "Previous tab"),
    "textual.redo": _m("Gjør om igjen", "Redo"),
    "textual.scroll_down": _m("Rull ned", "Scroll down"),
    "textual.scroll_end": _m("Rull til bunnen", "Scroll to the bottom"),
    "textual.scroll_home": _m("Rull til toppen", "Scroll to the top"),
    "textual.scroll_left": _m("Rull til venstre", "Scroll left"),
    "textual.scroll_right": _m("Rull til høyre", "Scroll right"),
    "textual.scroll_up": _m("Rull opp", "Scroll up"),
    "textual.select": _m("Velg", "Choose"),
    "textual.select_all": _m("Merk alt", "Select all"),
    "textual.select_line": _m("Merk linjen", "Select the line"),
    "textual.select_line_end": _m("Merk til slutten av linjen", "Select to the end of the line"),
    "textual.select_line_start": _m(
        "Merk til starten av linjen", "Select to the start of the line"
    ),
    "textual.show_menu": _m("Vis valgene", "Show the choices"),
    "textual.submit": _m("Ferdig", "Done"),
    "textual.toggle": _m("Slå av eller på", "Switch on or off"),
    "textual.toggle_collapsible": _m("Vis eller skjul", "Show or hide"),
    "textual.toggle_option": _m("Velg eller fjern valget", "Tick or untick"),
    "textual.top": _m("Til toppen", "To the top"),
    "textual.undo": _m("Angre", "Undo"),
    "textual.up": _m("Opp", "Up"),
}
