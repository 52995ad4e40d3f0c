"""The reader on small transcripts: one behaviour per test, checked in the TEI it leads to."""

from __future__ import annotations


import pytest
from lxml import etree

from conftest import XML_ID, run_python, xpath

import tei_meeting
from tei_meeting import ConversionError, Reporter
from tei_meeting.reader.dates import find_date, find_time, parse_date


def tei(text: str, reporter: Reporter | None = None):
    return etree.fromstring(tei_meeting.convert(text, source="t.txt", reporter=reporter))


def codes(text: str) -> list[str]:
    reporter = Reporter("t.txt")
    tei_meeting.convert(text, source="t.txt", reporter=reporter)
    return [d.code for d in reporter.diagnostics]


def content(element) -> str:
    return "".join(element.itertext())


def given_back(text: str) -> list[str]:
    out = tei_meeting.transform(tei_meeting.convert(text, source="t.txt"), to="txt")
    return [" ".join(p.split()) for p in out.split("\n\n") if p.strip()]


def test_labels_and_continuations():
    tree = tei("A. B. Smith: Hello.\n\nMore from Smith.\n\nJones: Hi.\n")
    sps = xpath(tree, "//tei:sp")
    assert [sp.get("who") for sp in sps] == ["#a-b-smith", "#jones"]
    assert [content(p) for p in xpath(sps[0], "tei:p")] == ["Hello.", "More from Smith."]
    assert xpath(tree, "//tei:person/tei:persName/text()") == ["A. B. Smith", "Jones"]


def test_structure_words_are_not_speakers():
    tree = tei("Smith: Hello.\n\nNote: this is not a turn.\n")
    assert len(xpath(tree, "//tei:sp")) == 1
    assert content(xpath(tree, "//tei:sp/tei:p")[1]) == "Note: this is not a turn."


def test_sic_flags_a_word_or_a_parenthesis():
    tree = tei("Smith: The minima [sic] rights, they agreed (Khalkha?) [sic].\n")
    assert [content(s) for s in xpath(tree, "//tei:sic")] == ["minima", "(Khalkha?)"]
    assert given_back("Smith: The minima [sic] rights, they agreed (Khalkha?) [sic].\n") == [
        "Smith: The minima [sic] rights, they agreed (Khalkha?) [sic]."
    ]


def test_sic_with_nothing_before_it_is_kept_and_reported():
    text = "Smith: [sic] what?\n"
    assert "orphan-sic" in codes(text)
    assert content(xpath(tei(text), "//tei:sp/tei:p")[0]) == "[sic] what?"


def test_supplied_and_gap():
    tree = tei("Smith: Chiang [Kai-shek] said [ILLEGIBLE] and [inaudible].\n")
    assert xpath(tree, "//tei:supplied/text()") == ["Kai-shek"]
    assert [g.get("reason") for g in xpath(tree, "//tei:gap")] == ["illegible", "inaudible"]


def test_unclosed_bracket_is_reported_and_kept():
    text = "Smith: It was [unclear when.\n"
    reporter = Reporter("t.txt")
    tree = tei(text, reporter)
    problems = [d for d in reporter.diagnostics if d.code == "unclosed-bracket"]
    assert len(problems) == 1 and (problems[0].line, problems[0].column) == (1, 15)
    assert content(xpath(tree, "//tei:sp/tei:p")[0]) == "It was [unclear when."


def test_stage_directions_alone_at_start_and_inside():
    text = (
        "Smith: (Rises). Thank you (and I mean it).\n\n"
        "(Pause).\n\n"
        "Yes.\n\n"
        "(Jones enters).\n\n"
        "Jones: Hello.\n"
    )
    tree = tei(text)
    smith = xpath(tree, "//tei:sp")[0]
    assert xpath(smith, "tei:p[1]/tei:stage/text()") == ["(Rises)."]
    # A stage direction between paragraphs of one turn stays in the turn...
    assert xpath(smith, "tei:stage/text()") == ["(Pause)."]
    # ...one after its last words goes between the turns, typed by its verb.
    between = xpath(tree, "//tei:div/tei:stage")
    assert [(s.text, s.get("type")) for s in between] == [("(Jones enters).", "entrance")]
    assert "(and I mean it)" in content(xpath(smith, "tei:p[1]")[0])
    assert given_back(text) == ["Smith: (Rises). Thank you (and I mean it).", "(Pause).", "Yes.", "(Jones enters).", "Jones: Hello."]


QUOTED = (
    'Smith: I read the letter:\n\n'
    '"Dear friend, the first part.\n\n'
    "1) A point.\n\n"
    "Jones: Really?\n\n"
    "Smith: Yes. The letter goes on here.\n\n"
    "2) Another point.\n\n"
    "Jones: And?\n\n"
    "Smith: I am still reading it.\n\n"
    'The end of it."\n\n'
    "That is all.\n"
)


def test_interrupted_quotation_is_linked_in_parts():
    tree = tei(QUOTED)
    parts = xpath(tree, "//tei:quote")
    assert [" ".join(content(q).split()) for q in parts] == [
        '"Dear friend, the first part. 1) A point.',
        "The letter goes on here.",
        "2) Another point.",
        'The end of it."',
    ]
    ids = [q.get(XML_ID) for q in parts]
    assert [q.get("next") for q in parts] == ["#" + i for i in ids[1:]] + [None]
    assert [q.get("prev") for q in parts] == [None] + ["#" + i for i in ids[:-1]]
    # The short answer stays outside; so do the long reply and what follows the closing mark.
    assert xpath(tree, "(//tei:quote)[2]/parent::tei:p/text()")[0] == "Yes. "
    assert xpath(tree, "//tei:p[. = 'I am still reading it.']/ancestor::tei:quote") == []
    assert xpath(tree, "//tei:p[. = 'That is all.']/ancestor::tei:quote") == []
    # The numbered points continue from one part to the next.
    lists = xpath(tree, "//tei:list")
    assert [lst.get("next") or lst.get("prev") for lst in lists] == ["#" + lists[1].get(XML_ID), "#" + lists[0].get(XML_ID)]
    assert given_back(QUOTED)[1] == '"Dear friend, the first part.'


