"""What the commands share: printing diagnostics, writing files safely, exit codes."""

from __future__ import annotations

from pathlib import Path

import click

from ..diagnostics import Severity
from ..files import write_atomically  # noqa: F401  (commands import it from here)

EXIT_INVALID = 1
EXIT_USAGE = 2


def print_diagnostics(diagnostics, minimum: Severity = Severity.WARNING) -> None:
    """One line per diagnostic on standard error, ``file:line:col: severity: message [code]``, in line order."""
    for diagnostic in sorted(diagnostics, key=lambda d: (d.file, d.line or 0, d.column or 0)):
        if diagnostic.severity >= minimum:
            click.echo(str(diagnostic), err=True)


def emit(data: bytes, output: Path | None) -> int:
    """The command's result to ``output`` (atomically) or to standard output; the exit status."""
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stdout as they are
        return 0
    try:
        write_atomically(output, data)
    except OSError as error:
        click.echo(f"{output}: error: cannot write: {error.strerror or error} [io]", err=True)
        return EXIT_USAGE
    return 0
