"""Inline reading: editorial brackets, ``[sic]``, short quotations, and a leading stage direction.

The transcript's editors use square brackets for their own voice: ``[Kai-shek]`` supplies words,
``[sic]`` flags the words before it, ``[ILLEGIBLE]`` stands for words that could not be read.
Those become model nodes; everything else stays ``Text``. Nothing is dropped: the TEI writer and
the canonical TEI-to-text stylesheet between them give every character back.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Gap, Inline, InlineQuote, InlineStage, Sic, Supplied, Text
from .source import Chunk, SourceText

#: Bracket keywords that stand for missing text, mapped to TEI ``gap/@reason`` values.
GAP_KEYWORDS = {"illegible": "illegible", "inaudible": "inaudible"}

OPENING_QUOTES = '"“'
CLOSING_QUOTES = '"”'

#: A stage direction at the start of a paragraph: "(Shows map)." followed by speech.
LEADING_STAGE = re.compile(r"\((?P<inner>[^()\n]{1,200})\)[.!]?(?=\s+\S)")


#: Stage direction verbs and the TEI ``stage/@type`` they imply; anything else stays untyped.
STAGE_TYPES = [
    (re.compile(r"\b(enters?|arrives?|comes in|come in)\b", re.I), "entrance"),
    (re.compile(r"\b(leaves?|exits?|departs?|goes out|go out)\b", re.I), "exit"),
    (
        re.compile(
            r"\b(laugh\w*|smil\w*|shows?|gives?|hands?|points?|nods?|shakes?|stands?|sits?|"
            r"writes?|reads?|signs?|passes?|takes?|applau\w*)\b",
            re.I,
        ),
        "business",
    ),
]


def stage_type(text: str) -> str | None:
    """The TEI stage type a stage direction's verb implies ("Stalin laughs" -> business), or None."""
    for pattern, kind in STAGE_TYPES:
        if pattern.search(text):
            return kind
    return None


