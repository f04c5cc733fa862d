"""Hostile and malformed inputs (issue 24): how each is answered, how fast, with how much memory.

    python bench/bench_hostile.py [--count 750] [--seed 24] [--workers 2] [--limit 60]

Generates the corpus (tests/fuzz/corpus.py: seeds built from samples/, then truncation, bit
flips, hostile text, repeats, other encodings, wrong readers, damaged Word packages and PDFs),
runs every input through the library in worker processes (tests/fuzz/harness.py) and prints
the outcomes, the slowest inputs and the memory growth, against the targets: every input
answered in 5 s, no crash, growth under 300 MB. The reference in the same run: the seeds
themselves (our ordinary sample letters), whose times show what this machine does with a
normal letter right now.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz import corpus, harness  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=750)
    p.add_argument("--seed", type=int, default=24)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--limit", type=float, default=60.0, help="seconds before an input is a timeout")
    args = p.parse_args()
    started = time.perf_counter()
    out = harness.run(corpus.generate(args.count, args.seed), workers=args.workers, time_limit=args.limit)
    took = time.perf_counter() - started
    seeds = [o for o in out if o.name.startswith("seed") and o.name.count("-") == 1]
    print(f"{len(out)} inputs in {took:.0f} s with {args.workers} workers")
    print("outcomes:", dict(collections.Counter(o.status for o in out)))
    by_reader = collections.defaultdict(list)
    for o in out:
        by_reader[o.reader].append(o.seconds)
    print("\nreader   inputs  median s  max s")
    for reader, times in sorted(by_reader.items()):
        print(f"{reader:7} {len(times):7} {statistics.median(times):9.2f} {max(times):6.1f}")
    if seeds:
        print(f"\nreference: the {len(seeds)} seed letters, median {statistics.median(o.seconds for o in seeds):.2f} s, max {max(o.seconds for o in seeds):.2f} s")
    over = [o for o in out if o.seconds > 5]
    print(f"\nover 5 s: {len(over)}")
    for o in sorted(out, key=lambda o: -o.seconds)[:10]:
        print(f"  {o.seconds:6.1f} s {o.growth_mb:6.0f} MB {o.status:12} {o.name} ({o.size:,} bytes) {o.detail[:80]}")
    print(f"\nlargest memory growth: {max(o.growth_mb for o in out):.0f} MB (target under 300)")
    bad = [o for o in out if o.status in ("crash", "timeout")]
    for o in bad:
        print(f"BAD {o.status}: {o.name} ({o.size:,} bytes) {o.detail}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
