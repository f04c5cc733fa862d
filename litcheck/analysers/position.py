"""position: something that belongs near the top appears only late in the document.

The first match of ``patterns`` must come within the first ``within`` share of the text
(0.4: the first 40%). A first match later than that is a finding at the match; with
``missing: true`` a document without any match is a finding too (at its start).
``when`` and ``min_words`` work as for absence rules. A match whose sentence matches one of
``unless`` does not count (opening hours are not the appointment's time).

Position is measured in characters of the extracted text. With ``start: salutation`` it is
measured from the end of the salutation ("Dear Mrs Khan,") when the letter has one, so that
the letterhead, address block and reference lines above it do not count as "the top":
the first sentence after "Dear ..." is at 0%, whatever the letterhead's length.
"""

from __future__ import annotations

from typing import Iterator

from ..rule import Rule
from .patterns import applies, body_start, compile_optional, compile_phrases, excluded, matches

STARTS = ("document", "salutation")


class Position(Rule):
    kind = "position"
    KEYS = {
        "patterns": (True, (list,)),
        "within": (True, (float,)),  # share of the document, 0 to 1
        "missing": (False, (bool,)),  # a document without any match is a finding too
        "when": (False, (list,)),
        "unless": (False, (list,)),  # a match in a sentence with one of these does not count
        "start": (False, (str,)),  # document (default) or salutation: where "the top" is
        "min_words": (False, (int,)),
        "suggest": (False, (list,)),
        "message_missing": (False, (str,)),  # the message when nothing matches (with missing: true)
    }
    MESSAGE_FIELDS = frozenset({"actual", "share"})

    def setup(self, spec) -> None:
        self.patterns = compile_phrases(self, "patterns", spec["patterns"])
        self.within = spec["within"]
        if not 0 < self.within < 1:
            self.fail("within", "'within' is a share of the document between 0 and 1, e.g. 0.4")
        self.missing = spec.get("missing", False)
        self.when = compile_optional(self, spec, "when")
        self.unless = compile_optional(self, spec, "unless")
        self.start = spec.get("start", "document")
        if self.start not in STARTS:
            self.fail("start", f"start must be one of {', '.join(STARTS)}, not '{self.start}'")
        self.min_words = spec.get("min_words", 0)
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))
        self.message_missing = spec.get("message_missing", "").strip() or None

    def relevant(self, ctx) -> bool:
        # asked by the check and again by the EAST summary: worked out once a document
        return ctx.memo(f"relevant {self.id} {id(self)}", self._relevant)

    def _relevant(self, ctx) -> bool:
        return applies(ctx, self)

    def check(self, ctx) -> Iterator:
        if not self.relevant(ctx):
            return
        top = body_start(ctx) if self.start == "salutation" else 0
        length = (len(ctx.document.text.rstrip()) - top) or 1
        found = (m for m in matches(ctx, self.patterns) if not excluded(ctx, m.start(), m.end(), self.unless))
        first = next(found, None)
        if first is None:
            if self.missing:
                msg = self.message_missing or self.format_message(actual="", share="nowhere")
                yield ctx.finding(self, top, top, msg, self.suggest)
            return
        share = (first.start() - top) / length
        if share > self.within:
            msg = self.format_message(actual=first.group(), share=f"{round(share * 100)}% of the way through")
            yield ctx.finding(self, first.start(), first.end(), msg, self.suggest)
