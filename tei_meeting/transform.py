"""TEI -> other formats with XSLT 1.0 stylesheets shipped in ``tei_meeting/xslt``.

XSLT 1.0 runs in lxml, in ``xsltproc`` and in browsers, so the stylesheets are useful without
this library: ``xsltproc tei_meeting/xslt/tei-to-text.xsl record.xml``.
"""

from __future__ import annotations

import functools
from importlib import resources

from lxml import etree

from .diagnostics import Diagnostic, Severity, TeiMeetingError
from .xmlsafe import parse_xml

#: Output formats: name -> (stylesheet, description).
FORMATS = {
    "txt": ("tei-to-text.xsl", "canonical plain text: the transcript the TEI was made from"),
}


class TransformError(TeiMeetingError):
    """An unknown format, or a stylesheet that failed or produced nothing."""


@functools.lru_cache(maxsize=None)
def _stylesheet(name: str) -> etree.XSLT:
    path = resources.files("tei_meeting.xslt").joinpath(name)
    access = etree.XSLTAccessControl.DENY_ALL
    return etree.XSLT(etree.parse(str(path)), access_control=access)


def transform(tei: bytes | etree._ElementTree, to: str = "txt", source: str = "<bytes>") -> str:
    """Apply the stylesheet for format ``to`` to TEI (bytes or a parsed tree) and return the result text."""
    if to not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise TransformError([Diagnostic(Severity.ERROR, "unknown-format", f"unknown format {to!r}; known formats: {known}", source)])
    tree = parse_xml(tei, source) if isinstance(tei, bytes) else tei
    result = _stylesheet(FORMATS[to][0])(tree)
    output = str(result)
    if not output.strip():
        raise TransformError([Diagnostic(Severity.ERROR, "empty-output", f"the {to} transform produced nothing", source)])
    return output
