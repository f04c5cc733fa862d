"""SHeLL-comparable measures: complex-language share and lexical density.

The SHeLL Health Literacy Editor (Sydney Health Literacy Lab; Ayre et al., JMIR Formative
Research 2023;7:e40645) reports, beside a SMOG grade, the *complex language* of a text (the
share of its words that are medical jargon, uncommon English words or acronyms) and its
*lexical density* (the share of its words that are content words). Trusts compare their
leaflets with published SHeLL results, so every litcheck report gives both, counted the same
way on every document and independent of which rules are selected:

``words``
    The words of the prose sentences (as the reading age scores them: not headings, address
    blocks, tables, template fields or web addresses) that have a letter in them. Numbers,
    times, dates and phone numbers are not words here.
``jargon``
    A word inside a term of litcheck's medical word list (``wordlists/medical.tsv``, also its
    plural: "hypertension", "blood test" is not listed, "colonoscopies" is).
``acronyms``
    A word of 2 to 6 capital letters (a final "s" allowed: "GPs") that is not an ordinary word
    written in capitals ("PLEASE"); not in a sentence written all in capitals.
``uncommon``
    A word whose wordfreq Zipf frequency is under ``UNCOMMON_ZIPF`` (3.0: fewer than about one
    in a million words of everyday English), the best of its UK and US spellings, and that is
    not a name (a capitalised word inside a sentence), an everyday word or a medicine name from
    litcheck's lists (``everyday.tsv``, ``medicines.tsv``).
``complex_language_share``
    (jargon + acronyms + uncommon) / words, each word counted once.
``content_words``
    A word that is not on spaCy's English stop list (``spacy.lang.en.stop_words``: 326
    function words such as "the", "you", "will", "because", and some very common verbs and
    adverbs such as "please", "get", "take"). A contraction ending "n't" is a function word;
    "patient's" is looked up as "patient"; a hyphenated word is a content word when one of its
    parts is.
``lexical_density``
    content words / words. Dense text packs many information-carrying words into each
    sentence; plain writing spreads them out with short function words.

Both shares are ``None`` when there are no words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, count, repeat
from operator import itemgetter, le

from ..alternation import TermAlternation
from ..document import Document
from ..prose import SentenceWords, iter_words, masked_spans
from ..spelling import zipf
from ..textpatterns import CompiledOnUse, offsets
from .measure import _BITS as _COUNT_FIELD_BITS
from .measure import _COUNT_BITS, _POLY, WORD_TABLES, Readability, SentenceCounts, _packed_counts, clear_word_tables, sentence_counts

#: wordfreq Zipf frequency under which a word is uncommon (about one per million words)
UNCOMMON_ZIPF = 3.0
#: the shortest word judged on frequency (short words are rarely hard to read)
UNCOMMON_MIN_LETTERS = 4

_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True)
class LanguageCounts:
    words: int = 0
    jargon: int = 0
    acronyms: int = 0
    uncommon: int = 0
    complex: int = 0  #: words that are any of jargon, acronym or uncommon (each once)
    content_words: int = 0

    @property
    def complex_language_share(self) -> float | None:
        return self.complex / self.words if self.words else None

    @property
    def lexical_density(self) -> float | None:
        return self.content_words / self.words if self.words else None


@dataclass(frozen=True)
class MeasuredReadability(Readability):
    """The reading-age measures and the two SHeLL-comparable ones (their JSON keys follow)."""

    complex_language_share: float | None = None  #: (jargon + uncommon + acronyms) / words
    lexical_density: float | None = None  #: content words / words
    language_counts: LanguageCounts | None = None

    def to_dict(self) -> dict:
        d = Readability.to_dict(self)
        for key in ("complex_language_share", "lexical_density"):
            if d[key] is not None:
                d[key] = round(d[key], 3)
        return d


def with_language_measures(readability: Readability, doc: Document, sentences, words=None, found=None) -> MeasuredReadability:
    """``readability`` with the complex-language share and lexical density of ``doc``'s prose
    (``words``, ``found``: as for ``count_language``)."""
    return measured(readability, count_language(doc, sentences, words_of=words, found=found))


def measured(readability: Readability, c: LanguageCounts) -> MeasuredReadability:
    """``readability`` with the language measures of ``c``."""
    base = {k: getattr(readability, k) for k in readability.__dataclass_fields__}
    return MeasuredReadability(
        **base,
        complex_language_share=c.complex_language_share,
        lexical_density=c.lexical_density,
        language_counts=c,
    )


def count_language(doc: Document, sentences, masks=None, words_of=None, found=None) -> LanguageCounts:
    """Count the words, complex words and content words of the prose sentences of ``doc``.
    ``words_of``: a function from a sentence to its words (``prose.iter_words``), when the
    caller keeps them (the analysis Context finds them once for every rule); ``found``: the
    words of each prose sentence of ``sentences``, in order, when the caller has them already.

    Each word's counts are packed into one integer (``_Packed``, looked up once a word), so a
    sentence's are one ``sum`` of its words' texts (all made in one pass); in a sentence with a
    medical term, the words inside it are then found by their offsets and counted as jargon
    instead."""
    text = doc.text
    prose = [s for s in sentences if s.kind == "prose"]
    if found is None:
        if words_of is None:
            masks = masked_spans(doc) if masks is None else masks
            found = [list(iter_words(doc, s.start, s.end, masks)) for s in prose]
        else:
            found = list(map(words_of, prose))
    all_texts = [f.texts if isinstance(f, SentenceWords) else [w.text for w in f] for f in found]
    # the sentences that may hold a medical term, found in one pass over the document (None:
    # every sentence is searched, as each sentence's own test in _covered decides)
    jargon_re = _jargon_pattern()
    maybe = _maybe_jargon(text, prose) if jargon_re is not None else {}
    if maybe is None:
        covered = [_covered(jargon_re, text, s.start, s.end) for s in prose]
    else:
        covered = [_covered_from(text, maybe[i], s.end) if i in maybe else () for i, s in enumerate(prose)]
    return _language_counts(found, all_texts, map(sum, map(map, repeat(_PACKED.inside.__getitem__), all_texts)), covered)


def count_prose(text: str, prose: list, found: list[SentenceWords]) -> tuple[list[SentenceCounts], LanguageCounts]:
    """``measure.count_sentences(text, found)`` and ``count_language`` of the prose sentences
    ``prose`` (in order; ``found``: their SentenceWords), in one pass over their words: each
    word's counts for both are looked up at once (``_BOTH``) and summed a sentence (issue 20)."""
    both = _BOTH
    if len(both) >= _PACKED.LIMIT:  # (cleared before the sums, never during them)
        clear_word_tables()
    all_texts = [f.texts for f in found]
    sums = list(map(sum, map(map, repeat(both.__getitem__), all_texts)))
    poly_of = _POLY.__contains__
    counted = []
    for f, texts, packed in zip(found, all_texts, sums):  # (sentence_counts, without a call a sentence)
        if (packed >> _NUMBERS) & _COUNT_FIELD >= 2:
            counted.append(sentence_counts(text, f, texts, packed, poly_of))
            continue
        poly = (packed >> _POLYSYLLABLES) & _COUNT_FIELD
        counted.append(SentenceCounts(packed & _COUNT_FIELD, (packed >> _SYLLABLES) & _COUNT_FIELD, poly, list(filter(poly_of, texts)) if poly else []))
    covered = _terms_by_words(text, prose, found, all_texts, [p >> _FLAG_SHIFT for p in sums])
    return counted, _language_counts(found, all_texts, [(p >> _COUNT_BITS) & _LANGUAGE for p in sums], covered)


