"""Source text with positions: offsets to line and column, and the paragraphs of a transcript.

Transcripts are paragraphs separated by blank lines. Every later stage works on ``Paragraph``
slices of one ``SourceText`` so that each node it makes can point back at the transcript.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Span

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*(?:\n[ \t\f\v\u00a0]*)+")


class SourceText:
    """The whole transcript as ``str`` and a map from character offsets to 1-based lines and columns."""

    def __init__(self, text: str, name: str = "<string>") -> None:
        self.text = text
        self.name = name
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def span(self, start: int, end: int | None = None) -> Span:
        line = bisect.bisect_right(self._line_starts, start)
        column = start - self._line_starts[line - 1] + 1
        return Span(line, column, start, start if end is None else end)


@dataclass(frozen=True)
class Chunk:
    """A slice of the source: ``text`` equals ``source.text[start:start + len(text)]``."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def sub(self, begin: int, finish: int | None = None) -> Chunk:
        """The part from ``begin`` to ``finish`` (offsets within this chunk)."""
        finish = len(self.text) if finish is None else finish
        return Chunk(self.text[begin:finish], self.start + begin)

    def lines(self) -> list[Chunk]:
        """The chunk's non-empty lines, each stripped, with their offsets."""
        result, position = [], 0
        for line in self.text.split("\n"):
            part = self.sub(position, position + len(line)).strip()
            if part.text:
                result.append(part)
            position += len(line) + 1
        return result

    def strip(self) -> Chunk:
        stripped = self.text.lstrip()
        begin = len(self.text) - len(stripped)
        return Chunk(stripped.rstrip(), self.start + begin)


def paragraphs(text: str) -> list[Chunk]:
    """Split the text at blank lines into stripped, non-empty paragraphs with their offsets."""
    chunks = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        chunks.append(Chunk(text[position : match.start()], position))
        position = match.end()
    chunks.append(Chunk(text[position:], position))
    return [c.strip() for c in chunks if c.text.strip()]
