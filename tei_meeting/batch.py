"""Converting many transcripts: worker processes, incremental re-runs, atomic outputs.

A batch is planned (which inputs, which outputs), then run in ``workers`` processes. Each worker
reads its input, decides whether the output is up to date, converts, validates and writes the
output itself (through a temporary file and a rename), and returns only what happened. The
parent prints and counts in input order, so output and report are the same whatever the number
of workers.

A manifest in the output directory (``.tei-meeting-manifest.json``) records, per output, a
fingerprint of its input (SHA-256 of the bytes, the converter version and the options); a re-run
skips inputs whose fingerprint matches and whose output exists, unless forced. The manifest is
written after the files, so an interrupted run converts again rather than trusting a file it may
not have finished.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic, Reporter, Severity, TeiMeetingError
from .files import write_atomically

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
    """What became of one job: converted (and written), unchanged, or failed, with its diagnostics."""

    job: Job
    status: str  # "converted", "unchanged", "failed" (bad input) or "unwritable" (I/O on output)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fingerprint: str = ""

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == Severity.WARNING)


def find_inputs(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(input file, its output path relative to the output directory), in a stable order.

    Directories are walked for transcripts and sorted by name; only names (strings) are held
    while a directory is read, so a walk over a large corpus stays small.
    """
    for path in paths:
        if path.is_dir():
            names = sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in TRANSCRIPT_SUFFIXES and p.is_file())
            for name in names:
                file = Path(name)
                yield file, file.relative_to(path).with_suffix(".xml")
        else:
            yield path, Path(path.name).with_suffix(".xml")


class Plan:
    """The jobs for ``paths`` (files and directories) writing into ``out_dir``, produced lazily.

    Creating the plan walks the inputs once to count them and to refuse two inputs that would
    write the same output (a silent overwrite would lose a record); iterating walks them again
    and yields one ``Job`` at a time, so a corpus of any size costs the parent only a set of
    output names.
    """

    def __init__(self, paths: list[Path], out_dir: Path) -> None:
        self.paths = paths
        self.out_dir = out_dir
        seen: set[str] = set()
        for source, relative in find_inputs(paths):
            key = relative.as_posix()
            if key in seen:
                first = next(s for s, r in find_inputs(paths) if r.as_posix() == key)
                message = f"{source} and {first} would both be written to {out_dir / relative}; rename one"
                raise TeiMeetingError([Diagnostic(Severity.ERROR, "output-clash", message, str(source))])
            seen.add(key)
        self.count = len(seen)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Job]:
        for source, relative in find_inputs(self.paths):
            yield Job(source, self.out_dir / relative, str(source), relative.as_posix())


def plan(paths: list[Path], out_dir: Path) -> Plan:
    """The jobs for ``paths`` writing into ``out_dir`` (see ``Plan``)."""
    return Plan(paths, out_dir)


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
    outputs = data.get("outputs") if isinstance(data, dict) else None
    return dict(outputs) if isinstance(outputs, dict) else {}


def save_manifest(out_dir: Path, entries: dict[str, str]) -> None:

    document = {"converter": f"tei-meeting {__version__}", "outputs": dict(sorted(entries.items()))}
    write_atomically(out_dir / MANIFEST, (json.dumps(document, indent=1) + "\n").encode())


@dataclass(frozen=True)
class _Task:
    job: Job
    known: str | None  # the manifest's fingerprint for this output, if any
    force: bool
    strict: bool
    options: dict
    options_key: str


def _work(task: _Task) -> Outcome:
    """Worker: one input from file to written TEI. Never raises for bad input or I/O."""
    from . import convert

    job = task.job
    try:
        data = job.source.read_bytes()
    except OSError as error:
        return Outcome(job, "failed", [Diagnostic(Severity.ERROR, "io", f"cannot read: {error.strerror or error}", job.name)])
    stamp = fingerprint(data, task.options_key)
    if not task.force and stamp == task.known and job.output.exists():
        return Outcome(job, "unchanged", fingerprint=stamp)
    reporter = Reporter(job.name)
    try:
        tei = convert(data, job.name, reporter=reporter, strict=task.strict, **task.options)
    except TeiMeetingError as error:
        earlier = [d for d in reporter.diagnostics if d not in error.diagnostics]
        return Outcome(job, "failed", earlier + error.diagnostics)
    try:
        write_atomically(job.output, tei)
    except OSError as error:
        problem = Diagnostic(Severity.ERROR, "io", f"cannot write: {error.strerror or error}", str(job.output))
        return Outcome(job, "unwritable", reporter.diagnostics + [problem])
    return Outcome(job, "converted", reporter.diagnostics, stamp)


#: Jobs handed to the worker pool at a time: enough to keep every worker busy, few enough that
#: the parent never holds the whole corpus in its queues.
WINDOW = 512


def run(
    jobs: Iterable[Job],
    *,
    workers: int = 1,
    strict: bool = False,
    force: bool = False,
    options: dict | None = None,
    manifest: dict[str, str] | None = None,
    options_key: str = "",
) -> Iterator[Outcome]:
    """Convert and write ``jobs``, yielding an ``Outcome`` per job in input order.

    ``manifest`` maps output keys to fingerprints of earlier runs; ``options`` are keyword
    arguments of ``tei_meeting.convert`` and ``options_key`` the string that stands for them in
    fingerprints.
    """
    manifest = manifest or {}
    tasks = (_Task(job, manifest.get(job.key), force, strict, options or {}, options_key) for job in jobs)
    if workers <= 1:
        yield from map(_work, tasks)
        return
    with multiprocessing.get_context().Pool(processes=workers) as pool:
        for window in _windows(tasks, WINDOW):
            # Small chunks: at the end of a window no worker waits long for another's last chunk.
            yield from pool.imap(_work, window, chunksize=4)


def _windows(items: Iterable, size: int) -> Iterator[list]:
    window: list = []
    for item in items:
        window.append(item)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window
