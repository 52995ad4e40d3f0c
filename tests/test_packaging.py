"""The built wheel carries its schemas and stylesheets and works outside the source tree."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEED


def _recent_setuptools() -> bool:
    """True if the environment's setuptools can build this project (pyproject asks for >= 68)."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    from importlib.metadata import version

    return int(version("setuptools").split(".")[0]) >= 68


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)]
    if _recent_setuptools():
        command.insert(5, "--no-build-isolation")  # faster, and needs no index
    subprocess.run(command, check=True, capture_output=True)
    (found,) = out.glob("tei_meeting-*.whl")
    return found


def test_wheel_contains_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "tei_meeting/schemas/tei-meeting.rng",
        "tei_meeting/schemas/tei-meeting.rnc",
        "tei_meeting/schemas/tei_all.rng",
        "tei_meeting/schemas/TEI-LICENSE.md",
        "tei_meeting/xslt/tei-to-text.xsl",
    ):
        assert required in names, required


def test_installed_wheel_converts_and_validates(wheel, tmp_path):
    """Installed non-editable, away from the checkout: convert validates with the shipped schema."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    program = (
        "import sys, tei_meeting, pathlib\n"
        "assert pathlib.Path(tei_meeting.__file__).is_relative_to(sys.argv[2]), tei_meeting.__file__\n"
        "from tei_meeting.validation import schema_path\n"
        "assert schema_path('tei-meeting').is_relative_to(sys.argv[2])\n"
        "tei = tei_meeting.convert(pathlib.Path(sys.argv[1]))\n"
        "print(len(tei), tei_meeting.transform(tei, to='txt').count('Stalin:'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, str(SEED), str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    size, stalin_turns = result.stdout.split()
    assert int(size) > 30_000 and int(stalin_turns) == 58
