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


@lru_cache(maxsize=1)
def _all_common() -> frozenset[str]:
    """Every language's common words together."""
    return frozenset().union(*table().values())


def _script(text: str) -> str | None:
    """The script most of the letters are in, when it is not Latin."""
    if text.isascii():
        return None  # every letter is Latin
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


#: a word rarer than this in English (Zipf) is no English word ("gwybodaeth", "informacja")
_RARE_IN_ENGLISH = 2.5
#: a word this common in English is evidence the line is English ("clinic", "scan")
_COMMON_IN_ENGLISH = 3.0


def looks_foreign_heading(line: str) -> bool:
    """A heading in another language: "Gwybodaeth i gleifion" above "Information for
    patients" in a Welsh bilingual letter, "Informacja dla pacjentów" in a Polish one.

    A heading is too short for the sentence test (``segment.is_foreign`` wants four words and
    takes a capital for a name). Here a line of 2 to 15 words is another language's when it
    holds a word of that language's list (wordlists/languages.tsv) or a letter English never
    writes, at least two words, half of its words, that English does not have (or that are
    that language's own), and no more than one common English word for three of those. In a sentence-case line a capital after the first word is a name, neither
    language ("Endoscopy at Ysbyty Gwynedd" is English); in Title Case or capitals it is not."""
    if _script(line):
        return True
    words = WORD.findall(line)
    if not 2 <= len(words) <= 15:
        return False
    lowered = [w.lower() for w in words]
    if any(w in _ENGLISH for w in lowered):
        return False
    from .spelling import zipf

    sentence_case = any(w[:1].islower() for w in words[1:])
    # What a word adds to (marked, own, english) does not depend on the language unless it is
    # one of that language's words, so it is worked out once a word, not once a word and language.
    odd = [not w.isascii() and any("\u00c0" <= ch <= "\u024f" for ch in w) for w in words]  # a letter English never writes
    if not any(odd) and _all_common().isdisjoint(lowered):
        return False  # nothing marks the line as any language's
    plain = []  # a word's share when it is not the language's own word
    for i, (w, lw, odd_letters) in enumerate(zip(words, lowered, odd)):
        if sentence_case and i > 0 and w[:1].isupper() and not odd_letters:
            plain.append((0, 0, 0))  # a name
        elif odd_letters or zipf(lw) < _RARE_IN_ENGLISH:
            plain.append((int(odd_letters), 1, 0))
        elif zipf(lw) >= _COMMON_IN_ENGLISH:
            plain.append((0, 0, 1))
        else:
            plain.append((0, 0, 0))
    for common in table().values():
        marked = own = english = 0
        for lw, (m, o, e) in zip(lowered, plain):
            if lw in common:
                marked += 1
                own += zipf(lw) < ENGLISH_ZIPF  # "eich", "dla"; not "a", "i", "at"
            else:
                marked += m
                own += o
                english += e
        # one common English word among three of the other language's is a name ("Beth i ddod gyda chi")
        if marked and 3 * english <= own and own >= 2 and own >= 0.5 * len(words):
            return True
    return False
