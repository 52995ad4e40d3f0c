"""``Meeting`` -> TEI P5. Every encoding decision of the project is made here, once, with its reason.

The decisions are documented for users in ``docs/encoding.md``; keep the two in step. In short:

* Faithful transcription: every character of the transcript is in the TEI, either as text or as
  an element that stands for it (``[Kai-shek]`` -> ``<supplied>``, ``[sic]`` -> ``<sic>``,
  ``[ILLEGIBLE]`` -> ``<gap reason="illegible"/>``). Quotation marks, parentheses of stage
  directions, list labels and speaker labels are kept as written, so the canonical TEI-to-text
  stylesheet (``xslt/tei-to-text.xsl``) gives the transcript back.
* Nothing invented: an absent value stays absent (no sex, no role, no placeholder, no run date).
* Deterministic: ids come from the document (labels, order), never from time or memory addresses.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from lxml import etree

from .. import __version__
from ..model import (
    Argument,
    Footnote,
    NoteList,
    Opener,
    ParticipantList,
    PersonName,
    PlaceName,
    RecordNote,
    RoleName,
    Unclear,
    Block,
    BodyPart,
    Citation,
    Dateline,
    DateExpr,
    Gap,
    Inline,
    InlineQuote,
    InlineStage,
    ItemList,
    Meeting,
    Paragraph,
    QuoteBlock,
    Sic,
    StageDirection,
    Supplied,
    Text,
    TimeExpr,
    Turn,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = "{%s}" % TEI_NS

#: Words of the editorial declaration; the what-and-why of each bracket convention.
EDITORIAL_DECLARATION = {
    "correction": (
        "The transcript is not corrected. Words its editors flagged with [sic] are encoded as sic "
        "around the flagged words; the mark itself is not kept as text."
    ),
    "normalization": (
        "Line ends are normalised to LF; otherwise the text is as transcribed. Dates and times are "
        "given normalised ISO 8601 values in when, from and to attributes, next to the text as written."
    ),
    "quotation": (
        "Quotation marks are kept as transcribed, inside quote and q. A quotation read out over "
        "several paragraphs and interrupted by other speakers is encoded in parts linked by next and prev."
    ),
    "hyphenation": "Hyphens are kept as transcribed.",
    "segmentation": (
        "A paragraph that begins with a speaker label (a name and a colon) begins a turn, encoded as sp "
        "with the label as written in speaker; unlabelled paragraphs after it belong to the same turn. "
        "Numbered points (1), 2), ...) are list items with their labels as written."
    ),
    "interpretation": (
        "Square brackets are the transcript editors' voice: [ILLEGIBLE] is encoded as gap with "
        "reason illegible, [...] as gap with reason omitted, [sic] as sic, [?] as unclear around the "
        "doubted word (the mark kept after it), bracketed narration and [Laughter] as stage, and any "
        "other bracketed words (explanations and expansions such as [Kai-shek] or [Dalian]) as "
        "supplied, without the brackets. Parentheses that form a paragraph of their own, or open a "
        "paragraph before its words, are stage directions, kept with their parentheses; parentheses "
        "inside a sentence are part of the speech. Footnotes are encoded as note at their reference "
        "points; a participants block is kept as a list whose names point to the persons of the header."
    ),
}


def write_tei(meeting: Meeting) -> etree._ElementTree:
    """Build the TEI document for ``meeting``."""
    return _Writer(meeting).document()


#: Elements whose content we write as elements only: they are indented for people to read.
#: Everything else (p, speaker, item, bibl of the citation, ...) holds text, where whitespace
#: is content and must not be touched; lxml's pretty_print cannot tell ``<p><gap/></p>`` from
#: ``<sp>``, so the indentation is ours.
_ELEMENT_ONLY = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "notesStmt", "sourceDesc",
    "msDesc", "msIdentifier", "encodingDesc", "appInfo", "application", "editorialDecl",
    "correction", "normalization", "quotation", "hyphenation", "segmentation", "interpretation",
    "profileDesc", "abstract", "langUsage", "particDesc", "listPerson", "person", "settingDesc",
    "setting", "text", "body", "div", "opener", "sp", "list", "argument", "textClass", "keywords",
    "divGen", "teiCorpus",
}


def serialize(tree: etree._ElementTree) -> bytes:
    """TEI bytes: UTF-8 with an XML declaration, indented where whitespace is insignificant."""
    root = tree.getroot()
    _indent(root, 0)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _indent(element, level: int) -> None:
    name = element.tag[len(_T) :]
    element_only = name in _ELEMENT_ONLY or (
        name == "quote" and not (element.text or "").strip() and element.getparent().tag not in {_T + "p", _T + "item"}
    )
    if name == "bibl" and element.get("type") is None and not (element.text or "").strip():
        element_only = True
    if not element_only or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _el(parent, name: str, text: str | None = None, **attributes) -> etree._Element:
    """A new TEI element at the end of ``parent``; attributes that are None are left out (``from_`` is @from)."""
    if attributes:
        attributes = {k.rstrip("_"): v for k, v in attributes.items() if v is not None}
    element = etree.SubElement(parent, _T + name, attributes)
    if text is not None:
        element.text = text
    return element


def _append_text(parent, text: str) -> None:
    """Add text at the end of ``parent``'s content (after its last child, or as its text)."""
    if not text:
        return
    try:
        last = parent[-1]  # O(1); len(parent) would walk all children (quadratic on long paragraphs)
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


