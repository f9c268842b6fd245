"""Textual's own words in the UI language: the one module that knows which strings Textual
shows by itself, and the one place that reaches into Textual's private parts to replace them.

- The descriptions of Textual's own key bindings (a DataTable's "Select", a scroll
  container's "Scroll Left" …) are in :data:`lederplan.tui.keys.TEXTUAL`, translated by
  :func:`~lederplan.tui.keys.describe` for the help and the palette.
- :class:`Palette`: the command palette, with its own keys and "No matches found" translated,
  and its search field one that applies its keys in the order typed (``compose`` is Textual's,
  with that field in place of ``CommandInput``: ctrl+u "innsikt" in one read left the field
  empty, as Textual runs the field's ctrl+u only after the letters behind it).
  Textual writes that text in the private ``CommandPalette._start_no_matches_countdown``; the
  override keeps Textual's logic and its private names (``_stop_no_matches_countdown``,
  ``_no_matches_timer``, ``_NO_MATCHES``, ``_NO_MATCHES_COUNTDOWN``, ``_list_visible``), which
  ``tests/tui/test_textual_private.py`` checks.
- :class:`TextualWords`: the app's mixin for the rest, through public methods: ctrl+c's "Do you
  want to quit?" notice (``action_help_quit``), the theme search's placeholder
  (``search_themes``) and the one key name that is a word, "space" (``get_key_display``).
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator
from textual.widgets.option_list import Option

from lederplan.i18n import t
from lederplan.tui.keys import localize
from lederplan.tui.widgets.text_fields import KeysInOrder


class SearchField(KeysInOrder, CommandInput):
    """The palette's search field, its own keys (ctrl+u, Backspace, …) in the order typed."""


class Palette(CommandPalette):
    """Textual's command palette, in the UI language."""

    def __init__(self, *, placeholder: str, **kwargs: object) -> None:
        super().__init__(placeholder=placeholder, **kwargs)  # type: ignore[arg-type]
        localize(self)

    def compose(self) -> ComposeResult:
        # Textual 8.2's CommandPalette.compose, with SearchField for CommandInput.
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield SearchField(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with the catalogue's words for "No matches found".
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class TextualWords:
    """The app's side: Textual's notices and prompts said with the catalogue's words. A mixin
    of :class:`~lederplan.tui.app.LederplanApp` (needs the App's ``active_bindings``,
    ``notify``, ``push_screen`` and ``get_key_display``)."""

    def action_help_quit(self) -> None:
        """ctrl+c copies; pressed where there is nothing to copy, say how to quit."""
        for active in self.active_bindings.values():  # type: ignore[attr-defined]
            if active.binding.action in ("quit", "app.quit"):
                key = self.get_key_display(active.binding)  # type: ignore[attr-defined]
                self.notify(t("quit.help", key=key), title=t("quit.help_title"))  # type: ignore[attr-defined]
                return

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key names ("esc", "pgup", "tab" are what the keys say), with "space" in
        the UI language."""
        shown: str = super().get_key_display(binding)  # type: ignore[misc]
        *modifiers, key = shown.split("+")
        caret, name = ("^", key[1:]) if key.startswith("^") else ("", key)
        return "+".join([*modifiers, caret + (t("key.name.space") if name == "space" else name)])

    def search_themes(self) -> None:
        """The theme list in the palette (Textual's, with the catalogue's placeholder)."""
        from textual.theme import ThemeProvider

        self.push_screen(  # type: ignore[attr-defined]
            Palette(providers=[ThemeProvider], placeholder=t("palette.search_themes"))
        )
