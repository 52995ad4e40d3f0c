"""The reader reports its doubts with the transcript's line and column, and carries on."""

from __future__ import annotations

import pytest

import tei_meeting
from tei_meeting import ConversionError, Reporter


def doubts(text: str) -> list[tuple[str, int, int]]:
    reporter = Reporter("t.txt")
    tei_meeting.convert(text, source="t.txt", reporter=reporter)
    return [(d.code, d.line, d.column) for d in reporter.diagnostics if d.code != "no-preamble"]


def test_clean_transcript_has_no_doubts():
    assert doubts("Stalin: What news?\n\nSoong: None (yet).\n") == []


def test_unclosed_and_unopened_parentheses():
    assert doubts("Stalin: Hi (there.\n\nSoong: x) y\n") == [("unbalanced-parenthesis", 1, 12), ("unbalanced-parenthesis", 3, 9)]


def test_unclosed_bracket_and_quotation():
    found = doubts('Stalin: It was [unclear.\n\nSoong: He wrote: "never closed\n\nStalin: Well.\n')
    assert ("unclosed-bracket", 1, 16) in found
    assert ("unclosed-quote", 3, 18) in found


def test_label_in_the_middle_of_a_paragraph():
    assert doubts("Stalin: Yes.\n\nSoong: Good. Stalin: Then go.\n") == [("label-mid-paragraph", 3, 14)]


def test_near_duplicate_speaker():
    text = "Stalin: a\n\nSoong: b\n\nStalin: c\n\nStallin: d\n"
    assert doubts(text) == [("similar-speaker", 7, 1)]
    reporter = Reporter("t.txt")
    tei_meeting.convert(text, source="t.txt", reporter=reporter)
    message = [d.message for d in reporter.diagnostics if d.code == "similar-speaker"][0]
    assert message == "speaker 'Stallin' (1 turns) looks like 'Stalin' (2 turns); is it a typo?"


def test_empty_turn():
    assert doubts("Stalin:\n\nSoong: b\n") == [("empty-turn", 1, 1)]


def test_unknown_bracket_keyword():
    assert doubts("Stalin: and then [INAUDIBLE WORDS] so.\n") == [("unknown-bracket-keyword", 1, 18)]


def test_strict_stops_on_doubts():
    with pytest.raises(ConversionError) as raised:
        tei_meeting.convert("Stalin: Hi (there.\n", source="t.txt", strict=True)
    assert "unbalanced-parenthesis" in [d.code for d in raised.value.diagnostics]
