"""Who is who: one person per speaker however the record writes the name, and the personography.

A record names the same person in several ways: ``[Joseph] Stalin:`` on first mention and
``Stalin:`` later, ``N. S. Khrushchev`` and ``Khrushchev``, ``MAO ZEDONG`` and ``MAO``, and a
participants block adds ``J. V. Stalin, Chairman of ...``. The rules (documented in
docs/encoding.md, "Persons"):

* a name is compared as *words*: case-folded, periods removed (``N.S.`` = ``N. S.``), honorifics
  and titles dropped (Comrade, Mr., General, Minister, ...). Editorial brackets count for the full
  name (``[Joseph] Stalin`` -> joseph stalin) and not for the written form (-> stalin);
* two names are the same person when their written forms are equal, or when the words (of two
  letters or more) of one are all among the full-name words of the other, and that match is
  unambiguous. Anything else is a new person; a new name that *looks* like a known one
  ("Stallin") is reported with a suggestion, never merged silently.

The registry keeps persons in order of first appearance and gives each a stable id once all are
known: from the personography when it names the person, else from the first label's full form
(``participant_id``), else from the participants block's name.

A personography (``--persons people.xml``: a TEI ``listPerson``; or a CSV) maps names and aliases
to ids, full names, roles and authority ids, so that a corpus uses one id per person. Loading
it needs lxml, imported only when a file is loaded: reading a transcript stays free of XML.
"""

from __future__ import annotations

import csv
import difflib
import io
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import ConversionError, Diagnostic, Reporter, Severity
from ..model import AuthorityId, Participant, Span

#: Titles and forms of address that are not part of a name.
HONORIFICS = {
    "comrade", "comrades", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "general", "gen",
    "marshal", "ambassador", "secretary", "chairman", "president", "premier", "minister", "prime",
    "sir", "lord", "madame", "mme", "monsieur", "herr", "frau", "tovarishch", "the", "vice",
    "deputy", "foreign", "state", "of", "colonel", "admiral", "senator", "governor", "king", "queen",
}

_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def participant_id(label: str) -> str:
    """A stable XML id from a name: ASCII, lower case, words joined by hyphens ("T. V. Soong" -> "t-v-soong")."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = "person-" + slug if slug else "person"
    return slug


def full_form(name: str) -> str:
    """The name with editorial supplements, without their brackets: "Y[ang Shangkun]" -> "Yang Shangkun"."""
    return " ".join(_BRACKETED.sub(r"\1", name).split())


def written_form(name: str) -> str:
    """The name as the record writes it, without editorial supplements: "M.S. [Gorbachev]" -> "M.S."."""
    return " ".join(_BRACKETED.sub(" ", name).split()) or full_form(name)


@functools.lru_cache(maxsize=4096)
def words(name: str) -> tuple[str, ...]:
    """Comparable words of a name: case-folded, no periods, no honorifics (unless nothing else is left)."""
    plain = re.sub(r"[.,’'`]", " ", name.casefold())
    every = tuple(w for w in re.split(r"[\s\-]+", plain) if w)
    kept = tuple(w for w in every if w not in HONORIFICS)
    return kept or every


@dataclass(frozen=True)
class Identity:
    """A name's comparable forms."""

    written: tuple[str, ...]
    full: tuple[str, ...]

    @classmethod
    def of(cls, name: str) -> Identity:
        return _identity(name)

    def significant(self) -> frozenset[str]:
        return frozenset(w for w in self.written if len(w) >= 2)

    def same_as(self, other: Identity) -> bool:
        if self.written == other.written or self.full == other.full:
            return True
        mine, theirs = self.significant(), other.significant()
        return bool(mine and mine <= set(other.full)) or bool(theirs and theirs <= set(self.full))


@functools.lru_cache(maxsize=4096)
def _identity(name: str) -> Identity:
    """Names recur on every turn: their comparable forms are computed once (pure, so cached)."""
    return Identity(words(written_form(name)), words(full_form(name)))


# --- the personography --------------------------------------------------------------------


@dataclass(frozen=True)
class KnownPerson:
    """A person of a personography: id, names (the first is the main one), roles, side, authority ids."""

    id: str
    names: tuple[str, ...]
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    authority: tuple[AuthorityId, ...] = ()

    def identities(self) -> list[Identity]:
        return [Identity.of(name) for name in self.names]


