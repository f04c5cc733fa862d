"""Sentence splitting speed: ``split_sentences`` (sentences and their kinds) on synthetic letters,
CPU time, against an older litcheck in the same run (issue 20).

    python bench/bench_segment.py                         # this checkout alone
    python bench/bench_segment.py --against 03bdf2e       # and a git revision of this repository
    python bench/bench_segment.py --against /path/to/checkout

The other litcheck is imported in the same process under another package name
(``area_bench``) and the two are timed letter by letter in alternating order on the same
letters, so a machine shared with other work slows both alike. Each letter is read afresh
before it is split (the reading is not timed); the word tables (Zipf frequencies) are loaded
before timing, as they are in any process that has checked one letter. Run it with
``PYTHONPATH`` set to the source tree you want to measure.
"""

from __future__ import annotations

import collections
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from area_bench import compare  # noqa: E402


def _tools(package: str):
    read_text = importlib.import_module(package + ".readers").read_text
    split = importlib.import_module(package + ".segment").split_sentences
    return read_text, split, lambda text: split(read_text(text, "txt", None))  # the last: warm-up


def _time_one(tools, text: str, totals: collections.Counter) -> None:
    read_text, split, _ = tools
    doc = read_text(text, "txt", None)
    t0 = time.process_time()
    split(doc)
    totals["split_sentences"] += time.process_time() - t0


if __name__ == "__main__":
    compare(__doc__.split("\n\n")[0], _tools, _time_one, parts=["split_sentences"], collector_paused=True)
