"""Regular-expression searches that try only the places a match can begin.

Python's ``re`` has no fast way through a text for a case-insensitive pattern that begins
with ``\\b`` and an alternation of words (most of the detectors' and the profiles' patterns):
it tries the whole pattern at every character. ``starts(pattern)`` reads the parsed pattern
once and works out how any match must begin: with a word that begins with one of a few
prefixes ("you", "please", "keep" ...), with a digit (the first of a number, or the first of a
word), at the start of a line or of the text, or with a rare string ("((", "http").
``finditer(ctx, pattern, start, end)`` then tries the pattern (``pattern.match``) only at the
places in the text that begin that way, and yields exactly the matches
``pattern.finditer(text, start, end)`` yields, in the same order:

- a match attempt at a place is the same whether a search reaches it or ``match`` starts
  there: look-behinds, ``\\b`` and ``^`` see the text before it;
- a place that does not begin that way cannot start a match (the analysis only ever widens
  the set of places: what it cannot read, it gives up on);
- after a match the next attempt is at its end, as in ``finditer`` (a pattern that can match
  nothing at all is searched as usual).

A pattern this cannot read (a match that can begin with any letter, as ``\\w+`` or ``[^x]``
can), or a text with a character that matches an ASCII letter only when case is ignored (the
Kelvin sign), is searched with ``re`` as usual. The places are found once per document from an
index of where its words, lines and numbers begin (``TextIndex``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator

from ..textpatterns import PatternCache, PatternOnUse, offsets

try:  # Python 3.11+
    from re import _constants as _C, _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)
#: a character class of at most this many characters is followed character by character
_SMALL_CLASS = 8
#: at most this many characters from a class that begins a word ([A-Z])
_WORD_CLASS = 64
#: more ways for a match to begin than this: not worth it, search as usual
_MAX_STARTS = 600
#: a word: where one begins, a word character with none before it (the ``\\b`` of re)
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = frozenset("0123456789")
#: a digit (\\d: a decimal digit in Unicode) other than the ten ASCII ones ("٣", "３")
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


@dataclass(frozen=True)
class Start:
    """One way a match can begin.

    ``word``: a word begins there with ``prefix`` (in the lower-cased text, or in the text
    itself when ``cased``); ``string``: ``prefix`` is there (a rare string: two characters or
    more, or one that is not a letter or digit); ``line``, ``text``: the start of a line, of the
    text; ``digit``, ``digit_run``, ``digit_word``: a digit, the first digit of a number, a digit
    that begins a word; ``word_before``: the start of the word that ends right before
    ``prefix`` (a string that begins with a character that is no word character)."""

    kind: str
    prefix: str = ""
    cased: bool = False


class _Unknown(Exception):
    """The pattern's beginnings cannot be worked out: search as usual."""


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _seq(items, flags: int) -> list:
    return [(op, av, flags) for op, av in items]


def _caseless_ok(ch: str, ignore: bool) -> bool:
    """A character a prefix may hold: under IGNORECASE, an ASCII one or one with no case (others
    may fold to several characters, as the Kelvin sign folds to k)."""
    return not ignore or ch.isascii() or ch.lower() == ch.upper() == ch


def _finish(prefix: str, cased: bool, boundary: bool, no_digit_before: bool) -> list[Start]:
    if not prefix:
        raise _Unknown("a match may begin with nothing known")
    first = prefix[0]
    if first in _ASCII_DIGITS:
        return [Start("digit_word" if boundary else "digit_run" if no_digit_before else "digit")]
    if boundary and _word_char(first):
        return [Start("word", prefix, cased)]
    if len(prefix) >= 2 or not first.isalnum():
        return [Start("string", prefix, cased)]
    raise _Unknown("one letter anywhere")


def _walk(seq: list, prefix: str, cased: bool, boundary: bool, no_digit_before: bool) -> list[Start]:
    """The ways a match of the sequence ``seq`` [(op, av, flags)] can begin, after ``prefix``
    (characters already known to begin the match), ``boundary`` (a ``\\b`` before them) and
    ``no_digit_before`` (a look-behind that no digit comes before them)."""
    for i, (op, av, flags) in enumerate(seq):
        if prefix[:1] in _ASCII_DIGITS:
            break  # a number: where its first digit is tells enough
        ignore = bool(flags & re.IGNORECASE)
        rest = seq[i + 1 :]
        if op is _C.LITERAL:
            ch = chr(av)
            if not _caseless_ok(ch, ignore) or (prefix and ignore == cased):
                break  # the prefix ends here (a prefix is read in one text: lower-cased or not)
            cased = not ignore
            prefix += ch if cased else ch.lower()
            continue
        if op is _C.IN:
            if not prefix and _digits_only(av):
                return _finish("0", False, boundary, no_digit_before)
            chars = _small_class(av)
            if chars is not None and all(_caseless_ok(ch, ignore) for ch in chars):
                # each character in turn, as if it were written alone
                out: list[Start] = []
                for ch in chars:
                    out.extend(_walk([(_C.LITERAL, ord(ch), flags)] + rest, prefix, cased, boundary, no_digit_before))
                return out
            if prefix:
                break
            return _in(av, ignore, boundary, no_digit_before)
        if prefix:
            break
        if op is _C.AT:
            if av is _C.AT_BOUNDARY:
                boundary = True
            elif av is _C.AT_BEGINNING:
                return [Start("line" if flags & re.MULTILINE else "text")]
            elif av is _C.AT_BEGINNING_STRING:
                return [Start("text")]
            continue  # another zero-width test: it narrows where a match begins, no more
        if op is _C.ASSERT_NOT:
            direction, sub = av
            if direction < 0 and len(sub) == 1 and sub[0][0] is _C.IN and not any(item[0] is _C.NEGATE for item in sub[0][1]):
                if (_C.CATEGORY, _C.CATEGORY_DIGIT) in sub[0][1]:
                    no_digit_before = True  # (?<![\d...]): no digit just before
                if (_C.CATEGORY, _C.CATEGORY_WORD) in sub[0][1]:
                    boundary = True  # (?<!\w), (?<![\w-]): no word character just before, as \b before a word
            continue
        if op is _C.ASSERT:
            continue  # a look-ahead or look-behind: it narrows, no more
        if op is _C.SUBPATTERN:
            _group, add, delete, sub = av
            return _walk(_seq(sub, (flags | add) & ~delete) + rest, prefix, cased, boundary, no_digit_before)
        if _ATOMIC is not None and op is _ATOMIC:
            return _walk(_seq(av, flags) + rest, prefix, cased, boundary, no_digit_before)
        if op is _C.BRANCH:
            out = []
            for branch in av[1]:
                out.extend(_walk(_seq(branch, flags) + rest, prefix, cased, boundary, no_digit_before))
            return out
        if op in _REPEATS:
            low, high, sub = av
            if high == 0:
                continue
            if boundary and low >= 1 and list(sub) == [(_C.IN, [(_C.CATEGORY, _C.CATEGORY_WORD)])]:
                # \b\w+ and then a string that begins with a character that is no word character
                # ("\b\w+\.org/"): the match begins where the word before that string begins
                after = _walk(rest, "", False, False, False)
                if all(s.kind == "string" and not _word_char(s.prefix[0]) for s in after):
                    return [Start("word_before", s.prefix, s.cased) for s in after]
                raise _Unknown("a word of any letters")
            first = _walk(_seq(sub, flags), prefix, cased, boundary, no_digit_before)
            return first if low >= 1 else first + _walk(rest, prefix, cased, boundary, no_digit_before)
        raise _Unknown(op)
    return _finish(prefix, cased, boundary, no_digit_before)


