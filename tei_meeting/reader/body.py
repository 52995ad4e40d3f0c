"""The record itself: speaker turns, stage directions, numbered points and long quotations.

Reading goes in three passes over the paragraphs, each simple on its own:

1. *turns*: a paragraph that starts with a speaker label (``Stalin: ...``) opens a turn; the
   unlabelled paragraphs after it belong to that turn (a sentence broken over two paragraphs
   stays with its speaker). Paragraphs before the first label are the front (the dateline).
2. *quotations*: a quotation mark that is not closed in its paragraph opens a quotation that runs
   over the speaker's following paragraphs until the closing mark. When other speakers interrupt,
   the quotation is suspended; when its speaker goes on, the first paragraph of the new turn
   answers the interruption (a short answer such as "Yes." may be followed by more of the
   quotation in the same paragraph) and the quotation resumes after it, as a new linked part.
3. *blocks*: each paragraph becomes a stage direction, a numbered point or a paragraph; numbered
   points are grouped into lists, and a list interrupted by other speakers is linked to its
   continuation when the numbering goes on.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from ..diagnostics import Reporter
from ..model import (
    Block,
    BodyPart,
    Dateline,
    DateExpr,
    Inline,
    InlineQuote,
    ItemList,
    ListItem,
    Paragraph,
    Participant,
    QuoteBlock,
    Setting,
    Span,
    StageDirection,
    Text,
    TimeExpr,
    Turn,
)
from .dates import find_date, find_time
from .inline import CLOSING_QUOTES, InlineReader, stage_type
from .source import Chunk, SourceText

_NAME_WORD = r"(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|da|van|von|der|al|bin|ibn|la|le)"
SPEAKER_LABEL = re.compile(
    rf"^(?P<label>{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_PARTICLE})){{0,3}})[ \t]*:(?=\s|$)"
)
#: Words that look like labels but introduce structure, not speech.
NOT_SPEAKERS = {
    "note", "notes", "re", "subject", "present", "participants", "date", "time", "place",
    "location", "from", "to", "cc", "attachment", "enclosure", "source", "summary", "citation",
    "contents", "question", "answer", "agenda", "ps", "p.s.",
}

_QUOTE_MARK = re.compile('["“”]')
_CLOSING_MARK = re.compile("[" + re.escape(CLOSING_QUOTES) + "]")
STANDALONE_STAGE = re.compile(r"^\((?P<inner>[^()]{1,300})\)[.!]?$", re.S)
NUMBERED_POINT = re.compile(r"^(?P<label>\(?(?P<number>\d{1,3})\))[ \t]+(?=\S)")

@dataclass
class _RawTurn:
    label: str
    speaker: str
    span: Span
    paragraphs: list[Chunk]


@dataclass
class _OpenQuotation:
    number: int
    speaker: str
    span: Span
    members: list[tuple[int, int, int, int]] = field(default_factory=list)
    suspended: bool = False


def speaker_label(text: str) -> re.Match[str] | None:
    match = SPEAKER_LABEL.match(text)
    if match and match.group("label").lower() not in NOT_SPEAKERS:
        return match
    return None


def participant_id(label: str) -> str:
    """A stable XML id from a label: ASCII, lower case, words joined by hyphens ("T. V. Soong" -> "t-v-soong")."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = "person-" + slug if slug else "person"
    return slug


