"""Syllable counts for UK English, offline.

The CMU Pronouncing Dictionary (its counts shipped with litcheck as a table, so nothing is
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
from pathlib import Path

from ..spelling import KeyedTable, uk_to_us

#: litcheck's shipped English tables (sources and licences in its README.md)
LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


_LETTER_SYLLABLES = {"w": 3}  # every other letter name has one syllable
_DIGIT = re.compile(r"\d")


#: Where the CMU dictionary's first (American) pronunciation has a different number of
#: syllables from the usual UK one (Oxford and Cambridge dictionaries).
UK_PRONUNCIATIONS = {
    "pneumonia": 4,  # CMU: "new-mone-ya"
    "dementia": 3,  # UK "de-men-sha"; CMU "de-men-shee-a"
    "caesarean": 4,  # CMU: 3
    "every": 2,  # UK "ev-ry" (Cambridge /ˈev.ri/); CMU's first: "ev-er-y"
    "camera": 2,  # UK "cam-ra" (Cambridge /ˈkæm.rə/); CMU's first: 3
}


_CMU = None


def _cmu() -> KeyedTable:
    """Word -> syllables from the CMU dictionary (first pronunciation), each word looked up when
    first asked about, with ``UK_PRONUNCIATIONS`` over it. The counts ship with litcheck
    (litcheck/lexicon/cmu_syllables.tsv.blocks, ``word<TAB>count`` sorted in separately
    compressed blocks), built by scripts/build_lexicon.py from the CMU Pronouncing Dictionary's
    own data file (BSD-2-Clause; see litcheck/lexicon/README.md): a look-up unpacks one block, so
    start-up no longer reads all 126,052 words (issue 20)."""
    global _CMU
    if _CMU is None:
        _CMU = KeyedTable("cmu_syllables.tsv.blocks", int, UK_PRONUNCIATIONS)
    return _CMU


def _cmu_counts() -> dict[str, int]:
    """Every word of the shipped table with its count, ``UK_PRONUNCIATIONS`` over it (for the
    tests: a check looks words up one at a time, ``_cmu``)."""
    counts = {}
    for line in _cmu().lines():
        word, _, n = line.partition("\t")
        counts[word] = int(n)
    counts.update(UK_PRONUNCIATIONS)
    return counts


#: Abbreviations as they are read aloud (McLaughlin: read abbreviations in full to count).
SPOKEN_ABBREVIATIONS = {
    "dr": "doctor", "mr": "mister", "mrs": "missus", "e.g": "for example", "eg": "for example",
    "i.e": "that is", "etc": "et cetera", "approx": "approximately", "tel": "telephone",
    "dept": "department", "mg": "milligrams", "ml": "millilitres", "mmol": "millimoles",
    "hrs": "hours", "mins": "minutes", "vs": "versus", "asap": "as soon as possible",
}


@lru_cache(maxsize=65536)
def spoken_syllables(word: str) -> tuple[int, ...]:
    """Syllables of each word ``word`` is read aloud as.

    "haemoglobin" -> (4,); "ECG" -> (3,) (one word, "ee-see-gee"); "2025" -> (2, 3)
    ("twenty twenty-five"); "01632" -> (1, 1, 1, 1, 1) ("oh one six three two": a phone
    number is read digit by digit); "e.g" -> (1, 3) ("for example"). A hyphenated word is
    one word, as SMOG counts it: "low-fibre" -> (3,).
    """
    if not word:
        return ()
    if "-" in word and any(ch.isalpha() for ch in word):
        parts = [p for p in word.split("-") if p]
        return (sum(count_syllables(p) for p in parts) or 1,)
    if _DIGIT.search(word):  # \d, not str.isdigit(): "²" is no digit _number_units can read
        return _number_units(word)
    lower = word.lower().replace("’", "'")
    spoken = SPOKEN_ABBREVIATIONS.get(lower.rstrip("."))
    if spoken and not (word.isupper() and len(word) > 1 and "." not in word):
        return tuple(count_syllables(w) for w in spoken.split())
    if word.isupper() and 1 < len(word) <= 6 and word.isalpha():
        if lower not in _cmu() or len(word) <= 3:
            return (_letters(lower),)  # an initialism: "NHS", "ECG"
    if len(word) == 1 and word.isalpha() and word not in "aAI":
        return (_letters(lower),)  # a letter on its own: "Car park B", "mmol/L"
    if "." in lower:  # "a.m", "U.S": letters read one by one
        return (_letters(lower),)
    found = _lookup(lower)
    return (found if found is not None else _vowel_groups(lower),)


def _letters(lower: str) -> int:
    return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in lower if ch.isalpha())


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables in one word as it would be read aloud (at least 1 for any word).

    A phone or reference number is read digit by digit but is no reading difficulty, so it
    counts as one syllable: a sentence that gives a number is not made "hard" by it.
    """
    if not word:
        return 0
    if is_digit_code(word):
        return 1
    return max(sum(spoken_syllables(word)), 1)


