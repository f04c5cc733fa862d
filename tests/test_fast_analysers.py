"""The analysers' fast paths (issue 20) find exactly what the straightforward ways find.

Each fast path is compared with the plain way it replaced (kept here, or still in the module
as the reference), on the sample documents, on the real texts in
/work/shared/data/real-texts/docs/ (read by path; skipped where that folder is absent) and on
awkward text made up by hypothesis. Speed itself is measured by bench/bench_speed.py, not here.
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from litcheck import readers
from litcheck.analysers import Context
from litcheck.rulebook import load_rules
from litcheck.textpatterns import PatternOnUse

from tests.texts import ROOT, SOURCES


# -- term lists: the tree of words against every entry in turn ----------------------------------


@SOURCES
def test_the_word_tree_matches_as_every_entry_in_turn(texts):
    from litcheck.analysers.substitution import Substitution, _match_forms, _match_forms_plain, document_forms

    rules = [r for r in load_rules() if isinstance(r, Substitution)]
    matched = 0
    for name, text in texts():
        ctx = Context(readers.read_text(text, "txt"))
        forms = document_forms(ctx)
        for rule in rules:
            index = rule.index_for(ctx)
            starts = set(forms.tokens_with(index.firsts))
            for i in range(len(forms.sets)):
                plain = _match_forms_plain(forms, i, len(forms.sets), index)
                assert (i in starts) == (not index.firsts.isdisjoint(forms.sets[i])), (name, i)
                if i in starts:
                    assert _match_forms(forms, i, len(forms.sets), index) == plain, (name, rule.id, i)
                    matched += plain is not None
                else:
                    assert plain is None
    assert matched > 20


def test_the_word_tree_breaks_ties_as_the_list_orders_them():
    """Two entries of the same length that both match: the first in the list wins, as before;
    a longer entry beats a shorter one wherever it is in the list."""
    from litcheck import wordlists
    from litcheck.analysers.substitution import _build_index, _match_forms, _match_forms_plain, DocumentForms
    from litcheck.nlp import tokens

    entries = [
        wordlists.Entry("pre op", ("before the operation",)),
        wordlists.Entry("pre ops", ("before the operations",)),
        wordlists.Entry("pre", ("before",)),
        wordlists.Entry("pre op assessment", ("check before the operation",)),
        wordlists.Entry("pre op", ("a repeat, never chosen",)),
    ]
    index = _build_index(entries)
    for text, expected in [("the pre ops today", "pre op"), ("a pre op assessment", "pre op assessment"), ("pre", "pre")]:
        doc = tokens(text)
        forms = DocumentForms.of(doc)
        i = next(k for k, t in enumerate(doc) if t.lower_ == "pre")
        found = _match_forms(forms, i, len(doc), index)
        assert found == _match_forms_plain(forms, i, len(doc), index)
        assert found[0].term == expected and found[0].alternatives[0] != "a repeat, never chosen"


# -- the literal tests that spare a regular expression -----------------------------------------


def _answers(text: str, actual: str = "") -> list:
    """What _explained, in_expansion and defined_next say for every word and pair of words
    of ``text`` (and ``actual``, or the text's longer words, after each sentence)."""
    from litcheck.analysers import substitution as S
    from litcheck.segment import split_sentences

    out = []
    for m in re.finditer(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?", text):
        s, e = m.span()
        out.append((s, e, S._explained(text, s, e), S.in_expansion(text, s, e)))
    sentences = split_sentences(readers.read_text(text, "txt"))
    words = set(actual.split()) or {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)[:40]}
    for sentence in sentences:
        out.extend((sentence.start, w, S.defined_next(text, sentences, sentence, w)) for w in sorted(words))
    return out


def _check_guards(text: str, actual: str = "") -> int:
    """The answers with the literal tests (``_may_hold``) and with every regular expression
    run, as before: the same. Returns how many answers were True."""
    from litcheck.analysers import substitution as S

    fast = _answers(text, actual)
    may_hold = S._may_hold
    S._may_hold = lambda window, words: True
    try:
        plain = _answers(text, actual)
    finally:
        S._may_hold = may_hold
    assert fast == plain, [(f, p) for f, p in zip(fast, plain) if f != p][:3]
    return sum(1 for a in plain for x in a[2:] if x is True)


@SOURCES
def test_the_literal_tests_never_change_an_answer(texts):
    assert sum(_check_guards(text[:6000]) for _name, text in texts()[:40]) > 10


def test_the_literal_tests_on_awkward_text():
    pieces = st.sampled_from(
        ["hypertension", "(", ")", " ", "\n", "called", "CALLED", "Known as", "which means", "is a", "(an ", "ECG",
         "stands for", "Short for", "\u212anown as", "\u017fhort", "ca\u0130led", ".", "A ", "biopsy", "Biopsies are", "means"]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=30).map("".join))
    def check(text):
        _check_guards(text, "biopsy hypertension")

    check()


