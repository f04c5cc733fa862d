"""Precision and recall of the plain-language checks on tests/data/plain_language_labelled.tsv.

Shared by tests/test_labelled_plain_language.py and bench/bench_plain_language.py.
Each sentence is checked on its own, as a one-sentence document.

- jargon and abbreviations are scored per term: a finding counts as a true positive when
  its text matches a labelled term (case-insensitive, ignoring a trailing space);
- passive and long are scored per sentence: any finding of the rule counts as a 1.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

LABELLED = Path(__file__).parent / "data" / "plain_language_labelled.tsv"

#: check -> rule-id prefixes whose findings count for it
CHECKS = {
    "jargon": ("jargon.medical", "jargon.wordy"),
    "abbreviations": ("abbreviations.",),
    "passive": ("voice.passive",),
    "long": ("sentences.long", "sentences.hard", "sentences.very_hard"),  # one rung per sentence
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_alarms: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self, name: str) -> str:
        return f"{name:14} precision {self.precision:.3f}  recall {self.recall:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def rows() -> list[dict]:
    with LABELLED.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str) -> list[str]:
    return [t.strip() for t in (cell or "").split("|") if t.strip()]


def _rule_in(rule: str, prefixes) -> bool:
    return any(rule == p or rule.startswith(p) for p in prefixes)


def evaluate() -> dict[str, Score]:
    import litcheck

    scores = {name: Score() for name in CHECKS}
    for row in rows():
        # selected: the sentence rules long and hard are off by default, and this set measures them
        report = litcheck.check_text(row["text"], profile="general", select=["jargon", "abbreviations", "voice", "sentences"])
        for name, kind in (("jargon", "terms"), ("abbreviations", "terms"), ("passive", "flag"), ("long", "flag")):
            found = [f for f in report.findings if _rule_in(f.rule, CHECKS[name])]
            score = scores[name]
            if kind == "flag":
                want, got = row[name] == "1", bool(found)
                if want and got:
                    score.tp += 1
                elif got:
                    score.fp += 1
                    score.false_alarms.append((row["id"], row["text"]))
                elif want:
                    score.fn += 1
                    score.misses.append((row["id"], row["text"]))
                continue
            labels = _split(row[name])
            want = [t.lower() if name == "jargon" else t for t in labels]
            matched = set()
            for f in found:
                text = f.text.strip().lower() if name == "jargon" else f.text.strip()
                hit = next((i for i, t in enumerate(want) if i not in matched and (t == text or (name == "jargon" and (t in text or text in t)))), None)
                if hit is None:
                    score.fp += 1
                    score.false_alarms.append((row["id"], f.text, row["text"]))
                else:
                    matched.add(hit)
                    score.tp += 1
            for i, t in enumerate(want):
                if i not in matched:
                    score.fn += 1
                    score.misses.append((row["id"], t, row["text"]))
    return scores


def report_lines(scores: dict[str, Score], details: bool = False) -> list[str]:
    out = [scores[name].line(name) for name in CHECKS]
    if details:
        for name, s in scores.items():
            out += [f"  {name} false alarm: {x}" for x in s.false_alarms]
            out += [f"  {name} miss: {x}" for x in s.misses]
    return out


if __name__ == "__main__":
    print("\n".join(report_lines(evaluate(), details=True)))
