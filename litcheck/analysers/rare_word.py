"""rare_word: words that are rare in everyday English, by corpus frequency (wordfreq).

A word's Zipf frequency is log10 of how often it appears per billion words (wordfreq's
English corpus: film subtitles, news, books, the web...); everyday words score 4 to 7,
and words under about 2.5 are ones many readers will not know. UK spellings score lower
than their US forms in a mostly US corpus, so each word is scored as the best of its UK
and US spellings ("anaesthetist" as "anesthetist"). Capitalised words (names) and words on
the rule's allow-list or the organisation's accepted words are skipped. A suggestion only:
a rare word may still be the right one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..rule import Rule
from ..spelling import uk_to_us
from ..prose import iter_words
from .substitution import accepted_words


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """The Zipf frequency of ``word``, the best of its UK and US spellings."""
    from wordfreq import zipf_frequency

    w = word.lower()
    best = zipf_frequency(w, "en")
    for us in uk_to_us(w):
        best = max(best, zipf_frequency(us, "en"))
    return best


def _listed(word: str, listed: frozenset[str]) -> bool:
    from .substitution import token_forms

    return any(f in listed for f in token_forms(word, word))


class RareWord(Rule):
    kind = "rare_word"
    KEYS = {
        "min_zipf": (True, (int, float)),  # flag words rarer than this
        "min_letters": (False, (int,)),  # shorter words are left alone
        "allow": (False, (list,)),  # words never flagged
        "skip_wordlists": (False, (list,)),  # words another rule already flags, with alternatives
    }
    MESSAGE_FIELDS = frozenset({"actual", "value"})

    def setup(self, spec) -> None:
        self.min_zipf = float(spec["min_zipf"])
        self.min_letters = int(spec.get("min_letters", 5))
        self.allow = frozenset(str(w).lower() for w in spec.get("allow", ()))
        from .. import wordlists

        listed = set()
        for name in spec.get("skip_wordlists", ()):
            for e in wordlists.load(wordlists.resolve(str(name), self.path.parent)):
                listed.update(e.term.lower().split())
        self.listed = frozenset(listed)

    def check(self, ctx) -> Iterator:
        accepted = accepted_words(ctx)
        seen: set[str] = set()
        for sentence in ctx.sentences_in(self.scope):
            for word in iter_words(ctx.document, sentence.start, sentence.end, ctx.masks):
                w = word.text
                low = w.lower()
                if len(w) < self.min_letters or not w.isalpha() or not w.islower() or low in seen:
                    continue
                if low in self.allow or low in accepted or _listed(low, self.listed):
                    continue
                value = zipf(low)
                if value >= self.min_zipf:
                    continue
                seen.add(low)  # once per document is enough
                yield ctx.finding(self, word.start, word.end, self.format_message(actual=w, value=round(value, 1)))
