"""The fast paths of issue 20 find exactly what the straightforward ways find.

Each fast path (term lists matched on forms worked out once per document, ...) is compared
with a plain reference implementation kept here, on the sample documents and on the real
texts in /work/shared/data/real-texts/docs/ (read by path; skipped where that folder is
absent). Speed itself is measured by bench/bench_speed.py, not here.
"""

from __future__ import annotations

import re

import pytest

from litcheck import readers
from litcheck.analysers import Context
from litcheck.analysers.substitution import Substitution, _match_forms, document_forms, token_forms
from litcheck.rulebook import load_rules

from tests.test_fast_terms import spacy_spans  # spaCy's char_span: the reference for token offsets
from tests.test_segment_fast import plain_is_foreign  # segment.is_foreign as it was, word by word
from tests.texts import real_texts, sample_texts


def _reference_match_at(doc, i: int, stop: int, index) -> tuple | None:
    """The term matcher as it was: every token's forms from spaCy, at every token."""
    tok = doc[i]
    best = None
    for form in sorted(token_forms(tok.lower_, tok.lemma_.lower())):
        for entry, words in index.get(form, ()):
            n = len(words)
            if i + n > stop or (best is not None and n <= best[1]):
                continue
            if all(words[k] in token_forms(doc[i + k].lower_, doc[i + k].lemma_.lower()) for k in range(1, n)):
                best = (entry, n)
    return best


def _substitution_rules():
    return [r for r in load_rules() if isinstance(r, Substitution)]


def _compare_term_matching(texts) -> int:
    rules = _substitution_rules()
    assert {r.id for r in rules} >= {"jargon.medical", "jargon.wordy"}
    compared = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        doc = ctx.tokens
        forms = document_forms(ctx)
        assert [t.idx for t in doc] == forms.starts, name
        for rule in rules:
            index = rule.index_for(ctx)
            firsts = frozenset(index)
            for _sentence, span in spacy_spans(ctx, rule.scope):
                for i in range(span.start, span.end):
                    expected = _reference_match_at(doc, i, span.end, index)
                    fast = None if firsts.isdisjoint(forms.sets[i]) else _match_forms(forms, i, span.end, index)
                    assert fast == expected, (name, rule.id, doc[i].text)
                    compared += expected is not None
    return compared


def test_term_lists_match_as_the_reference_on_the_samples():
    assert _compare_term_matching(sample_texts()) > 20


def test_term_lists_match_as_the_reference_on_the_real_texts():
    assert _compare_term_matching(real_texts()) > 100


def test_a_finding_text_finds_its_entry():
    rule = next(r for r in _substitution_rules() if r.id == "jargon.medical")
    entry = rule.entry_for("Hypertension")
    assert entry is not None and entry.term.lower() == "hypertension"


def _profile_patterns():
    from litcheck.details.profiles import load_profiles

    return [s.value for p in load_profiles().values() for s in p.signals if s.kind == "pattern"]


@pytest.mark.parametrize("texts", [sample_texts, real_texts], ids=["samples", "real-texts"])
def test_a_pattern_is_skipped_only_where_it_cannot_match(texts):
    from litcheck.prefilter import Lowered, Prefilter

    patterns = _profile_patterns()
    filters = [Prefilter(p) for p in patterns]
    assert sum(f.clauses is not None for f in filters) > 0.8 * len(filters)
    skipped = 0
    for name, text in texts():
        lowered = Lowered(text)
        for pattern, f in zip(patterns, filters):
            if not f.could_match(lowered):
                skipped += 1
                assert pattern.search(text) is None, (name, pattern.pattern)
    assert skipped > 0


@pytest.mark.parametrize(
    "pattern, text, possible",
    [
        (r"\bthis\s+leaflet\b|\bpatient\s+information\b", "Read THIS  Leaflet first.", True),
        (r"\bthis\s+leaflet\b|\bpatient\s+information\b", "This letter is about your leaflet request.", True),
        (r"\bthis\s+leaflet\b|\bpatient\s+information\b", "Your appointment is on Monday.", False),
        (r"\bsee\s+(?:you|us)\b", "SEE US", True),
        (r"\bsee\s+(?:you|us)\b", "see them", False),
        (r"\{\{[^{}\n]{1,80}\}\}", "Dear {{name}}", True),
        (r"\{\{[^{}\n]{1,80}\}\}", "Dear Mrs Patel", False),
        (r"\w+ing\b", "nothing to find", True),  # no plain words needed: always run
        (r"(?:kilo)?metre", "a metre", True),
        (r"\bask\b", "\u212aSK us", True),  # the Kelvin sign matches k when case is ignored
    ],
)
def test_prefilter_cases(pattern, text, possible):
    from litcheck.prefilter import Lowered, Prefilter

    compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    assert Prefilter(compiled).could_match(Lowered(text)) is possible
    if compiled.search(text):
        assert possible