class BodyReader:
    def __init__(self, source: SourceText, reporter: Reporter) -> None:
        self.source = source
        self.reporter = reporter
        self._numbers = itertools.count(1)
        self.inline = InlineReader(source, reporter, self._numbers)
        self.participants: dict[str, Participant] = {}
        self._last_list: tuple[str, int, int] | None = None  # speaker, last number, sequence
        self._sequences = itertools.count(1)

    def read(self, chunks: list[Chunk]) -> tuple[tuple[BodyPart, ...], tuple[Participant, ...], Setting]:
        front, turns = self._turns(chunks)
        self._check_labels(turns)
        quotations = self._quotations(turns)
        body: list[BodyPart] = []
        setting = Setting()
        for index, chunk in enumerate(front):
            # Only the record's first line can be its dateline: TEI puts it at the top of the div.
            found = find_date(chunk.text) if index == 0 else None
            if found is not None and found.start == 0:
                dateline = self._dateline(chunk)
                setting = _setting(dateline)
                body.append(dateline)
            else:
                body.extend(self._blocks([chunk], {}, None, 0))
        for index, turn in enumerate(turns):
            blocks = self._blocks(turn.paragraphs, quotations, turn.speaker, index)
            trailing: list[BodyPart] = []
            # Stage directions standing after the last words of a turn are not part of the speech:
            # they go between the turns, where TEI drama puts them.
            while len(blocks) > 1 and isinstance(blocks[-1], StageDirection) and any(
                not isinstance(b, StageDirection) for b in blocks[:-1]
            ):
                trailing.insert(0, blocks.pop())
            if not blocks:
                self.reporter.warning("empty-turn", f"the turn of {turn.label!r} has no words", turn.span)
            body.append(Turn(turn.speaker, turn.label, tuple(blocks), turn.span))
            body.extend(trailing)
        return tuple(body), tuple(self.participants.values()), setting

    # --- pass 1: turns ---------------------------------------------------------------------

    def _turns(self, chunks: list[Chunk]) -> tuple[list[Chunk], list[_RawTurn]]:
        front: list[Chunk] = []
        turns: list[_RawTurn] = []
        for chunk in chunks:
            match = speaker_label(chunk.text)
            if match is None:
                (turns[-1].paragraphs if turns else front).append(chunk)
                continue
            label = chunk.text[: match.end()]
            span = self.source.span(chunk.start, chunk.start + match.end())
            speaker = self._participant(match.group("label"), span)
            rest = chunk.sub(match.end()).strip()
            turns.append(_RawTurn(label, speaker, span, [rest] if rest.text else []))
        return front, turns

    def _participant(self, name: str, span: Span) -> str:
        key = " ".join(name.split())
        if key not in self.participants:
            base = participant_id(key)
            ident, suffix = base, 2
            taken = {p.id for p in self.participants.values()}
            while ident in taken:
                ident, suffix = f"{base}-{suffix}", suffix + 1
            self.participants[key] = Participant(ident, key, span)
        return self.participants[key].id

    def _check_labels(self, turns: list[_RawTurn]) -> None:
        """Doubts about labels: one that looks like a typo of another, and labels inside paragraphs."""
        counts: dict[str, int] = {}
        for turn in turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        people = list(self.participants.values())
        for person in people:
            for other in people:
                if counts[person.id] < counts[other.id] and difflib.SequenceMatcher(None, person.name.lower(), other.name.lower()).ratio() >= 0.8:
                    self.reporter.warning(
                        "similar-speaker",
                        f"speaker {person.name!r} ({counts[person.id]} turns) looks like {other.name!r} ({counts[other.id]} turns); "
                        "is it a typo?",
                        person.span,
                    )
                    break
        if not self.participants:
            return
        names = "|".join(re.escape(name) for name in sorted(self.participants, key=len, reverse=True))
        inside = re.compile(rf"(?<=[.!?\"”])[ \t]+(?P<label>(?:{names})[ \t]*:)[ \t]")
        for turn in turns:
            for chunk in turn.paragraphs:
                for match in inside.finditer(chunk.text):
                    self.reporter.warning(
                        "label-mid-paragraph",
                        f"possible speaker label {match.group('label')!r} inside a paragraph; "
                        "start a new paragraph there if a new turn begins",
                        self.source.span(chunk.start + match.start("label")),
                    )

    # --- pass 2: quotations over several paragraphs -------------------------------------------

    def _quotations(self, turns: list[_RawTurn]) -> dict[tuple[int, int], tuple[int, int, int]]:
        """Where multi-paragraph quotations lie: (turn, paragraph) -> (start, end, quotation number)."""
        found: dict[tuple[int, int], tuple[int, int, int]] = {}
        current: _OpenQuotation | None = None
        for t, turn in enumerate(turns):
            for p, chunk in enumerate(turn.paragraphs):
                text = chunk.text
                if current is None:
                    opening = _unclosed_opening(text)
                    if opening is not None:
                        current = _OpenQuotation(next(self._numbers), turn.speaker, self.source.span(chunk.start + opening))
                        current.members.append((t, p, opening, len(text)))
                    continue
                if turn.speaker != current.speaker:
                    current.suspended = True
                    continue
                begin = 0
                if p == 0:
                    # A new turn of the quoting speaker first answers whoever interrupted.
                    answer_end = _after_short_answer(text)
                    if answer_end is None:
                        continue
                    begin = answer_end
                    self.reporter.info(
                        "quotation-resumed",
                        f"the quotation opened at line {current.span.line} is taken to go on after the short answer {text[:begin].strip()!r}",
                        self.source.span(chunk.start + begin),
                    )
                current.suspended = False
                closing = _first_closing(text, begin)
                if closing is None:
                    current.members.append((t, p, begin, len(text)))
                    continue
                current.members.append((t, p, begin, closing + 1))
                if text[closing + 1 :].strip():
                    self.reporter.info("quotation-ends-inside", "the quotation ends inside this paragraph", self.source.span(chunk.start + closing))
                for tt, pp, start, end in current.members:
                    found[(tt, pp)] = (start, end, current.number)
                current = None
        if current is not None:
            self.reporter.warning(
                "unclosed-quote",
                "this quotation mark is never closed; the paragraphs after it are not encoded as a quotation",
                current.span,
            )
        return found

    # --- pass 3: blocks ----------------------------------------------------------------------

    def _blocks(self, chunks: list[Chunk], quotations, speaker: str | None, turn_index: int) -> list[Block]:
        blocks: list[Block] = []
        quote: tuple[int, list, Span] | None = None

        def flush() -> None:
            nonlocal quote
            if quote is not None:
                number, members, span = quote
                blocks.append(QuoteBlock(tuple(self._group_lists(members, speaker)), number, span))
                quote = None

        for p, chunk in enumerate(chunks):
            place = quotations.get((turn_index, p)) if speaker is not None else None
            if place is not None and place[0] == 0 and place[1] == len(chunk.text):
                number = place[2]
                if quote is None or quote[0] != number:
                    flush()
                    quote = (number, [], self.source.span(chunk.start, chunk.end))
                quote[1].append(self._block(chunk))
                continue
            flush()
            if place is not None:
                blocks.append(self._partly_quoted(chunk, *place))
            else:
                blocks.append(self._block(chunk))
        flush()
        return self._group_lists(blocks, speaker)

    def _block(self, chunk: Chunk) -> Block | ListItem:
        span = self.source.span(chunk.start, chunk.end)
        stage = STANDALONE_STAGE.match(chunk.text)
        if stage:
            return StageDirection(chunk.text, span, stage_type(stage.group("inner")))
        point = NUMBERED_POINT.match(chunk.text)
        if point:
            rest = chunk.sub(point.end())
            return ListItem(point.group("label"), int(point.group("number")), self.inline.read(rest), span)
        return Paragraph(self.inline.read(chunk, leading_stage=True), span)

    def _partly_quoted(self, chunk: Chunk, start: int, end: int, number: int) -> Paragraph:
        """A paragraph with one part of a long quotation in it ("Yes. <quotation goes on>")."""
        children: list[Inline] = []
        if start:
            children.extend(self.inline.read(chunk.sub(0, start), leading_stage=True))
        inner = chunk.sub(start, end)
        children.append(InlineQuote(self.inline.read(inner), number, self.source.span(inner.start, inner.end)))
        if end < len(chunk.text):
            children.extend(self.inline.read(chunk.sub(end)))
        return Paragraph(tuple(children), self.source.span(chunk.start, chunk.end))

    def _group_lists(self, blocks: list, speaker: str | None) -> list[Block]:
        grouped: list[Block] = []
        items: list[ListItem] = []

        def flush() -> None:
            if not items:
                return
            first = items[0].number
            last = self._last_list
            if last and first > 1 and last[0] == speaker and last[1] == first - 1:
                sequence = last[2]
            else:
                sequence = next(self._sequences)
            span = items[0].span
            grouped.append(ItemList(tuple(items), sequence, span))
            self._last_list = (speaker, items[-1].number, sequence)
            items.clear()

        for block in blocks:
            if isinstance(block, ListItem):
                items.append(block)
            else:
                flush()
                grouped.append(block)
        flush()
        return grouped

    def _dateline(self, chunk: Chunk) -> Dateline:
        nodes: list[Inline] = []
        date = find_date(chunk.text)
        assert date is not None
        nodes.append(DateExpr(chunk.text[date.start : date.end], date.iso, self.source.span(chunk.start, chunk.start + date.end)))
        position = date.end
        time = find_time(chunk.text, position)
        if time:
            if time.start > position:
                nodes.append(Text(chunk.text[position : time.start], self.source.span(chunk.start + position)))
            nodes.append(
                TimeExpr(
                    chunk.text[time.start : time.end],
                    self.source.span(chunk.start + time.start, chunk.start + time.end),
                    when=time.when,
                    start=time.begin,
                    end=time.finish,
                )
            )
            position = time.end
        if position < len(chunk.text):
            nodes.extend(self.inline.read(chunk.sub(position)))
        return Dateline(tuple(nodes), self.source.span(chunk.start, chunk.end))


def _setting(dateline: Dateline) -> Setting:
    date = next((n.when for n in dateline.children if isinstance(n, DateExpr)), None)
    time = next((n for n in dateline.children if isinstance(n, TimeExpr)), None)
    if time is None:
        return Setting(date=date)
    return Setting(date=date, start=time.start or time.when, end=time.end)


def _unclosed_opening(text: str) -> int | None:
    """The position of a quotation mark that opens and is not closed within ``text``."""
    opening = None
    for mark in _QUOTE_MARK.finditer(text):
        index, char = mark.start(), mark.group()
        if char == '"':
            opening = index if opening is None else None
        elif char == "“" and opening is None:
            opening = index
        elif char == "”":
            opening = None
    return opening


def _first_closing(text: str, start: int) -> int | None:
    found = _CLOSING_MARK.search(text, start)
    return None if found is None else found.start()


def _after_short_answer(text: str) -> int | None:
    """Where the rest begins if the paragraph opens with a short answer ("Yes. Chinese Eastern ...")."""
    match = re.match(r"\s*(?P<answer>[^.!?]{1,40}[.!?])\s+(?=\S)", text)
    if match and len(match.group("answer").split()) <= 3:
        return match.end()
    return None
