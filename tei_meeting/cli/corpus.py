"""``tei-meeting corpus``: TEI documents into one teiCorpus file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Severity, TeiMeetingError
from .common import EXIT_INVALID, EXIT_USAGE, emit, print_diagnostics


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the corpus here (default: standard output).")
@click.option("--title", help="The corpus title (default: 'Corpus of N meeting records').")
def corpus(sources: tuple[Path, ...], output: Path | None, title: str | None) -> None:
    """Combine TEI files (or directories of *.xml) into one teiCorpus with a shared personography."""
    from ..tei.corpus import build_corpus

    files: list[Path] = []
    for source in sources:
        files.extend(sorted(source.rglob("*.xml")) if source.is_dir() else [source])
    if not files:
        click.echo("error: no TEI files (*.xml) found [no-input]", err=True)
        sys.exit(EXIT_USAGE)
    try:
        documents = [(str(f), f.read_bytes()) for f in files]
    except OSError as error:
        click.echo(f"{error.filename}: error: cannot read: {error.strerror} [io]", err=True)
        sys.exit(EXIT_USAGE)
    try:
        data = build_corpus(documents, title)
    except TeiMeetingError as error:
        print_diagnostics(error.diagnostics, Severity.INFO)
        sys.exit(EXIT_INVALID)
    status = emit(data, output)
    if status == 0 and output is not None:
        click.echo(f"{len(documents)} documents -> {output}", err=True)
    sys.exit(status)