def _digits_only(items) -> bool:
    """A class of ASCII digits ([0-9], [1-9], [01]) or of any digit (\\d)."""
    for op, av in items:
        if op is _C.LITERAL and chr(av) in _ASCII_DIGITS:
            continue
        if op is _C.RANGE and chr(av[0]) in _ASCII_DIGITS and chr(av[1]) in _ASCII_DIGITS:
            continue
        if (op, av) == (_C.CATEGORY, _C.CATEGORY_DIGIT):
            continue
        return False
    return bool(items)


def _class_chars(items, max_span: int) -> set[str] | None:
    """The characters of a class made only of characters and ranges narrower than ``max_span``,
    else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < max_span:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def _small_class(items) -> list[str] | None:
    """The characters of a class of a few plain characters ([’'], [01], [- ]), else None."""
    chars = _class_chars(items, _SMALL_CLASS)
    return sorted(chars) if chars is not None and len(chars) <= _SMALL_CLASS else None


def _in(items, ignore: bool, boundary: bool, no_digit_before: bool) -> list[Start]:
    """The ways a match that begins with a wider class can begin: a digit, or a letter of a
    set that begins a word ([A-Z] after ``\\b``)."""
    if not boundary:
        raise _Unknown("a class anywhere")
    chars = _class_chars(items, _WORD_CLASS)
    if chars is None:
        raise _Unknown("a class with more than characters and narrow ranges")
    out = []
    for ch in sorted(chars):
        if not _word_char(ch) or not _caseless_ok(ch, ignore):
            raise _Unknown("a class of other characters")
        out.extend(_finish(ch if not ignore else ch.lower(), not ignore, True, no_digit_before))
    return out


#: each plan's entries ((prefixes, cased, every) and (string, cased)) once, whatever pattern
#: holds them: a document keeps what it found for an entry by the entry's identity, shared by
#: the patterns that begin alike (hashing a long tuple of prefixes costs more than the look-up)
_ENTRIES: dict[tuple, tuple] = {}


def _interned(entry: tuple) -> tuple:
    return _ENTRIES.setdefault(entry, entry)


class _Plan:
    """A pattern's starts, grouped for the index: word prefixes by their first three characters
    (or fewer: all of a shorter prefix), lower-cased; strings; and the other kinds."""

    __slots__ = ("starts", "by_key", "keys", "strings", "before", "kinds")

    def __init__(self, found: tuple[Start, ...]) -> None:
        self.starts = found
        self.strings: tuple[tuple[str, bool], ...] = tuple(_interned(way) for way in dict.fromkeys((s.prefix, s.cased) for s in found if s.kind == "string"))
        #: (string, cased, "before"): the word before each place of the string
        self.before: tuple[tuple[str, bool, str], ...] = tuple(_interned(way) for way in dict.fromkeys((s.prefix, s.cased, "before") for s in found if s.kind == "word_before"))
        self.kinds = tuple(sorted({s.kind for s in found if s.kind not in ("word", "string", "word_before")}))
        #: key (the first three characters, lower-cased) -> ((the prefixes, whether they are
        #: read in the text itself, whether every word start with the key has one of them), ...)
        groups: dict[tuple[str, bool], set[str]] = {}
        for s in found:
            if s.kind == "word":
                groups.setdefault((s.prefix[:3].lower(), s.cased), set()).add(s.prefix)
        #: key -> ((prefixes, cased, every), ...), and the keys as a set to meet the text's
        by_key: dict[str, list] = {}
        for (key, cased), prefixes in sorted(groups.items()):
            by_key.setdefault(key, []).append(_interned((tuple(sorted(prefixes)), cased, not cased and key in prefixes)))
        self.by_key: dict[str, tuple] = {key: tuple(entries) for key, entries in by_key.items()}
        self.keys = frozenset(self.by_key)


def starts(pattern: re.Pattern) -> tuple[Start, ...] | None:
    """How a match of ``pattern`` can begin (None: not known; it is searched as usual)."""
    plan = _plan(pattern)
    return None if plan is None else plan.starts


def _new_plan(pattern: re.Pattern) -> _Plan | None:
    found = _starts(pattern)
    return _Plan(found) if found is not None else None


#: a pattern's plan, worked out once (kept by the pattern's identity: textpatterns.PatternCache)
_plan = PatternCache(_new_plan)


def needed_words(pattern) -> frozenset[str] | None:
    """Words one of which every match of ``pattern`` holds whole, case aside (None: not known)."""
    return _needed(pattern)


def _new_needed(pattern) -> frozenset[str] | None:
    if not isinstance(pattern.pattern, str):
        return None
    known = _shipped().get(NEEDED_PREFIX + table_key(pattern), False)
    if known is not False:
        return None if known is None else frozenset(known)
    return read_needed_words(pattern)


_needed = PatternCache(_new_needed)
#: the shipped table's keys for the needed words are the pattern's key after this
NEEDED_PREFIX = "w:"


def needed_keys(pattern) -> frozenset[str] | None:
    """Keys (words, or runs of words joined by a space) one of which every match of ``pattern``
    holds whole, in order, case aside (None: not known): ``read_needed_keys``."""
    return _needed_keys(pattern)


def _new_needed_keys(pattern) -> frozenset | None:
    """The keys as ``TextIndex.grams`` holds them: a word as itself, a run of words as a tuple.

    Read from the shipped table; a pattern not in it (made while checking, as an existence
    rule's pattern of the tokens that can match a text, or an organisation's own) gets its
    needed words, which are keys too: reading the runs costs several times more, and such a
    pattern is read afresh in every process."""
    if not isinstance(pattern.pattern, str):
        return None
    known = _shipped().get(KEYS_PREFIX + table_key(pattern), False)
    if known is False:
        return _needed(pattern)
    if known is None:
        return None
    return frozenset(tuple(key.split(" ")) if " " in key else key for key in known)


_needed_keys = PatternCache(_new_needed_keys)
#: the shipped table's keys for the needed keys (words and runs of words)
KEYS_PREFIX = "k:"


def _starts(pattern: re.Pattern) -> tuple[Start, ...] | None:
    """The starts read from the shipped table (``scan_table.json``: litcheck's own patterns, read
    once when it was built, to spare every run reading them again), or read now."""
    if not isinstance(pattern.pattern, str):
        return None
    known = _shipped().get(table_key(pattern), False)
    if known is not False:
        return None if known is None else tuple(Start(*way) for way in known)
    return read_starts(pattern)


_SHIPPED: dict | None = None
#: the shipped table, beside this file: table key -> [[kind, prefix, cased], ...], or null
TABLE = "scan_table.json"


def _shipped() -> dict:
    global _SHIPPED
    if _SHIPPED is None:
        import json
        from pathlib import Path

        try:
            _SHIPPED = json.loads((Path(__file__).with_name(TABLE)).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # pragma: no cover - without the table every pattern is read
            _SHIPPED = {}
    return _SHIPPED


def table_key(pattern: re.Pattern) -> str:
    """The table's key for a pattern: a digest of its flags and its text (a pattern that has
    changed since the table was built has another key, and is read afresh)."""
    from hashlib import sha1

    return sha1(f"{int(pattern.flags)}\x00{pattern.pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


def table_source(patterns) -> str:
    """The text of ``scan_table.json`` for ``patterns`` (scripts/build_scan_table.py writes it):
    each pattern's starts under its key, and the words one of which its matches hold
    (``needed_words``) under ``NEEDED_PREFIX`` and its key."""
    import json

    rows = {}
    for pattern in patterns:
        found = read_starts(pattern)
        rows[table_key(pattern)] = None if found is None else [[s.kind, s.prefix, s.cased] for s in found]
        words = read_needed_words(pattern)
        rows[NEEDED_PREFIX + table_key(pattern)] = None if words is None else sorted(words)
        keys = read_needed_keys(pattern)
        rows[KEYS_PREFIX + table_key(pattern)] = None if keys is None else sorted(keys)
    return json.dumps(dict(sorted(rows.items())), ensure_ascii=False, separators=(",", ":")) + "\n"


def _read_parsed(pattern: re.Pattern, read):
    """``read(parsed)`` of the parsed ``pattern``; None when it is not a text pattern read with
    Unicode word boundaries, or when the reading gives up (``_Unknown``, a pattern nested too
    deep, anything unusual): such a pattern is simply searched as usual."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.ASCII | re.LOCALE):
        return None
    try:
        return read(_P.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - see above
        return None


def read_starts(pattern: re.Pattern) -> tuple[Start, ...] | None:
    """How a match of ``pattern`` can begin, read from the parsed pattern (None: not known)."""

    def read(parsed) -> tuple[Start, ...] | None:
        if parsed.getwidth()[0] == 0:
            return None  # a match may be empty: finditer's rules for those are not copied
        found = tuple(dict.fromkeys(_walk(_seq(parsed.data, parsed.state.flags), "", False, False, False)))
        return found if len(found) <= _MAX_STARTS else None

    return _read_parsed(pattern, read)


# -- words a match must hold --------------------------------------------------------------
#
# ``needed_words(pattern)``: a set of words, one of which every match of the pattern holds as a
# whole word of the text (a run of ``\w`` characters with no word character on either side),
# case aside; None when no such set is known. A text none of whose words is in the set cannot
# hold a match, so the pattern need not be tried anywhere in it (``TextIndex.excluded``). The
# words are read from runs of plain letters and digits that the pattern itself bounds on both
# sides: ``\b``, a space or other character that is not a word character, a line's start or
# end, a look-around that no word character is there. "\bappointments?\s" needs "appointment"
# or "appointments"; "\b(?:your|the)\s+letter\b" needs "your" or "the", and "letter"; the set
# kept for a sequence is the one of its parts least likely to be in a letter (``COMMON_WORDS``).

#: words nearly every letter holds: a set of them is kept only when nothing better is known
COMMON_WORDS = frozenset(
    "a about all an and any are as at be been but by can could did do does for from get had has have he "
    "her here his how i if in into is it its me more my no not of on one or our out please she should so "
    "some than that the their them then there these they this those to up us was we were what when where "
    "which who why will with would yes you your "
    "appointment call clinic contact day help hospital information letter need nhs number phone see "
    "take tell time".split()
)
#: at most this many words in one set (more: the words are not worth asking about)
_MAX_WORDS = 64
_AT_LEFT = {_C.AT_BEGINNING, _C.AT_BEGINNING_LINE, _C.AT_BEGINNING_STRING}
_AT_RIGHT = {_C.AT_END, _C.AT_END_LINE, _C.AT_END_STRING}
_NON_WORD_CATEGORIES = {_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD, _C.CATEGORY_LINEBREAK}


def _plain_word_char(ch: str) -> bool:
    """A character a word of the set may hold: an ASCII letter, digit or underscore."""
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _plain_non_word(ch: str) -> bool:
    """A character that is not a word character and has no case."""
    return not (ch.isalnum() or ch == "_") and ch.lower() == ch == ch.upper()


def _class_non_word(items) -> bool:
    """Every character the class [...] matches is not a word character."""
    if items and items[0][0] is _C.NEGATE:
        return any(op is _C.CATEGORY and av in (_C.CATEGORY_WORD, _C.CATEGORY_NOT_SPACE) for op, av in items[1:])
    for op, av in items:
        if op is _C.LITERAL:
            if not _plain_non_word(chr(av)):
                return False
        elif op is _C.RANGE:
            if av[1] - av[0] > 256 or not all(_plain_non_word(chr(c)) for c in range(av[0], av[1] + 1)):
                return False
        elif op is _C.CATEGORY:
            if av not in _NON_WORD_CATEGORIES:
                return False
        else:
            return False
    return bool(items)


def _non_word_item(op, av) -> bool:
    """The item matches one character (or more) that is not a word character, every time."""
    if op is _C.LITERAL:
        return _plain_non_word(chr(av))
    if op is _C.IN:
        return _class_non_word(av)
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1:
        sub_op, sub_av = av[2][0]
        return sub_op in (_C.LITERAL, _C.IN) and _non_word_item(sub_op, sub_av)
    return False


def _no_word_char(sub) -> bool:
    """A look-around's body that is one class or character holding every word character
    (``\\w``, ``[\\w-]``): "no word character there"."""
    if len(sub) != 1:
        return False
    op, av = sub[0]
    return op is _C.IN and not any(o is _C.NEGATE for o, _ in av) and (_C.CATEGORY, _C.CATEGORY_WORD) in av


def _zero_width(op) -> bool:
    return op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT)


def _guard(op, av, left: bool) -> bool | None:
    """For an item right before (``left``) or right after a run of word characters: True when
    it shows that no word character is next to the run, None when it is a zero-width test that
    shows nothing (look further), False otherwise."""
    if op is _C.AT:
        if av is _C.AT_BOUNDARY:
            return True
        return True if av in (_AT_LEFT if left else _AT_RIGHT) else None
    if op is _C.ASSERT_NOT:
        direction, sub = av
        return True if (direction < 0) == left and _no_word_char(list(sub)) else None
    if op is _C.ASSERT:
        return None
    if _non_word_item(op, av):
        return True
    if op in _REPEATS:
        body = _edge_guarded(list(av[2]), left)
        if body is False:
            return False
        # at least once: its last (or first) time is next to the run; maybe none: look further
        return body if av[0] >= 1 else None
    if op is _C.SUBPATTERN:
        if av[1] & (re.ASCII | re.LOCALE):
            return False
        return _edge_guarded(list(av[3]), left)
    if _ATOMIC is not None and op is _ATOMIC:
        return _edge_guarded(list(av), left)
    if op is _C.BRANCH:
        found = [_edge_guarded(list(alt), left) for alt in av[1]]
        if False in found:
            return False
        return True if all(found) else None
    return False


def _edge_guarded(items, left: bool) -> bool | None:
    """Every match of ``items`` ends (``left``: for a run after it) or begins with a guard:
    True; None when it may consume nothing (look further); False otherwise."""
    order = reversed(items) if left else items
    for op, av in order:
        found = _guard(op, av, left)
        if found is not None:
            return found
    return None  # nothing but zero-width tests: what is beyond decides


def _side_guarded(items, i: int, step: int, outside: bool) -> bool:
    """Whether the item at ``i`` (walking by ``step``: -1 before a run, +1 after it) shows that
    no word character is next to the run; ``outside`` when the walk leaves the sequence."""
    while 0 <= i < len(items):
        op, av, _flags = items[i]
        found = _guard(op, av, step < 0)
        if found is not None:
            return found
        i += step
    return outside


def _strings(items, limit: int = _MAX_WORDS) -> set[str] | None:
    """The strings a sequence of plain word characters, small classes of them and groups or
    optional parts made only of those can match (lower-cased), or None."""
    out = {""}
    for op, av in items:
        if op is _C.LITERAL:
            ch = chr(av)
            if not _plain_word_char(ch):
                return None
            out = {s + ch.lower() for s in out}
        elif op is _C.IN:
            chars = _class_chars(av, _SMALL_CLASS) if av and av[0][0] is not _C.NEGATE else None
            if not chars or len(chars) > _SMALL_CLASS or not all(_plain_word_char(c) for c in chars):
                return None
            out = {s + c.lower() for s in out for c in chars}
        elif op is _C.SUBPATTERN:
            if av[1] & (re.ASCII | re.LOCALE):
                return None
            sub = _strings(list(av[3]), limit)
            if sub is None:
                return None
            out = {s + t for s in out for t in sub}
        elif op is _C.BRANCH:
            alts: set[str] = set()
            for alt in av[1]:
                sub = _strings(list(alt), limit)
                if sub is None:
                    return None
                alts |= sub
            out = {s + t for s in out for t in alts}
        elif op in _REPEATS and av[1] <= 1:
            if av[1] == 0:
                continue
            sub = _strings(list(av[2]), limit)
            if sub is None:
                return None
            out = {s + t for s in out for t in sub | ({""} if av[0] == 0 else set())}
        else:
            return None
        if len(out) > limit:
            return None
    return out


def _rank(words: frozenset[str]) -> tuple:
    """How likely a letter is to hold one of ``words`` (lower is less likely)."""
    return (sum(w in COMMON_WORDS for w in words), len(words), -min(len(w) for w in words))


def _walk_needed(items, before: bool, after: bool, plain, rank, limit: int) -> frozenset | None:
    """The set, ranked best by ``rank`` (lower: rarer), one member of which every match of the
    sequence ``items`` [(op, av, flags)] holds whole; ``before``/``after``: no word character is
    just before/after the sequence. ``plain(items, i, before, after)`` reads the longest stretch
    of plain words from ``i``: (where it ends, or ``i`` when none begins there; what every match
    of it holds, or None). An alternation's sets are joined up to ``limit`` members. Shared by
    needed words (``_needed_in``) and needed keys (``_keys_in``)."""
    best: frozenset | None = None

    def keep(found: frozenset | None) -> None:
        nonlocal best
        if found and (best is None or rank(found) < rank(best)):
            best = found

    def inner(seq, inside_before: bool, inside_after: bool) -> frozenset | None:
        return _walk_needed(seq, inside_before, inside_after, plain, rank, limit)

    i, n = 0, len(items)
    while i < n:
        j, found = plain(items, i, before, after)
        if j > i:
            keep(found)
            i = j
            continue
        op, av, flags = items[i]
        inside_before = _side_guarded(items, i - 1, -1, before)
        inside_after = _side_guarded(items, i + 1, 1, after)
        if op is _C.SUBPATTERN:
            _group, add, delete, sub = av
            if add & (re.ASCII | re.LOCALE):
                raise _Unknown("ASCII or locale word boundaries")
            keep(inner(_seq(sub, (flags | add) & ~delete), inside_before, inside_after))
        elif op is _C.BRANCH:
            found_all: set = set()
            for alt in av[1]:
                found = inner(_seq(alt, flags), inside_before, inside_after)
                if found is None:
                    found_all = set()
                    break
                found_all |= found
            if found_all and len(found_all) <= limit:
                keep(frozenset(found_all))
        elif op in _REPEATS and av[0] >= 1:
            # once at least: its first time begins where the repeat begins, its last ends where
            # it ends; one time alone is both only when it cannot repeat
            if av[1] == 1:
                keep(inner(_seq(av[2], flags), inside_before, inside_after))
            else:
                keep(inner(_seq(av[2], flags), False, False))
        elif _ATOMIC is not None and op is _ATOMIC:
            keep(inner(_seq(av, flags), inside_before, inside_after))
        i += 1
    return best


def _longest(items, i: int, read):
    """(where the longest stretch of ``items`` from ``i`` that ``read`` can read ends, what it
    read), or (i, None) when not even one item reads."""
    j, got = i, None
    for k in range(i + 1, len(items) + 1):
        found = read([(op, av) for op, av, _f in items[i:k]])
        if found is None:
            break
        j, got = k, found
    return j, got


def _plain_words(items, i: int, before: bool, after: bool) -> tuple[int, frozenset[str] | None]:
    """The longest stretch of plain word characters (and groups of them) from ``i``, and its
    words when each is whole."""
    j, words = _longest(items, i, _strings)
    if words is None or j == i:
        return i, None
    whole = "" not in words and _side_guarded(items, i - 1, -1, before) and _side_guarded(items, j, 1, after)
    return j, frozenset(words) if whole else None


def _needed_in(items, before: bool, after: bool) -> frozenset[str] | None:
    """A set of words one of which every match of the sequence ``items`` [(op, av, flags)] holds
    whole; ``before``/``after``: no word character is just before/after the sequence."""
    return _walk_needed(items, before, after, _plain_words, _rank, _MAX_WORDS)


def _unicode_items(parsed):
    """The parsed pattern's items [(op, av, flags)], or None when its own flags ask for ASCII or
    locale word boundaries."""
    if parsed.state.flags & (re.ASCII | re.LOCALE):
        return None
    return _seq(parsed.data, parsed.state.flags)


def read_needed_words(pattern: re.Pattern) -> frozenset[str] | None:
    """The words one of which every match of ``pattern`` holds whole (None: not known)."""

    def read(parsed) -> frozenset[str] | None:
        items = _unicode_items(parsed)
        return None if items is None else _needed_in(items, False, False)

    return _read_parsed(pattern, read)


# -- words and runs of words a match must hold ---------------------------------------------
#
# ``needed_keys(pattern)``: like ``needed_words``, but a key may also be a run of two or three
# words that every match holds one after the other, whole, with only characters that are not
# word characters between them ("you will", "no further", "remove you"), written with one space
# between the words. A text holds a key when it has the run among its words in order (its words
# lower-cased, ``TextIndex.grams``). Phrase patterns made of common words ("\byou\s+will\s+be
# \s+sent\b") need none of their words alone, but a letter seldom holds their runs.

#: at most this many ways a stretch of a pattern is read as words
_MAX_RUNS = 256
#: at most this many keys in one set (a text's keys are a set: asking about many costs little)
_MAX_KEYS = 512
#: the longest run of words a key holds (the text's runs of one, two and three words are made)
GRAM = 3
#: a stretch that matches nothing, and one that matches only characters that are not word
#: characters (one or more) or a boundary between words: ("",) and ("", "")
_NOTHING = ("",)
_APART = ("", "")


def _join(a: tuple, b: tuple) -> tuple:
    """The words of ``a`` then those of ``b``: the last piece of ``a`` and the first of ``b``
    are one word; two runs of non-word characters that meet are one run."""
    mid = a[-1] + b[0]
    if not mid and len(a) > 1 and len(b) > 1:
        return a[:-1] + b[1:]
    return a[:-1] + (mid,) + b[1:]


def _runs(items) -> set[tuple[str, ...]] | None:
    """How matches of the sequence ``items`` [(op, av)] read as words: each a tuple of word
    pieces, lower-cased, in order, with non-word characters (one or more) or a boundary
    between words wherever two pieces meet; an empty first (last) piece: the match begins
    (ends) with such characters or a boundary. None: not known."""
    out = {_NOTHING}
    for op, av in items:
        part = _runs_of(op, av)
        if part is None:
            return None
        out = {_join(a, b) for a in out for b in part}
        if len(out) > _MAX_RUNS:
            return None
    return out


def _runs_of(op, av) -> set[tuple[str, ...]] | None:
    if op is _C.LITERAL:
        ch = chr(av)
        if _plain_word_char(ch):
            return {(ch.lower(),)}
        return {_APART} if _plain_non_word(ch) else None
    if op is _C.IN:
        if _class_non_word(av):
            return {_APART}
        chars = _class_chars(av, _SMALL_CLASS) if av and av[0][0] is not _C.NEGATE else None
        if not chars or len(chars) > _SMALL_CLASS:
            return None
        out = set()
        for ch in chars:
            if _plain_word_char(ch):
                out.add((ch.lower(),))
            elif _plain_non_word(ch):
                out.add(_APART)
            else:
                return None
        return out
    if op is _C.AT:
        # a boundary, a line's or the text's start or end: no word character on one side
        return {_NOTHING} if av is _C.AT_NON_BOUNDARY else {_APART}
    if op is _C.ASSERT_NOT:
        return {_APART} if _no_word_char(list(av[1])) else {_NOTHING}
    if op is _C.ASSERT:
        return {_NOTHING}  # it narrows, no more
    if op is _C.SUBPATTERN:
        if av[1] & (re.ASCII | re.LOCALE):
            return None
        return _runs(list(av[3]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _runs(list(av))
    if op is _C.BRANCH:
        out = set()
        for alt in av[1]:
            sub = _runs(list(alt))
            if sub is None:
                return None
            out |= sub
        return out if len(out) <= _MAX_RUNS else None
    if op in _REPEATS:
        low, high, sub_items = av
        sub = _runs(list(sub_items))
        if sub is None:
            return None
        if sub <= {_NOTHING, _APART}:  # \s+, [- ]?: a run of non-word characters, or nothing
            return sub | ({_NOTHING} if low == 0 else set())
        if high > 3:
            return None
        out = set()
        power = {_NOTHING}
        for k in range(high + 1):
            if k >= low:
                out |= power
            if k < high:
                power = {_join(a, b) for a in power for b in sub}
                if len(power) > _MAX_RUNS:
                    return None
        return out if len(out) <= _MAX_RUNS else None
    return None


def _key_weight(key: str) -> float:
    """A rough chance that a letter holds ``key``: a common word nearly always, another word
    seldom, a run of words with an uncommon one in it hardly ever."""
    words = key.split(" ")
    common = all(w in COMMON_WORDS for w in words)
    if len(words) == 1:
        return 1.0 if common else 0.05
    if common:
        return 0.2 if len(words) == 2 else 0.05
    return 0.005


def _rank_keys(keys: frozenset[str]) -> tuple:
    """How likely a letter is to hold one of ``keys`` (lower is less likely)."""
    return (sum(map(_key_weight, keys)), len(keys), -min(len(k) for k in keys))


def _keys_of(runs: set[tuple[str, ...]], left: bool, right: bool) -> frozenset[str] | None:
    """One key for each way ``runs`` reads (its rarest run of up to GRAM whole words: an inner
    piece is whole, an outer one only when ``left`` / ``right`` says no word character is
    beside the stretch), or None when one way has no whole word."""
    keys: set[str] = set()
    for run in runs:
        words = list(run)
        if len(words) == 1:
            if not (left and right):
                return None
        else:
            if not left:
                words[0] = ""
            if not right:
                words[-1] = ""
        words = [w for w in words if w]
        if not words:
            return None
        best = min((" ".join(words[i : i + size]) for size in range(min(GRAM, len(words)), 0, -1) for i in range(len(words) - size + 1)), key=_key_weight)
        keys.add(best)
        if len(keys) > _MAX_KEYS:
            return None
    return frozenset(keys) if keys else None


def _plain_keys(items, i: int, before: bool, after: bool) -> tuple[int, frozenset[str] | None]:
    """The longest stretch from ``i`` that reads as words, and its keys (a shorter stretch's when
    it has too many ways or no whole word)."""
    j, runs = _longest(items, i, _runs)
    if runs is None or j == i:
        return i, None
    left = _side_guarded(items, i - 1, -1, before)
    keys = _keys_of(runs, left, _side_guarded(items, j, 1, after))
    k = j
    while keys is None and k - 1 > i:  # too many ways, or no whole word: a shorter stretch
        k -= 1
        shorter = _runs([(op, av) for op, av, _f in items[i:k]])
        keys = None if shorter is None else _keys_of(shorter, left, _side_guarded(items, k, 1, after))
    return j, keys


def _keys_in(items, before: bool, after: bool) -> frozenset[str] | None:
    """A set of keys (a word, or a run of words: ``needed_keys``) one of which every match of
    the sequence ``items`` [(op, av, flags)] holds; ``before``/``after``: no word character is
    just before/after the sequence."""
    return _walk_needed(items, before, after, _plain_keys, _rank_keys, _MAX_KEYS)


def read_needed_keys(pattern: re.Pattern) -> frozenset[str] | None:
    """The keys (words, or runs of up to GRAM words joined by a space) one of which every match
    of ``pattern`` holds whole, in order (None: not known)."""

    def read(parsed) -> frozenset[str] | None:
        items = _unicode_items(parsed)
        if items is None:
            return None
        found = [keys for keys in (_keys_in(items, False, False), _needed_in(items, False, False)) if keys]
        return min(found, key=_rank_keys) if found else None

    return _read_parsed(pattern, read)


def text_grams(words: list[str]) -> set:
    """A text's keys: its words (lower-cased, in order), and each run of two and of three of
    them as a tuple (a tuple of words hashes faster than the words joined would be made)."""
    grams = set(words)
    grams.update(zip(words, words[1:]))
    grams.update(zip(words, words[1:], words[2:]))
    return grams


class TextIndex:
    """Where words, lines and numbers begin in one text, for ``candidates``."""

    __slots__ = ("text", "lowered", "exact", "_words_at", "_kinds", "_found", "_prefixed", "_tokens", "_excluded", "_needed_at", "_cutting")

    def __init__(self, text: str, lowered=None) -> None:
        from ..prefilter import Lowered

        low = lowered if lowered is not None and lowered.text is not None else Lowered(text)
        self.text = text
        self.lowered = low.text
        self.exact = low.exact  # the lower-cased text has the same offsets, and folds as re does
        self._words_at: tuple[dict[str, list[int]], frozenset[str]] | None = None
        self._kinds: dict[str, list[int]] = {}
        self._found: dict[int, tuple[re.Pattern, list[int] | None]] = {}
        #: id of an interned plan entry (prefixes, cased, every) or (string, cased) -> its places
        self._prefixed: dict[int, list[int]] = {}
        self._tokens: set | None = None  #: its words and runs of words (``text_grams``)
        self._excluded: dict[int, tuple[object, bool]] = {}
        self._needed_at: dict[int, tuple[object, list[int] | None]] = {}
        self._cutting: dict[int, tuple[list, list]] = {}

    def excluded(self, pattern) -> bool:
        """True when ``pattern`` cannot match anywhere in the text: every match holds one of
        some words, or runs of words, whole (``needed_keys``) and the text has none of them. It holds for a search
        of the whole text and of any stretch of it that does not cut a word in two (``cuts``)."""
        kept = self._excluded.get(id(pattern))
        if kept is not None and kept[0] is pattern:
            return kept[1]
        needed = _needed_keys(pattern) if self.exact else None
        found = False
        if needed is not None:
            tokens = self._tokens
            if tokens is None:
                tokens = self._tokens = text_grams(_WORD.findall(self.lowered))
            found = needed.isdisjoint(tokens)
        self._excluded[id(pattern)] = (pattern, found)
        return found

    def needed_at(self, pattern) -> list[int] | None:
        """The sorted offsets where the words one of which every match of ``pattern`` holds
        (``needed_words``) begin, whole, in the text (None: not known)."""
        kept = self._needed_at.get(id(pattern))
        if kept is not None and kept[0] is pattern:
            return kept[1]
        needed = _needed(pattern) if self.exact else None
        found: list[int] | None = None
        if needed is not None:
            found = []
            if not self.excluded(pattern):
                table, present = self._words()
                low, text = self.lowered, self.text
                n = len(text)
                for word in needed:
                    key = word[:3]
                    if key not in present:
                        continue
                    k = len(word)
                    for p in table[key]:
                        if low.startswith(word, p) and (p + k >= n or not _word_char(text[p + k])):
                            found.append(p)
                found.sort()  # one word at each place: a word of the text is one of them or none
        self._needed_at[id(pattern)] = (pattern, found)
        return found

    def holds_needed(self, pattern, start: int, end: int) -> bool:
        """Whether the stretch [start, end) may hold a match of ``pattern`` as far as its needed
        words tell: False only when ``end`` does not cut a word and none of the words begins in
        the stretch (for a search that begins at ``start`` in the text; for the stretch searched
        alone, ``start`` must not cut a word either). Asked of a pattern whose beginnings are not
        known, which would otherwise be searched in full."""
        need = self.needed_at(pattern)
        if need is None or self.cuts(end):
            return True
        i = bisect_left(need, start)
        return i < len(need) and need[i] < end

    def cutting(self, spans) -> list:
        """Those of ``spans`` (objects with ``start`` and ``end``) whose end cuts a word (``cuts``),
        worked out once for a list of spans asked about again and again."""
        kept = self._cutting.get(id(spans))
        if kept is not None and kept[0] is spans:
            return kept[1]
        n = len(self.text)
        found = [span for span in spans if self.cuts(min(span.end, n))]
        if isinstance(spans, list):  # a list asked about by many patterns (a generator: once)
            self._cutting[id(spans)] = (spans, found)
        return found

    def cuts(self, p: int) -> bool:
        """A word goes on across offset ``p``: a search that starts or stops there sees a
        shorter word than the text holds."""
        text = self.text
        return 0 < p < len(text) and _word_char(text[p - 1]) and _word_char(text[p])

    def _words(self) -> tuple[dict[str, list[int]], frozenset[str]]:
        """Word starts by their first character, their first two and their first three,
        lower-cased (one table: keys of different lengths do not meet), and its keys.

        Made in one loop over the words by their first three characters (near the end of the
        text a key may be shorter); the starts by one and two characters are made from that
        table's keys (a few hundred), not from the words again."""
        if self._words_at is None:
            low = self.lowered
            table: dict[str, list[int]] = {}
            get = table.get
            for m in _WORD.finditer(self.text):
                p = m.start()
                key = low[p : p + 3]
                found = get(key)
                if found is None:
                    table[key] = [p]
                else:
                    found.append(p)
            shorter: dict[str, list[int]] = {}
            for key, places in table.items():
                for short in (key[:1], key[:2]) if len(key) > 1 else (key,):
                    found = shorter.get(short)
                    if found is None:
                        shorter[short] = places.copy()
                    else:
                        found.extend(places)
            for places in shorter.values():
                places.sort()
            table.update(shorter)  # a key of one or two characters: every word it begins
            self._words_at = (table, frozenset(table))
        return self._words_at

    def _places(self, kind: str) -> list[int]:
        found = self._kinds.get(kind)
        if found is None:
            text = self.text
            if kind == "text":
                found = [0]
            elif kind == "line":
                found = [0] + [p + 1 for p in offsets(text, "\n")]
            elif kind == "digit":
                if text.isascii() or _OTHER_DIGIT.search(text) is None:
                    # only the ten ASCII digits: each found with str.find, far quicker than \d
                    found = sorted(p for digit in "0123456789" for p in offsets(text, digit))
                else:
                    found = [m.start() for m in _DIGIT.finditer(text)]
            elif kind == "digit_run":  # the first digit of a number: no digit (\\d) before it
                found = [p for p in self._places("digit") if p == 0 or not text[p - 1].isdecimal()]
            else:  # digit_word: a digit that begins a word: no word character (\\w) before it
                found = [p for p in self._places("digit") if p == 0 or not _word_char(text[p - 1])]
            self._kinds[kind] = found
        return found

    def candidates(self, pattern: re.Pattern) -> list[int] | None:
        """The sorted places in the text where a match of ``pattern`` can begin (None: any)."""
        kept = self._found.get(id(pattern))
        if kept is not None and kept[0] is pattern:
            return kept[1]
        plan = _plan(pattern) if self.exact else None
        found: list[int] | None = None
        if plan is not None:
            parts: list[list[int]] = [self._places(kind) for kind in plan.kinds]
            prefixed = self._prefixed
            if plan.keys:
                words, present = self._words()
                by_key = plan.by_key
                for key in plan.keys & present:
                    pool = words[key]
                    for entry in by_key[key]:
                        prefixes, cased, every = entry
                        if every:
                            parts.append(pool)
                            continue
                        kept = prefixed.get(id(entry))  # patterns often share their first words
                        if kept is None:
                            starts_with = (self.text if cased else self.lowered).startswith
                            kept = prefixed[id(entry)] = [p for p in pool if starts_with(prefixes, p)]
                        parts.append(kept)
            for string in plan.strings:  # (prefix, cased): rule patterns share many
                places = prefixed.get(id(string))
                if places is None:
                    prefix, cased = string
                    places = prefixed[id(string)] = offsets(self.text if cased else self.lowered, prefix)
                parts.append(places)
            for entry in plan.before:  # (string, cased, "before"): the word that ends at each place of it
                places = prefixed.get(id(entry))
                if places is None:
                    prefix, cased, _before = entry
                    text = self.text
                    places = []
                    for p in offsets(text if cased else self.lowered, prefix):
                        q = p
                        while q > 0 and _word_char(text[q - 1]):
                            q -= 1
                        if q < p:
                            places.append(q)
                    prefixed[id(entry)] = places
                parts.append(places)
            parts = [part for part in parts if part]
            if len(parts) == 1:
                found = parts[0]
            else:
                found = sorted(set().union(*parts))
        self._found[id(pattern)] = (pattern, found)
        return found


def index(ctx) -> TextIndex:
    """The TextIndex of the check's document, made once."""
    return ctx.memo("details.scan_index", lambda c: TextIndex(c.document.text, c.lowered()))


def finditer(ctx, pattern: re.Pattern, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """Exactly ``pattern.finditer(text, start, end)`` on the document's text, trying the
    pattern only where a match can begin."""
    return finditer_in(index(ctx), pattern, start, end)


def search(ctx, pattern: re.Pattern, start: int = 0, end: int | None = None) -> re.Match | None:
    """Exactly ``pattern.search(text, start, end)`` on the document's text."""
    return next(finditer_in(index(ctx), pattern, start, end), None)


def finditer_in(idx: TextIndex, pattern: re.Pattern, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """Exactly ``pattern.finditer(idx.text, start, end)`` (``pattern`` may be a module's
    stand-in compiled on first use: ``textpatterns.LazyPatterns``)."""
    text = idx.text
    end = len(text) if end is None else min(end, len(text))
    given = pattern
    if isinstance(pattern, PatternOnUse):  # where it can begin, from its source: not compiled
        if idx.excluded(pattern) and not idx.cuts(end):
            return  # it needs a word the text does not have (a rule's pattern)
        places = idx.candidates(pattern)
        if places is not None and not places:
            return
        pattern = pattern.compiled()
    else:
        if not isinstance(pattern, re.Pattern) and hasattr(pattern, "compiled"):
            pattern = pattern.compiled()
        if idx.excluded(pattern) and not idx.cuts(end):
            return
        places = idx.candidates(pattern)
    if places is None:
        # searched in full: a stretch only with a needed word in it (the whole text: asked above)
        if (start <= 0 and end == len(text)) or idx.holds_needed(given, start, end):
            yield from pattern.finditer(text, start, end)
        return
    yield from at_places(pattern, text, places, start, end)


def at_places(pattern: re.Pattern, text: str, places: list[int], start: int, end: int) -> Iterator[re.Match]:
    """Exactly ``pattern.finditer(text, start, end)`` when a match can begin only at ``places``
    (sorted; ``TextIndex.candidates``): ``match`` tried at each place in the stretch, and after a
    match at the first place from its end on, as ``finditer`` goes on."""
    match = pattern.match
    i = bisect_left(places, start)
    n = len(places)
    while i < n:
        p = places[i]
        if p >= end:
            return
        m = match(text, p, end)
        if m is not None:
            yield m
            i = bisect_left(places, m.end(), i + 1)
        else:
            i += 1


def finditer_spans(ctx, pattern: re.Pattern, spans) -> Iterator[tuple[object, re.Match]]:
    """(span, match) for each match of ``pattern.finditer(text, span.start, span.end)``, span
    after span in the order given: exactly the nested loops, but a span where no match can
    begin costs a look-up, not a search."""
    idx = index(ctx)
    text = idx.text
    if idx.excluded(pattern):  # only a span that ends inside a word could hold a match
        spans = idx.cutting(spans)
        if not spans:
            return
    places = idx.candidates(pattern)
    if places is None:
        holds = idx.holds_needed
        for span in spans:
            if holds(pattern, span.start, min(span.end, len(text))):
                for m in pattern.finditer(text, span.start, span.end):
                    yield span, m
        return
    n = len(places)
    if not n:
        return
    for span in spans:
        end = min(span.end, len(text))
        i = bisect_left(places, span.start)
        if i < n and places[i] < end:  # a span where no match can begin costs this look-up
            for m in at_places(pattern, text, places, span.start, end):
                yield span, m


def finder(ctx):
    """``finder(ctx)(pattern)``: exactly ``pattern.finditer(text)`` on the document's text, for
    code handed a way to search rather than the check."""
    idx = index(ctx)
    return lambda pattern: finditer_in(idx, pattern)


def search_unit(ctx, pattern: re.Pattern, unit) -> re.Match | None:
    """Exactly ``pattern.search(unit.text)``, for a piece of the document (``unit.text`` is the
    text from ``unit.start`` to ``unit.end``)."""
    return search_piece(index(ctx), pattern, unit.start, unit.text)


def search_piece(idx: TextIndex, pattern: re.Pattern, start: int, piece: str) -> re.Match | None:
    """Exactly ``pattern.search(piece)`` where ``piece`` is ``idx.text[start:start + len(piece)]``:
    tried at the piece's first character (the first of a word, a line and a number in the piece
    alone) and where the document's index says a match can begin inside it."""
    end = start + len(piece)
    if idx.text[start:end] != piece:
        return pattern.search(piece)
    if idx.excluded(pattern) and not idx.cuts(start) and not idx.cuts(end):
        return None  # the piece's words are the text's: none of those a match needs
    places = idx.candidates(pattern)
    if places is None:
        if not idx.cuts(start) and not idx.holds_needed(pattern, start, end):
            return None
        return pattern.search(piece)
    match = pattern.match
    m = match(piece, 0)
    if m is not None:
        return m
    i = bisect_left(places, start + 1)
    n = len(places)
    while i < n and places[i] < end:
        m = match(piece, places[i] - start)
        if m is not None:
            return m
        i += 1
    return None
