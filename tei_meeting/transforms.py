"""TEI -> other formats with XSLT 1.0 stylesheets shipped in ``tei_meeting/xslt``.

XSLT 1.0 runs in lxml, in ``xsltproc`` and in browsers, so the stylesheets are useful without
this library: ``xsltproc tei_meeting/xslt/tei-to-text.xsl record.xml`` (docs/transforms.md has a
command line for every format). Every format, the tables included, is one stylesheet: what a
user runs with ``xsltproc`` is exactly what ``transform`` does, and the three table formats
cannot disagree because one stylesheet writes them all.

The registry is a plain dict (``FORMATS``); an unknown name is an error that lists the known
ones. An output that is empty, or that is not what its format promises (XML that does not
parse, a JSON line that is not JSON), is an error too, never a file.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import PurePath
from typing import NamedTuple

from lxml import etree

from .diagnostics import Diagnostic, Severity, TeiMeetingError
from .xmlsafe import parse_xml

TEI_NS = "http://www.tei-c.org/ns/1.0"


class Format(NamedTuple):
    """One output format: its stylesheet, a one-line description, the file suffix it is written
    with, and the stylesheet parameters that select it (one stylesheet can serve several formats).
    ``Format[0]`` is the stylesheet, as in the first version of the registry."""

    stylesheet: str
    description: str
    suffix: str
    params: tuple[tuple[str, str], ...] = ()
    kind: str = "text"  # "text", "xml" (must parse) or "jsonl" (each line must be JSON)


#: Output formats: name -> Format. The order is the order of ``tei-meeting transform --list``.
FORMATS: dict[str, Format] = {
    "txt": Format("tei-to-text.xsl", "canonical plain text: the transcript the TEI was made from", ".txt"),
    "html": Format("tei-to-html.xsl", "reading edition: one self-contained HTML file (inline CSS, no network)", ".html"),
    "md": Format("tei-to-markdown.xsl", "Markdown: the reading edition's content; speakers bold, stage directions italic", ".md"),
    "csv": Format("tei-to-table.xsl", "one row per turn, RFC 4180 CSV with a header row (UTF-8)", ".csv", (("format", "csv"),)),
    "tsv": Format("tei-to-table.xsl", "one row per turn, tab-separated with a header row (UTF-8)", ".tsv", (("format", "tsv"),)),
    "jsonl": Format("tei-to-table.xsl", "one row per turn, a JSON object per line (JSON Lines)", ".jsonl", (("format", "jsonl"),), "jsonl"),
    "parlamint": Format("tei-to-parlamint.xsl", "ParlaMint/Parla-CLARIN style TEI: u, seg, note, kinesic/vocal/incident, gap", ".parlamint.xml", kind="xml"),
    "dracor": Format("tei-to-dracor.xsl", "DraCor style TEI: particDesc, castList, sp/@who, stage", ".dracor.xml", kind="xml"),
}

#: Other file suffixes a format is recognised by (``-o x.htm``).
_ALIASES = {".htm": "html", ".markdown": "md", ".ndjson": "jsonl", ".text": "txt"}


class TransformError(TeiMeetingError):
    """An unknown format, an input that is not TEI, or a stylesheet that failed or produced nothing."""


def _error(code: str, message: str, source: str, line: int | None = None) -> TransformError:
    return TransformError([Diagnostic(Severity.ERROR, code, message, source, line)])


def unknown_format_message(name: str) -> str:
    return f"unknown format {name!r}; known formats: {', '.join(FORMATS)}"


def format_for_path(path: str | PurePath) -> str | None:
    """The format a file name asks for by its suffix (``x.html`` -> html, ``x.dracor.xml`` -> dracor), or None."""
    name = PurePath(path).name.lower()
    # Longest suffix first, so that ".parlamint.xml" wins over a plain ".xml" (which names no format).
    for format_name, spec in sorted(FORMATS.items(), key=lambda item: -len(item[1].suffix)):
        if name.endswith(spec.suffix) and len(name) > len(spec.suffix):
            return format_name
    return _ALIASES.get(PurePath(name).suffix)


def document_id(source: str) -> str:
    """The id of a document for the tables: its file name without ``.xml`` (none for bytes or stdin)."""
    if not source or source.startswith("<") or source == "-":
        return ""
    name = PurePath(source).name
    return name[: -len(".xml")] if name.lower().endswith(".xml") else PurePath(name).stem


@functools.lru_cache(maxsize=None)
def _stylesheet(name: str) -> etree.XSLT:
    path = resources.files("tei_meeting.xslt").joinpath(name)
    # The stylesheets read nothing but their input: no document(), no writes, no network.
    access = etree.XSLTAccessControl.DENY_ALL
    return etree.XSLT(etree.parse(str(path)), access_control=access)


def transform(
    tei: bytes | etree._ElementTree,
    to: str = "txt",
    source: str = "<bytes>",
    *,
    document: str | None = None,
) -> str:
    """Apply the stylesheet for format ``to`` to TEI (bytes or a parsed tree) and return the result text.

    ``document`` is the document id written in the table formats (default: ``source``'s file
    name without ``.xml``). Raises ``TransformError`` for an unknown format, an input that is not
    a TEI document, and an output that is empty or broken; ``XMLInputError`` for bytes that are
    not well-formed XML.
    """
    spec = FORMATS.get(to)
    if spec is None:
        raise _error("unknown-format", unknown_format_message(to), source)
    tree = parse_xml(tei, source) if isinstance(tei, bytes) else tei
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise _error(
            "not-tei",
            f"the document is not TEI: its root element is {etree.QName(root).localname!r}, not TEI in the TEI namespace",
            source,
            root.sourceline,
        )
    params = dict(spec.params)
    params["document"] = document if document is not None else document_id(source)
    stylesheet = _stylesheet(spec.stylesheet)
    try:
        result = stylesheet(tree, **{key: etree.XSLT.strparam(value) for key, value in params.items() if _declares(spec.stylesheet, key)})
    except etree.XSLTApplyError as error:
        raise _error("transform-failed", f"the {to} stylesheet failed: {error}", source) from None
    output = str(result)
    if spec.kind == "xml" and output.startswith('<?xml version="1.0"?>'):
        # str() of an XML result drops the encoding from the declaration; the bytes are UTF-8.
        output = '<?xml version="1.0" encoding="UTF-8"?>' + output[len('<?xml version="1.0"?>') :]
    if not output.strip():
        why = "the document has no turns (sp)" if spec.stylesheet == "tei-to-table.xsl" else "nothing"
        raise _error("empty-output", f"the {to} transform produced nothing: {why}", source)
    _check(spec, to, result, output, source)
    return output


@functools.lru_cache(maxsize=None)
def _declares(stylesheet: str, param: str) -> bool:
    """Whether a stylesheet declares a parameter (libxslt ignores others, but passing only what
    is declared keeps the xsltproc command lines in the docs honest)."""
    path = resources.files("tei_meeting.xslt").joinpath(stylesheet)
    tree = etree.parse(str(path))
    return bool(tree.xpath("/xsl:stylesheet/xsl:param[@name=$p]", p=param, namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"}))


def _check(spec: Format, to: str, result, output: str, source: str) -> None:
    """The output is what its format promises; a broken result is never handed on as a file."""
    if spec.kind == "xml":
        if result.getroot() is None or result.getroot().tag != f"{{{TEI_NS}}}TEI":
            raise _error("broken-output", f"the {to} transform did not produce a TEI document", source)
    elif spec.kind == "jsonl":
        for number, line in enumerate(output.splitlines(), 1):
            try:
                json.loads(line)
            except ValueError as error:
                raise _error("broken-output", f"the {to} transform wrote a line that is not JSON (line {number}: {error})", source) from None
