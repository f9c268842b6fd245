"""What the command line prints when something goes wrong: one place for every command."""

from __future__ import annotations

import errno
import sys

from lederplan.domain.text import clean_text
from lederplan.i18n import t


def fail(message: str, code: int = 1) -> int:
    """Print *message* as an error on stderr; return *code*, the exit code for failure (2 for a
    command line that cannot be read, as argparse has it).

    The message is cleaned of escape sequences and control characters: it quotes file names,
    fields and values from files nobody vouches for, and stderr is a terminal.
    """
    print(clean_text(t("error.prefix", message=message)), file=sys.stderr)
    return code


_OS_REASONS = {
    errno.ENOENT: "error.os.not_found",
    errno.EACCES: "error.os.denied",
    errno.EPERM: "error.os.denied",
    errno.EISDIR: "error.os.is_dir",
    errno.ENOTDIR: "error.os.not_dir",
    errno.ENOSPC: "error.os.full",
    errno.EROFS: "error.os.read_only",
}
"""The system's reasons people meet, in the catalogue's words (the C library's are English)."""


def os_failure(error: OSError) -> int:
    """Say *error* (a file that cannot be read or written) in one sentence; return 1."""
    key = _OS_REASONS.get(error.errno or 0)
    reason = t(key) if key else (error.strerror or str(error))
    return fail(t("error.os", path=error.filename or "", reason=reason))
