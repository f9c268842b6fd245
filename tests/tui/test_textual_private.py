"""Guards for each private part of Textual the app relies on, so that a Textual upgrade that
changes one fails here, with its name, and not in a user's terminal.

- ``DOMNode._bindings.key_to_bindings``: :func:`lederplan.tui.keys.localize` translates each
  node's own copy of its bindings there, and :class:`lederplan.tui.widgets.text_fields.KeysInOrder`
  runs a field's own bindings from there.
- ``App._check_bindings(key)``: :func:`lederplan.tui.widgets.text_fields.commands_in_order`
  runs the focus chain's bindings when a key reaches the målkort's table.
- ``CommandPalette.compose`` and its ``_placeholder``: :class:`lederplan.tui.textual_words.Palette`
  composes the same widgets with its own search field.
- ``Widget._forward_event``: the cell editor and the målkort's table hand keys on marked as
  forwarded, so that one nothing binds ends where it goes and is not taken as new typing.
- ``Screen._modal_binding_chain``: :func:`lederplan.tui.focus_keys.moves_focus` reads which
  binding a Tab would run, from the focused widget up.
- ``App._screen_stacks``, ``DOMNode.__watchers`` (set by ``textual.reactive``) and
  ``DOMNode._closing``: :func:`lederplan.tui.watchers.prune_closed_watchers`.
- ``App._css_update_count`` and ``Screen._css_update_count`` (-1 when made):
  :func:`lederplan.tui.styled.styled_as_is` marks a new mode's screen as styled.
- ``CommandPalette._start_no_matches_countdown`` and the names it uses
  (``_stop_no_matches_countdown``, ``_no_matches_timer``, ``_NO_MATCHES``,
  ``_NO_MATCHES_COUNTDOWN``, ``_list_visible``): :class:`lederplan.tui.textual_words.Palette`
  says "No matches found" in the UI language there.
- ``textual.widgets._footer.FooterKey`` and the width of a footer key (Textual's CSS):
  :class:`lederplan.tui.widgets.fitting_footer.FittingFooter`.
- Private handler names Textual calls: ``_watch_<name>`` for a reactive (timeline, målkort,
  feedback list, answers) and ``_on_<event>`` for an event (the feedback list's ``_on_click``).
"""

from __future__ import annotations

import inspect

import textual.reactive
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from lederplan.i18n import set_language, t
from lederplan.tui.keys import localize
from lederplan.tui.styled import styled_as_is
from lederplan.tui.watchers import prune_closed_watchers


class Keyed(Static, can_focus=True):
    BINDINGS = [Binding("z", "zoom", "key.back", id="test.zoom")]

    def __init__(self, translate: bool) -> None:
        super().__init__("keyed")
        if translate:
            localize(self)


def test_each_node_has_its_own_bindings_map() -> None:
    set_language("en")
    translated, plain = Keyed(True), Keyed(False)
    for node in (translated, plain):
        assert isinstance(node._bindings, BindingsMap)
        table = node._bindings.key_to_bindings
        assert isinstance(table, dict) and isinstance(table["z"][0], Binding)
    assert translated._bindings.key_to_bindings["z"][0].description == t("key.back")
    # The class's binding and another node's copy are untouched.
    assert plain._bindings.key_to_bindings["z"][0].description == "key.back"
    assert Keyed._merged_bindings is None or all(
        b.description == "key.back" for b in Keyed._merged_bindings.key_to_bindings["z"]
    )


class KeyedApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Keyed(True)

    def on_mount(self) -> None:
        self.query_one(Keyed).focus()


class ChainApp(App[None]):
    BINDINGS = [Binding("y", "hit('app')", "key.back")]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[str] = []

    def compose(self) -> ComposeResult:
        yield Keyed(True)

    def on_mount(self) -> None:
        self.query_one(Keyed).focus()

    def action_hit(self, where: str) -> None:
        self.hits.append(where)


