"""Benchmark the key-facts extractor (litcheck.facts) on the real patient texts.

    python bench/bench_facts.py [--docs ../shared/data/real-texts/docs] [--repeat 5]
                                [--sample 60 --seed 1 [--kind name]]

Runs ``extract_facts`` over every ``*.txt`` in the corpus (read by path, never copied into the
repository), prints the number of facts per kind and the throughput (facts and characters per
second, best of ``--repeat`` passes after a warm-up that loads wordfreq and phonenumbers), and
times ``compare_facts`` of each text with itself (which must find nothing).

``--sample N`` also prints N facts drawn at random (stratified by kind) with a little context,
for judging precision by eye. The sample is printed to the terminal only: do not store it in
the repository (the texts are third-party).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DOCS = ROOT.parent / "shared" / "data" / "real-texts" / "docs"


def main() -> None:
    from litcheck.facts import KINDS, compare_facts, extract_facts

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sample", type=int, default=0, help="print this many random facts with context")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kind", help="sample only facts of this kind")
    args = ap.parse_args()

    paths = sorted(args.docs.glob("*.txt"))
    if not paths:
        sys.exit(f"no .txt files in {args.docs}")
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    chars = sum(len(t) for _, t in texts)

    extract_facts("Warm-up: call 0113 496 0000 at 10am on 3 June 2025 at Renal Outpatients.")
    best = float("inf")
    results = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        results = [(name, text, extract_facts(text)) for name, text in texts]
        best = min(best, time.perf_counter() - t0)

    counts = Counter(f.kind for _, _, facts in results for f in facts)
    total = sum(counts.values())
    print(f"{len(texts)} documents, {chars:,} characters, {total:,} facts")
    for kind in KINDS:
        print(f"  {kind:<12}{counts.get(kind, 0):>6}")
    print(f"extract_facts: {best * 1000:.1f} ms per pass, {total / best:,.0f} facts/s, {chars / best / 1000:,.0f} k chars/s")

    t0 = time.perf_counter()
    noisy = [name for name, text, _ in results if compare_facts(text, text)]
    dt = time.perf_counter() - t0
    print(f"compare_facts(text, text): {dt * 1000:.1f} ms for {len(texts)} documents; non-empty for {len(noisy)} {noisy[:5]}")

    if args.sample:
        rng = random.Random(args.seed)
        by_kind = defaultdict(list)
        for name, text, facts in results:
            for f in facts:
                by_kind[f.kind].append((name, text, f))
        # stratified: an equal share per kind present, the rest at random
        kinds = [k for k in KINDS if by_kind[k] and (not args.kind or k == args.kind)]
        picked = []
        per = max(1, args.sample // len(kinds))
        for k in kinds:
            picked += rng.sample(by_kind[k], min(per, len(by_kind[k])))
        rest = [x for k in kinds for x in by_kind[k] if x not in picked]  # noqa: E501
        picked += rng.sample(rest, max(0, min(len(rest), args.sample - len(picked))))
        for name, text, f in sorted(picked, key=lambda x: (KINDS.index(x[2].kind), x[0], x[2].start)):
            ctx = text[max(0, f.start - 40) : f.start] + "[[" + f.text + "]]" + text[f.end : f.end + 40]
            print(f"{f.kind:<11} {f.value!r:<32} {name[:28]:<28} {ctx!r}")


if __name__ == "__main__":
    main()
