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

import argparse
import collections
import importlib
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_letter  # noqa: E402

AREA = ("dates_times", "numbers", "privacy", "position", "absence", "skipped_text", "call_to_action")


def _renamed_copy(checkout: Path, name: str, scratch: Path) -> str:
    """``checkout``'s litcheck package copied into ``scratch`` as package ``name`` (its absolute
    imports rewritten; its rules and word lists beside it, where litcheck looks for them)."""
    shutil.copytree(checkout / "litcheck", scratch / name)
    for folder in ("rules", "wordlists"):
        if (checkout / folder).is_dir():
            shutil.copytree(checkout / folder, scratch / folder, dirs_exist_ok=True)
    for path in (scratch / name).rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        changed = re.sub(r"\blitcheck\.(?=[a-z_])", f"{name}.", source)
        changed = re.sub(r"\bfrom litcheck import\b", f"from {name} import", changed)
        changed = re.sub(r"^import litcheck$", f"import {name} as litcheck", changed, flags=re.M)
        changed = re.sub(r"([\"'])litcheck\.(?=analysers|details|facts|readers)", rf"\1{name}.", changed)
        if changed != source:
            path.write_text(changed, encoding="utf-8")
    sys.path.insert(0, str(scratch))
    return name


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", type=Path, help="another checkout, timed in the same run")
    args = parser.parse_args(argv)
    variants = {"this checkout": _tools("litcheck")}
    scratch = None
    if args.against:
        scratch = Path(tempfile.mkdtemp(prefix="bench-kinds-"))
        variants = {"against": _tools(_renamed_copy(args.against.resolve(), "litcheck_against", scratch)), **variants}
    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters + 20)]
    for tools in variants.values():
        for text in letters[:20]:  # patterns compiled, tables read: the cold work of a new letter only
            tools[-1](text)
    totals = {name: collections.Counter() for name in variants}
    names = list(variants)
    for r in range(args.rounds):
        for i, text in enumerate(letters[20:]):
            for name in names if (i + r) % 2 == 0 else names[::-1]:
                _time_one(variants[name], text, totals[name])
    n = args.letters * args.rounds
    parts = sorted(totals[names[-1]], key=lambda k: -totals[names[0]][k])
    print(f"{args.letters} synthetic letters x {args.rounds} rounds, ms of CPU a letter")
    print(f"  {'part':<16}" + "".join(f"{name:>16}" for name in names) + ("      ratio" if len(names) > 1 else ""))
    for part in parts + ["whole area"]:
        values = [sum(totals[name].values()) if part == "whole area" else totals[name][part] for name in names]
        ratio = f"   {values[0] / values[1]:6.2f}x" if len(values) > 1 and values[1] else ""
        print(f"  {part:<16}" + "".join(f"{1e3 * v / n:16.3f}" for v in values) + ratio)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
