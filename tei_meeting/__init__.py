"""tei-meeting: plain-text records of historical meetings -> faithful, valid TEI P5.

The pipeline, on one screen (see ``convert``)::

    text --read--> Meeting --write_tei--> TEI tree --serialize--> bytes --validate--> diagnostics
                                                                       --transform--> html, txt, ...
"""

from __future__ import annotations

__version__ = "0.1.0"

import os
from pathlib import Path

from .diagnostics import ConversionError, Diagnostic, Reporter, Severity, TeiMeetingError
from .model import Meeting
from .reader import decode, read

# The XML side (lxml) is imported when first used, so that reading a transcript, or asking the
# command line for --help, does not pay for it (PEP 562 module __getattr__).
_LAZY = {
    "write_tei": "tei",
    "serialize": "tei",
    "transform": "transforms",
    "FORMATS": "transforms",
    "validate": "validation",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tei_meeting' has no attribute {name!r}")

__all__ = [
    "ConversionError",
    "Diagnostic",
    "FORMATS",
    "Meeting",
    "Reporter",
    "Severity",
    "TeiMeetingError",
    "convert",
    "decode",
    "read",
    "serialize",
    "transform",
    "validate",
    "write_tei",
]


def convert(
    text: str | bytes | os.PathLike,
    source: str | None = None,
    *,
    reporter: Reporter | None = None,
    strict: bool = False,
    encoding: str | None = None,
    metadata: dict[str, str] | None = None,
    persons=None,
) -> bytes:
    """Convert a transcript (text, bytes, or a path to a file) to TEI bytes, validated.

    ``metadata`` gives what the transcript does not say (keys title, date, language; see
    ``reader.given``); ``persons`` is a personography (``reader.persons.Personography``, or the path
    of a TEI listPerson or CSV file) that gives persons corpus-wide ids, names, roles and authority ids.

    Warnings go to ``reporter``; with ``strict`` they stop the conversion like errors. Bytes are
    decoded by the rules of ``reader.text_input`` (UTF-8 or a BOM, else Windows-1252 with a
    warning) unless ``encoding`` names the encoding.
    Raises ``ConversionError`` (with diagnostics) for input that cannot be converted.
    """
    if isinstance(text, os.PathLike):
        path = Path(text)
        source = source or str(path)
        text = path.read_bytes()
    source = source or "<string>"
    reporter = reporter or Reporter(source)
    if isinstance(text, bytes):
        text = decode(text, source, encoding=encoding, reporter=reporter)
    from .tei import serialize, write_tei
    from .validation import relaxng, validate_bytes

    if persons is not None and not hasattr(persons, "persons"):
        from .reader.persons import load_personography

        persons = load_personography(persons)
    meeting = read(text, source, reporter, metadata=metadata, persons=persons)
    if strict and reporter.warnings:
        raise ConversionError(reporter.warnings)
    del text  # large inputs: let each stage's data go before the next one's is built
    tree = write_tei(meeting)
    del meeting
    tei = serialize(tree)
    # The tree is checked as it is (no second parse); only if it is invalid are the bytes parsed
    # again, so that each problem is reported with its line in the TEI.
    if not relaxng("tei-meeting").validate(tree):
        raise ConversionError(validate_bytes(tei, source=source))
    return tei
