"""Benchmark: converting the seed record, stage by stage (prints a table; not a test).

    python benchmarks/bench_convert.py [--repeat N]

Prints the median over N runs of each pipeline stage (read, write TEI, serialize, validate),
the total, and the floor for comparison: lxml parsing and re-serialising the same TEI.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lxml import etree

import tei_meeting
from tei_meeting.reader import read
from tei_meeting.tei import serialize, write_tei
from tei_meeting.validate import relaxng, validate_bytes

SEED = Path(__file__).resolve().parent.parent / "corpus" / "transcripts" / "1945-07-09_soong-stalin.txt"


def median_ms(function, repeat: int) -> tuple[float, object]:
    timings = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    relaxng("tei-meeting")  # compiled once per process, as in real use
    tei_meeting.convert(text, source=SEED.name)  # warm up

    read_ms, meeting = median_ms(lambda: read(text, SEED.name), args.repeat)
    write_ms, tree = median_ms(lambda: write_tei(meeting), args.repeat)
    serialize_ms, tei = median_ms(lambda: serialize(write_tei(meeting)), args.repeat)
    serialize_ms -= write_ms
    validate_ms, _ = median_ms(lambda: validate_bytes(tei, SEED.name), args.repeat)
    total_ms, _ = median_ms(lambda: tei_meeting.convert(text, source=SEED.name), args.repeat)
    floor_ms, _ = median_ms(lambda: etree.tostring(etree.fromstring(tei)), args.repeat)

    print(f"seed: {SEED.name}, {len(text):,} characters -> {len(tei):,} bytes of TEI; median of {args.repeat} runs")
    print(f"{'stage':<22}{'ms':>10}")
    for name, value in [("read", read_ms), ("write TEI", write_ms), ("serialize", serialize_ms), ("validate", validate_ms)]:
        print(f"{name:<22}{value:>10.2f}")
    print(f"{'convert (total)':<22}{total_ms:>10.2f}")
    print(f"{'lxml parse+serialize':<22}{floor_ms:>10.2f}")
    print(f"ratio total / lxml floor: {total_ms / floor_ms:.1f}; documents per second (1 core): {1000 / total_ms:.0f}")


if __name__ == "__main__":
    main()
