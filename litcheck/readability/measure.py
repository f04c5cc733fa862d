"""Measure a Document: count its prose, apply the formulas, decide the headline.

SMOG is the headline for health material. It needs enough sentences to mean anything
(McLaughlin sampled 30): under 10 prose sentences there is no SMOG grade and the reading age
comes from Flesch-Kincaid, labelled an estimate; from 10 to 29 sentences SMOG is given
as an estimate; from 30 on, as it is.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import repeat

from ..document import Document
from ..segment import Sentence
from ..prose import SentenceWords, iter_words, masked_spans
from . import formulas
from .syllables import count_syllables, is_glance_token, is_polysyllable

SMOG_MIN_SENTENCES = 10
SMOG_FULL_SENTENCES = 30


@dataclass(frozen=True, init=False)
class SentenceCounts:
    words: int
    syllables: int
    polysyllables: int  #: words of 3 or more syllables
    long_words: list[str] = field(default_factory=list, compare=False)

    def __init__(self, words: int, syllables: int, polysyllables: int, long_words: list[str] | None = None) -> None:
        # (as segment.Sentence: the instance's dict filled at once, not a field at a time through
        # object.__setattr__, a third of the cost of counting a sentence: issue 20; still frozen)
        d = self.__dict__
        d["words"] = words
        d["syllables"] = syllables
        d["polysyllables"] = polysyllables
        d["long_words"] = [] if long_words is None else long_words


@dataclass(frozen=True)
class Readability:
    reading_age: float | None  #: UK reading age in years (US grade + 5); None with no prose
    basis: str  #: the formula behind reading_age: "smog" or "flesch_kincaid"
    estimate: bool  #: True when the text is too short for a firm figure
    smog: float | None  #: SMOG grade; None under 10 sentences
    flesch_kincaid_grade: float
    flesch_reading_ease: float
    sentences: int  #: prose sentences scored
    words: int
    syllables: int
    polysyllables: int
    band: str | None  #: SMOG band of the NHS table ("10-11")
    who_can_read: str | None  #: "about 76% of UK adults can read text at this level"
    share_who_can_read: float | None
    note: str = ""  #: why a figure is an estimate or missing
    source: str = formulas.WHO_CAN_READ_SOURCE

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("reading_age", "smog", "flesch_kincaid_grade", "flesch_reading_ease"):
            if d[key] is not None:
                d[key] = round(d[key], 1)
        return d


#: What may stand between the digit groups of one phone number: "0800 707 60 60",
#: "(01632) 960-789", "+44 7700 900123".
_NUMBER_JOIN = re.compile(r"[\s()+\-–]*")


def count_sentence(doc: Document, sentence: Sentence, masks=None, found=None) -> SentenceCounts:
    """Words, syllables and long words of one sentence, as a reader meets them.

    Placeholders, web and e-mail addresses are not counted (``prose.iter_words``). A
    number, time, code or initialism counts as one word of one syllable, and the digit
    groups of one phone number ("0800 707 60 60") as one word: none of them is a long word
    (``syllables.is_glance_token``). ``found``: the sentence's words, when the caller has
    them already (``prose.iter_words``).
    """
    if isinstance(found, SentenceWords):
        return _count_texts(doc.text, found)
    words = syllables = poly = 0
    long_words = []
    text = doc.text
    previous = None  # the last word, when it was a number
    for w in found if found is not None else iter_words(doc, sentence.start, sentence.end, masks):
        n = _word_syllables(w.text)
        if n is None:  # a glance token
            digit = w.text[:1].isdigit()
            joined = previous is not None and _NUMBER_JOIN.fullmatch(text, previous.end, w.start) is not None
            previous = w if digit else None
            if joined and digit:
                continue  # the next group of the same number
            words += 1
            syllables += 1
            continue
        previous = None
        words += 1
        if n < 0:  # a polysyllable
            syllables -= n
            poly += 1
            long_words.append(w.text)
        else:
            syllables += n
    return SentenceCounts(words, syllables, poly, long_words)


def _count_texts(text: str, found: SentenceWords) -> SentenceCounts:
    """count_sentence from the words' texts (``count_sentences``)."""
    return count_sentences(text, [found])[0]


def count_sentences(text: str, found: list) -> list[SentenceCounts]:
    """``_count_texts`` of each of ``found`` (sentences' SentenceWords), for many sentences at
    once: the sums of their words' packed counts made in one pass without a Python call a
    sentence (issue 20)."""
    table = _COUNTS
    if len(table) >= _COUNTS_LIMIT:  # (cleared before the sums, never during them)
        clear_word_tables()
    texts = [f.texts for f in found]
    poly_of = _POLY.__contains__
    return [sentence_counts(text, f, t, packed, poly_of) for f, t, packed in zip(found, texts, map(sum, map(map, repeat(table.__getitem__), texts)))]


