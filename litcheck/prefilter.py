"""A quick test that a regular expression cannot match a text, so it need not be run.

``Prefilter(pattern)`` reads the pattern once and works out words it cannot match without:
any match of ``\\bthis\\s+leaflet\\b|\\bpatient\\s+information\\b`` contains "leaflet" or
"information". ``could_match(lowered)`` is False only when none of those words is in the text
(case aside), so the pattern cannot match there and its search can be skipped; when it is
True the pattern is run as usual. Nothing it returns changes what a search finds: it only
spares the searches that would find nothing (most of them: a letter says few of the things
a leaflet, a web page or a text message says).

The words are worked out from the parsed pattern: a run of plain letters (or the longest of
them) in each branch of an alternation; a pattern with a branch that needs no plain
characters (``\\w+``, ``[a-z]{3}``, an optional group) gets no prefilter and always runs.
Case: the test compares lower-case text with lower-case words, which is what a
case-insensitive regular expression does for ASCII letters; ``Lowered`` falls back to
"could match" for a text holding a character that matches an ASCII letter only when case
is ignored (the Kelvin sign, the long s, the dotted and dotless i).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .textpatterns import PatternCache, PatternOnUse

try:  # Python 3.11+
    from re import _constants as _sre_constants, _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, getattr(_sre_constants, "POSSESSIVE_REPEAT", None))
_ATOMIC = getattr(_sre_constants, "ATOMIC_GROUP", None)

#: the shortest run of plain characters tested for
MIN_WORD = 1


#: every character outside ASCII that matches an ASCII letter when case is ignored, or whose
#: lower or upper case holds one or is longer (the dotted and dotless i, the long s, the Kelvin
#: sign, sharp s, ligatures...); tests/test_fast_terms.py works it out again from every character
FOLDS_TO_ASCII = re.compile(
    "[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u212a\ufb00-\ufb06]"
)


def lower_is_exact(text: str) -> bool:
    """True when ``text`` has no character of ``FOLDS_TO_ASCII``: an ASCII word is then in
    ``text.lower()`` exactly where a pattern ignoring case finds it in ``text``, and
    ``text.lower()`` is as long as ``text`` (a pound sign or a curly quote changes nothing)."""
    return text.isascii() or FOLDS_TO_ASCII.search(text) is None


class Lowered:
    """A text lower-cased once for many ``could_match`` tests."""

    __slots__ = ("text", "exact", "_present")

    def __init__(self, text: str) -> None:
        self.text = text.lower()
        #: False when some character matches an ASCII letter only when case is ignored
        self.exact = lower_is_exact(text)
        self._present: dict[str, bool] = {}

    def present(self, words) -> frozenset[str]:
        """Those of ``words`` that are in the lower-cased text (each looked for once)."""
        known, text = self._present, self.text
        for word in words:
            if word not in known:
                known[word] = word in text
        return frozenset(w for w in words if known[w])


class Prefilter:
    """Sets of words, all the words of one set or another being in every text ``pattern``
    matches (None: nothing known)."""

    __slots__ = ("clauses", "words", "_tree")

    def __init__(self, pattern: re.Pattern | PatternOnUse | str, flags: int = 0) -> None:
        held = isinstance(pattern, (re.Pattern, PatternOnUse))  # PatternOnUse: read, not compiled
        source = pattern.pattern if held else pattern
        flags = pattern.flags if held else flags
        self.clauses: tuple[frozenset[str], ...] | None = None
        self.words: tuple[str, ...] = ()  #: every word of the clauses, once
        self._tree: tuple | None = None  #: the clauses as a decision tree (``_decide``), made on first use
        if isinstance(source, bytes):
            return
        shipped = _shipped().get((flags, source), False)
        found = read_clauses(source, flags) if shipped is False else shipped
        if found:
            self.clauses = tuple(dict.fromkeys(found))
            self.words = tuple(sorted(set().union(*found)))

    def could_match(self, lowered: Lowered) -> bool:
        """False only when the pattern cannot match the text ``lowered`` was made from."""
        if self.clauses is None or not lowered.exact:
            return True
        tree = self._tree
        if tree is None:
            tree = self._tree = _node(self.clauses)
        return _holds(tree, lowered._present, lowered.text)


#: a node that needs nothing more: its sets are met
_MET = ((), None, None)


def _node(clauses) -> list:
    """The sets of words ``clauses`` (one of which must be all in a text) as a node of a tree
    that asks about each word at most once on a path: [words, rest, split]. Every one of
    ``words`` (those in all the sets) must be there; then, unless ``rest`` is None (nothing
    more is needed), one of the sets ``rest`` (the others' words) must be. ``split``, worked
    out when first needed (``_split``), divides ``rest`` by one word. The same answer as
    trying each set in turn, asking about far fewer words: the sets are products of a
    pattern's alternatives, so most words are in many of them ("asked" and "will" in each of
    192 sets of one threat pattern), and a text without one of those is answered at once."""
    common = frozenset.intersection(*clauses)
    # longer words first: they are rarer in a text, so a missing one answers sooner
    words = tuple(sorted(common, key=lambda w: (-len(w), w)))
    rest = [c - common for c in clauses]
    return [words, None if any(not c for c in rest) else rest, None]


def _split(rest: list) -> tuple:
    """(word, if_there, if_not): the word most of the sets ``rest`` hold, the node of those
    sets less it, and the node of the sets without it (None: there are none). When every set
    is one word (a pattern's alternatives of one word each), (words,): any one of them is
    enough, shorter (commoner) words asked first."""
    if all(len(c) == 1 for c in rest):
        return (tuple(sorted({w for c in rest for w in c}, key=lambda w: (len(w), w))),)
    counts: dict[str, int] = {}
    for c in rest:
        for w in c:
            counts[w] = counts.get(w, 0) + 1
    word = max(sorted(counts), key=lambda w: (counts[w], len(w)))
    having = [c - {word} for c in rest if word in c]
    others = [c for c in rest if word not in c]
    return (word, _MET if any(not c for c in having) else _node(having), _node(others) if others else None)


def _holds(node, known: dict, text: str) -> bool:
    """Whether one of the sets of words of ``node`` (``_node``) is all in ``text``, each word
    looked for once (``known``: word -> there or not, for this text)."""
    while True:
        words, rest = node[0], node[1]
        for word in words:
            there = known.get(word)
            if there is None:
                there = known[word] = word in text
            if not there:
                return False
        if rest is None:
            return True
        split = node[2]
        if split is None:
            split = node[2] = _split(rest)
        if len(split) == 1:  # any one of these words is enough
            for word in split[0]:
                there = known.get(word)
                if there is None:
                    there = known[word] = word in text
                if there:
                    return True
            return False
        word, if_there, if_not = split
        there = known.get(word)
        if there is None:
            there = known[word] = word in text
        if there and _holds(if_there, known, text):
            return True
        if if_not is None:
            return False
        node = if_not


def read_clauses(source: str, flags: int) -> list[frozenset[str]] | None:
    """The sets of words worked out from the parsed pattern (None: nothing known)."""
    try:
        parsed = _sre_parse.parse(source, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern simply gets no prefilter
        return None
    return _needed(list(parsed))


#: the clauses of litcheck's own patterns, read once at build time (scripts/build_prefilter_table.py)
#: so that no run parses them again; a pattern not in it is read when first asked about
TABLE = Path(__file__).resolve().parent / "prefilter_table.json"


@lru_cache(maxsize=1)
def _shipped() -> dict[tuple[int, str], list[frozenset[str]] | None]:
    """(flags, source) -> clauses, from the shipped table (tests/test_prefilter_table.py proves
    each entry is what reading the pattern gives)."""
    try:
        rows = json.loads(TABLE.read_text(encoding="utf-8"))["patterns"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {(flags, source): None if clauses is None else [frozenset(c) for c in clauses] for flags, source, clauses in rows}


def table_source(keys) -> str:
    """The shipped table's text for the patterns ``keys`` ((flags, source) pairs), a line each."""
    rows = []
    for flags, source in sorted(set(keys), key=lambda k: (k[1], k[0])):
        found = read_clauses(source, flags)
        clauses = None if found is None else [sorted(c) for c in found]
        rows.append(json.dumps([flags, source, clauses], ensure_ascii=False))
    return '{"patterns": [\n' + ",\n".join(rows) + "\n]}\n"


def prefilter_for(pattern: re.Pattern) -> Prefilter:
    """The Prefilter of a compiled pattern, worked out once (kept by the pattern's identity:
    ``textpatterns.PatternCache``)."""
    if isinstance(pattern, PatternOnUse):  # read from its source: asking does not compile it
        return _ON_USE(pattern)
    if not isinstance(pattern, (re.Pattern, str)) and hasattr(pattern, "compiled"):
        return prefilter_for(pattern.compiled())  # a pattern compiled on first use (textpatterns)
    return _PREFILTERS(pattern)


_PREFILTERS = PatternCache(Prefilter)
_ON_USE = PatternCache(lambda p: Prefilter(p.pattern, p.flags))  # the flags re gives it: the table's key


#: at most this many sets of words for one pattern (more: fewer words are asked for)
MAX_CLAUSES = 256


def _plain(code: int) -> bool:
    """A character that matches only itself, case aside: ASCII, or a character with no case."""
    ch = chr(code)
    return code < 128 or ch.lower() == ch.upper() == ch


def _strength(clauses: list[frozenset[str]]) -> int:
    """How much sets of words narrow a search: the longest word of the weakest set."""
    return min((max((len(w) for w in c), default=0) for c in clauses), default=0)


def _needed(items: list) -> list[frozenset[str]] | None:
    """Sets of words, one set of which every match of the sequence ``items`` contains all of
    (None: no words are needed)."""
    clauses: list[frozenset[str]] = [frozenset()]
    run: list[str] = []

    def need(required: list[frozenset[str]] | None) -> None:
        nonlocal clauses
        if not required:
            return
        combined = [a | b for a in clauses for b in required]
        if len(combined) <= MAX_CLAUSES:
            clauses = combined
            return
        # too many sets: keep what is known, or the required words alone (each set cut to its
        # longest word) when they say more (a set of fewer words still holds in every match)
        required = list(dict.fromkeys(required))
        if len(required) > MAX_CLAUSES:
            required = list(dict.fromkeys(frozenset({max(sorted(c), key=len)}) for c in required))
        if len(required) <= MAX_CLAUSES and _strength(required) > _strength(clauses):
            clauses = required

    for op, av in items + [(None, None)]:
        if op is _LITERAL and _plain(av):
            run.append(chr(av).lower())
            continue
        if len(run) >= MIN_WORD:
            need([frozenset({"".join(run)})])
        run = []
        if op is _SUBPATTERN:
            need(_needed(list(av[-1])))
        elif op is _ATOMIC and _ATOMIC is not None:
            need(_needed(list(av)))
        elif op in _REPEATS and op is not None:
            low, _high, item = av
            if low >= 1:
                need(_needed(list(item)))
        elif op is _BRANCH:
            either: list[frozenset[str]] = []
            for branch in av[1]:
                words = _needed(list(branch))
                if not words:
                    either = []
                    break
                either.extend(words)
            need(either or None)
    return clauses if any(clauses) and all(clauses) else None
