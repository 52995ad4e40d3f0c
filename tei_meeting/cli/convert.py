"""``tei-meeting convert``: transcripts to TEI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Reporter, Severity, TeiMeetingError
from .common import EXIT_INVALID, EXIT_USAGE, print_diagnostics, write_atomically


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the TEI here (default: standard output).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing if there are any.")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes about how the text was read.")
def convert(source: str, output: Path | None, strict: bool, verbose: bool) -> None:
    """Convert the transcript SOURCE (a text file, or - for standard input) to TEI.

    The TEI is validated against the project schema before it is written; warnings about the
    transcript are printed to standard error with their line and column.
    """
    from .. import convert as convert_text

    name = "<stdin>" if source == "-" else source
    minimum = Severity.INFO if verbose else Severity.WARNING
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        click.echo(f"{name}: error: cannot read: {error.strerror or error} [io]", err=True)
        sys.exit(EXIT_USAGE)
    reporter = Reporter(name)
    try:
        tei = convert_text(data, name, reporter=reporter, strict=strict)
    except TeiMeetingError as error:
        print_diagnostics([d for d in reporter.diagnostics if d not in error.diagnostics], minimum)
        print_diagnostics(error.diagnostics, Severity.INFO)
        sys.exit(EXIT_INVALID)
    print_diagnostics(reporter.diagnostics, minimum)
    if output is None:
        click.echo(tei, nl=False)
        return
    try:
        write_atomically(output, tei)
    except OSError as error:
        click.echo(f"{output}: error: cannot write: {error.strerror or error} [io]", err=True)
        sys.exit(EXIT_USAGE)
