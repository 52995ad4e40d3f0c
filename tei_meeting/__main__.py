"""``python -m tei_meeting`` runs the command line."""

from .cli import main

main()
