"""Which language a sentence is in, when it is not English.

litcheck.segment labels a sentence in another language ``foreign`` and leaves it out of the
reading age and the word checks (Welsh sentences are often made of short words English also
writes, so word frequency alone misses them); the upload page says which language that was, so
a bilingual letter can say "litcheck checked the English part only: the Welsh was not checked".

The names come from a small table of each language's commonest short words (data:
wordlists/languages.tsv), not from a language-identification package: the
languages a UK patient letter carries are few and known (Welsh above all), short sentences
and headings defeat statistical identifiers, and a word list a service can read and extend
needs no model and no new dependency. Text in a script other than the Latin alphabet is named
by its script ("Arabic script", "Cyrillic script"), which is true without guessing between
the languages that write it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .data import data_dir

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: a language must own at least this many of a sentence's words to be named
MIN_HITS = 2


@lru_cache(maxsize=1)
def table() -> dict[str, frozenset[str]]:
    """{language name: its common words} from wordlists/languages.tsv."""
    out = {}
    for line in (data_dir("wordlists") / "languages.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, words = line.partition("\t")
        out[name.strip()] = frozenset(w.lower() for w in words.split())
    return out


def _script(text: str) -> str | None:
    """The script most of the letters are in, when it is not Latin."""
    scripts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            scripts[name.split(" ", 1)[0] if name else "OTHER"] += 1
    if not scripts:
        return None
    top, count = scripts.most_common(1)[0]
    if top == "LATIN" or count < 0.5 * sum(scripts.values()):
        return None
    return {"CJK": "Chinese"}.get(top, top.title() + " script")


def name_language(sentence: str) -> str | None:
    """The language of ``sentence`` by name ("Welsh", "Arabic script"), or None if unsure."""
    script = _script(sentence)
    if script:
        return script
    words = [w.lower() for w in WORD.findall(sentence)]
    scores = {name: sum(1 for w in words if w in common) for name, common in table().items()}
    best = max(scores, key=lambda n: scores[n], default=None)
    if best is None or scores[best] < MIN_HITS:
        return None
    if sorted(scores.values())[-2:] == [scores[best], scores[best]]:
        return None  # a tie: say nothing rather than guess
    return best


def looks_foreign(words: list[str]) -> bool:
    """A sentence whose words are mostly another language's common words. A word English also
    uses often ("a", "in", "hospital") is no evidence: only the other language's own words
    count ("mae", "yn", "eich" for Welsh)."""
    from .spelling import zipf

    lowered = [w.lower() for w in words]
    if any(w in _ENGLISH for w in lowered):
        return False
    for common in table().values():
        hits = sum(1 for w in lowered if w in common and zipf(w) < ENGLISH_ZIPF)
        if hits >= 3 and hits >= 0.3 * len(lowered):
            return True
    return False


#: a word this common in English (Zipf frequency) is English enough
ENGLISH_ZIPF = 4.0


#: words any English sentence of a few words is likely to hold
_ENGLISH = frozenset("the and you your is are will we of to this that with for have be it can not our if please they".split())
