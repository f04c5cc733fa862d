"""Shared by the pattern kinds (absence, position, existence): phrase patterns over the text,
the sentence a match sits in, and where a letter's body starts."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from ..details import scan
from ..textpatterns import rule_pattern


def compile_phrases(rule, key: str, phrases: list, ignorecase: bool = True) -> re.Pattern:
    """Phrases or regular expressions as one pattern, matched on word boundaries (for
    litcheck's own rules, compiled when first used: ``textpatterns.rule_pattern``)."""
    flags = re.IGNORECASE if ignorecase else 0
    source = r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?![\w-])"
    return rule_pattern(rule, key, source, flags)


def compile_optional(rule, spec, key: str) -> re.Pattern | None:
    """The phrases under ``key`` as one pattern (case ignored), or None when the key is absent."""
    return compile_phrases(rule, key, spec[key]) if spec.get(key) else None


def matches(ctx, pattern: re.Pattern) -> Iterator[re.Match]:
    """Matches in the document's text outside placeholders, web and e-mail addresses."""
    if not ctx.may_match(pattern):
        return  # a word every match holds is nowhere in the text
    for m in scan.finditer(ctx, pattern):  # tried only where a match can begin: re's matches
        if m.end() > m.start() and not ctx.is_masked(m.start(), m.end()):
            yield m


def sentence_at(ctx, pos: int):
    """The sentence holding offset ``pos`` (None between sentences)."""
    sentences = ctx.sentences
    starts = ctx.memo("sentence_starts", lambda c: [s.start for s in c.sentences])
    i = bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].start <= pos < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None


def excluded(ctx, start: int, end: int, unless: re.Pattern | None, sentence=None) -> bool:
    """True when the sentence around [start, end) matches ``unless``: words that show a
    match is not what the rule looks for ("if you have symptoms, ... as soon as possible"
    is health advice; "open 9:00am - 5:00pm" gives opening hours, not the appointment's time)."""
    if unless is None:
        return False
    sentence = sentence or sentence_at(ctx, start)
    s, e = (sentence.start, sentence.end) if sentence is not None else (start, end)
    return unless.search(ctx.document.text, s, max(e, end)) is not None


_SALUTATION_AT_LINE_END = re.compile(r"(?<![\w-])(?:Dear|Hello|Hi)\s+[^\n,.;:!?]{1,60},[ \t]*(?=\n|$)")


def body_start(ctx) -> int:
    """Where a letter's body starts: just after its salutation ("Dear Mrs Khan,", "Hi
    {{name}},") when there is one in the first three quarters of the text; otherwise 0. The
    letterhead, address block, date and reference lines above it are not what a reader
    reads first for what to do."""
    def find(c) -> int:
        text = c.document.text
        limit = len(text) * 0.75
        for s in c.sentences:
            if s.start > limit:
                break
            if s.kind == "salutation":
                return s.end
        # a salutation run into the line above it by a PDF reader ("NHS number: 123 Dear Ms Roe,")
        m = _SALUTATION_AT_LINE_END.search(text, 0, int(limit))
        return m.end() if m else 0

    return ctx.memo("body_start", find)


def word_count(ctx) -> int:
    return ctx.memo("patterns.word_count", lambda c: len(c.document.text.split()))


def applies(ctx, rule) -> bool:
    """The rule's ``when`` pattern (if any) is in the document and it is long enough."""
    if word_count(ctx) < rule.min_words:
        return False
    return rule.when is None or next(matches(ctx, rule.when), None) is not None
