"""The rules beyond the grammar: a near miss per rule that must pass, edge cases, and the shipped
Schematron agreeing with the Python checks on every fixture."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import isoschematron

from tei_meeting.checks import run_checks
from tei_meeting.validation import SCHEMATRON, schema_path
from tei_meeting.xmlsafe import parse_xml

FIXTURES = Path(__file__).parent / "fixtures"
FAILING = sorted((FIXTURES / "validation").glob("*.xml"))
NEAR_MISSES = sorted((FIXTURES / "validation-near-misses").glob("*.xml"))
RULES = sorted(p.stem for p in FAILING if p.stem != "pass")
#: What XPath 1 cannot check; the Schematron leaves these to the Python engine.
PYTHON_ONLY = {"date-invalid", "speaker-mismatch"}
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def rule_problems(data: bytes, *codes: str) -> list:
    """The rule diagnostics of a document (only those with ``codes``, if given)."""
    return [d for d in run_checks(parse_xml(data), "<test>", data) if not codes or d.code in codes]


def test_every_rule_has_a_near_miss():
    assert [p.stem for p in NEAR_MISSES] == RULES


@pytest.mark.parametrize("path", NEAR_MISSES, ids=lambda p: p.stem)
def test_near_misses_pass_the_rules_and_tei_all(path, tei_all):
    """Each file is one step away from its rule's failure (see its comment) and is correct TEI."""
    assert [str(d) for d in rule_problems(path.read_bytes())] == []
    assert tei_all.validate(parse_xml(path.read_bytes())), tei_all.error_log
    assert b"<!-- near miss for " + path.stem.encode() in path.read_bytes()


PASS = (FIXTURES / "validation" / "pass.xml").read_bytes()


def edited(old: str, new: str) -> bytes:
    assert old.encode() in PASS, old
    return PASS.replace(old.encode(), new.encode(), 1)


@pytest.mark.parametrize(
    "value",
    ["1945-07-09", "1944-02-29", "1945-07", "1945", "-0044-03-15", "12345-01-01", "--07-09", "--02-29", "--07", "---09",
     "21:00:00", "21:00:00.5", "24:00:00", "21:00:00Z", "1945-07-09+03:00", "1945-07-09T21:00:00-05:00"],
)
def test_w3c_date_forms_tei_allows(value):
    assert rule_problems(edited('<date when="1945-07-09"/>', f'<date when="{value}"/>'), "date-invalid") == []


@pytest.mark.parametrize(
    "value", ["1945-02-29", "1945-13-01", "1945-7-9", "9 July 1945", "21:00", "25:00:00", "--02-30", "1945-07-09T21:00", "1945-07-09 21:00:00", "1945-07-09+15:00", ""]
)
def test_values_that_are_not_w3c_dates(value):
    (problem,) = rule_problems(edited('<date when="1945-07-09"/>', f'<date when="{value}"/>'), "date-invalid")
    assert (problem.code, problem.line) == ("date-invalid", 78)
    assert problem.message.startswith(f'@when "{value}" is not an ISO 8601 date or time')


def test_reversed_bounds_and_ranges_compared_like_with_like():
    problems = rule_problems(edited('<date when="1945-07-09"/>', '<date notBefore="1945-07-31" notAfter="1945-07-01"/>'), "range-reversed")
    assert [(p.line, p.message) for p in problems] == [(78, '@notBefore "1945-07-31" is after @notAfter "1945-07-01"')]
    # different time zones or forms are not compared: no false alarm
    assert rule_problems(edited('<time from="21:00:00" to="22:40:00"/>', '<time from="23:00:00+03:00" to="22:00:00Z"/>'), "range-reversed") == []
    assert rule_problems(edited('<date when="1945-07-09"/>', '<date from="1945-07-09" to="1945-07"/>'), "range-reversed") == []


def test_span_pointers_are_checked():
    data = edited("      </div>\n    </body>", '      </div>\n      <spanGrp><span from="#sp1" to="#sp9">x</span></spanGrp>\n    </body>')
    (problem,) = rule_problems(data)
    assert (problem.code, problem.line, problem.message) == ("pointer-unresolved", 103, '@to "#sp9" names no element of this document')


def test_setting_time_range_compared_with_the_dateline():
    (problem,) = rule_problems(edited('<time from="21:00:00" to="22:40:00"/>', '<time from="21:00:00" to="22:45:00"/>'))
    assert (problem.code, problem.line) == ("setting-mismatch", 79)
    assert problem.message == 'the setting\'s time @to "22:45:00" differs from the dateline\'s "22:40:00" (line 88)'


def test_several_persons_in_one_who_are_each_checked():
    (problem,) = rule_problems(edited('<sp who="#soong" xml:id="sp2">', '<sp who="#soong #molotoff" xml:id="sp2">'))
    assert (problem.code, problem.line) == ("who-unresolved", 94)
    assert problem.message == '@who "#molotoff" names no person in particDesc; did you mean "#molotov"?'


# -- the Schematron -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schematron():
    return isoschematron.Schematron(parse_xml(schema_path(SCHEMATRON).read_bytes()), store_report=True)


def schematron_problems(schematron, tree) -> set[tuple[str, str, int]]:
    schematron.validate(tree)
    found = set()
    for failure in schematron.validation_report.iter(SVRL + "failed-assert", SVRL + "successful-report"):
        (element,) = tree.xpath(failure.get("location"))
        found.add((failure.get("id"), failure.get("role"), element.sourceline))
    return found


@pytest.mark.parametrize("path", FAILING + NEAR_MISSES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_schematron_agrees_with_the_python_checks(path, schematron):
    """Same codes, severities and lines, so the file editors use and the engine cannot drift apart."""
    data = path.read_bytes()
    tree = parse_xml(data)
    expected = {(d.code, str(d.severity), d.line) for d in run_checks(tree, path.name, data) if d.code not in PYTHON_ONLY}
    assert schematron_problems(schematron, tree) == expected


def test_the_schematron_covers_every_rule_but_the_python_only_ones(schematron):
    codes = {a.get("id") for a in parse_xml(schema_path(SCHEMATRON).read_bytes()).iter("{http://purl.oclc.org/dsdl/schematron}assert")}
    assert codes == set(RULES) - PYTHON_ONLY


def test_jing_reads_the_shipped_schematron(jing):
    failing = subprocess.run([jing, str(schema_path(SCHEMATRON)), str(FIXTURES / "validation" / "who-unresolved.xml")], capture_output=True, text=True)
    assert failing.returncode == 1
    assert '@who "#stallin" names no person in particDesc' in failing.stdout
    passing = subprocess.run([jing, str(schema_path(SCHEMATRON)), str(FIXTURES / "validation" / "pass.xml")], capture_output=True, text=True)
    assert (passing.returncode, passing.stdout) == (0, "")


def test_a_who_that_names_no_person_is_reported_once():
    """Not also as a speaker-mismatch: the label cannot name a turn or a missing person."""
    for fixture, code in (("who-not-person", "who-not-person"), ("who-unresolved", "who-unresolved")):
        data = (FIXTURES / "validation" / f"{fixture}.xml").read_bytes()
        assert [d.code for d in rule_problems(data, code, "speaker-mismatch")] == [code]
