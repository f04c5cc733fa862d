"""call_to_action: more different things asked of the reader than a short message can carry.

The rule names kinds of action (``actions: {call: [...], book: [...], reply: [...]}``, each a
list of phrases or regular expressions). In each text message (see messages.py; a document
with no message ids is one message) the kinds of action asked for are counted; a match whose
sentence matches ``unless`` does not count: a conditional, second route ("if you cannot come,
call us", "to cancel, reply CANCEL") is not a call to action in its own right. When more than
``max`` kinds are asked for, the finding is at the first action past the limit.
"""

from __future__ import annotations

from typing import Iterator

from ..rule import Rule
from .messages import split_messages
from .patterns import compile_optional, compile_phrases, excluded


class CallToAction(Rule):
    kind = "call_to_action"
    KEYS = {
        "actions": (True, (dict,)),  # name -> phrases
        "max": (True, (int,)),
        "unless": (False, (list,)),
        "suggest": (False, (list,)),
    }
    MESSAGE_FIELDS = frozenset({"actual", "count", "actions", "max"})

    def setup(self, spec) -> None:
        self.actions = {}
        for name, phrases in spec["actions"].items():
            if not isinstance(phrases, list) or not phrases:
                self.fail("actions", f"action '{name}' needs a list of phrases")
            self.actions[str(name)] = compile_phrases(self, "actions", phrases)
        self.max = spec["max"]
        if self.max < 1:
            self.fail("max", "max is 1 or more")
        self.unless = compile_optional(self, spec, "unless")
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        for message in split_messages(text):
            first = {}  # action name -> its first counted match
            for name, pattern in self.actions.items():
                for m in pattern.finditer(text, message.start, message.end):
                    if m.end() == m.start() or ctx.is_masked(m.start(), m.end()):
                        continue
                    if excluded(ctx, m.start(), m.end(), self.unless):
                        continue
                    first[name] = m
                    break
            if len(first) <= self.max:
                continue
            ordered = sorted(first.items(), key=lambda item: item[1].start())
            name, extra = ordered[self.max]
            names = ", ".join(n for n, _ in ordered)
            msg = self.format_message(actual=extra.group(), count=len(ordered), actions=names, max=self.max)
            yield ctx.finding(self, extra.start(), extra.end(), msg, self.suggest)
