"""What to fix first: at most five changes that would help a document's readers most.

A report on a one-page letter can hold 80 findings; a busy writer acts on five. This module
picks them, each with what to write instead, for any output to show (the upload page puts
them on its first screen).

The ordering, and why:

1. **Errors**, in the order they appear. An error is wording that drives people away (a
   threat, a missed-appointment count that normalises not coming): one such sentence can
   undo the rest of the letter, so nothing outranks it. Every error of one rule is one
   change (the same rewrite fixes each threat), its places listed in ``terms``.
2. **Missing required details**, as the document's kind requires them (a phone number to
   change the appointment, the date, the place). A reader who cannot find them cannot act,
   however plain the rest is. At most two, so the hard sentences still show.
3. **The hardest sentences**, hardest first (``sentences.very_hard``, then ``sentences.hard``,
   then ``sentences.long``; within a rule, the longest). Long sentences full of long words
   raise the reading age most, and splitting one is a change a writer can make in a minute.
   At most two.
4. **The word problem that recurs most**: the warning-level rule with the most findings
   (medical jargon, unexplained abbreviations...), as one change listing its commonest terms
   with their plainer words. Fixing a repeated word fixes every place it stands.
5. Then, if there is room: other warnings by how often their rule fires, then the
   recommended details that are missing, then everything else by severity.

Suggestions come from the finding (its first suggested wording: a split sentence, a plainer
word, a sentence to add); a finding with none gets its rule's "what to write instead".
Findings about the whole document (start == end) are never given a place in the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .findings import Finding

#: the most changes returned
LIMIT = 5
#: the sentence rules, hardest first
SENTENCE_RULES = ("sentences.very_hard", "sentences.hard", "sentences.long")
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
#: caps per kind, so one kind cannot take every place (errors are never capped)
_MAX_DETAILS = 2
_MAX_SENTENCES = 2
_TERMS_SHOWN = 4


@dataclass(frozen=True)
class Priority:
    """One change to make, with the findings it covers."""

    kind: str  #: "error", "detail", "sentence", "words" or "other"
    rule: str
    severity: str
    message: str  #: what is wrong, in one sentence (the first finding's message)
    suggestion: str  #: what to write instead ("" when litcheck has nothing to offer)
    findings: tuple[Finding, ...] = field(default=())  #: the findings the change covers, first first
    terms: tuple[tuple[str, int, str], ...] = ()  #: for "words": (term, count, plainer word or "")

    @property
    def finding(self) -> Finding:
        return self.findings[0]

    @property
    def whole_document(self) -> bool:
        return self.finding.end <= self.finding.start

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "text": "" if self.whole_document else self.finding.text,
            "start": self.finding.start,
            "end": self.finding.end,
            "count": len(self.findings),
            "terms": [{"term": t, "count": c, "instead": i} for t, c, i in self.terms],
        }


def what_to_fix_first(report, rules: Mapping | None = None, limit: int = LIMIT) -> list[Priority]:
    """At most ``limit`` changes for ``report`` (a DocumentReport), most helpful first.

    ``rules`` maps rule ids to Rules (for their "what to write instead" when a finding has no
    suggestion); without it those changes carry the finding's own suggestion only.
    """
    findings = list(report.findings)
    required = _required_details(report)
    picked: list[Priority] = []
    used: set[int] = set()  # id() of findings already covered

    def take(priority: Priority) -> None:
        picked.append(priority)
        used.update(id(f) for f in priority.findings)

    # 1. errors: one change per rule (every threat goes the same way), in text order
    errors: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity == "error":
            errors.setdefault(f.rule, []).append(f)
    for group in errors.values():
        take(_single("error", group, rules, terms=True))

    # 2. missing required details
    details = [f for f in findings if f.rule.startswith("details.") and f.end <= f.start and id(f) not in used]
    for f in [f for f in details if f.rule.split(".", 1)[1] in required][:_MAX_DETAILS]:
        take(_single("detail", [f], rules))

    # 3. the hardest sentences
    sentences = [f for f in findings if f.rule in SENTENCE_RULES and id(f) not in used]
    sentences.sort(key=lambda f: (SENTENCE_RULES.index(f.rule), -len(f.text.split()), f.start))
    for f in sentences[:_MAX_SENTENCES]:
        take(_single("sentence", [f], rules))

    # 4. the word problem that recurs most (then others, while there is room)
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        if id(f) not in used and f.end > f.start and f.rule not in SENTENCE_RULES:
            by_rule.setdefault(f.rule, []).append(f)
    ranked = sorted(by_rule.items(), key=lambda kv: (_SEVERITY_ORDER.get(kv[1][0].severity, 3), -len(kv[1]), kv[1][0].start))
    warnings = [(r, fs) for r, fs in ranked if fs[0].severity == "warning"]
    if warnings:
        rule, group = warnings[0]
        take(_words(rule, group, rules))

    # 5. fill: other warnings, recommended details, then the rest
    for rule, group in warnings[1:]:
        if len(picked) >= limit:
            break
        take(_words(rule, group, rules) if len(group) > 1 else _single("other", group, rules))
    for f in details:
        if len(picked) >= limit:
            break
        if id(f) not in used:
            take(_single("detail", [f], rules))
    for rule, group in ranked:
        if len(picked) >= limit:
            break
        group = [f for f in group if id(f) not in used]
        if group and group[0].severity != "warning":
            take(_words(rule, group, rules) if len(group) > 1 else _single("other", group, rules))
    return picked[:limit]


def _required_details(report) -> set[str]:
    """Names of the details the document's kind requires and the text does not give."""
    section = getattr(report, "sections", {}).get("details")
    data = section.to_dict() if hasattr(section, "to_dict") else section
    if not isinstance(data, dict):
        return set()
    return {k for k, v in data.items() if isinstance(v, dict) and v.get("need") == "required" and not v.get("present")}


