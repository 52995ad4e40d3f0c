"""Rules RelaxNG cannot say, checked on a parsed TEI document: references, ids, dates, emptiness, header.

Each rule has a stable code (documented with an example in docs/diagnostics.md) and reports the
offending element's line and column. The rules are written for TEI in general, not only for what
tei-meeting writes: users validate files edited by hand and files from other projects.

========================  ========  ==============================================================
code                      severity  rule
========================  ========  ==============================================================
id-duplicate              error     an xml:id is used more than once
who-unresolved            error     an @who names no element of the document
who-not-person            error     an @who points at something that is not a person
pointer-unresolved        error     @next, @prev, @corresp, @ref, @target, @sameAs "#x" names nothing
                                    (and span/arc @from, @to)
person-silent             warning   a person in particDesc never speaks (no @who points at them)
date-invalid              error     @when, @from, @to, @notBefore, @notAfter is not an ISO value
range-reversed            error     @from is after @to, or @notBefore after @notAfter
setting-mismatch          warning   the header's setting date or time differs from the dateline's
empty-element             error     an sp, p or speaker with no content
speaker-mismatch          warning   an sp's speaker label does not name its @who person
title-missing             error     the header has no (non-empty) title
source-missing            warning   the source description has no bibliographic description
language-missing          warning   neither langUsage nor text/@xml:lang says the language
========================  ========  ==============================================================
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from .diagnostics import Diagnostic, Severity

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTERS = ("next", "prev", "corresp", "ref", "target", "sameAs")
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
_T = "{%s}" % TEI



def column_of(element, lines: list[str]) -> int | None:
    """The column of an element's start tag: lxml knows its line only, so look for it there."""
    line = element.sourceline
    if not line or line > len(lines):
        return None
    name = etree.QName(element).localname
    text = lines[line - 1]
    found = text.find("<" + name)
    if found == -1:
        found = text.find(":" + name)
    return found + 1 if found != -1 else None


class _Context:
    """The document and where its elements stand in the bytes (lxml gives lines, not columns)."""

    def __init__(self, tree, source: str, data: bytes | None) -> None:
        self.tree = tree
        self.root = tree.getroot()
        self.source = source
        self.lines = data.decode("utf-8", "replace").split("\n") if data else []
        self.problems: list[Diagnostic] = []
        self.ids: dict[str, etree._Element] = {}

    def column(self, element) -> int | None:
        return column_of(element, self.lines)

    def report(self, element, severity: Severity, code: str, message: str) -> None:
        self.problems.append(Diagnostic(severity, code, message, self.source, element.sourceline, self.column(element)))


def run_checks(tree, source: str = "<bytes>", data: bytes | None = None) -> list[Diagnostic]:
    """All rule diagnostics for a parsed document (``data``, its bytes, gives columns)."""
    context = _Context(tree, source, data)
    for check in (_ids, _pointers, _persons, _dates, _setting, _empty, _speakers, _header):
        check(context)
    return context.problems


def _elements(context: _Context):
    return (e for e in context.root.iter() if isinstance(e.tag, str))


def _ids(context: _Context) -> None:
    for element in _elements(context):
        ident = element.get(XML_ID)
        if ident is None:
            continue
        if ident in context.ids:
            first = context.ids[ident]
            context.report(element, Severity.ERROR, "id-duplicate", f'xml:id "{ident}" is already used on line {first.sourceline}')
        else:
            context.ids[ident] = element


def _local_targets(value: str):
    return [token[1:] for token in value.split() if token.startswith("#")]


def _pointers(context: _Context) -> None:
    for element in _elements(context):
        who = element.get("who")
        if who is not None:
            for target in _local_targets(who):
                found = context.ids.get(target)
                if found is None:
                    suggestion = _closest(target, [i for i, e in context.ids.items() if e.tag == _T + "person"])
                    hint = f'; did you mean "#{suggestion}"?' if suggestion else ""
                    context.report(element, Severity.ERROR, "who-unresolved", f'@who "#{target}" names no person in particDesc{hint}')
                elif found.tag not in _PERSONS:
                    context.report(element, Severity.ERROR, "who-not-person", f'@who "#{target}" points at a {etree.QName(found).localname}, not a person')
        pointers = POINTERS + ("from", "to") if element.tag in _POINTING_RANGES else POINTERS
        for attribute in pointers:
            value = element.get(attribute)
            if value is None:
                continue
            for target in _local_targets(value):
                if target not in context.ids:
                    context.report(element, Severity.ERROR, "pointer-unresolved", f'@{attribute} "#{target}" names no element of this document')


