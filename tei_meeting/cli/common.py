"""What the commands share: printing diagnostics, writing files safely, exit codes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from ..diagnostics import Severity

EXIT_INVALID = 1
EXIT_USAGE = 2


def print_diagnostics(diagnostics, minimum: Severity = Severity.WARNING) -> None:
    """One line per diagnostic on standard error, ``file:line:col: severity: message [code]``, in line order."""
    for diagnostic in sorted(diagnostics, key=lambda d: (d.file, d.line or 0, d.column or 0)):
        if diagnostic.severity >= minimum:
            click.echo(str(diagnostic), err=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
