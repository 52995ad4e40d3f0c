"""`tei-meeting validate` details: directory walking, GitHub escaping, schema mistakes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from tei_meeting.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "validation"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_directories_are_walked_for_xml_in_sorted_order(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    shutil.copy(FIXTURES / "who-unresolved.xml", tmp_path / "b" / "deep" / "2.xml")
    shutil.copy(FIXTURES / "empty-element.xml", tmp_path / "a" / "1.xml")
    shutil.copy(FIXTURES / "empty-element.xml", tmp_path / "b" / "notes.txt")  # not *.xml: ignored
    report = json.loads(run("validate", "--format", "json", tmp_path).stdout)
    assert [f["file"] for f in report["files"]] == [str(tmp_path / "a" / "1.xml"), str(tmp_path / "b" / "deep" / "2.xml")]
    assert [(d["file"].rsplit("/", 1)[1], d["code"]) for d in report["diagnostics"]] == [
        ("1.xml", "empty-element"),
        ("2.xml", "person-silent"),
        ("2.xml", "who-unresolved"),
    ]


def test_github_properties_are_escaped(tmp_path):
    odd = tmp_path / "minutes, draft: 2.xml"
    shutil.copy(FIXTURES / "empty-element.xml", odd)
    result = run("validate", "--format", "github", odd)
    escaped = str(odd).replace(",", "%2C").replace(":", "%3A")
    assert result.stdout.splitlines() == [f"::error file={escaped},line=92,col=11,title=empty-element::empty p: it has no text"]
    assert result.exit_code == 1


def test_a_compact_syntax_schema_gets_a_hint(tmp_path):
    schema = tmp_path / "mine.rnc"
    schema.write_text("element TEI { text }")
    result = run("validate", "--schema", schema, FIXTURES / "pass.xml")
    assert result.exit_code == 2
    assert "the compact syntax (.rnc) is not read: convert it with trang" in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_schema_name_lists_the_shipped_ones():
    result = run("validate", "--schema", "tei_lite", FIXTURES / "pass.xml")
    assert result.exit_code == 2
    assert "is neither a shipped schema (tei-meeting, tei_all) nor a file" in result.stderr
