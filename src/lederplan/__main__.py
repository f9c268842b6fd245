"""Allow `python -m lederplan`."""

from lederplan.cli import main

raise SystemExit(main())
