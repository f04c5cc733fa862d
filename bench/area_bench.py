"""Time one area of a check against another checkout in the same process (issue 20): what
bench_kinds_area.py, bench_measure_area.py, bench_terms_area.py and bench_segment.py share.

A second checkout (a folder holding ``litcheck/``, or a git revision of this repository, which
is exported first) is copied to a scratch folder under another package name and
timed letter by letter in alternate order with this one, so that the machine's load falls on
both alike: the ratios are what to read.
"""

from __future__ import annotations

import argparse
import collections
import gc
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_letter  # noqa: E402

#: letters checked first by each variant, untimed: patterns compiled and tables read, so that
#: what is timed is the cold work of a new letter only
WARM_UP = 20


def renamed_copy(checkout: Path, name: str, scratch: Path) -> str:
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


def exported(revision: str, folder: Path) -> Path:
    """``revision`` of this repository's litcheck, rules and word lists, written to ``folder``."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "litcheck", "rules", "wordlists"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def compare(description: str, tools: Callable[[str], tuple], time_one: Callable, *, parts: list[str] | None = None,
            collector_paused: bool = False, argv=None) -> None:
    """Parse ``--letters``, ``--rounds`` and ``--against``, time ``time_one(tools(package), text,
    totals)`` for each letter and variant, and print each part's ms of CPU a letter (``parts``
    in that order, else the slowest first) with the ratio of the two variants.

    ``collector_paused``: Python's collector is paused while a letter is timed and run between
    letters, untimed (the heap frozen after the warm-up): a collection of the whole heap falls on
    whichever part happens to allocate, tens of milliseconds against parts of one or two."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", help="another checkout's folder, or a git revision of this repository, timed in the same run")
    args = parser.parse_args(argv)
    variants = {"this checkout": tools("litcheck")}
    scratch = None
    if args.against:
        scratch = Path(tempfile.mkdtemp(prefix="bench-area-"))
        checkout = Path(args.against)
        if not checkout.is_dir():
            checkout = exported(args.against, scratch / "checkout")
        variants = {"against": tools(renamed_copy(checkout.resolve(), "litcheck_against", scratch)), **variants}
    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters + WARM_UP)]
    for found in variants.values():
        for text in letters[:WARM_UP]:
            found[-1](text)  # each tools tuple ends with check_text
    totals = {name: collections.Counter() for name in variants}
    names = list(variants)
    if collector_paused:
        gc.collect()
        gc.freeze()
        gc.disable()
    try:
        for r in range(args.rounds):
            for i, text in enumerate(letters[WARM_UP:]):
                for name in names if (i + r) % 2 == 0 else names[::-1]:
                    time_one(variants[name], text, totals[name])
                    if collector_paused:
                        gc.collect()  # between letters, untimed
    finally:
        if collector_paused:
            gc.enable()
            gc.unfreeze()
    n = args.letters * args.rounds
    parts = parts or sorted(totals[names[-1]], key=lambda k: -totals[names[0]][k])
    width = max(len(p) for p in parts + ["whole area"]) + 2
    print(f"{args.letters} synthetic letters x {args.rounds} rounds, ms of CPU a letter")
    print(f"  {'part':<{width}}" + "".join(f"{name:>16}" for name in names) + ("      ratio" if len(names) > 1 else ""))
    for part in parts + ["whole area"]:
        values = [sum(totals[name].values()) if part == "whole area" else totals[name][part] for name in names]
        ratio = f"   {values[0] / values[1]:6.2f}x" if len(values) > 1 and values[1] else ""
        print(f"  {part:<{width}}" + "".join(f"{1e3 * v / n:16.3f}" for v in values) + ratio)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
