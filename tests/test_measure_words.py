"""Speed work on the reading age, session 8 (issue 20): the reading age's counts and the SHeLL
measures made in one pass over each prose sentence's words (``shell.count_prose``), and the
medical terms found from the words' flags (``shell._TermsByWords``) instead of from the whole
document's runs: each gives what the plain way gives. Speed itself is measured by
bench/bench_speed.py, never by a timed test."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from litcheck import readers
from litcheck.analysers import Context
from litcheck.readability import shell
from litcheck.readability.measure import count_sentences

from tests.test_measure_fast import OWN, _pieces
from tests.texts import with_corpus


def _prose_and_words(text: str):
    ctx = Context(readers.read_text(text, "txt", None))
    prose = [s for s in ctx.sentences if s.kind == "prose"]
    return ctx, prose, [ctx.words(s) for s in prose]


def _terms_by_words(text: str):
    """Each prose sentence's medical terms as _TermsByWords finds them, and as _covered does."""
    ctx, prose, found = _prose_and_words(text)
    texts = [f.texts for f in found]
    flags = [sum(shell._BOTH[t] for t in ts) >> shell._FLAG_SHIFT for ts in texts]
    by_words = shell._TermsByWords(shell._jargon_pattern(), text, prose, found, texts, flags)
    pattern = shell._jargon_pattern()
    return [(list(by_words.covered(i)), shell._covered(pattern, text, s.start, s.end)) for i, s in enumerate(prose)]


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_medical_terms_found_from_the_words_flags_are_each_sentences_own(data):
    pieces = _pieces()
    glue = st.sampled_from([
        " ", "  ", "\n", "-", ", ", ". ", "s ", "es ", "’s ", "'s ", "’", "'", ".", "–", "é", "£", "_", "\u0130", "\u0131",
        "\u212a", "\u017f", " to come ", " next of ", " {{ name }} ", " [name] ", " www.nhs.uk/", " a@b.uk ", "\n\n", "? ",
    ])
    word = st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(pieces).map(str.upper),
        st.sampled_from(pieces).map(str.title),
        st.sampled_from(["the", "café", "your", "test", "blood", "next", "of", "kin", "to", "come", "trust", "in", "vitro"]),
    )
    parts = data.draw(st.lists(st.tuples(word, glue), max_size=14))
    text = "".join(w + g for w, g in parts)
    for by_words, by_runs in _terms_by_words(text):
        assert by_words == by_runs, text


def test_terms_of_one_word_two_words_and_inside_a_word_joined_by_a_stop_or_an_apostrophe():
    text = (
        "Your hypertension clinic is here. The blood pressure clinics and the trust’s echocardiography "
        "are next. Bring your e.g.hypertension notes. Your next of kin may come. See www.nhs.uk/hypertension "
        "and {{ hypertension }} today. HYPERTENSION IS COMMON. The ſtroke unit."
    )
    found = _terms_by_words(text)
    assert all(a == b for a, b in found)
    assert sum(1 for a, _b in found if a) >= 4  # terms were there to find


def test_reading_age_and_language_counts_in_one_pass_are_the_two_passes():
    """count_prose gives count_sentences' counts and count_language's measures, on our own texts,
    the samples and the real texts."""
    for text in with_corpus(OWN, real=60):
        ctx, prose, found = _prose_and_words(text)
        counted, language = shell.count_prose(ctx.document.text, prose, found)
        assert counted == count_sentences(ctx.document.text, found)
        assert [c.long_words for c in counted] == [c.long_words for c in count_sentences(ctx.document.text, found)]
        assert language == shell.count_language(ctx.document, ctx.sentences, found=found)


def test_word_tables_are_cleared_together():
    """The tables of word facts start again all at once (a word's packed counts are read with
    its membership of the polysyllables and numbers), and counting goes on as before."""
    import importlib

    m = importlib.import_module("litcheck.readability.measure")  # (the package's ``measure`` is a function)

    text = OWN[0]
    ctx, prose, found = _prose_and_words(text)
    before = shell.count_prose(text, prose, found)
    m.clear_word_tables()
    assert not shell._BOTH and not m._POLY and not m._COUNTS and not shell._KEY_PIECES
    assert shell.count_prose(text, prose, found) == before
