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
from litcheck.segment import Sentence

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


# session 7 (issue 20): the medical terms looked for in the whole document at once, and a
# sentence's counts from one sum of its words' packed counts


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_medical_terms_found_from_the_whole_documents_runs_are_each_sentences_own(data):
    """shell._maybe_jargon names every sentence where _covered finds a term, with the places
    where _covered_from finds the same terms (or None: each sentence is searched on its own)."""
    pieces = _pieces()
    glue = st.sampled_from([" ", "  ", "\n", "-", ", ", ". ", "s ", "es ", "’s ", "’", "–", "é", "£", "_", "\u0130", " to come ", " next of "])
    word = st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(pieces).map(str.upper),
        st.sampled_from(["the", "café", "your", "test", "blood", "next", "of", "kin", "to", "come", "trust"]),
    )
    parts = data.draw(st.lists(st.tuples(word, glue), max_size=12))
    text = "".join(w + g for w, g in parts)
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=6))) | {0, len(text)})
    prose = [Sentence(a, b, 0) for a, b in zip(cuts, cuts[1:]) if b > a]
    maybe = shell._maybe_jargon(text, prose)
    pattern = shell._jargon_pattern()
    for i, s in enumerate(prose):
        if maybe is not None:
            assert shell._covered_from(text, maybe.get(i, []), s.end) == shell._covered(pattern, text, s.start, s.end)


def test_a_sentence_cut_inside_a_word_or_out_of_order_is_searched_as_before():
    text = "Your hypertension clinic. Blood pressure is fine."
    cut = text.index("tension")
    assert shell._maybe_jargon(text, [Sentence(0, cut, 0), Sentence(cut, 25, 0)]) is None
    assert shell._maybe_jargon(text, [Sentence(26, len(text), 0), Sentence(0, 25, 0)]) is None
    found = shell._maybe_jargon(text, [Sentence(0, 25, 0), Sentence(26, len(text), 0)])
    assert list(found) == [0] and shell._covered_from(text, found[0], 25) == [(5, 17)]  # hypertension
    assert shell._maybe_jargon("Come in.", [Sentence(0, 8, 0)]) == {}
    # a term inside a longer one is not found again ("embolism" in "pulmonary embolism")
    text = "You had a pulmonary embolism and an embolism."
    found = shell._maybe_jargon(text, [Sentence(0, len(text), 0)])
    expected = shell._covered(shell._jargon_pattern(), text, 0, len(text))
    assert shell._covered_from(text, found[0], len(text)) == expected and len(expected) == 2


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.tuples(
    st.sampled_from(["0300", "555", "0101", "12", "41", "9.30am", "14:30", "NHS", "GP", "call", "appointment", "(01632)", "+44", "2025", "ECG"]),
    st.sampled_from([" ", "  ", " - ", "–", ", ", " (", ") ", "\n", " and "]),
), max_size=12))
def test_counts_of_numbers_in_a_row_are_the_word_by_word_counts(parts):
    _same_counts_as_word_by_word("".join(w + g for w, g in parts) + "end.")


def test_a_number_after_an_initialism_or_a_word_stays_a_word_of_its_own():
    # (0300 555 0101 is one word; NHS 111, 12 and 41 are not joined to what comes before)
    _same_counts_as_word_by_word("Call 0300 555 0101 or NHS 111 on 12 41 times, or (01632) 960-789 then GP 2025.")


def _same_counts_as_word_by_word(text: str) -> None:
    doc = readers.read_text(text, "txt", None)
    ctx = Context(doc)
    for s in ctx.sentences:
        c = count_sentence(doc, s, ctx.masks, ctx.words(s))
        assert (c.words, c.syllables, c.polysyllables, c.long_words) == _reference_count(doc, s, ctx.masks)


