"""From bytes to clean text: encodings, line ends, Unicode normalisation, characters XML cannot hold.

The rules (documented in docs/input.md):

* A byte order mark decides (UTF-8, UTF-16, UTF-32). Without one, UTF-8 is tried first.
* A file that is not UTF-8 and has no valid UTF-8 multi-byte sequence at all is a legacy 8-bit
  file: it is decoded as Windows-1252 (a superset of Latin-1's printable characters) with a
  warning that says so. A file that mixes valid UTF-8 with invalid bytes is broken: an error
  names the byte, its offset and its line. ``encoding=`` overrides all of this.
* Line ends become LF; the text is normalised to Unicode NFC (an info note says when that
  changed anything), so that "ü" is one character however the file spelled it.
* Characters XML 1.0 cannot carry (C0 controls but tab and line ends, lone surrogates, U+FFFE,
  U+FFFF) are replaced with U+FFFD, each with a warning and its position, so the output is always
  well-formed; ``--strict`` makes that an error.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..diagnostics import Reporter
from ..model import Span

#: Characters XML 1.0 cannot carry.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
MAX_REPORTED = 20


def _position(data: bytes, offset: int) -> Span:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Span(line, column, offset, offset + 1)


def decode(data: bytes, source: str = "<bytes>", encoding: str | None = None, reporter: Reporter | None = None) -> str:
    """The text of a transcript file; see the module's rules."""
    reporter = reporter or Reporter(source)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise reporter.error("unknown-encoding", f"unknown encoding {encoding!r}") from None
        return _decode_as(data, encoding, reporter)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, reporter)
    if b"\x00" in data[:8192]:
        raise reporter.error("not-text", "the file is not a text transcript (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _UTF8_MULTIBYTE.search(data) is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            reporter.warning(
                "legacy-encoding",
                f"the file is not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}); it was read as "
                "Windows-1252 (Latin-1); give --encoding if that is wrong",
                _position(data, first_bad),
            )
            return text
    raise reporter.error(
        "not-utf8",
        f"byte 0x{data[first_bad]:02x} at offset {first_bad} is not UTF-8; save the transcript as UTF-8 "
        "or give its encoding with --encoding",
        _position(data, first_bad),
    )


def _decode_as(data: bytes, encoding: str, reporter: Reporter) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise reporter.error(
            "bad-encoding",
            f"byte 0x{data[error.start]:02x} at offset {error.start} is not valid {encoding}",
            _position(data, error.start),
        ) from None


def clean(text: str, reporter: Reporter) -> str:
    """LF line ends, NFC, and U+FFFD for characters XML cannot carry (each reported)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = list(NOT_XML.finditer(text))
    if bad:
        from .source import SourceText

        positions = SourceText(text, reporter.source)
        for number, match in enumerate(bad):
            if number == MAX_REPORTED:
                reporter.warning("bad-character", f"{len(bad) - MAX_REPORTED} more such characters were replaced")
                break
            code = ord(match.group(0))
            reporter.warning(
                "bad-character",
                f"character U+{code:04X} cannot be represented in XML; replaced with U+FFFD",
                positions.span(match.start()),
            )
        text = NOT_XML.sub("\ufffd", text)
    normalised = unicodedata.normalize("NFC", text)
    if normalised != text:
        reporter.info("normalised-nfc", "the text was normalised to Unicode NFC (composed characters)")
    return normalised
