"""Benchmark of conversion (prints tables; not a test).

    python benchmarks/bench_convert.py                 # everything (10,000 documents: a few minutes)
    python benchmarks/bench_convert.py --docs 1000     # a smaller corpus
    python benchmarks/bench_convert.py --skip-corpus   # stages, scaling and start-up only

Sections:
1. the seed record, stage by stage (read, write TEI, serialize, validate), median of --repeat
   runs, against the floor of lxml parsing and re-serialising the same TEI;
2. how time grows with the size of a document: the seed's body repeated 1x, 10x, 100x;
3. throughput of `tei-meeting convert DIR --out-dir OUT` on a generated corpus of seed-like
   documents (speakers and text varied so nothing is cached), with --jobs 1 and --jobs 2, and the
   peak memory (RSS) of the largest process, for the corpus and for a tenth of it;
4. the command line's start-up time (`tei-meeting --version`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

import tei_meeting
from tei_meeting.reader import read
from tei_meeting.tei import serialize, write_tei
from tei_meeting.validation import relaxng, validate_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "transcripts" / "1945-07-09_soong-stalin.txt"
CLI = [sys.executable, "-m", "tei_meeting"]


def median_ms(function, repeat: int):
    timings, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), result


def stages(text: str, repeat: int) -> None:
    relaxng("tei-meeting")  # compiled once per process, as in real use
    tei_meeting.convert(text, source=SEED.name)  # warm up
    read_ms, meeting = median_ms(lambda: read(text, SEED.name), repeat)
    write_ms, _ = median_ms(lambda: write_tei(meeting), repeat)
    both_ms, tei = median_ms(lambda: serialize(write_tei(meeting)), repeat)
    validate_ms, _ = median_ms(lambda: validate_bytes(tei, SEED.name), repeat)
    total_ms, _ = median_ms(lambda: tei_meeting.convert(text, source=SEED.name), repeat)
    floor_ms, _ = median_ms(lambda: etree.tostring(etree.fromstring(tei)), repeat)
    print(f"\n1. Seed record: {len(text):,} characters -> {len(tei):,} bytes of TEI (median of {repeat} runs)")
    print(f"   {'stage':<24}{'ms':>9}")
    for name, value in [("read", read_ms), ("write TEI", write_ms), ("serialize", both_ms - write_ms), ("validate", validate_ms)]:
        print(f"   {name:<24}{value:>9.2f}")
    print(f"   {'convert, total':<24}{total_ms:>9.2f}")
    print(f"   {'lxml parse + serialize':<24}{floor_ms:>9.2f}   (floor; total/floor = {total_ms / floor_ms:.1f})")


def scaling(text: str, repeat: int) -> None:
    body_start = text.index("9 July 1945, 9:00")
    preamble, body = text[:body_start], text[body_start:]
    print("\n2. Growth with document size (seed body repeated)")
    print(f"   {'size':<8}{'characters':>12}{'ms':>10}{'ms per 1x':>12}")
    base = None
    for factor in (1, 10, 100):
        document = preamble + "\n\n".join([body] * factor)
        runs = max(3, repeat // factor)
        ms, _ = median_ms(lambda: tei_meeting.convert(document, source="scaled.txt"), runs)
        base = base or ms
        print(f"   {str(factor) + 'x':<8}{len(document):>12,}{ms:>10.1f}{ms / factor:>12.2f}   ({ms / base:.0f}x the time of 1x)")


def generate_corpus(directory: Path, count: int, text: str) -> None:
    """Seed-like documents: speakers renamed and the opening sentence numbered, per document."""
    directory.mkdir(parents=True)
    for index in range(count):
        variant = (
            text.replace("Stalin:", f"Stalin{index % 97}:")
            .replace("Soong:", f"Soong{index % 89}:")
            .replace("What news?", f"What news, number {index}?")
        )
        (directory / f"record-{index:05d}.txt").write_text(variant, encoding="utf-8")


def run_measured(arguments: list[str]) -> tuple[float, float]:
    """Wall time in seconds and peak RSS (MiB, the largest single process) of a command."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True)\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    output = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True)
    elapsed, rss = output.stdout.split()
    return float(elapsed), float(rss)


def throughput(text: str, count: int) -> None:
    print(f"\n3. Corpus throughput: `tei-meeting convert DIR --out-dir OUT` ({os.cpu_count()} cores here)")
    print(f"   {'documents':>10}{'jobs':>6}{'seconds':>10}{'docs/s':>10}{'peak RSS MiB':>14}")
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for size in sorted({max(1, count // 10), count}):
            generate_corpus(root / f"in-{size}", size, text)
            for jobs in (1, 2):
                out = root / f"out-{size}-{jobs}"
                seconds, rss = run_measured([*CLI, "convert", str(root / f"in-{size}"), "--out-dir", str(out), "--jobs", str(jobs), "--quiet"])
                print(f"   {size:>10,}{jobs:>6}{seconds:>10.1f}{size / seconds:>10.0f}{rss:>14.0f}")
                shutil.rmtree(out)


def startup(repeat: int) -> None:
    command = shutil.which("tei-meeting")
    arguments = [command, "--version"] if command else [*CLI, "--version"]
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(arguments, check=True, capture_output=True)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"\n4. Start-up: `{' '.join(Path(a).name for a in arguments)}` median {statistics.median(timings):.0f} ms over {repeat} runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    print(f"tei-meeting {tei_meeting.__version__}, Python {sys.version.split()[0]}, lxml {etree.__version__}")
    stages(text, args.repeat)
    scaling(text, args.repeat)
    if not args.skip_corpus:
        throughput(text, args.docs)
    startup(args.repeat)



if __name__ == "__main__":
    main()
