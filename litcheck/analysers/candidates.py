"""Rules whose finders propose candidates: a span and how it should read, or, when only a
person can tell what is meant, the reason no rewrite is offered (dates and times, numbers).

A rule file names its finder with ``detect:``; a finder is a function of the check's context
that yields ``Candidate`` values. ``CandidateRule.check`` turns them into findings the same
way for every such kind: never inside a template field or masked text, only in the sentence
kinds of the rule's ``scope``; a rewrite is the finding's suggestion (and ``fix``'s edit), a
candidate with no rewrite is advice in ``message_unclear``.
"""

from __future__ import annotations

from typing import Callable, ClassVar, Iterator, NamedTuple

from ..rule import Rule
from .patterns import sentence_at


class Candidate(NamedTuple):
    start: int
    end: int
    expected: str | None  #: how it should read (None: only a person can tell)
    reason: str = ""  #: why no rewrite is offered (for message_unclear)
    shown: str | None = None  #: what to quote as {actual} when not the matched text


class CandidateRule(Rule):
    KEYS = {
        "detect": (True, (str,)),  # the finder: one of the kind's FINDERS
        # the message when only a person can tell what is meant ({actual}, {reason})
        "message_unclear": (False, (str,)),
    }
    CAN_EDIT = True
    MESSAGE_FIELDS = frozenset({"actual", "expected"})
    #: the kind's finders by name (``detect:``)
    FINDERS: ClassVar[dict[str, Callable]] = {}

    def setup(self, spec) -> None:
        self.detect = spec["detect"]
        if self.detect not in self.FINDERS:
            self.fail("detect", f"detect must be one of {', '.join(self.FINDERS)}, not '{self.detect}'")
        self.message_unclear = str(spec.get("message_unclear", "'{actual}': {reason}.")).strip()
        try:
            self.message_unclear.format_map({"actual": "", "reason": ""})
        except (KeyError, ValueError, IndexError) as exc:
            self.fail("message_unclear", f"message_unclear may use {{actual}} and {{reason}} only ({exc})")

    def skip(self, ctx, candidate: Candidate) -> bool:
        """Whether a kind leaves this candidate alone (a hook for kinds with more to check)."""
        return False

    def shown_expected(self, text: str, candidate: Candidate, actual: str) -> str:
        """What the message quotes as {expected}."""
        return candidate.expected or ""

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        for c in self.FINDERS[self.detect](ctx):
            if c.end <= c.start or ctx.is_masked(c.start, c.end) or ctx.document.placeholder_at(c.start, c.end) is not None:
                continue
            if self.skip(ctx, c):
                continue
            sentence = sentence_at(ctx, c.start)
            if sentence is None or sentence.kind not in self.scope:
                continue
            actual = c.shown if c.shown is not None else text[c.start : c.end]
            if c.expected is None:
                yield ctx.finding(self, c.start, c.end, self.message_unclear.format_map({"actual": actual, "reason": c.reason}), ())
                continue
            message = self.format_message(actual=actual, expected=self.shown_expected(text, c, actual))
            yield ctx.finding(self, c.start, c.end, message, (c.expected,))

    def edits(self, finding, document):
        if not finding.suggestions:
            return None
        return [(finding.start, finding.end, finding.suggestions[0])]
