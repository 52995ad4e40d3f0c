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
from dataclasses import dataclass, field

from ..diagnostics import Reporter
from ..model import (
    Argument,
    Field,
    NoteList,
    Opener,
    ParticipantEntry,
    ParticipantGroup,
    ParticipantList,
    PlaceName,
    RecordNote,
    Block,
    BodyPart,
    Dateline,
    DateExpr,
    Inline,
    InlineQuote,
    InlineStage,
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
from . import participants
from .dates import find_date, find_time
from .heading import field_line, note_kind
from .inline import CLOSING_QUOTES, InlineReader, stage_type
from .labels import COLON_LABEL, MID_LINE_LABEL, LabelPolicy, colon_label, is_structure_word, sentence_ends_before
from .notes import NoteEntries, find_markers, find_note_list
from .persons import Personography, PersonRegistry, participant_id  # noqa: F401  (participant_id: earlier API)
from .source import Chunk, SourceText

# Kept for callers of the earlier API: a label is now found by ``labels.LabelPolicy``.
SPEAKER_LABEL = COLON_LABEL

_QUOTE_MARK = re.compile('["“”]')
_CLOSING_MARK = re.compile("[" + re.escape(CLOSING_QUOTES) + "]")
STANDALONE_STAGE = re.compile(r"^\((?P<inner>[^()]{1,300})\)[.!]?$", re.S)
NUMBERED_POINT = re.compile(r"^(?P<label>\(?(?P<number>\d{1,3})\))[ \t]+(?=\S)")

@dataclass
class _RawTurn:
    label: str
    speaker: int  # a person key of the registry until ids are given; then the id
    span: Span
    paragraphs: list[Chunk]
    label_chunk: Chunk | None = None


@dataclass
class _OpenQuotation:
    number: int
    speaker: str
    span: Span
    members: list[tuple[int, int, int, int]] = field(default_factory=list)
    suspended: bool = False


def speaker_label(text: str) -> re.Match[str] | None:
    """A ``Name:`` label at the start of ``text`` (structure words such as ``Note:`` excluded)."""
    match = COLON_LABEL.match(text)
    if match and not is_structure_word(match.group("name")):
        return match
    return None


class BodyReader:
    """Reads the record (everything after the preamble) into body parts and participants."""

    def __init__(self, source: SourceText, reporter: Reporter, personography: Personography | None = None) -> None:
        self.source = source
        self.reporter = reporter
        self._numbers = itertools.count(1)
        self.inline = InlineReader(source, reporter, self._numbers)
        self.persons = PersonRegistry(reporter, personography)
        self._last_list: tuple[str, int, int] | None = None  # speaker, last number, sequence
        self._sequences = itertools.count(1)
        self.subjects: list[Field] = []
        self.has_turns = False
        self.has_participants_block = False

    def read(self, chunks: list[Chunk]) -> tuple[tuple[BodyPart, ...], tuple[Participant, ...], Setting]:
        chunks, note_list = self._notes(chunks)
        blocks = self._participant_blocks(chunks)
        policy = LabelPolicy([c.text for c in chunks], known=self.persons.known_label)
        chunks = self._split_mid_line(chunks, policy, blocks)
        blocks = _reindex(blocks, chunks)
        front, turns, trailing = self._turns(chunks, policy, blocks)
        self._check_similar(turns)
        self.persons.finish()
        for turn in turns:
            turn.speaker = self.persons.id(turn.speaker)
        self.has_turns = bool(turns)
        quotations = self._quotations(turns)
        body, setting = self._front(front)
        for index, turn in enumerate(turns):
            blocks_of_turn = self._blocks(turn.paragraphs, quotations, turn.speaker, index)
            after: list[BodyPart] = []
            # Stage directions standing after the last words of a turn are not part of the speech:
            # they go between the turns, where TEI drama puts them.
            while len(blocks_of_turn) > 1 and isinstance(blocks_of_turn[-1], StageDirection) and any(
                not isinstance(b, StageDirection) for b in blocks_of_turn[:-1]
            ):
                after.insert(0, blocks_of_turn.pop())
            if not blocks_of_turn:
                self.reporter.warning("empty-turn", f"the turn of {turn.label!r} has no words", turn.span)
            label_nodes = tuple(self.inline.brackets(turn.label_chunk)) if turn.label_chunk is not None else ()
            body.append(Turn(turn.speaker, turn.label, tuple(blocks_of_turn), turn.span, label_nodes))
            body.extend(after)
        for chunk, kind in trailing:
            body.append(RecordNote(kind, chunk.text, self.source.span(chunk.start, chunk.end)))
        if note_list is not None:
            heading = note_list.heading
            span = self.source.span(heading.start, heading.end) if heading else Span(0, 0, 0, 0)
            body.append(NoteList(heading.text if heading else None, span))
        return tuple(body), self.persons.participants(), setting

    # --- footnotes --------------------------------------------------------------------------

    def _notes(self, chunks: list[Chunk]) -> tuple[list[Chunk], NoteEntries | None]:
        """Take the note list off the end of the record and tell the inline reader where its markers are."""
        found = find_note_list(chunks)
        if found is None:
            return chunks, None
        record = chunks[: found.first_chunk]
        markers = find_markers(record, found, self.source, self.reporter)
        if markers is None or not record:
            return chunks, None
        self.inline.set_notes(markers, found.texts)
        for marker in markers.values():
            if marker.glued:
                self.reporter.info("note-marker-glued", f"'{self.source.text[marker.start - 12 if marker.start > 12 else 0 : marker.end]}': the glued {marker.n!r} is taken as the marker of note {marker.n}", self.source.span(marker.start))
        return record, found

    # --- participants blocks ------------------------------------------------------------------

    def _participant_blocks(self, chunks: list[Chunk]) -> dict[int, tuple[int, participants.Block]]:
        """Participants blocks before the first turn, by their first paragraph: (length, block).
        Their persons are registered first, in the block's order, so that labels find them."""
        found: dict[int, tuple[int, participants.Block]] = {}
        index = 0
        while index < len(chunks):
            if colon_label(chunks[index].text):
                break
            length = participants.block_length(chunks, index)
            if length:
                block = participants.read_block(chunks[index : index + length], self.source)
                if not block.groups:
                    index += 1
                    continue
                found[index] = (length, block)
                self.has_participants_block = True
                for group in block.groups:
                    for entry in group.entries:
                        if entry.name:
                            name = entry.chunk.text[entry.name[0] : entry.name[1]]
                            role = entry.chunk.text[entry.role[0] : entry.role[1]] if entry.role else None
                            span = self.source.span(entry.chunk.start, entry.chunk.end)
                            self.persons.listed(name, span, role, group.side)
                index += length
            else:
                index += 1
        return found

    # --- labels in the middle of a line -------------------------------------------------------

    def _split_mid_line(self, chunks: list[Chunk], policy: LabelPolicy, skip: set[int]) -> list[Chunk]:
        """Labels inside a paragraph, after a sentence end ("... Good. Stalin: Then go.").

        A paragraph with two or more of them is a body that lost its paragraph breaks (a PDF
        export): it is split at each (``label-split``, info). A single one is only reported
        (``label-mid-paragraph``): it may be a quoted exchange; a new paragraph makes it a turn.
        Labels count when they are known (labels at paragraph starts, a participants block) or
        recur in the middle of lines at least twice; structure words and quotations are skipped.
        """
        result: list[Chunk] = []
        covered = {i + k for i, (length, _) in skip.items() for k in range(length)}
        for index, chunk in enumerate(chunks):
            found, doubtful = [], []
            if index not in covered:
                own = policy.label_at_start(chunk.text)
                for match in MID_LINE_LABEL.finditer(chunk.text, own.end if own else 0):
                    name = match.group("name")
                    if (
                        is_structure_word(name)
                        or _inside_quotation(chunk.text, match.start("name"))
                        or not sentence_ends_before(chunk.text, match.start())
                    ):
                        continue
                    (found if policy.mid_line_known(name) else doubtful).append(match)
            if len(found) == 1:
                match = found[0]
                label = chunk.text[match.start("name") : match.end()].rstrip()
                self.reporter.warning(
                    "label-mid-paragraph",
                    f"possible speaker label {label!r} inside a paragraph; start a new paragraph there if a new turn begins",
                    self.source.span(chunk.start + match.start("name")),
                )
            if len(found) < 2:
                result.append(chunk)
                continue
            for match in doubtful:
                # In a body that lost its breaks, an unknown "Name:" after a sentence is in doubt.
                self.reporter.warning(
                    "label-mid-paragraph",
                    f"possible speaker label {match.group('name') + ':'!r} inside a paragraph is not a known speaker; "
                    "kept as text (start a new paragraph there if a new turn begins)",
                    self.source.span(chunk.start + match.start("name")),
                )
            position = 0
            for match in found:
                self.reporter.info(
                    "label-split",
                    f"a new turn is started at the label {match.group('name')!r} in the middle of a line",
                    self.source.span(chunk.start + match.start("name")),
                )
                result.append(chunk.sub(position, match.start()).strip())
                position = match.start("name")
            result.append(chunk.sub(position).strip())
        return [c for c in result if c.text]

    # --- pass 1: turns ---------------------------------------------------------------------

    def _turns(self, chunks: list[Chunk], policy: LabelPolicy, blocks) -> tuple[list, list[_RawTurn], list]:
        """Front items (before the first turn), turns, and trailing stamps or shelfmarks."""
        front: list = []
        turns: list[_RawTurn] = []
        trailing: list[tuple[Chunk, str]] = []
        # Stamps and archival lines at the very end are not the last speaker's words.
        end = len(chunks)
        while end > 0 and note_kind(chunks[end - 1].text) and not colon_label(chunks[end - 1].text):
            end -= 1
        trailing = [(c, note_kind(c.text)) for c in chunks[end:]]
        index = 0
        while index < end:
            chunk = chunks[index]
            if index in blocks:
                length, block = blocks[index]
                front.append(("participants", block))
                index += length
                continue
            index += 1
            label = policy.label_at_start(chunk.text)
            if label is None:
                if turns:
                    turns[-1].paragraphs.append(chunk)
                else:
                    front.append(("paragraph", chunk))
                continue
            span = self.source.span(chunk.start, chunk.start + len(label.label))
            speaker = self.persons.speaker(label.name, span, label.affiliation)
            if label.kind != "colon":
                self.reporter.info("label-" + label.kind, f"{label.label!r} is taken as a speaker label", span)
            rest = chunk.sub(label.end).strip()
            label_chunk = chunk.sub(0, len(label.label)) if "[" in label.label else None
            turns.append(_RawTurn(label.label, speaker, span, [rest] if rest.text else [], label_chunk))
        return front, turns, trailing

    def _check_similar(self, turns: list[_RawTurn]) -> None:
        """A speaker whose name looks like a more frequent speaker's ("Stallin", "Stalin") may be a typo.
        They stay two persons (merging would guess); the rarer one is reported."""
        counts: dict[int, int] = {}
        for turn in turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        for key, count, name, span in self.persons.speaking(counts):
            for other, other_count, other_name, _ in self.persons.speaking(counts):
                if count < other_count and difflib.SequenceMatcher(None, name.lower(), other_name.lower()).ratio() >= 0.8:
                    self.reporter.warning(
                        "similar-speaker",
                        f"speaker {name!r} ({count} turns) looks like {other_name!r} ({other_count} turns); is it a typo?",
                        span,
                    )
                    break

    # --- the record's front: heading lines, stamps, participants, narrative ---------------------

    def _front(self, front: list) -> tuple[list[BodyPart], Setting]:
        """Body parts before the first turn. Heading lines (dateline, Date/Location/Subject) become
        openers while nothing but headings and notes precede them: TEI puts them at the top of the div."""
        body: list[BodyPart] = []
        setting = Setting()
        top = True
        first = True  # the dateline is the first line of the record (stamps aside)
        for kind, item in front:
            if kind == "participants":
                body.append(self._participant_list(item))
                top = False
                continue
            chunk = item
            stamp = note_kind(chunk.text)
            if stamp:
                note = RecordNote(stamp, chunk.text, self.source.span(chunk.start, chunk.end))
                # At the top of the record a stamp is one of the opening lines (TEI: a note in an opener).
                body.append(Opener((note,), note.span) if top else note)
                continue
            opener = self._opener(chunk, first=first) if top else None
            first = False
            if opener is not None:
                body.append(opener)
                setting = _merge_setting(setting, opener)
                continue
            top = False
            if (found := self._heading_fields(chunk)) is not None:
                # A heading line after the top of the record: kept as a paragraph, its values still go to the header.
                setting = _merge_setting(setting, found)
            body.extend(self._blocks([chunk], {}, None, 0))
        return body, setting

    def _opener(self, chunk: Chunk, first: bool) -> Opener | None:
        found = find_date(chunk.text) if first else None
        if found is not None and found.start == 0:
            dateline = self._dateline(chunk)
            return Opener((dateline,), dateline.span)
        return self._heading_fields(chunk)

    def _heading_fields(self, chunk: Chunk) -> Opener | None:
        """``Date and Time: ...`` / ``Location: ...`` / ``Subject: ...`` lines, one paragraph."""
        lines = chunk.lines()
        if not lines or field_line(lines[0].text) is None:
            return None
        # A line that is not a field continues the field before it (a subject over two lines).
        groups: list[tuple[str, int, Chunk]] = []
        for line in lines:
            found = field_line(line.text)
            if found:
                groups.append((found[0], found[1], line))
            else:
                kind, value_at, previous = groups[-1]
                groups[-1] = (kind, value_at, chunk.sub(previous.start - chunk.start, line.end - chunk.start))
        parts = []
        for kind, value_at, line in groups:
            span = self.source.span(line.start, line.end)
            label = Text(line.text[:value_at], self.source.span(line.start))
            value = line.sub(value_at)
            if kind == "about":
                self.subjects.append(Field(value.text, self.source.span(value.start, value.end)))
                parts.append(Argument((label, *self.inline.read(value)), span))
            elif kind == "where":
                parts.append(Dateline((label, PlaceName(value.text, self.source.span(value.start, value.end))), span))
            else:
                parts.append(Dateline((label, *self._when(value)), span))
        return Opener(tuple(parts), self.source.span(chunk.start, chunk.end))

    def _participant_list(self, block: participants.Block) -> ParticipantList:
        def names(piece: Chunk):
            nodes = tuple(self.inline.brackets(piece))
            return nodes if any(not isinstance(n, Text) for n in nodes) else ()

        groups = []
        for group in block.groups:
            entries = []
            for entry in group.entries:
                person = None
                if entry.name:
                    person = self.persons.id(self.persons.listed_key(entry.chunk.text[entry.name[0] : entry.name[1]]))
                span = self.source.span(entry.chunk.start, entry.chunk.end)
                entries.append(ParticipantEntry(participants.entry_nodes(entry, person, self.source, names), span))
            label = None
            if group.heading is not None:
                label = (Text(group.heading.text, self.source.span(group.heading.start)),)
            span = self.source.span(group.heading.start if group.heading else block.span.start)
            groups.append(ParticipantGroup(label, tuple(entries), span))
        heading = (Text(block.heading.text, self.source.span(block.heading.start)),) if block.heading and block.heading.text else None
        return ParticipantList(heading, tuple(groups), block.span)

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
        if chunk.text[:1] in "[*":
            # "*Stalin laughs*" or "[At this point [Gorbachev and Deng] shook hands]." alone in a paragraph.
            nodes = self.inline.read(chunk)
            if nodes and isinstance(nodes[0], InlineStage) and (
                len(nodes) == 1 or (len(nodes) == 2 and isinstance(nodes[1], Text) and nodes[1].text in {".", "!"})
            ):
                children = ()
                if nodes[0].children:
                    children = nodes[0].children + tuple(nodes[1:])
                return StageDirection(chunk.text, span, nodes[0].kind, children)
            return Paragraph(nodes, span)
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
        return Dateline(tuple(self._when(chunk)), self.source.span(chunk.start, chunk.end))

    def _when(self, chunk: Chunk) -> list[Inline]:
        """A date and a time (or range) as written, with their ISO values; the rest as inline text."""
        nodes: list[Inline] = []
        position = 0
        date = find_date(chunk.text)
        if date is not None:
            if date.start:
                nodes.append(Text(chunk.text[: date.start], self.source.span(chunk.start)))
            nodes.append(DateExpr(chunk.text[date.start : date.end], date.iso, self.source.span(chunk.start + date.start, chunk.start + date.end)))
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
        return nodes




def _reindex(blocks: dict, chunks: list[Chunk]) -> dict:
    """Participants blocks by their first paragraph's new index (after splitting, indexes move)."""
    starts = {c.start: i for i, c in enumerate(chunks)}
    return {starts[block.span.start]: (length, block) for _, (length, block) in blocks.items() if block.span.start in starts}


def _inside_quotation(text: str, position: int) -> bool:
    """Whether ``position`` is inside an open quotation (an odd number of marks before it)."""
    return _unclosed_opening(text[:position]) is not None


def _merge_setting(setting: Setting, opener: Opener) -> Setting:
    from dataclasses import replace

    for line in opener.lines:
        for node in line.children:
            if isinstance(node, DateExpr) and setting.date is None:
                setting = replace(setting, date=node.when)
            elif isinstance(node, TimeExpr) and setting.start is None:
                setting = replace(setting, start=node.start or node.when, end=node.end)
            elif isinstance(node, PlaceName) and setting.place is None:
                setting = replace(setting, place=node.text)
    return setting


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