def is_digit_code(word: str) -> bool:
    """A phone, hospital or reference number: 6 or more digits, or a leading 0 ("01632")."""
    digits = re.sub(r"\D", "", word)
    return bool(digits) and (len(digits) >= 6 or (digits[0] == "0" and len(digits) > 1 and word[0] == "0"))


@lru_cache(maxsize=65536)
def is_glance_token(word: str) -> bool:
    """A number, time, date, code or initialism: a unit the reader takes in at a glance.

    "25", "2021", "10:30am", "0800", "COVID-19", "NHS", "GP", "MRI". Readability counts each
    as one short word, never a long one: issue 21 found phone-number groups ("507", "4967"),
    ages ("25", "64") and "NHS" pushing plain sentences to "very hard" and SMOG up by most
    of a year. Whether an initialism needs explaining is the abbreviation rules' question,
    not the reading age's. An all-capital word that is an ordinary word ("PLEASE", "FREE")
    is not an initialism.
    """
    if any(ch.isdigit() for ch in word):
        return True
    if word.isalpha() and word.isupper() and 1 < len(word) <= 6:
        return len(word) <= 3 or word.lower() not in _cmu()
    return False


@lru_cache(maxsize=65536)
def is_polysyllable(word: str) -> bool:
    """SMOG's "polysyllable": read aloud, some word of it has 3 or more syllables.

    So "haemoglobin", "ECG", "2025" (twenty twenty-five) and "24" (twenty-four) are
    polysyllables; a phone number or a postcode, read digit by digit, is not.
    """
    return any(n >= 3 for n in spoken_syllables(word))


def _lookup(lower: str) -> int | None:
    cmu = _cmu()
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
_TWO_SYLLABLE_PAIRS = re.compile(r"(?<=[^aeiou])(ia|io|eo|ua|uo|iu|ea(?=l)|oe(?=n))")  # ...gastroenteritis
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
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
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


_DIGIT_SYLLABLES = (1, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # "oh", one, two ... "seven" has two


def _spoken_number(n: int) -> tuple[int, ...]:
    cmu = _cmu()
    return tuple(sum(cmu.get(p, 1) for p in w.split("-")) for w in _number_words(n).split())


def _number_units(token: str) -> tuple[int, ...]:
    """Spoken words of a token with digits: "9.30am" -> nine thirty ay-em; "7.5" -> seven
    point five; "01632 960789" digit by digit; "2nd" -> two (the ending is in the number)."""
    units: list[int] = []
    parts = re.findall(r"\d+(?:[.,:]\d+)*|[^\W\d_]+", token)
    for i, part in enumerate(parts):
        if _DIGIT.match(part):
            units.extend(_digits_units(part))
        elif part.lower() in ("st", "nd", "rd", "th"):
            continue
        elif part.lower() in ("am", "pm") and i > 0:
            units.append(2)  # "ay em"
        elif _DIGIT.search(part) or not any(ch.isalpha() for ch in part):
            units.append(1)  # never back to spoken_syllables with a digit in it (no loop)
        else:
            units.extend(spoken_syllables(part))
    return tuple(units) or (1,)


def _digits_units(part: str) -> list[int]:
    if "," in part and re.fullmatch(r"\d{1,3}(,\d{3})+", part):
        part = part.replace(",", "")  # 5,000
    if re.fullmatch(r"\d+", part):
        if (part.startswith("0") and len(part) > 1) or len(part) >= 6:
            return [_DIGIT_SYLLABLES[int(d)] for d in part]  # phone, reference: digit by digit
        return list(_spoken_number(int(part)))
    m = re.fullmatch(r"(\d+)[.:](\d+)", part)
    if m:
        whole, frac = m.groups()
        if len(frac) == 2 and len(whole) <= 2:  # 9.30, 10:40, 2.50: "nine thirty"
            tail = [] if frac == "00" else (list(_spoken_number(int(frac))) if frac[0] != "0" else [1] + _digits_units(frac[1]))
            return _digits_units(whole) + tail
        return _digits_units(whole) + [1] + [_DIGIT_SYLLABLES[int(d)] for d in frac]  # "point"
    return [_DIGIT_SYLLABLES[int(d)] for d in part if _DIGIT.match(d)]
