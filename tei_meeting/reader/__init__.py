"""Transcript text -> ``Meeting``. Only understands text; knows nothing of TEI or XML.

``read`` is the whole reader on one screen: decode, split into paragraphs, read the archive
preamble, read the record. Doubts are reported to the ``Reporter`` with the transcript's line and
column; input that cannot become a record raises ``ConversionError``.
"""

from __future__ import annotations

from ..diagnostics import Reporter
from ..model import Meeting
from .body import BodyReader
from .preamble import PreambleReader
from .source import SourceText, paragraphs
from .text_input import clean, decode

__all__ = ["read", "decode"]


def read(text: str, source: str = "<string>", reporter: Reporter | None = None) -> Meeting:
    """Read a transcript into a ``Meeting``; diagnostics go to ``reporter`` (a new one if None)."""
    reporter = reporter or Reporter(source)
    text = clean(text, reporter)
    positions = SourceText(text, source)
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
