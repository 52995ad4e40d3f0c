"""Parsing XML that may be hostile: no DTDs, no entity expansion, no network, bounded size and depth.

Every XML file the library reads from outside (``validate``, ``transform``, ``corpus``,
personographies, a user's RelaxNG schema) goes through ``parse_xml``:

* the parser loads no DTD, resolves no entity, and opens no network connection;
* a document with a DOCTYPE (an internal subset with entities, or an external DTD) is refused:
  TEI needs none, and refusing is the only sure defence against XXE and entity-expansion bombs
  (lxml's ``resolve_entities=False`` already stops expansion; the refusal makes it visible instead
  of silently dropping the entity's text);
* libxml2's limits stay on (``huge_tree`` off): nesting deeper than 256 elements, text or
  attribute values over 10 MB are errors, not hangs; files over ``MAX_BYTES`` and things that are
  not regular files (a FIFO, ``/dev/zero``) are refused before reading (``read_xml_file``);
* a schema reference (``<?xml-model href="..."?>``) is never followed: the caller chooses the
  schema. ``schema_references`` lists them so that a validator can say it ignored them;
* XInclude is never processed; XSLT runs with ``XSLTAccessControl.DENY_ALL`` (``transform``).

A user's schema is the caller's choice, but libxml2 loads a RelaxNG ``include``/``externalRef``
itself, without the no-network option: ``schema_document`` follows the local ones (each parsed by
the same rules) and refuses any that would need the network.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from lxml import etree

from .diagnostics import Diagnostic, Severity, TeiMeetingError

MAX_BYTES = 512 * 2**20
RELAXNG = "http://relaxng.org/ns/structure/1.0"


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


def read_xml_file(path: str | os.PathLike, source: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``MAX_BYTES``; ``OSError`` if it cannot be read.

    Checked before reading, so that ``/dev/zero``, a FIFO or a 10 GB file neither hangs nor fills
    memory.
    """
    path = Path(path)
    source = source or str(path)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a directory, device, pipe or socket is not read)", str(path))
    if info.st_size > MAX_BYTES:
        raise _refuse("too-large", f"the file is larger than {MAX_BYTES // 2**20} MB", source, None, None)
    with path.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # it grew while we read it
        raise _refuse("too-large", f"the file is larger than {MAX_BYTES // 2**20} MB", source, None, None)
    return data


_DOCTYPE_MESSAGE = (
    "the document has a DOCTYPE (entity declarations or an external DTD); TEI needs none, so it is "
    "not read: remove the DOCTYPE"
)


def _prolog_doctype(data: bytes) -> int | None:
    """Offset of a DOCTYPE in the prolog (before the root element), or None; in the text's own units.

    A DOCTYPE can only stand in the prolog, after the XML declaration, comments and processing
    instructions, however long they are. Finding it there, before libxml2 parses anything, means
    that no entity is declared, no external subset or parameter entity is opened (libxml2 opens
    local ones even with ``load_dtd`` off), and the user hears "DOCTYPE" rather than a parser error.
    """
    text = _ascii_view(data)
    position = 1 if text[:1] == "\ufeff" else 0
    end = len(text)
    while position < end:
        while position < end and text[position] in " \t\r\n":
            position += 1
        if text.startswith("<?", position):
            close = text.find("?>", position + 2)
        elif text.startswith("<!--", position):
            close = text.find("-->", position + 4)
        elif text.startswith("<!DOCTYPE", position):
            return position
        else:
            return None
        if close == -1:
            return None
        position = close + (2 if text[close] == "?" else 3)
    return None


def _ascii_view(data: bytes) -> str:
    """The document as text good enough to find markup in: UTF-16 decoded, anything else as Latin-1
    (every ASCII-compatible encoding writes markup characters as ASCII bytes)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    if data[:2] == b"<\x00":
        return data.decode("utf-16-le", "replace")
    if data[:2] == b"\x00<":
        return data.decode("utf-16-be", "replace")
    return data.decode("latin-1")


def parse_xml(data: bytes, source: str = "<bytes>", base_url: str | None = None) -> etree._ElementTree:
    """Parse untrusted XML bytes safely; raise ``XMLInputError`` with a position on any problem.

    ``base_url`` only tells libxml2 where the document is (for a schema's relative includes); it
    never makes the parser fetch anything.
    """
    if len(data) > MAX_BYTES:
        raise _refuse("too-large", f"the file is larger than {MAX_BYTES // 2**20} MB", source, None, None)
    doctype = _prolog_doctype(data)
    if doctype is not None:
        text = _ascii_view(data)
        raise _refuse("doctype-refused", _DOCTYPE_MESSAGE, source, text.count("\n", 0, doctype) + 1)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser(), base_url=base_url))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        raise _refuse("not-well-formed", _explain(error.msg or str(error)), source, line, column) from None
    docinfo = tree.docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.system_url or docinfo.public_id or docinfo.doctype:
        # Not reached for any encoding _ascii_view reads; kept for the others (UTF-32, EBCDIC).
        raise _refuse("doctype-refused", _DOCTYPE_MESSAGE, source)
    return tree


def _explain(message: str) -> str:
    """libxml2's message without its position suffix, and its limits in plain words."""
    message = re.sub(r",? line \d+, column \d+\s*$", "", message.strip())
    if "Excessive depth" in message or "depth" in message.lower() and "exceed" in message.lower():
        return "elements are nested more than 256 deep; this is not a TEI document a person edits"
    if "limit exceeded" in message.lower() or "huge" in message.lower():
        return "a text or attribute value is larger than 10 MB"
    if "amplification" in message.lower() or "entity" in message.lower() and "loop" in message.lower():
        return "entity expansion is refused (an entity-expansion bomb?)"
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


_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # a URI scheme (http:, ftp:, ...); file: is local


def _is_remote(href: str) -> bool:
    return bool(_REMOTE.match(href)) and not href.lower().startswith("file:") and not re.match(r"^[A-Za-z]:[\\/]", href)


def schema_document(path: Path, source: str | None = None) -> etree._ElementTree:
    """A RelaxNG schema file parsed safely, with every include it would load checked to be local.

    libxml2 resolves ``<include href>`` and ``<externalRef href>`` on its own when the schema is
    compiled, with no ``no_network`` option, so a remote one is refused here (download it and point
    to the local copy), and each local one is parsed by the rules above before libxml2 sees it.
    """
    source = source or str(path)
    document = parse_xml(read_xml_file(path, source), source, base_url=str(path))
    seen = {path.resolve()}
    pending = [(document, path)]
    while pending:
        tree, where = pending.pop()
        for element in tree.iter(f"{{{RELAXNG}}}include", f"{{{RELAXNG}}}externalRef"):
            href = element.get("href", "")
            if _is_remote(href):
                raise _refuse(
                    "remote-schema",
                    f"the schema includes {href!r}, which would be fetched from the network; it is not: "
                    "download it and include the local copy",
                    str(where),
                    element.sourceline,
                    None,
                )
            included = (where.parent / href.removeprefix("file://")).resolve()
            if included in seen:
                continue
            seen.add(included)
            pending.append((parse_xml(read_xml_file(included), str(included)), included))
    return document
