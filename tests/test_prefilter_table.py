"""litcheck/prefilter_table.json (scripts/build_prefilter_table.py) holds, for litcheck's own
patterns, exactly the words reading each pattern gives (litcheck.prefilter), so no run parses
them again (issue 20); a pattern not in the table is read as before."""

import importlib.util
import re
from pathlib import Path

from litcheck import check_file, prefilter
from litcheck.prefilter import Lowered, Prefilter, read_clauses

ROOT = Path(__file__).resolve().parent.parent


def _normal(found):
    return None if not found else tuple(dict.fromkeys(found))


def test_every_shipped_entry_is_what_reading_the_pattern_gives():
    table = prefilter._shipped()
    assert len(table) > 50, "run scripts/build_prefilter_table.py"
    wrong = [source[:60] for (flags, source), clauses in table.items() if _normal(clauses) != _normal(read_clauses(source, flags))]
    assert wrong == [], f"run scripts/build_prefilter_table.py: {wrong[:3]}"


def test_table_holds_the_patterns_the_samples_ask_about(monkeypatch):
    # a pattern changed since the table was built is still read (the table only saves time), so
    # a rule edited without rebuilding costs start-up, never a finding: rebuild the table with
    # scripts/build_prefilter_table.py after changing a rule's or a detector's pattern
    asked, missed = [], []
    read = prefilter.read_clauses
    monkeypatch.setattr(prefilter, "read_clauses", lambda source, flags: missed.append(source[:60]) or read(source, flags))
    monkeypatch.setattr(prefilter, "Prefilter", _Counting(prefilter.Prefilter, asked))
    prefilter._PREFILTERS._kept.clear()
    prefilter._ON_USE._kept.clear()  # litcheck's own rules' patterns, not compiled (textpatterns.PatternOnUse)
    prefilter._PREFILTERS._make = prefilter.Prefilter
    try:
        for path in sorted((ROOT / "samples").glob("*.*")):
            check_file(path)
    finally:
        prefilter._PREFILTERS._kept.clear()
        prefilter._ON_USE._kept.clear()
        prefilter._PREFILTERS._make = Prefilter
    assert len(asked) > 20
    assert len(missed) <= 0.1 * len(asked), f"run scripts/build_prefilter_table.py (not in the table: {missed[:3]})"


class _Counting:
    def __init__(self, cls, seen):
        self.cls, self.seen = cls, seen

    def __call__(self, *args, **kwargs):
        self.seen.append(args[0])
        return self.cls(*args, **kwargs)


def test_a_pattern_not_in_the_table_is_read():
    pattern = re.compile(r"\bnot\s+in\s+the\s+(?:prefilter|shipped)\s+table\b", re.I)
    assert (pattern.flags, pattern.pattern) not in prefilter._shipped()
    found = Prefilter(pattern)
    assert found.clauses == tuple(dict.fromkeys(read_clauses(pattern.pattern, pattern.flags)))
    assert not found.could_match(Lowered("nothing of the kind here"))
    assert found.could_match(Lowered("It is NOT in the shipped table."))


def test_a_shipped_entry_gives_the_same_prefilter_as_reading(monkeypatch):
    table = prefilter._shipped()
    (flags, source), _ = next((k, v) for k, v in table.items() if v)
    from_table = Prefilter(source, flags)
    monkeypatch.setattr(prefilter, "_shipped", lambda: {})
    read = Prefilter(source, flags)
    assert (from_table.clauses, from_table.words) == (read.clauses, read.words)


def test_table_holds_what_the_build_script_collects():
    spec = importlib.util.spec_from_file_location("build_prefilter_table", ROOT / "scripts" / "build_prefilter_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    collected = module.own_patterns()  # in this process some are kept from earlier tests: fewer
    missing = [source[:60] for key in collected if key not in prefilter._shipped() for source in (key[1],)]
    assert collected and missing == [], f"run scripts/build_prefilter_table.py (not in the table: {missing[:3]})"


def test_a_pattern_compiled_on_use_is_prefiltered_without_compiling_it():
    from litcheck.prefilter import prefilter_for
    from litcheck.textpatterns import PatternOnUse

    lazy = PatternOnUse(r"\bfailure\s+to\s+attend\b", re.I)
    found = prefilter_for(lazy)
    assert lazy._compiled is None
    assert found.clauses == Prefilter(re.compile(lazy.pattern, re.I)).clauses
    assert not found.could_match(Lowered("Please come to your appointment."))
    assert found.could_match(Lowered("Failure to attend may mean ..."))
    assert prefilter_for(lazy) is found