def sentence_counts(text: str, found: SentenceWords, texts: list[str], packed: int, poly_of) -> SentenceCounts:
    """The SentenceCounts of a sentence whose words (``found``, their ``texts``) have these packed
    counts, summed (``_COUNTS``: the fields above _COUNT_BITS are not read); ``poly_of``:
    ``_POLY.__contains__``."""
    words, syllables, poly = packed & _FIELD, (packed >> _BITS) & _FIELD, (packed >> 2 * _BITS) & _FIELD
    if (packed >> 3 * _BITS) & _FIELD >= 2:  # two numbers or more: the groups of one number count once
        digits = bytes(map(_DIGITS.__contains__, texts))
        i = digits.find(b"\x01\x01")
        if i >= 0:
            joined = _joined_groups(text, found, digits, i + 1)
            words -= joined
            syllables -= joined
    return SentenceCounts(words, syllables, poly, list(filter(poly_of, texts)) if poly else [])


def clear_word_tables() -> None:
    """Start the tables of word facts again (``_COUNTS``, with ``_POLY`` and ``_DIGITS``, and the
    tables made from them: ``WORD_TABLES``), all at once, before a pass over words, never during
    one (a word's packed counts are read with its membership of ``_POLY`` and ``_DIGITS``)."""
    _COUNTS.clear()
    _POLY.clear()
    _DIGITS.clear()
    for table in WORD_TABLES:
        table.clear()


def _joined_groups(text: str, found: SentenceWords, digits: bytes, first: int) -> int:
    """How many glance tokens starting with a digit (``digits``: 1 for each, by word) follow one
    (the first at ``first``), joined to it by what may stand between a phone number's groups
    (``_NUMBER_JOIN``): each is the next group of the same number, not a word of its own."""
    spans = found.spans()
    joined = 0
    for i in range(first, len(digits)):
        if digits[i] and digits[i - 1] and _NUMBER_JOIN.fullmatch(text, spans[i - 1][1], spans[i][0]) is not None:
            joined += 1
    return joined


#: the packed counts of a word (``_COUNTS``): each a field of _BITS bits of one integer, in this
#: order: words (1), syllables, polysyllables (0 or 1), and a glance token starting with a digit
#: (0 or 1: a number's group, which may join the number before it)
_BITS = 32
_FIELD = (1 << _BITS) - 1
_COUNTS_LIMIT = 100_000  #: words kept (a long-running server meets ever new words)
#: the bits of the packed counts (a table that packs more facts of a word puts them above these)
_COUNT_BITS = 4 * _BITS


def _packed_counts(word: str) -> int:
    n = _word_syllables(word)
    if n is None:  # a glance token: one word of one syllable
        if word[:1].isdigit():
            _DIGITS.add(word)
            return 1 | 1 << _BITS | 1 << 3 * _BITS
        return 1 | 1 << _BITS
    if n < 0:
        _POLY.add(word)
        return 1 | -n << _BITS | 1 << 2 * _BITS
    return 1 | n << _BITS


class _Counts(dict):
    """Word -> its packed counts (a table of facts about a word, worked out when first met)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = _packed_counts(word)
        return value


_COUNTS = _Counts()
#: the polysyllables among ``_COUNTS``'s words
_POLY: set[str] = set()
#: the glance tokens starting with a digit among ``_COUNTS``'s words
_DIGITS: set[str] = set()
#: other tables whose values hold a word's ``_packed_counts`` (so rely on ``_POLY`` and ``_DIGITS``):
#: cleared with them (``clear_word_tables``)
WORD_TABLES: list[dict] = []


@lru_cache(maxsize=100_000)
def _word_syllables(word: str) -> int | None:
    """What count_sentence asks of a word, looked up once a word: None for a glance token
    (``is_glance_token``), else its syllables, negative when it is a polysyllable."""
    if is_glance_token(word):
        return None
    n = count_syllables(word)
    return -n if is_polysyllable(word) else n


#: The ladder for one sentence, highest rung first (one finding a sentence, never two):
#: very hard (sentences.very_hard), hard (sentences.hard), long (sentences.long).
#: Like Hemingway's hard and very hard, a sentence is rated by its own Flesch-Kincaid
#: grade; only sentences of SENTENCE_MIN_WORDS or more are rated, so a short sentence
#: with one medical word is left to the jargon rules. A hard (not very hard) sentence is
#: also a long one (over the long rung's limit, the NHS's 20 words): up to that, a sentence
#: is hard only through its words, which the word rules (jargon, words.long) name one at a
#: time with a plainer word. On real NHS texts a health literacy editor found 21 of 37
#: sentences of up to 20 words rated hard really hard as a sentence (body words a symptom
#: list needs, device names, one plain idea), against 103 of 121 longer ones (issue 21,
#: tests/data/precision/findings_labels_sentences4.tsv).
SENTENCE_HARD_GRADE = 10  #: reading age 15
SENTENCE_VERY_HARD_GRADE = 14  #: reading age 19
SENTENCE_MIN_WORDS = 14
SENTENCE_LONG_WORDS = 20  #: over this, "long" (NHS: up to 20 words; rules/sentences/long.yml)


def sentence_grade(c: SentenceCounts) -> float:
    """Flesch-Kincaid grade of one sentence (how Hemingway rates a sentence)."""
    return formulas.flesch_kincaid_grade(c.words, 1, c.syllables)


@dataclass(frozen=True)
class Ladder:
    """The rungs' limits. The rules sentences.very_hard, .hard and .long set them (``max:``);
    these defaults are only for callers outside a check."""

    very_hard: float = SENTENCE_VERY_HARD_GRADE  #: Flesch-Kincaid grade over this: very hard
    hard: float = SENTENCE_HARD_GRADE  #: Flesch-Kincaid grade over this: hard
    long: float = SENTENCE_LONG_WORDS  #: words over this: long


def sentence_rung(c: SentenceCounts, ladder: Ladder = Ladder()) -> str | None:
    """"very_hard", "hard", "long" or None: the one rung of the ladder a sentence is on."""
    if c.words >= SENTENCE_MIN_WORDS:
        grade = sentence_grade(c)
        if grade > ladder.very_hard:
            return "very_hard"
        if grade > ladder.hard and c.words > ladder.long:
            return "hard"
    if c.words > ladder.long:
        return "long"
    return None


def sentence_reason(c: SentenceCounts) -> str:
    """Why a sentence is hard, in the writer's terms: "31 words; 6 long words (...)"."""
    parts = [f"{c.words} words"]
    if c.long_words:
        # each word once, with how often it comes when more than once: "4 long words
        # ('significant', 'exercises', 'modification' twice)" adds up, where a bare list did not
        seen: dict[str, list] = {}
        for w in c.long_words:
            seen.setdefault(w.casefold(), [w, 0])[1] += 1
        shown = ", ".join(f"'{w}'" + ("" if k == 1 else " twice" if k == 2 else f" {k} times") for w, k in seen.values())
        n = len(c.long_words)
        parts.append(f"{n} long word{'s' if n != 1 else ''} of 3 or more syllables ({shown})")
    else:
        parts.append("no long words")
    return "; ".join(parts)


