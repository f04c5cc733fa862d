"""Before and after: what changed between two versions of a letter or leaflet.

``compare(before, after) -> Comparison`` takes two checked documents (``DocumentReport``,
from any two formats litcheck reads: a .docx and its .txt export compare as the same letter)
and says what a health literacy promoter measures:

- the reading age and its band before and after, with the share of UK adults who can read
  each (the NHS table the report uses, ``readability.formulas.who_can_read``), and the two
  SHeLL-comparable measures (complex-language share, lexical density);
- findings by rule: resolved (in the first version only), new (in the second only) and still
  there; a finding is the same finding when its rule and its words are the same (letter case
  and spacing aside), counted as a multiset, so moving a sentence does not "resolve" it;
- practical details gained or lost (the checklist's ``present``);
- sentences that got harder: a sentence of the new version whose closest sentence in the old
  one (at least ``SIMILAR`` alike, word by word) had a lower Flesch-Kincaid grade by
  ``HARDER_BY`` or more, or a new sentence that is hard (grade over 10, 14 words or more);
- the key facts (dates, times, phone numbers, places, doses, names, template fields) that
  changed, were lost or were added (``facts.compare_facts``).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from .details.section import LABELS as DETAIL_LABELS
from .facts import compare_facts
from .report import DocumentReport

#: how alike (difflib ratio over words) two sentences must be to be one sentence edited
SIMILAR = 0.6
#: a rise in a sentence's own Flesch-Kincaid grade that counts as "harder"
HARDER_BY = 2.0
#: a new sentence at least this hard (grade, words) is listed as a harder sentence
NEW_HARD_GRADE = 10.0
NEW_HARD_WORDS = 14
#: examples of a rule's findings kept for each status
EXAMPLES = 5


@dataclass(frozen=True)
class Side:
    """One version's headline figures."""

    path: str
    format: str
    profile: str
    reading_age: float | None
    basis: str
    estimate: bool
    band: str | None
    share_who_can_read: float | None
    who_can_read: str | None
    complex_language_share: float | None
    lexical_density: float | None
    sentences: int
    words: int
    findings: int

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        for key in ("reading_age",):
            if d[key] is not None:
                d[key] = round(d[key], 1)
        for key in ("complex_language_share", "lexical_density"):
            if d[key] is not None:
                d[key] = round(d[key], 3)
        return d


@dataclass
class RuleChange:
    rule: str
    severity: str
    resolved: list[str] = field(default_factory=list)  #: the words of each finding gone
    new: list[str] = field(default_factory=list)
    still: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "resolved": len(self.resolved),
            "new": len(self.new),
            "still": len(self.still),
            "examples": {
                "resolved": self.resolved[:EXAMPLES],
                "new": self.new[:EXAMPLES],
                "still": self.still[:EXAMPLES],
            },
        }


@dataclass(frozen=True)
class DetailChange:
    detail: str
    label: str
    status: str  #: "gained" or "lost"
    need: str  #: in the new version's profile: required, recommended or not_applicable
    evidence: str | None  #: the sentence that gave it (gained: the new one; lost: the old one)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class HarderSentence:
    before: str | None  #: the old sentence it came from; None for a new sentence
    after: str
    grade_before: float | None
    grade_after: float
    words_before: int | None
    words_after: int
    line: int  #: in the new version, from 1

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["grade_before"] = None if self.grade_before is None else round(self.grade_before, 1)
        d["grade_after"] = round(self.grade_after, 1)
        d["reading_age_before"] = None if self.grade_before is None else round(self.grade_before + 5, 1)
        d["reading_age_after"] = round(self.grade_after + 5, 1)
        return d


@dataclass(frozen=True)
class FactChangeRow:
    kind: str
    status: str  #: lost, changed or added
    before: str | None
    after: str | None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Comparison:
    before: Side
    after: Side
    rules: list[RuleChange]
    details: list[DetailChange]
    harder: list[HarderSentence]
    facts: list[FactChangeRow]

    # --- what a reader asks first ----------------------------------------------------
    @property
    def reading_age_change(self) -> float | None:
        if self.before.reading_age is None or self.after.reading_age is None:
            return None
        return self.after.reading_age - self.before.reading_age

    def counts(self) -> dict[str, int]:
        return {
            "resolved": sum(len(r.resolved) for r in self.rules),
            "new": sum(len(r.new) for r in self.rules),
            "still": sum(len(r.still) for r in self.rules),
        }

    def headline(self) -> str:
        """One sentence: the reading age before -> after and who can read each."""
        b, a = self.before, self.after
        if b.reading_age is None or a.reading_age is None:
            return "The reading age could not be measured for both versions."
        change = round(a.reading_age) - round(b.reading_age)
        how = "no change" if change == 0 else (f"{-change} year{'s' if change != -1 else ''} lower" if change < 0 else f"{change} year{'s' if change != 1 else ''} higher")
        return f"Reading age {b.reading_age:.0f} -> {a.reading_age:.0f} ({how}): {who(b)} -> {who(a)}."

    def to_dict(self) -> dict:
        change = self.reading_age_change
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "reading_age_change": None if change is None else round(change, 1),
            "headline": self.headline(),
            "findings": {**self.counts(), "by_rule": [r.to_dict() for r in self.rules]},
            "details": [d.to_dict() for d in self.details],
            "harder_sentences": [h.to_dict() for h in self.harder],
            "key_facts": [f.to_dict() for f in self.facts],
        }


