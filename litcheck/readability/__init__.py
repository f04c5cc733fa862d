"""Reading age: counts from a Document's prose sentences, then the formulas; and the
SHeLL-comparable measures (complex-language share, lexical density: ``shell.py``)."""

from .measure import Readability
from .measure import measure as _reading_age
from .shell import MeasuredReadability, with_language_measures


def measure(doc, sentences, *args, words=None, **kwargs) -> MeasuredReadability:
    """``measure.measure`` (the reading age and its counts) with the two SHeLL-comparable
    measures added (``shell.with_language_measures``; ``words``: a function from a sentence
    to its words, when the caller keeps them)."""
    return with_language_measures(_reading_age(doc, sentences, *args, **kwargs), doc, sentences, words=words)


__all__ = ["Readability", "MeasuredReadability", "measure"]
