"""The revised text: a checked document with the safe swaps made, and the list of changes.

Each finding of a rule with ``fix: swap`` is offered to the safety policy (``policy.py``);
the swaps it allows are made, and every other finding is listed for a person with the
reason. The input is never written to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..check import check_text
from ..facts import FactChange, compare_facts
from ..findings import Finding
from ..report import DocumentReport
from ..rulebook import Ruleset, load_rules
from ..segment import split_sentences
from . import policy

#: formats whose Document.text is the file's text, so the copy can be written back as text
TEXT_FORMATS = ("txt", "md")

Edit = tuple[int, int, str]  #: (start, end, new text) in Document.text offsets


@dataclass(frozen=True)
class Change:
    finding: Finding
    replacement: str  #: the new text for the finding's words, as the change list shows it
    #: the edits that make it, when not simply the finding's words replaced (a deletion that
    #: also starts the sentence again with a capital)
    edits: tuple[Edit, ...] = ()

    @property
    def before(self) -> str:
        return self.finding.text


@dataclass(frozen=True)
class Left:
    """A finding not fixed automatically, and why."""

    finding: Finding
    reason: str


@dataclass
class Revision:
    original: DocumentReport
    text: str  #: the revised text
    changes: list[Change] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)
    revised: DocumentReport | None = None  #: the revised text checked again

    def summary(self) -> dict:
        """Before and after figures, what changed and what was left, ready for JSON."""

        def age(report):
            return None if report is None or report.readability.reading_age is None else round(report.readability.reading_age, 1)

        return {
            "reading_age": {"before": age(self.original), "after": age(self.revised)},
            "findings": {"before": len(self.original.findings), "after": None if self.revised is None else len(self.revised.findings)},
            "changed": [
                {"rule": c.finding.rule, "before": c.before, "after": c.replacement, "reason": c.finding.message, "line": c.finding.line, "column": c.finding.column, "location": dict(c.finding.location)}
                for c in self.changes
            ],
            "not_changed": [
                {"rule": i.finding.rule, "text": i.finding.text, "reason": i.reason, "suggestions": list(i.finding.suggestions), "line": i.finding.line, "column": i.finding.column, "location": dict(i.finding.location)}
                for i in self.left
            ],
        }


def revise(report: DocumentReport, rules: Ruleset | None = None, *, recheck: bool = True, time_format: str | None = None, check_options: dict | None = None) -> Revision:
    """Make the safe swaps in a checked document and check the result again.

    ``recheck=False`` leaves ``revised`` unset (a Word copy is checked once it is written).
    ``time_format`` and ``check_options`` (select, ignore, accepted words, ...: what
    ``check_document`` was given): the revised text is checked the way the document was."""
    rules = rules if rules is not None else load_rules()
    by_id = {r.id: r for r in rules}
    doc = report.document
    rewrite = _sentences_to_rewrite(report, by_id)
    changes: list[Change] = []
    left: list[Left] = []
    taken_until = -1
    for f in _every_use(report, rules, by_id, check_options):
        rule = by_id.get(f.rule)
        if rule is None or rule.fix != "swap":
            left.append(Left(f, policy.reason_for(rule, f)))
            continue
        if rule.kind == "substitution":
            new, edits = (fit(base_alternative(f, rule), f.text) if f.suggestions else ""), ()
        else:
            edits = tuple(rule.edits(f, doc) or ())
            new = _shown(doc.text, f, edits)
            if not edits:
                reason = "no safe mechanical change here: a person should reword it"
                if rule.kind in ("date_time", "number_style"):
                    reason = "no rewrite with only one meaning: a person should decide what it says"
                left.append(Left(f, reason))
                continue
        swap = policy.Swap(f, new, rule, doc, report.findings, by_id, rewrite)
        reason = policy.why_not(swap)
        if reason is None and min([f.start] + [e[0] for e in edits]) < taken_until:
            reason = "overlaps another change"
        if reason is None and new and any(c.replacement.lower() == new.lower() and c.before.lower() != f.text.lower() and f.start - c.finding.end < 120 for c in changes[-2:]):
            reason = f"'{new}' would repeat the change just before it"
        if reason:
            left.append(Left(f, reason))
            continue
        changes.append(Change(f, new, edits))
        taken_until = max([f.end] + [e[1] for e in edits])
    changes, kept_out = keep_facts(doc.text, changes)
    left = sorted(left + kept_out, key=lambda item: (item.finding.start, item.finding.end))
    result = Revision(report, apply_edits(doc.text, changes), changes, left)
    if recheck:
        fmt = doc.format if doc.format in TEXT_FORMATS else "txt"
        options = {**(check_options or {}), "profile": report.profile, "rules": rules}
        if time_format:
            options["time_format"] = time_format
        result.revised = check_text(result.text, format=fmt, path=doc.path, **options)
    return result


def _every_use(report: DocumentReport, rules, by_id: dict, check_options: dict | None = None) -> list[Finding]:
    """The report's findings, with one finding for every use of a term where a word rule
    reports a term once (``repeats: first``): the copy changes every use, not only the first.
    ``check_options`` are the check's own (its accepted words and time format): a word
    the check left alone is not found again here."""
    once = [r.id for r in rules if r.fix == "swap" and getattr(r, "repeats", "every") == "first"]
    if not once:
        return report.findings
    ids = set(once)
    swaps_used = set()
    for f in report.findings:
        if f.rule in ids:
            swaps_used.add(f.rule)
    if not swaps_used:
        return report.findings
    from ..check import check_document

    # findings only: the readability and report sections of this pass were never read (they
    # were two thirds of its time)
    options = {k: v for k, v in (check_options or {}).items() if k in ("accepted_words", "time_format")}
    every = check_document(report.document, profile=report.profile, rules=rules, select=sorted(swaps_used), every_use=True, summary=False, **options).findings
    # only the terms the check reported: a term it left alone everywhere (the text explains it
    # at its first use, or asks and answers "What is a cystoscopy?") is left alone at every use
    reported = {_term(by_id[f.rule], f.text) for f in report.findings if f.rule in swaps_used}
    every = [f for f in every if _term(by_id[f.rule], f.text) in reported]
    kept = [f for f in report.findings if f.rule not in swaps_used]
    return sorted(kept + every, key=lambda f: (f.start, f.end, f.rule))


def _term(rule, words: str) -> tuple[str, str]:
    """(rule id, the word-list term ``words`` is a use of): 'Biopsies' and 'biopsy' are one term."""
    entry = rule.entry_for(words) if hasattr(rule, "entry_for") else None
    return rule.id, (entry.term if entry is not None else " ".join(words.lower().split()))


def _shown(text: str, f: Finding, edits) -> str:
    """What the finding's words become, for the change list ("" for a deletion)."""
    if not edits:
        return ""
    if len(edits) == 1 and len(edits[0][2]) == 1 and edits[0][1] - edits[0][0] > 1 and text[edits[0][1] - 1].upper() == edits[0][2]:
        return ""  # words left out, and the next word now starts the sentence
    start, end = min(e[0] for e in edits), max(e[1] for e in edits)
    new = text[start:end]
    for s, e, n in sorted(edits, reverse=True):
        new = new[: s - start] + n + new[e - start :]
    return new