def test_unclosed_quotation_is_reported_and_not_encoded():
    text = 'Smith: He wrote:\n\n"Never closed.\n\nJones: Well.\n'
    assert "unclosed-quote" in codes(text)
    assert xpath(tei(text), "//tei:quote") == []


def test_short_quotation_is_q():
    tree = tei('Smith: He said "no" twice.\n')
    assert xpath(tree, "//tei:q/text()") == ['"no"']


def test_lists_restart_when_numbering_restarts():
    text = "Smith: Points:\n\n1) a\n\n2) b\n\nJones: More:\n\n1) c\n"
    lists = xpath(tei(text), "//tei:list")
    assert len(lists) == 2 and not any(lst.get("next") or lst.get("prev") for lst in lists)


def test_plain_preamble_layout():
    text = (
        "July 9, 1945\n"
        "Record of a Meeting\n\n"
        "Citation:\n"
        '"Record of a Meeting", July 9, 1945, Wilson Center Digital Archive, Some Collection, box 1, Some Archives. '
        "Contributed by A. Person.\n"
        "https://example.org/document/1\n\n"
        "Summary:\nA summary.\n\n"
        "Original Language:\nRussian\n\n"
        "Contents:\nTranslation - English\n\n"
        "Smith: Hello.\n"
    )
    tree = tei(text)
    assert xpath(tree, "string(//tei:titleStmt/tei:title)") == "Record of a Meeting"
    assert xpath(tree, "string(//tei:sourceDesc/tei:bibl/tei:date/@when)") == "1945-07-09"
    assert xpath(tree, "string(//tei:sourceDesc//tei:ref/@target)") == "https://example.org/document/1"
    assert xpath(tree, "string(//tei:textLang/@mainLang)") == "ru"
    assert xpath(tree, "string(//tei:text/@xml:lang)") == "en"
    assert xpath(tree, "string(//tei:msIdentifier/tei:repository)") == "Some Archives"
    assert xpath(tree, "string(//tei:abstract/tei:p)") == "A summary."


def test_no_preamble_is_valid_and_reported():
    text = "Smith: Hello.\n\nJones: Hi.\n"
    assert codes(text) == ["no-preamble"]
    tree = tei(text)
    assert xpath(tree, "string(//tei:titleStmt/tei:title)") == ""
    assert len(xpath(tree, "//tei:sourceDesc/tei:p")) == 1
    assert xpath(tree, "//tei:text/@xml:lang") == []


@pytest.mark.parametrize(
    "data, code, line",
    [
        (b"", "empty", None),
        (b"  \n\n \t\n", "empty", None),
        (b"Just prose, no labels.\n", "no-turns", 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not-text", None),
    ],
)
def test_bad_input_raises_with_code_and_position(data, code, line):
    with pytest.raises(ConversionError) as raised:
        tei_meeting.convert(data, source="bad.txt")
    diagnostic = raised.value.diagnostics[0]
    assert (diagnostic.code, diagnostic.line, diagnostic.file) == (code, line, "bad.txt")
    assert str(diagnostic).startswith("bad.txt")


def test_strict_turns_warnings_into_errors():
    with pytest.raises(ConversionError) as raised:
        tei_meeting.convert("Smith: Hello.\n", source="t.txt", strict=True)
    assert [d.code for d in raised.value.diagnostics] == ["no-preamble"]


def test_crlf_and_bom():
    text = "\ufeffSmith: Hello.\r\n\r\nJones: Hi.\r\n"
    assert tei_meeting.convert(text.encode("utf-8"), source="t.txt") == tei_meeting.convert(
        "Smith: Hello.\n\nJones: Hi.\n", source="t.txt"
    )


@pytest.mark.parametrize(
    "text, iso",
    [("July 9, 1945", "1945-07-09"), ("9 July 1945", "1945-07-09"), ("Sept. 3, 1950", "1950-09-03"),
     ("1945-07-09", "1945-07-09"), ("July 1945", "1945-07"), ("February 30, 1945", None), ("Stalin", None)],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text, values",
    [
        ("9:00 - 10:40 p.m.", (None, "21:00:00", "22:40:00")),
        ("11:00 a.m. - 1:30 p.m.", (None, "11:00:00", "13:30:00")),
        ("11:00 - 1:00 p.m.", (None, "11:00:00", "13:00:00")),
        ("at 3 p.m.", ("15:00:00", None, None)),
        ("12:15 a.m.", ("00:15:00", None, None)),
        ("in 1945", None),
    ],
)
def test_times(text, values):
    found = find_time(text)
    assert (found.when, found.begin, found.finish) == values if values else found is None


def test_find_date_takes_the_earliest():
    assert find_date("on 9 July 1945 and July 10, 1945").iso == "1945-07-09"


def test_model_and_reader_do_not_import_lxml():
    """The model in the middle stays free of XML: reading a transcript needs no lxml."""
    program = (
        "import sys, tei_meeting.model, tei_meeting.reader\n"
        "meeting = tei_meeting.reader.read('Smith: Hello.', 't.txt')\n"
        "print(len(meeting.turns), 'lxml' in sys.modules)"
    )
    result = run_python(program)
    assert result.stdout.split() == ["1", "False"], result.stderr
