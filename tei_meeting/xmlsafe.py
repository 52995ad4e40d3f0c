"""Parsing XML that may be hostile: no DTDs, no entity expansion, no network, bounded size and depth.

Every XML file the library reads from outside (``validate``, ``transform``, ``corpus``,
personographies) goes through ``parse_xml``:

* the parser loads no DTD, resolves no entity, and opens no network connection;
* a document with a DOCTYPE (an internal subset with entities, or an external DTD) is refused:
  TEI needs none, and refusing is the only sure defence against XXE and entity-expansion bombs;
* libxml2's limits stay on (``huge_tree`` off): nesting deeper than 256 elements, text or
  attribute values over 10 MB are errors, not hangs; inputs over ``MAX_BYTES`` are refused
  before parsing;
* a schema reference (``<?xml-model href="..."?>``) is never followed: the caller chooses the
  schema. ``schema_references`` lists them so that a validator can say it ignored them.
"""

from __future__ import annotations

import re

from lxml import etree

from .diagnostics import Diagnostic, Severity, TeiMeetingError

MAX_BYTES = 512 * 2**20


class XMLInputError(TeiMeetingError):
    """The XML is not well-formed, too large, or asks for something unsafe (entities, DTDs)."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


def _refuse(code: str, message: str, source: str, line: int | None = 1, column: int | None = 1):
    return XMLInputError([Diagnostic(Severity.ERROR, code, message, source, line, column)])


def parse_xml(data: bytes, source: str = "<bytes>") -> etree._ElementTree:
    """Parse untrusted XML bytes safely; raise ``XMLInputError`` with a position on any problem."""
    if len(data) > MAX_BYTES:
        raise _refuse("too-large", f"the file is larger than {MAX_BYTES // 2**20} MB", source, None, None)
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        line = head[: head.find(b"<!")].count(b"\n") + 1
        raise _refuse(
            "doctype-refused",
            "the document has a DOCTYPE (entity declarations or an external DTD); TEI needs none, so it is "
            "not read: remove the DOCTYPE",
            source,
            line,
        )
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        raise _refuse("not-well-formed", _explain(error.msg or str(error)), source, line, column) from None
    docinfo = tree.docinfo
    if docinfo.internalDTD is not None or docinfo.system_url or docinfo.public_id:
        raise _refuse("doctype-refused", "the document has a DOCTYPE; TEI needs none, so it is not read", source)
    return tree


def _explain(message: str) -> str:
    """libxml2's message without its position suffix, and its limits in plain words."""
    message = re.sub(r",? line \d+, column \d+\s*$", "", message.strip())
    if "Excessive depth" in message:
        return "elements are nested more than 256 deep; this is not a TEI document a person edits"
    if "limit exceeded" in message.lower() or "huge" in message.lower():
        return "a text or attribute value is larger than 10 MB"
    return f"not well-formed XML: {message}"


_PSEUDO_HREF = re.compile(r'href\s*=\s*(["\'])(.*?)\1')


def schema_references(tree: etree._ElementTree) -> list[tuple[str, int | None]]:
    """The ``xml-model`` processing instructions' targets (href) and their lines; never followed."""
    found = []
    node = tree.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            match = _PSEUDO_HREF.search(node.text or "")
            if match:
                found.append((match.group(2), node.sourceline))
        node = node.getprevious()
    return list(reversed(found))
