"""The term-list and phrase-rule fast paths of issue 20 (session 6) give what the plain ways give.

Each is compared with the straightforward way on the sample documents, on texts written here,
and on the real texts in /work/shared/data/real-texts/docs/ (read by path; skipped where that
folder is absent). Speed itself is measured by bench/bench_speed.py, not here.
"""

from __future__ import annotations

from litcheck import readers
from litcheck.analysers import Context
from litcheck.analysers.substitution import document_forms
from litcheck.segment import SENTENCE_KINDS

from tests.texts import real_texts, sample_texts

#: awkward spacing: runs of spaces and blank lines (spaCy tokens of their own), a no-break
#: space, a sentence starting right after a token's trailing space
WRITTEN = [
    ("spaces", "  Your appointment is on Monday.  Please  arrive early.\n\n\n   Call us first.\n"),
    ("no-break", "Bring your medication\u00a0list. Commence fasting at midnight."),
    ("heading", "WHAT IS A COLONOSCOPY?\nA colonoscopy is a test.\n\n- Bring a friend\n- Eat nothing\n"),
    ("empty", ""),
    ("blank", "   \n\n  "),
]

SCOPES = [("prose", "heading", "table"), ("prose",), tuple(SENTENCE_KINDS)]


def spacy_spans(ctx, scope):
    """(sentence, spaCy span of its tokens) for each sentence whose kind is in ``scope``: the
    reference, spaCy's own ``char_span``, for what litcheck works out from token offsets."""
    for sentence in ctx.sentences_in(scope):
        span = ctx.tokens.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            yield sentence, span


def _compare_sentence_tokens(texts) -> int:
    compared = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        forms = document_forms(ctx)
        for scope in SCOPES:
            expected = [(s, span.start, span.end) for s, span in spacy_spans(ctx, scope)]
            assert forms.sentence_tokens(ctx, scope) == expected, (name, scope)
            compared += len(expected)
    return compared


def test_sentence_tokens_are_spacys_char_spans_on_written_and_sample_texts():
    assert _compare_sentence_tokens(WRITTEN + list(sample_texts())) > 100


def test_sentence_tokens_are_spacys_char_spans_on_the_real_texts():
    texts = real_texts()  # (skips when the real texts are not on this machine)
    assert _compare_sentence_tokens(texts) > 1000


def test_a_document_without_a_suppression_comment_may_silence_nothing():
    from litcheck import suppressions

    plain = readers.read_text("Please do not hesitate to contact us. We commence at 9am.", "txt")
    assert suppressions.may_silence(plain) is False
    commented = readers.read_text("<!-- litcheck: ignore jargon -->\nWe commence at 9am.\n", "md")
    assert suppressions.may_silence(commented) is True
    # what the term rules skip when nothing may be silenced is what apply would have kept
    from litcheck import check_text

    report = check_text("<!-- litcheck: ignore jargon.wordy -->\nWe commence at 9am. We commence again at noon.\n", format="md")
    assert not [f for f in report.findings if f.rule == "jargon.wordy"]
    report = check_text("We commence at 9am. We commence again at noon.\n", format="md")
    assert [f.text for f in report.findings if f.rule == "jargon.wordy"] == ["commence"]


#: tokens at the very end of a sentence: glued to the next one, a number range, a slash
ABBREVIATION_EDGES = [
    ("glued", "Please see your GP.The ECG is at 9am.Call A&E-19 now.COVID-19 jabs"),
    ("slashes", "Bring your NHS/ID card. Ring 111/999 if unwell. Your HbA1c-2 test"),
    ("dash", "We use the PALS-\nservice. Ask the CNS-\u00e9quipe. MRI- scan. ECG -ok"),
    ("spaces", "  ECG\u00a0today.  Your CT  scan\tMRI\nDNA"),
]


def _reference_sentence_tokens(ctx, sentence, firsts):
    from litcheck.analysers.abbreviation import _TOKEN, _tokens_starting

    pattern = _TOKEN if firsts is None else _tokens_starting(firsts)
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(ctx.document.text, sentence.start, sentence.end)]


def _compare_abbreviation_tokens(texts) -> int:
    from litcheck.analysers.abbreviation import _CAPITALS, sentence_tokens

    compared = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        for firsts in (None, _CAPITALS, "D", "ACEGHMN"):
            for sentence in ctx.sentences:
                expected = _reference_sentence_tokens(ctx, sentence, firsts)
                assert sentence_tokens(ctx, sentence, firsts) == expected, (name, firsts, sentence)
                compared += len(expected)
    return compared


def test_abbreviation_tokens_are_each_sentences_own_search_on_written_and_sample_texts():
    assert _compare_abbreviation_tokens(ABBREVIATION_EDGES + WRITTEN + list(sample_texts())) > 1000


