"""The record's heading: when, where, about what, and the stamps and shelfmarks around it.

Records open with lines such as ``Date and Time: June 5, 1960, 10:00 a.m.``, ``Location: The
Kremlin``, ``PLACE: Beijing``, ``Subject: The Berlin question``, and carry classification stamps
(``TOP SECRET``, ``Copy No. 2``) and archival references (``RGANI. Collection 52, ...``) that are
not speech. They are recognised here; ``body.py`` keeps them in the body (datelines, argument,
notes) and the header gets their values (setting date, time and place; keywords).
"""

from __future__ import annotations

import re

FIELD_LINE = re.compile(
    r"^(?P<name>Date and Time|DATE AND TIME|Date and time|Date|DATE|Time|TIME|Location|LOCATION|Place|PLACE|"
    r"Venue|VENUE|Subject|SUBJECT|Re|RE|Topic|TOPIC)[ \t]*:[ \t]*(?=\S)"
)
#: Field names and what their line is: a dateline (when or where) or the argument (what about).
FIELD_KINDS = {
    "date and time": "when", "date": "when", "time": "when",
    "location": "where", "place": "where", "venue": "where",
    "subject": "about", "re": "about", "topic": "about",
}

CLASSIFICATION = re.compile(
    r"^(?:(?:STRICTLY |HIGHLY )?(?:TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|EYES ONLY|"
    r"NOT FOR PUBLICATION|Top Secret|Secret|Confidential|Strictly Confidential|Strictly Secret)"
    r"(?:[ \t]*[-–—,/][ \t]*[\w .,;:()\-]{0,60})?|Copy No\.?[ \t]*\d+|COPY NO\.?[ \t]*\d+|Copy \d+ of \d+)[.!]?$"
)
ARCHIVAL = re.compile(
    r"^(?:\[?(?:Source|SOURCE)[ \t]*:|RGANI|RGASPI|RGAE|GARF|AVP ?RF|APRF|TsAMO|TsKhSD|SAPMO|PAAA|BArch|AMAE|"
    r"NARA|PRC FMA|AAN|AMZV|MOL|AMVnR|ANIC|AIPN|Archiv\w*|Archive of)\b.{0,300}$",
    re.S,
)


def field_line(line: str) -> tuple[str, int] | None:
    """The kind ("when", "where", "about") of a heading field line and where its value starts."""
    match = FIELD_LINE.match(line)
    if not match:
        return None
    return FIELD_KINDS[match.group("name").lower()], match.end()


def note_kind(paragraph: str) -> str | None:
    """"classification" for a stamp, "archival" for a shelfmark line, else None (one-line paragraphs only)."""
    if "\n" in paragraph.strip() or len(paragraph) > 300:
        return None
    if CLASSIFICATION.match(paragraph):
        return "classification"
    if ARCHIVAL.match(paragraph):
        return "archival"
    return None
