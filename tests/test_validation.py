"""`tei-meeting validate` and `tei_meeting.validate`: grammar, rules, positions, formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS

import tei_meeting
from tei_meeting.checks import __doc__ as RULES_TABLE
from tei_meeting.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "validation"
PASSING = FIXTURES / "pass.xml"
RULES = sorted(p.stem for p in FIXTURES.glob("*.xml") if p.stem != "pass")
SEVERITY = {
    words[0]: words[1] for words in (line.split() for line in RULES_TABLE.splitlines()) if len(words) > 2 and words[1] in {"error", "warning"}
}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def first_changed_line(path: Path) -> int:
    for number, (a, b) in enumerate(zip(PASSING.read_text().splitlines(), path.read_text().splitlines()), 1):
        if a != b:
            return number
    raise AssertionError("the fixture does not differ from pass.xml")


def test_every_rule_has_a_failing_fixture():
    assert RULES == sorted(SEVERITY)
    assert len(RULES) == 13


def test_passing_fixture_has_no_problem_with_either_schema(tei_all):
    assert tei_meeting.validate(PASSING) == []
    assert tei_meeting.validate(PASSING, schema="tei_all") == []


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_fails_its_fixture_at_the_right_line(rule):
    path = FIXTURES / f"{rule}.xml"
    found = [d for d in tei_meeting.validate(path) if d.code == rule]
    assert found, [str(d) for d in tei_meeting.validate(path)]
    diagnostic = found[0]
    assert str(diagnostic.severity) == SEVERITY[rule]
    assert diagnostic.file == str(path)
    assert diagnostic.column and diagnostic.column > 1
    if rule not in {"person-silent", "speaker-mismatch", "range-reversed", "source-missing", "language-missing"}:
        assert diagnostic.line == first_changed_line(path)
    assert str(diagnostic).startswith(f"{path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.severity}: ")


def test_messages_say_what_to_fix():
    (problem,) = [d for d in tei_meeting.validate(FIXTURES / "who-unresolved.xml") if d.code == "who-unresolved"]
    assert problem.message == '@who "#stallin" names no person in particDesc; did you mean "#stalin"?'
    (duplicate,) = [d for d in tei_meeting.validate(FIXTURES / "id-duplicate.xml") if d.code == "id-duplicate"]
    assert duplicate.message == f'xml:id "sp1" is already used on line {duplicate.line - 4}'


def test_grammar_errors_have_lines_columns_and_paths():
    problems = [d for d in tei_meeting.validate(FIXTURES / "date-invalid.xml") if d.code == "schema"]
    assert problems and all(p.line and p.column for p in problems)
    assert any("/TEI/teiHeader/profileDesc/settingDesc/setting/date" in p.message for p in problems)


def test_all_problems_of_all_files_are_reported():
    result = run("validate", FIXTURES)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "14 files: 6 valid, 8 invalid; 13 errors, 9 warnings (tei-meeting)"
    for rule in RULES:
        assert any(line.endswith(f"[{rule}]") for line in lines), rule


def test_exit_status_zero_with_warnings_only():
    result = run("validate", FIXTURES / "person-silent.xml", FIXTURES / "pass.xml")
    assert result.exit_code == 0
    assert "warning:" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("2 files: 2 valid, 0 invalid; 0 errors, 1 warnings")


def test_json_report():
    result = run("validate", "--format", "json", FIXTURES / "who-unresolved.xml", PASSING)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 2, "valid": 1, "invalid": 1, "infos": 0, "warnings": 1, "errors": 1}
    assert {d["code"] for d in report["diagnostics"]} == {"who-unresolved", "person-silent"}
    first = report["diagnostics"][0]
    assert set(first) == {"file", "line", "column", "severity", "code", "message"}


def test_github_annotations():
    result = run("validate", "--format", "github", FIXTURES / "who-unresolved.xml")
    path = FIXTURES / "who-unresolved.xml"
    line = first_changed_line(path)
    assert f"::error file={path},line={line},col=9,title=who-unresolved::@who \"#stallin\" names no person in particDesc; did you mean \"#stalin\"?" in result.stdout.splitlines()


def test_tei_all_and_a_schema_file(tmp_path):
    result = run("validate", "--schema", "tei_all", CORPUS / "tei")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "1 files: 1 valid, 0 invalid; 0 errors, 0 warnings (tei_all)"
    schema = tmp_path / "only-div.rng"
    schema.write_text('<element name="div" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    custom = run("validate", "--schema", schema, "--no-rules", PASSING)
    assert custom.exit_code == 1
    assert "[schema]" in custom.stdout


def test_usage_and_io_errors(tmp_path):
    assert run("validate", tmp_path / "missing.xml").exit_code == 2
    bad_schema = tmp_path / "bad.rng"
    bad_schema.write_text("<not-a-schema/>")
    result = run("validate", "--schema", bad_schema, PASSING)
    assert result.exit_code == 2 and "[bad-schema]" in result.stderr
    assert run("validate", "--schema", "tei_lite", PASSING).exit_code == 2
    (tmp_path / "empty").mkdir()
    assert run("validate", tmp_path / "empty").exit_code == 2


SECRET = "TOP-SECRET-CONTENT-42"


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


HOSTILE = {
    "xxe": '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>',
    "billion-laughs": (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n<TEI>&d;</TEI>'
    ),
    "external-dtd": '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://192.0.2.1/tei.dtd">\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
    "parameter-entity": '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n<TEI/>',
}


@pytest.mark.parametrize("attack", sorted(HOSTILE))
def test_hostile_documents_are_refused_without_leaking(attack, tmp_path, secret_file):
    path = tmp_path / f"{attack}.xml"
    path.write_text(HOSTILE[attack].format(secret=secret_file))
    result = run("validate", path)
    assert result.exit_code == 1
    assert SECRET not in result.output
    assert f"{path}:" in result.stdout and "[doctype-refused]" in result.stdout
    assert tei_meeting.validate(path)[0].code == "doctype-refused"


def test_remote_schema_reference_is_not_followed():
    data = PASSING.read_bytes().replace(
        b"?>\n", b'?>\n<?xml-model href="http://192.0.2.1/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n', 1
    )
    problems = tei_meeting.validate(data)
    assert [(p.code, str(p.severity), p.line) for p in problems] == [("schema-reference-ignored", "info", 2)]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<a>" * 5000 + b"</a>" * 5000, "nested more than 256 deep"),
        (b'<a b="' + b"x" * 11_000_000 + b'"/>', "larger than 10 MB"),
        (b"<TEI><p></TEI>", "not well-formed XML: Opening and ending tag mismatch"),
        (b"\x89PNG\r\n\x1a\n", "not well-formed XML"),
    ],
)
def test_broken_and_huge_xml(data, message):
    (problem,) = tei_meeting.validate(data)
    assert problem.code == "not-well-formed" and message in problem.message
    assert problem.line


@pytest.mark.parametrize(
    "data",
    [b"<html><body/></html>", b'<TEI xmlns="http://example.org/not-tei"/>'],
)
def test_wrong_root_or_namespace(data):
    problems = tei_meeting.validate(data)
    assert problems and all(p.code == "schema" for p in problems)
    assert "TEI" in problems[0].message
