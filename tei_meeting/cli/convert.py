"""``tei-meeting convert``: transcripts to TEI, one file or a whole corpus."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from ..diagnostics import Reporter, Severity, TeiMeetingError
from .common import EXIT_INVALID, EXIT_USAGE, emit, print_diagnostics


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the TEI of one SOURCE here (default: standard output).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), help="Write one TEI file per transcript into this directory (needed for several SOURCES or a directory).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes for a batch (default: the machine's cores).")
@click.option("--force", is_flag=True, help="Convert every input again, even those whose TEI is up to date.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing for a transcript with warnings.")
@click.option("--encoding", metavar="NAME", help="The transcripts' encoding (default: UTF-8 or a byte order mark; else Windows-1252 with a warning).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; only warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational notes about how the text was read.")
@click.option("--title", help="The record's title, when the transcript has no preamble (or to replace its title).")
@click.option("--date", "date_", metavar="DATE", help="The date of the meeting (1945-07-09), when the transcript does not give it.")
@click.option("--language", metavar="LANG", help="The transcript's language: a code (en) or a name (English).")
@click.option("--metadata", "metadata_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="A sidecar file (.toml or .json) with title, date, language.")
@click.option("--persons", "persons_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="A personography (TEI listPerson .xml, or .csv) giving persons their ids, names, roles and authority ids.")
def convert(sources, output, out_dir, jobs, force, strict, encoding, quiet, verbose, title, date_, language, metadata_file, persons_file) -> None:
    """Convert transcripts to TEI: SOURCES are text files, directories (walked for *.txt), or - for standard input.

    Every TEI file is validated against the project schema before it is written, and written
    through a temporary file, so a failed or interrupted run never leaves a partial file.
    Warnings about a transcript are printed with its line and column.

    \b
    Exit status: 0 all converted (warnings allowed), 1 some input could not be converted,
    2 usage or I/O error.
    """
    minimum = Severity.INFO if verbose else Severity.WARNING
    options = {"encoding": encoding} if encoding else {}
    options.update(_record_options(title, date_, language, metadata_file, persons_file))
    batch = out_dir is not None or len(sources) > 1 or any(Path(s).is_dir() for s in sources if s != "-")
    if not batch:
        sys.exit(_convert_single(sources[0], output, strict, minimum, options))
    if output is not None:
        raise click.UsageError("-o/--output names one file; use --out-dir for several sources or a directory")
    if out_dir is None:
        raise click.UsageError("several sources or a directory need --out-dir DIR")
    if "-" in sources:
        raise click.UsageError("standard input (-) can only be converted on its own")
    workers = jobs or os.cpu_count() or 1
    sys.exit(_convert_batch([Path(s) for s in sources], out_dir, workers, force, strict, quiet, minimum, options))


def _record_options(title, date, language, metadata_file, persons_file) -> dict:
    """``metadata`` and ``persons`` options of ``tei_meeting.convert`` from the command line.
    A bad sidecar or personography file is a usage error (exit 2), reported before any conversion."""
    from ..reader.given import check_metadata, load_metadata_file
    from ..reader.persons import load_personography

    options: dict = {}
    try:
        given = load_metadata_file(metadata_file) if metadata_file else {}
        given.update(check_metadata({"title": title, "date": date, "language": language}, "command line"))
        if given:
            options["metadata"] = given
        if persons_file:
            # Loaded once: workers get the persons themselves, and their repr enters the fingerprint.
            options["persons"] = load_personography(persons_file)
    except TeiMeetingError as error:
        print_diagnostics(error.diagnostics, Severity.INFO)
        sys.exit(EXIT_USAGE)
    return options


def _convert_single(source: str, output: Path | None, strict: bool, minimum: Severity, options: dict) -> int:
    from .. import convert as convert_text

    name = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        click.echo(f"{name}: error: cannot read: {error.strerror or error} [io]", err=True)
        return EXIT_USAGE
    reporter = Reporter(name)
    try:
        tei = convert_text(data, name, reporter=reporter, strict=strict, **options)
    except TeiMeetingError as error:
        print_diagnostics([d for d in reporter.diagnostics if d not in error.diagnostics], minimum)
        print_diagnostics(error.diagnostics, Severity.INFO)
        return EXIT_INVALID
    print_diagnostics(reporter.diagnostics, minimum)
    return emit(tei, output)


def _convert_batch(paths, out_dir: Path, workers: int, force: bool, strict: bool, quiet: bool, minimum: Severity, options: dict) -> int:
    from .. import batch

    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            click.echo(f"{path}: error: cannot read: No such file or directory [io]", err=True)
        return EXIT_USAGE
    try:
        jobs = batch.plan(paths, out_dir)
    except TeiMeetingError as error:
        print_diagnostics(error.diagnostics, Severity.INFO)
        return EXIT_USAGE
    if not jobs:
        click.echo(f"error: no transcripts ({', '.join(batch.TRANSCRIPT_SUFFIXES)}) found in {', '.join(map(str, paths))} [no-input]", err=True)
        return EXIT_USAGE
    manifest = batch.load_manifest(out_dir)
    progress = _Progress(len(jobs), enabled=not quiet and sys.stderr.isatty())
    counts = {"converted": 0, "unchanged": 0, "failed": 0, "unwritable": 0}
    warnings = 0
    options_key = repr(sorted({"strict": strict, **options}.items()))
    outcomes = batch.run(jobs, workers=min(workers, len(jobs)), strict=strict, force=force, manifest=manifest, options=options, options_key=options_key)
    for outcome in outcomes:
        progress.clear()
        failed = outcome.status in {"failed", "unwritable"}
        print_diagnostics(outcome.diagnostics, Severity.INFO if failed else minimum)
        warnings += outcome.warnings
        counts[outcome.status] += 1
        if outcome.status == "converted":
            manifest[outcome.job.key] = outcome.fingerprint
        elif failed:
            manifest.pop(outcome.job.key, None)
        progress.advance()
    progress.clear()
    try:
        batch.save_manifest(out_dir, manifest)
    except OSError as error:
        click.echo(f"{out_dir}: warning: cannot record what was converted: {error.strerror or error} [io]", err=True)
    if not quiet:
        failed = counts["failed"] + counts["unwritable"]
        click.echo(
            f"{counts['converted']} converted, {counts['unchanged']} unchanged, {failed} failed, "
            f"{warnings} warnings ({progress.elapsed():.1f} s)",
            err=True,
        )
    if counts["unwritable"]:
        return EXIT_USAGE
    return EXIT_INVALID if counts["failed"] else 0


class _Progress:
    """One status line on a terminal: files done, rate, time left. Silent elsewhere."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.enabled or (now - self._shown < 0.1 and self.done < self.total):
            return
        self._shown = now
        rate = self.done / max(self.elapsed(), 1e-9)
        left = (self.total - self.done) / rate if rate else 0
        width = 24
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        click.echo(f"\r[{bar}] {self.done}/{self.total}  {rate:.0f} files/s  {left:.0f} s left ", err=True, nl=False)

    def clear(self) -> None:
        if self.enabled and self._shown:
            click.echo("\r\033[K", err=True, nl=False)
