"""Many TEI documents -> one ``teiCorpus`` with a shared header and the union personography.

Each document is embedded whole. xml:ids must be unique in the corpus file, so every id of a
document, and every local pointer to it (``#sp12``), is prefixed with the document's id
(``soong-stalin-1945.sp12``). The corpus header lists each person once under the id the
documents used (a personography keeps these ids the same across a corpus); each document's own
``person`` points to that entry with ``@corresp``.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .. import __version__
from ..diagnostics import Diagnostic, Severity, TeiMeetingError
from .writer import TEI_NS, XML_NS, serialize
from ..xmlsafe import parse_xml

_T = "{%s}" % TEI_NS
_ID = f"{{{XML_NS}}}id"
#: Attributes that hold pointers; a value "#x" points inside the document.
POINTER_ATTRIBUTES = ("who", "next", "prev", "corresp", "ref", "target", "sameAs", "synch", "source")


class CorpusError(TeiMeetingError):
    """An input is not a TEI document."""


def document_id(name: str) -> str:
    """An XML id from a file name: letters, digits, '-' and '_', starting with a letter."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(name).stem).strip("-")
    return stem if stem[:1].isalpha() else f"doc-{stem}"


def build_corpus(documents: list[tuple[str, bytes]], title: str | None = None) -> bytes:
    """A teiCorpus of the TEI ``documents`` (name, bytes), in the order given."""
    corpus = etree.Element(_T + "teiCorpus", nsmap={None: TEI_NS})
    header = etree.SubElement(corpus, _T + "teiHeader")
    people: dict[str, etree._Element] = {}
    used: set[str] = set()
    embedded = []
    for name, data in documents:
        tree = parse_xml(data, name)
        root = tree.getroot()
        if root.tag != _T + "TEI":
            raise CorpusError([Diagnostic(Severity.ERROR, "not-tei", f"the root element is {root.tag}, not a TEI document", name, root.sourceline, 1)])
        prefix = document_id(name)
        while prefix in used:
            prefix += "_"
        used.add(prefix)
        for person in root.iterfind(f".//{_T}particDesc//{_T}person"):
            ident = person.get(_ID)
            if ident:
                _merge_person(people, ident, person)
        _prefix_ids(root, prefix)
        root.set(_ID, prefix)
        embedded.append(root)
    _corpus_header(header, len(embedded), title, people)
    corpus.extend(embedded)
    return serialize(etree.ElementTree(corpus))


def _merge_person(people: dict, ident: str, person) -> None:
    """Add a document's person to the union: one entry per id, every distinct name kept."""
    entry = people.get(ident)
    if entry is None:
        entry = people[ident] = etree.Element(_T + "person")
        entry.set(_ID, ident)
        for child in person:
            entry.append(_copy(child))
        return
    known = {_words(n) for n in entry.iterfind(_T + "persName")}
    for name in person.iterfind(_T + "persName"):
        if _words(name) not in known:
            entry.insert(len(known), _copy(name))
            known.add(_words(name))


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _copy(element):
    """A detached copy without the tail (the document keeps its own)."""
    copied = etree.fromstring(etree.tostring(element, with_tail=False))
    copied.tail = None
    return copied


def _prefix_ids(root, prefix: str) -> None:
    ids = {element.get(_ID) for element in root.iter() if element.get(_ID)}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        ident = element.get(_ID)
        if ident:
            element.set(_ID, f"{prefix}.{ident}")
            if element.tag == _T + "person":
                element.set("corresp", f"#{ident}")
        for attribute in POINTER_ATTRIBUTES:
            value = element.get(attribute)
            if value is None or (attribute == "corresp" and element.tag == _T + "person"):
                continue
            element.set(
                attribute,
                " ".join(f"#{prefix}.{v[1:]}" if v.startswith("#") and v[1:] in ids else v for v in value.split()),
            )


def _corpus_header(header, count: int, title: str | None, people: dict) -> None:
    file_desc = etree.SubElement(header, _T + "fileDesc")
    title_stmt = etree.SubElement(file_desc, _T + "titleStmt")
    etree.SubElement(title_stmt, _T + "title").text = title or f"Corpus of {count} meeting records"
    publication = etree.SubElement(file_desc, _T + "publicationStmt")
    etree.SubElement(publication, _T + "p").text = "Unpublished TEI corpus; each document's header describes its source."
    source = etree.SubElement(file_desc, _T + "sourceDesc")
    etree.SubElement(source, _T + "p").text = f"Made by tei-meeting {__version__} from {count} TEI documents, included below."
    encoding = etree.SubElement(header, _T + "encodingDesc")
    application = etree.SubElement(etree.SubElement(encoding, _T + "appInfo"), _T + "application", ident="tei-meeting", version=__version__)
    etree.SubElement(application, _T + "label").text = "tei-meeting"
    if people:
        listing = etree.SubElement(etree.SubElement(etree.SubElement(header, _T + "profileDesc"), _T + "particDesc"), _T + "listPerson")
        for ident in sorted(people):
            listing.append(people[ident])
