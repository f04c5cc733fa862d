"""existence: a phrase that should not be there ("failure to attend will result in").

With ``edit:``, the rule also says what mechanical change fixes it, for ``litcheck fix``:
``delete`` (leave the words out: "Please note that your ..." -> "Your ...", only at the
start of a sentence) or ``sentence_case`` ("PLEASE READ THIS" -> "Please read this",
keeping abbreviations, and never for a name: HOSPITAL, CLINIC, WARD...).

``unless`` (phrases) leaves out a match whose sentence also says one of them: the words
that show the phrase means something else here ("as soon as possible" in health advice
about symptoms, or in the service's own promise "we will tell you as soon as possible").
``once_per_sentence: true`` reports only the first match in a sentence (one threat said in
two ways, "further missed appointments may mean you are removed from our list", is one).
``once_per_document: true`` reports each phrase (its words, whatever the case) only where it is
first said: the same threat repeated in a policy is one thing for the writer to change."""

from __future__ import annotations

import re
from typing import Iterator

from ..details import scan
from ..prefilter import Prefilter
from ..rule import Rule
from ..textpatterns import PatternOnUse, rule_pattern
from .patterns import compile_optional, excluded


class Existence(Rule):
    kind = "existence"
    KEYS = {
        "tokens": (True, (list,)),  # phrases or regular expressions
        "ignorecase": (False, (bool,)),
        "unless": (False, (list,)),  # not when the match's sentence says one of these
        "unless_document": (False, (list,)),  # not at all when the document says one of these
        "once_per_sentence": (False, (bool,)),  # one finding per sentence (one threat, said in two ways)
        "once_per_document": (False, (bool,)),  # one finding per phrase (the same words said again)
        "suggest": (False, (list,)),  # replacement text, best first
        "edit": (False, (str,)),  # delete | sentence_case: the change litcheck fix may make
    }
    CAN_EDIT = True
    EDITS = ("delete", "sentence_case")
    MESSAGE_FIELDS = frozenset({"actual"})

    def setup(self, spec) -> None:
        flags = re.IGNORECASE if spec.get("ignorecase", True) else 0
        self.pattern = rule_pattern(self, "tokens", _joined(spec["tokens"]), flags, "a token is not a valid pattern")
        self.tokens = tuple(str(t) for t in spec["tokens"])
        self.flags = flags
        self._token_filters: tuple | None = None
        self._reduced: dict[tuple[int, ...], re.Pattern] = {}
        # a token that refers to a group by number or name would read another group in a
        # pattern of fewer tokens: then the whole pattern is always searched
        self._reducible = not any(_REFERS.search(t) for t in self.tokens)
        self.unless = compile_optional(self, spec, "unless")
        self.unless_document = compile_optional(self, spec, "unless_document")
        self.once_per_sentence = spec.get("once_per_sentence", False)
        self.once_per_document = spec.get("once_per_document", False)
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))
        self.edit = spec.get("edit")
        if self.edit is not None and self.edit not in self.EDITS:
            self.fail("edit", f"edit must be one of {', '.join(self.EDITS)}, not '{self.edit}'")
        if self.fix == "swap" and self.edit is None:
            self.fail("fix", "'fix: swap' on an existence rule needs 'edit: delete' or 'edit: sentence_case'")

    def edits(self, finding, document):
        text = document.text
        if self.edit == "delete":
            return _delete(text, finding.start, finding.end)
        if self.edit == "sentence_case":
            return _sentence_case(text, finding.start, finding.end)
        return None

    def pattern_for(self, ctx) -> re.Pattern | None:
        """The rule's pattern with only the tokens that can match this text (a token some word
        of which is nowhere in it cannot: ``litcheck.prefilter``), or None when none can. A
        token that cannot match anywhere never wins at any place, so the matches are the ones
        the whole pattern finds; the search is shorter."""
        if not ctx.may_match(self.pattern):
            return None  # one test says it for most rules and texts
        if not self._reducible:
            return self.pattern
        if self._token_filters is None:
            self._token_filters = tuple(Prefilter(t, self.flags) for t in self.tokens)
        lowered = ctx.lowered()
        live = tuple(k for k, f in enumerate(self._token_filters) if f.could_match(lowered))
        if not live:
            return None
        if len(live) == len(self.tokens):
            return self.pattern
        pattern = self._reduced.get(live)
        if pattern is None:
            if len(self._reduced) >= 256:
                self._reduced.clear()
            pattern = self._reduced[live] = re.compile(_joined([self.tokens[k] for k in live]), self.flags)
        return pattern

    def check(self, ctx) -> Iterator:
        pattern = self.pattern_for(ctx)
        if pattern is None:
            return  # no token can match: a word each needs is nowhere in the text
        if isinstance(pattern, PatternOnUse):
            pattern = pattern.compiled()  # searched sentence by sentence: the pattern itself
        text = ctx.document.text
        if self.unless_document is not None and self.unless_document.search(text):
            return
        said: set[str] = set()
        done = None  # the sentence already reported (once_per_sentence)
        # exactly each sentence's own search, tried only where a match can begin (details.scan)
        for sentence, m in scan.finditer_spans(ctx, pattern, ctx.sentences_in(self.scope)):
            if sentence is done:
                continue
            if m.end() == m.start() or ctx.is_masked(m.start(), m.end()):
                continue
            if excluded(ctx, m.start(), m.end(), self.unless, sentence=sentence):
                continue
            if self.once_per_document:
                words = " ".join(m.group().lower().split())
                if words in said:
                    continue
                said.add(words)
            yield ctx.finding(self, m.start(), m.end(), self.format_message(actual=m.group()), self.suggest)
            if self.once_per_sentence:
                done = sentence