def _terms_by_words(text: str, prose: list, found: list[SentenceWords], all_texts: list[list[str]], flags: list[int]) -> list:
    """``_covered`` of each of ``prose``, given its words (``found``, their texts ``all_texts``)
    and the sum of their flags (``_key_flags``): see ``_TermsByWords``."""
    jargon_re = _jargon_pattern()
    if jargon_re is None:
        return [()] * len(prose)
    if not _keys_are_pieces():
        return [_covered(jargon_re, text, s.start, s.end) for s in prose]
    # (a sentence whose only flags are of a longer term's first word, "the", "to", "in", is
    # asked only when the document holds a pair of words that may be such a term: issue 20)
    ask = _FIELD if not any(flag >> _BITS for flag in flags) or not _pair_in(all_texts) else -1
    terms = _TermsByWords(jargon_re, text, prose, found, all_texts, flags).covered
    return [terms(i) if flag & ask or not f.whole else () for i, (flag, f) in enumerate(zip(flags, found))]


def _pair_in(all_texts: list[list[str]]) -> bool:
    """False only when no word of ``all_texts`` (sentences' words) ends with a longer medical
    term's first word followed by a word that starts with one of its second words
    (``_PAIR_SECONDS``): the words in lower case, joined by spaces, hold no "first second"."""
    firsts = set(filter(_PAIR_SECONDS.__contains__, chain.from_iterable(all_texts)))
    if not firsts:
        return False
    joined = " ".join(chain.from_iterable(all_texts)).lower()
    return any(first + " " + second in joined for first, seconds in map(_PAIR_SECONDS.__getitem__, firsts) for second in seconds)