def test_prefilter_never_skips_a_match_on_random_text():
    from hypothesis import given, settings, strategies as st

    from litcheck.prefilter import Lowered, Prefilter

    patterns = [re.compile(p.pattern, p.flags) for p in _profile_patterns()]
    filters = [Prefilter(p) for p in patterns]
    words = st.sampled_from(["this", "Leaflet", "YOUR", "appointment", "dear", "{{", "}}", "name", "\u212a", "\u017f", "\u0130", "text", "message", "reply", "STOP", "?", "\n", " ", "you", "missed", "cc:", "copy", "to"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(words, max_size=30).map(" ".join))
    def check(text):
        lowered = Lowered(text)
        for pattern, f in zip(patterns, filters):
            if pattern.search(text):
                assert f.could_match(lowered), (pattern.pattern, text)

    check()


def _alternation_cases():
    from litcheck.readability.shell import _jargon_pattern

    return [_jargon_pattern()]


@pytest.mark.parametrize("texts", [sample_texts, real_texts], ids=["samples", "real-texts"])
def test_a_term_alternation_finds_what_the_one_pattern_finds(texts):
    from litcheck.segment import split_sentences

    (alternation,) = _alternation_cases()
    found = 0
    for name, text in texts():
        expected = [m.span() for m in alternation.pattern.finditer(text)]
        assert [m.span() for m in alternation.finditer(text)] == expected, name
        found += len(expected)
        for s in split_sentences(readers.read_text(text, "txt")):  # as the SHeLL count reads it
            assert [m.span() for m in alternation.finditer(text, s.start, s.end)] == [m.span() for m in alternation.pattern.finditer(text, s.start, s.end)], name
    assert found > 5


def test_a_term_alternation_on_awkward_text():
    from hypothesis import given, settings, strategies as st

    from litcheck.alternation import TermAlternation

    terms = ["blood test", "blood", "ct scan", "x-ray", "cannula", "ks", "\u00e9clampsia", "a fib", "k"]
    alternation = TermAlternation(terms, [r"\s+".join(re.escape(p) for p in t.split()) for t in terms], r"(?<![\w-])", r"(?:e?s)?(?![\w-])", re.IGNORECASE)
    pieces = st.sampled_from(["blood", "BLOOD", "test", "tests", " ", "  ", "\n", "-", "x", "ray", "X-RAY", "CT", "scan", "cannulas", "\u212as", "\u017f", "\u00c9clampsia", "a", "fib", "k", "K", ".", "re"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=25).map("".join), st.integers(0, 5), st.integers(0, 5))
    def check(text, cut_start, cut_end):
        start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
        assert [m.span() for m in alternation.finditer(text, start, end)] == [m.span() for m in alternation.pattern.finditer(text, start, end)]

    check()


@pytest.mark.parametrize("texts", [sample_texts, real_texts], ids=["samples", "real-texts"])
def test_foreign_sentences_are_found_as_before(texts):
    from litcheck.segment import is_foreign

    lines = [line for _name, text in texts() for line in text.splitlines() if line.strip()]
    lines += ["Mae'r apwyntiad yn y clinig ddydd Llun.", "Wizyta odbędzie się w poniedziałek rano.", "Пожалуйста, приходите вовремя на прием.", "Please bring your glasses and a list of medicines."]
    assert [is_foreign(line) for line in lines] == [plain_is_foreign(line) for line in lines]
    assert any(is_foreign(line) for line in lines[-4:-1])


def _reference_signal_hits(ctx, profile):
    """profiles._signal_hits as it was: every pattern of every kind run on the whole text."""
    from litcheck.details import profiles as P

    text = ctx.document.text
    hits = []
    for sig in profile.signals:
        if sig.kind != "pattern":
            hits.extend(P._signal_hits(ctx, P.Profile(profile.name, "", "", (), (), (sig,))))
            continue
        matches = []
        for m in sig.value.finditer(text):
            matches.append(m)
            if len(matches) >= sig.min_count:
                break
        if len(matches) >= sig.min_count:
            hits.append((sig, P._quote(text, matches[0].start(), matches[0].end())))
    return hits


@pytest.mark.parametrize("texts", [sample_texts, real_texts], ids=["samples", "real-texts"])
def test_document_kinds_find_the_signs_the_reference_finds(texts):
    from litcheck.details.profiles import FALLBACK, _signal_hits, load_profiles

    profiles = load_profiles()
    found = 0
    for name, text in texts():
        ctx = Context(readers.read_text(text, "txt"))
        for kind, profile in profiles.items():
            if kind == FALLBACK:
                continue
            expected = _reference_signal_hits(ctx, profile)
            assert _signal_hits(ctx, profile) == expected, (name, kind)
            found += len(expected)
    assert found > 3
