"""``tei-meeting transform`` through click's CliRunner: outputs, format inference, exit codes and
the first line of each error; a failed transform leaves no file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tei_meeting
from tei_meeting.cli import main
from tei_meeting.transforms import FORMATS, transform

from conftest import SEED


@pytest.fixture(scope="module")
def tei_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    (folder / "1945-07-09_soong-stalin.xml").write_bytes(tei_meeting.convert(SEED))
    (folder / "sub").mkdir()
    (folder / "sub" / "copy.xml").write_bytes(tei_meeting.convert(SEED))
    return folder


@pytest.fixture()
def seed_xml(tei_dir) -> Path:
    return tei_dir / "1945-07-09_soong-stalin.xml"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def test_list_names_every_format_once():
    result = run("transform", "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == list(FORMATS)
    assert lines[1].split()[1] == ".html"


def test_stdout_by_default(seed_xml):
    result = run("transform", seed_xml, "--to", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == transform(seed_xml.read_bytes(), to="csv", source=str(seed_xml))


def test_format_from_the_output_suffix(seed_xml, tmp_path):
    for name, to in [("x.html", "html"), ("x.md", "md"), ("x.jsonl", "jsonl"), ("x.dracor.xml", "dracor")]:
        result = run("transform", seed_xml, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text(encoding="utf-8") == transform(seed_xml.read_bytes(), to=to, source=str(seed_xml))
    first = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["document"] == "1945-07-09_soong-stalin"


def test_directory_at_a_time(tei_dir, tmp_path):
    site = tmp_path / "site"
    result = run("transform", tei_dir, "--to", "md", "--out-dir", site)
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.md")) == ["1945-07-09_soong-stalin.md", "sub/copy.md"]
    assert "2 written, 0 failed" in result.stderr


def test_unknown_format_is_a_usage_error_listing_the_formats(seed_xml):
    result = run("transform", seed_xml, "--to", "docx")
    assert result.exit_code == 2
    assert "Error: unknown format 'docx'; known formats: txt, html, md, csv, tsv, jsonl, parlamint, dracor" in result.output


def test_a_format_is_needed(seed_xml, tmp_path):
    assert run("transform", seed_xml).exit_code == 2
    result = run("transform", seed_xml, "-o", tmp_path / "x.xml")
    assert result.exit_code == 2 and "cannot tell the format from 'x.xml'" in result.output
    assert not (tmp_path / "x.xml").exists()


def test_not_tei_is_invalid_input_and_leaves_no_file(tmp_path):
    page = tmp_path / "page.xml"
    page.write_bytes(b"<html/>")
    result = run("transform", page, "-o", tmp_path / "page.html")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{page}:1: error: the document is not TEI: its root element is 'html', not TEI in the TEI namespace [not-tei]"
    assert list(tmp_path.iterdir()) == [page]


def test_broken_xml_and_doctype_are_refused_without_traceback(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>")
    result = run("transform", broken, "--to", "html")
    assert result.exit_code == 1 and "[not-well-formed]" in result.stderr and "Traceback" not in result.output
    entities = tmp_path / "bomb.xml"
    entities.write_bytes(b'<!DOCTYPE TEI [<!ENTITY a "aaaa">]><TEI xmlns="http://www.tei-c.org/ns/1.0">&a;</TEI>')
    result = run("transform", entities, "--to", "txt")
    assert result.exit_code == 1 and "[doctype-refused]" in result.stderr


def test_a_record_without_turns_gives_no_empty_table(tmp_path):
    narrative = tmp_path / "narrative.xml"
    narrative.write_bytes(tei_meeting.convert(Path(__file__).parent / "fixtures" / "transcripts" / "narrative.txt"))
    result = run("transform", narrative, "-o", tmp_path / "narrative.jsonl")
    assert result.exit_code == 1 and "[empty-output]" in result.stderr
    assert not (tmp_path / "narrative.jsonl").exists()


def test_missing_file_and_unwritable_output_are_io_errors(seed_xml, tmp_path):
    result = run("transform", tmp_path / "missing.xml", "--to", "html")
    assert result.exit_code == 2 and "cannot read" in result.stderr
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run("transform", seed_xml, "-o", blocker / "x.html")
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_directory_needs_out_dir_and_format(tei_dir, tmp_path):
    assert run("transform", tei_dir, "--to", "md").exit_code == 2
    assert run("transform", tei_dir, "--out-dir", tmp_path / "site").exit_code == 2


def test_stdin(seed_xml):
    result = run("transform", "-", "--to", "txt", input=seed_xml.read_bytes())
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8") == transform(seed_xml.read_bytes(), to="txt")