class _TermsByWords:
    """``_covered`` of each prose sentence, found from its words' flags (``_key_flags``, summed a
    sentence: ``flags``) instead of a search of all its runs of letters, digits and hyphens.

    A term starts at a run that is its key (``_covered``). Such a run, ASCII and with no
    character of ``_FOLDS``, is a piece of one of the sentence's words (a word cut at ".", "'"
    and "’": a run holds none of them, and a word holds every character a run holds but "_",
    which no key has): a piece that is a one-word term's key (``_KEY_PIECES``), or, for a
    longer term, the last piece of a word followed by a word whose first piece is one of its
    second words (``_PAIR_SECONDS``: only spaces lie between them). ``_covered_from`` tries the
    places where those pieces are in the sentence, in order (a superset of the runs that are
    keys). A word with a
    character of ``_FOLDS``, or a sentence whose words leave a placeholder or address out
    (``SentenceWords.whole``), is searched run by run (``_covered``)."""

    __slots__ = ("pattern", "text", "prose", "found", "all_texts", "flags")

    def __init__(self, pattern, text, prose, found, all_texts, flags) -> None:
        self.pattern, self.text, self.prose, self.found, self.all_texts, self.flags = pattern, text, prose, found, all_texts, flags

    def covered(self, i: int):
        flags = self.flags[i]
        whole = self.found[i].whole
        if not flags and whole:
            return ()
        s = self.prose[i]
        if not whole:
            return _covered(self.pattern, self.text, s.start, s.end)
        texts = self.all_texts[i]
        keys = set()  # the pieces that may start a term here
        if flags & _FIELD:
            pieces_of = _KEY_PIECES
            for k in compress(count(), map(pieces_of.__contains__, texts)):
                pieces = pieces_of[texts[k]]
                if pieces is None:  # a character of _FOLDS
                    return _covered(self.pattern, self.text, s.start, s.end)
                keys.update(pieces)
        if flags >> _BITS:
            seconds_of, first_piece, last = _PAIR_SECONDS, _FIRST_PIECE, len(texts) - 1
            for k in compress(count(), map(seconds_of.__contains__, texts)):
                first, seconds = seconds_of[texts[k]]
                if k < last and first_piece[texts[k + 1]] in seconds:
                    keys.add(first)
        if not keys:
            return ()
        # every place where one of them is in the sentence's lower case (the same offsets: no
        # character of _FOLDS), in order: a superset of the runs that are keys
        lowered = self.text[s.start : s.end].lower()
        return _covered_from(self.text, sorted({s.start + i for key in keys for i in offsets(lowered, key)}), s.end)


