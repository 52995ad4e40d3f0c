"""Metadata given by the user rather than the transcript: options and sidecar files.

A transcript without the archive's preamble (or with a poor one) can be given a title, the date
of the meeting and the language of the transcript from the command line (``--title``, ``--date``,
``--language``) or from a sidecar file (``--metadata record.toml`` or ``.json``) with the same
keys. The values go to the TEI header only (``titleStmt/title``, ``settingDesc/setting/date``,
``langUsage`` and ``text/@xml:lang``); the text rule does not write them into the transcript,
because the transcript did not contain them.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ..diagnostics import ConversionError, Diagnostic, Severity
from ..model import Metadata
from .dates import parse_date
from .preamble import LANGUAGES

#: The keys a user may give, and what each means.
KEYS = {
    "title": "the record's title (titleStmt/title)",
    "date": "the date of the meeting, ISO (1945-07-09) or as written (July 9, 1945)",
    "language": "the language of the transcript: a BCP 47 code (en) or an English name (English)",
}


def load_metadata_file(path: str | Path) -> dict[str, str]:
    """The metadata of a sidecar file: TOML (``.toml``; needs Python 3.11's tomllib) or JSON."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _error(f"cannot read: {error.strerror or error}", str(path), "io")
    try:
        if path.suffix.lower() == ".toml":
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                raise _error("TOML metadata needs Python 3.11 or newer; use a .json file", str(path))
            values = tomllib.loads(data.decode("utf-8"))
        else:
            values = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise _error(f"not valid {'TOML' if path.suffix.lower() == '.toml' else 'JSON'}: {error}", str(path))
    if not isinstance(values, dict):
        raise _error("the metadata file must hold a table (an object) of keys", str(path))
    return check_metadata(values, str(path))


def check_metadata(values: dict, source: str = "<metadata>") -> dict[str, str]:
    """``values`` with only known keys, each a non-empty string, the date and language recognised."""
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise _error(f"unknown metadata key(s) {', '.join(map(repr, unknown))}; known keys: {', '.join(KEYS)}", source)
    checked: dict[str, str] = {}
    for key, value in values.items():
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise _error(f"metadata {key!r} must be a non-empty string", source)
        checked[key] = " ".join(value.split())
    if "date" in checked and parse_date(checked["date"]) is None:
        raise _error(f"metadata date {checked['date']!r} is not a date (use 1945-07-09)", source)
    if "language" in checked and language_code(checked["language"]) is None:
        raise _error(f"metadata language {checked['language']!r} is neither a language code nor a known language name", source)
    return checked


def language_code(value: str) -> str | None:
    if value.lower() in LANGUAGES:
        return LANGUAGES[value.lower()]
    if value.lower() in LANGUAGES.values() or (2 <= len(value.split("-")[0]) <= 3 and value.replace("-", "").isalnum() and value.split("-")[0].isalpha() and value.islower()):
        return value
    return None


def apply_metadata(metadata: Metadata, given: dict[str, str]) -> Metadata:
    """The transcript's metadata with the user's values added (they take precedence in the header)."""
    return replace(
        metadata,
        given_title=given.get("title"),
        given_date=parse_date(given["date"]) if "date" in given else None,
        given_language=language_code(given["language"]) if "language" in given else None,
    )


def _error(message: str, source: str, code: str = "bad-metadata") -> ConversionError:
    return ConversionError([Diagnostic(Severity.ERROR, code, message, source)])
