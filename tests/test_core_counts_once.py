"""The core pipeline counts once (issue 20): each fast path gives what the plain way gives.

Speed itself is measured by bench/bench_speed.py, never by a timed test; these tests pin
that the shortcuts find the same words, counts and rungs, and that shared work is done
once a document.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

import litcheck
from litcheck import readers
from litcheck.analysers import Context, metric
from litcheck.analysers.patterns import matches
from litcheck.prose import URL_RE, WORD_RE, SentenceWords, Word, iter_words, masked_spans, words_in
from litcheck.readability import shell
from litcheck.readability.measure import count_sentence
from litcheck.readability.syllables import count_syllables, is_glance_token, is_polysyllable
from litcheck.rulebook import load_rules

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

LETTER = (
    "Dear [Patient Name],\n\n"
    "Your appointment at the Cardiology Outpatient Department is on Tuesday 4 March 2025 at 9.30am. "
    "Please bring a list of your medicines, and tell us if you have had an echocardiogram or a "
    "colonoscopy before (a camera test of the bowel). The consultant will review your hypertension "
    "and discuss anticoagulation, which means medicines to thin your blood (anticoagulants).\n\n"
    "If you cannot come, call 0800 707 60 60 or e-mail cardio.bookings@example.nhs.uk, or see "
    "www.example.nhs.uk/heart. PLEASE DO NOT BRING CHILDREN UNLESS ARRANGED. The NHS, GOV.UK and "
    "the DVLA give advice, e.g. on driving after a procedure.\n"
)


def _reference_words(doc, start, end, masks):
    """prose.iter_words as it was written first: one word at a time, masks tested per word."""
    relevant = [(s, e) for s, e in masks if e > start and s < end]
    out = []
    for m in WORD_RE.finditer(doc.text, start, end):
        if relevant and any(s < m.end() and m.start() < e for s, e in relevant):
            continue
        out.append(Word(m.group(), m.start(), m.end()))
    return out


_TEXT = st.text(alphabet="ab Zé9'’-._@/:\n()", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, cut=st.tuples(st.integers(0, 60), st.integers(0, 60)), masks=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=3))
def test_words_in_finds_what_the_word_by_word_scan_finds(text, cut, masks):
    doc = readers.read_text(text or "x", "txt", None)
    start, end = sorted(cut)
    spans = sorted((s, s + n) for s, n in masks)
    assert words_in(doc, start, end, spans) == _reference_words(doc, start, end, spans)
    assert list(iter_words(doc, start, end, spans)) == _reference_words(doc, start, end, spans)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, cut=st.tuples(st.integers(0, 60), st.integers(0, 60)), masks=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=2))
def test_sentence_words_texts_and_offsets_are_the_scans(text, cut, masks):
    doc = readers.read_text(text or "x", "txt", None)
    start, end = sorted(cut)
    spans = sorted((s, s + n) for s, n in masks)
    expected = _reference_words(doc, start, end, spans)
    found = SentenceWords(doc, start, end, spans)
    assert found.texts == [w.text for w in expected] and len(found) == len(expected)
    assert found.spans() == [(w.start, w.end) for w in expected]
    assert list(found) == expected == found and (not expected or found[0] == expected[0])


def test_a_word_is_a_small_value():
    w = Word("clinic", 3, 9)
    assert (w.text, w.start, w.end) == ("clinic", 3, 9)
    assert w == Word("clinic", 3, 9) and hash(w) == hash(Word("clinic", 3, 9))


def test_web_and_email_addresses_are_masked_and_a_text_without_any_is_not_scanned():
    doc = readers.read_text(LETTER, "txt", None)
    spans = masked_spans(doc)
    found = [doc.text[s:e] for s, e in spans]
    assert "cardio.bookings@example.nhs.uk" in found and "www.example.nhs.uk/heart" in found
    assert "[Patient Name]" in found
    plain = readers.read_text("Come to the clinic on Monday at 10am. Bring your letter.", "txt", None)
    assert masked_spans(plain) == [] and not list(URL_RE.finditer(plain.text))


def _reference_count(doc, sentence, masks):
    """count_sentence as written first: three look-ups a word."""
    join = re.compile(r"[\s()+\-–]*")
    words = syllables = poly = 0
    long_words = []
    previous = None
    for w in _reference_words(doc, sentence.start, sentence.end, masks):
        if is_glance_token(w.text):
            joined = previous is not None and join.fullmatch(doc.text, previous.end, w.start) is not None
            previous = w if w.text[:1].isdigit() else None
            if joined and w.text[:1].isdigit():
                continue
            words += 1
            syllables += 1
            continue
        previous = None
        words += 1
        syllables += count_syllables(w.text)
        if is_polysyllable(w.text):
            poly += 1
            long_words.append(w.text)
    return words, syllables, poly, long_words


def _documents():
    docs = [readers.read_text(LETTER, "txt", None)]
    for path in sorted(SAMPLES.glob("*.*")):
        docs.append(readers.read_file(path))
    return docs


def test_sentence_counts_with_one_look_up_a_word_match_three_look_ups():
    for doc in _documents():
        ctx = Context(doc)
        for s in ctx.sentences:
            expected = _reference_count(doc, s, ctx.masks)
            c = count_sentence(doc, s, ctx.masks)
            assert (c.words, c.syllables, c.polysyllables, c.long_words) == expected
            c = count_sentence(doc, s, ctx.masks, SentenceWords(doc, s.start, s.end, ctx.masks))  # from the texts
            assert (c.words, c.syllables, c.polysyllables, c.long_words) == expected


def _reference_language(doc, sentences, masks):
    """shell.count_language as written first: each test asked of each word in turn."""
    jargon_re = shell._jargon_pattern()
    words = jargon = acronyms = uncommon = complex_ = content = 0
    for s in sentences:
        if not s.is_prose:
            continue
        ws = [w for w in _reference_words(doc, s.start, s.end, masks) if shell._counted(w.text)]
        if not ws:
            continue
        shouting = sum(1 for w in ws if w.text.isupper()) > max(2, len(ws) * 0.6)
        covered = [(m.start(), m.end()) for m in jargon_re.finditer(doc.text, s.start, s.end)]
        for i, w in enumerate(ws):
            words += 1
            is_jargon = any(a <= w.start and w.end <= b for a, b in covered)
            is_acronym = not shouting and shell._is_acronym(w.text)
            is_uncommon = not is_jargon and not is_acronym and shell._is_uncommon(w.text, first=(i == 0))
            jargon += is_jargon
            acronyms += is_acronym
            uncommon += is_uncommon
            complex_ += is_jargon or is_acronym or is_uncommon
            content += shell.is_content_word(w.text)
    return shell.LanguageCounts(words, jargon, acronyms, uncommon, complex_, content)


def test_language_counts_with_one_look_up_a_word_match_the_word_by_word_tests():
    for doc in _documents():
        ctx = Context(doc)
        expected = _reference_language(doc, ctx.sentences, ctx.masks)
        got = shell.count_language(doc, ctx.sentences, words_of=ctx.words)  # SentenceWords: from the texts
        assert got == expected and got.words > 0
        assert shell.count_language(doc, ctx.sentences, words_of=lambda s: list(ctx.words(s))) == expected
        assert shell.count_language(doc, ctx.sentences) == expected


def _checked_context(text: str) -> Context:
    report = litcheck.check_text(text)
    ctx = Context(report.document, report.profile, {"limits": {}})
    ctx.ruleset = load_rules()
    return ctx


def test_each_sentence_is_rated_once_for_the_three_rungs_of_the_ladder(monkeypatch):
    ctx = _checked_context(LETTER)
    rules = {r.metric: r for r in ctx.ruleset if r.kind == "metric"}
    calls = []
    real = metric.plain_counts
    monkeypatch.setattr(metric, "plain_counts", lambda c, s: calls.append(s) or real(c, s))
    found = {m: list(rules[m].check(ctx)) for m in ("very_hard_sentence", "hard_sentence", "long_sentence")}
    assert len(calls) == len(set(calls)) == len(ctx.sentences_in(rules["hard_sentence"].scope))
    # and the rungs are the ones a fresh rating gives
    for s in ctx.sentences_in(rules["hard_sentence"].scope):
        assert metric.sentence_rung_of(ctx, s) == metric._rung(ctx, real(ctx, s))
    assert found["very_hard_sentence"] or found["hard_sentence"] or found["long_sentence"]


def test_everyday_words_are_one_set_for_every_document_of_a_rule_set():
    a, b = _checked_context(LETTER), _checked_context("Please come to the clinic. " * 3)
    assert metric.everyday_words(a)[0] is metric.everyday_words(b)[0]
    assert metric.everyday_words(a)[0]  # the ladder's rules list everyday words


def test_paragraph_words_count_the_words_of_its_sentences():
    ctx = _checked_context(LETTER)
    rule = next(r for r in ctx.ruleset if getattr(r, "metric", None) == "paragraph_words")
    for m in metric.paragraph_words(ctx, rule):
        inside = [s for s in ctx.sentences_in(rule.scope) if m.start <= s.start and s.end <= m.end]
        assert m.value == sum(len(_reference_words(ctx.document, s.start, s.end, ctx.masks)) for s in inside)


def test_whether_an_absence_rule_applies_is_worked_out_once_a_document(monkeypatch):
    from litcheck.analysers import absence
    from litcheck.east import build

    text = (SAMPLES / "poor_appointment_letter.txt").read_text(encoding="utf-8")
    report = litcheck.check_text(text)
    ctx = Context(report.document, report.profile, {"limits": {}})
    ctx.ruleset = load_rules()
    ctx.rules_run = [r for r in ctx.ruleset if r.kind == "absence" and r.enabled and r.applies_to(report.profile)]
    assert ctx.rules_run
    asked = []
    real = absence.applies
    monkeypatch.setattr(absence, "applies", lambda c, r: asked.append(r.id) or real(c, r))
    for rule in ctx.rules_run:
        list(rule.check(ctx))
    build(ctx, report.findings)  # the EAST summary asks each rule again
    assert sorted(asked) == sorted(r.id for r in ctx.rules_run)
    # and the answer is what the pattern search says
    for rule in ctx.rules_run:
        expected = len(ctx.document.text.split()) >= rule.min_words and (
            rule.when is None or next(matches(ctx, rule.when), None) is not None
        )
        assert rule.relevant(ctx) == expected


def test_line_starts_are_found_at_every_newline():
    doc = readers.read_text("one\ntwo\n\nthree\n", "txt", None)
    assert doc._line_starts == [0, 4, 8, 9, 15]
    assert doc.line_column(9) == (4, 1) and doc.line_column(5) == (2, 2)


def _medical_pieces():
    terms, _ = shell._jargon_terms()
    multi = [t for t in terms if " " in t][:40]
    single = [t for t in terms if " " not in t][:80]
    return multi + single


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_medical_terms_found_by_their_first_words_are_the_whole_patterns_matches(data):
    pieces = _medical_pieces()
    glue = st.sampled_from([" ", "  ", "\n", "-", ", ", "s ", "es ", "(", ") ", ".", "x", "_", "’", "é", "ſ"])
    word = st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(pieces).map(str.upper),
        st.sampled_from(pieces).map(lambda t: t.replace(" ", "  ")),
        st.sampled_from(["the", "your", "test", "blood", "a", "pressure", "scan"]),
    )
    parts = data.draw(st.lists(st.tuples(word, glue), max_size=12))
    text = "".join(w + g for w, g in parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pattern = shell._jargon_pattern()
    expected = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    assert shell._covered(pattern, text, start, end) == expected


def test_medical_terms_in_real_letters_are_found_as_the_whole_pattern_finds_them():
    pattern = shell._jargon_pattern()
    assert shell._jargon_index() is not None  # the list is plain ASCII words: the quick way is used
    texts = [LETTER] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.*"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path("/work/shared/data").rglob("*.txt"))[:40]]
    found = 0
    for text in texts:
        doc = readers.read_text(text, "txt", None)
        for s in Context(doc).sentences:
            expected = [(m.start(), m.end()) for m in pattern.finditer(doc.text, s.start, s.end)]
            assert shell._covered(pattern, doc.text, s.start, s.end) == expected
            found += len(expected)
    assert found > 10
