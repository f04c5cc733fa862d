"""Reading age: counts from a Document's prose sentences, then the formulas; and the
SHeLL-comparable measures (complex-language share, lexical density: ``shell.py``)."""

from ..prose import SentenceWords
from .measure import Readability, measure_counted
from .measure import measure as _reading_age
from .shell import MeasuredReadability, count_prose, measured, with_language_measures


def measure(doc, sentences, *args, words=None, keep=None, words_of_all=None, **kwargs) -> MeasuredReadability:
    """``measure.measure`` (the reading age and its counts) with the two SHeLL-comparable
    measures added (``shell.with_language_measures``; ``words``: a function from a sentence
    to its words, when the caller keeps them).

    ``keep``: with ``words``, a function given the prose sentences and their SentenceCounts,
    for the caller to keep (the analysis Context): the prose sentences are then counted all
    at once, with the language measures (``shell.count_prose``), not through ``counts`` one
    by one (issue 20); ``words_of_all``: a function from a list of sentences to their words, all
    at once, for those prose sentences (else ``words``, one by one)."""
    if keep is not None and words is not None and not args:
        prose = [s for s in sentences if s.kind == "prose"]
        found = list(map(words, prose)) if words_of_all is None else words_of_all(prose)
        if all(type(f) is SentenceWords for f in found):
            counted, language = count_prose(doc.text, prose, found)
            keep(prose, counted)
            return measured(measure_counted(counted, kwargs.get("basis", "smog")), language)
    return with_language_measures(_reading_age(doc, sentences, *args, **kwargs), doc, sentences, words=words)


__all__ = ["Readability", "MeasuredReadability", "measure"]
