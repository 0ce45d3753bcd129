"""`python -m reviewmine` runs the command line."""

from .cli import main

main()
