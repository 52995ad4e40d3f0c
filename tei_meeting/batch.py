"""Converting many transcripts: worker processes, incremental re-runs, atomic outputs.

A batch is planned (which inputs, which outputs, which are already up to date), then converted
in ``jobs`` worker processes. Workers only convert; the parent writes every file (through a
temporary file and a rename) and reports, so output is identical whatever the number of jobs.

A manifest in the output directory (``.tei-meeting-manifest.json``) records, per output, the
SHA-256 of its input and the converter version; a re-run skips inputs whose record matches,
unless forced. The manifest is written after the files, so an interrupted run re-converts
rather than trusting a file it may not have finished.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic, Reporter, Severity, TeiMeetingError

MANIFEST = ".tei-meeting-manifest.json"
TRANSCRIPT_SUFFIXES = (".txt", ".md", ".text")


@dataclass(frozen=True)
class Job:
    """One input and the output it goes to."""

    source: Path
    output: Path
    name: str  # the input as the user named it, for diagnostics
    key: str  # the output relative to the output directory: its name in the manifest


@dataclass
class Outcome:
    job: Job
    tei: bytes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: bool = False
    digest: str = ""

    @property
    def failed(self) -> bool:
        return self.tei is None and not self.skipped

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == Severity.WARNING)


def find_inputs(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(input file, its path relative to the output directory) for files and directories, sorted."""
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES):
                found.append((file, file.relative_to(path).with_suffix(".xml")))
        else:
            found.append((path, Path(path.name).with_suffix(".xml")))
    return found


def plan(paths: list[Path], out_dir: Path) -> list[Job]:
    """The jobs for ``paths`` (files and directories) writing into ``out_dir``.

    Two inputs that would write the same output are an error the caller must fix: a silent
    overwrite would lose a record.
    """
    jobs: list[Job] = []
    seen: dict[Path, Path] = {}
    for source, relative in find_inputs(paths):
        output = out_dir / relative
        if output in seen:
            raise TeiMeetingError(
                [
                    Diagnostic(
                        Severity.ERROR,
                        "output-clash",
                        f"{source} and {seen[output]} would both be written to {output}; rename one",
                        str(source),
                    )
                ]
            )
        seen[output] = source
        jobs.append(Job(source, output, str(source), relative.as_posix()))
    return jobs


def fingerprint(data: bytes, options: str = "") -> str:
    """What decides an output: the input's bytes, the converter version and the options."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{options}".encode())
    return digest.hexdigest()


def load_manifest(out_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("outputs", {}) if isinstance(data, dict) else {}


def save_manifest(out_dir: Path, entries: dict[str, str]) -> None:
    from .cli.common import write_atomically

    document = {"converter": f"tei-meeting {__version__}", "outputs": dict(sorted(entries.items()))}
    write_atomically(out_dir / MANIFEST, (json.dumps(document, indent=1) + "\n").encode())


def _convert_one(arguments: tuple[Job, bool, str, dict]) -> Outcome:
    """Worker: read and convert one input; never raises for bad input."""
    from . import convert

    job, strict, digest, options = arguments
    reporter = Reporter(job.name)
    try:
        data = job.source.read_bytes()
    except OSError as error:
        return Outcome(job, None, [Diagnostic(Severity.ERROR, "io", f"cannot read: {error.strerror or error}", job.name)])
    try:
        tei = convert(data, job.name, reporter=reporter, strict=strict, **options)
    except TeiMeetingError as error:
        earlier = [d for d in reporter.diagnostics if d not in error.diagnostics]
        return Outcome(job, None, earlier + error.diagnostics, digest=digest)
    return Outcome(job, tei, reporter.diagnostics, digest=digest)


def run(
    jobs: list[Job],
    *,
    workers: int = 1,
    strict: bool = False,
    force: bool = False,
    options: dict | None = None,
    manifest: dict[str, str] | None = None,
    options_key: str = "",
) -> Iterator[Outcome]:
    """Convert ``jobs``, yielding an ``Outcome`` per job in input order.

    Jobs whose input fingerprint matches ``manifest`` (and whose output exists) are skipped
    unless ``force``. ``options`` are passed to ``tei_meeting.convert`` (keyword arguments).
    """
    options = options or {}
    manifest = manifest or {}
    pending: list[tuple[Job, bool, str, dict]] = []
    order: list[Job | Outcome] = []
    for job in jobs:
        try:
            digest = fingerprint(job.source.read_bytes(), options_key)
        except OSError:
            digest = ""  # the worker reports the read error
        if not force and digest and manifest.get(job.key) == digest and job.output.exists():
            order.append(Outcome(job, None, skipped=True, digest=digest))
        else:
            pending.append((job, strict, digest, options))
            order.append(job)
    results = _map(_convert_one, pending, workers)
    for item in order:
        yield item if isinstance(item, Outcome) else next(results)


def _map(function, items: list, workers: int) -> Iterator:
    """``map`` in ``workers`` processes (in order), or in this process for one worker or one item."""
    if workers <= 1 or len(items) <= 1:
        return map(function, items)
    pool = multiprocessing.get_context().Pool(processes=workers)
    chunksize = max(1, min(32, len(items) // (workers * 8)))

    def results() -> Iterator:
        try:
            yield from pool.imap(function, items, chunksize=chunksize)
        finally:
            pool.terminate()
            pool.join()

    return results()
