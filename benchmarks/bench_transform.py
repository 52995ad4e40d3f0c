"""Benchmark of the transforms (prints a table; not a test).

    python benchmarks/bench_transform.py               # the seed, and the seed's body x10 and x100
    python benchmarks/bench_transform.py --repeat 50

For each format: the median time per document of ``tei_meeting.transform`` on a parsed tree
(stylesheet compiled once, as in a batch), and of ``xsltproc`` on the file when it is installed
(a process per document, start-up included: what a shell loop costs). The seed's body repeated
10 and 100 times shows how each stylesheet grows with the size of a record (a stylesheet that is
quadratic somewhere shows up here). Stylesheet compilation is reported separately.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from lxml import etree

import tei_meeting
from tei_meeting.transforms import FORMATS, _stylesheet, transform

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "transcripts" / "1945-07-09_soong-stalin.txt"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def median_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def enlarged(tei: bytes, factor: int) -> etree._ElementTree:
    """The seed with its turns repeated ``factor`` times (ids renumbered so that they stay unique)."""
    tree = etree.ElementTree(etree.fromstring(tei))
    div = tree.find(f".//{{{TEI_NS}}}div")
    body = list(div)
    for _ in range(factor - 1):
        for element in body:
            div.append(etree.fromstring(etree.tostring(element)))
    for number, sp in enumerate(div.iter(f"{{{TEI_NS}}}sp"), 1):
        sp.set(XML_ID, f"sp{number}")
    for element in div.iter():
        if element.get(XML_ID, "").startswith(("quote", "list")):
            for attribute in (XML_ID, "next", "prev"):
                element.attrib.pop(attribute, None)
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement (median reported)")
    args = parser.parse_args()

    tei = tei_meeting.convert(SEED)
    sizes = {"seed (122 turns)": etree.ElementTree(etree.fromstring(tei))}
    for factor in (10, 100):
        sizes[f"seed x{factor} ({122 * factor} turns)"] = enlarged(tei, factor)

    print("Stylesheet compilation (once per process):")
    for name in sorted({spec.stylesheet for spec in FORMATS.values()}):
        path = resources.files("tei_meeting.xslt").joinpath(name)
        seconds = median_time(lambda: etree.XSLT(etree.parse(str(path))), 5)
        print(f"  {name:<24} {seconds * 1000:8.1f} ms")
    for spec in FORMATS.values():
        _stylesheet(spec.stylesheet)

    print(f"\ntei_meeting.transform(tree, to=...), median of {args.repeat} (x100: of 3) runs, ms per document:")
    header = f"  {'format':<10}" + "".join(f"{label:>24}" for label in sizes)
    print(header)
    for to in FORMATS:
        cells = []
        for label, tree in sizes.items():
            repeat = 3 if "x100" in label else args.repeat
            cells.append(f"{median_time(lambda: transform(tree, to=to, source='x.xml'), repeat) * 1000:24.1f}")
        print(f"  {to:<10}" + "".join(cells))

    xsltproc = shutil.which("xsltproc")
    if xsltproc is None:
        print("\nxsltproc: not installed; skipped")
        return
    print(f"\nxsltproc (one process per document, start-up included), median of {min(args.repeat, 10)} runs, ms:")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.xml"
        path.write_bytes(tei)
        for to, spec in FORMATS.items():
            command = [xsltproc, "--nonet"]
            for name, value in spec.params:
                command += ["--stringparam", name, value]
            command += [str(resources.files("tei_meeting.xslt").joinpath(spec.stylesheet)), str(path)]
            seconds = median_time(lambda: subprocess.run(command, capture_output=True, check=True), min(args.repeat, 10))
            print(f"  {to:<10}{seconds * 1000:10.1f}")
    print(f"\n(Python {sys.version.split()[0]}, lxml {etree.__version__}, libxslt {'.'.join(map(str, etree.LIBXSLT_VERSION))})")


if __name__ == "__main__":
    main()
