"""The document model in the middle of the pipeline.

A transcript is read into a ``Meeting``; the TEI writer turns a ``Meeting`` into TEI. Nothing
else builds TEI and nothing here knows about XML, so the model can be tested, inspected and
extended without lxml (the same split as docutils' doctree or pandoc's AST).

Every node carries the ``Span`` of the source text it came from, so that any later stage can
report a problem at the transcript's line and column. All classes are frozen: stages produce
new models instead of editing shared ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Span:
    """A stretch of the source text: 1-based line and column of its start, and character offsets."""

    line: int
    column: int
    start: int
    end: int


# --- inline nodes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain transcribed text."""

    text: str
    span: Span


@dataclass(frozen=True)
class Supplied:
    """An editor's insertion in square brackets, e.g. ``Chiang [Kai-shek]``: ``text`` is without brackets."""

    text: str
    span: Span


@dataclass(frozen=True)
class Sic:
    """Words the transcript flags with ``[sic]``: ``children`` are the flagged words."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True)
class Gap:
    """An editorial bracket that stands for missing text, e.g. ``[ILLEGIBLE]``; ``reason`` is lower case."""

    reason: str
    span: Span


@dataclass(frozen=True)
class InlineStage:
    """A stage direction inside a paragraph, e.g. ``(Shows map).`` before the words of a turn."""

    text: str
    span: Span
    kind: str | None = None


@dataclass(frozen=True)
class DateExpr:
    """A date as written, with its ISO value (``when``), e.g. "9 July 1945" -> 1945-07-09."""

    text: str
    when: str
    span: Span


@dataclass(frozen=True)
class TimeExpr:
    """A time or time range as written, with ISO values, e.g. "9:00 - 10:40 p.m." -> 21:00:00, 22:40:00."""

    text: str
    span: Span
    when: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class InlineQuote:
    """A quotation inside a paragraph: a whole short one, or one part of a long one (see QuoteBlock)."""

    children: tuple[Inline, ...]
    quotation: int
    span: Span


Inline = Union[Text, Supplied, Sic, Gap, InlineStage, DateExpr, TimeExpr, InlineQuote]


# --- block nodes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a turn (or of the record outside any turn)."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True)
class StageDirection:
    """A paragraph that is only a stage direction, e.g. ``(Stalin laughs).``; ``kind`` is a TEI stage type or None."""

    text: str
    span: Span
    kind: str | None = None


@dataclass(frozen=True)
class ListItem:
    """A numbered point, e.g. ``1) Sovereignty ...``: ``label`` as written ("1)"), ``number`` its value."""

    label: str
    number: int
    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True)
class ItemList:
    """Consecutive numbered points. Points of one list split by other speakers share ``sequence``."""

    items: tuple[ListItem, ...]
    sequence: int
    span: Span


@dataclass(frozen=True)
class QuoteBlock:
    """Paragraphs of a quotation (a telegram read out). Parts of one quotation share ``quotation``."""

    blocks: tuple[Block, ...]
    quotation: int
    span: Span


@dataclass(frozen=True)
class Dateline:
    """The line that dates the record, e.g. "9 July 1945, 9:00 - 10:40 p.m."."""

    children: tuple[Inline, ...]
    span: Span


Block = Union[Paragraph, StageDirection, ItemList, QuoteBlock]


@dataclass(frozen=True)
class Turn:
    """One labelled turn: who speaks (``speaker`` is a Participant id), the label as written, and what is said."""

    speaker: str
    label: str
    blocks: tuple[Block, ...]
    span: Span


BodyPart = Union[Dateline, Paragraph, StageDirection, Turn]


# --- the record and its metadata -----------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    """A person who speaks in the record; ``id`` is stable (derived from the label), ``name`` as written."""

    id: str
    name: str
    span: Span


@dataclass(frozen=True)
class Field:
    """A metadata value as written in the transcript's preamble."""

    text: str
    span: Span


@dataclass(frozen=True)
class CitationPart:
    """A recognised piece of the citation string: ``kind`` (title, date, archive, collection, box,
    folder, repository, contributor), its offsets in the citation text and, for dates, its ISO value."""

    kind: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Citation:
    """The archive's citation, kept whole, with the pieces that were recognised in it."""

    text: str
    parts: tuple[CitationPart, ...]
    span: Span

    def part(self, kind: str) -> CitationPart | None:
        return next((p for p in self.parts if p.kind == kind), None)

    def value(self, kind: str) -> str | None:
        found = self.part(kind)
        return None if found is None else self.text[found.start : found.end]


@dataclass(frozen=True)
class Credit:
    """The credit line, kept whole, and the funder named in it (offsets into ``text``)."""

    text: str
    funder_start: int | None
    funder_end: int | None
    span: Span

    @property
    def funder(self) -> str | None:
        if self.funder_start is None or self.funder_end is None:
            return None
        return self.text[self.funder_start : self.funder_end]


@dataclass(frozen=True)
class Language:
    """A language as named in the transcript and its BCP 47 code (None where it is not known)."""

    name: str
    code: str | None
    span: Span


@dataclass(frozen=True)
class Metadata:
    """What the transcript's preamble says about the record. Absent values stay None."""

    title: Field | None = None
    date: DateExpr | None = None
    citation: Citation | None = None
    url: Field | None = None
    summary: tuple[Field, ...] = ()
    credit: Credit | None = None
    original_languages: tuple[Language, ...] = ()
    contents: tuple[Field, ...] = ()
    transcript_language: Language | None = None


@dataclass(frozen=True)
class Setting:
    """When the meeting took place, normalised from the dateline."""

    date: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Meeting:
    """A whole record: metadata, participants in order of first appearance, and the body."""

    source: str
    metadata: Metadata
    participants: tuple[Participant, ...]
    body: tuple[BodyPart, ...]
    setting: Setting = field(default_factory=Setting)

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(part for part in self.body if isinstance(part, Turn))
