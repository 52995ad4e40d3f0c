"""Footnotes: a note list after the record, and the markers in the text that refer to it.

The list is the run of paragraphs at the end of the record whose entries start with a marker:
``[1] text`` (``[a] text``), or, after a heading paragraph ``Notes`` / ``Footnotes`` /
``Endnotes`` (with or without a colon), ``1 text`` or ``1. text``. Several entries may share a
paragraph, one per line.

Markers in the text: ``[1]`` anywhere, and markers glued to a word (``Rusk1``, ``Germanya``, a
superscript lost in the export) where the list confirms them: the markers must occur in the order
of the list, a digit glued to a word of two letters or more, a letter glued to a capitalised word
whose form without the letter occurs elsewhere in the record (``Germany``). A glued digit that the
list does not confirm stays text. Each note is then encoded at its (first) reference point; a list
with a note that nothing refers to is not taken as a note list at all (``note-unreferenced``), so
nothing is lost or misplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Reporter
from .source import Chunk, SourceText

NOTES_HEADING = re.compile(r"^(?:Notes|NOTES|Footnotes|FOOTNOTES|Endnotes|ENDNOTES|Note|NOTE)[ \t]*:?$")
BRACKET_ENTRY = re.compile(r"^\[(?P<n>\d{1,3}|[a-z])\][ \t]*(?=\S)")
PLAIN_ENTRY = re.compile(r"^(?P<n>\d{1,3}|[a-z])(?:[.)][ \t]*|[ \t]+)(?=\S)")


@dataclass(frozen=True)
class Marker:
    """A reference to note ``n`` at ``start``-``end`` (absolute offsets); ``glued`` if stuck to a word."""

    n: str
    start: int
    end: int
    glued: bool


@dataclass(frozen=True)
class NoteEntries:
    """The note list: its heading (if any), the text of each note by number, and where it all was."""

    heading: Chunk | None
    texts: dict[str, Chunk]
    first_chunk: int  # index of the first paragraph of the list (the heading, if any)


def find_note_list(chunks: list[Chunk]) -> NoteEntries | None:
    """The note list at the end of ``chunks``, or None."""
    found, index = _run_from_end(chunks, BRACKET_ENTRY)
    heading = None
    if not found:
        # Plain "1 text" / "1. text" / "a text" entries only count after a Notes heading.
        found, index = _run_from_end(chunks, PLAIN_ENTRY)
        if not found or index == 0 or not NOTES_HEADING.match(chunks[index - 1].text):
            return None
    if index > 0 and NOTES_HEADING.match(chunks[index - 1].text):
        heading = chunks[index - 1]
        index -= 1
    entries: dict[str, Chunk] = {}
    for n, chunk in found:
        if n in entries:
            return None
        entries[n] = chunk
    return NoteEntries(heading, entries, index)


def _run_from_end(chunks: list[Chunk], pattern: re.Pattern[str]) -> tuple[list[tuple[str, Chunk]], int]:
    """The entries of the paragraphs at the end that all start with a marker, and where they begin."""
    found: list[tuple[str, Chunk]] = []
    index = len(chunks)
    while index > 0:
        lines = _entry_lines(chunks[index - 1], pattern)
        if lines is None:
            break
        found[:0] = lines
        index -= 1
    return found, index


def _entry_lines(chunk: Chunk, pattern: re.Pattern[str]) -> list[tuple[str, Chunk]] | None:
    """The entries of a paragraph if every line that starts an entry does, else None."""
    result: list[tuple[str, Chunk]] = []
    position = 0
    for line in chunk.text.split("\n"):
        part = chunk.sub(position, position + len(line))
        position += len(line) + 1
        match = pattern.match(part.text.strip())
        if match:
            stripped = part.strip()
            result.append((match.group("n"), stripped.sub(match.end()).strip()))
        elif result and part.text.strip():
            last_n, last = result[-1]
            result[-1] = (last_n, Chunk(chunk.text[last.start - chunk.start : part.end - chunk.start], last.start).strip())
        else:
            return None
    return result or None


def find_markers(chunks: list[Chunk], notes: NoteEntries, source: SourceText, reporter: Reporter) -> dict[int, Marker] | None:
    """Markers in ``chunks`` (the record before the list), by start offset; None if a note has no marker."""
    order = list(notes.texts)
    markers: dict[int, Marker] = {}
    whole = source.text
    # Bracketed markers first: [1] anywhere in the record, the first reference to each note.
    seen: set[str] = set()
    from .participants import is_heading, side_heading

    # A participants block is not read for inline markup: a marker there would lose its note.
    from .heading import field_line

    # Nor are the heading's field lines ("Location: ...").
    chunks = [c for c in chunks if not (is_heading(c.text) or side_heading(c.text) or field_line(c.text))]
    for chunk in chunks:
        for match in re.finditer(r"\[(\d{1,3}|[a-z])\]", chunk.text):
            n = match.group(1)
            if n in notes.texts and n not in seen:
                seen.add(n)
                start = chunk.start + match.start()
                markers[start] = Marker(n, start, chunk.start + match.end(), False)
    # Glued markers for the rest, in the list's order.
    position = 0
    body_end = chunks[-1].end if chunks else 0
    for n in order:
        if n in seen:
            continue
        found = _glued(whole, n, position, body_end, chunks)
        if found is None:
            reporter.warning(
                "note-unreferenced",
                f"note {n} of the note list is referred to nowhere in the record; the list is kept as text",
                source.span(notes.texts[n].start),
            )
            return None
        markers[found] = Marker(n, found, found + len(n), True)
        position = found + len(n)
        seen.add(n)
    return markers


def _glued(text: str, n: str, position: int, end: int, chunks: list[Chunk]) -> int | None:
    if n.isdigit():
        pattern = re.compile(rf"(?<=[^\W\d_]{{2}})(?<!\d){re.escape(n)}(?=[\s.,;:!?)\"”’]|$)")
        match = pattern.search(text, position, end)
        return match.start() if match and _inside(match.start(), chunks) else None
    pattern = re.compile(rf"\b(?P<word>[A-Z][^\W\d_]{{2,}}){re.escape(n)}(?=[\s.,;:!?)\"”’]|$)")
    for match in pattern.finditer(text, position, end):
        word = match.group("word")
        if re.search(rf"\b{re.escape(word)}\b", text[:end]) and _inside(match.start(), chunks):
            return match.end("word")
    return None


def _inside(offset: int, chunks: list[Chunk]) -> bool:
    return any(c.start <= offset < c.end for c in chunks)
