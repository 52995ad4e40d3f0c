"""The seed record's teiHeader: what issue #2 lists, value by value."""

from __future__ import annotations

from conftest import XML_ID, xpath

import tei_meeting


def text_of(tree, path: str) -> str:
    found = xpath(tree, path)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return "".join(found[0].itertext()) if not isinstance(found[0], str) else found[0]


def test_title_and_funder(seed_tree):
    assert text_of(seed_tree, "//tei:titleStmt/tei:title") == "Record of a Meeting Between T. V. Soong and Stalin"
    assert text_of(seed_tree, "//tei:titleStmt/tei:funder") == "Chun & Jane Chiu Family Foundation"


def test_credit_sentence_is_kept_whole(seed_tree):
    note = text_of(seed_tree, "//tei:notesStmt/tei:note[@type='credits']")
    assert note == "This document was made possible with support from Chun & Jane Chiu Family Foundation"
    assert text_of(seed_tree, "//tei:notesStmt/tei:note[@type='credits']/tei:orgName[@role='funder']") == (
        "Chun & Jane Chiu Family Foundation"
    )


def test_citation_is_kept_whole_and_marked_up(seed_tree):
    citation = "//tei:sourceDesc/tei:bibl/tei:bibl[@type='citation']"
    assert text_of(seed_tree, citation) == (
        '"Record of a Meeting Between T. V. Soong and Stalin", July 9, 1945, Wilson Center Digital Archive, '
        "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. Contributed by David Wolff."
    )
    assert text_of(seed_tree, citation + "/tei:title") == "Record of a Meeting Between T. V. Soong and Stalin"
    assert text_of(seed_tree, citation + "/tei:date/@when") == "1945-07-09"
    assert text_of(seed_tree, citation + "/tei:publisher") == "Wilson Center Digital Archive"
    assert text_of(seed_tree, citation + "/tei:editor[@role='contributor']") == "David Wolff"


def test_source_link_date_and_title(seed_tree):
    bibl = "//tei:sourceDesc/tei:bibl"
    url = "https://digitalarchive.wilsoncenter.org/document/123425"
    assert text_of(seed_tree, bibl + "/tei:ref/@target") == url
    assert text_of(seed_tree, bibl + "/tei:ref") == url
    assert text_of(seed_tree, bibl + "/tei:date/@when") == "1945-07-09"
    assert text_of(seed_tree, bibl + "/tei:date") == "July 9, 1945"
    assert text_of(seed_tree, bibl + "/tei:title") == "Record of a Meeting Between T. V. Soong and Stalin"


def test_archive_location(seed_tree):
    ms = "//tei:sourceDesc/tei:msDesc/tei:msIdentifier"
    assert text_of(seed_tree, ms + "/tei:repository") == "Hoover Institution Archives"
    assert text_of(seed_tree, ms + "/tei:collection") == "Victor Hoo Collection"
    assert text_of(seed_tree, ms + "/tei:idno[@type='box']") == "6"
    assert text_of(seed_tree, ms + "/tei:idno[@type='folder']") == "9"


def test_summary_is_the_abstract(seed_tree, seed_text):
    abstract = text_of(seed_tree, "//tei:profileDesc/tei:abstract/tei:p")
    assert abstract.startswith("Dr. Soong reports Chiang Kai-Shek's response")
    assert abstract.endswith("Stalin asks to think over his decision before responding to Chiang.")
    assert abstract in seed_text


def test_languages(seed_tree):
    assert text_of(seed_tree, "//tei:sourceDesc/tei:bibl/tei:textLang/@mainLang") == "en"
    assert text_of(seed_tree, "//tei:sourceDesc/tei:bibl/tei:textLang") == "English"
    assert text_of(seed_tree, "//tei:langUsage/tei:language/@ident") == "en"
    assert text_of(seed_tree, "//tei:text/@xml:lang") == "en"
    assert text_of(seed_tree, "//tei:notesStmt/tei:note[@type='contents']") == "Transcript - English"


def test_participants(seed_tree):
    people = xpath(seed_tree, "//tei:particDesc/tei:listPerson/tei:person")
    assert [p.get(XML_ID) for p in people] == ["stalin", "soong", "molotov"]
    assert [text_of(p, "tei:persName") for p in people] == ["Stalin", "Soong", "Molotov"]
    # Nothing invented: no sex, role, age or other guessed attributes.
    assert all(set(p.attrib) == {XML_ID} for p in people)


def test_setting_date_and_time_are_normalised(seed_tree):
    assert text_of(seed_tree, "//tei:settingDesc/tei:setting/tei:date/@when") == "1945-07-09"
    assert text_of(seed_tree, "//tei:settingDesc/tei:setting/tei:time/@from") == "21:00:00"
    assert text_of(seed_tree, "//tei:settingDesc/tei:setting/tei:time/@to") == "22:40:00"


def test_editorial_declaration_and_application(seed_tree):
    declaration = "".join(xpath(seed_tree, "//tei:encodingDesc/tei:editorialDecl")[0].itertext())
    for phrase in ("[ILLEGIBLE]", "[sic]", "supplied", "Parentheses", "stage directions", "next and prev"):
        assert phrase in declaration
    application = xpath(seed_tree, "//tei:appInfo/tei:application")[0]
    assert application.get("ident") == "tei-meeting"
    assert application.get("version") == tei_meeting.__version__


def test_nothing_invented(seed_tei):
    text = seed_tei.decode()
    for placeholder in ("TODO", "Unknown", "unknown", "placeholder", "XXX", "lorem"):
        assert placeholder not in text
    # No timestamp of the run: the only dates are the meeting's.
    import re

    years = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    assert years <= {"1945", "1933", "1921", "1924"}
