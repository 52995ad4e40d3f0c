"""Parsing XML that may be hostile: no DTD loading, no entity expansion, no network, bounded size.

Every XML file the library reads from outside (``validate``, ``transform``) goes through
``parse_xml``. A document with a DOCTYPE that declares entities is refused outright: TEI needs
none, and refusing is the only sure defence against entity-expansion bombs and XXE.
"""

from __future__ import annotations

from lxml import etree

from .diagnostics import Diagnostic, Severity, TeiMeetingError


class XMLInputError(TeiMeetingError):
    """The XML is not well-formed, or it asks for something unsafe (entities, external DTDs)."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, source: str = "<bytes>") -> etree._ElementTree:
    """Parse untrusted XML bytes safely; raise ``XMLInputError`` with a position on any problem."""
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser(), base_url=None))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = error.msg or str(error)
        raise XMLInputError([Diagnostic(Severity.ERROR, "not-well-formed", message, source, line, column)]) from None
    docinfo = tree.docinfo
    if docinfo.internalDTD is not None or docinfo.system_url or docinfo.public_id:
        raise XMLInputError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "doctype-refused",
                    "the document has a DOCTYPE (entities or an external DTD); TEI needs none and it is not read",
                    source,
                    1,
                    1,
                )
            ]
        )
    return tree
