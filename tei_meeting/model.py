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


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text: 1-based line and column of its start, and character offsets."""

    line: int
    column: int
    start: int
    end: int


# --- inline nodes -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Plain transcribed text."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Supplied:
    """An editor's insertion in square brackets, e.g. ``Chiang [Kai-shek]``: ``text`` is without brackets."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Sic:
    """Words the transcript flags with ``[sic]``: ``children`` are the flagged words."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Gap:
    """An editorial bracket that stands for missing text, e.g. ``[ILLEGIBLE]``; ``reason`` is lower case.

    ``description`` keeps the words of a bracket that is not a known keyword ("INAUDIBLE WORDS?");
    ``rend`` says how an omission was marked ("ellipsis" for ``[…]``; None for ``[...]``)."""

    reason: str | None
    span: Span
    description: str | None = None
    rend: str | None = None


@dataclass(frozen=True, slots=True)
class InlineStage:
    """A stage direction inside a paragraph, e.g. ``(Shows map).`` before the words of a turn.

    ``children`` (when given) hold editorial brackets inside it (``[At this point [Deng] ...]``);
    otherwise ``text`` is the whole of it."""

    text: str
    span: Span
    kind: str | None = None
    children: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date as written, with its ISO value (``when``), e.g. "9 July 1945" -> 1945-07-09."""

    text: str
    when: str
    span: Span


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time or time range as written, with ISO values, e.g. "9:00 - 10:40 p.m." -> 21:00:00, 22:40:00."""

    text: str
    span: Span
    when: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class InlineQuote:
    """A quotation inside a paragraph: a whole short one, or one part of a long one (see QuoteBlock)."""

    children: tuple[Inline, ...]
    quotation: int
    span: Span


@dataclass(frozen=True, slots=True)
class Unclear:
    """Words the transcript doubts: ``word [?]`` (the editors' mark, ``mark`` "[?]") or ``word (?)``
    (``mark`` "(?)"); ``children`` are the doubted words, the mark is given back by the text rule."""

    children: tuple[Inline, ...]
    mark: str
    span: Span


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place named in a ``Location:`` or ``PLACE:`` line, as written."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person named in a participants block, linked to a participant id."""

    text: str
    person: str
    span: Span
    children: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleName:
    """A person's role or office as written in a participants block ("Chairman of the Council")."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote at its reference point: ``n`` as written in the marker, the note's text moved here
    from the note list after the record. ``glued`` for a marker stuck to a word ("Germany1")."""

    n: str
    children: tuple[Inline, ...]
    glued: bool
    span: Span


Inline = Union[
    Text, Supplied, Sic, Gap, InlineStage, DateExpr, TimeExpr, InlineQuote, Unclear, PlaceName, PersonName,
    RoleName, Footnote,
]


# --- block nodes --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a turn (or of the record outside any turn)."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class StageDirection:
    """A paragraph that is only a stage direction, e.g. ``(Stalin laughs).``; ``kind`` is a TEI stage type or None.

    ``children`` (when given) hold editorial brackets inside it; otherwise ``text`` is all of it."""

    text: str
    span: Span
    kind: str | None = None
    children: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class ListItem:
    """A numbered point, e.g. ``1) Sovereignty ...``: ``label`` as written ("1)"), ``number`` its value."""

    label: str
    number: int
    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ItemList:
    """Consecutive numbered points. Points of one list split by other speakers share ``sequence``."""

    items: tuple[ListItem, ...]
    sequence: int
    span: Span


@dataclass(frozen=True, slots=True)
class QuoteBlock:
    """Paragraphs of a quotation (a telegram read out). Parts of one quotation share ``quotation``."""

    blocks: tuple[Block, ...]
    quotation: int
    span: Span


@dataclass(frozen=True, slots=True)
class Dateline:
    """The line that dates the record, e.g. "9 July 1945, 9:00 - 10:40 p.m.", or a line of the record's
    heading that says when or where ("Date and Time: ...", "Location: ...")."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Argument:
    """A ``Subject:`` line of the record's heading: what the meeting was about, as written."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Opener:
    """The heading lines of the record that stood in one paragraph (datelines and subject lines), or
    a stamp above them."""

    lines: tuple[Union[Dateline, Argument, RecordNote], ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ParticipantEntry:
    """One line (or ``;``-separated part of one) of a participants block: names and roles as written."""

    children: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ParticipantGroup:
    """The entries under a side's heading ("On the Soviet side:"); ``label`` None before any heading."""

    label: tuple[Inline, ...] | None
    entries: tuple[ParticipantEntry, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ParticipantList:
    """A ``Present:`` / ``Participants:`` block kept in the body: its heading and its groups of entries."""

    heading: tuple[Inline, ...] | None
    groups: tuple[ParticipantGroup, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class RecordNote:
    """A line that is neither speech nor narrative: a classification stamp ("TOP SECRET", kind
    "classification") or an archival reference ("RGANI. Collection 52 ...", kind "archival")."""

    kind: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class NoteList:
    """Where the record's note list stood (after the record); ``heading`` as written ("Notes:") or None.
    The notes themselves are ``Footnote`` nodes at their reference points."""

    heading: str | None
    span: Span


Block = Union[Paragraph, StageDirection, ItemList, QuoteBlock]


@dataclass(frozen=True, slots=True)
class Turn:
    """One labelled turn: who speaks (``speaker`` is a Participant id), the label as written, and what is said.

    ``label_nodes`` is the label as inline nodes when it holds editorial brackets ("[Joseph] Stalin:");
    empty when the label is plain text."""

    speaker: str
    label: str
    blocks: tuple[Block, ...]
    span: Span
    label_nodes: tuple[Inline, ...] = ()


BodyPart = Union[Dateline, Opener, ParticipantList, RecordNote, NoteList, Paragraph, StageDirection, Turn]


# --- the record and its metadata -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuthorityId:
    """An identifier of a person in an authority file (``kind`` "VIAF", "Wikidata", ...)."""

    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class Participant:
    """A person of the record; ``id`` is stable (derived from the first label's full form, or given by
    a personography), ``name`` the fullest form known (editorial supplements without brackets).

    ``forms`` are the other ways the record names the person; ``roles`` and ``affiliation`` come
    from a participants block or a personography; ``speaks`` is False for those who are only listed."""

    id: str
    name: str
    span: Span
    forms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    authority: tuple[AuthorityId, ...] = ()
    speaks: bool = True


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value as written in the transcript's preamble."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class CitationPart:
    """A recognised piece of the citation string: ``kind`` (title, date, archive, collection, box,
    folder, repository, contributor), its offsets in the citation text and, for dates, its ISO value."""

    kind: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Language:
    """A language as named in the transcript and its BCP 47 code (None where it is not known)."""

    name: str
    code: str | None
    span: Span


@dataclass(frozen=True, slots=True)
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
    #: Given by the user (options or a sidecar file), not by the transcript: the text rule does not write them.
    given_title: str | None = None
    given_date: str | None = None
    given_language: str | None = None
    subject: tuple[Field, ...] = ()


@dataclass(frozen=True, slots=True)
class Setting:
    """When and where the meeting took place, normalised from the dateline or the record's heading."""

    date: str | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
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
