"""Measure litcheck's syllable counting against a textstat-like hyphenation count.

    python bench/bench_readability.py

textstat counts a word missing from its dictionary with pyphen (hyphenation points + 1),
which undercounts medical words ("haemoglobin" 1). This script takes the UK word list in
tests/data/uk_syllables.tsv (counts written by hand) and reports, for every word and for
the words the CMU dictionary does not know (after UK->US mapping), how often each method
gets the count exactly and how often it undercounts:

- litcheck: count_syllables (dictionary, UK mapping, inflections, then vowel-group fallback)
- fallback only: litcheck's vowel-group fallback on every word, as if no dictionary existed
- pyphen: len(positions) + 1 with the en_US dictionary, as textstat's fallback does

It also times count_syllables over the list. pyphen is only needed for this script.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from litcheck.readability.syllables import _lookup, _vowel_groups, count_syllables

LIST = Path(__file__).resolve().parent.parent / "tests" / "data" / "uk_syllables.tsv"


def main() -> None:
    rows = [(r["word"], int(r["syllables"])) for r in csv.DictReader(LIST.open(encoding="utf-8"), delimiter="\t")]
    try:
        import pyphen

        dic = pyphen.Pyphen(lang="en_US")
        hyphen = lambda w: len(dic.positions(w)) + 1  # noqa: E731
    except ImportError:
        hyphen = None
    methods = {"litcheck": count_syllables, "fallback only": lambda w: _vowel_groups(w.lower())}
    if hyphen:
        methods["pyphen (textstat-like)"] = hyphen
    words = [(w, n) for w, n in rows if w.isalpha() and not w.isupper()]
    missing = [(w, n) for w, n in words if _lookup(w.lower()) is None]
    print(f"{len(rows)} words in {LIST.name}; {len(words)} plain words; {len(missing)} not in CMU after UK mapping")
    for label, subset in (("all plain words", words), ("not in CMU", missing)):
        print(f"\n{label} ({len(subset)})")
        print(f"  {'method':24} {'exact':>7} {'under':>7} {'over':>6}  mean error")
        for name, fn in methods.items():
            got = [(fn(w), n) for w, n in subset]
            exact = sum(g == n for g, n in got)
            under = sum(g < n for g, n in got)
            over = sum(g > n for g, n in got)
            err = sum(g - n for g, n in got) / max(len(got), 1)
            print(f"  {name:24} {exact:>7} {under:>7} {over:>6}  {err:+.2f}")
    if hyphen:
        print("\nundercounts by pyphen on words not in CMU:")
        for w, n in missing:
            if hyphen(w) < n:
                print(f"  {w}: {hyphen(w)} (true {n}, litcheck {count_syllables(w)})")
    t = time.perf_counter()
    for _ in range(200):
        for w, _n in rows:
            _lookup(w.lower())
    per = (time.perf_counter() - t) / (200 * len(rows)) * 1e6
    print(f"\ndictionary look-up with UK mapping: {per:.1f} µs a word (uncached)")


if __name__ == "__main__":
    main()
