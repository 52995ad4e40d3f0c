"""Validity: the converter's output against the project schema and the official TEI P5 tei_all."""

from __future__ import annotations

import subprocess

import pytest
from lxml import etree

from conftest import CORPUS, run_python

import tei_meeting
from tei_meeting.validation import relaxng, schema_path


def corpus_tei() -> list[tuple[str, bytes]]:
    return [(s.name, tei_meeting.convert(s.read_bytes(), source=s.name)) for s in sorted((CORPUS / "transcripts").glob("*.txt"))]


def test_corpus_is_valid_against_the_project_schema():
    schema = relaxng("tei-meeting")
    for name, tei in corpus_tei():
        assert schema.validate(etree.fromstring(tei)), f"{name}: {schema.error_log}"


def test_corpus_is_valid_against_tei_all_with_lxml(tei_all):
    for name, tei in corpus_tei():
        assert tei_all.validate(etree.fromstring(tei)), f"{name}: {tei_all.error_log}"


def test_corpus_and_schema_with_jing(jing, tmp_path):
    """Jing, the reference implementation, agrees: the output is valid against both schemas."""
    for name, tei in corpus_tei():
        path = tmp_path / (name + ".xml")
        path.write_bytes(tei)
        for schema in ("tei-meeting", "tei_all"):
            result = subprocess.run([jing, str(schema_path(schema)), str(path)], capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr


def test_project_schema_compiles_quickly_with_libxml2():
    """Guard against the libxml2 RelaxNG hang (empty patterns in recursive models): it must compile."""
    program = "from tei_meeting.validation import relaxng; relaxng('tei-meeting'); print('ok')"
    result = run_python(program, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


def test_project_schema_is_generated_from_its_source(trang, tmp_path):
    """schemas/tei-meeting.rng is Trang's output for schemas/tei-meeting.rnc, not edited by hand."""
    rnc = schema_path("tei-meeting").with_suffix(".rnc")
    if not rnc.exists():
        pytest.skip("the compact source is not installed (it is in the source tree)")
    generated = tmp_path / "tei-meeting.rng"
    subprocess.run([trang, str(rnc), str(generated)], check=True)
    assert generated.read_bytes() == schema_path("tei-meeting").read_bytes()


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda t: t.replace(b' who="#stalin"', b"", 1), "Element sp"),
        (lambda t: t.replace(b"<speaker>Stalin:</speaker>", b"", 1), "Did not expect element p"),
        (lambda t: t.replace(b'reason="illegible"', b'reason="bored"', 1), "Element gap"),
        (lambda t: t.replace(b"<p>What news?</p>", b"<p>What <foo>news</foo>?</p>", 1), "foo"),
        (lambda t: t.replace(b'from="21:00:00"', b'from="9 pm"', 1), "9 pm"),
    ],
)
def test_project_schema_is_strict(seed_tei, change, expected):
    broken = change(seed_tei)
    assert broken != seed_tei
    problems = tei_meeting.validate(broken, schema="tei-meeting")
    assert problems and all(p.line for p in problems)
    assert any(expected in p.message for p in problems), [str(p) for p in problems]