class InlineReader:
    """Turns chunks of paragraph text into inline nodes; one per document (it numbers quotations)."""

    def __init__(self, source: SourceText, reporter: Reporter, quotation_numbers) -> None:
        self.source = source
        self.reporter = reporter
        self._next_quotation = quotation_numbers

    def read(self, chunk: Chunk, *, leading_stage: bool = False) -> tuple[Inline, ...]:
        self._check_parentheses(chunk)
        nodes: list[Inline] = []
        if leading_stage:
            match = LEADING_STAGE.match(chunk.text)
            if match:
                span = self.source.span(chunk.start, chunk.start + match.end())
                nodes.append(InlineStage(match.group(0), span, stage_type(match.group("inner"))))
                chunk = chunk.sub(match.end())
        nodes.extend(self._quotes(chunk))
        return tuple(_merge_text(nodes, self.source))

    def _check_parentheses(self, chunk: Chunk) -> None:
        """Warn about a parenthesis that is not closed (or not opened) within its paragraph."""
        if "(" not in chunk.text and ")" not in chunk.text:
            return
        opened: list[int] = []
        for mark in _PARENTHESIS.finditer(chunk.text):
            if mark.group() == "(":
                opened.append(mark.start())
            elif opened:
                opened.pop()
            else:
                self.reporter.warning("unbalanced-parenthesis", "')' closes no '(' in this paragraph", self.source.span(chunk.start + mark.start()))
        for position in opened:
            self.reporter.warning("unbalanced-parenthesis", "'(' is not closed in this paragraph", self.source.span(chunk.start + position))

    def _quotes(self, chunk: Chunk) -> list[Inline]:
        """Balanced quotation marks inside one chunk become quotations; an odd count is left as text
        (the body reader decides about quotations that run over several paragraphs)."""
        pairs = _quote_pairs(chunk.text)
        if pairs is None:
            return self._brackets(chunk)
        nodes: list[Inline] = []
        position = 0
        for opening, closing in pairs:
            nodes.extend(self._brackets(chunk.sub(position, opening)))
            inner = chunk.sub(opening, closing + 1)
            nodes.append(
                InlineQuote(tuple(self._brackets(inner)), next(self._next_quotation), self.source.span(inner.start, inner.end))
            )
            position = closing + 1
        nodes.extend(self._brackets(chunk.sub(position)))
        return nodes

    def _brackets(self, chunk: Chunk) -> list[Inline]:
        nodes: list[Inline] = []
        text = chunk.text
        position = 0
        for match in re.finditer(r"\[", text):
            if match.start() < position:
                continue
            close = text.find("]", match.start())
            nested = text.find("[", match.start() + 1)
            if close == -1 or (nested != -1 and nested < close):
                self.reporter.warning(
                    "unclosed-bracket",
                    "'[' is not closed on this paragraph; kept as text",
                    self.source.span(chunk.start + match.start()),
                )
                continue
            if position < match.start():
                nodes.append(Text(text[position : match.start()], self.source.span(chunk.start + position)))
            inner = text[match.start() + 1 : close]
            span = self.source.span(chunk.start + match.start(), chunk.start + close + 1)
            keyword = inner.strip().lower()
            if keyword == "sic":
                self._flag_sic(nodes, span)
            elif keyword in GAP_KEYWORDS:
                nodes.append(Gap(GAP_KEYWORDS[keyword], span))
            elif not inner.strip():
                self.reporter.warning("empty-bracket", "empty editorial brackets '[]'; kept as text", span)
                nodes.append(Text(text[match.start() : close + 1], span))
            else:
                if _KEYWORD_LIKE.match(inner.strip()):
                    self.reporter.warning(
                        "unknown-bracket-keyword",
                        f"[{inner}] looks like an editorial keyword but is not one this converter knows "
                        f"({', '.join(k.upper() for k in GAP_KEYWORDS)}, sic); encoded as supplied text",
                        span,
                    )
                nodes.append(Supplied(inner, span))
            position = close + 1
        if position < len(text):
            nodes.append(Text(text[position:], self.source.span(chunk.start + position)))
        return nodes

    def _flag_sic(self, nodes: list[Inline], span) -> None:
        """``[sic]`` flags what stands right before it: a parenthesis, a bracket, or one word.

        ``nodes`` is changed in place (copying it per mark would be quadratic on long paragraphs).
        """
        if not nodes:
            self.reporter.warning("orphan-sic", "'[sic]' flags nothing before it; kept as text", span)
            nodes.append(Text("[sic]", span))
            return
        last = nodes[-1]
        if not isinstance(last, Text):
            nodes[-1] = Sic((last,), last.span)
            return
        # The white space before the mark belongs to it; the TEI-to-text rule writes " [sic]" back.
        body = last.text.rstrip()
        flagged = _flagged_words(body)
        if not flagged:
            self.reporter.warning("orphan-sic", "'[sic]' flags nothing before it; kept as text", span)
            nodes.append(Text("[sic]", span))
            return
        keep = body[: len(body) - len(flagged)]
        start = last.span.start + len(keep)
        nodes.pop()
        if keep:
            nodes.append(Text(keep, last.span))
        flagged_span = self.source.span(start, start + len(flagged))
        nodes.append(Sic((Text(flagged, flagged_span),), flagged_span))


def _flagged_words(text: str) -> str:
    """The words a following ``[sic]`` flags: a closing parenthetical "(...)" or the last word."""
    if text.endswith(")"):
        opening = text.rfind("(")
        if opening != -1:
            return text[opening:]
    match = re.search(r"\S+\Z", text)
    return match.group(0) if match else ""


_QUOTE_MARK = re.compile('["“”]')
_PARENTHESIS = re.compile(r"[()]")
#: Bracketed all-capital words ("[INAUDIBLE WORDS]", "[UNCLEAR]") read like editorial keywords.
_KEYWORD_LIKE = re.compile(r"^[A-Z][A-Z ?.-]{2,}$")


def _quote_pairs(text: str) -> list[tuple[int, int]] | None:
    """Top-level pairs of quotation marks, or None if they do not pair up."""
    pairs: list[tuple[int, int]] = []
    opening = None
    depth = 0
    for mark in _QUOTE_MARK.finditer(text):  # only the marks: most paragraphs have none
        index, char = mark.start(), mark.group()
        if char == '"':
            if opening is None:
                opening = index
            elif depth == 0:
                pairs.append((opening, index))
                opening = None
        elif char == "“":
            if opening is None:
                opening = index
            else:
                depth += 1
        elif char == "”":
            if opening is None:
                return None
            if depth:
                depth -= 1
            else:
                pairs.append((opening, index))
                opening = None
    return pairs if opening is None else None


def _merge_text(nodes: list[Inline], source: SourceText) -> list[Inline]:
    """Join adjacent text nodes (a split that found nothing) and drop empty ones."""
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if merged and isinstance(merged[-1], Text):
                previous = merged[-1]
                merged[-1] = Text(previous.text + node.text, previous.span)
                continue
        merged.append(node)
    return merged
