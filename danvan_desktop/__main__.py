"""Run the program with `python -m danvan_desktop`."""

from danvan_desktop.cli import main

raise SystemExit(main())