def _language_counts(found: list, all_texts: list[list[str]], sums, covered: list) -> LanguageCounts:
    """``count_language`` of the prose sentences whose words are ``found`` (their texts
    ``all_texts``), given each one's sum of its words' ``_PACKED.inside`` and where its medical
    terms are (``_covered``)."""
    inside, first_delta = _PACKED.inside, _PACKED.first_delta
    plain = 0  # the counts of the sentences not in capitals, packed as _Packed's fields
    total = 0  # those of the sentences in capitals
    jargon = 0
    for texts, packed, terms, words in zip(all_texts, sums, covered, found):
        if not packed:
            continue  # no counted word
        f = 0 if inside[texts[0]] else next(k for k, t in enumerate(texts) if inside[t])  # the first counted word
        packed += first_delta[texts[f]]
        if terms:  # a word inside a medical term is jargon, so neither uncommon nor complex again
            spans = words.spans() if isinstance(words, SentenceWords) else [(w.start, w.end) for w in words]
            word_starts = [a for a, _b in spans]
            for x, y in terms:  # (in order, not overlapping): the words inside each, in order
                k = bisect_left(word_starts, x)
                while k < len(spans) and spans[k][1] <= y:
                    t = texts[k]
                    code = inside[t]
                    if code:
                        if k == f:
                            code += first_delta[t]
                        jargon += 1
                        packed -= code & _UNCOMMON_AND_COMPLEX
                    k += 1
        upper = (packed >> _BITS) & _FIELD
        if upper > 2 and upper > (packed & _FIELD) * 0.6:  # a sentence in capitals: no acronyms
            n, _upper, content, _a, _u, _c, uncommon, complex_ = _unpack(packed)
            total += _pack(n, 0, content, 0, uncommon, complex_, 0, 0)
        else:
            plain += packed  # (the fields of capitals are left out at the end: they only carry upwards)
    words, _upper, content, acronyms, uncommon, complex_, _us, _cs = _unpack(total + (plain & _NOT_SHOUTING))
    return LanguageCounts(words, jargon, acronyms, uncommon, complex_ + jargon, content)


#: the packed counts: each a field of _BITS bits of one integer, in this order: counted words,
#: in capitals, content words, then for a sentence not in capitals acronyms, uncommon words and
#: complex words, then for a sentence in capitals uncommon and complex words (no acronyms)
_BITS = 40
_FIELD = (1 << _BITS) - 1
_NOT_SHOUTING = (1 << (6 * _BITS)) - 1
#: the fields of measure's packed counts (``sentence_counts``): words, syllables, polysyllables, numbers
_COUNT_FIELD = (1 << _COUNT_FIELD_BITS) - 1
_SYLLABLES, _POLYSYLLABLES, _NUMBERS = _COUNT_FIELD_BITS, 2 * _COUNT_FIELD_BITS, 3 * _COUNT_FIELD_BITS
#: the fields of the packed counts, and where ``_BOTH`` puts a word's flags (``_key_flags``)
_LANGUAGE_BITS = 8 * _BITS
_LANGUAGE = (1 << _LANGUAGE_BITS) - 1
_FLAG_SHIFT = _COUNT_BITS + _LANGUAGE_BITS
#: the fields of uncommon and complex words, in capitals or not
_UNCOMMON_AND_COMPLEX = ((1 << (2 * _BITS)) - 1) << (4 * _BITS) | ((1 << (2 * _BITS)) - 1) << (6 * _BITS)


def _pack(*fields: int) -> int:
    return sum(f << (k * _BITS) for k, f in enumerate(fields))


def _unpack(packed: int) -> tuple[int, ...]:
    return tuple((packed >> (k * _BITS)) & _FIELD for k in range(8))


def _word_packed(word: str, first: bool) -> int:
    traits = _traits(word)
    if traits is None:
        return 0
    upper, acronym, uncommon_first, uncommon_inside, content = traits
    unc = uncommon_first if first else uncommon_inside
    return _pack(1, upper, content, acronym, unc and not acronym, acronym or unc, unc, unc)


