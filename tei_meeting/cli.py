"""The ``tei-meeting`` command line: argv, files, stdout/stderr and exit codes, nothing else.

Exit status: 0 done (warnings allowed), 1 the input could not be converted, 2 usage or I/O error.
Problems are printed as ``file:line:col: severity: message [code]``, never as a traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .diagnostics import Reporter, Severity, TeiMeetingError

EXIT_INVALID = 1
EXIT_USAGE = 2


def _print_diagnostics(diagnostics, minimum: Severity) -> None:
    for diagnostic in diagnostics:
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-meeting")
def main() -> None:
    """Turn plain-text records of historical meetings into TEI P5 XML."""


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the TEI here (default: standard output).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing if there are any.")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes about how the text was read.")
def convert(source: str, output: Path | None, strict: bool, verbose: bool) -> None:
    """Convert the transcript SOURCE (a text file, or - for standard input) to TEI.

    The TEI is validated against the project schema before it is written; warnings about the
    transcript are printed to standard error with their line and column.
    """
    from . import convert as convert_text

    name = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        click.echo(f"{name}: error: cannot read: {error.strerror or error} [io]", err=True)
        sys.exit(EXIT_USAGE)
    reporter = Reporter(name)
    try:
        tei = convert_text(data, name, reporter=reporter, strict=strict)
    except TeiMeetingError as error:
        _print_diagnostics([d for d in reporter.diagnostics if d.severity < Severity.ERROR], Severity.INFO if verbose else Severity.WARNING)
        _print_diagnostics(error.diagnostics, Severity.INFO)
        sys.exit(EXIT_INVALID)
    _print_diagnostics(reporter.diagnostics, Severity.INFO if verbose else Severity.WARNING)
    if output is None:
        click.get_binary_stream("stdout").write(tei)
        return
    try:
        write_atomically(output, tei)
    except OSError as error:
        click.echo(f"{output}: error: cannot write: {error.strerror or error} [io]", err=True)
        sys.exit(EXIT_USAGE)
