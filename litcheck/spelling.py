"""English word frequencies, and UK spellings to US ones for look-ups in US-made data (the CMU
pronouncing dictionary, word frequencies): haemoglobin -> hemoglobin, colour -> color.

The frequencies are wordfreq's English list (Robyn Speer; data CC BY-SA 4.0), shipped as
litcheck/lexicon/en_zipf.tsv.blocks and en_top_words.txt.gz (built by scripts/build_lexicon.py;
sources and licence in litcheck/lexicon/README.md). ``zipf_frequency(word, "en")`` and
``top_n_list("en", n)`` give what wordfreq's functions of the same names gave (tests/test_lexicon.py
compares them word for word), without wordfreq and its data for 40 languages at run time.

A word is looked up as wordfreq looks it up: Unicode NFC and case folding, then cut into tokens
at the word boundaries of Unicode's text segmentation (UAX #29: "don't" and "e.g" are one
token, "well-being" two), a short elided French article ("l'", "d'") before a vowel being a token
of its own, runs of scripts written without spaces (Chinese, Japanese, Thai...) kept whole,
apostrophes at either end dropped and curly quotes made straight. The frequency of several
tokens is 1 / (1/f1 + 1/f2 + ...); a run of digits is looked up as zeros and weighted by how
often such a number occurs (Benford's law, and the plateau of recent years for four digits).
"""

from __future__ import annotations

import gzip
import math
import re
import struct
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "lexicon"

UK_TO_US = [
    (re.compile(r"ae"), "e"),  # haemoglobin, anaemia, orthopaedic
    (re.compile(r"oe(?=[^s]|$)"), "e"),  # oesophagus, oedema, diarrhoea (not "shoes")
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|er)"), "or"),  # colour, favourite, humour
    (re.compile(r"tre(?=s?$|d$)"), "ter"),  # centre, litre, metres
    (re.compile(r"(?<=[bv])re(?=s?$|d$)"), "er"),  # fibre, calibre, manoeuvre
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation)"), "iz"),  # organise, organisation
    (re.compile(r"ys(?=e$|es$|ed$|ing$)"), "yz"),  # analyse, paralysed
    (re.compile(r"ogue$"), "og"),  # catalogue
    (re.compile(r"(?<=[aeiou][lp])l(?=ed$|ing$|er$)"), ""),  # travelled, cancelled
    (re.compile(r"ence$"), "ense"),  # licence, defence
]


