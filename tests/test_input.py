"""Hostile and unusual text input: encodings, line ends, characters XML cannot hold, Unicode."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import SEED, xpath

import tei_meeting
from tei_meeting import ConversionError, Reporter
from tei_meeting.cli import main

SAMPLE = "Smith: Café, naïve — “quoted”.\r\n\r\nJones: Ça va.\n"
EXPECTED = tei_meeting.convert(SAMPLE.replace("\r\n", "\n"), source="t.txt")


def convert(data, **options):
    reporter = Reporter("t.txt")
    tei = tei_meeting.convert(data, source="t.txt", reporter=reporter, **options)
    return tei, [(d.code, d.line) for d in reporter.diagnostics]


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-32"),
    ],
)
def test_unicode_encodings_with_and_without_bom(encoded):
    tei, diagnostics = convert(encoded)
    assert tei == EXPECTED
    assert [c for c, _ in diagnostics] == ["no-preamble"]


def test_windows_1252_is_read_with_a_warning_naming_it():
    tei, diagnostics = convert(SAMPLE.encode("cp1252"))
    assert tei == EXPECTED
    assert ("legacy-encoding", 1) in diagnostics


def test_latin_1_is_read_with_a_warning():
    latin = "Smith: Café and naïve.\n".encode("latin-1")
    tei, diagnostics = convert(latin)
    assert "Café and naïve." in tei.decode()
    assert ("legacy-encoding", 1) in diagnostics


def test_explicit_encoding_wins():
    text = "Smith: Привет.\n"
    tei, diagnostics = convert(text.encode("koi8-r"), encoding="koi8-r")
    assert "Привет." in tei.decode()
    assert "legacy-encoding" not in [c for c, _ in diagnostics]
    with pytest.raises(ConversionError) as raised:
        tei_meeting.convert(b"x", source="t.txt", encoding="no-such-codec")
    assert raised.value.diagnostics[0].code == "unknown-encoding"


def test_broken_utf8_is_an_error_with_offset_and_line():
    data = "Smith: Café.\n\nJones: ok ".encode() + b"\xff here\n"
    with pytest.raises(ConversionError) as raised:
        tei_meeting.convert(data, source="t.txt")
    diagnostic = raised.value.diagnostics[0]
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("not-utf8", 3, 11)
    offset = data.index(b"\xff")
    assert f"byte 0xff at offset {offset}" in diagnostic.message


def test_invalid_bytes_in_the_declared_encoding():
    with pytest.raises(ConversionError) as raised:
        tei_meeting.convert(b"Smith: \xff\n", source="t.txt", encoding="ascii")
    assert (raised.value.diagnostics[0].code, raised.value.diagnostics[0].line) == ("bad-encoding", 1)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings(ending):
    text = ending.join(["Smith: one", "", "two", "", "Jones: three", ""])
    assert tei_meeting.convert(text, source="t.txt") == tei_meeting.convert("Smith: one\n\ntwo\n\nJones: three\n", source="t.txt")


def test_mixed_line_endings():
    assert tei_meeting.convert("Smith: one\r\n\rtwo\n\nJones: three", source="t.txt") == tei_meeting.convert(
        "Smith: one\n\ntwo\n\nJones: three", source="t.txt"
    )


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\ufffe", "\uffff", "\ud800"])
def test_characters_xml_cannot_hold_are_replaced_and_reported(character):
    tei, diagnostics = convert(f"Smith: a{character}b\n\nJones: ok\n")
    assert ("bad-character", 1) in diagnostics
    assert xpath(etree.fromstring(tei), "string(//tei:sp[1]/tei:p)") == "a\ufffdb"


def test_many_bad_characters_are_summarised():
    tei, diagnostics = convert("Smith: " + "\x01" * 50 + "\n")
    assert [c for c, _ in diagnostics].count("bad-character") == 21


def test_nfc_normalisation():
    decomposed = "Smith: Cafe\u0301.\n"
    tei, diagnostics = convert(decomposed)
    assert "Café." in tei.decode() and "e\u0301" not in tei.decode()
    assert ("normalised-nfc", None) in diagnostics


def test_spaces_tabs_and_right_to_left_text_are_kept():
    text = "Smith: a\u00a0b\u200bc\td.\n\nJones: שלום עליכם, مرحبا.\n"
    tree = etree.fromstring(tei_meeting.convert(text, source="t.txt"))
    assert xpath(tree, "string(//tei:sp[1]/tei:p)") == "a\u00a0b\u200bc\td."
    assert xpath(tree, "string(//tei:sp[2]/tei:p)") == "שלום עליכם, مرحبا."


def test_a_megabyte_on_one_line():
    words = ("word [sic] and (aside) and [Supplied] " * 30_000)[:1_000_000]
    tree = etree.fromstring(tei_meeting.convert("Smith: " + words + "\n", source="t.txt"))
    assert len(xpath(tree, "//tei:sp")) == 1
    assert len(xpath(tree, "//tei:sic")) == words.count("[sic]")


def test_unbalanced_marks_many_speakers_and_long_labels():
    speakers = "\n\n".join(f"Speaker{n}: says {n}." for n in range(1000))
    long_label = "A" + "b" * 499
    text = f"{speakers}\n\n{long_label}: hello [unclosed and (open and \"quote\n\nEmpty:\n"
    reporter = Reporter("t.txt")
    tree = etree.fromstring(tei_meeting.convert(text, source="t.txt", reporter=reporter))
    assert len(xpath(tree, "//tei:person")) == 1002
    assert len(xpath(tree, "//tei:sp")) == 1002
    codes = {d.code for d in reporter.diagnostics}
    assert {"unclosed-bracket", "empty-turn"} <= codes


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty"),
        (b" \n\t\n\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not-text"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "not-text"),
    ],
)
def test_empty_whitespace_and_binary_files_via_the_cli(tmp_path, data, code):
    source = tmp_path / "input.txt"
    source.write_bytes(data)
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(f"[{code}]")
    assert "Traceback" not in result.output and not out.exists()


def test_unreadable_file(tmp_path, monkeypatch):
    source = tmp_path / "locked.txt"
    source.write_text("Smith: hi\n")
    original = type(source).read_bytes

    def refuse(path):
        if path == source:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(type(source), "read_bytes", refuse)
    result = CliRunner().invoke(main, ["convert", str(source)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{source}: error: cannot read: Permission denied [io]"


def test_encoding_option_on_the_command_line(tmp_path):
    source = tmp_path / "ru.txt"
    source.write_bytes("Smith: Привет.\n".encode("cp1251"))
    result = CliRunner().invoke(main, ["convert", "--encoding", "cp1251", str(source)])
    assert result.exit_code == 0
    assert "Привет." in result.stdout_bytes.decode()


def test_seed_is_unchanged_by_the_input_rules():
    assert tei_meeting.convert(SEED.read_bytes(), source=SEED.name) == (SEED.parent.parent / "tei" / (SEED.stem + ".xml")).read_bytes()
