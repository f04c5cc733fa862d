"""The term-list and phrase-rule fast paths of issue 20 (session 6) give what the plain ways give.

Each is compared with the straightforward way on the sample documents, on texts written here,
and on the real texts in /work/shared/data/real-texts/docs/ (read by path; skipped where that
folder is absent). Speed itself is measured by bench/bench_speed.py, not here.
"""

from __future__ import annotations

import pytest

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


def _compare_sentence_tokens(texts) -> int:
    compared = 0
    for name, text in texts:
        ctx = Context(readers.read_text(text, "txt"))
        forms = document_forms(ctx)
        for scope in SCOPES:
            expected = [(s, span.start, span.end) for s, span in ctx.token_spans(scope)]
            assert forms.sentence_tokens(ctx, scope) == expected, (name, scope)
            compared += len(expected)
    return compared


def test_sentence_tokens_are_spacys_char_spans_on_written_and_sample_texts():
    assert _compare_sentence_tokens(WRITTEN + list(sample_texts())) > 100


def test_sentence_tokens_are_spacys_char_spans_on_the_real_texts():
    texts = list(real_texts())
    if not texts:
        pytest.skip("the real texts are not on this machine")
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
