"""CPU time of the term-list, phrase-rule, abbreviation and rule-dispatch area a letter, against
another checkout in the same process (issue 20).

    PYTHONPATH=. python bench/bench_terms_area.py [--letters 200] [--rounds 2] [--against PATH]

Times, on the synthetic letters of ``bench_check.make_letter`` (the text read, its sentences
split, its tokens made, the readability measured, the practical details found, the document
kind chosen and the text the word rules leave alone found (``skipped_text.skipped_spans``)
before the clock starts: other areas' work), each part of this area:

- term lists: the substitution rules (jargon, wordy words: ``analysers/substitution.py``);
- abbreviations: the abbreviation rules (``analysers/abbreviation.py``);
- phrase rules: the existence and required rules (``analysers/existence.py``, ``required.py``,
  with ``analysers/patterns.py`` and ``prefilter.py`` under them);
- repeated text: the duplicate rule (``analysers/duplicate.py``);
- dispatch and findings: choosing the rules that run (``Rule.applies_to``), and what
  ``check_document`` does with the findings after the rules (the deferring rules' findings
  left out, personal data masked, the sort, suppression comments, the report's sections).
  The other areas' rules run in between, untimed, so that what this part reads (``ctx.memo``)
  is made as in a check.

``--against PATH``: a second litcheck checkout (a folder holding ``litcheck/``, e.g. an exported
earlier commit: ``git archive beae722 | tar -x -C /tmp/before``), copied under another package
name and timed in the same process, letter by letter in alternate order, so that the machine's
load falls on both alike: the ratios are what to read. Python's collector is paused while a
letter is timed and run between letters, untimed, as in bench_measure_area.py.
"""

from __future__ import annotations

import collections
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from area_bench import compare  # noqa: E402

#: rule kind (its module's name) -> the part of this area it is timed in
PARTS = {
    "substitution": "term lists",
    "abbreviation": "abbreviations",
    "existence": "phrase rules",
    "required": "phrase rules",
    "duplicate": "repeated text",
}


def _tools(package: str):
    readers = importlib.import_module(package + ".readers")
    context = importlib.import_module(package + ".analysers").Context
    apply_profile = importlib.import_module(package + ".details.profiles").apply_profile
    rules = importlib.import_module(package + ".rulebook").load_rules()
    check = importlib.import_module(package + ".check")
    privacy = importlib.import_module(package + ".analysers.privacy")
    suppressions = importlib.import_module(package + ".suppressions")
    sections = importlib.import_module(package + ".report_sections").build_sections
    skipped = importlib.import_module(package + ".analysers.skipped_text").skipped_spans
    return readers, context, apply_profile, rules, check, privacy, suppressions, sections, skipped, check.check_text


def _time_one(tools, text: str, totals: collections.Counter) -> None:
    readers, context, apply_profile, rules, check, privacy, suppressions, build_sections, skipped_spans, _ = tools
    clock = time.process_time
    document = readers.read_text(text, "txt", None)
    ctx = context(document, None, {"accepted_words": (), "extra_terms": (), "profile_dirs": (), "languagetool": None})
    ctx.sentences, ctx.masks, ctx.tokens, ctx.readability  # other areas' work: done before the clock starts
    profile = apply_profile(ctx, None)
    skipped_spans(ctx)  # the text the word rules leave alone (skipped_text.py): the first word rule's
    ctx.options.update(every_use=False, limits={}, time_format=None)
    ctx.ruleset = rules
    t0 = clock()
    ctx.rules_run = [r for r in rules if r.enabled and r.applies_to(profile)]
    dispatch = clock() - t0
    findings = []
    for rule in ctx.rules_run:
        part = PARTS.get(type(rule).__module__.rsplit(".", 1)[-1])
        t0 = clock()
        findings.extend(rule.check(ctx))
        if part is not None:
            totals[part] += clock() - t0
    t0 = clock()
    findings = check._without_deferred(findings, ctx.rules_run)
    findings = privacy.mask_findings(findings, document)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    findings = suppressions.apply(document, findings, report_unused=False, unknown=lambda p: None)
    privacy.mask_sections(build_sections(ctx, findings), findings, document)
    check._note_staff_sections(ctx)
    totals["dispatch and findings"] += dispatch + clock() - t0


def main(argv=None) -> None:
    parts = ["term lists", "abbreviations", "phrase rules", "repeated text", "dispatch and findings"]
    compare(__doc__.splitlines()[0], _tools, _time_one, parts=parts, collector_paused=True, argv=argv)


if __name__ == "__main__":
    main()