def who(side: Side) -> str:
    """"76% of UK adults can read it" (or "more than 93%", "fewer than 22%")."""
    if side.share_who_can_read is not None:
        return f"{side.share_who_can_read:.0%} of UK adults can read it"
    if side.who_can_read:
        return side.who_can_read.replace("can read text at this level", "can read it")
    return "not measured"


# --- building a Comparison ---------------------------------------------------------------


def compare(before: DocumentReport, after: DocumentReport) -> Comparison:
    """What changed from ``before`` to ``after`` (two checked documents)."""
    return Comparison(
        before=_side(before),
        after=_side(after),
        rules=_rules(before, after),
        details=_details(before, after),
        harder=_harder(before, after),
        facts=[
            FactChangeRow(c.kind, c.status, c.before.text if c.before else None, c.after.text if c.after else None)
            for c in compare_facts(before.document.text, after.document.text)
        ],
    )


def _side(doc: DocumentReport) -> Side:
    r = doc.readability  # always measured with the SHeLL measures (readability.measure)
    return Side(
        path=doc.path,
        format=doc.format,
        profile=doc.profile,
        reading_age=r.reading_age,
        basis=r.basis,
        estimate=r.estimate,
        band=r.band,
        share_who_can_read=r.share_who_can_read,
        who_can_read=r.who_can_read,
        complex_language_share=r.complex_language_share,
        lexical_density=r.lexical_density,
        sentences=r.sentences,
        words=r.words,
        findings=len(doc.findings),
    )


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _rules(before: DocumentReport, after: DocumentReport) -> list[RuleChange]:
    severity = {}
    old: dict[str, Counter] = {}
    new: dict[str, Counter] = {}
    shown: dict[tuple[str, str], str] = {}
    for side, store in ((before, old), (after, new)):
        for f in side.findings:
            # a whole-letter finding (a missing detail) has no words: its message stands for it
            words = " ".join(f.text.split()) or f.message.split(". ")[0]
            key = _norm(words)
            store.setdefault(f.rule, Counter())[key] += 1
            shown.setdefault((f.rule, key), words if len(words) <= 120 else words[:117].rstrip() + "...")
            severity.setdefault(f.rule, f.severity)
    out = []
    for rule in sorted(set(old) | set(new)):
        a, b = old.get(rule, Counter()), new.get(rule, Counter())
        change = RuleChange(rule, severity[rule])
        for key, n in (a - b).items():
            change.resolved += [shown[(rule, key)]] * n
        for key, n in (b - a).items():
            change.new += [shown[(rule, key)]] * n
        for key, n in (a & b).items():
            change.still += [shown[(rule, key)]] * n
        out.append(change)
    # the biggest changes first: new problems, then what was fixed
    out.sort(key=lambda r: (-len(r.new), -len(r.resolved), -len(r.still), r.rule))
    return out


def _details(before: DocumentReport, after: DocumentReport) -> list[DetailChange]:
    def checklist(doc):
        section = doc.sections.get("details")
        return section.to_dict() if hasattr(section, "to_dict") else (section or {})

    old, new = checklist(before), checklist(after)
    out = []
    for detail in new.keys() | old.keys():
        o, n = old.get(detail, {}), new.get(detail, {})
        was, now = bool(o.get("present")), bool(n.get("present"))
        if was == now:
            continue
        status = "gained" if now else "lost"
        out.append(DetailChange(
            detail, DETAIL_LABELS.get(detail, detail.replace("_", " ")), status,
            n.get("need") or o.get("need") or "not_applicable",
            (n if now else o).get("evidence"),
        ))
    order = list(DETAIL_LABELS)
    out.sort(key=lambda d: (d.status != "lost", order.index(d.detail) if d.detail in order else 99))
    return out


_WORDS = re.compile(r"[\w'’-]+")


def _sentences(doc: DocumentReport):
    """(text, words, grade, line) for each prose sentence with words."""
    from .readability.measure import count_sentence, sentence_grade
    from .prose import masked_spans
    from .segment import split_sentences

    document = doc.document
    masks = masked_spans(document)
    out = []
    for s in split_sentences(document):
        if not s.is_prose:
            continue
        c = count_sentence(document, s, masks)
        if not c.words:
            continue
        text = " ".join(document.text[s.start : s.end].split())
        out.append((text, c.words, sentence_grade(c), document.line_column(s.start)[0]))
    return out


def _harder(before: DocumentReport, after: DocumentReport) -> list[HarderSentence]:
    old = _sentences(before)
    new = _sentences(after)
    old_words = [[w.lower() for w in _WORDS.findall(t)] for t, *_ in old]
    old_texts = {_norm(t) for t, *_ in old}
    out = []
    for text, words, grade, line in new:
        if _norm(text) in old_texts:
            continue  # unchanged
        mine = [w.lower() for w in _WORDS.findall(text)]
        best, best_ratio = None, 0.0
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(mine)
        for i, theirs in enumerate(old_words):
            matcher.set_seq1(theirs)
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best is not None and best_ratio >= SIMILAR:
            o_text, o_words, o_grade, _ = old[best]
            if grade - o_grade >= HARDER_BY and (words >= NEW_HARD_WORDS or grade > NEW_HARD_GRADE):
                out.append(HarderSentence(o_text, text, o_grade, grade, o_words, words, line))
        elif words >= NEW_HARD_WORDS and grade > NEW_HARD_GRADE:
            out.append(HarderSentence(None, text, None, grade, None, words, line))
    out.sort(key=lambda h: -(h.grade_after - (h.grade_before if h.grade_before is not None else NEW_HARD_GRADE)))
    return out