class _Both(dict):
    """Word -> its packed counts for the reading age (``measure._packed_counts``, in the low
    ``_COUNT_BITS`` bits), inside a sentence for the language measures (``_PACKED.inside``,
    the next ``_LANGUAGE_BITS``) and whether a medical term may start in it (``_key_flags``,
    above them): a table of facts about a word, worked out when first met, cleared with the
    reading age's (``measure.clear_word_tables``)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = _packed_counts(word) | _PACKED.inside[word] << _COUNT_BITS | _key_flags(word) << _FLAG_SHIFT
        return value


class _FirstPiece(dict):
    """Word -> its first piece (cut at ".", "'" and "’") in lower case."""

    def __missing__(self, word: str) -> str:
        value = self[word] = _PIECE_CUT.split(word.lower(), 1)[0]
        return value


#: words with a piece (lower case) that is a one-word medical term's key -> those pieces (None for
#: a word with a character of ``_FOLDS``); words whose last piece is the first word of a longer
#: term -> (that piece, the term's second words). Filled by ``_key_flags``, cleared with ``_BOTH``.
_KEY_PIECES: dict[str, tuple[str, ...] | None] = {}
_PAIR_SECONDS: dict[str, tuple[str, frozenset[str]]] = {}
_FIRST_PIECE = _FirstPiece()
_PIECE_CUT = re.compile("[.'’]")


@lru_cache(maxsize=1)
def _keys_are_pieces() -> bool:
    """Every run a medical term starts with (``_jargon_index``'s keys) is letters and digits,
    lower case, joined by single hyphens: what a word's piece can be (``_TermsByWords``)."""
    return _jargon_index() is not None and all(map(_PLAIN_KEY.fullmatch, _jargon_index()))


_PLAIN_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _key_flags(word: str) -> int:
    """1 when a medical term of one word may start in ``word`` (``_KEY_PIECES``), plus ``1 <<
    _BITS`` when its last piece is the first word of a longer term (``_PAIR_SECONDS``)."""
    if not _keys_are_pieces():
        return 0
    lower = word.lower()
    pieces = _PIECE_CUT.split(lower)
    flags = 0
    if len(lower) != len(word) or any(ch in word for ch in _FOLDS):
        _KEY_PIECES[word] = None
        flags = 1
    else:
        single = _jargon_keys()[0]
        keys = tuple(p for p in pieces if p in single)
        if keys:
            _KEY_PIECES[word] = keys
            flags = 1
    seconds = _jargon_pair_seconds().get(pieces[-1])
    if seconds:
        _PAIR_SECONDS[word] = (pieces[-1], seconds)
        flags |= 1 << _BITS
    return flags


class _Packed:
    """Word -> its packed counts inside a sentence (``inside``), and what to add when it is the
    sentence's first counted word (``first_delta``: a capitalised word there may be uncommon),
    each worked out once a word (a table of facts about a word, as ``_traits``)."""

    LIMIT = 100_000  #: words kept (a long-running server meets ever new words)

    def __init__(self) -> None:
        packed = self

        class Inside(dict):
            def __missing__(self, word: str) -> int:
                if len(self) >= packed.LIMIT:
                    self.clear()
                value = self[word] = _word_packed(word, False)
                return value

        class FirstDelta(dict):
            def __missing__(self, word: str) -> int:
                if len(self) >= packed.LIMIT:
                    self.clear()
                value = self[word] = _word_packed(word, True) - _word_packed(word, False)
                return value

        self.inside, self.first_delta = Inside(), FirstDelta()


_PACKED = _Packed()
_BOTH = _Both()
WORD_TABLES.extend((_BOTH, _KEY_PIECES, _PAIR_SECONDS, _FIRST_PIECE))


@lru_cache(maxsize=100_000)
def _traits(word: str) -> tuple[bool, bool, bool, bool, bool] | None:
    """What count_language asks of a word, looked up once a word: None when it is not
    counted (``_counted``), else (all capitals, an acronym, uncommon as a sentence's first
    word, uncommon inside a sentence, a content word)."""
    if not _counted(word):
        return None
    return (word.isupper(), _is_acronym(word), _is_uncommon(word, first=True), _is_uncommon(word, first=False), is_content_word(word))


@lru_cache(maxsize=100_000)
def _counted(word: str) -> bool:
    """A word with a letter in it and no digit (numbers, times and codes are not words here)."""
    return any(ch.isalpha() for ch in word) and not any(ch.isdigit() for ch in word)


def _covered(pattern: TermAlternation, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the medical terms are in ``text[start:end]``: the spans ``pattern.finditer`` finds."""
    index = _jargon_index() if pattern is _jargon_pattern() else None
    piece = text[start:end]
    if index is None or (not piece.isascii() and _FOLDS_TO_ASCII.search(piece)):
        return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    # A term can start only where the run of letters, digits and hyphens is its first word (the
    # next character is a space), or the whole term with its plural ending (the next character
    # is no letter, digit or hyphen): try only the terms that key picks, in the list's order, so
    # the same term wins as in the whole pattern. A term's letters are ASCII, and with none of
    # the characters that match an ASCII letter when case is ignored (_FOLDS_TO_ASCII), the run
    # it starts is ASCII too: a run with another letter in it is no key, as the whole pattern
    # finds no term there. Most sentences have no term: one findall of the runs tells (a term of
    # one word is one run; one of more words is runs in a row, its first two words two of them,
    # with only spaces between, so no other run of letters, digits and hyphens).
    if piece.isascii():  # every other character a space, in lower case: the chunks, split
        lowered = piece.translate(_ASCII_CHUNKS).split()
    else:
        lowered = " ".join(_CHUNK.findall(piece)).lower().split(" ")
    single, pairs = _jargon_keys()
    if single.isdisjoint(lowered) and pairs.isdisjoint(map(" ".join, zip(lowered, lowered[1:]))):
        return []
    return _terms_at(text, _RUN.finditer(text, start, end), end, index)


def _maybe_jargon(text: str, prose: list) -> dict[int, list[int]] | None:
    """Where ``_covered`` may find a medical term in each of ``prose`` (sentences in document
    order), worked out for the whole document at once: {index in ``prose``: the offsets where
    a run of letters, digits and hyphens may start one, in order} (``_covered_from`` finds the
    terms from them); a sentence not in it has none. None when every sentence must be searched
    on its own (a character that folds to ASCII, or sentences out of order, overlapping, or
    starting or ending inside a run).

    ``_covered`` tries a term only at a run whose lower case is a key of ``_jargon_index``, and
    finds none in a sentence whose runs hold no key of ``_jargon_keys``. A sentence that starts
    and ends between runs has its runs as a stretch of the document's, and its pairs of runs
    in a row among the document's. The document's runs are read from its text with every
    character that is not an ASCII letter, digit, "_" or "-" made a space: a run that is all
    ASCII (every key is) is then the same run, two in a row still in a row, and a run with
    another letter in it is cut into pieces that are no such runs (extra runs: only a
    superset). A term can match only at a run that is a one-word key, or the first word of a
    pair of keys found in a row, among the document's runs: every place where such a word
    appears in that text (as a string: again a superset) is kept, and ``_covered_from`` tries
    only those that start a run, exactly as ``_covered`` tries each run."""
    if not prose:
        return {}
    if _jargon_index() is None:
        return None
    if not text.isascii() and any(ch in text for ch in _FOLDS):
        return None
    # (one byte a character, "?" for any other than ASCII: offsets are the text's)
    lowered = text.encode("ascii", "replace").translate(_ASCII_RUNS).decode("ascii")
    starts = [s.start for s in prose]
    ends = [s.end for s in prose]
    if not all(map(le, ends[:-1], starts[1:])):
        return None  # out of order or overlapping: not what bisect below can place
    # each sentence starts and ends between runs: the characters before and after it are none
    # of a run's (a space in ``lowered``, and no letter or digit outside ASCII)
    edges = [i - 1 for i in starts if i > 0] + [i for i in ends if i < len(text)]
    if edges:
        pick = itemgetter(*edges) if len(edges) > 1 else (lambda x: (x[edges[0]],))
        if set(pick(lowered)) != {" "}:
            return None  # a sentence cut inside a run: its runs are not the document's
        if not text.isascii() and any(ch > "\x7f" and _CHUNK.match(ch) for ch in pick(text)):
            return None
    runs = lowered.split()
    present = set(runs)
    single, _pairs = _jargon_keys()
    keys = set(single.intersection(present))
    seconds = _jargon_pair_seconds()
    joined = None
    for first in seconds.keys() & present:
        for second in seconds[first] & present:
            joined = joined or " " + " ".join(runs) + " "
            if " " + first + " " + second + " " in joined:
                keys.add(first)
                break
    if not keys:
        return {}
    found: dict[int, set[int]] = {}
    for key in keys:
        for i in offsets(lowered, key):
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < ends[k]:
                found.setdefault(k, set()).add(i)
    return {k: sorted(v) for k, v in found.items()}


def _covered_from(text: str, starts: list[int], end: int) -> list[tuple[int, int]]:
    """``_covered`` of a sentence ending at ``end``, trying only ``starts`` (``_maybe_jargon``:
    in order, every run of the sentence whose lower case is a key among them)."""
    # (a run starts at each place: its look-behind reads the text before)
    return _terms_at(text, (_RUN.match(text, pos, end) for pos in starts), end, _jargon_index())


def _terms_at(text: str, runs, end: int, index: dict) -> list[tuple[int, int]]:
    """The medical terms that begin at ``runs`` (matches of _RUN in order; None: no run there)
    before ``end``: each run's key picks the terms to try (``_jargon_index``), and a run inside
    a term already found is passed over."""
    out = []
    after = 0
    for run in runs:
        if run is None:
            continue
        pos = run.start()
        if pos < after:
            continue
        terms = index.get(run.group().lower())
        if terms is None:
            continue
        m = terms.match(text, pos, end)
        if m is not None:
            out.append((pos, m.end()))
            after = m.end()
    return out


#: ASCII bytes to the runs' characters: a letter in lower case, a digit, "_" or "-"; any other a space
_ASCII_RUNS = bytes(c if chr(c).isdigit() or chr(c) in "_-" else ord(chr(c).lower()) if chr(c).isalpha() else 32 for c in range(128)) + b" " * 128


@lru_cache(maxsize=1)
def _jargon_pair_seconds() -> dict[str, frozenset[str]]:
    """The first word of each pair of ``_jargon_keys`` -> the second words it is paired with."""
    out: dict[str, set[str]] = {}
    for pair in _jargon_keys()[1]:
        first, second = pair.split(" ")
        out.setdefault(first, set()).add(second)
    return {k: frozenset(v) for k, v in out.items()}


#: the characters other than ASCII that Python's regular expressions match with an ASCII letter,
#: digit or "_" when case is ignored ("İ", "ı", "ſ", the Kelvin sign; tests/test_core_counts_once.py
#: finds them among every character)
_FOLDS = "\u0130\u0131\u017f\u212a"
_FOLDS_TO_ASCII = re.compile(f"[{_FOLDS}]")


#: a run of letters, digits and hyphens where a term may start (as the pattern's look-behind)
_RUN = re.compile(r"(?<![\w-])\w[\w-]*")
#: letters, digits and hyphens: each run is one of these (one that starts with a hyphen is no run;
#: one at the start of a sentence may be the end of a run), found quicker
_CHUNK = re.compile(r"[\w-]+")
#: ASCII text to its chunks (``_CHUNK``) in lower case, with spaces between them
_ASCII_CHUNKS = str.maketrans({c: chr(c).lower() if chr(c).isalnum() or chr(c) in "_-" else " " for c in range(128)})
_BEFORE, _AFTER = r"(?<![\w-])", r"(?:e?s)?(?![\w-])"


@lru_cache(maxsize=1)
def _jargon_terms() -> tuple[list[str], list[str]]:
    """The medical word list's terms, longest first, and each as a regular expression."""
    from .. import wordlists

    terms = {e.term.lower() for e in wordlists.load(wordlists.resolve("medical.tsv"))}
    terms = sorted((t for t in terms if t.strip()), key=len, reverse=True)
    return terms, [r"\s+".join(re.escape(part) for part in t.split()) for t in terms]


@lru_cache(maxsize=1)
def _jargon_pattern() -> TermAlternation | None:
    """The terms of the medical word list, longest first, as one alternation (also plural)."""
    terms, alternatives = _jargon_terms()
    if not terms:
        return None
    return TermAlternation(terms, alternatives, _BEFORE, _AFTER, re.IGNORECASE)


@lru_cache(maxsize=1)
def _jargon_index() -> CompiledOnUse | None:
    """The run of letters, digits and hyphens a term's match starts with, lower case -> the
    terms that may start there, in the list's order, as one pattern made as the whole one
    (compiled the first time a text has that run: a letter asks for a few of the 1,771).
    None when a term is not plain ASCII words (then the whole pattern is searched)."""
    terms, alternatives = _jargon_terms()
    keyed: dict[str, list[int]] = {}
    for k, term in enumerate(terms):
        parts = term.split()
        if not term.isascii() or not _PLAIN_FIRST.fullmatch(parts[0]):
            return None
        first = parts[0]
        for key in (first,) if len(parts) > 1 else (first, first + "s", first + "es"):
            keyed.setdefault(key, []).append(k)
    return CompiledOnUse(
        {key: _BEFORE + "(?:" + "|".join(alternatives[k] for k in ks) + ")" + _AFTER for key, ks in keyed.items()},
        re.IGNORECASE,
    )


_PLAIN_FIRST = re.compile(r"\w[\w-]*")


@lru_cache(maxsize=1)
def _jargon_keys() -> tuple[frozenset[str], frozenset[str]]:
    """What the runs of a sentence (lower case) must hold for a medical term to be there: a term
    of one word, alone or with its plural ending; a term of more words, its first two words as
    two runs in a row, joined by a space (the second with a plural ending when it is the last)."""
    single, pairs = set(), set()
    for term in _jargon_terms()[0]:
        parts = term.split()
        if len(parts) == 1:
            single.update((term, term + "s", term + "es"))
        else:
            two = parts[0] + " " + parts[1]
            pairs.update((two, two + "s", two + "es") if len(parts) == 2 else (two,))
    return frozenset(single), frozenset(pairs)


@lru_cache(maxsize=1)
def _known_everyday() -> frozenset[str]:
    from .. import wordlists

    out: set[str] = set()
    for name in ("everyday.tsv", "medicines.tsv"):
        for e in wordlists.load(wordlists.resolve(name)):
            out.update(e.term.lower().split())
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _is_acronym(word: str) -> bool:
    from .syllables import is_glance_token

    if not _ACRONYM.fullmatch(word):
        return False
    core = word[:-1] if word.endswith("s") else word
    return is_glance_token(core)




@lru_cache(maxsize=100_000)
def _is_uncommon(word: str, first: bool) -> bool:
    if not word.isalpha() or len(word) < UNCOMMON_MIN_LETTERS:
        return False
    if word[0].isupper() and not first:
        return False  # a name, a place, a sign
    lower = word.lower()
    if lower in _known_everyday():
        return False
    for form in (lower, lower[:-1] if lower.endswith("s") else None, lower[:-2] if lower.endswith("es") else None):
        if form and form in _known_everyday():
            return False
    return zipf(word) < UNCOMMON_ZIPF


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=100_000)
def is_content_word(word: str) -> bool:
    """Not a function word: not on spaCy's English stop list (see the module docstring)."""
    w = word.lower().translate(_APOSTROPHES)
    stop = _stop_words()
    if "'" in w:
        if w.endswith("n't"):
            return False
        w = w.split("'", 1)[0]
    parts = [p for p in w.split("-") if p]
    return any(p not in stop for p in parts) if parts else False

