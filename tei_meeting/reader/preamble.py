"""The archive page's preamble: title, date, Citation, Summary, Credits, Original Language, Contents.

Two layouts occur: the Markdown-like export (``## **July 9, 1945**``, ``### **Citation:**``) and
the plain one (``Citation:`` on a line of its own). Both are read here into ``Metadata``; where
the preamble ends, the record (the body) begins. Values are kept as written; what is recognised
inside them (the citation's archive, box and folder; the credit's funder; language codes) is
recorded as offsets into the kept text, so nothing of the original wording is lost.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Citation, CitationPart, Credit, DateExpr, Field, Language, Metadata
from .dates import find_date, parse_date
from .source import Chunk, SourceText

FIELDS = {
    "citation": "citation",
    "summary": "summary",
    "credits": "credits",
    "original language": "original_language",
    "original languages": "original_language",
    "contents": "contents",
}

#: Language names used by the archives, with their BCP 47 codes.
LANGUAGES = {
    "albanian": "sq", "arabic": "ar", "armenian": "hy", "azerbaijani": "az", "belarusian": "be",
    "bulgarian": "bg", "chinese": "zh", "croatian": "hr", "czech": "cs", "danish": "da",
    "dutch": "nl", "english": "en", "estonian": "et", "finnish": "fi", "french": "fr",
    "georgian": "ka", "german": "de", "greek": "el", "hebrew": "he", "hindi": "hi",
    "hungarian": "hu", "indonesian": "id", "italian": "it", "japanese": "ja", "kazakh": "kk",
    "khmer": "km", "korean": "ko", "lao": "lo", "latvian": "lv", "lithuanian": "lt",
    "macedonian": "mk", "mongolian": "mn", "norwegian": "no", "persian": "fa", "polish": "pl",
    "portuguese": "pt", "romanian": "ro", "russian": "ru", "serbian": "sr", "slovak": "sk",
    "slovenian": "sl", "spanish": "es", "swedish": "sv", "thai": "th", "tibetan": "bo",
    "turkish": "tr", "ukrainian": "uk", "urdu": "ur", "uyghur": "ug", "vietnamese": "vi",
}

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_FIELD = re.compile(r"^(?:\*\*)?(?P<name>[A-Za-z][A-Za-z ]{1,40}?)\s*:(?:\*\*)?\s*(?P<rest>.*)$", re.S)
_URL_LINE = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
_CONTENTS_ENTRY = re.compile(
    r"^(?:(?:Transcript|Translation|Original Scan|Scan|Original)\b.*|[A-Z][\w ]{0,40} - [A-Z][\w ]{0,40})$"
)
_TRANSCRIPT_ENTRY = re.compile(r"^(?P<kind>Transcript|Translation)\s*[-–—:]\s*(?P<lang>[A-Z][\w ]+?)\s*$")
_FUNDER = re.compile(r"(?:support from|funded by|courtesy of|generosity of)\s+(?:the\s+)?(?P<funder>.+?)\.?\s*$", re.I)
_CONTRIBUTED = re.compile(r"(?P<lead>Contributed|Obtained|Translated)\s+(?:and \w+\s+)?by\s+(?P<who>.+?)\.?\s*$")
_BOX = re.compile(r"^(?P<kind>box|folder|file|fond|opis|delo|reel|page|pages|document|doc\.)\s+\S.*$", re.I)
_REPOSITORY_WORDS = re.compile(r"\b(Archives?|Library|Institution|Institute|Museum|Center|Centre|Records Office)\b")
_COLLECTION_WORDS = re.compile(r"\b(Collection|Papers|Fonds?|Records)\b")


def _unmark(text: str) -> str:
    """Strip Markdown emphasis around a heading's text (``**July 9, 1945**``)."""
    return re.sub(r"^(\*\*|__|\*|_)(.*)\1$", r"\2", text.strip()).strip()


