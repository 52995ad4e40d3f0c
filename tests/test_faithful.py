"""Faithfulness: the canonical text stylesheet gives the transcript back; output is deterministic."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile

from conftest import CORPUS, SEED

import tei_meeting


def paragraphs(text: str) -> list[str]:
    """Paragraphs with white space normalised: the comparison the project promises."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def body_of(text: str) -> list[str]:
    """The record after the preamble: from the dateline on."""
    found = paragraphs(text)
    start = next(i for i, p in enumerate(found) if p.startswith("9 July 1945"))
    return found[start:]


def test_text_gives_the_body_back(seed_tei, seed_text):
    text = tei_meeting.transform(seed_tei, to="txt")
    assert body_of(text) == body_of(seed_text)
    assert len(body_of(text)) == 149


def test_text_gives_the_whole_page_back(seed_tei, seed_text):
    assert paragraphs(tei_meeting.transform(seed_tei, to="txt")) == paragraphs(seed_text)


def test_converting_the_text_again_gives_identical_tei(seed_tei):
    text = tei_meeting.transform(seed_tei, to="txt")
    assert tei_meeting.convert(text, source=SEED.name) == seed_tei


def test_every_source_character_survives(seed_tei, seed_text):
    """Each non-space character of the source, in order, is in the text given back."""
    given_back = tei_meeting.transform(seed_tei, to="txt")
    assert re.sub(r"\s+", "", given_back) == re.sub(r"\s+", "", seed_text)


def test_same_input_same_bytes(seed_text, seed_tei):
    assert tei_meeting.convert(seed_text, source=SEED.name) == seed_tei


def test_same_bytes_in_a_new_process(seed_tei):
    """No hash seeds, memory addresses or times leak into the output."""
    program = "import sys, tei_meeting; sys.stdout.buffer.write(tei_meeting.convert(open(sys.argv[1], 'rb').read(), source=sys.argv[2]))"
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", program, str(SEED), SEED.name],
            capture_output=True,
            check=True,
            cwd=tempfile.gettempdir(),
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )
        assert result.stdout == seed_tei


def test_corpus_goldens(update_goldens):
    """Each transcript in corpus/transcripts converts to its reviewed TEI in corpus/tei."""
    sources = sorted((CORPUS / "transcripts").glob("*.txt"))
    assert sources, "the corpus is empty"
    for source in sources:
        golden = CORPUS / "tei" / (source.stem + ".xml")
        produced = tei_meeting.convert(source.read_bytes(), source=source.name)
        if update_goldens:
            golden.write_bytes(produced)
        assert golden.exists(), f"{golden} is missing: run pytest --update-goldens and review it"
        assert produced == golden.read_bytes(), f"{source.name}: output differs from {golden.name}"
