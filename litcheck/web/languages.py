"""What the upload page says about text in other languages (which language, how much of
the letter it is), from litcheck.languages and the sentences litcheck did not score."""

from __future__ import annotations

from collections import Counter

from ..languages import WORD, looks_foreign, name_language
from ..segment import split_sentences


def found(document) -> dict:
    """What the page says about other languages in ``document``.

    {"languages": ["Welsh"], "foreign_words": n, "english_words": m, "all_foreign": bool};
    "languages" is empty when nothing is in another language.
    """
    names: Counter[str] = Counter()
    foreign = english = scored = 0
    for sentence in split_sentences(document):
        text = document.text[sentence.start : sentence.end]
        words = WORD.findall(text)
        if sentence.kind == "foreign":
            foreign += len(words)
            names[name_language(text) or "another language"] += len(words)
        elif sentence.kind == "prose":
            english += len(words)
            if looks_foreign(words):
                scored += 1
    languages = [n for n, _ in names.most_common()]
    return {"languages": languages, "foreign_words": foreign, "english_words": english,
            "all_foreign": bool(foreign) and english < 0.1 * (english + foreign),
            "scored_as_english": scored}