def _field_name(chunk: Chunk) -> tuple[str, Chunk] | None:
    """If the chunk's first line names a preamble field, the field key and the value after the colon."""
    first_line = chunk.text.split("\n", 1)[0]
    heading = _HEADING.match(first_line)
    line = _unmark(heading.group("text")) if heading else first_line
    match = _FIELD.match(line)
    if not match or match.group("name").strip().lower() not in FIELDS:
        return None
    key = FIELDS[match.group("name").strip().lower()]
    if heading:
        rest = chunk.sub(len(first_line)).strip()
    else:
        rest = chunk.sub(first_line.index(":") + 1).strip()
    return key, rest


def has_preamble(chunks: list[Chunk]) -> bool:
    return any(_field_name(c) is not None for c in chunks[:12])


class PreambleReader:
    def __init__(self, source: SourceText, reporter: Reporter, quiet: bool = False) -> None:
        """``quiet``: the user gave metadata, so a missing preamble is only noted (info), not warned about."""
        self.source = source
        self.reporter = reporter
        self.quiet = quiet

    def read(self, chunks: list[Chunk]) -> tuple[Metadata, int]:
        """Metadata from the leading chunks, and the index of the first chunk of the body."""
        if not has_preamble(chunks):
            (self.reporter.info if self.quiet else self.reporter.warning)(
                "no-preamble",
                "no archive preamble (Citation:, Summary:, Contents:) found; the header will have no source description",
                self.source.span(chunks[0].start) if chunks else None,
            )
            return Metadata(), 0
        values: dict[str, list[Chunk]] = {}
        title = date = None
        current = None
        index = 0
        while index < len(chunks):
            chunk = chunks[index]
            named = _field_name(chunk)
            if named:
                current, rest = named
                if current in values:
                    self.reporter.warning("duplicate-field", f"the preamble field '{current}' appears twice; the values are joined", self.source.span(chunk.start))
                values.setdefault(current, [])
                if rest.text:
                    values[current].append(rest)
            elif current is None:
                title, date = self._title_or_date(chunk, title, date)
            elif current == "contents" and not _CONTENTS_ENTRY.match(chunk.text):
                break
            else:
                values[current].append(chunk)
            index += 1
        metadata = Metadata(
            title=title,
            date=date,
            summary=tuple(Field(c.text, self.source.span(c.start, c.end)) for c in values.get("summary", [])),
            contents=tuple(Field(c.text, self.source.span(c.start, c.end)) for c in values.get("contents", [])),
            original_languages=self._languages(values.get("original_language", [])),
            credit=self._credit(values.get("credits", [])),
            **self._citation(values.get("citation", [])),
        )
        metadata = _with_transcript_language(metadata, self)
        return metadata, index

    def _title_or_date(self, chunk: Chunk, title, date):
        for line_chunk in chunk.lines():
            heading = _HEADING.match(line_chunk.text)
            text = _unmark(heading.group("text")) if heading else _unmark(line_chunk.text)
            offset = line_chunk.text.find(text)
            inner = line_chunk.sub(offset, offset + len(text))
            iso = parse_date(text)
            span = self.source.span(inner.start, inner.end)
            if iso and date is None:
                date = DateExpr(text, iso, span)
            elif title is None:
                title = Field(text, span)
            else:
                self.reporter.warning("unknown-preamble-line", f"preamble line not understood, kept out of the header: {text[:60]!r}", span)
        return title, date

    def _languages(self, chunks: list[Chunk]) -> tuple[Language, ...]:
        found = []
        for chunk in chunks:
            for match in re.finditer(r"[^,;/]+", chunk.text):
                for part in re.split(r"\s+and\s+", match.group(0)):
                    name = part.strip()
                    if not name:
                        continue
                    start = chunk.start + chunk.text.find(name, match.start())
                    span = self.source.span(start, start + len(name))
                    code = LANGUAGES.get(name.lower())
                    if code is None:
                        self.reporter.warning("unknown-language", f"language {name!r} has no known code; it is kept as text only", span)
                    found.append(Language(name, code, span))
        return tuple(found)

    def _credit(self, chunks: list[Chunk]) -> Credit | None:
        if not chunks:
            return None
        text = " ".join(c.text for c in chunks)
        match = _FUNDER.search(text)
        span = self.source.span(chunks[0].start, chunks[-1].end)
        if not match:
            self.reporter.info("no-funder", "the credit line names no funder that could be recognised; kept as written", span)
            return Credit(text, None, None, span)
        return Credit(text, match.start("funder"), match.end("funder"), span)

    def _citation(self, chunks: list[Chunk]) -> dict:
        lines = [line for chunk in chunks for line in chunk.lines()]
        urls = [line for line in lines if _URL_LINE.match(line.text)]
        texts = [line for line in lines if not _URL_LINE.match(line.text)]
        result: dict = {}
        if urls:
            url = _URL_LINE.match(urls[0].text).group("url")
            start = urls[0].start + urls[0].text.index(url)
            result["url"] = Field(url, self.source.span(start, start + len(url)))
        if texts:
            text = " ".join(t.text.rstrip() for t in texts)
            span = self.source.span(texts[0].start, texts[-1].end)
            result["citation"] = Citation(text, tuple(_citation_parts(text)), span)
        return result


