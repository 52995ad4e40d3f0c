"""Benchmark: one very large transcript (prints figures; not a test).

    python benchmarks/bench_large.py [--megabytes 50]

Builds a transcript of about N MB from the seed's body (repeated), converts it once in a fresh
process, and prints the time and the peak memory (RSS) against the input size: the growth should
stay linear and the memory a small multiple of the input.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "corpus" / "transcripts" / "1945-07-09_soong-stalin.txt"

PROBE = """
import resource, sys, time
import tei_meeting
data = open(sys.argv[1], 'rb').read()
start = time.perf_counter()
tei = tei_meeting.convert(data, source=sys.argv[1])
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{len(data) / 2**20:.1f} {elapsed:.1f} {peak:.0f} {len(tei) / 2**20:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    start = text.index("9 July 1945, 9:00")
    preamble, body = text[:start], text[start:]
    print(f"{'input MB':>9}{'seconds':>9}{'peak RSS MB':>13}{'RSS/input':>11}{'TEI MB':>8}")
    for megabytes in sorted({max(1.0, args.megabytes / 10), args.megabytes}):
        copies = max(1, int(megabytes * 2**20 / len(body.encode())))
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
            handle.write(preamble + "\n\n".join([body] * copies))
            path = handle.name
        result = subprocess.run([sys.executable, "-c", PROBE, path], capture_output=True, text=True, check=True)
        size, seconds, peak, tei = (float(v) for v in result.stdout.split())
        print(f"{size:>9.1f}{seconds:>9.1f}{peak:>13.0f}{peak / size:>11.1f}{tei:>8.1f}")
        Path(path).unlink()


if __name__ == "__main__":
    main()
