"""Speed work on the reading age, the SHeLL measures, passive voice and lemmas (issue 20, session
6): each shortcut gives what the plain way gives, on our own texts, the samples and (when present)
the real texts. Speed itself is measured by bench/bench_speed.py, never by a timed test."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings, strategies as st

from litcheck import nlp, readers
from litcheck.analysers import Context
from litcheck.analysers.passive import _Tokens, find_passives
from litcheck.readability import shell
from litcheck.readability.measure import count_sentence

from tests.test_core_counts_once import _reference_count, _reference_language
from tests.texts import with_corpus

# our own writing: a sentence in capitals, a capitalised uncommon word first and inside, a medical
# term with an acronym in it, terms of two and three words (also plural), phone numbers whose
# groups join, numbers that do not ("12 March 2025", "Buses 12 and 41"), a number after an
# initialism, typographic quotes and dashes, and letters that are not ASCII
OWN = [
    "PLEASE BRING YOUR GP LETTER AND ANY MEDICINES WITH YOU.\n\n"
    "Echocardiography is a scan of the heart. Your ECG and the hypertension clinic notes will be "
    "reviewed by the consultant cardiologist. Call 0300 555 0101 or 01632 960 789 before 12 March 2025. "
    "Buses 12 and 41 stop outside; the NHS 111 line is open. Your next of kin may come to the "
    "appointment slot with you, and the trust’s blood tests are free.\n",
    "Café hours: 9am–5pm. The naïve approach — “watchful waiting” — suits some people with in vitro "
    "results. Tell us about your medication’s side effects. An EEG, X-ray or MRI may be needed.\n",
    "Dear Mr Jones,\n\nYou have been referred to the heart clinic by your GP. Your results will be "
    "sent to you by post. The X-rays are detected by sensors and an image is produced. If you have "
    "been told not to eat, please do not. Once the form is signed it is sent back.\n",
]


def _texts() -> list[str]:
    return with_corpus(OWN, real=40)


def test_characters_that_match_ascii_when_case_is_ignored_are_the_four_the_index_looks_for():
    """The medical-term index is exact for text with none of these characters (shell._covered)."""
    ascii_word = re.compile("[" + re.escape(string.ascii_letters + string.digits + "_-") + "]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, 0x110000) if ascii_word.fullmatch(chr(c))}
    assert found == set("\u0130\u0131\u017f\u212a")
    assert all(shell._FOLDS_TO_ASCII.search(ch) for ch in found)
    # and lower case turns no other character into ASCII (a run's key is its lower case)
    assert {chr(c) for c in range(0x80, 0x110000) if any(ch.isascii() for ch in chr(c).lower())} <= found


def _pieces():
    terms, _ = shell._jargon_terms()
    multi = [t for t in terms if " " in t]
    return multi[:60] + [t for t in terms if " " not in t][:60] + [t for t in terms if len(t.split()) > 2][:10]


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_medical_terms_in_text_that_is_not_ascii_are_the_whole_patterns_matches(data):
    pieces = _pieces()
    glue = st.sampled_from([" ", "\u00a0", "\n", "-", ", ", "s ", "es ", "’s ", "’", "“", "” ", "–", "é", "ß", "\u0130", "\u0131", "\u212a", "\u017f", "_", "."])
    word = st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(pieces).map(str.upper),
        st.sampled_from(pieces).map(str.title),
        st.sampled_from(["the", "café", "your", "test", "blood", "next", "of", "kin", "to", "come"]),
    )
    parts = data.draw(st.lists(st.tuples(word, glue), max_size=10))
    text = "".join(w + g for w, g in parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pattern = shell._jargon_pattern()
    assert shell._covered(pattern, text, start, end) == [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def test_counts_and_language_measures_are_the_word_by_word_counts():
    jargon = 0
    for text in _texts():
        doc = readers.read_text(text, "txt", None)
        ctx = Context(doc)
        for s in ctx.sentences:
            expected = _reference_count(doc, s, ctx.masks)
            c = count_sentence(doc, s, ctx.masks, ctx.words(s))
            assert (c.words, c.syllables, c.polysyllables, c.long_words) == expected
        expected = _reference_language(doc, ctx.sentences, ctx.masks)
        assert shell.count_language(doc, ctx.sentences, words_of=ctx.words) == expected
        jargon += expected.jargon
    assert jargon > 20  # terms were found, so the jargon path was taken


def test_a_phone_numbers_groups_join_and_separate_numbers_do_not():
    doc = readers.read_text("Call 0300 555 0101 on 12 March 2025. Buses 12 and 41 stop here.", "txt", None)
    ctx = Context(doc)
    first, second = (count_sentence(doc, s, ctx.masks, ctx.words(s)) for s in ctx.sentences)
    # Call, the number (its three groups one word), on, 12, March, 2025: 12 and 2025 stay two
    assert (first.words, first.syllables) == (6, 6)
    assert second.words == 6  # Buses, 12, and, 41, stop, here
    for s, c in zip(ctx.sentences, (first, second)):
        assert (c.words, c.syllables, c.polysyllables, c.long_words) == _reference_count(doc, s, ctx.masks)


def test_token_arrays_are_what_each_token_says():
    english = nlp.english()
    for text in _texts():
        doc = nlp.tokens(text)
        toks = _Tokens.of(doc)
        assert toks.lower == [t.lower_ for t in doc]
        assert toks.text == [t.text for t in doc]
        assert toks.punct == [int(t.is_punct) for t in doc]
        assert toks.alpha == [int(t.is_alpha) for t in doc]
        assert toks.length == [len(t) for t in doc]
        assert toks.space == [int(bool(t.whitespace_)) for t in doc]
        assert toks.be_or_get == [t.i for t in doc if t.lower_ in ("be is are was were been being am 're 'm get gets got getting gotten".split())]
        for s in Context(readers.read_text(text, "txt", None)).sentences:
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            assert toks.sentence(s.start, s.end) == (None if span is None else (span.start, span.end))
        assert english is nlp.english()


def test_passives_found_in_a_new_document_read_its_own_arrays():
    a = nlp.tokens("Your results will be sent to you.")
    b = nlp.tokens("It is what it is. We were told.")
    assert find_passives(a, 0, len(a)) == [(2, 4, None)]
    assert find_passives(b, 0, len(b)) == [(7, 8, None)]
    assert _Tokens.of(a) is not _Tokens.of(b)


def test_lemmas_from_the_arrays_are_the_tables_lemma_of_each_token():
    table = nlp.lemmas()
    for text in _texts():
        doc = nlp.tokens(text)
        assert [t.lemma_ for t in doc] == [table.get(t.text, t.text) for t in doc]
    assert nlp.tokens("").text == ""


def test_a_second_pipeline_sets_lemmas_in_its_own_string_store():
    other = nlp.English()  # its own vocabulary: the lemma ids must be in its store
    doc = other("The tablets were taken.")
    assert [t.lemma_ for t in doc] == [nlp.lemmas().get(t.text, t.text) for t in doc]
