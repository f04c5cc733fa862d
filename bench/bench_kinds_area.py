"""CPU time of the document-kind and practical-detail area a letter, against another checkout
in the same process (issue 20).

    PYTHONPATH=. python bench/bench_kinds_area.py [--letters 200] [--rounds 2] [--against PATH]

Times, on the synthetic letters of ``bench_check.make_letter`` (sentences already split and
tokens made, so that only this area is timed): the practical-detail detectors
(``details.detectors.detect``), the document kind (``details.profiles.apply_profile``, the
detectors' results reused) and the rules of this area's analysers (dates and times, numbers,
privacy, position, absence, skipped text, calls to action).

``--against PATH``: a second litcheck checkout (a folder holding ``litcheck/``, e.g. an
exported earlier commit: ``git archive 03bdf2e | tar -x -C /tmp/before``), copied to a
scratch folder under another package name and timed in the same process, letter by letter in
alternate order, so that the machine's load falls on both alike: the ratios are what to read.
"""

from __future__ import annotations

import collections
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from area_bench import compare  # noqa: E402

AREA = ("dates_times", "numbers", "privacy", "position", "absence", "skipped_text", "call_to_action")


def _tools(package: str):
    readers = importlib.import_module(package + ".readers")
    context = importlib.import_module(package + ".analysers").Context
    apply_profile = importlib.import_module(package + ".details.profiles").apply_profile
    detect = importlib.import_module(package + ".details.detectors").detect
    rules = importlib.import_module(package + ".rulebook").load_rules()
    check_text = importlib.import_module(package + ".check").check_text
    return readers, context, apply_profile, detect, rules, check_text


def _time_one(tools, text: str, totals: collections.Counter) -> None:
    readers, context, apply_profile, detect, rules, _ = tools
    clock = time.process_time
    ctx = context(readers.read_text(text, "txt", None))
    ctx.sentences, ctx.tokens, ctx.masks  # other areas' work: done before the clock starts
    t0 = clock()
    detect(ctx)
    t1 = clock()
    profile = apply_profile(ctx, None)
    t2 = clock()
    totals["detectors"] += t1 - t0
    totals["document kind"] += t2 - t1
    ctx.options.update(every_use=False, limits={}, time_format=None)
    ctx.ruleset = rules
    ctx.rules_run = [r for r in rules if r.applies_to(profile) and r.enabled]
    for rule in ctx.rules_run:
        name = type(rule).__module__.rsplit(".", 1)[-1]
        if name in AREA:
            t0 = clock()
            list(rule.check(ctx))
            totals[name] += clock() - t0
        else:
            list(rule.check(ctx))  # what this area's rules may read (ctx.memo) is made as in a check


def main(argv=None) -> None:
    compare(__doc__.splitlines()[0], _tools, _time_one, collector_paused=True, argv=argv)


if __name__ == "__main__":
    main()
