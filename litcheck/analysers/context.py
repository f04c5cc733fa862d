"""What analysers share about one document, computed once and only when asked for."""

from __future__ import annotations

from operator import lt

from ..document import Document, cached_property
from ..findings import Finding

#: what ``memo`` finds for a key it has not worked out yet
_MISSING = object()


def _kept(table: dict, sentence, default=None):
    """What ``_keep`` kept for ``sentence`` (or a sentence equal to it) in ``table``, or
    ``default``. Looked up by the sentence's start; only another sentence that starts there
    is looked up by the sentence itself (a Sentence's hash is worked out in Python, from all its
    fields: a few microseconds a look-up, hundreds of look-ups a letter)."""
    hit = table.get(sentence.start, _MISSING)
    if hit is _MISSING:
        return default
    if hit[0] is sentence or hit[0] == sentence:
        return hit[1]
    return table.get(("sentence", sentence), default)


def _keep(table: dict, sentence, value):
    """Keep ``value`` for ``sentence`` in ``table`` (see ``_kept``) and give it back."""
    if sentence.start in table:
        table[("sentence", sentence)] = value  # another sentence starts there
    else:
        table[sentence.start] = (sentence, value)
    return value


class _Lazy:
    """What the per-sentence methods below use from other modules, imported on first use and
    then kept: an import statement inside a method called for every sentence or pattern costs
    a few microseconds each time (issue 20), the look-up of a kept attribute almost nothing."""

    _FROM = {"count_sentence": "..readability.measure", "SentenceWords": "..prose", "span_word_texts": "..prose", "prefilter_for": "..prefilter", "Lowered": "..prefilter"}

    def __getattr__(self, name: str):
        from importlib import import_module

        if name not in self._FROM:
            raise AttributeError(name)
        value = getattr(import_module(self._FROM[name], __package__), name)
        setattr(self, name, value)
        return value


_lazy = _Lazy()


class Context:
    """One document being checked: its sentences, tokens and readability, lazily."""

    def __init__(self, document: Document, profile: str | None = None, options: dict | None = None) -> None:
        self.document = document
        self.profile = profile
        self.options = options or {}
        #: the rules check_document runs on this document (selected, and for its profile)
        self.rules_run: list = []
        #: every rule loaded for this check, selected or not (the sentence ladder reads its limits)
        self.ruleset: list = []
        #: what the report should tell the user about this check (a service that did not answer)
        self.notices: list[str] = []
        self._memo: dict = {}

    def memo(self, key: str, compute):
        """``compute(self)``, worked out once per document and kept under ``key``: the place
        for a value several rules share (the practical details found, their sentence units)."""
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            found = self._memo[key] = compute(self)
        return found

    @cached_property
    def sentences(self):
        from ..segment import split_sentences

        return split_sentences(self.document)

    @cached_property
    def masks(self) -> list[tuple[int, int]]:
        from ..prose import masked_spans

        return masked_spans(self.document)

    @cached_property
    def tokens(self):
        """spaCy tokens (with lookup lemmas) for the whole text."""
        from ..nlp import tokens

        return tokens(self.document.text)

    @cached_property
    def readability(self):
        from ..readability import measure
        from .metric import reading_age_basis

        return measure(self.document, self.sentences, counts=self.counts, basis=reading_age_basis(self), words=self.words, keep=self._keep_counts,
                       words_of_all=self._words_of_all)

    def _words_of_all(self, sentences) -> list:
        """``words`` of each of ``sentences``, made and kept all at once when nothing is kept yet
        and nothing is masked (the reading age's prose: issue 20)."""
        table = self._words
        starts = [s.start for s in sentences]
        if table or self.masks or not all(map(lt, starts, starts[1:])):
            return list(map(self.words, sentences))
        text, get, make = self.document.text, self.document.span_words.get, _lazy.SentenceWords.of_span
        found = [make(text, s.start, get((s.start, s.end)) or _lazy.span_word_texts(self.document, s.start, s.end)) for s in sentences]
        table.update(zip(starts, zip(sentences, found)))
        return found

    def _keep_counts(self, sentences, counts) -> None:
        """Keep each of ``counts`` as its sentence's (counted all at once for the reading age),
        where a sentence has none kept yet."""
        table = self._counts
        starts = [s.start for s in sentences]
        if not table and all(map(lt, starts, starts[1:])):  # (nothing kept yet, no start twice: all at once)
            table.update(zip(starts, zip(sentences, counts)))
            return
        for sentence, c in zip(sentences, counts):
            if _kept(table, sentence) is None:
                _keep(table, sentence, c)

    @cached_property
    def _counts(self) -> dict:
        return {}

    def counts(self, sentence):
        """Words, syllables and long words of one sentence, counted once per document."""
        found = _kept(self._counts, sentence)
        if found is None:
            found = _keep(self._counts, sentence, _lazy.count_sentence(self.document, sentence, self.masks, self.words(sentence)))
        return found

    @cached_property
    def _words(self) -> dict:
        return {}

    def words(self, sentence):
        """The words of one sentence as a reader reads them (``prose.iter_words``: no template
        fields, web or e-mail addresses), found once per document: a sequence of Word
        (``prose.SentenceWords``, whose texts the counts read without making each Word)."""
        found = _kept(self._words, sentence)
        if found is None:
            found = _keep(self._words, sentence, _lazy.SentenceWords(self.document, sentence.start, sentence.end, self.masks))
        return found

    def sentences_in(self, scope) -> list:
        """The sentences whose kind is in ``scope`` (a new list each time; found once a scope)."""
        found = self._in_scope.get(scope)
        if found is None:
            found = self._in_scope[scope] = [s for s in self.sentences if s.kind in scope]
        return list(found)

    @cached_property
    def _in_scope(self) -> dict:
        return {}

    def may_match(self, pattern) -> bool:
        """False only when the regular expression ``pattern`` cannot match anywhere in the text
        (none of the words every match contains is there: ``litcheck.prefilter``), so its
        search can be skipped; True says nothing."""
        return _lazy.prefilter_for(pattern).could_match(self.lowered())

    def lowered(self):
        """The text lower-cased once, for prefilter tests (``litcheck.prefilter.Lowered``)."""
        lowered = self._memo.get("lowered")
        if lowered is None:
            lowered = self._memo["lowered"] = _lazy.Lowered(self.document.text)
        return lowered

    def is_masked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a placeholder, URL or e-mail address."""
        return any(s < end and start < e for s, e in self.masks)

    def finding(self, rule, start: int, end: int, message: str, suggestions=(), severity: str | None = None) -> Finding:
        doc = self.document
        line, column = doc.line_column(start)
        block = doc.block_at(start)
        return Finding(
            rule=rule.id,
            severity=severity or rule.severity,
            east=rule.east,
            message=message,
            text=doc.text[start:end],
            start=start,
            end=end,
            line=line,
            column=column,
            suggestions=tuple(suggestions),
            location=dict(block.location) if block else {},
        )
