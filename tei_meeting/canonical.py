"""The documented normalisation under which a transcript and its TEI's text are the same text.

``canonical(source) == canonical(transform(convert(source), to="txt"))`` for every transcript that
converts (property-tested). What it forgives is exactly what the converter does not keep:

* line ends, Unicode composition (NFC), and characters XML cannot hold (replaced by U+FFFD);
* white space: runs of white space (blank lines between paragraphs too) are one space;
* the space before ``[sic]`` (the mark is regenerated as " [sic]");
* the case of gap keywords (``[illegible]`` is given back as ``[ILLEGIBLE]``);
* Markdown emphasis and heading marks of the preamble (``### **Citation:**`` is ``Citation:``).
"""

from __future__ import annotations

import re

from .diagnostics import Reporter
from .reader.inline import GAP_KEYWORDS
from .reader.text_input import clean

_GAP = re.compile(r"\[(" + "|".join(GAP_KEYWORDS) + r")\]", re.I)
_SIC = re.compile(r"\s*\[sic\]", re.I)
_HEADING = re.compile(r"(?m)^#{1,6}[ \t]+")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")


def canonical(text: str) -> str:
    """``text`` in the form used to compare a transcript with the text given back from its TEI."""
    text = clean(text, Reporter())
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _GAP.sub(lambda m: f"[{GAP_KEYWORDS[m.group(1).lower()].upper()}]", text)
    text = _SIC.sub(" [sic]", text)
    return " ".join(text.split())