def keep_facts(text: str, changes: list[Change]) -> tuple[list[Change], list[Left]]:
    """The changes that keep every key fact (``litcheck.facts``), and the others as Left.

    Each change is judged in its own line first (with just that change made), then the
    whole revised text is compared with the original; a change near a fact that still
    differs is dropped, until nothing differs (or nothing is changed)."""
    kept: list[Change] = []
    left: list[Left] = []
    for c in changes:
        start = text.rfind("\n", 0, c.finding.start) + 1
        end = text.find("\n", c.finding.end)
        end = len(text) if end == -1 else end
        line = text[start:end]
        moved = Change(_shifted(c.finding, -start), c.replacement, tuple((a - start, b - start, n) for a, b, n in c.edits))
        problems = compare_facts(line, apply_edits(line, [moved]))
        if problems:
            left.append(Left(c.finding, _fact_reason(problems[0])))
        else:
            kept.append(c)
    for attempt in range(8):
        problems = compare_facts(text, apply_edits(text, kept)) if kept else []
        if not problems:
            break
        near = [p.before for p in problems if p.before is not None]
        dropped = [c for c in kept if any(abs(c.finding.start - f.start) < 80 or abs(c.finding.end - f.end) < 80 for f in near)]
        if not dropped or attempt == 7:
            dropped = kept  # the guard cannot tell which change did it: make none
        left += [Left(c.finding, _fact_reason(problems[0])) for c in dropped]
        kept = [c for c in kept if c not in dropped]
    return kept, left


def _shifted(f: Finding, by: int) -> Finding:
    from dataclasses import replace

    return replace(f, start=f.start + by, end=f.end + by)


def _fact_reason(change: FactChange) -> str:
    fact = change.before or change.after
    what = {"lost": "would lose", "changed": "would change", "added": "would add"}.get(change.status, "would change")
    return f"{what} a key fact ({fact.kind} '{fact.text}')"


def _sentences_to_rewrite(report: DocumentReport, rules: dict) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of each sentence holding a finding of a ``fix: never`` rule."""
    wanted = [f for f in report.findings if f.end > f.start and getattr(rules.get(f.rule), "fix", None) == "never"]
    if not wanted:
        return []
    sentences = split_sentences(report.document)
    return [(s.start, s.end, f.rule) for f in wanted for s in sentences if s.start <= f.start < s.end]


def edit_groups(text: str, changes: list[Change]) -> list[list[Edit]]:
    """Per change (in the order given), its edits in ``text``: the swap, and "a"/"an" before
    it when the new word needs the other one ("an assessment" -> "a check")."""
    groups = []
    ends = sorted(c.finding.end for c in changes)
    for c in changes:
        if c.edits:
            groups.append(list(c.edits))
            continue
        s, e = c.finding.start, c.finding.end
        pos = max((x for x in ends if x <= s), default=0)
        edits = []
        article = re.search(r"\b(an?|An?)(\s+)$", text[pos:s])
        if article:
            wanted = "an" if c.replacement[:1].lower() in "aeiou" else "a"
            if article.group(1).lower() != wanted:
                wanted = wanted.capitalize() if article.group(1)[0].isupper() else wanted
                edits.append((pos + article.start(1), pos + article.end(1), wanted))
        edits.append((s, e, c.replacement))
        groups.append(edits)
    return groups


def apply_edits(text: str, changes: list[Change]) -> str:
    out, pos = [], 0
    for s, e, new in sorted(edit for group in edit_groups(text, changes) for edit in group):
        out += [text[pos:s], new]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def base_alternative(f: Finding, rule) -> str:
    """Where the text has the word list's own form, the list's own first alternative."""
    actual = " ".join(f.text.lower().split())
    for entry in getattr(rule, "entries", ()):
        if entry.term.lower() == actual and entry.alternatives:
            return entry.alternatives[0]
    return f.suggestions[0]


def fit(suggestion: str, actual: str) -> str:
    """The suggestion in the capitals of the words it replaces."""
    if actual.isupper() and len(actual) > 1:
        return suggestion.upper()
    if actual[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion[:1].lower() + suggestion[1:] if suggestion[1:2].islower() else suggestion
