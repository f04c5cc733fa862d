"""absence: the document never says something it should ("we will send you a reminder").

A rule lists ``patterns`` (phrases or regular expressions); if none of them appears
anywhere in the document, there is one finding. ``when`` (patterns) limits the rule to
documents it makes sense for (those that mention an appointment, say) and ``min_words``
keeps it off text messages and fragments. The finding points at the first ``when`` match
(or the start of the document) and carries the rule's ``suggest`` sentences.
"""

from __future__ import annotations

from typing import Iterator

from ..rule import Rule
from .patterns import applies, compile_phrases, matches


class Absence(Rule):
    kind = "absence"
    KEYS = {
        "patterns": (True, (list,)),  # any one of these is enough
        "when": (False, (list,)),  # only documents where one of these appears
        "min_words": (False, (int,)),
        "suggest": (False, (list,)),  # sentences to add, best first
    }
    MESSAGE_FIELDS = frozenset()

    def setup(self, spec) -> None:
        self.patterns = compile_phrases(self, "patterns", spec["patterns"])
        self.when = compile_phrases(self, "when", spec["when"]) if spec.get("when") else None
        self.min_words = spec.get("min_words", 0)
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def relevant(self, ctx) -> bool:
        # asked by the check and again by the EAST summary: worked out once a document
        return ctx.memo(f"relevant {self.id} {id(self)}", self._relevant)

    def _relevant(self, ctx) -> bool:
        return applies(ctx, self)

    def check(self, ctx) -> Iterator:
        if not self.relevant(ctx) or next(matches(ctx, self.patterns), None) is not None:
            return
        anchor = next(matches(ctx, self.when), None) if self.when is not None else None
        start, end = (anchor.start(), anchor.end()) if anchor else (0, 0)
        yield ctx.finding(self, start, end, self.format_message(), self.suggest)