def uk_to_us(word: str) -> list[str]:
    """US spellings worth trying for a UK word, most likely first."""
    out = []
    cur = word
    for pattern, repl in UK_TO_US:
        new = pattern.sub(repl, cur)
        if new != cur:
            cur = new
            out.append(cur)
    return out


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` in English (wordfreq's list), the best of its UK and US
    spellings: "haemoglobin" is as common as "hemoglobin"."""
    w = word.lower()
    best = zipf_frequency(w, "en")
    for us in uk_to_us(w):
        best = max(best, zipf_frequency(us, "en"))
    return best


# -- English word frequencies (wordfreq's English list, shipped) ---------------------------


class SortedLines:
    """A shipped table of sorted text lines in separately compressed blocks (litcheck/lexicon/
    ``*.tsv.blocks``, made by scripts/build_lexicon.py): finding a line reads the index of the
    blocks' first lines, then unpacks the one block it falls in. Nothing else is read, so a
    process that looks up a few hundred words pays for a few hundred small blocks at most,
    not for the whole table."""

    def __init__(self, name: str) -> None:
        self.path = LEXICON / name
        self._data: bytes | None = None
        self._firsts: list[str] = []
        self._offsets: tuple[int, ...] = ()
        self._blocks: dict[int, list[str]] = {}

    def _open(self) -> None:
        data = self.path.read_bytes()
        if not data.startswith(b"LCBLOCK1"):
            raise ValueError(f"{self.path} is not a blocks table")
        (n,) = struct.unpack_from("<I", data, 8)
        self._offsets = struct.unpack_from(f"<{n + 1}I", data, 12)
        self._firsts = zlib.decompress(data[12 + 4 * (n + 1) : self._offsets[0]]).decode("utf-8").split("\n")
        self._data = data

    def _block(self, i: int) -> list[str]:
        lines = self._blocks.get(i)
        if lines is None:
            assert self._data is not None
            raw = self._data[self._offsets[i] : self._offsets[i + 1]]
            lines = self._blocks[i] = zlib.decompress(raw).decode("utf-8").split("\n")
        return lines

    def starting(self, prefix: str) -> str | None:
        """The first line that starts with ``prefix`` (None if no line does)."""
        if self._data is None:
            self._open()
        i = bisect_right(self._firsts, prefix) - 1
        if i >= 0:
            lines = self._block(i)
            j = bisect_left(lines, prefix)
            if j < len(lines):
                return lines[j] if lines[j].startswith(prefix) else None
        # the line may be the first of the next block
        if i + 1 < len(self._firsts) and self._firsts[i + 1].startswith(prefix):
            return self._firsts[i + 1]
        return None

    def lines(self) -> list[str]:
        """Every line, in order (for the tests)."""
        if self._data is None:
            self._open()
        return [line for i in range(len(self._firsts)) for line in self._block(i)]


_UNKNOWN = object()


class KeyedTable:
    """A shipped ``key<TAB>value`` table (``SortedLines``) used like a read-only dict: each key
    is looked up when first asked about (``get``, ``in``, ``[]``) and remembered, up to
    ``MEMO_LIMIT`` keys (a long batch meets ever more names and numbers: then the memory starts
    again). ``fixed`` entries stand over the table's; ``parse`` turns a value's text into its value."""

    MEMO_LIMIT = 200_000

    def __init__(self, name: str, parse=str, fixed: dict | None = None) -> None:
        self._table = SortedLines(name)
        self._parse = parse
        self._fixed = dict(fixed or {})
        self._memo: dict = dict(self._fixed)

    def get(self, key: str, default=None):
        value = self._memo.get(key, _UNKNOWN)
        if value is _UNKNOWN:
            if len(self._memo) >= self.MEMO_LIMIT:
                self._memo = dict(self._fixed)
            line = self._table.starting(key + "\t") if "\t" not in key and "\n" not in key else None
            value = self._memo[key] = None if line is None else self._parse(line[len(key) + 1 :])
        return default if value is None else value

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def lines(self) -> list[str]:
        """Every line of the table, in order (for the tests)."""
        return self._table.lines()


_ZIPF_TABLE = SortedLines("en_zipf.tsv.blocks")  # ``word<TAB>centibels``


def _centibels(token: str) -> int | None:
    """How rare ``token`` is, in centibels below a frequency of 1 (None: not in the list)."""
    line = _ZIPF_TABLE.starting(token + "\t")
    return None if line is None else int(line[len(token) + 1 :])


@lru_cache(maxsize=8)
def _top(n: int) -> tuple[str, ...]:
    text = gzip.decompress((LEXICON / "en_top_words.txt.gz").read_bytes()).decode("utf-8")
    words = text.split("\n")[:-1]
    if n > len(words):
        raise ValueError(f"only the {len(words):,} most frequent English words are shipped (asked for {n:,})")
    return tuple(words[:n])


def top_n_list(lang: str, n: int) -> list[str]:
    """The ``n`` most frequent English words, most frequent first (as ``wordfreq.top_n_list``:
    no numbers; words of equal frequency in alphabetical order)."""
    _english_only(lang)
    return list(_top(n))


def _english_only(lang: str) -> None:
    if lang != "en":
        raise ValueError(f"litcheck ships English word frequencies only, not {lang!r}")


_cache: dict[str, float] = {}


def zipf_frequency(word: str, lang: str = "en") -> float:
    """How common ``word`` is in English on the Zipf scale: log10 of its occurrences per billion
    words, to two decimals (0.0 for a word not in the list). As ``wordfreq.zipf_frequency``."""
    _english_only(lang)
    z = _cache.get(word)
    if z is None:
        z = _zipf_of(word)
        if len(_cache) >= 100_000:
            _cache.clear()
        _cache[word] = z
    return z


_MINIMUM = 10**0 / 1e9  # the frequency of Zipf 0, below which nothing goes


def _zipf_of(word: str) -> float:
    tokens = _tokens(word)
    freq = _MINIMUM
    if tokens:
        inverse = 0.0
        for token in tokens:
            smashed = _MULTI_DIGIT.sub(_zeros, token)
            cb = _centibels(smashed)
            if cb is None:
                inverse = 0.0
                break
            f = 10 ** (-cb / 100)
            if smashed != token:
                f *= _digits_frequency(token)
            inverse += 1.0 / f
        if inverse:
            freq = max(1.0 / inverse, _MINIMUM)
            freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # three significant digits
    return round(math.log(freq, 10) + 9, 2)


# numbers: a run of digits is looked up with its digits as zeros, then weighted by how often a
# number like it occurs: by its first digit (Benford's law, with a share for a leading zero),
# and for four digits as a year (most often the present ones)
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")
_DIGIT = re.compile(r"\d")
_PURE_DIGITS = re.compile(r"\d+")
_FIRST_DIGIT = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]


def _zeros(match) -> str:
    return _DIGIT.sub("0", match.group(0))


def _first_digit_frequency(digits: str) -> float:
    return _FIRST_DIGIT[int(digits[0])] / 10 ** (len(digits) - 1)


def _year_frequency(digits: str) -> float:
    year = int(digits)
    if year <= 2019:
        log = -1.9185 - 0.0083 * (2019 - year)
    elif year <= 2019 + 20:
        log = -1.9185
    else:
        log = -1.9185 - 0.2 * (year - (2019 + 20))
    return 10.0**log + 0.1 * _first_digit_frequency(digits)


def _digits_frequency(token: str) -> float:
    freq = 1.0
    for run in _MULTI_DIGIT.findall(token):
        for digits in _PURE_DIGITS.findall(run):
            freq *= _year_frequency(digits) if len(digits) == 4 else _first_digit_frequency(digits)
    return freq


# -- tokens, as wordfreq cuts English text ---------------------------------------------------

_SIMPLE = re.compile(r"[a-z]+")
#: a vowel (or an "h") after an elided article: "l'heure" is "l'" and "heure"
_ELISION_VOWELS = frozenset("AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ")
_CURLY_SINGLE = re.compile("[\u02bc\u2018-\u201b]")
_CURLY_DOUBLE = re.compile("[\u201c-\u201f]")

# word-break classes of Unicode's text segmentation (UAX #29), as far as a word can use them
_LETTER, _NUMBER, _MID_LETTER, _MID_NUM_LETTER, _MID_NUMBER, _JOINER, _KATAKANA, _OTHER, _NEWLINE = range(9)
_MID_LETTERS = frozenset(":\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a")
_MID_NUM_LETTERS = frozenset(".'\u2018\u2019\u2024\ufe52\uff07\uff0e")
_MID_NUMBERS = frozenset(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b")
_JOINERS = frozenset("_\u202f\u203f\u2040\u2054\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f")
_NEWLINES = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_ATTACHED = frozenset(("Mn", "Me", "Mc"))

# scripts written without spaces, kept whole (by block: Hiragana, Katakana, Thai, Lao, Khmer,
# Myanmar, Tai Le, New Tai Lue, Tai Tham, and the ideographs)
_SPACELESS = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x1950, 0x19FF), (0x1A20, 0x1AAF),
    (0x19E0, 0x19FF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3038, 0x303B), (0x3041, 0x30FF),
    (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F),
    (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x1B000, 0x1B16F), (0x20000, 0x3134F),
)


def _spaceless(ch: str) -> bool:
    if ch in "ー々〻〆":
        return True
    o = ord(ch)
    if o < 0x0E00:
        return False
    return any(lo <= o <= hi for lo, hi in _SPACELESS)


def _word_char(ch: str) -> bool:
    """A character a token may start with: a letter, mark, digit or connector (or a symbol)."""
    if ch.isalpha():
        return True
    cat = unicodedata.category(ch)
    return cat in ("Mn", "Mc", "Me", "Nd", "Nl", "Pc", "So") or ch in "\u200c\u200d"


def _class(ch: str) -> int:
    if ch.isdecimal() or ch == "\u066b":
        return _NUMBER
    if ch.isalpha():
        o = ord(ch)
        if 0x30A1 <= o <= 0x30FA or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9D:
            return _KATAKANA
        return _OTHER if _spaceless(ch) else _LETTER  # ideographs, Hiragana, Thai...: no letters
    if ch in _MID_NUM_LETTERS:
        return _MID_NUM_LETTER
    if ch in _MID_LETTERS:
        return _MID_LETTER
    if ch in _MID_NUMBERS:
        return _MID_NUMBER
    if ch in _JOINERS or unicodedata.category(ch) == "Pc":
        return _JOINER
    if ch in _NEWLINES:
        return _NEWLINE
    return _OTHER


def _ignored(ch: str) -> bool:
    """Marks, joiners, format characters and emoji skin tones, which belong to the character
    before them."""
    cat = unicodedata.category(ch)
    return cat in _ATTACHED or (cat == "Cf" and ch != "\u200b") or 0x1F3FB <= ord(ch) <= 0x1F3FF


def _pictograph(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF


def _flag_letter(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _boundaries(text: str) -> list[bool]:
    """``out[i]``: a word boundary before ``text[i]`` (``out[len(text)]`` is the end)."""
    n = len(text)
    out = [True] * (n + 1)
    units: list[tuple[int, int]] = []  # (class, position) of each character not attached
    for i, ch in enumerate(text):
        if i and _ignored(ch) and units and units[-1][0] != _NEWLINE:
            out[i] = False
            continue
        units.append((_class(ch), i))
    letter_or_number = (_LETTER, _NUMBER)
    flags = 0  # flag letters in a row: a pair is one flag
    for k in range(1, len(units)):
        a = units[k - 1][0]
        b, pos = units[k]
        before = units[k - 2][0] if k >= 2 else None
        after = units[k + 1][0] if k + 1 < len(units) else None
        joined = (
            (a == _LETTER and b == _LETTER)
            or (a == _LETTER and b in (_MID_LETTER, _MID_NUM_LETTER) and after == _LETTER)
            or (before == _LETTER and a in (_MID_LETTER, _MID_NUM_LETTER) and b == _LETTER)
            or (a in letter_or_number and b in letter_or_number)
            or (a == _NUMBER and b in (_MID_NUMBER, _MID_NUM_LETTER) and after == _NUMBER)
            or (before == _NUMBER and a in (_MID_NUMBER, _MID_NUM_LETTER) and b == _NUMBER)
            or (a == _KATAKANA and b == _KATAKANA)
            or (a in (_LETTER, _NUMBER, _KATAKANA, _JOINER) and b == _JOINER)
            or (a == _JOINER and b in (_LETTER, _NUMBER, _KATAKANA))
            or (a == _NEWLINE and text[pos - 1] == "\r" and text[pos] == "\n")
            or (text[pos - 1] == "\u200d" and _pictograph(text[pos]))
        )
        if _flag_letter(text[units[k - 1][1]]) and _flag_letter(text[pos]):
            flags += 1
            joined = joined or flags % 2 == 1
        else:
            flags = 0
        if joined:
            out[pos] = False
    return out


def _grapheme_end(text: str, i: int) -> int:
    """The end of the user-perceived character that starts at ``i`` (its marks included)."""
    first = text[i]
    i += 1
    if _flag_letter(first) and i < len(text) and _flag_letter(text[i]):
        i += 1
    while i < len(text):
        ch = text[i]
        if unicodedata.category(ch) in _ATTACHED or ch == "\u200c" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            i += 1
        elif ch == "\u200d":
            i += 2 if i + 1 < len(text) and _pictograph(text[i + 1]) else 1
        else:
            break
    return min(i, len(text))


def _elided(text: str, i: int) -> int:
    """The length of an elided article at ``i`` ("l'" before "heure"), else 0."""
    n = len(text)
    if i + 2 < n and text[i + 1] == "'" and text[i + 2] in _ELISION_VOWELS:
        short = 2
    else:
        short = 0
    if i + 3 < n and _word_char_strict(text[i + 1]) and text[i + 2] == "'" and text[i + 3] in _ELISION_VOWELS:
        return 3
    return short


def _word_char_strict(ch: str) -> bool:
    return _word_char(ch) and unicodedata.category(ch) != "So"


def _tokens(word: str) -> list[str]:
    if _SIMPLE.fullmatch(word):
        return [word]
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())
    if _SIMPLE.fullmatch(text):
        return [text]
    brk = _boundaries(text)
    n = len(text)
    found = []
    i = 0
    while i < n:
        ch = text[i]
        if _spaceless(ch):
            j = i + 1
            while j < n and _spaceless(text[j]):
                j += 1
            found.append(text[i:j])
            i = j
            continue
        if ch == "@" and text.startswith("@s", i) and brk[i + 2]:
            found.append("@s")
            i += 2
            continue
        if _word_char(ch):
            elided = _elided(text, i) if _word_char_strict(ch) else 0
            if not elided:
                j = _grapheme_end(text, i)
                while True:
                    if j < n and text[j] == "@":
                        if text.startswith("@s", j) and not (j + 2 < n and _word_char_strict(text[j + 2])):
                            j += 2
                            break
                        if not (j + 1 < n and _word_char_strict(text[j + 1])):
                            j += 1
                            break
                    if brk[j]:
                        break
                    j = _grapheme_end(text, j)
                found.append(text[i:j])
                i = j
                continue
            found.append(text[i : i + elided])
            i += elided
            continue
        i += 1
    out = []
    for token in found:
        token = token.strip("'").casefold()
        out.append(_CURLY_SINGLE.sub("'", _CURLY_DOUBLE.sub('"', token)))
    return out
