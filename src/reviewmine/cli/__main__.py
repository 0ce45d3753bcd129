"""`python -m reviewmine.cli` runs the command line."""

from . import main

main()
