"""Hostile XML: every attack gets a clear diagnostic, leaks nothing, fetches nothing, and returns.

"Fetches nothing" is checked, not assumed: the attacks point at a web server on 127.0.0.1 that
records every request, and a control test shows that it does record them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import tei_meeting
from tei_meeting import xmlsafe
from tei_meeting.cli import main
from tei_meeting.validation import SchemaError, relaxng

FIXTURES = Path(__file__).parent / "fixtures" / "validation"
PASSING = FIXTURES / "pass.xml"
SECRET = "TOP-SECRET-CONTENT-42"
FROM_NETWORK = "FETCHED-FROM-THE-NETWORK-17"
# A DOCTYPE may follow comments; one placed after 4 KB is not seen by the quick check before
# parsing, so these reach the parser itself (which must still expand and load nothing).
LONG_COMMENT = "<!-- " + "padding " * 700 + "-->\n"


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.fixture
def web():
    """A web server on 127.0.0.1 that serves a DTD fragment or a schema and records each request."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            body = (
                b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="TEI" ns="http://www.tei-c.org/ns/1.0"><text/></element></start></grammar>'
                if self.path.endswith(".rng")
                else f'<!ENTITY leak "{FROM_NETWORK}">'.encode()
            )
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_web_server_records_what_is_fetched(web):
    """Control: without it, "no request was made" would prove nothing."""
    url, hits = web
    with urllib.request.urlopen(f"{url}/control.dtd") as response:
        assert FROM_NETWORK.encode() in response.read()
    assert hits == ["/control.dtd"]


def hostile(url: str, secret: Path) -> dict[str, str]:
    tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
    return {
        "xxe-local-file": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n{tei}<p>&x;</p></TEI>',
        "xxe-in-attribute": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n{tei}<p n="&x;"/></TEI>',
        "xxe-network": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/x.txt">]>\n{tei}<p>&x;</p></TEI>',
        "billion-laughs": (
            '<!DOCTYPE lolz [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
            '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>\n'
            f"{tei}<p>&h;</p></TEI>"
        ),
        "quadratic-blowup": f'<!DOCTYPE TEI [<!ENTITY a "{"x" * 50_000}">]>\n{tei}<p>{"&a;" * 50_000}</p></TEI>',
        "external-dtd": f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n{tei}<p>&leak;</p></TEI>',
        "public-dtd": f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "{url}/tei.dtd">\n{tei}</TEI>',
        "parameter-entity-network": f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>\n{tei}<p>&leak;</p></TEI>',
        "parameter-entity-file": f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n{tei}</TEI>',
    }


ATTACKS = sorted(hostile("http://x", Path("s")))


