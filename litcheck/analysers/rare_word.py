"""rare_word: words that are rare in everyday English, by corpus frequency (wordfreq).

A word's Zipf frequency is log10 of how often it appears per billion words (wordfreq's
English corpus: film subtitles, news, books, the web...); everyday words score 4 to 7,
and words under about 2.5 are ones many readers will not know. UK spellings score lower
than their US forms in a mostly US corpus, so each word is scored as the best of its UK
and US spellings ("anaesthetist" as "anesthetist"). Capitalised words (names) and words on
the rule's allow-list, its everyday word lists (``allow_wordlists``: plasters, gelatine,
inhalers; common medicine names) or the organisation's accepted words are skipped, and so is
text the word rules do not read (other languages, template fields of every form, copyright
lines: ``skipped_text``), a term the text explains where it is used (as for jargon), and the
pieces of words broken by text extraction: "di ff erent" read as "erent", or a word cut at the
end of a line ("guaran" for "guarantee"). A suggestion only: a rare word may still be the
right one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..rule import Rule
from ..spelling import zipf
from ..prose import iter_words
from .skipped_text import is_skipped
from .substitution import accepted_words, defined_next, explained_at, in_expansion, token_forms




def _listed(word: str, listed: frozenset[str]) -> bool:
    return any(f in listed for f in token_forms(word, word))


def list_words(names, base) -> frozenset[str]:
    """The lower-cased words of every term in the word lists ``names``."""
    from .. import wordlists

    out: set[str] = set()
    for name in names:
        for e in wordlists.load(wordlists.resolve(str(name), base)):
            out.update(e.term.lower().split())
    return frozenset(out)


_PIECE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _common_sorted() -> list[str]:
    from ..spelling import top_n_list

    return sorted(w for w in top_n_list("en", 50000) if w.isalpha())


def broken(text: str, start: int, end: int) -> bool:
    """A piece of a word broken by text extraction: split at a ligature ("di ff erent",
    "confi rming": joined with the pieces next to it, it is a common word), or cut at the end of
    a line where a common word goes on ("guaran" | "guarantee")."""
    before = _PIECE.findall(text[max(0, start - 12) : start])
    after = _PIECE.findall(text[end : end + 12])
    gap_before = text[max(0, start - 12) : start]
    gap_after = text[end : end + 12]
    word = text[start:end].lower()
    for b in (before[-2:], before[-1:], []):
        for a in (after[:1], []):
            if not a and not b:
                continue
            joined_before = " ".join(b)
            if b and not gap_before.endswith(joined_before + " "):
                continue
            if a and not gap_after.startswith(" " + a[0]):
                continue
            whole = "".join(b).lower() + word + "".join(a).lower()
            if len(whole) > len(word) + 1 and zipf(whole) >= 3.0:
                return True
    rest = text[end : end + 3]
    if rest[:1] in ("\n", "") or (rest.strip() == "" and "\n" in rest) or text[end:].strip() == "":
        from bisect import bisect_left

        word = text[start:end].lower()
        common = _common_sorted()
        k = bisect_left(common, word)
        return k < len(common) and common[k].startswith(word) and common[k] != word
    return False


class RareWord(Rule):
    kind = "rare_word"
    KEYS = {
        "min_zipf": (True, (int, float)),  # flag words rarer than this
        "min_letters": (False, (int,)),  # shorter words are left alone
        "allow": (False, (list,)),  # words never flagged
        "allow_wordlists": (False, (list,)),  # word lists of everyday words never flagged
        "skip_wordlists": (False, (list,)),  # words another rule already flags, with alternatives
    }
    MESSAGE_FIELDS = frozenset({"actual", "value"})

    def setup(self, spec) -> None:
        self.min_zipf = float(spec["min_zipf"])
        self.min_letters = int(spec.get("min_letters", 5))
        self.allow = frozenset(str(w).lower() for w in spec.get("allow", ()))
        self.listed = list_words(spec.get("skip_wordlists", ()), self.path.parent)
        self.everyday = list_words(spec.get("allow_wordlists", ()), self.path.parent)

    def check(self, ctx) -> Iterator:
        accepted = accepted_words(ctx)
        text = ctx.document.text
        seen: set[str] = set()
        for sentence in ctx.sentences_in(self.scope):
            for word in iter_words(ctx.document, sentence.start, sentence.end, ctx.masks):
                w = word.text
                low = w.lower()
                if len(w) < self.min_letters or not w.isalpha() or not w.islower() or low in seen:
                    continue
                if low in self.allow or low in accepted or _listed(low, self.listed) or _listed(low, self.everyday):
                    continue
                value = zipf(low)
                if value >= self.min_zipf:
                    continue
                if len(w) <= 5 and value < 2.0:
                    continue  # a short unknown word: a fragment of a broken word, or another language
                if is_skipped(ctx, word.start, word.end) or broken(text, word.start, word.end) or in_expansion(text, word.start, word.end):
                    continue
                seen.add(low)  # once per document is enough
                if explained_at(text, word.start, word.end) or defined_next(text, ctx.sentences, sentence, w):
                    continue
                yield ctx.finding(self, word.start, word.end, self.format_message(actual=w, value=round(value, 1)))