def test_abbreviation_tokens_are_each_sentences_own_search_on_the_real_texts():
    texts = real_texts()  # (skips when the real texts are not on this machine)
    assert _compare_abbreviation_tokens(texts) > 10000


def test_abbreviation_tokens_of_any_span_are_its_own_search():
    # spans that end inside a token, before "-19", "/" or "&": what a span's end cuts off is
    # cut off as its own search does (tokens kept by the span's start and end, not the text's)
    import random

    from litcheck.analysers.abbreviation import _CAPITALS, _TOKEN, sentence_tokens
    from litcheck.segment import Sentence

    text = "Your COVID-19 jab and ECG/MRI at A&E. The DNA-rate of GPs HbA1c\nCT-scan PALS&Co MRI_x ok"
    ctx = Context(readers.read_text(text, "txt"))
    rng = random.Random(6)
    differ = 0
    for _ in range(600):
        start = rng.randrange(len(text))
        span = Sentence(start, rng.randrange(start + 1, len(text) + 1), 0)
        for firsts in (None, _CAPITALS, "CDM"):
            expected = _reference_sentence_tokens(ctx, span, firsts)
            assert sentence_tokens(ctx, span, firsts) == expected, (span, firsts)
            whole = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text) if span.start <= m.start() < span.end]
            differ += firsts is None and whole != expected
    assert differ > 50  # the spans do cut tokens: a search of the whole text alone would differ


EXPANSIONS = [
    ("after", "Your human papillomavirus (HPV) test and a CT (computed tomography) scan."),
    ("before", "MRI stands for Magnetic Resonance Imaging. ECG is short for electrocardiogram. DNA means did not attend."),
    ("whole", "An implantable cardioverter defibrillator (ICD) and computerised tomography (CT) tests."),
    ("far", "A magnetic resonance imaging scan " + "and more words " * 6 + "(MRI) is later on this line."),
    ("lines", "A magnetic resonance\nimaging (MRI)\nscan. STANDS FOR nothing. Means\ntest"),
    ("unicode", "Résumé of your magnetic resonance imaging (MRI) ﬁle scan."),
]


def _compare_expansions(texts) -> int:
    import re

    from litcheck.analysers.substitution import ExpansionMarks, in_expansion

    found = 0
    for name, text in texts:
        marks = ExpansionMarks(text)
        for m in re.finditer(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}", text):
            s, e = m.span()
            expected = in_expansion(text, s, e)
            assert in_expansion(text, s, e, marks) is expected, (name, text[s:e])
            found += expected
    return found


def test_expansion_marks_spare_only_terms_in_no_expansion_on_written_and_sample_texts():
    assert _compare_expansions(EXPANSIONS + WRITTEN + list(sample_texts())) >= 10


def test_expansion_marks_spare_only_terms_in_no_expansion_on_the_real_texts():
    texts = real_texts()  # (skips when the real texts are not on this machine)
    assert _compare_expansions(texts) >= 10


#: names, signs and titles in capitals round lower-case words, words glued by ' & - and digits
NAMES = [
    ("names", "Ring the Endoscopy unit or the Patient Services Officer about your cardiology review."),
    ("glued", "Your pre-op check, the re-commence date, A&E and O'Brien's hypertension clinic."),
    ("digits", "Take 2nd-line medication, 3rd dose, x-ray at Ward 4b and a ½dose of ²cardiology."),
    ("unicode", "Élodie's résumé: the Ökologie department, ǅemal and ﬁle cardiology."),
]


def _compare_lower_words(texts) -> int:
    """Wherever ``_lower_word_at`` says a term starting there is not in a name, ``in_name`` says
    so too, whatever the term's end."""
    from litcheck.analysers.substitution import _lower_word_at, in_name, name_words

    spared = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        for sentence in ctx.sentences:
            s, e = sentence.start, sentence.end
            words = name_words(text, s, e)
            for start in range(s, e):
                if not _lower_word_at(text, start, s, e):
                    continue
                spared += 1
                for end in sorted({start + 1, *(w.end() + s for w in words[0] if w.end() + s > start)})[:4]:
                    assert in_name(text, start, end, s, e, words) is False, (name, text[start:end])
    return spared


def test_a_lower_case_word_is_in_no_name_on_written_and_sample_texts():
    assert _compare_lower_words(NAMES + EXPANSIONS + WRITTEN + list(sample_texts())) > 1000


def test_a_lower_case_word_is_in_no_name_on_the_real_texts():
    assert _compare_lower_words(list(real_texts())[:40]) > 5000


