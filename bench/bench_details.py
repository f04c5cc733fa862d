"""Benchmark the practical-details detectors and profile detection alone, and their share of
check_text.

    python bench/bench_details.py [--documents 2000] [--checks 200]

Reads the 40 labelled documents in tests/data/details/ once, then, over ``--documents``
documents (the 40 repeated), times on a fresh Context each:

- sentences: the segmentation the detectors read (shared with the other checks, so it is
  reported apart and not counted as the details' own cost);
- details: ``litcheck.details.detect`` (the 14 detectors) on the segmented text;
- profile: ``detect_profile`` with the details already found (patterns, lengths, sentence length).

Then times ``check_document`` (what check_text does after reading) on ``--checks`` documents
and reports the share of it that details + profile take.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "details"


def load_documents():
    import yaml

    from litcheck import readers

    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))
    return [readers.read_file(DATA / name) for name in labels if Path(name).suffix.lower() in readers.READERS]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--checks", type=int, default=200)
    args = ap.parse_args()

    from litcheck import check_document
    from litcheck.analysers import Context
    from litcheck.details import detect
    from litcheck.details.profiles import detect_profile, load_profiles

    docs = load_documents()
    load_profiles()
    check_document(docs[0])  # warm-up: rules, spaCy, word lists load once per process
    n = args.documents
    seg = details = profile = 0.0
    for i in range(n):
        ctx = Context(docs[i % len(docs)])
        t0 = time.perf_counter()
        ctx.sentences
        t1 = time.perf_counter()
        detect(ctx)
        t2 = time.perf_counter()
        detect_profile(ctx)
        t3 = time.perf_counter()
        seg, details, profile = seg + t1 - t0, details + t2 - t1, profile + t3 - t2

    m = args.checks
    t0 = time.perf_counter()
    for i in range(m):
        check_document(docs[i % len(docs)])
    check = (time.perf_counter() - t0) / m
    chars = sum(len(d.text) for d in docs) / len(docs)

    print(f"{len(docs)} labelled documents (mean {chars:.0f} characters), repeated to {n}")
    print(f"  sentences (shared, not counted): {n / seg:9.0f} docs/s  {1000 * seg / n:6.2f} ms/doc")
    print(f"  details (14 detectors):          {n / details:9.0f} docs/s  {1000 * details / n:6.2f} ms/doc")
    print(f"  profile detection:               {n / profile:9.0f} docs/s  {1000 * profile / n:6.2f} ms/doc")
    both = (details + profile) / n
    print(f"  details + profile:               {1 / both:9.0f} docs/s  {1000 * both:6.2f} ms/doc")
    print(f"check_document over {m} of them:    {1 / check:9.0f} docs/s  {1000 * check:6.2f} ms/doc")
    print(f"share of check time: details + profile {both / check:.1%} (with sentences {(both + seg / n) / check:.1%})")


if __name__ == "__main__":
    sys.exit(main())