def _with_transcript_language(metadata: Metadata, reader: PreambleReader) -> Metadata:
    """The language of the text we encode: the Contents' "Transcript - English", else a sole original language."""
    from dataclasses import replace

    for entry in metadata.contents:
        match = _TRANSCRIPT_ENTRY.match(entry.text)
        if match:
            name = match.group("lang")
            return replace(metadata, transcript_language=Language(name, LANGUAGES.get(name.lower()), entry.span))
    if len(metadata.original_languages) == 1:
        return replace(metadata, transcript_language=metadata.original_languages[0])
    reader.reporter.warning("no-language", "the language of the transcript is not stated (Contents: 'Transcript - <language>'); none is recorded")
    return metadata




def _citation_parts(text: str) -> list[CitationPart]:
    """Recognise the pieces of a Wilson Center style citation, by offsets into the kept string:
    ``"Title", Date, Publisher, Collection, box N, folder N, Repository. Contributed by Name.``"""
    parts: list[CitationPart] = []
    position = 0
    title = re.match(r'\s*["“](?P<title>[^"”]+?),?["”],?\s*', text)
    if title:
        parts.append(CitationPart("title", title.start("title"), title.end("title")))
        position = title.end()
    contributed = _CONTRIBUTED.search(text, position)
    stop = len(text)
    if contributed:
        parts.append(CitationPart("contributor", contributed.start("who"), contributed.end("who")))
        stop = contributed.start()
    date = find_date(text[:stop], position)
    if date:
        parts.append(CitationPart("date", date.start, date.end, date.iso))
    segments = []
    for match in re.finditer(r"[^,]+", text[:stop]):
        start, end = match.start(), match.end()
        if start < position or (date and start < date.end and end > date.start):
            continue
        segment = match.group(0)
        stripped = segment.strip().rstrip(".").strip()
        if stripped:
            offset = start + segment.index(stripped)
            segments.append((offset, offset + len(stripped), stripped))
    for index, (start, end, segment) in enumerate(segments):
        kind = value = None
        box = _BOX.match(segment)
        if box:
            kind = box.group("kind").lower().rstrip(".")
            value = segment[box.end("kind") :].strip()
        elif index == 0 and re.search(r"Digital Archive|Archive$", segment):
            kind = "publisher"
        elif _COLLECTION_WORDS.search(segment):
            kind = "collection"
        elif _REPOSITORY_WORDS.search(segment):
            kind = "repository"
        if kind:
            parts.append(CitationPart(kind, start, end, value))
    return sorted(parts, key=lambda p: p.start)
