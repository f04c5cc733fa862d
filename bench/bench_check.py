"""Benchmark the hot path: check_text on generated letters, and the CLI's start-up time.

    python bench/bench_check.py [--letters 1000]

Prints documents per second for ``litcheck.check_text`` on about 1,000 generated letters of
about 300 words (after one warm-up letter, so loading spaCy and the dictionaries once per
process is reported separately), and the wall time of ``litcheck check`` on one small .txt.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "You have been referred to the {clinic} by your GP.",
    "Your appointment is on {day} {date} March at {time}.",
    "Please arrive 15 minutes early so that we can check your details.",
    "In order to facilitate your assessment, please bring a list of your current medication.",
    "You may have an ECG, which is a recording of your heart rhythm.",
    "The car park is next to the main entrance and costs £2.50 for up to 3 hours.",
    "Buses 12 and 41 stop outside the hospital.",
    "If you need an interpreter, including British Sign Language, please call us.",
    "Failure to attend will result in you being discharged back to your GP.",
    "Prior to your procedure you must not commence any new medicines.",
    "We can send this letter in large print, Easy Read or another language.",
    "You can bring a relative, carer or friend with you.",
    "The appointment will take about 1 hour.",
    "If this time does not suit you, call {phone} and we will find another time.",
    "Your hypertension will be reviewed by the consultant cardiologist.",
    "Please do not hesitate to contact the department should you have any queries.",
]


def make_letter(rng: random.Random) -> str:
    fill = {
        "clinic": rng.choice(["heart clinic", "Cardiology Department", "eye clinic"]),
        "day": rng.choice(["Monday", "Tuesday", "Friday"]),
        "date": rng.randint(1, 28),
        "time": rng.choice(["9.30am", "2:15pm", "14:30"]),
        "phone": "0300 555 0101",
    }
    body = []
    words = 0
    while words < 280:
        para = " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(3))
        body.append(para)
        words += len(para.split())
    return "Dear Mrs Patel\n\n" + "\n\n".join(body) + "\n\nYours sincerely\n\nAppointments team\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters)]
    words = sum(len(t.split()) for t in letters) / len(letters)

    t0 = time.perf_counter()
    import litcheck

    litcheck.check_text(letters[0])
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in letters:
        litcheck.check_text(text)
    elapsed = time.perf_counter() - t0
    print(f"check_text: {len(letters)} letters of ~{words:.0f} words in {elapsed:.2f} s = {len(letters) / elapsed:.0f} documents/s")
    print(f"first call (imports, spaCy, dictionaries, rules): {warm:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letter.txt"
        path.write_text(letters[0], encoding="utf-8")
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "litcheck", "check", str(path)], capture_output=True)
            runs.append(time.perf_counter() - t0)
        print(f"CLI start-up and check of one small .txt: best of 3 {min(runs):.2f} s")
        probe = "import sys, litcheck.cli; litcheck.cli.main(['check', sys.argv[1]]); print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'pdfplumber', 'docx', 'pdfminer')))"
        out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True).stdout.strip().splitlines()
        print(f"heavy modules imported when checking a .txt: {out[-1] if out else '?'}")


if __name__ == "__main__":
    main()
