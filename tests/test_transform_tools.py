"""The stylesheets outside Python: xsltproc gives the same bytes as lxml (the commands in
docs/transforms.md work), and the HTML edition loads and renders in a real browser.

Each test skips only when its tool is absent; CI installs both (apt-get install xsltproc chromium).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

import pytest

import tei_meeting
from tei_meeting.transforms import FORMATS, transform

from conftest import SEED

XSLT = resources.files("tei_meeting.xslt")


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tei") / "1945-07-09_soong-stalin.xml"
    path.write_bytes(tei_meeting.convert(SEED))
    return path


@pytest.mark.parametrize("to", list(FORMATS))
def test_xsltproc_gives_what_the_library_gives(seed_file, to):
    xsltproc = shutil.which("xsltproc")
    if xsltproc is None:
        pytest.skip("xsltproc is not installed (Debian: apt-get install xsltproc)")
    spec = FORMATS[to]
    command = [xsltproc, "--nonet"]
    for name, value in spec.params:
        command += ["--stringparam", name, value]
    if spec.stylesheet == "tei-to-table.xsl":
        command += ["--stringparam", "document", "1945-07-09_soong-stalin"]
    command += [str(XSLT.joinpath(spec.stylesheet)), str(seed_file)]
    result = subprocess.run(command, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    expected = transform(seed_file.read_bytes(), to=to, source=str(seed_file))
    assert result.stdout.decode("utf-8") == expected


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless browser (Debian: apt-get install chromium)")


def _browser(*arguments: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Headless Chromium with a fresh profile, no network services, no sandbox (CI runs as root)."""
    with tempfile.TemporaryDirectory() as profile:
        command = [
            _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", *arguments,
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def html_file(seed_file, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "record.html"
    path.write_text(transform(seed_file.read_bytes(), to="html"), encoding="utf-8")
    return path


def test_browser_loads_the_edition_and_shows_its_text(html_file):
    result = _browser("--dump-dom", html_file.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "Record of a Meeting Between T. V. Soong and Stalin" in dom
    assert dom.count('class="turn"') == 122
    assert 'id="sp122"' in dom and "Hope see you before." in dom


@pytest.mark.parametrize(("size", "minimum"), [("1000,1800", 100_000), ("390,1500", 40_000)])
def test_browser_screenshot_shows_the_page(html_file, tmp_path, size, minimum):
    """A desktop and a phone-sized screenshot: a PNG of the page's size with real content in it
    (a blank page compresses to a few kilobytes)."""
    shot = tmp_path / "shot.png"
    result = _browser(f"--window-size={size}", f"--screenshot={shot}", "--hide-scrollbars", html_file.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert f"{width},{height}" == size
    assert len(data) > minimum
