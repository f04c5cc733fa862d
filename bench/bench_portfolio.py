"""The portfolio report over 2,000 generated letters, against checking them without it.

    python bench/bench_portfolio.py [--files 2000] [--jobs N] [--real]

In one process, the same files twice, both with --jobs N worker processes:

- **check**: ``litcheck.batch.run`` (what ``litcheck check`` does): the parent collects every
  document's full report (text, blocks, findings);
- **report**: ``litcheck.portfolio.run`` and the HTML report (what ``litcheck report -o
  report.html`` does): each worker sends back one summary row.

For each: wall time, files per second, and the parent's memory: the peak Python allocation
traced by ``tracemalloc`` (started after the workers are warm, so it measures the parent's
holding of results, not the workers) and the rise in peak resident memory (``ru_maxrss``).
``--real`` adds the letters in ../shared/data (by path; they are not copied) to the mix.
The letters are generated from a few paragraphs written for litcheck's tests.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPENINGS = [
    "Dear {name},",
    "Dear Parent or Carer,",
]
PARAGRAPHS = [
    "Your appointment is on {day} {date} November 2025 at {hour}:{minute}am in the {clinic} Clinic, {floor} Floor, Riverside Hospital.",
    "Please commence fasting at midnight prior to your procedure and bring a list of your current medications.",
    "The consultant will undertake an assessment of your {condition} and discuss the results with you.",
    "If you cannot come, please call us on 0113 496 0{phone} so that we can offer your appointment to someone else.",
    "Failure to attend may result in you being discharged back to the care of your GP.",
    "You can bring a relative, friend or carer with you. There is parking next to the main entrance.",
    "The appointment takes about {minutes} minutes. Bus 12 stops outside the hospital.",
    "If you need an interpreter, or information in large print or Easy Read, please tell us.",
    "Many patients fail to attend their appointments, which wastes valuable NHS resources.",
    "We will check your blood pressure and your weight, and ask you how you have been.",
    "Please note that it is imperative that you inform the department of any change in your circumstances.",
    "You will be given a leaflet about your treatment to take home.",
]
FILLS = {
    "name": ["Mr Shah", "Mrs Jones", "Ms Lee", "Mr Okafor", "Miss Novak"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "clinic": ["Cardiology", "Respiratory", "Diabetes", "Fracture", "Eye"],
    "floor": ["Ground", "First", "Second"],
    "condition": ["hypertension", "asthma", "angina", "osteoarthritis", "glaucoma"],
}


def generate(root: Path, n: int) -> None:
    rng = random.Random(18)
    for i in range(n):
        folder = root / f"service{i % 25:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        paras = rng.sample(PARAGRAPHS, k=rng.randint(5, 9))
        values = {k: rng.choice(v) for k, v in FILLS.items()}
        values.update(date=rng.randint(3, 28), hour=rng.randint(8, 11), minute=rng.choice(["00", "15", "30", "45"]),
                      phone=rng.randint(100, 999), minutes=rng.choice([20, 30, 45, 60]))
        body = rng.choice(OPENINGS) + "\n\n" + "\n\n".join(paras) + "\n\nYours sincerely,\n\nOutpatient Booking Team\n"
        suffix = ".md" if i % 3 == 0 else ".txt"
        (folder / f"letter{i:04d}{suffix}").write_text(body.format(**values), encoding="utf-8")


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, work):
    gc.collect()
    rss0 = _maxrss_mb()
    tracemalloc.start()
    start = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak / 1e6, _maxrss_mb() - rss0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--real", action="store_true", help="add the texts in ../shared/data (by path)")
    args = ap.parse_args()

    from litcheck import batch, portfolio
    from litcheck.reporters import portfolio_html

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.files)
        paths = [str(root)]
        real = ROOT.parent / "shared" / "data"
        if args.real and real.is_dir():
            paths.append(str(real))
        settings = batch.Settings(jobs=args.jobs, progress=False)
        batch._warm_up(settings)  # the rules and the language model, loaded before either run

        def check():
            report = batch.run(paths, settings)
            return len(report.documents), len(report.errors)

        def report():
            p = portfolio.run(paths, settings)
            html = portfolio_html.render(p)
            return len(p.rows), len(p.problems), len(html)

        (n_check, bad_check), t_check, py_check, rss_check = measure("check", check)
        (n_rep, bad_rep, html_chars), t_rep, py_rep, rss_rep = measure("report", report)

    print(f"{args.files} generated letters{' + the real texts' if args.real else ''}, --jobs {args.jobs}, {os.cpu_count()} cores")
    print(f"{'':28}{'seconds':>9}{'files/s':>9}{'parent peak (tracemalloc)':>28}{'peak RSS rise':>15}")
    print(f"{'check (full reports)':28}{t_check:9.1f}{(n_check + bad_check) / t_check:9.1f}{py_check:25.1f} MB{rss_check:12.1f} MB")
    print(f"{'report (rows + HTML)':28}{t_rep:9.1f}{(n_rep + bad_rep) / t_rep:9.1f}{py_rep:25.1f} MB{rss_rep:12.1f} MB")
    print(f"documents: {n_rep} (could not be read: {bad_rep}); HTML report: {html_chars / 1e6:.1f} MB; "
          f"parent memory per document: check {py_check * 1e3 / max(n_check, 1):.1f} KB, report {py_rep * 1e3 / max(n_rep, 1):.1f} KB")


if __name__ == "__main__":
    main()
