"""check_text throughput against its references, measured in one run (issue 20).

    python bench/bench_speed.py [--letters 1000] [--rounds 10] [--profile 200]

Generates ``--letters`` synthetic letters of about 300 words (deterministically, from our own
sentences: ``bench_check.make_letter``) and measures, on one core, in the same run:

- ``litcheck.check_text`` letters a second (every rule that is on by default, the document
  kind detected, the reading age and the SHeLL measures: a whole report);
- textstat's five formulas (Flesch reading ease, Flesch-Kincaid grade, SMOG, Gunning fog,
  Coleman-Liau) on the same letters: the reference a reader of the issue knows. textstat
  is not a dependency of litcheck; get it for the bench with
  ``.venv/bin/python -m pip install "textstat==0.7.4"`` (0.7.4 counts syllables with
  pyphen; later versions want NLTK's cmudict downloaded first);
- litcheck's reading age alone (the work textstat's five formulas stand for: the text read,
  its sentences split, each prose sentence's words, syllables and long words counted, the
  formulas applied, and the two SHeLL measures, the complex-language share and lexical
  density, counted on the same words): ``Context(read_text(text)).readability``, the same
  path check_text takes for its headline. The issue asks for it at 1.3x textstat's speed;
- proselint on the same letters, when it is installed (``pip install proselint``).

The work is split into ``--rounds`` rounds, each timing a slice of the letters with every
tool in turn, so that a change in the machine's load during the run falls on every tool
alike; the ratios are what to compare between runs, and the load average is printed with
them. Every letter is new to every tool (no cache hit from a previous round).

``--profile N`` also profiles check_text on N letters and prints where the time goes, by
area (each function's own time, and the time of the built-in calls it makes).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_letter  # noqa: E402

#: the issue's figure for check_text before this work (letters a second, same letters)
ISSUE_BASELINE = 62.0
TARGET_LETTERS_PER_SECOND = 250.0
TARGET_OVER_TEXTSTAT = 1.3


def _textstat():
    try:
        import textstat
    except ImportError:
        return None
    formulas = (
        textstat.flesch_reading_ease,
        textstat.flesch_kincaid_grade,
        textstat.smog_index,
        textstat.gunning_fog,
        textstat.coleman_liau_index,
    )

    def run(text: str) -> None:
        for f in formulas:
            f(text)

    return run


def _reading_age():
    """litcheck's reading age of a text and nothing else (as check_text makes it for the
    headline: read, sentences, counts, formulas, SHeLL measures), for the line against textstat."""
    from litcheck import readers
    from litcheck.analysers.context import Context

    def run(text: str):
        return Context(readers.read_text(text, "txt", None), None, {}).readability

    return run


def _proselint():
    try:
        import proselint.tools as tools
    except ImportError:
        return None
    if hasattr(tools, "lint"):
        return lambda text: tools.lint(text)
    return None


#: areas of the profile: (name, parts of a file path that belong to it); the first that fits
#: wins, so the last, "other litcheck code", gets only what no area above names
AREAS = [
    ("term lists (substitution)", ("analysers/substitution.py",)),
    ("document kind (profiles)", ("details/profiles.py", "prefilter.py")),
    ("practical-detail detectors", ("details/detectors.py", "details/units.py", "details/patterns.py", "details/section.py", "details/scan.py")),
    ("spaCy tokens and lemmas", ("nlp.py", "spacy", "thinc", "srsly")),
    ("sentences (segment)", ("segment.py", "languages.py")),
    ("readability and SHeLL", ("readability/", "alternation.py")),
    ("sentence ladder, paragraphs (metric)", ("analysers/metric.py", "analysers/long_word.py", "analysers/split_proposal.py")),
    ("abbreviations", ("analysers/abbreviation.py",)),
    ("rare words", ("analysers/rare_word.py", "spelling.py")),
    ("words (prose)", ("prose.py",)),
    ("phrase rules (existence, absence...)", (
        "analysers/existence.py", "analysers/absence.py", "analysers/position.py", "analysers/patterns.py",
        "analysers/required.py", "analysers/call_to_action.py", "analysers/candidates.py",
    )),
    ("dates, numbers, key facts", ("analysers/dates_times.py", "analysers/numbers.py", "facts.py", "analysers/inflection.py")),
    ("repeated text (duplicate)", ("analysers/duplicate.py",)),
    ("passive voice", ("analysers/passive.py",)),
    ("privacy, skipped text", ("analysers/privacy.py", "analysers/skipped_text.py", "suppressions.py")),
    ("reading the text (readers)", ("readers/", "placeholders.py")),
    ("rule dispatch, context, findings", ("litcheck/check.py", "litcheck/rule.py", "litcheck/rulebook.py", "analysers/context.py", "litcheck/document.py", "litcheck/findings.py")),
    ("report (EAST, sections)", ("litcheck/east.py", "litcheck/report", "litcheck/priorities.py")),
    ("other litcheck code", ("litcheck/",)),
]


def _area(filename: str) -> str:
    for name, parts in AREAS:
        if any(p in filename for p in parts):
            return name
    return "other"


def profile_breakdown(letters: list[str]) -> None:
    import cProfile
    import pstats

    import litcheck

    prof = cProfile.Profile()
    prof.enable()
    for text in letters:
        litcheck.check_text(text)
    prof.disable()
    stats = pstats.Stats(prof).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    by_area: dict[str, float] = {}
    for (filename, _line, _name), (_cc, _nc, tt, _ct, callers) in stats.items():
        # a built-in (a regex search), or the standard library's or a dataclass's own code
        # (functools.cached_property, a generated __init__): its caller's time
        if (filename == "~" or _area(filename) == "other") and callers:
            for (cfile, _cl, _cn), caller in callers.items():
                area = _area(cfile)
                by_area[area] = by_area.get(area, 0.0) + caller[2]
        else:
            area = _area(filename)
            by_area[area] = by_area.get(area, 0.0) + tt
    total = sum(by_area.values())
    print(f"\nprofile of check_text on {len(letters)} letters (cProfile, {total:.1f} s with its overhead):")
    for area, t in sorted(by_area.items(), key=lambda kv: -kv[1]):
        print(f"  {area:<38} {100 * t / total:5.1f}%")
    calls = sum(v[1] for (f, _l, n), v in stats.items() if n in ("_match_forms", "_match_at") and "substitution" in f)
    print(f"  term-list match attempts: {calls}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--profile", type=int, default=0, help="also profile check_text on this many letters")
    args = ap.parse_args()
    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters + 1)]
    warm, letters = letters[0], letters[1:]
    words = sum(len(t.split()) for t in letters) / len(letters)

    import litcheck

    tools = {"check_text": litcheck.check_text, "reading age (litcheck)": _reading_age()}
    textstat = _textstat()
    if textstat is not None:
        tools["textstat (5 formulas)"] = textstat
    proselint = _proselint()
    if proselint is not None:
        tools["proselint"] = proselint
    for tool in tools.values():
        tool(warm)  # imports, spaCy, word lists, rules: loaded once, not timed

    load_before = os.getloadavg()
    spent = dict.fromkeys(tools, 0.0)
    cpu = dict.fromkeys(tools, 0.0)
    size = -(-len(letters) // args.rounds)
    for r in range(args.rounds):
        part = letters[r * size : (r + 1) * size]
        for name, tool in tools.items():
            t0, c0 = time.perf_counter(), time.process_time()
            for text in part:
                tool(text)
            spent[name] += time.perf_counter() - t0
            cpu[name] += time.process_time() - c0
    load_after = os.getloadavg()

    rate = {name: len(letters) / t for name, t in spent.items()}
    cpu_rate = {name: len(letters) / t for name, t in cpu.items()}
    print(f"{len(letters)} synthetic letters of ~{words:.0f} words, one process, {args.rounds} interleaved rounds")
    print(f"load average (1 min) before {load_before[0]:.1f}, after {load_after[0]:.1f}, on {os.cpu_count()} cores")
    print("  (letters a second of wall time, and of this process's CPU time: the fairer figure on a loaded machine)")
    for name, value in rate.items():
        print(f"  {name:<24} {value:8.1f} letters/s   {cpu_rate[name]:8.1f} letters/s of CPU")
    if textstat is None:
        print('  textstat: not installed (.venv/bin/python -m pip install "textstat==0.7.4")')
    if proselint is None:
        print("  proselint: not installed")
    ours = cpu_rate["check_text"]
    print(f"check_text (CPU) / issue baseline ({ISSUE_BASELINE:.0f}/s): {ours / ISSUE_BASELINE:.2f}x (target 4x, {TARGET_LETTERS_PER_SECOND:.0f}/s)")
    if textstat is not None:
        print(f"check_text / textstat: {rate['check_text'] / rate['textstat (5 formulas)']:.3f}x wall, {ours / cpu_rate['textstat (5 formulas)']:.3f}x CPU (target {TARGET_OVER_TEXTSTAT}x)")
        ra, ts = "reading age (litcheck)", "textstat (5 formulas)"
        print(
            f"reading age alone / textstat: {rate[ra] / rate[ts]:.3f}x wall, {cpu_rate[ra] / cpu_rate[ts]:.3f}x CPU "
            f"(target {TARGET_OVER_TEXTSTAT}x; {1000 / cpu_rate[ra]:.2f} ms against {1000 / cpu_rate[ts]:.2f} ms of CPU a letter)"
        )
    if proselint is not None:
        print(f"check_text / proselint: {rate['check_text'] / rate['proselint']:.3f}x wall, {ours / cpu_rate['proselint']:.3f}x CPU")
    if args.profile:
        profile_breakdown(letters[: args.profile])


if __name__ == "__main__":
    main()
