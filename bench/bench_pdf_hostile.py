"""Benchmark the PDF reader on hostile files (issue 24): each built in memory
(tests/pdf_hostile.py), read in a fresh worker process, with its answer, time and memory
grown, against a harmless one-page letter read the same way in the same run.

    python bench/bench_pdf_hostile.py [--timeout 60]

Targets (issue 24): every file answered (text or one line) within 5 s, memory grown under
300 MB, no traceback.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdf_hostile as ph  # noqa: E402

CASES = {"letter (reference)": (ph.letter, None), **ph.CASES}


def _worker(name, queue):
    from litcheck import InputError
    from litcheck.readers import read_bytes

    read_bytes(ph.letter(), "pdf", "warm.pdf")  # imports and PDFium loaded before the clock
    data = CASES[name][0]()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    try:
        doc = read_bytes(data, "pdf", "hostile.pdf")
        answer = f"read ({len(doc.text)} characters)"
    except InputError as exc:
        answer = str(exc)
    except BaseException as exc:  # noqa: BLE001
        answer = f"CRASH {type(exc).__name__}: {exc}"
    elapsed = time.perf_counter() - t
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    queue.put((len(data), elapsed, grown, answer))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args(argv)
    ctx = multiprocessing.get_context("fork")
    worst_t = worst_m = 0.0
    failures = 0
    print(f"{'file':20} {'size':>9} {'time':>7} {'memory':>8}  answer")
    for name in CASES:
        queue = ctx.Queue()
        p = ctx.Process(target=_worker, args=(name, queue))
        p.start()
        p.join(args.timeout)
        if p.is_alive():
            p.kill()
            p.join()
            print(f"{name:20} {'':>9} {'>' + str(int(args.timeout)) + 's':>7} {'':>8}  HANG")
            failures += 1
            continue
        size, elapsed, grown, answer = queue.get(timeout=5)
        if name != "letter (reference)":
            worst_t, worst_m = max(worst_t, elapsed), max(worst_m, grown)
        failures += answer.startswith("CRASH") or elapsed > 5 or grown > 300
        print(f"{name:20} {size / 1024:7.1f}KB {elapsed:6.2f}s {grown:6.0f}MB  {answer[:110]}")
    print(f"\nslowest answer {worst_t:.2f} s, most memory grown {worst_m:.0f} MB, files over target: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
