"""existence: a phrase that should not be there ("failure to attend will result in")."""

from __future__ import annotations

import re
from typing import Iterator

from ..rule import Rule


class Existence(Rule):
    kind = "existence"
    KEYS = {
        "tokens": (True, (list,)),  # phrases or regular expressions
        "ignorecase": (False, (bool,)),
        "suggest": (False, (list,)),  # replacement text, best first
    }
    MESSAGE_FIELDS = frozenset({"actual"})

    def setup(self, spec) -> None:
        flags = re.IGNORECASE if spec.get("ignorecase", True) else 0
        try:
            self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{t})" for t in spec["tokens"]) + r")(?![\w-])", flags)
        except re.error as exc:
            self.fail("tokens", f"a token is not a valid pattern: {exc}")
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        for sentence in ctx.sentences_in(self.scope):
            for m in self.pattern.finditer(text, sentence.start, sentence.end):
                if m.end() == m.start() or ctx.is_masked(m.start(), m.end()):
                    continue
                yield ctx.finding(self, m.start(), m.end(), self.format_message(actual=m.group()), self.suggest)
