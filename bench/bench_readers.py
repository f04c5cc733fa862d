"""Benchmark the Word and PDF readers: PDF pages per second, .docx documents per second.

    python bench/bench_readers.py [--pages 50] [--docs 200]

Fixtures are built in memory (fpdf2, python-docx) from tests/fixtures_builders.py: a
two-column leaflet with running headers and footers, and the Word appointment template.
pdfplumber's own ``page.extract_text()`` over the same PDF is timed for comparison.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures_builders import many_pages_pdf, word_template  # noqa: E402

from litcheck.readers import read_bytes  # noqa: E402


def best_of(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()

    pdf = many_pages_pdf(args.pages)
    t = best_of(lambda: read_bytes(pdf, "pdf", "bench.pdf"))
    print(f"litcheck PDF reader:        {args.pages / t:8.1f} pages/s  ({args.pages} two-column pages in {t:.2f}s)")

    import pdfplumber

    def plumber():
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            for page in doc.pages:
                page.extract_text()

    t = best_of(plumber, repeat=1)
    print(f"pdfplumber extract_text():  {args.pages / t:8.1f} pages/s  (for comparison; it merges the columns)")

    def plumber_layout():
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            for page in doc.pages[:10]:
                page.extract_text(layout=True)

    t = best_of(plumber_layout, repeat=1)
    print(f"pdfplumber layout=True:     {10 / t:8.1f} pages/s")

    docx = word_template()

    def words():
        for _ in range(args.docs):
            read_bytes(docx, "docx", "bench.docx")

    t = best_of(words)
    print(f"litcheck Word reader:       {args.docs / t:8.1f} documents/s  (the appointment template, {len(docx) // 1024} KB)")


if __name__ == "__main__":
    main()