async def test_check_bindings_runs_the_focus_chains_binding_and_says_so() -> None:
    app = ChainApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        keyed = app.query_one(Keyed)
        keyed.action_zoom = lambda: app.hits.append("widget")  # type: ignore[attr-defined]
        assert await app._check_bindings("z") is True  # the focused widget's own
        assert await app._check_bindings("y") is True  # up the chain: the app's
        assert await app._check_bindings("w") is False  # no binding: nothing ran
        assert app.hits == ["widget", "app"]


async def test_the_modal_binding_chain_runs_from_the_focused_widget_up_to_the_app() -> None:
    app = ChainApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        chain = list(app.screen._modal_binding_chain)
        nodes = [node for node, _ in chain]
        assert nodes[0] is app.query_one(Keyed) and nodes[-1] is app and app.screen in nodes
        first = [b.action for b in chain[0][1].key_to_bindings.get("z", ())]
        screen_tab = dict(chain)[app.screen].key_to_bindings["tab"]
        assert first == ["zoom"] and [b.action for b in screen_tab] == ["app.focus_next"]


async def test_the_palettes_compose_is_textuals_with_the_search_field_in_order() -> None:
    """Palette.compose copies Textual's CommandPalette.compose (tui/textual_words.py): the same
    widgets, ids and classes, with SearchField for CommandInput."""
    from textual.command import CommandInput, CommandPalette

    from lederplan.tui.textual_words import Palette, SearchField

    class Palettes(App[None]):
        pass

    def tree(screen) -> list[tuple[str, str | None, frozenset[str]]]:
        return [
            (
                "CommandInput" if type(w) is SearchField else type(w).__name__,
                w.id,
                frozenset(w.classes),
            )
            for w in screen.walk_children(with_self=False)
        ]

    app = Palettes()
    async with app.run_test() as pilot:
        await app.push_screen(CommandPalette(placeholder="x"))
        await pilot.pause()
        textuals = tree(app.screen)
        app.pop_screen()
        await app.push_screen(Palette(placeholder="x"))
        await pilot.pause()
        assert tree(app.screen) == textuals
        assert isinstance(app.screen.query_one(CommandInput), SearchField)


def test_forward_event_marks_the_event_forwarded_and_posts_it() -> None:
    posted: list[events.Key] = []
    widget = Static()
    widget.post_message = posted.append  # type: ignore[method-assign]
    key = events.Key("z", "z")
    assert not key.is_forwarded
    widget._forward_event(key)
    assert posted == [key] and key.is_forwarded


async def test_a_localized_description_is_what_the_app_shows() -> None:
    set_language("nb")
    app = KeyedApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        active = app.screen.active_bindings["z"]
        assert active.binding.description == t("key.back", "nb")


class Watched(Screen[None]):
    level = reactive(0)

    def compose(self) -> ComposeResult:
        yield Static("watched")


class Watcher(Static):
    def on_mount(self) -> None:
        self.watch(self.screen, "level", self._seen, init=False)

    def _seen(self) -> None:
        pass


class WatchApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Watched())


def test_textual_keeps_watchers_where_the_pruner_looks() -> None:
    source = inspect.getsource(textual.reactive)
    assert 'setattr(obj, "__watchers", {})' in source
    assert 'getattr(obj, f"_watch_{name}", None)' in source  # private watchers are called


async def test_prune_closed_watchers_finds_what_textual_keeps() -> None:
    app = WatchApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        stacks = app._screen_stacks
        assert isinstance(stacks, dict)
        assert any(app.screen in stack for stack in stacks.values())
        screen = app.screen
        watcher = Watcher("w")
        await screen.mount(watcher)
        await pilot.pause()
        entries = getattr(screen, "__watchers")["level"]
        assert [owner for owner, _ in entries] == [watcher]
        assert watcher._closing is False
        await watcher.remove()
        await pilot.pause()
        assert watcher._closing is True
        assert getattr(screen, "__watchers")["level"], "Textual now drops them itself"
        assert prune_closed_watchers(app) == 1
        assert getattr(screen, "__watchers")["level"] == []


