"""``tei-meeting convert`` through click's CliRunner and as a real process."""

from __future__ import annotations

import subprocess
import sys
import tempfile

from click.testing import CliRunner
from lxml import etree

from conftest import SEED

from tei_meeting.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_convert_to_a_file_in_a_new_directory(tmp_path, seed_tei):
    out = tmp_path / "out" / "seed.xml"
    result = run("convert", str(SEED), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == seed_tei
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_convert_to_stdout_and_from_stdin(seed_tei, seed_text):
    result = CliRunner().invoke(main, ["convert", "-"], input=seed_text.encode())
    assert result.exit_code == 0
    assert result.stdout_bytes.replace(b"<stdin>", b"") == seed_tei.replace(SEED.name.encode(), b"")
    assert etree.fromstring(result.stdout_bytes).tag.endswith("TEI")


def test_warnings_have_file_line_and_column(tmp_path):
    source = tmp_path / "minutes.txt"
    source.write_text("Smith: It was [unclear.\n\nJones: Yes.\n")
    result = run("convert", str(source), "-o", str(tmp_path / "m.xml"))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert f"{source}:1:15: warning: '[' is not closed on this paragraph; kept as text [unclosed-bracket]" in lines


def test_strict_fails_and_writes_nothing(tmp_path):
    source = tmp_path / "minutes.txt"
    source.write_text("Smith: It was [unclear.\n")
    out = tmp_path / "m.xml"
    result = run("convert", "--strict", str(source), "-o", str(out))
    assert result.exit_code == 1
    assert "[unclosed-bracket]" in result.stderr
    assert not out.exists()


def test_bad_input_one_line_error_no_output(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text("Only prose here.\n")
    out = tmp_path / "notes.xml"
    result = run("convert", str(source), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"{source}:1:1: error: no speaker turns found: a turn starts with a label such as 'Stalin:' "
        "at the start of a paragraph [no-turns]"
    )
    assert "Traceback" not in result.output
    assert not out.exists()


def test_missing_file_and_directory(tmp_path):
    missing = run("convert", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"{tmp_path / 'nope.txt'}: error: cannot read: No such file or directory [io]"
    directory = run("convert", str(tmp_path))
    assert directory.exit_code == 2
    assert "need --out-dir" in directory.stderr


def test_unwritable_output(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("convert", str(SEED), "-o", str(blocker / "x.xml"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.output


def test_version_and_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "tei_meeting", "--version"], capture_output=True, text=True, cwd=tempfile.gettempdir())
    assert result.returncode == 0
    import tei_meeting

    assert result.stdout.strip() == f"tei-meeting, version {tei_meeting.__version__}"
