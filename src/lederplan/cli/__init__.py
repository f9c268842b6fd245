"""The command line: argument parsing (:mod:`.main`), the subcommands (:mod:`.commands`),
``lederplan due`` (:mod:`.due`, :mod:`.due_items`) and error output (:mod:`.output`)."""

from lederplan.cli.main import main

__all__ = ["main"]
