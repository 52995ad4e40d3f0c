"""``tei-meeting transform``: TEI records to the formats people read and analyse.

A thin layer over ``tei_meeting.transform``: it reads files (through ``xmlsafe.parse_xml``),
chooses the format (``--to``, or the suffix of ``-o``), and writes atomically, so that a failed
transform never leaves an empty or partial file behind.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Severity, TeiMeetingError
from .common import EXIT_INVALID, EXIT_USAGE, emit, print_diagnostics, write_atomically


def _formats():
    from ..transforms import FORMATS

    return FORMATS


def _list_formats() -> None:
    formats = _formats()
    width = max(map(len, formats))
    suffix_width = max(len(spec.suffix) for spec in formats.values())
    for name, spec in formats.items():
        click.echo(f"{name:<{width}}  {spec.suffix:<{suffix_width}}  {spec.description}")


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-t", "--to", "to", metavar="FORMAT", help="Output format (see --list); default: from the suffix of -o.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result for one SOURCE here (default: standard output).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), help="Write one file per TEI record into this directory (needed for several SOURCES or a directory).")
@click.option("--list", "list_formats", is_flag=True, help="List the formats, one a line: name, file suffix, description.")
@click.option("-q", "--quiet", is_flag=True, help="No summary after a directory; only errors.")
def transform(sources, to, output, out_dir, list_formats, quiet) -> None:
    """Transform TEI records to HTML, Markdown, text, tables or other TEI: SOURCES are TEI files,
    directories (walked for *.xml), or - for standard input.

    \b
    tei-meeting transform out/x.xml --to html -o x.html
    tei-meeting transform out/x.xml --to csv            (standard output)
    tei-meeting transform out/ --to md --out-dir site/
    tei-meeting transform --list

    \b
    Exit status: 0 done, 1 some input is not a TEI record that can be transformed,
    2 usage or I/O error.
    """
    if list_formats:
        _list_formats()
        return
    if not sources:
        raise click.UsageError("give a TEI file or directory to transform (or --list for the formats)")
    formats = _formats()
    if to is not None and to not in formats:
        from ..transforms import unknown_format_message

        raise click.UsageError(unknown_format_message(to))
    batch = out_dir is not None or len(sources) > 1 or any(Path(s).is_dir() for s in sources if s != "-")
    if not batch:
        to = to or _format_from_output(output)
        sys.exit(_transform_single(sources[0], to, output))
    if output is not None:
        raise click.UsageError("-o/--output names one file; use --out-dir for several sources or a directory")
    if out_dir is None:
        raise click.UsageError("several sources or a directory need --out-dir DIR")
    if to is None:
        raise click.UsageError(f"a directory needs --to FORMAT (one of: {', '.join(formats)})")
    if "-" in sources:
        raise click.UsageError("standard input (-) can only be transformed on its own")
    sys.exit(_transform_batch([Path(s) for s in sources], to, out_dir, quiet))


def _format_from_output(output: Path | None) -> str:
    from ..transforms import format_for_path

    names = ", ".join(_formats())
    if output is None:
        raise click.UsageError(f"say which format with --to FORMAT (one of: {names})")
    found = format_for_path(output)
    if found is None:
        raise click.UsageError(f"cannot tell the format from {output.name!r}; say it with --to FORMAT (one of: {names})")
    return found


def _read(source: str) -> tuple[bytes | None, str]:
    name = "<stdin>" if source == "-" else source
    try:
        return (sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()), name
    except OSError as error:
        click.echo(f"{name}: error: cannot read: {error.strerror or error} [io]", err=True)
        return None, name


def _run(data: bytes, name: str, to: str) -> bytes | None:
    """The transformed document as UTF-8 bytes, or None after printing why it could not be made."""
    from ..transforms import transform as apply
    from ..xmlsafe import parse_xml

    try:
        return apply(parse_xml(data, name), to=to, source=name).encode("utf-8")
    except TeiMeetingError as error:
        print_diagnostics(error.diagnostics, Severity.INFO)
        return None


def _transform_single(source: str, to: str, output: Path | None) -> int:
    data, name = _read(source)
    if data is None:
        return EXIT_USAGE
    result = _run(data, name, to)
    if result is None:
        return EXIT_INVALID
    return emit(result, output)


def _plan(paths: list[Path], to: str, out_dir: Path) -> list[tuple[Path, Path]]:
    """(TEI file, output file) pairs: a directory's files keep their place below it; outputs already
    in ``out_dir`` (a site built inside the corpus) are not taken as inputs."""
    suffix = _formats()[to].suffix
    out_root = out_dir.resolve()
    pairs: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.xml") if p.is_file() and out_root not in p.resolve().parents)
            pairs.extend((p, out_dir / p.relative_to(path).parent / (_stem(p) + suffix)) for p in found)
        else:
            pairs.append((path, out_dir / (_stem(path) + suffix)))
    return pairs


def _stem(path: Path) -> str:
    return path.name[: -len(".xml")] if path.name.lower().endswith(".xml") else path.stem


def _transform_batch(paths: list[Path], to: str, out_dir: Path, quiet: bool) -> int:
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        click.echo(f"{path}: error: cannot read: No such file or directory [io]", err=True)
    if missing:
        return EXIT_USAGE
    pairs = _plan(paths, to, out_dir)
    if not pairs:
        click.echo(f"error: no TEI files (*.xml) found in {', '.join(map(str, paths))} [no-input]", err=True)
        return EXIT_USAGE
    written = invalid = unwritable = 0
    for source, target in pairs:
        data, name = _read(str(source))
        if data is None:
            unwritable += 1
            continue
        result = _run(data, name, to)
        if result is None:
            invalid += 1
            continue
        try:
            write_atomically(target, result)
        except OSError as error:
            click.echo(f"{target}: error: cannot write: {error.strerror or error} [io]", err=True)
            unwritable += 1
            continue
        written += 1
    if not quiet:
        click.echo(f"{written} written, {invalid + unwritable} failed ({to} in {out_dir})", err=True)
    if unwritable:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else 0