#: What an @who may point at.
_PERSONS = {_T + "person", _T + "personGrp", _T + "persona"}
#: Elements whose @from and @to point at other elements (span over a passage, arc of a graph).
_POINTING_RANGES = {_T + "span", _T + "arc"}


def _closest(target: str, candidates: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(target, candidates, n=1, cutoff=0.7)
    return found[0] if found else None


def _persons(context: _Context) -> None:
    spoken = {t for e in _elements(context) if e.get("who") for t in _local_targets(e.get("who"))}
    for person in context.root.iterfind(f".//{_T}particDesc//{_T}person"):
        ident = person.get(XML_ID)
        if ident and ident not in spoken:
            name = " ".join("".join(person.itertext()).split()) or ident
            context.report(person, Severity.WARNING, "person-silent", f'person "{ident}" ({name}) never speaks: no @who points at them')


_TZ = r"(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"(-?(?:[1-9]\d{4,}|\d{4}))"
_MONTH, _DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12]\d|3[01])"
_CLOCK = r"(?:([01]\d|2[0-3]):([0-5]\d):([0-5]\d(?:\.\d+)?)|(24):(00):(00(?:\.0+)?))"
#: The W3C (XML Schema) forms TEI's teidata.temporal.w3c allows, each with an optional time zone.
_W3C = {
    "date": re.compile(f"{_YEAR}-{_MONTH}-{_DAY}{_TZ}$"),
    "dateTime": re.compile(f"{_YEAR}-{_MONTH}-{_DAY}T{_CLOCK}{_TZ}$"),
    "gYearMonth": re.compile(f"{_YEAR}-{_MONTH}{_TZ}$"),
    "gYear": re.compile(f"{_YEAR}{_TZ}$"),
    "gMonthDay": re.compile(f"--{_MONTH}-{_DAY}{_TZ}$"),
    "gMonth": re.compile(f"--{_MONTH}{_TZ}$"),
    "gDay": re.compile(f"---{_DAY}{_TZ}$"),
    "time": re.compile(f"{_CLOCK}{_TZ}$"),
}


def _days_in_month(year: int | None, month: int) -> int:
    if month == 2:
        if year is None:
            return 29  # --02-29 is a valid gMonthDay
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _parse_iso(value: str):
    """(kind, zone, sortable tuple) of a W3C date or time value (teidata.temporal.w3c), or None.

    Written out rather than left to ``datetime.fromisoformat``, which accepts forms TEI does not
    (``19450709``, ``1945-07-09 21:00``) and refuses forms it does (``-0044-03-15``, ``--07-09``,
    ``1945-07-09+03:00``, years beyond 9999).
    """
    for kind, pattern in _W3C.items():
        match = pattern.match(value)
        if match is None:
            continue
        parts = [g for g in match.groups()]
        zone = parts.pop()
        if kind in ("date", "dateTime"):
            year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
            if day > _days_in_month(year, month):
                return None
            clock = [p for p in parts[3:] if p is not None]
            return kind, zone, (year, month, day, *_clock_tuple(clock))
        if kind == "gMonthDay" and int(parts[1]) > _days_in_month(None, int(parts[0])):
            return None
        if kind == "time":
            return kind, zone, _clock_tuple([p for p in parts if p is not None])
        return kind, zone, tuple(int(p) for p in parts)
    return None


def _clock_tuple(clock: list[str]) -> tuple:
    return (int(clock[0]), int(clock[1]), float(clock[2])) if clock else ()


#: Elements whose @from/@to are page or folio references or pointers, not dates (TEI att.citing,
#: locus, span, arc): a rule written for TEI in general must leave them alone.
NOT_DATES = {"biblScope", "citedRange", "locus", "span", "arc"}
#: Pairs of attributes that bound a period: the first must not be after the second.
RANGES = (("from", "to"), ("notBefore", "notAfter"))


