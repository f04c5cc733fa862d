"""Benchmark Word in, Word out: annotate (every finding a comment) and fix with tracked
changes, on a 2-page and a 20-page letter, against python-docx opening and saving the same
file (the reference: the least any Word round trip costs) in the same run.

    python bench/bench_word.py

The letters are generated here (realistic appointment-letter paragraphs with jargon, long
sentences, a table and a header), about 420 words a page.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

import litcheck  # noqa: E402
from litcheck import readers  # noqa: E402
from litcheck.fix import annotate_docx, revise_bytes  # noqa: E402

PARAGRAPHS = [
    "You have been referred to the cardiology clinic for an assessment of your hypertension. Please commence fasting prior to your appointment and do not consume any food after midnight.",
    "Your appointment will take about one hour. If you need an interpreter, please tell us and we will book one for you at no cost. You can bring a friend, relative or carer with you.",
    "In order to ensure that we can utilise the time available, we would be grateful if you could arrive ten minutes before your appointment and bring a list of your current medication.",
    "Failure to attend may result in you being discharged back to your GP. If you are unable to attend, please contact the appointments team on 0113 496 0000 so that we can offer the slot to another patient.",
    "Parking is available in the multi-storey car park opposite the main entrance. Blue badge spaces are on level 1 next to the lifts. Buses stop outside the hospital every ten minutes.",
    "Following your procedure you may experience some discomfort. Analgesia such as paracetamol can be taken as required, but you should not exceed the maximum dose stated on the packet.",
]


def letter(pages: int) -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "City Hospital NHS Trust: Cardiology Department"
    d.add_paragraph("Dear Mrs Khan,")
    for page in range(pages):
        d.add_heading(f"Part {page + 1}: your appointment", level=2)
        for i in range(12):
            p = d.add_paragraph()
            text = PARAGRAPHS[(page + i) % len(PARAGRAPHS)]
            half = len(text) // 2
            p.add_run(text[:half])
            p.add_run(text[half:]).bold = i % 3 == 0
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "What to bring", "Your analgesia"
        table.cell(1, 0).text, table.cell(1, 1).text = "Where", "Cardiology Clinic 4"
    d.add_paragraph("Yours sincerely,")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    litcheck.check_text("Warm up: please commence fasting.")  # rules, spaCy, word lists
    print(f"{'letter':<10}{'words':>7}{'findings':>10}{'open+save':>11}{'check':>8}{'annotate':>10}{'fix (tracked)':>15}")
    for pages in (2, 20):
        data = letter(pages)

        def round_trip():
            d = docx.Document(io.BytesIO(data))
            d.save(io.BytesIO())

        doc = readers.read_bytes(data, "docx", "letter.docx")
        report = litcheck.check_document(doc)
        reference = timed(round_trip)
        check = timed(lambda: litcheck.check_document(readers.read_bytes(data, "docx", "letter.docx")))
        annotate = timed(lambda: annotate_docx(data, report))
        tracked = timed(lambda: revise_bytes(data, "docx", "letter.docx", report=report))
        print(f"{pages:>2} pages  {len(doc.text.split()):>7}{len(report.findings):>10}{reference:>10.2f}s{check:>7.2f}s{annotate:>9.2f}s{tracked:>14.2f}s")


if __name__ == "__main__":
    main()
