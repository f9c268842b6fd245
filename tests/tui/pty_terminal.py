"""lederplan in a real pseudo-terminal: the raw bytes it writes, and the screen they make (pyte).

For the tests that must see what a terminal sees (NO_COLOR's bytes) or do what a terminal does
(hang up), which Textual's headless driver cannot show.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte

COLS, ROWS = 80, 24
WAIT_SECONDS = 120.0
"""Only how long a condition may take before the test gives up: a busy machine makes the test
slower, not red."""


QUIT_SECONDS = 20.0
"""How long the teardown waits for ctrl+q to end the app before it kills it."""


def _controlling_terminal() -> None:
    """In the child, after its new session: make the pty its controlling terminal, as a login or
    an SSH session does, so that closing the pty sends the hang-up a dropped connection sends."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """lederplan in a pty of 80x24: the raw bytes it wrote, and a screen they make."""

    def __init__(self, data_dir: Path, env: dict[str, str]) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        environ = {
            k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "LEDERPLAN_"))
        }
        environ.pop("COLORTERM", None)
        environ |= {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LEDERPLAN_LANG": "nb"}
        environ |= {"LEDERPLAN_DATA_DIR": str(data_dir)} | env
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lederplan"],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=environ,
            start_new_session=True,
            preexec_fn=_controlling_terminal,
        )
        os.close(follower)
        self.raw = bytearray()
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.leader], [], [], timeout)
        if not ready:
            return
        try:
            chunk = os.read(self.leader, 65536)
        except OSError:  # EIO: the app has gone
            chunk = b""
        if not chunk:
            raise AssertionError("lederplan exited")
        self.raw += chunk
        # pyte prints the kitty keyboard protocol's sequences; they set no colour either.
        self.stream.feed(re.sub(rb"\x1b\[[<>=?][0-9;]*u", b"", chunk))

    def until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"never shown: {what}\n" + "\n".join(self.screen.display))
            self._read(0.2)

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.screen.display)

    def reversed_text(self, attribute: str = "reverse") -> str:
        """What the screen shows in reverse (or with another of pyte's attributes)."""
        return "\n".join(
            "".join(
                cell.data if getattr(cell, attribute) else " "
                for cell in (self.screen.buffer[y][x] for x in range(COLS))
            )
            for y in range(ROWS)
        )

    def press(self, keys: bytes) -> None:
        os.write(self.leader, keys)

    def hang_up(self) -> None:
        """Close the terminal's side of the pty: what a dropped SSH connection does."""
        os.close(self.leader)
        self.leader = -1

    def close(self) -> None:
        if self.leader == -1:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            return
        if self.process.poll() is None:
            self.press(b"\x11")  # ctrl+q
            try:
                # Only the teardown's patience: no test's result depends on it (a loaded run
                # once waited the whole two minutes here), and a kill ends it either way.
                self.process.wait(timeout=QUIT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self.leader)
