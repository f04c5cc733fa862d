"""What LanguageTool adds to checking a letter: check_file with and without it, in the same run.

    scripts/languagetool-server start
    python bench/bench_languagetool.py [--url http://127.0.0.1:8081] [--repeat 10]

For each sample (samples/procedure_leaflet.md is about two A4 pages, 700 words;
samples/good_appointment_letter.txt one page), after one warm-up check of each kind, prints
the median time of ``check_file`` without ``languagetool`` and with it, and the difference:
the time a LanguageTool server on this machine adds to one document. The grammar and
spelling findings are counted too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import litcheck  # noqa: E402

SAMPLES = ["samples/procedure_leaflet.md", "samples/good_appointment_letter.txt", "samples/poor_appointment_letter.txt"]
LT = ("grammar.", "spelling.", "style.redundancy")


def median_time(path: Path, repeat: int, **options) -> tuple[float, object]:
    times, report = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        report = litcheck.check_file(path, **options)
        times.append(time.perf_counter() - started)
    return statistics.median(times), report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("LITCHECK_LANGUAGETOOL_URL", "http://127.0.0.1:8081"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    for name in SAMPLES:
        path = ROOT / name
        words = len(path.read_text(encoding="utf-8").split())
        litcheck.check_file(path)  # warm-up: spaCy, word lists, rules
        litcheck.check_file(path, languagetool=args.url)  # warm-up: the client, the server's caches
        without, _ = median_time(path, args.repeat)
        with_lt, report = median_time(path, args.repeat, languagetool=args.url)
        if report.notices:
            print(f"{name}: {report.notices[0]}")
            return 1
        found = [f for f in report.findings if f.rule.startswith(LT)]
        print(f"{name} ({words} words): without LanguageTool {without * 1000:.0f} ms, with {with_lt * 1000:.0f} ms, "
              f"LanguageTool adds {(with_lt - without) * 1000:.0f} ms; {len(found)} grammar/spelling findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
