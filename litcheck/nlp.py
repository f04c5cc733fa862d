"""spaCy, loaded once per process and only when a check needs it.

No trained model can be downloaded (litcheck never fetches anything at run time), so this
is spaCy's rule-based English tokenizer with the lookup lemmatizer from spacy-lookups-data.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def english():
    """A blank English pipeline with lookup lemmas: tokens, ``lemma_``, nothing trained."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def tokens(text: str):
    """Tokenise and lemmatise ``text``; returns a spaCy Doc."""
    return english()(text)
