"""Transcript text -> ``Meeting``. Only understands text; knows nothing of TEI or XML.

``read`` is the whole reader on one screen: decode, split into paragraphs, read the archive
preamble, read the record. Doubts are reported to the ``Reporter`` with the transcript's line and
column; input that cannot become a record raises ``ConversionError``.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Meeting
from .body import BodyReader
from .preamble import PreambleReader
from .source import SourceText, paragraphs

__all__ = ["read", "decode"]

# Characters XML 1.0 cannot carry: C0 controls other than tab, newline and carriage return,
# lone surrogates, and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Bytes of a transcript -> text (UTF-8, with or without a byte order mark)."""
    reporter = Reporter(source)
    if b"\x00" in data[:8192]:
        raise reporter.error("not-text", "the file is not a text transcript (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        from ..model import Span

        raise reporter.error(
            "not-utf8",
            f"byte 0x{data[error.start]:02x} at offset {error.start} is not UTF-8; save the transcript as UTF-8",
            Span(line, column, error.start, error.start + 1),
        ) from None


def read(text: str, source: str = "<string>", reporter: Reporter | None = None) -> Meeting:
    """Read a transcript into a ``Meeting``; diagnostics go to ``reporter`` (a new one if None)."""
    reporter = reporter or Reporter(source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    positions = SourceText(text, source)
    bad = _NOT_XML.search(text)
    if bad:
        raise reporter.error(
            "bad-character",
            f"character U+{ord(bad.group(0)):04X} cannot be represented in XML; remove it from the transcript",
            positions.span(bad.start()),
        )
    chunks = paragraphs(text)
    if not chunks:
        raise reporter.error("empty", "the transcript is empty")
    metadata, body_start = PreambleReader(positions, reporter).read(chunks)
    body_reader = BodyReader(positions, reporter)
    body, participants, setting = body_reader.read(chunks[body_start:])
    if not participants:
        at = positions.span(chunks[body_start].start) if body_start < len(chunks) else None
        raise reporter.error(
            "no-turns",
            "no speaker turns found: a turn starts with a label such as 'Stalin:' at the start of a paragraph",
            at,
        )
    return Meeting(source, metadata, participants, body, setting)
