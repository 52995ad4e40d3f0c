"""Persons: identity rules across label forms, and the personography (TEI listPerson or CSV)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import XML_ID, xpath

import tei_meeting
from tei_meeting import ConversionError, Reporter
from tei_meeting.reader.persons import Identity, load_personography

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"
TEXT = "Stalin: What news?\n\nSoong: A telegram.\n\nStallin: Read it.\n"


@pytest.mark.parametrize(
    "one, other, same",
    [
        ("[Joseph] Stalin", "Stalin", True),
        ("N. S. Khrushchev", "Khrushchev", True),
        ("N.S. Khrushchev", "N. S. Khrushchev", True),
        ("MAO ZEDONG", "MAO", True),
        ("Y[ang Shangkun]", "Y", True),
        ("Comrade Gromyko", "Gromyko", True),
        ("Mr. Harriman", "Harriman", True),
        ("Stalin", "Stallin", False),
        ("Stalin", "Molotov", False),
    ],
)
def test_identity(one, other, same):
    assert Identity.of(one).same_as(Identity.of(other)) is same


def test_ambiguous_short_form_is_a_new_person_and_reported():
    reporter = Reporter("t.txt")
    tree = etree.fromstring(tei_meeting.convert("Kim Il Sung: a\n\nKim Jong Il: b\n\nKim: c\n", source="t.txt", reporter=reporter))
    assert [p.get(XML_ID) for p in xpath(tree, "//tei:person")] == ["kim-il-sung", "kim-jong-il", "kim"]
    assert "ambiguous-speaker" in [d.code for d in reporter.diagnostics]


def test_seed_ids_do_not_change(seed_tree):
    assert [p.get(XML_ID) for p in xpath(seed_tree, "//tei:person")] == ["stalin", "soong", "molotov"]


@pytest.mark.parametrize("name", ["people.xml", "people.csv"])
def test_personography_gives_ids_names_and_authority(name):
    persons = load_personography(FIXTURES / name)
    reporter = Reporter("t.txt")
    tree = etree.fromstring(tei_meeting.convert(TEXT, source="t.txt", reporter=reporter, persons=persons))
    stalin = xpath(tree, "//tei:person[@xml:id='stalin']")[0]
    assert xpath(stalin, "string(tei:persName)") == "Joseph Vissarionovich Stalin"
    assert xpath(stalin, "string(tei:idno[@type='Wikidata'])") == "Q855"
    assert xpath(stalin, "string(tei:affiliation)") == "Soviet Union"
    assert xpath(tree, "//tei:sp/@who")[0] == "#stalin"
    # The look-alike is not merged: it is reported with the personography's suggestion.
    unmapped = [d for d in reporter.diagnostics if d.code == "unmapped-person" and "Stallin" in d.message]
    assert unmapped and unmapped[0].severity == tei_meeting.Severity.WARNING and "did you mean" in unmapped[0].message


def test_personography_ids_are_the_same_in_every_document():
    persons = load_personography(FIXTURES / "people.xml")
    first = etree.fromstring(tei_meeting.convert("J. V. Stalin: Hello.\n", source="a.txt", persons=persons))
    second = etree.fromstring(tei_meeting.convert("[Joseph] Stalin: Hello.\n", source="b.txt", persons=persons))
    assert xpath(first, "//tei:sp/@who") == xpath(second, "//tei:sp/@who") == ["#stalin"]
    soong = etree.fromstring(tei_meeting.convert("Soong Tzu-wen: Hello.\n", source="c.txt", persons=persons))
    assert xpath(soong, "//tei:sp/@who") == ["#soong-tzu-wen"]


def test_personography_path_is_accepted_by_convert():
    tree = etree.fromstring(tei_meeting.convert(TEXT, source="t.txt", persons=FIXTURES / "people.xml"))
    assert "stalin" in [p.get(XML_ID) for p in xpath(tree, "//tei:person")]


def test_bad_personography_is_an_error(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person><persName>X</persName></person></listPerson>')
    with pytest.raises(ConversionError) as raised:
        load_personography(bad)
    assert raised.value.diagnostics[0].code == "bad-personography"


def test_cli_persons_and_metadata_options(tmp_path):
    from tei_meeting.cli import main

    runner = CliRunner()
    out = tmp_path / "x.xml"
    result = runner.invoke(
        main,
        ["convert", str(FIXTURES / "no-header.txt"), "-o", str(out), "--persons", str(FIXTURES / "people.xml"),
         "--metadata", str(FIXTURES / "meta.json"), "--title", "Given title"],
    )
    assert result.exit_code == 0, result.output
    tree = etree.fromstring(out.read_bytes())
    assert xpath(tree, "string(//tei:titleStmt/tei:title)") == "Given title"
    assert xpath(tree, "//tei:sp/@who")[0] == "#stalin"
    bad = runner.invoke(main, ["convert", str(FIXTURES / "no-header.txt"), "--date", "nope"])
    assert bad.exit_code == 2
