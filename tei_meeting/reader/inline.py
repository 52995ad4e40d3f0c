"""Inline reading: editorial brackets, ``[sic]``, short quotations, and a leading stage direction.

The transcript's editors use square brackets for their own voice: ``[Kai-shek]`` supplies words,
``[sic]`` flags the words before it, ``[ILLEGIBLE]`` stands for words that could not be read.
Those become model nodes; everything else stays ``Text``. Nothing is dropped: the TEI writer and
the canonical TEI-to-text stylesheet between them give every character back.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Footnote, Gap, Inline, InlineQuote, InlineStage, Sic, Supplied, Text, Unclear
from .source import Chunk, SourceText

#: Bracket keywords that stand for missing text, mapped to TEI ``gap/@reason`` values.
GAP_KEYWORDS = {"illegible": "illegible", "inaudible": "inaudible"}
#: Bracket keywords that are stage directions ("[Laughter]"), with their TEI ``stage/@type``.
STAGE_KEYWORDS = {
    "laughter": "business", "laughs": "business", "applause": "business", "pause": "delivery",
    "crosstalk": "delivery", "silence": "delivery", "noise": "business",
}
#: Words of an unknown keyword that say text is missing: encoded as a gap with its description.
_GAP_WORDS = re.compile(r"\b(INAUDIBLE|ILLEGIBLE|UNREADABLE|UNCLEAR|MISSING|OMITTED|DELETED|GARBLED|WORDS?|LINES?|PAGES?|TEXT|PASSAGE)\b")
#: In plain text: ``*a stage direction*`` and ``word (?)``.
_IN_TEXT = re.compile(r"\*(?P<star>[^*\n]{1,200}?)\*(?!\*)|(?P<word>[^\s()\[\]]+)(?P<query>[ \t]*\(\?\))")

OPENING_QUOTES = '"“'
CLOSING_QUOTES = '"”'

#: A stage direction at the start of a paragraph: "(Shows map)." followed by speech.
LEADING_STAGE = re.compile(r"\((?P<inner>[^()\n]{1,200})\)(?:[.!]?(?=\s+\S)|(?=:[ \t]*\S))")


#: Stage direction verbs and the TEI ``stage/@type`` they imply; anything else stays untyped.
STAGE_TYPES = [
    (re.compile(r"\b(enters?|arrives?|comes in|come in)\b", re.I), "entrance"),
    (re.compile(r"\b(leaves?|exits?|departs?|goes out|go out)\b", re.I), "exit"),
    (
        re.compile(
            r"\b(laugh\w*|smil\w*|shows?|gives?|hands?|points?|pointing|nods?|shakes?|shook|embrac\w*|stands?|sits?|"
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
        self._markers: dict = {}
        self._note_texts: dict[str, Chunk] = {}
        self._glued: list[int] = []

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

    def set_notes(self, markers: dict, texts: dict[str, Chunk]) -> None:
        """Footnote markers (by start offset) and the note texts they refer to (see ``notes.py``)."""
        self._markers = markers
        self._note_texts = texts
        self._glued = sorted(m.start for m in markers.values() if m.glued)

    def brackets(self, chunk: Chunk) -> list[Inline]:
        """Editorial brackets in ``chunk`` (no quotations): for labels and participants' names."""
        return _merge_text(self._brackets(chunk), self.source)

    def _brackets(self, chunk: Chunk) -> list[Inline]:
        nodes: list[Inline] = []
        text = chunk.text
        position = 0
        for match in re.finditer(r"\[", text):
            if match.start() < position:
                continue
            close = _matching_bracket(text, match.start())
            if close == -1:
                self.reporter.warning(
                    "unclosed-bracket",
                    "'[' is not closed on this paragraph; kept as text",
                    self.source.span(chunk.start + match.start()),
                )
                continue
            if position < match.start():
                nodes.extend(self._text(chunk.sub(position, match.start())))
            inner = text[match.start() + 1 : close]
            absolute = chunk.start + match.start()
            span = self.source.span(absolute, chunk.start + close + 1)
            keyword = inner.strip().lower()
            marker = self._markers.get(absolute)
            if marker is not None and not marker.glued:
                nodes.append(self._footnote(marker, span))
            elif keyword == "sic":
                self._flag(nodes, span, None)
            elif keyword == "?":
                self._flag(nodes, span, "[?]")
            elif keyword in GAP_KEYWORDS:
                nodes.append(Gap(GAP_KEYWORDS[keyword], span))
            elif inner in ("...", "…", ". . ."):
                # An omission by the editors; the form of the ellipsis is kept for the text rule.
                nodes.append(Gap("omitted", span, rend={"...": None, "…": "ellipsis", ". . .": "spaced"}[inner]))
            elif keyword in STAGE_KEYWORDS:
                nodes.append(InlineStage(text[match.start() : close + 1], span, stage_type(inner) or STAGE_KEYWORDS[keyword]))
            elif not inner.strip():
                self.reporter.warning("empty-bracket", "empty editorial brackets '[]'; kept as text", span)
                nodes.append(Text(text[match.start() : close + 1], span))
            elif "[" in inner or _is_narration(inner):
                # "[At this point [Gorbachev and Deng] shook hands]": the editors narrate; brackets inside stay supplied.
                whole = chunk.sub(match.start(), close + 1)
                children = [Text("[", span), *self._brackets(whole.sub(1, len(whole.text) - 1)), Text("]", self.source.span(chunk.start + close))]
                nodes.append(InlineStage(whole.text, span, stage_type(inner), tuple(_merge_text(children, self.source))))
            elif _unknown_keyword(inner):
                self.reporter.warning(
                    "unknown-bracket-keyword",
                    f"[{inner}] looks like an editorial keyword but is not one this converter knows "
                    f"({', '.join(k.upper() for k in GAP_KEYWORDS)}, sic); "
                    + ("encoded as a gap described by its words" if _GAP_WORDS.search(inner) else "encoded as supplied text"),
                    span,
                )
                if _GAP_WORDS.search(inner):
                    reason = next((r for k, r in GAP_KEYWORDS.items() if k in inner.lower()), "unspecified")
                    nodes.append(Gap(reason, span, description=inner))
                else:
                    nodes.append(Supplied(inner, span))
            else:
                nodes.append(Supplied(inner, span))
            position = close + 1
        if position < len(text):
            nodes.extend(self._text(chunk.sub(position)))
        return nodes

    def _footnote(self, marker, span) -> Footnote:
        note = self._note_texts[marker.n]
        children = tuple(_merge_text(self._brackets(note), self.source))
        return Footnote(marker.n, children, marker.glued, span)

    def _text(self, chunk: Chunk) -> list[Inline]:
        """Plain text, with glued footnote markers, ``*stage directions*`` and ``word (?)`` found in it."""
        nodes: list[Inline] = []
        text = chunk.text
        position = 0
        # The common case has neither mark: skip the regex, which tries every word for "(?)".
        matches = _IN_TEXT.finditer(text) if "*" in text or "(?)" in text else ()
        for match in matches:
            absolute = chunk.start + match.start()
            if match.group("star"):
                if match.start() > position:
                    nodes.append(Text(text[position : match.start()], self.source.span(chunk.start + position)))
                span = self.source.span(absolute, chunk.start + match.end())
                nodes.append(InlineStage(match.group(0), span, stage_type(match.group("star"))))
                position = match.end()
            elif match.group("query"):
                word_start = match.start("word")
                if word_start > position:
                    nodes.append(Text(text[position:word_start], self.source.span(chunk.start + position)))
                word_span = self.source.span(chunk.start + word_start, chunk.start + match.end("word"))
                nodes.append(Unclear((Text(match.group("word"), word_span),), "(?)", word_span))
                nodes.append(Text(text[match.end("word") : match.end()], self.source.span(chunk.start + match.end("word"))))
                position = match.end()
        if position < len(text):
            nodes.append(Text(text[position:], self.source.span(chunk.start + position)))
        if self._glued:
            nodes = self._split_glued(nodes)
        return nodes

    def _split_glued(self, nodes: list[Inline]) -> list[Inline]:
        result: list[Inline] = []
        for node in nodes:
            if not isinstance(node, Text):
                result.append(node)
                continue
            start = node.span.start
            end = start + len(node.text)
            cut = [m for m in self._glued if start <= m < end]
            position = 0
            for offset in cut:
                marker = self._markers[offset]
                local = offset - start
                if local > position:
                    result.append(Text(node.text[position:local], self.source.span(start + position)))
                result.append(self._footnote(marker, self.source.span(offset, marker.end)))
                position = local + len(marker.n)
            if position < len(node.text):
                result.append(Text(node.text[position:], self.source.span(start + position)))
        return result

    def _flag(self, nodes: list[Inline], span, mark: str | None) -> None:
        """``[sic]`` (``mark`` None) or ``[?]`` flags what stands right before it: a parenthesis, a
        bracket, or one word. ``[sic]`` is not kept as text (the text rule writes " [sic]" back);
        ``[?]`` is kept as text after the doubted words, as transcribed.

        ``nodes`` is changed in place (copying it per mark would be quadratic on long paragraphs).
        """
        name = "[sic]" if mark is None else mark
        if not nodes or (isinstance(nodes[-1], Text) and not _flagged_words(nodes[-1].text.rstrip())):
            self.reporter.warning("orphan-sic" if mark is None else "orphan-query", f"'{name}' flags nothing before it; kept as text", span)
            nodes.append(Text(name, span))
            return
        last = nodes[-1]
        if mark is not None:
            if isinstance(last, Text):
                flagged = self._take_flagged(nodes)
                nodes.append(Unclear((flagged,), mark, flagged.span))
                rest = last.text[len(last.text.rstrip()) :] + mark
                nodes.append(Text(rest, self.source.span(flagged.span.end)))
            else:
                nodes[-1] = Unclear((last,), mark, last.span)
                nodes.append(Text(mark, span))
            return
        if not isinstance(last, Text):
            nodes[-1] = Sic((last,), last.span)
            return
        # The white space before the mark belongs to it; the TEI-to-text rule writes " [sic]" back.
        flagged = self._take_flagged(nodes)
        nodes.append(Sic((flagged,), flagged.span))

    def _take_flagged(self, nodes: list[Inline]) -> Text:
        """Split the words a mark flags off the end of the last text node; return them as a node."""
        last = nodes.pop()
        body = last.text.rstrip()
        flagged = _flagged_words(body)
        keep = body[: len(body) - len(flagged)]
        if keep:
            nodes.append(Text(keep, last.span))
        start = last.span.start + len(keep)
        return Text(flagged, self.source.span(start, start + len(flagged)))


def _matching_bracket(text: str, opening: int) -> int:
    """The ']' that closes the '[' at ``opening`` (brackets nest), or -1 if it is not closed in ``text``."""
    depth = 0
    for index in range(opening, len(text)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _is_narration(inner: str) -> bool:
    """Editors' narration in brackets ("At this point the delegations shook hands"): a sentence with a verb of action."""
    return len(inner.split()) >= 4 and inner[:1].isupper() and stage_type(inner) is not None and not inner.isupper()


def _unknown_keyword(inner: str) -> bool:
    """An all-capital bracket that is not a known keyword but looks like one ("INAUDIBLE WORDS?").
    A single word of up to five letters is taken for an abbreviation ("[KMT]", "[USSR]"), not a keyword."""
    inner = inner.strip()
    if not _KEYWORD_LIKE.match(inner):
        return False
    return " " in inner or inner.endswith("?") or len(inner) > 5 or _GAP_WORDS.search(inner) is not None


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