def _dates(context: _Context) -> None:
    for element in _elements(context):
        if not element.tag.startswith(_T) or element.tag[len(_T):] in NOT_DATES:
            continue
        parsed = {}
        for attribute in DATE_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            result = _parse_iso(value)
            if result is None:
                context.report(element, Severity.ERROR, "date-invalid", f'@{attribute} "{value}" is not an ISO 8601 date or time (e.g. 1945-07-09, 1945-07, 21:00:00)')
            else:
                parsed[attribute] = result
        for first, last in RANGES:
            start, end = parsed.get(first), parsed.get(last)
            # Compared only when like with like: same form and same time zone (or none).
            if start and end and start[:2] == end[:2] and start[2] > end[2]:
                context.report(element, Severity.ERROR, "range-reversed", f'@{first} "{element.get(first)}" is after @{last} "{element.get(last)}"')


def _setting(context: _Context) -> None:
    setting = context.root.find(f".//{_T}settingDesc/{_T}setting")
    dateline = context.root.find(f".//{_T}body//{_T}dateline")
    if setting is None or dateline is None:
        return
    for name in ("date", "time"):
        header = setting.find(_T + name)
        body = dateline.find(f".//{_T}{name}")
        if header is None or body is None:
            continue
        for attribute in ("when", "from", "to"):
            if header.get(attribute) != body.get(attribute):
                context.report(
                    header,
                    Severity.WARNING,
                    "setting-mismatch",
                    f"the setting's {name} @{attribute} {_quoted(header.get(attribute))} differs from the dateline's {_quoted(body.get(attribute))} (line {body.sourceline})",
                )


def _quoted(value: str | None) -> str:
    return "(none)" if value is None else f'"{value}"'


def _empty(context: _Context) -> None:
    """An sp needs something besides its speaker; a p or speaker needs text or an element (a gap).
    Decided from the children and the leading text only, without joining a turn's whole text."""
    for element in context.root.iterfind(f".//{_T}text//*"):
        tag = element.tag
        if tag == _T + "sp":
            if not any(isinstance(child.tag, str) and child.tag != _T + "speaker" for child in element):
                context.report(element, Severity.ERROR, "empty-element", "empty sp: it has no speech")
        elif tag in (_T + "p", _T + "speaker"):
            if not len(element) and not (element.text or "").strip():
                context.report(element, Severity.ERROR, "empty-element", f"empty {etree.QName(element).localname}: it has no text")


def _words(text: str) -> set[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return {w for w in re.findall(r"[a-z0-9]+", ascii_text) if len(w) > 1}


def _speakers(context: _Context) -> None:
    known: dict[str, list[set[str]]] = {}  # person id -> the words of each of their names
    for sp in context.root.iterfind(f".//{_T}sp[@who]"):
        speaker = sp.find(_T + "speaker")
        targets = _local_targets(sp.get("who"))
        if speaker is None or len(targets) != 1 or targets[0] not in context.ids or context.ids[targets[0]].tag not in _PERSONS:
            continue  # several speakers, or a target already reported as who-unresolved / who-not-person
        label = _words("".join(speaker.itertext()))
        names = known.get(targets[0])
        if names is None:
            person = context.ids[targets[0]]
            names = known[targets[0]] = [_words("".join(n.itertext())) for n in person.iterfind(f".//{_T}persName")] or [_words(targets[0])]
        if label and not any(label & name for name in names):
            written = " ".join("".join(speaker.itertext()).split())
            context.report(sp, Severity.WARNING, "speaker-mismatch", f'the speaker label "{written}" does not name "{targets[0]}", the person @who points at')


def _header(context: _Context) -> None:
    header = context.root.find(f"{_T}teiHeader")
    if header is None:
        return
    titles = header.findall(f"{_T}fileDesc/{_T}titleStmt/{_T}title")
    if not any("".join(t.itertext()).strip() for t in titles):
        at = titles[0] if titles else header
        context.report(at, Severity.ERROR, "title-missing", "the header has no title: repositories list files by it (fileDesc/titleStmt/title)")
    source = header.find(f"{_T}fileDesc/{_T}sourceDesc")
    if source is not None and source.find(f"{_T}bibl") is None and source.find(f"{_T}biblStruct") is None and source.find(f"{_T}msDesc") is None:
        context.report(source, Severity.WARNING, "source-missing", "the source description has no bibl, biblStruct or msDesc: where does the text come from?")
    text = context.root.find(f"{_T}text")
    declared = header.find(f".//{_T}langUsage/{_T}language") is not None or (text is not None and text.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if not declared:
        context.report(text if text is not None else header, Severity.WARNING, "language-missing", "the language of the text is not declared (profileDesc/langUsage or text/@xml:lang)")
