"""A long alternation of terms ("hypertension|blood\\s+test|..."), matched exactly as the one
regular expression would match it, but quickly.

Python's regular expressions try every alternative at every position of the text, so a
pattern of a thousand terms costs a thousand tries a character. ``TermAlternation`` keeps the
alternatives grouped by the first two letters of their terms and, at each place a word
starts, runs only the group those letters pick (in the alternatives' own order, so the same
alternative wins). Where the two letters are not ASCII (a word that starts "Ǆ", a Kelvin
sign that matches "k" when case is ignored) it runs the whole pattern there. The matches are
the same as ``re.compile(before + "(?:" + "|".join(alternatives) + ")" + after, flags)``
finds with ``finditer``, for ``before`` a zero-width test that no word character may stand
before (a look-behind such as ``(?<![\\w-])``) and terms that start with a word character.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from .textpatterns import CompiledOnUse

#: a place a word starts: where a term may start matching
_WORD_START = re.compile(r"(?<!\w)(?=\w)")


class TermAlternation:
    """``before (?:alternatives...) after`` over ``terms``, tried only where a term's first two
    letters are (``terms[k]``: the plain words alternative ``k`` starts with, lower case)."""

    def __init__(self, terms: Sequence[str], alternatives: Sequence[str], before: str, after: str, flags: int = 0) -> None:
        if len(terms) != len(alternatives):
            raise ValueError("one term for each alternative")

        self._source = lambda alts: before + "(?:" + "|".join(alts) + ")" + after
        self._flags = flags
        self._alternatives = list(alternatives)
        self._pattern: re.Pattern | None = None
        #: a term that starts with no word character: every place is tried, by the whole pattern
        self._everywhere = any(not re.match(r"\w", t) for t in terms)
        keyed: dict[str, list[int]] = {}
        always: list[int] = []
        for k, term in enumerate(terms):
            key = term[:2].lower()
            if len(key) == 2 and key.isascii() and key.isalnum():
                keyed.setdefault(key, []).append(k)
            else:
                always.append(k)
        # each group is compiled the first time a text has a word starting with its letters
        # (start-up: a letter needs a few dozen of the groups, issue 20)
        self._groups = CompiledOnUse({key: self._source([alternatives[k] for k in sorted(ks + always)]) for key, ks in keyed.items()}, flags)
        self._always = re.compile(self._source([alternatives[k] for k in always]), flags) if always else None

    @property
    def pattern(self) -> re.Pattern:
        """The one regular expression of every alternative (compiled on first use)."""
        if self._pattern is None:
            self._pattern = re.compile(self._source(self._alternatives), self._flags)
        return self._pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        """The matches ``self.pattern.finditer(text, start, end)`` gives, in order."""
        end = len(text) if end is None else end
        if self._everywhere:
            yield from self.pattern.finditer(text, start, end)
            return
        groups, always = self._groups, self._always
        after = start
        for w in _WORD_START.finditer(text, start, end):
            pos = w.start()
            if pos < after:
                continue
            key = text[pos : pos + 2]
            if key.isascii():
                pattern = groups.get(key.lower(), always)
            else:
                pattern = self.pattern
            if pattern is None:
                continue
            m = pattern.match(text, pos, end)
            if m is not None:
                yield m
                after = m.end()
