"""The safety policy: may ``litcheck fix`` make this swap by itself?

A swap is one finding of a rule whose ``fix:`` is ``swap`` (jargon and wordy words), its
matched words replaced by the word list's plain alternative. Each guard below looks at one
thing that can go wrong and either lets the swap through (None) or says why a person must
make the change instead. A swap is made only when every guard lets it through; otherwise
the finding is listed for a person, with the first guard's reason.

The guards, in order:

1. ``no_alternative``: the word list offers no plain word, or only advice ("(omit)").
2. ``number``: the words hold a number (a dose, a time, a clinic number).
3. ``inside_phrase``: another rule wants the whole phrase reworded (a threat, "Please note").
4. ``rewrite_sentence``: the sentence holds a finding whose rule has ``fix: never``
   (threats, blame, negative norms): polishing its words would hide it.
5. ``name``: capitalised in mid-sentence, or in capitals on a line that is not, so part of a
   name, a sign, a job title or an abbreviation.
6. ``grammar``: the alternative may not fit (an inflected form whose alternative is a
   phrase, a phrase after "be", "it is ... that", a repeated word).

The revised copy then passes the key-facts guard (``litcheck.facts``) as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from ..document import Document
from ..findings import Finding
from ..rule import Rule

#: rule kinds whose findings cover a phrase that must be reworded as a whole
PHRASE_KINDS = ("existence", "abbreviation")


@dataclass(frozen=True)
class Swap:
    """One swap ``fix`` would like to make, with what the guards need to judge it."""

    finding: Finding
    new: str  #: the replacement (already fitted to the capitals of the text)
    rule: Rule | None
    document: Document
    others: Sequence[Finding]  #: every finding in the document
    rules: dict  #: rule id -> Rule
    rewrite: Sequence[tuple[int, int, str]] = ()  #: sentences a person must rewrite: (start, end, rule id)

    @property
    def text(self) -> str:
        return self.document.text


Guard = Callable[[Swap], "str | None"]


def no_alternative(s: Swap) -> str | None:
    if not s.finding.suggestions:
        return "no plain alternative in the word list"
    if s.new.startswith("(") or not re.search(r"\w", s.new):
        return "the word list suggests leaving it out: a person should check the sentence still reads"
    return None


def number(s: Swap) -> str | None:
    return "contains a number" if any(ch.isdigit() for ch in s.finding.text) else None


def inside_phrase(s: Swap) -> str | None:
    f = s.finding
    for p in s.others:
        rule = s.rules.get(p.rule)
        if p is not f and rule is not None and rule.kind in PHRASE_KINDS and p.start < f.end and f.start < p.end:
            return f"part of a phrase to reword as a whole ({p.rule})"
    return None


def rewrite_sentence(s: Swap) -> str | None:
    f = s.finding
    for start, end, rule_id in s.rewrite:
        if start <= f.start and f.end <= end:
            return f"in a sentence a person needs to rewrite ({rule_id})"
    return None


def name(s: Swap) -> str | None:
    f = s.finding
    if f.text[:1].isupper() and not f.text.isupper() and not starts_sentence(s.text, f.start):
        return "capitalised in mid-sentence, so probably part of a name"
    if f.text.isupper() and len(f.text) > 1 and not line_is_upper(s.text, f.start):
        return "in capitals, so probably an abbreviation or a name"
    return None


def grammar(s: Swap) -> str | None:
    f, new, text, rule = s.finding, s.new, s.text, s.rule
    entries = getattr(rule, "entries", None)
    if entries is not None:
        terms = {e.term.lower() for e in entries}
        bases = {a.lower() for e in entries for a in e.alternatives}
        if " ".join(f.text.lower().split()) not in terms and (new.lower() in bases or " " in new):
            return f"'{f.text}' is an inflected form and '{new}' may not fit the grammar"
    if " " in new and re.search(r"\b(be|is|are|am|was|were|being|been)\s+$", text[: f.start], re.I):
        return f"after 'be', '{new}' may not fit the grammar"
    following = re.match(r"\s+(\w+)", text[f.end :])
    if following and following.group(1).lower() == "that" and re.match(r"it(\s+is|'s)\b", f.text, re.I):
        return "'it is ... that' needs the sentence recast by a person"
    if following and following.group(1).lower() == new.split()[-1].lower():
        return f"'{new}' would repeat the next word"
    return None


#: every guard, in the order they are asked
GUARDS: tuple[Guard, ...] = (no_alternative, number, inside_phrase, rewrite_sentence, name, grammar)


def why_not(swap: Swap) -> str | None:
    """The first guard's reason against the swap, or None when it is safe to make."""
    for guard in GUARDS:
        reason = guard(swap)
        if reason:
            return reason
    return None


def reason_for(rule: Rule | None, f: Finding) -> str:
    """Why a finding of a rule that fix does not swap is left for a person."""
    kind = rule.kind if rule is not None else None
    if f.rule.startswith("sentences."):
        return "a long sentence needs a person to split it"
    if f.rule.startswith("readability."):
        return "the reading age follows from the other changes"
    if kind == "existence":
        return "the sentence needs rewording by a person"
    if kind in ("absence", "required"):
        return "something is missing: a person needs to add it"
    if kind == "position":
        return "something needs moving: a person needs to move it"
    if kind in ("abbreviation", "passive"):
        return "needs a person: the right wording depends on the meaning"
    return "needs a person"


# -- reading the text around a swap ---------------------------------------------------------


def starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"'(-•*#>"


def line_is_upper(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8

