"""Transcript text -> ``Meeting``. Only understands text; knows nothing of TEI or XML.

``read`` is the whole reader on one screen: decode, split into paragraphs, read the archive
preamble, read the record. Doubts are reported to the ``Reporter`` with the transcript's line and
column; input that cannot become a record raises ``ConversionError``.
"""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Reporter
from ..model import Meeting, Opener
from .body import BodyReader
from .given import apply_metadata, check_metadata
from .persons import Personography
from .preamble import PreambleReader
from .source import SourceText, paragraphs
from .text_input import clean, decode

__all__ = ["read", "decode"]


def read(
    text: str,
    source: str = "<string>",
    reporter: Reporter | None = None,
    *,
    metadata: dict[str, str] | None = None,
    persons: Personography | None = None,
) -> Meeting:
    """Read a transcript into a ``Meeting``; diagnostics go to ``reporter`` (a new one if None).

    ``metadata`` (title, date, language; see ``given.KEYS``) is what the user says about the record
    where the transcript does not; ``persons`` a personography that gives persons their ids.
    """
    reporter = reporter or Reporter(source)
    given = check_metadata(metadata or {}, source)
    text = clean(text, reporter)
    positions = SourceText(text, source)
    chunks = paragraphs(text)
    if not chunks:
        raise reporter.error("empty", "the transcript is empty")
    found, body_start = PreambleReader(positions, reporter, quiet=bool(given)).read(chunks)
    body_reader = BodyReader(positions, reporter, persons)
    body, participants, setting = body_reader.read(chunks[body_start:])
    if body_reader.subjects:
        found = replace(found, subject=tuple(body_reader.subjects))
    found = apply_metadata(found, given)
    if not body_reader.has_turns:
        # A record without labels is a narrative memorandum ("Stalin asked ... Soong replied ..."),
        # if something says it is a record: a preamble, a participants block, heading lines, or the user.
        recognised = body_start > 0 or body_reader.has_participants_block or given or any(isinstance(p, Opener) for p in body)
        if not recognised:
            at = positions.span(chunks[body_start].start) if body_start < len(chunks) else None
            raise reporter.error(
                "no-turns",
                "no speaker turns found: a turn starts with a label such as 'Stalin:' at the start of a paragraph",
                at,
            )
        reporter.info("narrative", "no speaker labels: the record is encoded as narrative paragraphs", positions.span(chunks[min(body_start, len(chunks) - 1)].start))
    if given.get("date") and setting.date is None:
        setting = replace(setting, date=found.given_date)
    return Meeting(source, found, participants, body, setting)
