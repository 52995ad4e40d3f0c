"""``tei-meeting validate``: TEI files against a schema and the rules, reported for people or machines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..diagnostics import Severity, TeiMeetingError
from .common import EXIT_INVALID, EXIT_USAGE

FORMATS = ("text", "json", "github")


def _files(paths: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found.extend(sorted(p for p in path.rglob("*.xml") if p.is_file()) if path.is_dir() else [path])
    return found


def _escape(text: str, properties: bool = False) -> str:
    """GitHub's workflow-command escaping: %, CR, LF always; ':' and ',' inside properties too."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def _github(diagnostic) -> str:
    """A GitHub Actions workflow command, so problems show up on the pull request's lines."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[diagnostic.severity]
    place = f"file={_escape(diagnostic.file, True)}"
    if diagnostic.line:
        place += f",line={diagnostic.line}"
    if diagnostic.column:
        place += f",col={diagnostic.column}"
    return f"::{level} {place},title={_escape(diagnostic.code, True)}::{_escape(diagnostic.message)}"


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--schema", default="tei-meeting", show_default=True, help="tei-meeting (the project's TEI subset), tei_all (official TEI P5), or a path to a RelaxNG .rng file.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="text: one line per problem and a summary; json: machine-readable; github: Actions annotations.")
@click.option("--no-rules", is_flag=True, help="Only the grammar: skip the checks RelaxNG cannot express.")
def validate(paths: tuple[str, ...], schema: str, output_format: str, no_rules: bool) -> None:
    """Validate TEI files (directories are walked for *.xml): grammar and rules, every problem of every file.

    \b
    Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.
    """
    from ..validation import SCHEMAS, relaxng, validate as validate_document

    if schema not in SCHEMAS and not Path(schema).is_file():
        raise click.BadParameter(f"{schema!r} is neither a shipped schema ({', '.join(SCHEMAS)}) nor a file", param_hint="--schema")
    try:
        relaxng(schema)
    except TeiMeetingError as error:
        click.echo(str(error.diagnostics[0]), err=True)
        sys.exit(EXIT_USAGE)
    files = _files(paths)
    if not files:
        click.echo("error: no TEI files (*.xml) found [no-input]", err=True)
        sys.exit(EXIT_USAGE)
    results = []
    unreadable = False
    for file in files:
        try:
            diagnostics = validate_document(file, schema=schema, rules=not no_rules)
        except OSError as error:
            click.echo(f"{file}: error: cannot read: {error.strerror or error} [io]", err=True)
            unreadable = True
            continue
        results.append((file, diagnostics))
    all_diagnostics = [d for _, diagnostics in results for d in diagnostics]
    invalid = [file for file, diagnostics in results if any(d.severity == Severity.ERROR for d in diagnostics)]
    counts = {str(s): sum(1 for d in all_diagnostics if d.severity == s) for s in Severity}
    summary = {"files": len(results), "valid": len(results) - len(invalid), "invalid": len(invalid), **{f"{k}s": v for k, v in counts.items()}}
    if output_format == "json":
        report = {
            "schema": schema,
            "summary": summary,
            "files": [{"file": str(file), "valid": file not in invalid} for file, _ in results],
            "diagnostics": [
                {"file": d.file, "line": d.line, "column": d.column, "severity": str(d.severity), "code": d.code, "message": d.message}
                for d in all_diagnostics
            ],
        }
        click.echo(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        for diagnostic in all_diagnostics:
            click.echo(_github(diagnostic) if output_format == "github" else str(diagnostic))
        if output_format == "text":
            click.echo(
                f"{summary['files']} files: {summary['valid']} valid, {summary['invalid']} invalid; "
                f"{summary['errors']} errors, {summary['warnings']} warnings ({schema})"
            )
    if unreadable:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_INVALID if invalid else 0)
