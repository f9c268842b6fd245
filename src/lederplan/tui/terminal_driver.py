"""Textual's Linux driver, letting go of a terminal that has hung up.

When the connection drops (SSH, a closed terminal window, ``tmux kill-session``) the kernel sends
SIGHUP and then SIGCONT. Textual's driver answers SIGCONT by starting application mode again: on a
hung-up terminal ``os.isatty`` is false, so its own check is skipped, and a new output thread is
started that dies on its first write (EIO). The next writes fill that thread's queue, and the
driver's ``close`` waits on the full queue forever: lederplan stayed running, holding the plan's
lock, long after it had saved (``tests/tui/test_hang_up.py``).

This driver only overrides public methods of :class:`LinuxDriver`: once the terminal is gone it
does not start application mode again, and it neither writes to the terminal nor waits for the
output thread. A terminal it never had (stdin not a tty) is not taken for one gone.
"""

from __future__ import annotations

import os

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver


class TerminalDriver(LinuxDriver):
    """The Linux driver, which stops writing once its terminal has hung up."""

    terminal_gone = False
    """Set once the terminal is found gone; never cleared."""
    _had_terminal = False

    def start_application_mode(self) -> None:
        self._had_terminal = os.isatty(self.fileno)
        super().start_application_mode()

    def _check_terminal(self) -> bool:
        """Whether the terminal is still there: a hung-up terminal is no longer a tty (one
        ``ioctl``, cheap beside a frame's write)."""
        if self._had_terminal and not self.terminal_gone and not os.isatty(self.fileno):
            self.terminal_gone = True
        return not self.terminal_gone

    def resume_application_mode(self) -> None:
        if self._check_terminal():
            super().resume_application_mode()

    def write(self, data: str) -> None:
        if self._check_terminal():
            super().write(data)

    def stop_application_mode(self) -> None:
        if self._check_terminal():
            super().stop_application_mode()
        else:
            self.disable_input()

    def close(self) -> None:
        if self._check_terminal():
            super().close()


def driver_for(chosen: type[Driver]) -> type[Driver]:
    """The driver the app runs with: this one where Textual chose its Linux driver (Linux and
    macOS), Textual's choice elsewhere (a driver set with TEXTUAL_DRIVER, the headless one)."""
    return TerminalDriver if chosen is LinuxDriver else chosen
