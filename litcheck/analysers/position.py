"""position: something that belongs near the top appears only late in the document.

The first match of ``patterns`` must come within the first ``within`` share of the text
(0.4: the first 40%). A first match later than that is a finding at the match; with
``missing: true`` a document without any match is a finding too (at its start).
``when`` and ``min_words`` work as for absence rules. Position is measured in characters
of the extracted text, so a letter's address block counts as "top", as it does on paper.
"""

from __future__ import annotations

from typing import Iterator

from ..rule import Rule
from .patterns import applies, compile_phrases, matches


class Position(Rule):
    kind = "position"
    KEYS = {
        "patterns": (True, (list,)),
        "within": (True, (float,)),  # share of the document, 0 to 1
        "missing": (False, (bool,)),  # a document without any match is a finding too
        "when": (False, (list,)),
        "min_words": (False, (int,)),
        "suggest": (False, (list,)),
    }
    MESSAGE_FIELDS = frozenset({"actual", "share"})

    def setup(self, spec) -> None:
        self.patterns = compile_phrases(self, "patterns", spec["patterns"])
        self.within = spec["within"]
        if not 0 < self.within < 1:
            self.fail("within", "'within' is a share of the document between 0 and 1, e.g. 0.4")
        self.missing = spec.get("missing", False)
        self.when = compile_phrases(self, "when", spec["when"]) if spec.get("when") else None
        self.min_words = spec.get("min_words", 0)
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def relevant(self, ctx) -> bool:
        return applies(ctx, self)

    def check(self, ctx) -> Iterator:
        if not self.relevant(ctx):
            return
        length = len(ctx.document.text.rstrip()) or 1
        first = next(matches(ctx, self.patterns), None)
        if first is None:
            if self.missing:
                yield ctx.finding(self, 0, 0, self.format_message(actual="", share="nowhere"), self.suggest)
            return
        share = first.start() / length
        if share > self.within:
            msg = self.format_message(actual=first.group(), share=f"{round(share * 100)}% of the way through")
            yield ctx.finding(self, first.start(), first.end(), msg, self.suggest)
