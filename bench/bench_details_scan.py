"""Document kind and the practical-details checklist: CPU time a letter, against plain ``re`` in
the same run (issue 20).

    python bench/bench_details_scan.py [--letters 200] [--rounds 3]

On ``--letters`` synthetic letters (``bench_check.make_letter``), each read and split into
sentences first (not timed: that is the pipeline's, shared by every rule), measures in one run:

- kind and checklist: ``apply_profile`` (the document kind, every profile's signals) and the
  ``details`` section (every detector's evidence, what applies) for each letter;
- the patterns alone: every detail and profile pattern searched through each whole letter with
  ``re`` (``pattern.finditer``), and the same searches with ``litcheck.details.scan`` (each letter
  indexed once, each pattern tried only where a match can begin), which must find the same
  matches (checked here too).

The best of ``--rounds`` rounds is printed (CPU time of this process: the fairer figure on a
loaded machine), with the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_letter  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import litcheck
    from litcheck import readers
    from litcheck.analysers.context import Context
    from litcheck.details import scan
    from litcheck.details.profiles import apply_profile
    from litcheck.details.section import DetailsSection

    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters + 1)]
    litcheck.check_text(letters[0])  # tables, rules, patterns: loaded once, not timed
    letters = letters[1:]
    from litcheck.details.profiles import own_patterns

    patterns = own_patterns()
    load = os.getloadavg()[0]

    best = {"kind and checklist": None, "patterns with re": None, "patterns with scan": None}
    for _ in range(args.rounds):
        contexts = []
        for text in letters:
            ctx = Context(readers.read_text(text, "txt", None), None, {})
            ctx.sentences  # the pipeline's sentences, not timed
            contexts.append(ctx)
        t = time.process_time()
        for ctx in contexts:
            apply_profile(ctx, None)
            DetailsSection(ctx).to_dict()
        spent = {"kind and checklist": time.process_time() - t}

        t = time.process_time()
        plain = [[[m.span() for m in p.finditer(text)] for p in patterns] for text in letters]
        spent["patterns with re"] = time.process_time() - t
        t = time.process_time()
        fast = []
        for text in letters:
            idx = scan.TextIndex(text)
            fast.append([[m.span() for m in scan.finditer_in(idx, p)] for p in patterns])
        spent["patterns with scan"] = time.process_time() - t
        if fast != plain:
            raise SystemExit("bench_details_scan: scan found other matches than re")
        for name, value in spent.items():
            best[name] = value if best[name] is None else min(best[name], value)

    n = len(letters)
    print(f"{n} synthetic letters, {len(patterns)} detail and profile patterns, best of {args.rounds} rounds; load average {load:.1f} on {os.cpu_count()} cores")
    for name, value in best.items():
        print(f"  {name:<22} {1000 * value / n:7.2f} ms of CPU a letter")
    print(f"scan / re on the same patterns and letters: {best['patterns with re'] / best['patterns with scan']:.2f}x faster, the same matches")


if __name__ == "__main__":
    main()
