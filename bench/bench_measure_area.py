"""CPU time of the reading-age, SHeLL, passive-voice and lemma area a letter, against another
checkout in the same process (issue 20).

    PYTHONPATH=. python bench/bench_measure_area.py [--letters 200] [--rounds 2] [--against PATH]

Times, on the synthetic letters of ``bench_check.make_letter``:

- reading age alone: ``Context(read_text(text)).readability`` on a new Context, the text read,
  its sentences split, counted and measured (the line of bench_speed.py against textstat);

then, on another Context (the text read, its sentences split and its masks found before the
clock starts: other areas' work), each part of this area:

- tokens and lemmas: spaCy's tokenizer and the lookup lemmas (``Context.tokens``);
- reading age and SHeLL: each prose sentence's words, syllables and long words counted, the
  formulas, the complex-language share and lexical density (``Context.readability``);
- passive voice: the passive rules' checks (``analysers/passive.py``);
- sentence ladder: the metric rules (long, hard and very hard sentences, paragraphs, the
  reading-age target), which read the counts made above.

``--against PATH``: a second litcheck checkout (a folder holding ``litcheck/``, e.g. an exported
earlier commit: ``git archive 03bdf2e | tar -x -C /tmp/before``), copied under another package
name and timed in the same process, letter by letter in alternate order, so that the machine's
load falls on both alike: the ratios are what to read. Python's collector is paused while a
letter is timed and run between letters, untimed (the heap frozen after the warm-up letters): a
collection of the whole heap falls on whichever part happens to allocate at that moment, tens
of milliseconds against parts of one or two, so with it running the parts' figures vary from run
to run by more than the differences they are to show. bench_speed.py times check_text with the
collector running as it does in a check.
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
    readers = importlib.import_module(package + ".readers")
    context = importlib.import_module(package + ".analysers").Context
    apply_profile = importlib.import_module(package + ".details.profiles").apply_profile
    rules = importlib.import_module(package + ".rulebook").load_rules()
    check_text = importlib.import_module(package + ".check").check_text
    return readers, context, apply_profile, rules, check_text


def _time_one(tools, text: str, totals: collections.Counter) -> None:
    readers, context, apply_profile, rules, _ = tools
    clock = time.process_time
    t0 = clock()
    context(readers.read_text(text, "txt", None)).readability  # what bench_speed.py's line times
    totals["reading age alone"] += clock() - t0
    ctx = context(readers.read_text(text, "txt", None))
    ctx.sentences, ctx.masks  # other areas' work: done before the clock starts
    profile = apply_profile(ctx, None)
    ctx.options.update(every_use=False, limits={}, time_format=None)
    ctx.ruleset = rules
    ctx.rules_run = [r for r in rules if r.applies_to(profile) and r.enabled]
    t0 = clock()
    ctx.tokens
    t1 = clock()
    ctx.readability
    t2 = clock()
    totals["tokens and lemmas"] += t1 - t0
    totals["reading age and SHeLL"] += t2 - t1
    for kind, part in (("passive", "passive voice"), ("metric", "sentence ladder")):
        for rule in ctx.rules_run:
            if rule.kind == kind:
                t0 = clock()
                list(rule.check(ctx))
                totals[part] += clock() - t0


def main(argv=None) -> None:
    parts = ["reading age alone", "tokens and lemmas", "reading age and SHeLL", "passive voice", "sentence ladder"]
    compare(__doc__.splitlines()[0], _tools, _time_one, parts=parts, collector_paused=True, argv=argv)


if __name__ == "__main__":
    main()