class Private(Widget, can_focus=True):
    count = reactive(0)

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def render(self) -> str:
        return "private"

    def _watch_count(self, old: int, new: int) -> None:
        self.seen.append(f"watch {old}->{new}")

    def _on_click(self, event: events.Click) -> None:
        self.seen.append("click")


class PrivateApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Private()


async def test_textual_calls_private_watchers_and_handlers() -> None:
    app = PrivateApp()
    async with app.run_test() as pilot:
        widget = app.query_one(Private)
        widget.count = 2
        await pilot.click(Private)
        await pilot.pause()
        assert widget.seen[-2:] == ["watch 0->2", "click"]  # after the one at mount


class TwoModes(App[None]):
    MODES = {"other": lambda: styled_as_is(Screen())}

    def __init__(self) -> None:
        super().__init__()
        self.css_styled_at = 0


async def test_a_new_screen_carries_a_css_count_that_the_app_compares() -> None:
    assert Screen()._css_update_count == -1  # out of date until marked
    app = TwoModes()
    refreshed: list[int] = []
    original = app.refresh_css
    app.refresh_css = lambda animate=True: (refreshed.append(1), original(animate))[1]  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        assert isinstance(app._css_update_count, int)
        await app.switch_mode("other")
        await pilot.pause()
        assert app.screen._css_update_count == app._css_update_count
        assert refreshed == []


def test_the_palette_writes_no_matches_where_the_override_replaces_it() -> None:
    from textual.command import CommandPalette

    from lederplan.tui.textual_words import Palette

    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert 'Text("No matches found"' in source  # still written there, so still replaced there
    for name in ("_stop_no_matches_countdown", "_no_matches_timer", "_NO_MATCHES", "_list_visible"):
        assert name in source, name
    assert isinstance(CommandPalette._NO_MATCHES, str)
    assert isinstance(CommandPalette._NO_MATCHES_COUNTDOWN, float)
    params = list(inspect.signature(CommandPalette._start_no_matches_countdown).parameters)
    assert params == ["self", "search_value"]
    assert Palette._start_no_matches_countdown is not CommandPalette._start_no_matches_countdown


class PaletteApp(App[None]):
    def action_command_palette(self) -> None:
        from lederplan.tui.textual_words import Palette

        self.push_screen(Palette(placeholder="…"))


async def test_the_palette_says_it_found_nothing_in_the_ui_language() -> None:
    from textual.command import CommandList

    set_language("nb")
    app = PaletteApp()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p", *"zqxjw")
        found = app.screen.query_one(CommandList)
        for _ in range(200):  # until the countdown has run out: no timing assumed
            if found.option_count and found.get_option_at_index(0).disabled:
                break
            await pilot.pause(0.05)
        option = found.get_option_at_index(0)
        assert option.id == app.screen._NO_MATCHES
        assert t("palette.no_matches", "nb") in str(option.prompt.renderable)


class FooterApp(App[None]):
    BINDINGS = [
        Binding("a", "first", "A first key"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "command_palette", "commands", show=False),
    ]

    def compose(self) -> ComposeResult:
        from lederplan.tui.widgets.fitting_footer import FittingFooter

        yield FittingFooter()


async def test_the_footer_keys_take_the_width_the_fitting_footer_counts() -> None:
    """:class:`lederplan.tui.widgets.fitting_footer.FittingFooter` uses ``FooterKey`` (from the
    private ``textual.widgets._footer``, with ``key_display``, ``description``, ``action``) and
    counts each key's width from Textual's CSS for it; both are checked here."""
    from textual.widgets._footer import FooterKey

    from lederplan.tui.widgets.fitting_footer import FittingFooter, key_width

    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert len(keys) == 3  # the two keys and the palette's
        for key in keys:
            assert isinstance(key.key_display, str) and isinstance(key.action, str)
            margin = key.styles.margin
            assert key.outer_size.width + margin.left + margin.right == key_width(key), key
        footer = app.screen.query_one(FittingFooter)
        footer.compact = True
        await pilot.pause()
        for key in app.screen.query(FooterKey):
            margin = key.styles.margin
            assert key.outer_size.width + margin.left + margin.right == key_width(key, True), key
