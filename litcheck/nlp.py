"""spaCy, loaded once per process and only when a check needs it.

No trained model can be downloaded (litcheck never fetches anything at run time), so this
is spaCy's rule-based English tokenizer with the lookup lemmatizer from spacy-lookups-data.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def english():
    """A blank English pipeline with lookup lemmas: tokens, ``lemma_``, nothing trained."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


#: a run of this many characters with no space is no word: spaCy's tokenizer slows down with
#: the square of such a run (a page of "((((" or "{{{{"), so it is cut into pieces first
LONG_RUN = 100


def tokens(text: str):
    """Tokenise and lemmatise ``text``; returns a spaCy Doc. Runs of more than ``LONG_RUN``
    characters with no space have every ``LONG_RUN``-th character read as a space: the
    text keeps its length, so every offset still points at the same character."""
    if len(text) > LONG_RUN and _LONG.search(text):
        text = _LONG.sub(_broken, text)
    return english()(text)


_LONG = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


def _broken(match) -> str:
    run = match.group()
    return "".join(" " if i and i % LONG_RUN == 0 else ch for i, ch in enumerate(run))
