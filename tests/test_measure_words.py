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
    by_words = shell._terms_by_words(text, prose, found, texts, flags)
    pattern = shell._jargon_pattern()
    return [(list(by_words[i]), shell._covered(pattern, text, s.start, s.end)) for i, s in enumerate(prose)]


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


# the sentence split's shortcuts (session 8): a block on one line split without _split_block's
# calls, and staff sections looked for with one test a sentence


def _split_block_by_block(doc):
    """split_sentences as it was: every block through _split_block, staff sections sentence by sentence."""
    from litcheck import segment

    text = doc.text
    lines = [segment._lines(text, b.start, b.end) if b.kind in segment._LINE_BLOCKS else None for b in doc.blocks]
    wrap = segment._wrap_width(doc, lines)
    out = []
    for i, b in enumerate(doc.blocks):
        out.extend(segment._split_block(doc, i, b, wrap, lines[i]))
    segment._with_kinds(doc, out)
    staff, kept = False, []
    for s in out:
        if s.kind == "heading" and segment.looks_foreign_heading(text[s.start : s.end]):
            s = segment.Sentence(s.start, s.end, s.block, "foreign")
        if text[s.end - 1] not in ".!?" and segment._STAFF_HEADING_AT.match(text, s.start, s.end):
            staff = True
        elif s.kind == "heading":
            staff = False
        kept.append(segment.Sentence(s.start, s.end, s.block, "staff") if staff else s)
    return kept


_LINES = [
    "Dear Mrs Khan", "Your appointment is on Monday.", "Please bring:", "your glasses", "- a list of your medicines",
    "* Tel: 0300 555 0101", "When: Tuesday at 10am", "Westgate General Hospital Endoscopy Unit", "NE1 4XX",
    "Yours sincerely", "GUIDANCE NOTE:", "Notes for practices", "Delete this paragraph if it does not apply.",
    "Gwybodaeth i gleifion", "An illustration of a nurse.", "12 March 2025", "Call us; we will help", "What happens next",
    "If you cannot come, call us,", "1. Take your tablets", "• Bring a friend", "Thank you", "{{ patient_name }}",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LINES), st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=16))
def test_sentences_split_with_the_shortcuts_are_the_block_by_block_split(parts):
    from litcheck import segment

    text = "".join(line + end for line, end in parts)
    for fmt in ("txt", "md"):
        doc = readers.read_text(text, fmt, None)
        assert segment.split_sentences(doc) == _split_block_by_block(readers.read_text(text, fmt, None))


def test_sentences_of_our_texts_the_samples_and_the_real_texts_are_the_block_by_block_split():
    from litcheck import segment

    for text in with_corpus(OWN, real=83):
        assert segment.split_sentences(readers.read_text(text, "txt", None)) == _split_block_by_block(readers.read_text(text, "txt", None))


def test_no_bullet_starts_with_a_capital_letter():
    """The text reader tries its bullet pattern only on lines that do not start with A to Z."""
    import string

    from litcheck.readers.text import BULLET

    tails = ["", " ", ". ", ") ", "1. ", " x", ".) a", "\t- a"]
    assert not any(BULLET.match(c + t) for c in string.ascii_uppercase for t in tails)
    assert BULLET.match("a) item") and BULLET.match("- item") and BULLET.match("(iv) item")
