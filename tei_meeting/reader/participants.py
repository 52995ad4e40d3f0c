"""``Present:`` / ``Participants:`` / ``PARTICIPANTS:`` blocks: who took part, with names and roles.

A block is a heading line, then entries, one per line or separated by ``;`` (or by commas when
every part is a bare name), optionally grouped under side headings ("On the Soviet side:",
"Chinese side:", "For the USSR:"). An entry is a name, then optionally a role after a comma, a
tab, three or more spaces or a dash ("J. V. Stalin, Chairman of the Council of People's
Commissars"; "Molotov<TAB>People's Commissar for Foreign Affairs").

The block stays in the body as written (the TEI writer makes it a ``list`` of names and roles),
and each name becomes a person of the record, with its role and side, who is listed even if they
never speak. The block may run over several paragraphs (a heading paragraph, then one per side);
it is read as one block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Inline, PersonName, RoleName, Span, Text
from .source import Chunk, SourceText

HEADING = re.compile(
    r"^(?P<heading>(?:Present|PRESENT|Participants|PARTICIPANTS|Persons [Pp]resent|PERSONS PRESENT|Also [Pp]resent|"
    r"In [Aa]ttendance|Attending)(?:[ \t]*:|[ \t]*$|[ \t]*(?=\n)))"
)
SIDE = re.compile(
    r"^(?P<heading>(?:(?:On|ON|For|FOR|From|FROM)[ \t]+(?:the|THE)[ \t]+(?P<side1>[\w'’\- ]{1,40}?)[ \t]+(?:side|Side|SIDE)"
    r"|(?P<side2>[A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-]*)?)[ \t]+(?:side|Side|SIDE|participants|Participants|PARTICIPANTS|delegation|Delegation|DELEGATION)"
    r"|(?:For|FOR)[ \t]+(?:the[ \t]+)?(?P<side3>[A-Z][\w.'’\- ]{1,40}?))[ \t]*:)"
)
_NAME_PART = r"(?:[A-Z][\w'’\-]*\.?|(?:[A-Z]\.){2,3}|\[[A-Z][a-z][^\[\]\n]*\]|de|da|van|von|der|al|bin|ibn|la|le)"
NAME_LIKE = re.compile(rf"^{_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,5}}$")
#: Words of offices and functions: a part made of them is a role, not a person.
ROLE_WORDS = {
    "interpreter", "translator", "chairman", "secretary", "minister", "ambassador", "premier",
    "president", "adviser", "advisor", "counselor", "counsellor", "deputy", "head", "director",
    "chief", "commissar", "member", "aide", "assistant", "attache", "attaché", "consul", "envoy",
    "officer", "staff", "notetaker", "note-taker", "stenographer", "delegate", "representative",
}
_ROLE_SEPARATOR = re.compile(r",[ \t]*|\t+[ \t]*|[ \t]{3,}|[ \t]+[-–—][ \t]+")


def is_heading(text: str) -> bool:
    return HEADING.match(text) is not None


def side_heading(line: str) -> re.Match[str] | None:
    return SIDE.match(line)


@dataclass(frozen=True)
class Entry:
    """One entry: its chunk and, if a name was recognised, the name's and role's places in it."""

    chunk: Chunk
    name: tuple[int, int] | None
    role: tuple[int, int] | None


@dataclass(frozen=True)
class Group:
    heading: Chunk | None
    side: str | None
    entries: list[Entry]


@dataclass(frozen=True)
class Block:
    heading: Chunk | None
    groups: list[Group]
    span: Span


def block_length(chunks: list[Chunk], start: int) -> int:
    """How many paragraphs from ``start`` the block covers (0 if no block starts there)."""
    if not is_heading(chunks[start].text):
        return 0
    end = start + 1
    only_heading = HEADING.match(chunks[start].text).end() >= len(chunks[start].text.rstrip())
    if only_heading:
        # "PARTICIPANTS" alone: the names are in the next paragraph (unless a turn starts there).
        from .labels import colon_label

        if end >= len(chunks) or colon_label(chunks[end].text):
            return 0
        end += 1
    while end < len(chunks) and side_heading(chunks[end].text):
        end += 1
    return end - start


def read_block(chunks: list[Chunk], source: SourceText) -> Block:
    """The block in ``chunks`` (as delimited by ``block_length``)."""
    first = chunks[0]
    match = HEADING.match(first.text)
    heading = first.sub(0, match.end()).strip()
    lines = first.sub(match.end()).lines()
    for chunk in chunks[1:]:
        lines.extend(chunk.lines())
    groups: list[Group] = []
    current = Group(None, None, [])
    # Each ";"-separated piece is read on its own: the text rule gives each back on a line of its own.
    pieces = [piece for line in lines for piece in _semicolon_pieces(line)]
    for line in pieces:
        side = side_heading(line.text)
        if side:
            if current.heading is not None or current.entries:
                groups.append(current)
            name = side.group("side1") or side.group("side2") or side.group("side3")
            current = Group(line.sub(0, side.end()), " ".join(name.split()), [])
            rest = line.sub(side.end()).strip()
            if rest.text:
                current.entries.extend(_entries(rest))
            continue
        current.entries.extend(_entries(line))
    if current.heading is not None or current.entries:
        groups.append(current)
    return Block(heading, groups, source.span(first.start, chunks[-1].end))




def _semicolon_pieces(line: Chunk) -> list[Chunk]:
    """The parts of a line between semicolons, each keeping its ';'."""
    pieces: list[Chunk] = []
    position = 0
    for match in re.finditer(r";", line.text):
        pieces.append(line.sub(position, match.end()).strip())
        position = match.end()
    pieces.append(line.sub(position).strip())
    return [p for p in pieces if p.text]


def _entries(line: Chunk) -> list[Entry]:
    """Entries of one piece of a line: one, or several where commas separate bare names."""
    pieces: list[Chunk] = []
    if ";" in line.text:
        pieces.append(line)
    else:
        parts = [p.strip() for p in line.text.rstrip(".").split(",")]
        if len(parts) > 1 and all(_is_name(p) for p in parts):
            position = 0
            for match in re.finditer(r",", line.text):
                pieces.append(line.sub(position, match.end()).strip())
                position = match.end()
            pieces.append(line.sub(position).strip())
        else:
            pieces.append(line)
    return [_entry(p) for p in pieces if p.text]


def _entry(chunk: Chunk) -> Entry:
    text = chunk.text
    trail = len(text) - len(text.rstrip(";.,"))
    body = text[: len(text) - trail] if trail else text
    separator = _ROLE_SEPARATOR.search(body)
    name_end = separator.start() if separator else len(body)
    name = body[:name_end].strip()
    from .labels import _balanced

    if not name or not NAME_LIKE.match(name) or name.strip(".").casefold() in ROLE_WORDS or not _balanced(name):
        return Entry(chunk, None, None)
    role = (separator.end(), len(body)) if separator and separator.end() < len(body) else None
    return Entry(chunk, (0, len(name)), role)


def _is_name(text: str) -> bool:
    """A bare name: capitalised words (and particles), not only words of offices ("Interpreter")."""
    if not text or not NAME_LIKE.match(text):
        return False
    words = {w.strip(".").casefold() for w in text.split()}
    return not words <= ROLE_WORDS | {"the", "of"}


def entry_nodes(entry: Entry, person: str | None, source: SourceText, name_nodes) -> tuple[Inline, ...]:
    """An entry as inline nodes: the name (linked to ``person``), the text between, the role, the rest.

    ``name_nodes`` reads the name's own text into inline nodes (editorial brackets in it)."""
    chunk = entry.chunk
    nodes: list[Inline] = []
    position = 0

    def text(upto: int) -> None:
        nonlocal position
        if upto > position:
            nodes.append(Text(chunk.text[position:upto], source.span(chunk.start + position)))
        position = max(position, upto)

    if entry.name and person:
        start, end = entry.name
        piece = chunk.sub(start, end)
        nodes.append(PersonName(piece.text, person, source.span(piece.start, piece.end), name_nodes(piece)))
        position = end
    if entry.role:
        start, end = entry.role
        text(start)
        nodes.append(RoleName(chunk.text[start:end], source.span(chunk.start + start, chunk.start + end)))
        position = end
    text(len(chunk.text))
    return tuple(nodes)