def measure(doc: Document, sentences: list[Sentence], counts=None, basis: str = "smog") -> Readability:
    """Readability of the prose sentences of ``doc``.

    ``counts``: a function from a sentence to its SentenceCounts, when the caller keeps them
    (the analysis Context counts each sentence once for every rule that needs it).
    ``basis``: the formula the headline reading age comes from, the one the document's
    target is checked with (``readability.reading_age``'s ``basis:``; Flesch-Kincaid for
    Easy Read), so that the headline and the finding never disagree.
    """
    if counts is None:
        masks = masked_spans(doc)
        counts = lambda s: count_sentence(doc, s, masks)  # noqa: E731
    return measure_counted([counts(s) for s in sentences if s.is_prose], basis)


def measure_counted(counted, basis: str = "smog") -> Readability:
    """``measure`` from the counts of the prose sentences (``count_sentences``, or one by one),
    in order: a sentence with no words is not a sentence for the formulas."""
    n_sent = n_words = n_syll = n_poly = 0
    for c in counted:
        if c.words:
            n_sent += 1
            n_words += c.words
            n_syll += c.syllables
            n_poly += c.polysyllables
    return from_counts(n_sent, n_words, n_syll, n_poly, basis)


def from_counts(sentences: int, words: int, syllables: int, polysyllables: int, basis: str = "smog") -> Readability:
    fre = formulas.flesch_reading_ease(words, sentences, syllables)
    fk = formulas.flesch_kincaid_grade(words, sentences, syllables)
    if sentences == 0:
        return Readability(
            None, "none", True, None, 0.0, 0.0, 0, words, syllables, polysyllables,
            None, None, None, note="No prose sentences were found to score.",
        )
    if sentences < SMOG_MIN_SENTENCES:
        smog = None
        grade, basis, estimate = fk, "flesch_kincaid", True
        note = (
            f"Only {sentences} sentence{'s' if sentences != 1 else ''} of prose: SMOG needs at least "
            f"{SMOG_MIN_SENTENCES}, so the reading age is a Flesch-Kincaid estimate."
        )
    elif basis == "flesch_kincaid":
        smog = formulas.smog_grade(polysyllables, sentences)
        grade, estimate = fk, False
        note = (
            "The reading age is Flesch-Kincaid, which weighs sentence length, as this kind of "
            f"document is checked with it; SMOG grade {smog:.1f} is given too."
        )
    else:
        smog = formulas.smog_grade(polysyllables, sentences)
        grade, basis = smog, "smog"
        estimate = sentences < SMOG_FULL_SENTENCES
        note = (
            f"{sentences} sentences of prose: SMOG is designed for 30 or more, so this is an estimate."
            if estimate
            else ""
        )
    # The NHS table of who can read is by SMOG level: use SMOG when there is one.
    band, share, sentence = formulas.who_can_read(smog if smog is not None else grade)
    return Readability(
        reading_age=formulas.reading_age(grade),
        basis=basis,
        estimate=estimate,
        smog=smog,
        flesch_kincaid_grade=fk,
        flesch_reading_ease=fre,
        sentences=sentences,
        words=words,
        syllables=syllables,
        polysyllables=polysyllables,
        band=band,
        who_can_read=sentence,
        share_who_can_read=share,
        note=note,
    )