def _compare_term_starts(texts) -> int:
    """Where the term rules' first- and second-word sets (``TermIndex.singles``, ``seconds``)
    rule a token out, no entry matches there (``_match_forms``)."""
    from litcheck.analysers.substitution import _match_forms
    from litcheck.rulebook import load_rules

    indexes = [r.index for r in load_rules() if r.kind == "substitution" and r.entries]
    assert indexes
    ruled_out = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        forms = document_forms(ctx)
        for index in indexes:
            assert index.singles and index.seconds
            for _sentence, first, stop in forms.sentence_tokens(ctx, tuple(SENTENCE_KINDS)):
                for c in range(first, stop):
                    if index.firsts.isdisjoint(forms.sets[c]):
                        continue
                    if index.singles.isdisjoint(forms.sets[c]) and (c + 1 >= stop or index.seconds.isdisjoint(forms.sets[c + 1])):
                        ruled_out += 1
                        assert _match_forms(forms, c, stop, index) is None, (name, c)
    return ruled_out


def test_term_starts_ruled_out_match_nothing_on_written_and_sample_texts():
    assert _compare_term_starts(WRITTEN + list(sample_texts())) > 300


def test_term_starts_ruled_out_match_nothing_on_the_real_texts():
    assert _compare_term_starts(real_texts()) > 3000


def _compare_abbreviation_shortcuts(texts) -> tuple[int, int]:
    """A text holding none of a rule's ``target_strings`` has none of its targets among any
    sentence's tokens (the rule returns at once); and a token whose letters after the first are
    all small letters is never of the unknown-abbreviation shape (``_UNKNOWN``: two capitals)."""
    from litcheck.analysers.abbreviation import _TOKEN, _UNKNOWN
    from litcheck.rulebook import load_rules

    rules = [r for r in load_rules() if r.kind == "abbreviation"]
    short = [r for r in rules if r.target_strings is not None]
    assert short
    returned = lower = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        tokens = {m.group() for s in ctx.sentences for m in _TOKEN.finditer(text, s.start, s.end)}
        for rule in short:
            if not any(t in text for t in rule.target_strings):
                returned += 1
                assert rule.target_tokens.isdisjoint(tokens), (name, rule.id)
        for token in tokens:
            if token[1:].islower():
                lower += 1
                assert _UNKNOWN.match(token) is None, (name, token)
    return returned, lower


def test_abbreviation_shortcuts_change_nothing_on_written_and_sample_texts():
    dna = [("dna", "Your child was marked DNA. DNAs are counted. A DNA-test, ECG, Ecg and Mri.")]
    returned, lower = _compare_abbreviation_shortcuts(dna + ABBREVIATION_EDGES + WRITTEN + list(sample_texts()))
    assert returned > 5 and lower > 100


def test_abbreviation_shortcuts_change_nothing_on_the_real_texts():
    returned, lower = _compare_abbreviation_shortcuts(real_texts())
    assert returned > 20 and lower > 1000


def test_the_characters_that_fold_to_ascii_are_every_one_there_is():
    """``prefilter.FOLDS_TO_ASCII`` is every character outside ASCII that a case-ignoring pattern
    matches with an ASCII letter, or whose lower or upper case holds ASCII or is longer."""
    import re

    from litcheck.prefilter import FOLDS_TO_ASCII, lower_is_exact

    letter = re.compile("[a-z]", re.I)
    found = []
    for code in range(128, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if any(c.isascii() for c in ch.lower() + ch.upper()) or len(ch.lower()) != 1 or letter.fullmatch(ch):
            found.append(ch)
    assert found and all(FOLDS_TO_ASCII.fullmatch(ch) for ch in found)
    assert len(found) == sum(1 for code in range(128, 0x110000) if not 0xD800 <= code <= 0xDFFF and FOLDS_TO_ASCII.fullmatch(chr(code)))
    assert lower_is_exact("£2.50 ‘please’ – café") and not lower_is_exact("the \u212aelvin sign") and lower_is_exact("")


def test_questions_asked_are_the_questions_found_in_the_whole_text():
    """A text without "what" (case aside) asks no question: ``questions_asked`` gives what the
    search of the whole text gives, with or without the word."""
    from litcheck.analysers.substitution import _QUESTION, _answered, questions_asked

    written = [("asks", "WHAT IS A COLONOSCOPY?\nA colonoscopy is a test of your bowel. What are biopsies? Small samples."),
               ("kelvin", "\u212aeep calm. Wh\u212aat is it?"), ("none", "Your appointment is on Monday.")]
    asked = 0
    for name, text in written + list(sample_texts()) + list(real_texts()):
        ctx = Context(readers.read_text(text, "txt"))
        expected = frozenset(m.group(2).lower() for m in _QUESTION.finditer(text) if _answered(text, m.end()))
        assert questions_asked(ctx) == expected, name
        asked += bool(expected)
    assert asked >= 3