def _instead(rule_id: str, rules: Mapping | None) -> str:
    rule = rules.get(rule_id) if rules else None
    explanation = getattr(rule, "explanation", None)
    return str(getattr(explanation, "instead", "") or "")


def _single(kind: str, group: list[Finding], rules: Mapping | None, terms: bool = False) -> Priority:
    f = group[0]
    suggestion = f.suggestions[0] if f.suggestions else _instead(f.rule, rules)
    listed = tuple((g.text.strip(), 1, g.suggestions[0] if g.suggestions else "") for g in group) if terms and len(group) > 1 else ()
    return Priority(kind, f.rule, f.severity, f.message, suggestion, tuple(group), listed)


def _words(rule: str, group: list[Finding], rules: Mapping | None) -> Priority:
    """One change for every finding of a word rule: its commonest terms and their swaps."""
    counts: Counter[str] = Counter()
    swaps: dict[str, str] = {}
    shown: dict[str, str] = {}
    for f in group:
        key = f.text.strip().lower()
        counts[key] += 1
        shown.setdefault(key, f.text.strip())
        if f.suggestions and key not in swaps:
            swaps[key] = f.suggestions[0]
    terms = tuple((shown[k], n, swaps.get(k, "")) for k, n in counts.most_common(_TERMS_SHOWN))
    swaps_text = "; ".join(f"{t} \u2192 {i}" for t, _, i in terms if i)
    suggestion = swaps_text or (group[0].suggestions[0] if group[0].suggestions else _instead(rule, rules))
    return Priority("words", rule, group[0].severity, group[0].message, suggestion, tuple(group), terms)


def rank_key(priority: Priority) -> tuple:
    """A sort key in the order ``what_to_fix_first`` uses (kind, then severity)."""
    kinds = ("error", "detail", "sentence", "words", "other")
    return (kinds.index(priority.kind), _SEVERITY_ORDER.get(priority.severity, 3))


def rules_by_id(rules: Iterable) -> dict:
    """{rule id: Rule} for ``what_to_fix_first``'s ``rules`` from a Ruleset or list of Rules."""
    return {r.id: r for r in rules}
