"""spaCy, loaded once per process and only when a check needs it.

No trained model can be downloaded (litcheck never fetches anything at run time), so this
is spaCy's rule-based English tokenizer, and each token's ``lemma_`` comes from spaCy's
English lookup-lemma table, shipped with litcheck (litcheck/lexicon/en_lemmas.tsv.blocks, built
by scripts/build_lexicon.py from spacy-lookups-data): the same lemma spaCy's lookup
lemmatizer gave (the table's entry for the token's text, else the text), without
spacy-lookups-data (100 MB) at run time and without its start-up cost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache
from pathlib import Path

#: litcheck's shipped English tables (sources and licences in its README.md)
LEXICON = Path(__file__).resolve().parent / "lexicon"


@lru_cache(maxsize=1)
def lemmas():
    """Word form -> lookup lemma (case as written: "Tablets" is not "tablets"), a form at a time
    (``lemmas().get(form, form)``): each form is looked up in litcheck/lexicon/en_lemmas.tsv.blocks
    when first met (a look-up unpacks one block of the sorted table: start-up no longer reads all
    41,582 forms, issue 20), then remembered."""
    from .spelling import KeyedTable

    return KeyedTable("en_lemmas.tsv.blocks")


def lemma_table() -> dict[str, str]:
    """Every form of the shipped table with its lemma (for the tests: a check looks forms up
    one at a time, ``lemmas``)."""
    return dict(line.split("\t", 1) for line in lemmas()._table.lines())


@lru_cache(maxsize=1)
def english() -> "English":
    """spaCy's English tokenizer with lookup lemmas: tokens, ``lemma_``, nothing trained.

    Built once per process, and only what litcheck uses: spaCy's English vocabulary and its
    tokenizer (the tokenizer exceptions, prefix, suffix and infix rules of
    ``spacy.lang.en.English``, made as spaCy's own tokenizer factory makes them), then each
    token's lemma set from the table. The same tokens and lemmas as ``English()`` with a
    ``litcheck_lemmas`` component, without building a whole ``Language`` (its configuration,
    registries and component factories: about a third of the time).
    """
    return English()


class English:
    """Callable like a spaCy pipeline: ``english()(text)`` is a ``Doc`` with lemmas."""

    #: as spaCy's ``Language.max_length``: a longer text is refused with spaCy's error E088
    max_length = 1_000_000

    def __init__(self) -> None:
        from spacy import util
        from spacy.lang.en import English as SpacyEnglish
        from spacy.tokenizer import Tokenizer
        from spacy.vocab import create_vocab

        class _Tokenizer(Tokenizer):
            def _validate_special_case(self, chunk, substrings):
                """spaCy checks each of its 1,347 English exceptions as it adds it (a fifth of
                the tokenizer's start-up); they are spaCy's own and the same every time, and
                tests/test_lexicon.py compares every token with spaCy's English()."""

        defaults = SpacyEnglish.Defaults
        self.vocab = create_vocab(SpacyEnglish.lang, defaults)
        self.tokenizer = _Tokenizer(
            self.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(defaults.prefixes).search,
            suffix_search=util.compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=util.compile_infix_regex(defaults.infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    def __call__(self, text: str):
        if len(text) > self.max_length:
            from spacy.errors import Errors

            raise ValueError(Errors.E088.format(length=len(text), max_length=self.max_length))
        return _set_lemmas(self.tokenizer(text), self._lemma_ids)

    @cached_property
    def _lemma_ids(self) -> "_LemmaIds":
        return _LemmaIds(self.vocab.strings)


class _LemmaIds(dict):
    """A token's text, as its id in spaCy's string store -> its lemma's id there (the lemma of
    ``lemmas()``, added to the store): a table of facts about a word, looked up once a word,
    up to LIMIT words (a long batch meets ever more names and numbers: then it starts again)."""

    LIMIT = 200_000

    def __init__(self, strings) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, orth: int) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        text = self.strings[orth]
        lemma = self[orth] = self.strings.add(lemmas().get(text, text))
        return lemma


def _set_lemmas(doc, ids: _LemmaIds):
    """Each token's ``lemma_`` from the table, as setting ``token.lemma_ = lemmas().get(text,
    text)`` on each token would, in one pass over the Doc's arrays: no Token object is made."""
    if len(doc):
        import numpy
        from spacy.attrs import LEMMA, ORTH

        found = list(map(ids.__getitem__, doc.to_array(ORTH).tolist()))
        doc.from_array([LEMMA], numpy.array(found, dtype=numpy.uint64))
    return doc


#: a run of this many characters with no space is no word: spaCy's tokenizer slows down with
#: the square of such a run (a page of "((((" or "{{{{"), so it is cut into pieces first
LONG_RUN = 100


def tokens(text: str):
    """Tokenise and lemmatise ``text``; returns a spaCy Doc. Runs of more than ``LONG_RUN``
    characters with no space have every ``LONG_RUN``-th character read as a space: the
    text keeps its length, so every offset still points at the same character."""
    if len(text) > LONG_RUN and _LONG.search(text):
        text = _LONG.sub(_broken, text)
    doc = english()(text)
    doc.user_data[TEXT_KEY] = text  # its text (Doc.text joins every token's text each time it is asked)
    return doc


#: where ``tokens`` keeps the text it tokenised in the Doc's ``user_data`` (spaCy's Doc.text)
TEXT_KEY = "litcheck.text"


def token_range(starts: list[int], ends: list[int], reach: list[int], start: int, end: int) -> tuple[int, int] | None:
    """(first token, token after the last) of the characters ``start:end``, as spaCy's
    ``doc.char_span(start, end, alignment_mode="expand")`` gives them (None where it gives None),
    from the tokens' offsets: ``starts`` (each token's first character), ``ends`` (after its
    last) and ``reach`` (after the space that follows it, if any). The tokens whose characters
    or following space hold the first and the last character, less the first when the span
    starts at the space after it; no spaCy Span is made."""
    first, last = _token_at(starts, reach, start), _token_at(starts, reach, end - 1)
    if first < 0 or last < 0:
        return None
    if start == ends[first]:
        first += 1  # the span starts at the space after a token
    return first, last + 1


def _token_at(starts: list[int], reach: list[int], char: int) -> int:
    i = bisect_right(starts, char) - 1
    return i if i >= 0 and char < reach[i] else -1


_LONG = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


def _broken(match) -> str:
    run = match.group()
    return "".join(" " if i and i % LONG_RUN == 0 else ch for i, ch in enumerate(run))


# -- lemminflect, with its tables read from litcheck's shipped copy ------------------------


class _LemminflectTable:
    """One of lemminflect's two look-up tables (``L``: word form -> lemmas by part of speech;
    ``I``: lemma -> inflections by Penn tag), found in litcheck/lexicon/en_lemminflect.tsv.blocks
    by a binary search: lemminflect's ``dict.get`` on its table, without parsing the whole table
    into dictionaries first (what lemminflect does on first use: 0.5-1 s)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.memo: dict[str, dict[str, tuple[str, ...]] | None] = {}

    def get(self, word: str, default=None):
        entry = self.memo.get(word, False)
        if entry is False:
            entry = self.memo[word] = _lemminflect_entry(word, self.kind)
        return default if entry is None else entry


def _lemminflect_entry(word: str, kind: str) -> dict[str, tuple[str, ...]] | None:
    from .spelling import SortedLines

    global _LEMMINFLECT_TABLE
    if _LEMMINFLECT_TABLE is None:
        _LEMMINFLECT_TABLE = SortedLines("en_lemminflect.tsv.blocks")
    key = f"{word}\t{kind}\t"
    line = _LEMMINFLECT_TABLE.starting(key)
    if line is None:
        return None
    entry = {}
    for cell in line[len(key) :].split("\t"):
        tag, _, forms = cell.partition("=")
        entry[tag] = tuple(forms.split("/"))
    return entry


_LEMMINFLECT_TABLE = None


@lru_cache(maxsize=1)
def _lemminflect_module():
    import lemminflect as module
    from lemminflect import Inflections, Lemmatizer

    # lemminflect loads each table on first use unless the attribute is already there
    # (``_getLemmaDict``, ``_getInflDict``); tests/test_lexicon.py proves the shipped copy
    # equals what lemminflect loads, so a lemminflect that changed is caught there
    lemmatizer, inflections = Lemmatizer(), Inflections()
    if hasattr(lemmatizer, "_getLemmaDict") and not hasattr(lemmatizer, "lemma_dict"):
        lemmatizer.lemma_dict = _LemminflectTable("L")
    if hasattr(inflections, "_getInflDict") and not hasattr(inflections, "infl_dict"):
        inflections.infl_dict = _LemminflectTable("I")
    return module


class _Lemminflect:
    """``from litcheck.nlp import lemminflect``: the lemminflect module (``getAllLemmas``,
    ``getInflection``, ``getAllLemmasOOV``...), imported on first use, its tables read from
    litcheck's shipped copy. Every answer is lemminflect's own (its words-not-in-the-table
    rules too); only the loading is faster."""

    def __getattr__(self, name: str):
        value = getattr(_lemminflect_module(), name)
        setattr(self, name, value)
        return value


lemminflect = _Lemminflect()
