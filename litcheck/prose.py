"""Words as readers see them: what counts towards word and syllable counts.

Placeholders, web addresses and e-mail addresses are not words a reader reads as prose,
so they are masked out here once and every analyser that counts or matches words agrees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Iterator, NamedTuple

from .document import Document
from .placeholders import first_option

#: A word: letters or digits, joined by apostrophes, hyphens or inner full stops
#: ("don't", "two-week", "9.30", "e.g").
# (Possessive: a word never gives back letters, so re keeps no points to backtrack to; and a
# joining mark is simply followed by letters, which is what a look-ahead after a full stop
# checked. The same words as r"[^\W_]+(?:(?:['’\-]|\.(?=[^\W_]))[^\W_]+)*", a third faster.)
WORD_RE = re.compile(r"[^\W_]++(?:[.'’\-][^\W_]++)*+")
#: WORD_RE for a text known to be ASCII (``str.isascii()``): the same words, found about a
#: third faster again, since re tests a letter against a table instead of Unicode's categories
WORD_RE_ASCII = re.compile(r"[A-Za-z0-9]++(?:[.'\-][A-Za-z0-9]++)*+")
# (an e-mail address starts where its run of address characters starts, so a long run of dots
# is scanned once, not once a character)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,;:!?]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def span_word_texts(doc: Document, start: int, end: int) -> list[str]:
    """``WORD_RE.findall(doc.text, start, end)``, found once per document and span
    (``Document.span_words``; WORD_RE_ASCII when the span is ASCII). Do not change the list."""
    found = doc.span_words.get((start, end))
    if found is None:
        piece = doc.text[start:end]  # (the same words: WORD_RE looks neither back nor past the end)
        found = doc.span_words[start, end] = (WORD_RE_ASCII if piece.isascii() else WORD_RE).findall(piece)
    return found


class Word(NamedTuple):
    """One word as a reader reads it (a value: a tuple is made far faster than a frozen
    dataclass, and a letter has hundreds of words; issue 20)."""

    text: str
    start: int  #: 0-based offset in Document.text
    end: int  #: 0-based offset one past its last character


def masked_spans(doc: Document) -> list[tuple[int, int]]:
    """Sorted (start, end) spans that are not prose words: placeholders, URLs, e-mails. Of a
    choice of wording, "[an overnight stay | day case]", the first option is words the reader
    sees (``placeholders.first_option``): only the brackets and the other options are masked."""
    text = doc.text
    spans = []
    for p in doc.placeholders:
        first = first_option(text, p) if p.syntax == "square" else None
        spans += [(p.start, first[0]), (first[1], p.end)] if first else [(p.start, p.end)]
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
    words = WORD_RE_ASCII if text.isascii() else WORD_RE  # (isascii is known without a look)
    if not relevant:
        return [Word(m.group(), m.start(), m.end()) for m in words.finditer(text, start, end)]
    out = []
    for m in words.finditer(text, start, end):
        ws, we = m.span()
        if any(s < we and ws < e for s, e in relevant):
            continue
        out.append(Word(m.group(), ws, we))
    return out


class SentenceWords(Sequence):
    """The words of ``doc.text[start:end]`` as ``words_in`` finds them, for counting: their
    texts at once (``texts``, one findall), their offsets (``spans()``) and Word values only
    when asked. A sentence's counts need only the texts, so most sentences never make a Word.

    The offsets are found with ``str.find`` from the end of the word before: between two
    words the regex found, no character can start a word, so the next word's text is first
    found where the regex found it. Where a placeholder or address is masked inside the span
    the words are made one by one (``words_in``) instead.
    """

    __slots__ = ("texts", "whole", "_text", "_start", "_spans", "_words")

    def __init__(self, doc: Document, start: int, end: int, masks: list[tuple[int, int]]) -> None:
        self._text, self._start = doc.text, start
        if masks and any(e > start and s < end for s, e in masks):
            words = words_in(doc, start, end, masks)
            self.texts: list[str] = [w.text for w in words]
            self._spans: list[tuple[int, int]] | None = [(w.start, w.end) for w in words]
            self._words: list[Word] | None = words
            #: every word of the span is here (none left out inside a placeholder or address)
            self.whole = False
        else:
            self.texts = span_word_texts(doc, start, end)  # (the sentence splitter found them: issue 20)
            self._spans = self._words = None
            self.whole = True

    @classmethod
    def of_span(cls, text: str, start: int, texts: list[str]) -> "SentenceWords":
        """The SentenceWords of a span starting at ``start`` in ``text`` in which nothing is
        masked, whose words' texts (``span_word_texts``) are ``texts``: as ``SentenceWords(doc,
        start, end, masks)`` makes it then, without its tests (issue 20: for many sentences)."""
        self = cls.__new__(cls)
        self._text, self._start, self.texts, self._spans, self._words, self.whole = text, start, texts, None, None, True
        return self

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word, 0-based offsets in Document.text."""
        if self._spans is None:
            find, pos, out = self._text.find, self._start, []
            for t in self.texts:
                i = find(t, pos)
                pos = i + len(t)
                out.append((i, pos))
            self._spans = out
        return self._spans

    def words(self) -> list[Word]:
        if self._words is None:
            self._words = [Word(t, s, e) for t, (s, e) in zip(self.texts, self.spans())]
        return self._words

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):
        return self.words()[i]

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words())

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, SentenceWords)):
            return self.words() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SentenceWords({self.words()!r})"
