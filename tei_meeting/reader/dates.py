"""Dates and times as transcripts write them, normalised to ISO 8601 / W3C values for TEI.

Only what the text says is normalised: "July 1945" becomes ``1945-07``, never a guessed day.
Times keep their meridiem rules: in "9:00 - 10:40 p.m." the final "p.m." governs both ends,
as English usage has it, unless that would make the range run backwards.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

DATE_PATTERNS = [
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
]

_CLOCK = r"(?P<{0}h>\d{{1,2}})(?:[:.](?P<{0}m>\d{{2}}))?\s*(?P<{0}mer>[ap]\.?\s?m\.?(?![a-z]))?"
TIME_RANGE = re.compile(
    _CLOCK.format("a") + r"\s*(?:-|–|—|to|until)\s*" + _CLOCK.format("b"),
    re.I,
)
TIME_SINGLE = re.compile(_CLOCK.format("a"), re.I)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


@dataclass(frozen=True)
class TimeMatch:
    start: int
    end: int
    when: str | None = None
    begin: str | None = None
    finish: str | None = None


def find_date(text: str, pos: int = 0) -> DateMatch | None:
    """The first valid date in ``text`` at or after ``pos`` (the earliest of all patterns)."""
    found: list[DateMatch] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text, pos):
            iso = _iso(match)
            if iso:
                found.append(DateMatch(match.start(), match.end(), iso))
                break
    return min(found, key=lambda m: (m.start, -m.end), default=None)


def parse_date(text: str) -> str | None:
    """The ISO value of ``text`` if the whole of it is one date."""
    match = find_date(text.strip())
    if match and match.start == 0 and match.end == len(text.strip()):
        return match.iso
    return None


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups.get("monthnum") or 0)
    day = groups.get("day")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, int(day)).isoformat()
    except ValueError:
        return None


def find_time(text: str, pos: int = 0) -> TimeMatch | None:
    """A clock time or range with a colon or a meridiem ("9:00 - 10:40 p.m.", "3 p.m."), else None."""
    for pattern in (TIME_RANGE, TIME_SINGLE):
        for match in pattern.finditer(text, pos):
            found = _time_match(match)
            if found:
                return found
    return None


def _time_match(match: re.Match[str]) -> TimeMatch | None:
    g = match.groupdict()
    if "bh" in g and g["bh"] is not None:
        if not (g["am"] or g["amer"]) or not (g["bm"] or g["bmer"]):
            return None
        end = _clock(g["bh"], g["bm"], g["bmer"])
        start = _clock(g["ah"], g["am"], g["amer"] or g["bmer"])
        if start and end and not g["amer"] and start > end:
            start = _clock(g["ah"], g["am"], None)
        if start is None or end is None:
            return None
        return TimeMatch(match.start(), match.end(), begin=start, finish=end)
    if not (g["am"] or g["amer"]):
        return None
    when = _clock(g["ah"], g["am"], g["amer"])
    return None if when is None else TimeMatch(match.start(), match.end(), when=when)


def _clock(hours: str, minutes: str | None, meridiem: str | None) -> str | None:
    h, m = int(hours), int(minutes or 0)
    if meridiem:
        if not 1 <= h <= 12:
            return None
        pm = meridiem.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return f"{h:02d}:{m:02d}:00"
