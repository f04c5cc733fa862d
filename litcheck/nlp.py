"""spaCy, loaded once per process and only when a check needs it.

No trained model can be downloaded (litcheck never fetches anything at run time), so this
is spaCy's rule-based English tokenizer, and each token's ``lemma_`` comes from spaCy's
English lookup-lemma table, shipped with litcheck (litcheck/lexicon/en_lemmas.tsv.gz, built
by scripts/build_lexicon.py from spacy-lookups-data): the same lemma spaCy's lookup
lemmatizer gave (the table's entry for the token's text, else the text), without
spacy-lookups-data (100 MB) at run time and without its start-up cost.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

#: litcheck's shipped English tables (sources and licences in its README.md)
LEXICON = Path(__file__).resolve().parent / "lexicon"


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """Word form -> lookup lemma (case as written: "Tablets" is not "tablets")."""
    text = gzip.decompress((LEXICON / "en_lemmas.tsv.gz").read_bytes()).decode("utf-8")
    cells = text.replace("\n", "\t").split("\t")[:-1]  # form, lemma, form, lemma...
    return dict(zip(cells[0::2], cells[1::2]))


@lru_cache(maxsize=1)
def english():
    """A blank English pipeline with lookup lemmas: tokens, ``lemma_``, nothing trained.

    Built once per process: spaCy's English tokenizer (its exceptions and punctuation rules)
    and one component, ``litcheck_lemmas``, that sets every token's lemma from the table.
    """
    from spacy.lang.en import English

    _register()
    nlp = English()
    nlp.add_pipe("litcheck_lemmas")
    return nlp


_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    from spacy.language import Language

    if "litcheck_lemmas" not in Language.factories:
        Language.component("litcheck_lemmas", assigns=["token.lemma"])(_set_lemmas)
    _registered = True


def _set_lemmas(doc):
    table = lemma_table()
    for token in doc:
        text = token.text
        token.lemma_ = table.get(text, text)
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
    return english()(text)


_LONG = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


def _broken(match) -> str:
    run = match.group()
    return "".join(" " if i and i % LONG_RUN == 0 else ch for i, ch in enumerate(run))