@pytest.mark.parametrize("placement", ["at the top", "after 4 KB of comment"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_doctype_attacks_are_refused_without_leaking_or_fetching(attack, placement, tmp_path, secret_file, web):
    url, hits = web
    prefix = '<?xml version="1.0"?>\n' + (LONG_COMMENT if placement != "at the top" else "")
    path = tmp_path / f"{attack}.xml"
    path.write_text(prefix + hostile(url, secret_file)[attack])
    doctype_line = prefix.count("\n") + 1

    (problem,) = tei_meeting.validate(path)
    assert (problem.code, problem.line, str(problem.severity)) == ("doctype-refused", doctype_line, "error")
    assert "remove the DOCTYPE" in problem.message

    result = run("validate", "--format", "json", path)
    assert result.exit_code == 1
    assert '"doctype-refused"' in result.stdout
    for text in (result.output, problem.message):
        assert SECRET not in text and FROM_NETWORK not in text
    with pytest.raises(xmlsafe.XMLInputError):
        tei_meeting.transform(path.read_bytes(), "txt")
    assert hits == []


@pytest.mark.parametrize(
    "pi",
    [
        '<?xml-model href="{url}/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
        '<?xml-model href="{url}/rules.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
        '<?xml-stylesheet type="text/xsl" href="{url}/steal.xsl"?>',
    ],
)
def test_schema_and_stylesheet_references_are_not_followed(pi, web):
    url, hits = web
    data = PASSING.read_bytes().replace(b"?>\n", b"?>\n" + pi.format(url=url).encode() + b"\n", 1)
    problems = tei_meeting.validate(data)
    if "xml-model" in pi:
        assert [(p.code, str(p.severity), p.line) for p in problems] == [("schema-reference-ignored", "info", 2)]
        assert url in problems[0].message
    else:
        assert problems == []
    assert "What news?" in tei_meeting.transform(data, "txt")
    assert hits == []


def test_xinclude_is_not_processed(secret_file):
    data = PASSING.read_bytes().replace(
        b"<p>What news?</p>",
        f'<p>What news? <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret_file}" parse="text"/></p>'.encode(),
    )
    problems = tei_meeting.validate(data)
    # an element the grammar does not allow, nothing more (and no crash on its xi: prefix)
    assert problems and {p.code for p in problems} == {"schema"}
    assert "Did not expect element include there" in problems[0].message
    assert all(SECRET not in p.message for p in problems)
    assert SECRET not in tei_meeting.transform(data, "txt")


def rng(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f'<grammar xmlns="http://relaxng.org/ns/structure/1.0">{body}</grammar>')
    return path


def test_a_schema_including_a_remote_file_is_refused(tmp_path, web):
    url, hits = web
    outer = rng(tmp_path, "outer.rng", '<include href="inner.rng"/>')
    rng(tmp_path, "inner.rng", f'<include href="{url}/remote.rng"/>')
    with pytest.raises(SchemaError) as raised:
        relaxng(str(outer))
    (problem,) = raised.value.diagnostics
    assert problem.code == "bad-schema" and problem.file == str(tmp_path / "inner.rng") and problem.line == 1
    assert f"includes '{url}/remote.rng', which would be fetched from the network" in problem.message
    result = run("validate", "--schema", outer, PASSING)
    assert result.exit_code == 2 and "[bad-schema]" in result.stderr
    assert hits == []


def test_a_schema_with_local_includes_still_works(tmp_path):
    """Control for the refusal above: local includes are followed (relative to the including file)."""
    (tmp_path / "parts").mkdir()
    rng(tmp_path / "parts", "tei.rng", '<define name="tei"><element name="TEI" ns="http://www.tei-c.org/ns/1.0"><text/></element></define>')
    outer = rng(tmp_path, "outer.rng", '<include href="parts/tei.rng"/><start><ref name="tei"/></start>')
    assert relaxng(str(outer)).validate(xmlsafe.parse_xml(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">x</TEI>'))
    assert [p.code for p in tei_meeting.validate(PASSING, schema=str(outer), rules=False)] == ["schema"]


def test_a_schema_with_a_doctype_is_refused(tmp_path, secret_file):
    path = tmp_path / "evil.rng"
    path.write_text(f'<!DOCTYPE grammar [<!ENTITY x SYSTEM "file://{secret_file}">]>\n<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a"><value>&x;</value></element></start></grammar>')
    result = run("validate", "--schema", path, PASSING)
    assert result.exit_code == 2
    assert "[bad-schema]" in result.stderr and "DOCTYPE" in result.stderr and SECRET not in result.output


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(xmlsafe, "MAX_BYTES", 1000)
    (problem,) = tei_meeting.validate(PASSING)
    assert problem.code == "too-large" and problem.file == str(PASSING)
    (problem,) = tei_meeting.validate(PASSING.read_bytes())
    assert problem.code == "too-large"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_not_read(tmp_path):
    """A FIFO (or /dev/zero) would block or never end: it is refused as an I/O error (exit 2).
    Run in a child process with a timeout, so that a regression fails instead of hanging."""
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "tei_meeting", "validate", str(fifo)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{fifo}: error: cannot read: not a regular file (a directory, device, pipe or socket is not read) [io]"
    assert "Traceback" not in result.stderr


def test_deep_nesting_returns_an_error_not_a_crash():
    data = b"<TEI>" + b"<div>" * 100_000 + b"</div>" * 100_000 + b"</TEI>"
    (problem,) = tei_meeting.validate(data)
    assert problem.code == "not-well-formed" and "nested more than 256 deep" in problem.message
