"""litcheck/lexicon/term_words.json (scripts/build_term_words.py) gives each term of litcheck's
own substitution word lists the words spaCy's tokenizer gives it, so the term index is built
without tokenising 1,300 terms at start-up (issue 20) and matches exactly as before."""

import importlib.util
import json
from pathlib import Path

from litcheck.analysers import substitution
from litcheck.analysers.substitution import Substitution, index_words, shipped_term_words
from litcheck.nlp import english
from litcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parent.parent


def _build_script():
    spec = importlib.util.spec_from_file_location("build_term_words", ROOT / "scripts" / "build_term_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_shipped_entry_is_what_the_tokenizer_gives():
    table = shipped_term_words()
    assert len(table) > 1000, "the table is not used: run scripts/build_term_words.py (another spaCy version?)"
    tokenizer = english().tokenizer
    wrong = [t for t, words in table.items() if words != index_words(t, tokenizer)]
    assert wrong == [], f"run scripts/build_term_words.py: {wrong[:5]}"


def test_table_holds_every_term_of_litcheck_own_substitution_rules():
    # a term added to a word list without rebuilding still matches (it is tokenised on first
    # use) but start-up pays for it: rebuild with scripts/build_term_words.py
    own = _build_script().own_terms()
    missing = sorted(own - set(shipped_term_words()))
    assert len(missing) <= 0.05 * len(own), f"run scripts/build_term_words.py (missing: {missing[:5]})"


def test_index_built_from_the_table_is_the_index_built_by_tokenising(monkeypatch):
    rules = [r for r in load_rules() if isinstance(r, Substitution) and r.entries]
    assert {r.id for r in rules} >= {"jargon.medical", "jargon.wordy"}
    from_table = [substitution._build_index(r.entries) for r in rules]
    monkeypatch.setattr(substitution, "shipped_term_words", lambda: {})
    tokenised = [substitution._build_index(r.entries) for r in rules]
    for a, b in zip(from_table, tokenised):
        assert a == b and a.firsts == b.firsts and a.trie == b.trie


def test_a_term_not_in_the_table_is_tokenised():
    entry = substitution.wordlists.Entry("Co-ordinate the x-ray", ("plan",))
    assert "co-ordinate the x-ray" not in shipped_term_words()
    index = substitution._build_index([entry])
    assert index["co"] == [(entry, ("co", "-", "ordinate", "the", "x", "-", "ray"))]


def test_a_table_from_another_spacy_is_not_used(monkeypatch, tmp_path):
    other = tmp_path / "term_words.json"
    other.write_text(json.dumps({"spacy": "0.0.1", "words": {"hypertension": ["wrong"]}}), encoding="utf-8")
    monkeypatch.setattr(substitution, "TERM_WORDS", other)
    substitution.shipped_term_words.cache_clear()
    try:
        assert substitution.shipped_term_words() == {}
    finally:
        substitution.shipped_term_words.cache_clear()


def test_own_word_lists_compile_skip_when_on_first_use_and_match_as_compiled():
    import re

    from litcheck import wordlists
    from litcheck.textpatterns import PatternOnUse

    entries = [e for e in wordlists.load(wordlists.resolve("medical.tsv")) if e.skip_when is not None]
    assert entries and all(isinstance(e.skip_when, PatternOnUse) for e in entries)
    for e in entries:
        compiled = re.compile(e.skip_when.pattern, re.IGNORECASE)
        for text in (e.term, f"Your {e.term} test", "nothing here"):
            assert bool(e.skip_when.search(text)) == bool(compiled.search(text))


def test_an_organisation_list_with_a_bad_skip_when_is_still_refused_at_load(tmp_path):
    import pytest

    from litcheck import wordlists
    from litcheck.errors import RuleError

    terms = tmp_path / "ours.tsv"
    terms.write_text("term\talternatives\tsource\tskip_when\nwestgate unit\tthe heart ward\tours\t(unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"ours.tsv:2: skip_when is not a valid pattern"):
        wordlists.load(terms)
