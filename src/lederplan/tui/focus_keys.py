"""Tab and shift+Tab (and Enter in a form that goes field by field) move the focus as the key
arrives, before the keys typed behind it go on.

Textual moves the focus on Tab with the screen's binding, which runs only once the key has gone
from the focused field up through its parents: the keys of the same read (tmux's send-keys, a
slow SSH link, a fast typist) had been handed to the old field meanwhile. In the plan's heading,
Tab Tab "i dag" in one read wrote "i dag" over the person's name. Here the app runs that same
move as a priority binding, when it takes the key and before it hands on the next one; where
the focused widget or a parent has a Tab of its own (the målkort's cell editor saves and opens
the next cell), the binding stands aside and the key goes there as ever.

Enter does the same in a field of a container that says so (``ENTER_NEXT_FIELD``, the heading's
form): "Kari" Enter "Ola" in one read put "Ola" over the name, as the focus moved only when the
field's Submitted message came; in the last field Enter is the field's own (it saves).

The chain of bindings is read from ``Screen._modal_binding_chain``, guarded in
``test_textual_private``.
"""

from __future__ import annotations

from textual.app import App, ScreenStackError
from textual.binding import Binding
from textual.widget import Widget

from lederplan.tui.widgets.text_fields import Input

FOCUS_MOVES = {
    "tab": ("focus_next", "app.focus_next"),
    "shift+tab": ("focus_previous", "app.focus_previous"),
}


class FocusAtOnceApp(App[str | None]):
    """An app whose plain Tab and shift+Tab move the focus in the order the keys came."""

    BINDINGS = [
        Binding("tab", "focus_at_once('tab')", "key.focus_next", show=False, priority=True),
        Binding(
            "shift+tab",
            "focus_at_once('shift+tab')",
            "key.focus_previous",
            show=False,
            priority=True,
        ),
        Binding("enter", "next_field_at_once", "key.focus_next", show=False, priority=True),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_at_once":
            return moves_focus(self, str(parameters[0]))
        if action == "next_field_at_once":
            return self._next_field() is not None
        return True

    def _next_field(self) -> Widget | None:
        """The field after the focused one in a form that Enter goes through field by field
        (None: not in such a form, or in its last field)."""
        field = self.focused
        if not isinstance(field, Input):
            return None
        form = next(
            (node for node in field.ancestors if getattr(node, "ENTER_NEXT_FIELD", 0)), None
        )
        if not isinstance(form, Widget):
            return None
        fields = list(form.query(Input))
        place = fields.index(field) if field in fields else len(fields)
        return fields[place + 1] if place + 1 < len(fields) else None

    def action_next_field_at_once(self) -> None:
        field = self._next_field()
        if field is not None:
            self.set_focus(field)

    def action_focus_at_once(self, key: str) -> None:
        if key == "tab":
            self.screen.focus_next()
        else:
            self.screen.focus_previous()


def moves_focus(app: App[object], key: str) -> bool:
    """Whether *key* would do no more than move the focus: the first binding for it from the
    focused widget up (not counting priority ones) is Textual's focus_next / focus_previous."""
    try:
        chain = app.screen._modal_binding_chain
    except ScreenStackError:  # no screen yet, or the last one closing: as Textual sends it
        return False
    for _namespace, bindings in chain:
        for binding in bindings.key_to_bindings.get(key, ()):
            if not binding.priority:
                return binding.action in FOCUS_MOVES[key]
    return False