_REFERS = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")


def _joined(tokens) -> str:
    """Phrases or regular expressions as one pattern, matched on word boundaries."""
    return r"(?<![\w-])(?:" + "|".join(f"(?:{t})" for t in tokens) + r")(?![\w-])"


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n"


def _delete(text: str, start: int, end: int):
    """Leave out words that open a sentence, and start the sentence again with a capital."""
    if not _at_sentence_start(text, start):
        return None
    stop = end
    while stop < len(text) and text[stop] in " \t,:":
        stop += 1
    if stop >= len(text) or not text[stop].isalpha() or text[stop - 1] not in " \t:,":
        return None
    return [(start, stop + 1, text[stop].upper())]


#: words that make capitals a name (a sign, a place): leave them as they are
_NAME_WORDS = frozenset(
    """HOSPITAL CLINIC WARD DEPARTMENT TRUST SURGERY CENTRE CENTER STREET ROAD UNIT PRACTICE
    SERVICE SERVICES HOUSE BUILDING WING LANE AVENUE NHS""".split()
)
#: short words in capitals that are ordinary words, not abbreviations
_SMALL_WORDS = frozenset(
    """A I AN AS AT BE BY DO GO IF IN IS IT ME MY NO OF ON OR SO TO UP US WE
    ALL AND ANY ARE BUT CAN FOR GET HAS HOW NOT NOW OUR OUT THE TOO WAS WHO WHY YOU""".split()
)


def _sentence_case(text: str, start: int, end: int):
    """A line all in capitals (a heading) in ordinary case, keeping abbreviations (GP, BSL, A&E)
    in capitals; capitals for emphasis inside a sentence are left for a person."""
    import re

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if not re.findall(r"[A-Z][A-Z'&]*", text[start:end]) or any(w in _NAME_WORDS for w in re.findall(r"[A-Z][A-Z'&]*", line)):
        return None  # a name or a sign on this line: leave its capitals
    if (start > 0 and text[start - 1] in "'’") or (end < len(text) and text[end] in "'’"):
        return None
    if any(c.islower() for c in line):
        return None  # capitals for emphasis inside a sentence ("KEEP IT or CANCEL IT"): a person decides
    # the whole line, once, so no piece of a heading is left in capitals
    start, end, span = line_start, line_start + len(line), line

    def lower(m):
        word = m.group(0)
        if len(word) <= 3 and word not in _SMALL_WORDS:
            return word  # an abbreviation: GP, BSL, A&E
        before = span[: m.start()].rstrip()
        if not re.search(r"[A-Za-z0-9]", before) or before[-1:] in ".!?:":
            return word[0] + word[1:].lower()  # the first word of the line or of a sentence
        return word.lower() if word != "I" else word

    new = re.sub(r"[A-Z][A-Z'&]*", lower, span)
    return None if new == span else [(start, end, new)]
