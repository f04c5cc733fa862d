"""Sentence splitting speed: ``split_sentences`` (sentences and their kinds) on synthetic letters,
CPU time, against an older litcheck in the same run (issue 20).

    python bench/bench_segment.py                         # this checkout alone
    python bench/bench_segment.py --against 03bdf2e       # and a git revision of this repository
    python bench/bench_segment.py --against /path/to/checkout

The other litcheck is copied into a temporary folder under another package name, so both are
imported in one process and timed in alternating rounds on the same letters (a machine shared
with other work slows both alike). Each round reads every letter afresh (nothing one round
found is kept for the next); the word tables (Zipf frequencies) are loaded before timing, as
they are in any process that has checked one letter. Run it with ``PYTHONPATH`` set to the
source tree you want to measure.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_letter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _other(against: str, folder: Path) -> str:
    """Put the other litcheck in ``folder`` as package ``litcheck_other``; return its name."""
    source = Path(against)
    if not source.is_dir():  # a git revision of this repository
        source = folder / "checkout"
        source.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", against, "litcheck", "wordlists", "rules"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    shutil.copytree(source / "litcheck", folder / "litcheck_other")
    for data in ("wordlists", "rules"):  # litcheck finds its data beside the package
        os.symlink(source / data, folder / data)
    sys.path.insert(0, str(folder))
    return "litcheck_other"


def _timer(package: str, letters: list[str]):
    readers = importlib.import_module(package + ".readers")
    split = importlib.import_module(package + ".segment").split_sentences
    for text in letters[:20]:
        split(readers.read_text(text, "txt", None))  # word tables loaded

    def once() -> float:
        docs = [readers.read_text(text, "txt", None) for text in letters]
        start = time.process_time()
        for doc in docs:
            split(doc)
        return time.process_time() - start

    return once


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--against", help="a git revision of this repository, or a checkout's folder")
    args = ap.parse_args()
    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters)]
    with tempfile.TemporaryDirectory() as tmp:
        timers = {"this": _timer("litcheck", letters)}
        if args.against:
            timers[args.against] = _timer(_other(args.against, Path(tmp)), letters)
        load = os.getloadavg()[0]
        times: dict[str, list[float]] = {name: [] for name in timers}
        for _ in range(args.rounds):
            for name, once in timers.items():
                times[name].append(once())
    print(f"split_sentences on {args.letters} synthetic letters, {args.rounds} alternating rounds, CPU time "
          f"(load average {load:.1f} on {os.cpu_count()} cores)")
    best = {}
    for name, spent in times.items():
        spent.sort()
        best[name] = spent[0]
        print(f"  {name:>12}: {spent[0] / args.letters * 1e3:.3f} ms a letter (best), {spent[len(spent) // 2] / args.letters * 1e3:.3f} (median)")
    if args.against:
        mid = {name: spent[len(spent) // 2] for name, spent in times.items()}
        print(f"  this / {args.against}: {best[args.against] / best['this']:.2f}x faster (best), "
              f"{mid[args.against] / mid['this']:.2f}x (median)")


if __name__ == "__main__":
    main()