# -- abbreviations: tokens that start with given characters --------------------------------------


def _tokens_alike(text: str, firsts: str) -> None:
    from litcheck.analysers.abbreviation import _TOKEN, _tokens_starting

    pattern = _tokens_starting(firsts)
    for start, end in [(0, len(text)), (min(3, len(text)), max(min(3, len(text)), len(text) - 2))]:
        expected = [m.span() for m in _TOKEN.finditer(text, start, end) if m.group()[0] in firsts]
        assert [m.span() for m in pattern.finditer(text, start, end)] == expected, text


@SOURCES
def test_abbreviation_tokens_by_first_character_as_before(texts):
    from litcheck.analysers.abbreviation import Abbreviation

    rules = [r for r in load_rules() if isinstance(r, Abbreviation)]
    firsts = {r.target_firsts for r in rules} | {"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for _name, text in texts():
        for f in firsts:
            _tokens_alike(text, f)


def test_abbreviation_tokens_on_awkward_text():
    pieces = st.sampled_from(["ECG", "ecg", "COVID", "-19", "-", "/", "\\", "&", "U&E", "x", "2", "HbA1c", " ", "\n", "_", "é", "ÉCG", "(", "s", "-a"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=20).map("".join))
    def check(text):
        for f in ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "2CEHUcem", "D"):
            _tokens_alike(text, f)

    check()


# -- the prefilter on the rules' own patterns --------------------------------------------------


def _rule_patterns():
    from litcheck.analysers.absence import Absence
    from litcheck.analysers.existence import Existence
    from litcheck.analysers.position import Position

    patterns = []
    for r in load_rules():
        if isinstance(r, Existence):
            patterns.append(r.pattern)
        elif isinstance(r, (Absence, Position)):
            patterns.append(r.patterns)
        for extra in ("when", "unless", "unless_document"):
            if isinstance(getattr(r, extra, None), (re.Pattern, PatternOnUse)):
                patterns.append(getattr(r, extra))
    return patterns


@SOURCES
def test_a_rule_pattern_is_skipped_only_where_it_cannot_match(texts):
    from litcheck.prefilter import Lowered, prefilter_for

    patterns = _rule_patterns()
    assert sum(prefilter_for(p).clauses is not None for p in patterns) > 0.8 * len(patterns)
    skipped = 0
    for name, text in texts():
        lowered = Lowered(text)
        for p in patterns:
            if not prefilter_for(p).could_match(lowered):
                skipped += 1
                assert p.search(text) is None, (name, p.pattern[:80])
    assert skipped > 0