@dataclass(frozen=True)
class Personography:
    """People known across a corpus, from a TEI ``listPerson`` or a CSV file."""

    persons: tuple[KnownPerson, ...]
    source: str = "<personography>"

    def find(self, name: str) -> KnownPerson | None:
        """The one person whose names include ``name`` (by the identity rules), or None if none or several."""
        identity = Identity.of(name)
        exact = [p for p in self.persons if any(i.written == identity.written for i in p.identities())]
        if len(exact) == 1:
            return exact[0]
        found = [p for p in self.persons if any(identity.same_as(i) for i in p.identities())]
        return found[0] if len(found) == 1 else None

    def similar(self, name: str) -> str | None:
        """The personography name closest to ``name``, if one looks alike (for a suggestion)."""
        names = {" ".join(i.written): n for p in self.persons for n, i in zip(p.names, p.identities())}
        close = difflib.get_close_matches(" ".join(Identity.of(name).written), list(names), n=1, cutoff=0.75)
        return names[close[0]] if close else None


_TEI = "{http://www.tei-c.org/ns/1.0}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def load_personography(path: str | Path) -> Personography:
    """Read a personography: ``.csv`` (columns id, name, aliases, role, affiliation, viaf, wikidata;
    aliases separated by ``|``) or a TEI file with ``person`` elements (anywhere in it)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConversionError([Diagnostic(Severity.ERROR, "io", f"cannot read: {error.strerror or error}", str(path))])
    if path.suffix.lower() == ".csv":
        return _from_csv(data.decode("utf-8-sig"), str(path))
    return _from_tei(data, str(path))


def _from_tei(data: bytes, source: str) -> Personography:
    from ..xmlsafe import parse_xml

    root = parse_xml(data, source).getroot()
    persons = []
    for element in root.iter(_TEI + "person"):
        ident = element.get(_XML_ID)
        names = [" ".join("".join(n.itertext()).split()) for n in element.findall(_TEI + "persName")]
        names = [n for n in names if n]
        if not ident or not names:
            line = element.sourceline
            raise ConversionError([Diagnostic(Severity.ERROR, "bad-personography", "a person needs an xml:id and a persName", source, line)])
        roles = [" ".join("".join(r.itertext()).split()) for r in element if r.tag in {_TEI + "occupation", _TEI + "roleName"}]
        affiliation = element.find(_TEI + "affiliation")
        authority = [
            AuthorityId(idno.get("type") or "", " ".join((idno.text or "").split()))
            for idno in element.findall(_TEI + "idno")
            if (idno.text or "").strip()
        ]
        persons.append(
            KnownPerson(
                ident,
                tuple(names),
                tuple(r for r in roles if r),
                " ".join("".join(affiliation.itertext()).split()) if affiliation is not None else None,
                tuple(authority),
            )
        )
    return Personography(tuple(persons), source)


def _from_csv(text: str, source: str) -> Personography:
    persons = []
    for row in csv.DictReader(io.StringIO(text)):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("id") or not row.get("name"):
            raise ConversionError([Diagnostic(Severity.ERROR, "bad-personography", "each row needs an id and a name", source)])
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        authority = [AuthorityId(kind, row[key]) for key, kind in (("viaf", "VIAF"), ("wikidata", "Wikidata")) if row.get(key)]
        persons.append(
            KnownPerson(row["id"], (row["name"], *aliases), tuple(r for r in [row.get("role", "")] if r), row.get("affiliation") or None, tuple(authority))
        )
    return Personography(tuple(persons), source)


# --- the record's persons -----------------------------------------------------------------


@dataclass
class _Person:
    names: list[str]  # every form met, as written (brackets kept), in order
    span: Span
    first_label: str | None = None
    label_span: Span | None = None
    listed_name: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    known: KnownPerson | None = None

    @property
    def speaks(self) -> bool:
        return self.first_label is not None

    def identities(self) -> list[Identity]:
        return [Identity.of(n) for n in self.names]


class PersonRegistry:
    """The persons of one record, in order of first appearance; keys are indexes until ``finish``."""

    def __init__(self, reporter: Reporter, personography: Personography | None = None) -> None:
        self.reporter = reporter
        self.personography = personography
        self.persons: list[_Person] = []
        self._ids: list[str] | None = None
        self._speakers: dict[str, int] = {}  # label -> person, once resolved (a record repeats its labels)

    def listed(self, name: str, span: Span, role: str | None = None, affiliation: str | None = None) -> int:
        """A person named in a participants block (who may never speak)."""
        key = self._find(name)
        if key is None:
            key = self._new(name, span)
        person = self.persons[key]
        if name not in person.names:
            person.names.append(name)
        person.listed_name = person.listed_name or name
        if role and role not in person.roles:
            person.roles.append(role)
        person.affiliation = person.affiliation or affiliation
        return key

    def speaker(self, name: str, span: Span, affiliation: str | None = None) -> int:
        """The person a speaker label names; a new person when no known one matches."""
        key = self._speakers.get(name)
        if key is None:
            key = self._find(name)
            if key is None:
                key = self._new(name, span)
            self._speakers[name] = key
        person = self.persons[key]
        if name not in person.names:
            person.names.append(name)
        if person.first_label is None:
            person.first_label, person.label_span = name, span
        person.affiliation = person.affiliation or affiliation
        return key

    def listed_key(self, name: str) -> int:
        """The key of a person registered from a participants block under ``name``."""
        return next(k for k, p in enumerate(self.persons) if name in p.names)

    def speaking(self, counts: dict[int, int]):
        """(key, turns, label as written, first label's place) of each speaker, for the similarity check."""
        for key, person in enumerate(self.persons):
            if person.speaks and key in counts:
                yield key, counts[key], written_form(person.first_label), person.label_span or person.span

    def known_label(self, name: str) -> bool:
        """Whether ``name`` is the same person as someone already known (for bare and mid-line labels)."""
        return self._find(name, quiet=True) is not None

    def _find(self, name: str, quiet: bool = False) -> int | None:
        identity = Identity.of(name)
        exact = [k for k, p in enumerate(self.persons) if any(i.written == identity.written for i in p.identities())]
        if len(exact) == 1:
            return exact[0]
        matches = [k for k, p in enumerate(self.persons) if any(identity.same_as(i) for i in p.identities())]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1 and not quiet:
            names = ", ".join(repr(self.persons[k].names[0]) for k in matches)
            self.reporter.warning("ambiguous-speaker", f"{name!r} could be any of {names}; it is taken as a new person", None)
        if self.personography is not None:
            known = self.personography.find(name)
            if known is not None:
                for key, person in enumerate(self.persons):
                    if person.known is known:
                        return key
        return None

    def _new(self, name: str, span: Span) -> int:
        person = _Person([name], span)
        if self.personography is not None:
            person.known = self.personography.find(name)
            if person.known is None:
                suggestion = self.personography.similar(name)
                if suggestion:
                    self.reporter.warning(
                        "unmapped-person",
                        f"{full_form(name)!r} is not in the personography {self.personography.source}; did you mean {suggestion!r}?",
                        span,
                    )
                else:
                    self.reporter.info("unmapped-person", f"{full_form(name)!r} is not in the personography {self.personography.source}", span)
        self.persons.append(person)
        return len(self.persons) - 1

    def finish(self) -> list[str]:
        """Give every person a unique id (personography id, first label's full form, or listed name)."""
        ids: list[str] = []
        taken: set[str] = set()
        for person in self.persons:
            if person.known is not None:
                base = person.known.id
            else:
                base = participant_id(full_form(person.first_label or person.listed_name or person.names[0]))
            ident, suffix = base, 2
            while ident in taken:
                ident, suffix = f"{base}-{suffix}", suffix + 1
            taken.add(ident)
            ids.append(ident)
        self._ids = ids
        return ids

    def id(self, key: int) -> str:
        assert self._ids is not None, "finish() first"
        return self._ids[key]

    def participants(self) -> tuple[Participant, ...]:
        assert self._ids is not None, "finish() first"
        result = []
        for ident, person in zip(self._ids, self.persons):
            forms = [full_form(n) for n in person.names]
            if person.known is not None:
                name = person.known.names[0]
                roles = tuple(dict.fromkeys([*person.known.roles, *person.roles]))
                affiliation = person.known.affiliation or person.affiliation
                authority = person.known.authority
            else:
                name = max(forms, key=lambda f: len(words(f)))  # the fullest; the first of equals
                roles, affiliation, authority = tuple(person.roles), person.affiliation, ()
            others = tuple(dict.fromkeys(f for f in forms if f != name))
            result.append(Participant(ident, name, person.span, others, roles, affiliation, authority, person.speaks))
        return tuple(result)
