"""Words as readers see them: what counts towards word and syllable counts.

Placeholders, web addresses and e-mail addresses are not words a reader reads as prose,
so they are masked out here once and every analyser that counts or matches words agrees.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from .document import Document

#: A word: letters or digits, joined by apostrophes, hyphens or inner full stops
#: ("don't", "two-week", "9.30", "e.g").
WORD_RE = re.compile(r"[^\W_]+(?:(?:['’\-]|\.(?=[^\W_]))[^\W_]+)*")
# (an e-mail address starts where its run of address characters starts, so a long run of dots
# is scanned once, not once a character)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,;:!?]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class Word(NamedTuple):
    """One word as a reader reads it (a value: a tuple is made far faster than a frozen
    dataclass, and a letter has hundreds of words; issue 20)."""

    text: str
    start: int  #: 0-based offset in Document.text
    end: int  #: 0-based offset one past its last character


def masked_spans(doc: Document) -> list[tuple[int, int]]:
    """Sorted (start, end) spans that are not prose words: placeholders, URLs, e-mails."""
    spans = [(p.start, p.end) for p in doc.placeholders]
    text = doc.text
    if "@" in text or "www." in text or "http" in text:  # every match has one (a quick test first)
        spans += [(m.start(), m.end()) for m in URL_RE.finditer(text)]
    spans.sort()
    return spans


def iter_words(doc: Document, start: int, end: int, masks: list[tuple[int, int]] | None = None) -> Iterator[Word]:
    """The words of ``doc.text[start:end]``, skipping masked spans."""
    return iter(words_in(doc, start, end, masks))


def words_in(doc: Document, start: int, end: int, masks: list[tuple[int, int]] | None = None) -> list[Word]:
    """``iter_words`` as a list, made in one pass (the usual case, nothing masked in the
    span, is one list comprehension)."""
    masks = masked_spans(doc) if masks is None else masks
    text = doc.text
    relevant = [(s, e) for s, e in masks if e > start and s < end]
    if not relevant:
        return [Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]
    out = []
    for m in WORD_RE.finditer(text, start, end):
        ws, we = m.span()
        if any(s < we and ws < e for s, e in relevant):
            continue
        out.append(Word(m.group(), ws, we))
    return out
