# Copied from /work/shared/bench/bare_textual_app.py (the bare-Textual baseline); reformatted.
"""(c) Minimal Textual app: a single Static 'READY'."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class MinApp(App):
    def compose(self) -> ComposeResult:
        yield Static("READY")


if __name__ == "__main__":
    MinApp().run()
