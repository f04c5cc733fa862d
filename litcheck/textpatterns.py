"""Regular expressions for things letters are full of, shared by segmentation and the
practical-details checks so that both read a month or a postcode the same way."""

from __future__ import annotations

import re

#: a month, in full or short ("Sept", "Sep"), lower case: compile with re.IGNORECASE
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

#: a UK postcode in capitals ("NE1 4XX", "SW1A 1AA"), with or without its space
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")


def offsets(source: str, needle: str) -> list[int]:
    """Every offset where ``needle`` begins in ``source``, overlapping ones too, in order (found
    with str.find: far quicker than a pattern, or than a Python step a character)."""
    found, p = [], source.find(needle)
    while p != -1:
        found.append(p)
        p = source.find(needle, p + 1)
    return found


class PatternCache:
    """What is worked out once for each compiled pattern, ``make(pattern)``, kept by the
    pattern's identity: hashing a compiled pattern hashes its whole compiled code (14
    microseconds for a rule of a hundred phrases), more than the look-up it serves. The pattern
    is kept beside its value, so its id is not reused while the entry lives; at ``limit``
    entries the cache starts again."""

    def __init__(self, make, limit: int = 4096) -> None:
        self._make = make
        self._limit = limit
        self._kept: dict[int, tuple[object, object]] = {}

    def __call__(self, pattern):
        hit = self._kept.get(id(pattern))
        if hit is not None and hit[0] is pattern:
            return hit[1]
        if len(self._kept) >= self._limit:
            self._kept.clear()
        value = self._make(pattern)
        self._kept[id(pattern)] = (pattern, value)
        return value


class CompiledOnUse:
    """Keys to regular expressions, each compiled the first time its key is asked for.

    For a table of many patterns of which a document needs few (a word list keyed by each
    term's first word: 1,771 patterns, of which a letter asks for a handful), so that a
    process compiles only what it uses. ``get(key)`` is the compiled pattern or None, as a
    dict of compiled patterns would give."""

    __slots__ = ("_sources", "_flags", "_compiled")

    def __init__(self, sources: dict[str, str], flags: int = 0) -> None:
        self._sources, self._flags = sources, flags
        self._compiled: dict[str, re.Pattern] = {}

    def get(self, key: str, default=None):
        pattern = self._compiled.get(key)
        if pattern is None:
            source = self._sources.get(key)
            if source is None:
                return default
            pattern = self._compiled[key] = re.compile(source, self._flags)
        return pattern

    def __getitem__(self, key: str) -> re.Pattern:
        pattern = self.get(key)
        if pattern is None:
            raise KeyError(key)
        return pattern

    def __contains__(self, key: object) -> bool:
        return key in self._sources

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


class PatternOnUse:
    """One regular expression compiled the first time it is used (``search``, ``match``...):
    for a table of many patterns of which a document needs few, such as the ``skip_when``
    patterns of litcheck's own word lists (tests/test_wordlists.py compiles each of them).
    Equal, and hashed, as the compiled pattern would be: by its source and flags."""

    __slots__ = ("pattern", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern, self._flags = source, flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
        return self._compiled

    @property
    def flags(self) -> int:
        """The compiled pattern's ``flags``, without compiling it when the source sets no flag
        of its own (``(?i)``...): the flags given, with ``re.UNICODE`` for a text pattern as
        ``re`` adds it. So the prefilter and the details scan read their shipped tables
        (keyed by source and flags) for a pattern that is then never compiled."""
        if self._compiled is None and isinstance(self.pattern, str) and not _INLINE_FLAG.search(self.pattern):
            flags = int(self._flags)
            return flags if flags & re.ASCII else flags | int(re.UNICODE)
        return self.compiled().flags

    def __getattr__(self, name: str):
        if name.startswith("_"):  # a slot not set yet (a copy being made): not the pattern's
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PatternOnUse):
            return (self.pattern, int(self._flags)) == (other.pattern, int(other._flags))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, int(self._flags)))

    def __repr__(self) -> str:
        return f"<pattern compiled on first use: {self.pattern[:40]!r}>"


#: where a pattern may set flags of its own (a global "(?i)" changes the compiled pattern's flags)
_INLINE_FLAG = re.compile(r"\(\?[aiLmsux-]")


def rule_pattern(rule, key: str, source: str, flags: int, problem: str = "a pattern is not valid"):
    """A rule's regular expression: for litcheck's own rule files one compiled when first used
    (``PatternOnUse``: a document needs few of them, and tests/test_rule_patterns.py compiles
    every one), for an organisation's own compiled now, so that a mistake in it is an error
    at load naming its file and line (``rule.fail``)."""
    if getattr(rule, "own", False):
        return PatternOnUse(source, flags)
    try:
        return re.compile(source, flags)
    except re.error as exc:
        rule.fail(key, f"{problem}: {exc}")


class LazyPatterns:
    """Module-level regular expressions compiled on first use, not at import.

    ``_lazy = LazyPatterns(globals())`` then ``_DATE = _lazy(r"...", re.I)``: ``_DATE`` is a
    stand-in that compiles the pattern the first time one of its methods is asked for, and
    puts the compiled pattern in its place in the module, so every later use is the compiled
    pattern itself (no cost after the first). Importing a module of many long patterns then
    costs nothing until a check needs them (a CLI command that never reads dates, ``litcheck
    rules``, the web page starting). Only for names used as ``NAME.method(...)`` in their own
    module: a stand-in is not a ``re.Pattern`` to ``re.sub`` or ``isinstance``.
    """

    def __init__(self, namespace: dict) -> None:
        self._namespace = namespace

    def __call__(self, source: str, flags: int = 0) -> "_LazyPattern":
        return _LazyPattern(source, flags, self._namespace)


class _LazyPattern:
    __slots__ = ("_source", "_flags", "_namespace", "_compiled")

    def __init__(self, source: str, flags: int, namespace: dict) -> None:
        self._source, self._flags, self._namespace = source, flags, namespace
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
            for name, value in list(self._namespace.items()):
                if value is self:
                    self._namespace[name] = self._compiled
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"<pattern compiled on first use: {self._source[:40]!r}>"