def test_a_pattern_of_many_branches_keeps_a_prefilter():
    """Too many sets of words to keep them all: the longest word of each is kept, or the
    words that say most, never nothing at all, and never a word some match lacks."""
    from litcheck.prefilter import Lowered, Prefilter

    many = r"(you|he|she|they|we|it|patient|person|child|people|adults?|men)\s+(are|is|am|was|were|become|became)\s+(diabetic|epileptic|asthmatic|anorexic|bulimic|schizophrenic)"
    pattern = re.compile(many, re.I)
    f = Prefilter(pattern)
    assert f.clauses is not None
    assert not f.could_match(Lowered("You are welcome to bring a friend."))
    for text in ("They are DIABETIC", "the child was asthmatic", "he is anorexic"):
        assert pattern.search(text) and f.could_match(Lowered(text))
    branches = re.compile("|".join(f"(?:{w} (one|two|three|four|five|six|seven|eight) (red|blue|green|grey) (cat|dog|hen))" for w in ("alpha", "beta", "gamma", "delta", "epsilon")), re.I)
    g = Prefilter(branches)
    assert g.clauses is not None and not g.could_match(Lowered("one red cat"))
    assert g.could_match(Lowered("BETA two grey hen"))


def test_a_prefilter_is_kept_for_its_pattern_itself():
    from litcheck.prefilter import prefilter_for

    a, b = re.compile("tablets?"), re.compile("capsules?")
    assert prefilter_for(a) is prefilter_for(a)
    assert prefilter_for(a) is not prefilter_for(b)
    assert prefilter_for(b).words == ("capsule",)


# -- patterns compiled on first use ------------------------------------------------------------


def test_a_lazy_pattern_is_the_compiled_pattern_once_used():
    import re as re_module

    from litcheck.textpatterns import LazyPatterns

    namespace: dict = {}
    lazy = LazyPatterns(namespace)
    namespace["_DOSE"] = lazy(r"(\d+)\s*mg", re_module.I)
    stand_in = namespace["_DOSE"]
    assert not isinstance(stand_in, re_module.Pattern)
    assert stand_in.search("take 500 MG daily").group(1) == "500"
    assert namespace["_DOSE"] is re_module.compile(r"(\d+)\s*mg", re_module.I)  # put in its place
    assert stand_in.findall("5mg, 10 mg") == ["5", "10"]  # a kept stand-in still works


def test_importing_the_facts_compiles_none_of_their_patterns():
    import subprocess
    import sys

    code = (
        "import re, litcheck.facts as f, litcheck.analysers.privacy as p, litcheck.analysers.numbers as n\n"
        "left = [k for m in (f, p, n) for k, v in vars(m).items() if isinstance(v, re.Pattern) and k.isupper()]\n"
        "assert not [k for k in left if k.lstrip('_')], left\n"
        "assert f.extract_facts('Come on Monday 3 June 2025 at 10:30am.', names=False)[0].kind == 'date'\n"
        "assert isinstance(f._DATE_RE, re.Pattern)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# -- existence rules: only the tokens that can match -------------------------------------------


@SOURCES
def test_an_existence_rule_finds_with_its_live_tokens_what_its_whole_pattern_finds(texts):
    from litcheck.analysers.existence import Existence

    rules = [r for r in load_rules() if isinstance(r, Existence)]
    reduced = found = 0
    for name, text in texts():
        ctx = Context(readers.read_text(text, "txt"))
        for rule in rules:
            pattern = rule.pattern_for(ctx)
            for sentence in ctx.sentences:
                expected = [m.span() for m in rule.pattern.finditer(text, sentence.start, sentence.end)]
                assert (pattern is None and not expected) or (pattern is not None and [m.span() for m in pattern.finditer(text, sentence.start, sentence.end)] == expected), (name, rule.id)
                found += len(expected)
            reduced += pattern is not None and pattern is not rule.pattern
    assert found > 0 and reduced > 0


def test_a_token_that_refers_to_a_group_keeps_the_whole_pattern():
    from litcheck.analysers.existence import _REFERS

    assert _REFERS.search(r"(\w+) and \1") and _REFERS.search(r"(?P<w>\w+) (?P=w)")
    assert not _REFERS.search(r"failure to attend|(will|may) be discharged")
