"""Benchmark the practical-details detectors: how right they are, and how fast.

    python bench/bench_details.py                   # detection against labels, then speed
    python bench/bench_details.py --accuracy-only   # detection against labels only
    python bench/bench_details.py [--documents 2000] [--checks 200] [--data DIR]

Detection (``litcheck.details.detect``, the profile never involved) against two label sets:

- the 40 labelled letters in tests/data/details/ (our own writing; labels.yaml lists exactly the
  details each gives);
- the real public texts in the shared data folder (``real-texts/index.json`` and
  ``real-files/labels.json``, ``details_present``; third-party, read by path, never copied),
  on letters and templates and on all documents. ``contact_phone`` is litcheck's ``contact``;
  a detail the labels do not name (communication_needs) is not counted there.

Per detail: true and false positives and negatives, precision and recall, and the documents
missed or wrongly found. Then the speed part:

Reads the 40 labelled documents in tests/data/details/ once, then, over ``--documents``
documents (the 40 repeated), times on a fresh Context each:

- sentences: the segmentation the detectors read (shared with the other checks, so it is
  reported apart and not counted as the details' own cost);
- details: ``litcheck.details.detect`` (every detector) on the segmented text;
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


def _count(rows):
    """rows of (doc, detail, truth, found) -> {detail: Counter}, {detail: [errors]}"""
    from collections import Counter, defaultdict

    per, errors = defaultdict(Counter), defaultdict(list)
    for doc, detail, truth, found in rows:
        per[detail]["tp" if truth and found else "fp" if found else "fn" if truth else "tn"] += 1
        if truth != found:
            errors[detail].append(f"{doc} ({'fp' if found else 'fn'})")
    return per, errors


def _print_table(title, per, errors) -> None:
    from collections import Counter

    print(f"\n{title}\n  {'detail':22} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3} {'prec':>5} {'recall':>6}")
    total = Counter()
    for name in sorted(per):
        c = per[name]
        total.update(c)
        print(_row(name, c))
    print(_row("MICRO", total))
    for name in sorted(errors):
        print(f"  {name}: {', '.join(errors[name])}")


def _row(name, c) -> str:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    prec = f"{tp / (tp + fp):5.2f}" if tp + fp else "  -  "
    rec = f"{tp / (tp + fn):6.2f}" if tp + fn else "   -  "
    return f"  {name:22} {tp:3} {fp:3} {fn:3} {c['tn']:3} {prec} {rec}"


def accuracy(data: Path) -> None:
    import yaml

    from litcheck import readers
    from litcheck.analysers import Context
    from litcheck.details import DETAIL_IDS, detect

    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))
    rows = []
    for name, label in labels.items():
        if Path(name).suffix.lower() not in readers.READERS:
            continue
        found = detect(Context(readers.read_file(DATA / name)))
        present = set(label.get("present") or [])
        rows += [(name, d, d in present, found[d] is not None) for d in DETAIL_IDS]
    _print_table(f"Detection on the {len({r[0] for r in rows})} labelled letters in tests/data/details/", *_count(rows))

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_precision import DETAIL_NAMES, LETTER_KINDS, load_documents

    docs = [d for d in load_documents(data) if not d["expect_error"]]
    if not docs:
        print(f"\n(no real texts under {data}: pass --data)")
        return
    letters, everything = [], []
    for d in docs:
        try:
            found = detect(Context(readers.read_file(data / d["rel"])))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
            print(f"  {d['rel']}: {type(exc).__name__}")
            continue
        for name, lab in d["details"].items():
            ours = DETAIL_NAMES.get(name, name)
            if not isinstance(lab, dict) or lab.get("present") is None or ours not in found:
                continue
            row = (d["rel"].split("/")[-1][:40], ours, bool(lab["present"]), found[ours] is not None)
            everything.append(row)
            if d["kind"] in LETTER_KINDS:
                letters.append(row)
    _print_table(f"Detection on real letters and templates ({len({r[0] for r in letters})} documents)", *_count(letters))
    _print_table(f"Detection on all real texts and files ({len({r[0] for r in everything})} documents)", *_count(everything))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--checks", type=int, default=200)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder (real-texts/, real-files/)")
    ap.add_argument("--accuracy-only", action="store_true", help="detection against the labels only, no timing")
    args = ap.parse_args()

    accuracy(args.data)
    if args.accuracy_only:
        return
    print()

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
    print(f"  details (all detectors):         {n / details:9.0f} docs/s  {1000 * details / n:6.2f} ms/doc")
    print(f"  profile detection:               {n / profile:9.0f} docs/s  {1000 * profile / n:6.2f} ms/doc")
    both = (details + profile) / n
    print(f"  details + profile:               {1 / both:9.0f} docs/s  {1000 * both:6.2f} ms/doc")
    print(f"check_document over {m} of them:    {1 / check:9.0f} docs/s  {1000 * check:6.2f} ms/doc")
    print(f"share of check time: details + profile {both / check:.1%} (with sentences {(both + seg / n) / check:.1%})")


if __name__ == "__main__":
    sys.exit(main())
