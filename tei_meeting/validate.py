"""Validation of TEI bytes against RelaxNG schemas shipped in the package.

We validate the *serialized bytes*, never an in-memory tree: only a parsed document has line
numbers, and a diagnostic without a line is no use to someone fixing a file.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

from lxml import etree

from .diagnostics import Diagnostic, Severity
from .xmlsafe import parse_xml

#: Schemas by name: the project's strict TEI subset, and the official TEI P5 tei_all.
SCHEMAS = {"tei-meeting": "tei-meeting.rng", "tei_all": "tei_all.rng"}


def schema_path(name: str) -> Path:
    """Path of a shipped schema (inside the installed package)."""
    return Path(str(resources.files("tei_meeting.schemas").joinpath(SCHEMAS[name])))


@functools.lru_cache(maxsize=None)
def relaxng(name_or_path: str) -> etree.RelaxNG:
    """The compiled schema, compiled once per process (tei_all takes ~10 s with libxml2)."""
    path = schema_path(name_or_path) if name_or_path in SCHEMAS else Path(name_or_path)
    return etree.RelaxNG(etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False)))


def validate_bytes(data: bytes, source: str = "<bytes>", schema: str = "tei-meeting") -> list[Diagnostic]:
    """All RelaxNG errors of the document, as diagnostics with the document's lines and columns."""
    tree = parse_xml(data, source)
    validator = relaxng(schema)
    if validator.validate(tree):
        return []
    return [
        Diagnostic(Severity.ERROR, "schema", entry.message, source, entry.line, entry.column)
        for entry in validator.error_log
    ]


def validate(document: bytes | str | os.PathLike, schema: str = "tei-meeting") -> list[Diagnostic]:
    """Validate TEI given as bytes or as a path; returns diagnostics and prints nothing."""
    if isinstance(document, bytes):
        return validate_bytes(document, schema=schema)
    path = Path(document)
    return validate_bytes(path.read_bytes(), str(path), schema)
