"""Words as readers see them: what counts towards word and syllable counts.

Placeholders, web addresses and e-mail addresses are not words a reader reads as prose,
so they are masked out here once and every analyser that counts or matches words agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .document import Document

#: A word: letters or digits, joined by apostrophes, hyphens or inner full stops
#: ("don't", "two-week", "9.30", "e.g").
WORD_RE = re.compile(r"[^\W_]+(?:(?:['’\-]|\.(?=[^\W_]))[^\W_]+)*")
# (an e-mail address starts where its run of address characters starts, so a long run of dots
# is scanned once, not once a character)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,;:!?]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Word:
    text: str
    start: int  #: 0-based offset in Document.text
    end: int


def masked_spans(doc: Document) -> list[tuple[int, int]]:
    """Sorted (start, end) spans that are not prose words: placeholders, URLs, e-mails."""
    spans = [(p.start, p.end) for p in doc.placeholders]
    spans += [(m.start(), m.end()) for m in URL_RE.finditer(doc.text)]
    spans.sort()
    return spans


def iter_words(doc: Document, start: int, end: int, masks: list[tuple[int, int]] | None = None) -> Iterator[Word]:
    """The words of ``doc.text[start:end]``, skipping masked spans."""
    masks = masked_spans(doc) if masks is None else masks
    text = doc.text
    relevant = [(s, e) for s, e in masks if e > start and s < end]
    for m in WORD_RE.finditer(text, start, end):
        if relevant and any(s < m.end() and m.start() < e for s, e in relevant):
            continue
        yield Word(m.group(), m.start(), m.end())
