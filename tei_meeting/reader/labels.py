"""Speaker labels: where a turn starts and whose it is.

Records mark turns in several ways, and each way has its own risk of mistaking speech for a label:

* ``Stalin:``, ``STALIN:``, ``Comrade Gromyko:``, ``N. S. Khrushchev:``, ``Mr. Harriman:`` — a name
  of one to four capitalised words and a colon, at the start of a paragraph. Words such as
  ``Note:`` or ``Subject:`` introduce structure, not speech (``NOT_SPEAKERS``).
* Editorial brackets in the name: ``[Joseph] Stalin:``, ``M.S. [Gorbachev]:``, ``Y[ang Shangkun]:``.
* A parenthetical before the colon: ``N.S. Khrushchev (after the translation ended):`` (a stage
  direction: it stays in the turn) or ``North (KIM):`` (a side and the person who speaks for it).
* ``Stalin.`` / ``MAO ZEDONG.`` — a name and a period. Accepted only when the name is all capitals,
  is already a speaker (colon labels, participants block), or recurs as such a label at least twice
  and is not a common sentence opener ("Yes.", "Thank you.", ...). ``The Prime Minister said`` is
  reported speech, never a label.
* ``H. Kroll I am charged ...`` — no punctuation at all: only for names known as labels elsewhere,
  followed by a capital letter.
* Labels in the middle of a line (a PDF export that lost its paragraph breaks): split after a
  sentence end at known labels (or ones recurring mid-line at least twice); others are reported.

This module only finds labels; ``body.py`` decides turns and ``persons.py`` who is who.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from .heading import note_kind

_BRACKET = r"\[(?=[A-Za-z])[^\[\]\n]{1,40}\]"
#: A word of a name: a bracket, initials ("N.S."), a short abbreviation with its period ("Mr.",
#: "Gen.", "N."), or a word without one ("STALIN." ends a label, it does not begin "STALIN. Subject:").
_NAME_WORD = rf"(?:{_BRACKET}|(?:[A-Z]\.){{2,3}}|[A-Z][\w'’\-]{{0,3}}\.|[A-Z][\w'’\-]*)(?:{_BRACKET})?"
_PARTICLE = r"(?:de|da|van|von|der|al|bin|ibn|la|le)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_PARTICLE})){{0,3}}"
_PAREN = r"\((?P<paren>[^()\n]{1,80})\)"

#: ``Name:`` or ``Name (parenthetical):`` at the start of a paragraph.
COLON_LABEL = re.compile(rf"^(?P<name>{_NAME})(?:[ \t]+{_PAREN})?[ \t]*:(?=\s|$)")
#: ``Name.`` at the start of a paragraph; the last word is a word, not an initial.
_PERIOD_LAST = r"(?:[A-Z][\w'’\-]+|[A-Z][\w'’\-]*" + _BRACKET + r"|" + _BRACKET + r")"
PERIOD_LABEL = re.compile(
    rf"^(?P<name>(?:{_NAME_WORD}[ \t]+(?:{_PARTICLE}[ \t]+)?){{0,3}}{_PERIOD_LAST})\.(?=[ \t]+\S|[ \t]*\n|[ \t]*$)"
)

#: Words that look like labels but introduce structure, not speech.
NOT_SPEAKERS = {
    "note", "notes", "re", "subject", "present", "participants", "date", "time", "place",
    "location", "from", "to", "cc", "attachment", "enclosure", "source", "summary", "citation",
    "contents", "question", "answer", "agenda", "ps", "p.s.", "date and time", "persons present",
    "footnotes", "endnotes", "copy", "top secret", "secret", "confidential", "memorandum",
    "minutes", "record", "translation", "transcript", "item", "point", "annex", "appendix",
}

#: Words that open sentences with a period soon after; never period labels on their own.
SENTENCE_OPENERS = {
    "yes", "no", "well", "thank", "thanks", "good", "right", "correct", "certainly", "indeed",
    "exactly", "true", "agreed", "then", "so", "now", "fine", "ok", "okay", "sure", "of", "very",
    "quite", "perhaps", "maybe", "absolutely", "naturally", "clearly", "understood", "excellent",
    "agree", "impossible", "possibly", "probably", "certainly", "precisely", "again", "later",
    "please", "good-bye", "goodbye", "hello", "nothing", "everything", "both", "none", "all",
    "this", "that", "it", "i", "we", "you", "he", "she", "they", "there", "here", "what", "why",
    "how", "when", "where", "who", "the", "a", "an", "and", "but", "or", "not", "is", "was",
    "mr", "mrs", "dr", "st", "gen", "no", "nos", "vol", "p", "pp", "etc", "ibid", "i.e", "e.g",
}

#: All-capital words that open sentences but name no speaker.
ABBREVIATIONS = {"USSR", "USA", "US", "UN", "PRC", "DPRK", "ROK", "CPSU", "CCP", "KMT", "GDR", "FRG", "NATO", "OK", "TASS", "SED", "CC", "PS", "NB"}

#: Parentheticals that are stage directions even though they are capitalised ("(Laughing):").
_STAGE_WORDS = re.compile(r"^(aside|continuing|interrupting|laugh\w*|smil\w*|reading|pause|through|after|before|to|in|with|\w+ing|\w+ed)\b", re.I)


@dataclass(frozen=True)
class Label:
    """A label found at the start of a paragraph.

    ``end`` is where the turn's words begin (after the colon or period; before a stage
    parenthetical, which stays in the turn); ``label`` the label text kept in ``speaker``;
    ``name`` the name as written (brackets kept); ``affiliation`` the side of ``North (KIM):``.
    """

    label: str
    name: str
    end: int
    kind: str  # "colon", "period" or "bare"
    affiliation: str | None = None


def is_structure_word(name: str) -> bool:
    return " ".join(name.lower().split()) in NOT_SPEAKERS


def _is_person_paren(inner: str) -> bool:
    """``(KIM)``, ``(Kim Il Sung)``: a name of one to three capitalised words, not a stage direction."""
    parts = inner.split()
    if not 1 <= len(parts) <= 3 or _STAGE_WORDS.match(inner):
        return False
    return all(re.fullmatch(r"[A-Z][\w'’\-]*\.?", w) for w in parts)


@functools.lru_cache(maxsize=2048)  # asked of each paragraph by several passes; pure, so cached
def colon_label(text: str) -> Label | None:
    """``Stalin:``, ``[Joseph] Stalin:``, ``N.S. Khrushchev (after ...):``, ``North (KIM):`` at the start."""
    match = COLON_LABEL.match(text)
    if not match or is_structure_word(match.group("name")) or not _balanced(match.group("name")):
        return None
    name = match.group("name")
    paren = match.group("paren")
    if paren is None:
        return Label(text[: match.end()], name, match.end(), "colon")
    if _is_person_paren(paren):
        # "North (KIM):": the side speaks through KIM; the label is kept whole.
        return Label(text[: match.end()], paren.strip(), match.end(), "colon", affiliation=name)
    # "Khrushchev (after the translation ended):": the name is the label; the parenthetical and the
    # colon stay at the head of the turn's words, in their order.
    return Label(name, name, match.end("name"), "colon")


@functools.lru_cache(maxsize=2048)
def period_label(text: str) -> Label | None:
    """A candidate ``Name.`` label (acceptance is decided by ``LabelPolicy``)."""
    match = PERIOD_LABEL.match(text)
    if not match:
        return None
    name = match.group("name")
    if is_structure_word(name) or not _balanced(name):
        return None
    return Label(text[: match.end()], name, match.end(), "period")


def _balanced(name: str) -> bool:
    """Brackets that pair up, one level deep, and supply words (not "[sic]", "[ILLEGIBLE]", "[Laughter]")."""
    if "[" not in name and "]" not in name:
        return True
    from .inline import GAP_KEYWORDS, STAGE_KEYWORDS

    for inner in re.findall(r"\[([^\[\]]*)\]", name):
        word = inner.strip().lower()
        if word in GAP_KEYWORDS or word in STAGE_KEYWORDS or word in {"sic", "?"} or (inner.isupper() and re.search(r"[A-Z]{3}", inner)):
            return False
    depth = 0
    for char in name:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0 or depth > 1:
            return False
    return depth == 0


def all_caps(name: str) -> bool:
    letters = [c for c in re.sub(_BRACKET, "", name) if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def first_word(name: str) -> str:
    return re.split(r"[\s.]+", name.strip().lower(), maxsplit=1)[0]


class LabelPolicy:
    """Decides which period, bare and mid-line labels to accept, from the whole record at once."""

    def __init__(self, paragraph_texts: list[str], known=None) -> None:
        """``known``: a function telling whether a name is a person already known (a participants block)."""
        self._known_person = known or (lambda name: False)
        self.colon_names: set[str] = set()
        period_counts: Counter[str] = Counter()
        for text in paragraph_texts:
            found = colon_label(text)
            if found:
                self.colon_names.add(_key(found.name))
                continue
            candidate = period_label(text)
            if candidate:
                period_counts[_key(candidate.name)] += 1
        self.period_counts = period_counts
        mid: Counter[str] = Counter()
        for text in paragraph_texts:
            for match in MID_LINE_LABEL.finditer(text):
                if not is_structure_word(match.group("name")):
                    mid[_key(match.group("name"))] += 1
        self.mid_line_counts = mid
        self.extra_names: set[str] = set()

    def add_known(self, name: str) -> None:
        """A name known from elsewhere (a participants block)."""
        self.extra_names.add(_key(name))

    def known(self, name: str) -> bool:
        return _key(name) in self.colon_names or _key(name) in self.extra_names or self._known_person(name)

    def accepts_period(self, label: Label) -> bool:
        key = _key(label.name)
        if first_word(label.name) in SENTENCE_OPENERS and not all_caps(label.name):
            return False
        if first_word(label.name) in SENTENCE_OPENERS and key not in self.colon_names:
            return False
        if self.known(label.name):
            return True
        if all_caps(label.name) and label.name.strip() not in ABBREVIATIONS:
            return True
        return self.period_counts[key] >= 2

    def label_at_start(self, text: str) -> Label | None:
        """The label a paragraph starts with, if any: colon, accepted period, or bare known name."""
        found = colon_label(text)
        if found:
            return found
        candidate = period_label(text)
        if candidate and note_kind(text) is None and self.accepts_period(candidate):
            return candidate
        return self.bare_label(text)

    def bare_label(self, text: str) -> Label | None:
        """``H. Kroll I am charged ...``: a name known as a label, a space, then a capital letter."""
        for key in sorted(self.colon_names | self.extra_names, key=len, reverse=True):
            size = len(key)
            if text[:size].casefold() == key and re.match(r"[ \t]+[A-Z\"“]", text[size:]):
                return Label(text[:size], text[:size], size, "bare")
        return None

    def mid_line_known(self, name: str) -> bool:
        return self.known(name) or self.mid_line_counts[_key(name)] >= 2


#: ``... sentence end. Name:`` inside a paragraph.
MID_LINE_LABEL = re.compile(rf"(?<=[.!?\"”])[ \t]+(?P<name>{_NAME})(?:[ \t]+{_PAREN})?[ \t]*:(?=[ \t])")


def sentence_ends_before(text: str, position: int) -> bool:
    """Whether the text before ``position`` ends a sentence: "... news?" yes; "N.S." or "Mr." (an initial, a title) no."""
    before = text[:position].rstrip()
    if before.endswith(("?", "!", '"', "”")):
        return True
    word = re.search(r"(\S+)\.$", before)
    if not word:
        return False
    token = word.group(1)
    return len(token) > 1 and not re.fullmatch(r"(?:[A-Z]\.?)+|Mr|Mrs|Ms|Dr|Prof|Gen|St|No|Nos|Vol|pp?|cf|vs|etc", token)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