class _Writer:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self._link_ids = _LinkIds(meeting)

    def document(self) -> etree._ElementTree:
        root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})
        self.header(_el(root, "teiHeader"))
        text = _el(root, "text")
        code, _ = _transcript_language(self.meeting.metadata)
        if code:
            text.set(f"{{{XML_NS}}}lang", code)
        body = _el(text, "body")
        # One div for the record, so that a future record with several sections (or a corpus) keeps its shape.
        self.body(_el(body, "div", type="record"))
        return etree.ElementTree(root)

    # --- teiHeader ----------------------------------------------------------------------------

    def header(self, header) -> None:
        metadata = self.meeting.metadata
        file_desc = _el(header, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        # A missing title stays empty rather than being made up; the reader has warned about it.
        # A title the user gave (options, sidecar file) takes precedence over the page's title line.
        title = metadata.given_title or (metadata.title.text if metadata.title else None)
        _el(title_stmt, "title", title)
        if metadata.credit and metadata.credit.funder:
            _el(title_stmt, "funder", metadata.credit.funder)
        publication = _el(file_desc, "publicationStmt")
        _el(publication, "p", "Unpublished TEI encoding of the source described in the source description.")
        self.notes(file_desc)
        self.source_desc(_el(file_desc, "sourceDesc"))
        self.encoding_desc(_el(header, "encodingDesc"))
        self.profile_desc(_el(header, "profileDesc"))

    def notes(self, file_desc) -> None:
        """The archive's credit line and contents list, kept whole, as notes on the file."""
        metadata = self.meeting.metadata
        if not (metadata.credit or metadata.contents):
            return
        notes = _el(file_desc, "notesStmt")
        if metadata.credit:
            credit = metadata.credit
            note = _el(notes, "note", type="credits")
            if credit.funder is None:
                note.text = credit.text
            else:
                note.text = credit.text[: credit.funder_start]
                org = _el(note, "orgName", credit.funder, role="funder")
                org.tail = credit.text[credit.funder_end :] or None
        for entry in metadata.contents:
            _el(notes, "note", entry.text, type="contents")

    def source_desc(self, source_desc) -> None:
        metadata = self.meeting.metadata
        if not any([metadata.title, metadata.date, metadata.citation, metadata.url, metadata.original_languages]):
            _el(source_desc, "p", "The source transcript has no archive preamble; nothing is known of its provenance.")
            if metadata.given_title or metadata.given_date or metadata.given_language:
                _el(source_desc, "p", "The title, date and language in this header were given by the encoder, not by the transcript.")
            return
        bibl = _el(source_desc, "bibl")
        # The archive page's title and date lines, as written; the citation below says them again
        # in its own words, and both are kept so that the page can be given back.
        if metadata.title:
            _el(bibl, "title", metadata.title.text, level="a")
        if metadata.date:
            _el(bibl, "date", metadata.date.text, when=metadata.date.when)
        if metadata.citation:
            self.citation(_el(bibl, "bibl", type="citation"), metadata.citation)
        if metadata.url:
            _el(bibl, "ref", metadata.url.text, target=metadata.url.text)
        languages = metadata.original_languages
        if languages:
            codes = [lang.code for lang in languages if lang.code]
            text_lang = _el(bibl, "textLang", ", ".join(lang.name for lang in languages))
            if codes:
                text_lang.set("mainLang", codes[0])
                if codes[1:]:
                    text_lang.set("otherLangs", " ".join(codes[1:]))
        if metadata.citation and metadata.citation.value("repository"):
            self.archive(source_desc, metadata.citation)

    def citation(self, bibl, citation: Citation) -> None:
        """The citation string as mixed content: its text is exactly the archive's citation."""
        element_for = {"title": "title", "date": "date", "publisher": "publisher"}
        position = 0
        for part in citation.parts:
            if part.kind not in element_for and part.kind != "contributor":
                continue  # archive, collection, box and folder go to msIdentifier, structured
            _append_text(bibl, citation.text[position : part.start])
            value = citation.text[part.start : part.end]
            if part.kind == "contributor":
                # "Contributed by David Wolff": the contributor with the words that say what they did.
                _el(bibl, "editor", value, role="contributor")
            else:
                element = _el(bibl, element_for[part.kind], value)
                if part.kind == "date" and part.value:
                    element.set("when", part.value)
            position = part.end
        _append_text(bibl, citation.text[position:])

    def archive(self, source_desc, citation: Citation) -> None:
        """Where the original is kept: repository, collection, box and folder, from the citation."""
        identifier = _el(_el(source_desc, "msDesc"), "msIdentifier")
        _el(identifier, "repository", citation.value("repository"))
        if citation.value("collection"):
            _el(identifier, "collection", citation.value("collection"))
        for part in citation.parts:
            if part.kind in {"box", "folder", "file", "fond", "opis", "delo", "reel"} and part.value:
                _el(identifier, "idno", part.value, type=part.kind)

    def encoding_desc(self, encoding_desc) -> None:
        application = _el(_el(encoding_desc, "appInfo"), "application", ident="tei-meeting", version=__version__)
        _el(application, "label", "tei-meeting")
        declaration = _el(encoding_desc, "editorialDecl")
        for name, text in EDITORIAL_DECLARATION.items():
            element = _el(declaration, name)
            if name == "quotation":
                element.set("marks", "all")
            _el(element, "p", text)

    def profile_desc(self, profile_desc) -> None:
        metadata = self.meeting.metadata
        if metadata.summary:
            abstract = _el(profile_desc, "abstract")
            for paragraph in metadata.summary:
                _el(abstract, "p", paragraph.text)
        code, name = _transcript_language(metadata)
        if code:
            _el(_el(profile_desc, "langUsage"), "language", name, ident=code)
        if self.meeting.participants:
            people = _el(_el(profile_desc, "particDesc"), "listPerson")
            for participant in self.meeting.participants:
                self.person(people, participant)
        setting = self.meeting.setting
        if setting.date or setting.start or setting.place:
            element = _el(_el(profile_desc, "settingDesc"), "setting")
            if setting.place:
                _el(element, "placeName", setting.place)
            if setting.date:
                _el(element, "date", when=setting.date)
            if setting.start and setting.end:
                _el(element, "time", from_=setting.start, to=setting.end)
            elif setting.start:
                _el(element, "time", when=setting.start)
        if metadata.subject:
            # The record's "Subject:" lines, as keywords for catalogues; the lines stay in the body too.
            keywords = _el(_el(profile_desc, "textClass"), "keywords")
            for subject in metadata.subject:
                _el(keywords, "term", subject.text)

    def person(self, people, participant) -> None:
        """A person: the fullest name, roles as occupation, the side as affiliation, authority ids.
        Nothing is added that the record or the personography does not say (no sex, no dates)."""
        person = _el(people, "person")
        person.set(f"{{{XML_NS}}}id", participant.id)
        _el(person, "persName", participant.name)
        for role in participant.roles:
            _el(person, "occupation", role)
        if participant.affiliation:
            _el(person, "affiliation", participant.affiliation)
        for authority in participant.authority:
            _el(person, "idno", authority.value, type=authority.kind)

    # --- text -------------------------------------------------------------------------------

    def body(self, div) -> None:
        number = 0
        for part in self.meeting.body:
            if isinstance(part, Turn):
                number += 1
                self.turn(div, part, number)
            elif isinstance(part, Dateline):
                self.inlines(_el(_el(div, "opener"), "dateline"), part.children)
            elif isinstance(part, Opener):
                # The record's heading lines that stood in one paragraph: one opener, a dateline per
                # when/where line, an argument for a subject line (TEI puts these at the top of the div).
                opener = _el(div, "opener")
                for line in part.lines:
                    if isinstance(line, RecordNote):
                        _el(opener, "note", line.text, type=line.kind)
                    elif isinstance(line, Argument):
                        self.inlines(_el(_el(opener, "argument"), "p"), line.children)
                    else:
                        self.inlines(_el(opener, "dateline"), line.children)
            elif isinstance(part, ParticipantList):
                self.participant_list(div, part)
            elif isinstance(part, RecordNote):
                # A stamp or shelfmark is not speech: a note of its kind, where it stood.
                _el(div, "note", part.text, type=part.kind)
            elif isinstance(part, NoteList):
                # The notes are at their reference points; divGen says where their list stood.
                gen = _el(div, "divGen", type="notes")
                if part.heading:
                    _el(gen, "head", part.heading)
            else:
                self.block(div, part)

    def participant_list(self, div, part: ParticipantList) -> None:
        """The participants block as written: a list of names (pointing to the persons) and roles;
        side headings ("On the Soviet side:") are labels, each with its names in a nested list."""
        element = _el(div, "list", type="participants")
        if part.heading:
            self.inlines(_el(element, "head"), part.heading)
        sides = any(group.label is not None for group in part.groups)
        for group in part.groups:
            if not sides:
                for entry in group.entries:
                    self.inlines(_el(element, "item"), entry.children)
                continue
            self.inlines(_el(element, "label"), group.label or ())
            item = _el(element, "item")
            if group.entries:
                inner = _el(item, "list")
                for entry in group.entries:
                    self.inlines(_el(inner, "item"), entry.children)

    def turn(self, div, turn: Turn, number: int) -> None:
        sp = _el(div, "sp", who="#" + turn.speaker)
        sp.set(f"{{{XML_NS}}}id", f"sp{number}")
        if turn.label_nodes:
            # "[Joseph] Stalin:": the label as written, the editors' supplement marked in it.
            self.inlines(_el(sp, "speaker"), turn.label_nodes)
        else:
            _el(sp, "speaker", turn.label)
        for block in turn.blocks:
            self.block(sp, block)

    def block(self, parent, block: Block | BodyPart) -> None:
        if isinstance(block, Paragraph):
            self.inlines(_el(parent, "p"), block.children)
        elif isinstance(block, StageDirection):
            if block.children:
                self.inlines(_el(parent, "stage", type=block.kind), block.children)
            else:
                _el(parent, "stage", block.text, type=block.kind)
        elif isinstance(block, ItemList):
            element = _el(parent, "list", rend="numbered")
            self._link_ids.apply(element, "list", block.sequence)
            for item in block.items:
                _el(element, "label", item.label)
                self.inlines(_el(element, "item", n=str(item.number)), item.children)
        elif isinstance(block, QuoteBlock):
            element = _el(parent, "quote")
            self._link_ids.apply(element, "quote", block.quotation)
            for inner in block.blocks:
                self.block(element, inner)
        else:  # pragma: no cover - the model has no other blocks
            raise TypeError(f"no TEI for {type(block).__name__}")

    def inlines(self, parent, nodes: tuple[Inline, ...]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                _append_text(parent, node.text)
            elif isinstance(node, Supplied):
                _el(parent, "supplied", node.text)
            elif isinstance(node, Sic):
                self.inlines(_el(parent, "sic"), node.children)
            elif isinstance(node, Gap):
                # [...] is reason "omitted"; rend keeps the form of the ellipsis ([…] "ellipsis").
                # An unknown keyword ("[INAUDIBLE WORDS?]") keeps its words as the gap's description.
                gap = _el(parent, "gap", reason=node.reason, rend=node.rend)
                if node.description is not None:
                    _el(gap, "desc", node.description)
            elif isinstance(node, InlineStage):
                if node.children:
                    self.inlines(_el(parent, "stage", type=node.kind), node.children)
                else:
                    _el(parent, "stage", node.text, type=node.kind)
            elif isinstance(node, Unclear):
                # The doubted words; the mark ("[?]", "(?)") stays text after the element, as written.
                self.inlines(_el(parent, "unclear"), node.children)
            elif isinstance(node, PlaceName):
                _el(parent, "placeName", node.text)
            elif isinstance(node, PersonName):
                element = _el(parent, "persName", None if node.children else node.text, ref="#" + node.person)
                if node.children:
                    self.inlines(element, node.children)
            elif isinstance(node, RoleName):
                _el(parent, "roleName", node.text)
            elif isinstance(node, Footnote):
                # At the reference point, with the note's text from the list after the record;
                # rend "glued" for a marker that was stuck to the word ("Germany1").
                note = _el(parent, "note", n=node.n, place="end", rend="glued" if node.glued else None)
                self.inlines(note, node.children)
            elif isinstance(node, DateExpr):
                _el(parent, "date", node.text, when=node.when)
            elif isinstance(node, TimeExpr):
                _el(parent, "time", node.text, when=node.when, from_=node.start, to=node.end)
            elif isinstance(node, InlineQuote):
                # A quotation in parts is one quotation from an outside source (quote);
                # a short quotation within a sentence is quoted material (q).
                if self._link_ids.is_split("quote", node.quotation):
                    element = _el(parent, "quote")
                    self._link_ids.apply(element, "quote", node.quotation)
                else:
                    element = _el(parent, "q")
                self.inlines(element, node.children)
            else:  # pragma: no cover
                raise TypeError(f"no TEI for {type(node).__name__}")


def _transcript_language(metadata) -> tuple[str | None, str | None]:
    """The code and name of the transcript's language: the user's, else the transcript's own."""
    if metadata.given_language:
        from ..reader.preamble import LANGUAGES

        names = {code: name.capitalize() for name, code in LANGUAGES.items()}
        return metadata.given_language, names.get(metadata.given_language, metadata.given_language)
    language = metadata.transcript_language
    if language and language.code:
        return language.code, language.name
    return None, None


class _LinkIds:
    """Ids and next/prev links for quotations and lists that come in parts.

    Parts are numbered in document order (quote1-part1, quote1-part2, ...) so that ids depend only
    on the document. A quotation or list in one part gets no id and no links.
    """

    def __init__(self, meeting: Meeting) -> None:
        self.parts: Counter = Counter()
        self.order: dict[tuple[str, int], int] = {}
        numbered: Counter = Counter()  # how many quotations (lists) have been numbered so far
        for kind, key in _linkable(meeting.body):
            self.parts[(kind, key)] += 1
            if (kind, key) not in self.order:
                numbered[kind] += 1
                self.order[(kind, key)] = numbered[kind]
        self.seen: defaultdict = defaultdict(int)

    def is_split(self, kind: str, key: int) -> bool:
        return self.parts[(kind, key)] > 1

    def apply(self, element, kind: str, key: int) -> None:
        total = self.parts[(kind, key)]
        if total < 2:
            return
        self.seen[(kind, key)] += 1
        index = self.seen[(kind, key)]
        base = f"{kind}{self.order[(kind, key)]}-part"
        element.set(f"{{{XML_NS}}}id", f"{base}{index}")
        if index > 1:
            element.set("prev", f"#{base}{index - 1}")
        if index < total:
            element.set("next", f"#{base}{index + 1}")


def _linkable(parts):
    """(kind, key) of every quotation part and list part, in document order."""
    for part in parts:
        if isinstance(part, Turn):
            yield from _linkable(part.blocks)
        elif isinstance(part, QuoteBlock):
            yield ("quote", part.quotation)
            yield from _linkable(part.blocks)
        elif isinstance(part, ItemList):
            yield ("list", part.sequence)
            for item in part.items:
                yield from _linkable_inline(item.children)
        elif isinstance(part, (Paragraph, Dateline)):
            yield from _linkable_inline(part.children)
        elif isinstance(part, Opener):
            for line in part.lines:
                yield from _linkable_inline(getattr(line, "children", ()))


def _linkable_inline(nodes):
    for node in nodes:
        if isinstance(node, InlineQuote):
            yield ("quote", node.quotation)
            yield from _linkable_inline(node.children)
        elif isinstance(node, (Sic, Unclear, Footnote, InlineStage)):
            yield from _linkable_inline(node.children)
