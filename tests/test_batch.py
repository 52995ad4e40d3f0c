"""Batch conversion (`convert DIR --out-dir`), incremental re-runs, and the teiCorpus file."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import NS, SEED, XML_ID, xpath

from tei_meeting.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def make_corpus(root, count: int = 4):
    """`count` seed-like transcripts with different speakers, in two directories, plus one bad file."""
    text = SEED.read_text(encoding="utf-8")
    (root / "in" / "more").mkdir(parents=True)
    for index in range(count):
        variant = text.replace("Molotov:", f"Speaker{index}:")
        folder = root / "in" if index % 2 else root / "in" / "more"
        (folder / f"record-{index}.txt").write_text(variant, encoding="utf-8")
    (root / "in" / "notes.txt").write_text("No turns in here at all.\n")
    return root / "in"


def outputs(directory):
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*.xml"))}


def test_directory_batch_with_one_bad_file(tmp_path):
    source = make_corpus(tmp_path)
    result = run("convert", source, "--out-dir", tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 1
    made = outputs(tmp_path / "out")
    assert sorted(made) == ["more/record-0.xml", "more/record-2.xml", "record-1.xml", "record-3.xml"]
    assert f"{source / 'notes.txt'}:1:1: error:" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("4 converted, 0 unchanged, 1 failed, ")
    assert "\r" not in result.stderr  # no progress bar when not on a terminal
    speakers = xpath(etree.fromstring(made["record-3.xml"]), "//tei:person/@xml:id")
    assert speakers == ["stalin", "soong", "speaker3"]


def test_output_is_the_same_whatever_the_number_of_jobs(tmp_path):
    source = make_corpus(tmp_path)
    run("convert", source, "--out-dir", tmp_path / "one", "--jobs", "1")
    run("convert", source, "--out-dir", tmp_path / "two", "--jobs", "2")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert len(outputs(tmp_path / "one")) == 4


def test_rerun_converts_only_what_changed(tmp_path):
    source = make_corpus(tmp_path)
    out = tmp_path / "out"
    run("convert", source, "--out-dir", out)
    again = run("convert", source, "--out-dir", out)
    assert again.stderr.splitlines()[-1].startswith("0 converted, 4 unchanged, 1 failed")
    changed = source / "record-1.txt"
    changed.write_text(changed.read_text() + "\nStalin: One more thing.\n")
    (out / "record-3.xml").unlink()
    third = run("convert", source, "--out-dir", out)
    assert third.stderr.splitlines()[-1].startswith("2 converted, 2 unchanged, 1 failed")
    assert b"One more thing." in (out / "record-1.xml").read_bytes()
    forced = run("convert", source, "--out-dir", out, "--force", "--quiet")
    assert forced.exit_code == 1
    assert "converted" not in forced.stderr  # --quiet: no summary


def test_several_files_and_no_partial_outputs(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED, first)
    shutil.copy(SEED, second)
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.xml").mkdir()  # b's output cannot be written
    result = run("convert", first, second, "--out-dir", out)
    assert result.exit_code == 2
    assert f"{out / 'b.xml'}: error: cannot write" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".tei-meeting-manifest.json", "a.xml", "b.xml"]
    assert (out / "a.xml").read_bytes().startswith(b'<?xml version="1.0"')


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["a", "b"], "need --out-dir"),
        (["dir", "-o", "x.xml"], "-o/--output names one file"),
    ],
)
def test_usage_errors(tmp_path, arguments, message):
    (tmp_path / "a").write_text("Smith: hi\n")
    (tmp_path / "b").write_text("Smith: hi\n")
    (tmp_path / "dir").mkdir()
    result = run("convert", *[tmp_path / a if a in {"a", "b", "dir"} else a for a in arguments])
    assert result.exit_code == 2
    assert message in result.stderr


def test_two_inputs_for_one_output_are_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    shutil.copy(SEED, tmp_path / "x" / "same.txt")
    shutil.copy(SEED, tmp_path / "y" / "same.txt")
    result = run("convert", tmp_path / "x" / "same.txt", tmp_path / "y" / "same.txt", "--out-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert "[output-clash]" in result.stderr
    assert not (tmp_path / "out").exists()


def test_corpus_file(tmp_path, tei_all):
    source = make_corpus(tmp_path)
    run("convert", source, "--out-dir", tmp_path / "tei")
    result = run("corpus", tmp_path / "tei", "-o", tmp_path / "corpus.xml", "--title", "Sino-Soviet talks")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(tmp_path / "corpus.xml"))
    assert tei_all.validate(tree), tei_all.error_log
    root = tree.getroot()
    assert root.tag == "{%s}teiCorpus" % NS["tei"]
    assert xpath(root, "string(tei:teiHeader//tei:title)") == "Sino-Soviet talks"
    documents = xpath(root, "tei:TEI")
    assert [d.get(XML_ID) for d in documents] == ["record-0", "record-2", "record-1", "record-3"]
    union = xpath(root, "tei:teiHeader//tei:listPerson/tei:person/@xml:id")
    assert union == ["soong", "speaker0", "speaker1", "speaker2", "speaker3", "stalin"]
    ids = xpath(root, "//@xml:id")
    assert len(ids) == len(set(ids))
    known = set(ids)
    for pointer in xpath(root, "//@who | //@next | //@prev | //@corresp"):
        assert pointer.startswith("#") and pointer[1:] in known, pointer
    assert len(xpath(root, "//tei:sp")) == 4 * 122


def test_corpus_refuses_non_tei(tmp_path):
    (tmp_path / "x.xml").write_text("<html/>")
    result = run("corpus", tmp_path / "x.xml")
    assert result.exit_code == 1
    assert "[not-tei]" in result.stderr


def test_corpus_file_is_indented_and_refuses_hostile_xml(tmp_path):
    run("convert", SEED, "--out-dir", tmp_path / "tei")
    result = run("corpus", tmp_path / "tei", "-o", tmp_path / "corpus.xml")
    assert result.exit_code == 0
    lines = (tmp_path / "corpus.xml").read_text().splitlines()
    assert lines[1] == '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">' and lines[2] == "  <teiHeader>"
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TEXT")
    (tmp_path / "tei" / "evil.xml").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n<TEI xmlns="{NS["tei"]}">&x;</TEI>'
    )
    hostile = run("corpus", tmp_path / "tei")
    assert hostile.exit_code == 1
    assert "[doctype-refused]" in hostile.stderr and "SECRET-TEXT" not in hostile.output