def test_sentence_counts_are_a_frozen_value():
    from dataclasses import FrozenInstanceError, asdict
    import pickle

    from litcheck.readability.measure import SentenceCounts

    c = SentenceCounts(3, 5, 1, ["appointment"])
    assert c == SentenceCounts(3, 5, 1) and hash(c) == hash(SentenceCounts(3, 5, 1))
    assert SentenceCounts(3, 5, 1).long_words == [] and asdict(c)["long_words"] == ["appointment"]
    assert pickle.loads(pickle.dumps(c)) == c and repr(c).startswith("SentenceCounts(words=3")
    try:
        c.words = 4
    except FrozenInstanceError:
        pass
    else:
        raise AssertionError("SentenceCounts is no longer frozen")


def test_sentence_kinds_told_all_at_once_are_each_spans_own():
    """segment._with_kinds gives each running-text span the kind _kind_of_span gives it alone."""
    from litcheck import segment

    texts = _texts() + ["Dziękuję bardzo za wizytę w naszej przychodni dzisiaj rano.\n\nMae eich apwyntiad yn y clinig ar ddydd Llun.\n\n[name] {{ date }}.\n"]
    kinds = set()
    for text in texts:
        doc = readers.read_text(text, "txt", None)
        alone = readers.read_text(text, "txt", None)
        for s in segment.split_sentences(doc):
            if s.kind in ("prose", "placeholder", "foreign") and not (s.kind == "foreign" and segment.looks_foreign_heading(text[s.start : s.end])):
                assert segment._kind_of_span(alone, s.start, s.end) == s.kind, (text[s.start : s.end])
                assert doc.span_words[s.start, s.end] == alone.span_words[s.start, s.end]
                kinds.add(s.kind)
    assert kinds == {"prose", "placeholder", "foreign"}


def test_counts_kept_by_the_reading_age_are_each_sentences_own():
    """Context.readability counts the prose sentences all at once and keeps their counts: what
    Context.counts gives afterwards is count_sentence's, and a Context that counted a sentence
    first gets the same reading age."""
    for text in _texts()[:12]:
        doc = readers.read_text(text, "txt", None)
        ctx = Context(doc)
        r = ctx.readability
        for s in ctx.sentences:
            c = ctx.counts(s)
            expected = _reference_count(doc, s, ctx.masks)
            assert (c.words, c.syllables, c.polysyllables, c.long_words) == expected
        other = Context(readers.read_text(text, "txt", None))
        for s in other.sentences[::2]:
            other.counts(s)  # some counted one by one first
        assert other.readability == r and other.readability.language_counts == r.language_counts


def test_text_between_tokens_from_the_arrays_is_the_tokens_text_with_spaces():
    """passive._text_with_ws (active_form's pieces) is the tokens' text_with_ws joined, for a Doc
    from nlp.tokens (its text kept) and one made otherwise (Doc.text read), long runs broken too."""
    from litcheck.analysers.passive import _text_with_ws

    texts = _texts()[:10] + ["x" * 700 + " was seen by the GP.\n\n  Two  spaces\tand a tab were\nkept by us."]
    for text in texts:
        for doc in (nlp.tokens(text), nlp.english()(text[:400])):
            toks = _Tokens.of(doc)
            n = len(doc)
            for a in range(0, n + 2, 3):
                for b in (a, a + 1, a + 5, a + 17, n, n + 3):
                    assert _text_with_ws(doc, toks, a, b) == "".join(t.text_with_ws for t in doc[a:b]), (a, b)


def test_active_forms_from_the_arrays_are_as_before():
    from litcheck.analysers.passive import active_form

    found = []
    for text in ("You have been referred to the heart clinic by your GP.",
                 "Your scan will be checked by a radiographer, then the results are sent to you.",
                 "Your hypertension will be reviewed by the consultant cardiologist in clinic.",
                 "The letter was sent by post."):
        doc = nlp.tokens(text)
        for aux, part, actor in find_passives(doc, 0, len(doc)):
            found.append(active_form(doc, 0, len(doc), aux, part, actor) if actor else None)
    assert found == ["Your GP has referred you to the heart clinic.",
                     "A radiographer will check your scan, then the results are sent to you.", None,
                     "The consultant cardiologist will review your hypertension in clinic.", None]
