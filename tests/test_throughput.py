"""Speed work on one letter's checking (issue 20) that must not change a result: each shortcut
is compared here with the plain way on our own texts, the samples and (when present) the real
texts. bench/bench_same.py proves the same for whole reports; bench/bench_speed.py measures."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from litcheck import facts
from litcheck.details import scan

from tests.texts import with_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from build_scan_table import rule_patterns  # noqa: E402


# our own writing: quantities, dates, times, numbers in words and figures, and the traps a
# word-start shortcut must respect (a hyphen or a letter just before, capitals, the Kelvin sign)
OWN_TEXTS = [
    "Dear Mr Jones,\n\nPlease come to Ward 4 on Monday 3 March 2025 at 2.30pm. The test takes half an hour, "
    "or an hour and a half if we need a second scan. Take two tablets twice a day for 5-7 days, 10mg each.\n"
    "Call 0113 496 0000 or 111, or email clinic.team@example.nhs.uk.\n",
    "Allow 1 hour 30 minutes. Come 15 mins early. behalf an hour, self-two weeks, re-1 day, x2 weeks.\n"
    "ONE WEEK before: stop eating. Three to four hours later. A quarter of an hour. 1½ litres. 3 x 5ml spoons.",
    "\u212aeep 2 \u212aG aside. Once a week, once daily, once. 20% of people. Mon-Fri 9am-5pm. 12/03/2025.",
    "«Date» at {{ time }} in [Clinic]. www.example.nhs.uk/clinic and https://example.org/a(b).",
    "",
    "a",
]


TEXTS = with_corpus(OWN_TEXTS, samples="*.txt", real=40)


@pytest.mark.parametrize("names", [False, True])
def test_key_facts_found_through_the_index_are_the_same(names):
    for text in TEXTS:
        plain = facts.extract_facts(text, names=names)
        indexed = facts.extract_facts(text, names=names, index=scan.TextIndex(text))
        assert indexed == plain, text[:60]


def test_an_index_of_another_text_is_not_used():
    text = "Take 2 tablets twice a day."
    other = scan.TextIndex("Something else entirely, 3 days.")
    assert facts.extract_facts(text, names=False, index=other) == facts.extract_facts(text, names=False)


def test_a_word_character_look_behind_reads_as_a_word_start():
    # (?<!\w) or (?<![\w-]) before a letter is \b before a word: the match begins a word
    pattern = re.compile(r"(?<![\w-])(?:half\s+an|an)\s+hour", re.I)
    starts = scan.read_starts(pattern)
    assert starts is not None and {s.kind for s in starts} == {"word"}
    assert {s.prefix for s in starts} == {"half", "an"}
    digits = scan.read_starts(re.compile(r"(?<!\w)\d+\s*mg"))
    assert digits is not None and {s.kind for s in digits} == {"digit_word"}
    # a negated class says a word character IS there: no word start can be assumed
    assert scan.read_starts(re.compile(r"(?<![^\w])an\s+hour")) in (None, ()) or all(
        s.kind != "word" for s in scan.read_starts(re.compile(r"(?<![^\w])an\s+hour"))
    )
    for text in TEXTS[:8] + ["behalf an hour, -an hour, AN HOUR, an\nhour, half  an hour"]:
        idx = scan.TextIndex(text)
        assert [m.span() for m in scan.finditer_in(idx, pattern)] == [m.span() for m in pattern.finditer(text)]


def test_the_key_fact_patterns_are_in_the_shipped_table():
    # read once when the table was built (scripts/build_scan_table.py), not on every run
    table = scan._shipped()
    for name in ("_QUANTITY_RE", "_DATE_RE", "_TIME_RE", "_NUMBER_RE", "_NUMBER_WORD_RE", "_MONEY_RE"):
        pattern = getattr(facts, name)
        pattern = pattern if isinstance(pattern, re.Pattern) else pattern.compiled()
        assert scan.table_key(pattern) in table, name
        assert table[scan.table_key(pattern)] is not None, name


def test_rule_patterns_searched_through_the_index_find_what_re_finds():
    # analysers.patterns.matches (absence, position rules) searches through the scan
    patterns = rule_patterns()
    assert len(patterns) > 20
    indexes = [scan.TextIndex(text) for text in TEXTS]
    for pattern in patterns:
        for idx in indexes:
            want = [(m.span(), m.groups()) for m in pattern.finditer(idx.text)]
            assert [(m.span(), m.groups()) for m in scan.finditer_in(idx, pattern)] == want, pattern.pattern[:80]


def test_rule_patterns_are_in_the_shipped_table():
    # scripts/build_scan_table.py reads them once; a rule changed since is read when first used
    table = scan._shipped()
    patterns = rule_patterns()
    known = [p for p in patterns if scan.table_key(p) in table]
    assert len(known) >= 0.5 * len(patterns), "run scripts/build_scan_table.py"
    for pattern in known:
        entry = table[scan.table_key(pattern)]
        assert (None if entry is None else tuple(scan.Start(*way) for way in entry)) == scan.read_starts(pattern)
