"""Properties of the whole converter on generated transcripts (hypothesis).

For any text: ``convert`` returns TEI that is well-formed and valid against the project schema,
or raises the project's own error with a position; the text rule gives the input back under the
documented normalisation (``tei_meeting.canonical``); the same input gives the same bytes.
Shrunk failures the generator found are kept below as named regression cases.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import tei_meeting
from tei_meeting.canonical import canonical
from tei_meeting.validation import relaxng

#: Pieces real transcripts are made of, so that generated text exercises every rule.
PIECES = [
    "Stalin:", "Soong:", "MOLOTOV:", "Mr. Harriman:", "T. V. Soong:", "Note:", "Stalin.", "[sic]",
    "[ILLEGIBLE]", "[illegible]", "[Kai-shek]", "[", "]", "(", ")", "(Stalin laughs).", "(Shows map).",
    '"', "“", "”", "1)", "2)", "(3)", "Yes.", "No.", "9 July 1945, 9:00 - 10:40 p.m.", "July 9, 1945",
    "China.", "word", "words here", "Ça", "naïve", "שלום", "\t", "\u00a0", "\u200b", " ", "  ", "\n",
    "\n\n", "\n\n\n", "\r\n", "...", "-", ":", ".", "?",
]

LABELS = ["Stalin:", "Soong:", "MOLOTOV:", "Mr. Harriman:", "T. V. Soong:", "Stallin:", "Stalin.", ""]
SEPARATORS = ["\n\n", "\n\n\n", "\r\n\r\n", "\n \n", "\n"]

pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=12).map(" ".join)
paragraphs = st.tuples(st.sampled_from(LABELS), pieces).map(lambda p: f"{p[0]} {p[1]}".strip())
transcripts = st.tuples(
    st.lists(paragraphs, min_size=1, max_size=12),
    st.lists(st.sampled_from(SEPARATORS), min_size=12, max_size=12),
).map(lambda t: "".join(p + s for p, s in zip(t[0], t[1])))


def check(text: str) -> None:
    try:
        tei = tei_meeting.convert(text, source="generated.txt")
    except tei_meeting.TeiMeetingError as error:
        assert error.diagnostics, "an error must say what is wrong"
        for diagnostic in error.diagnostics:
            assert diagnostic.code and diagnostic.message
            assert diagnostic.line is not None or diagnostic.code in {"empty"}, str(diagnostic)
        return
    tree = etree.fromstring(tei)
    schema = relaxng("tei-meeting")
    assert schema.validate(tree), schema.error_log
    given_back = tei_meeting.transform(tei, to="txt")
    assert canonical(given_back) == canonical(text)
    assert tei_meeting.convert(text, source="generated.txt") == tei


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts)
def test_any_transcript_converts_faithfully_or_fails_cleanly(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stalin: What news?",
        # [sic] after a line break flagged the wrong characters ("SStalin:").
        "Stalin: Stalin:\n[sic]\n\n",
        # A label on its own, then more labels.
        "Stalin:\n\nStalin: x",
    ],
)
def test_regressions_found_by_the_generator(text):
    check(text)
