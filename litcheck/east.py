"""The EAST summary: for each category (Easy, Attractive, Social, Timely), what is good
and what to change first, built from the findings (each carries its ``east`` category).

EAST is the Behavioural Insights Team's framework (2014) for helping people act: make it
Easy, Attractive, Social and Timely. Here it frames an appointment letter: is coming to the
appointment easy, attractive, socially normal and prompted at the right time?
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from .findings import EAST_CATEGORIES, SEVERITIES, Finding, severity_rank

#: what each category asks of a letter (one line, for the text report)
QUESTIONS = {
    "easy": "is the next step clear and the letter easy to read?",
    "attractive": "is it warm, personal and clear about what the person gets?",
    # the power of networks is Social too (EAST: "use the power of networks"): a carer or
    # friend who may come along (details.companion) is changed first here, so the question names it
    "social": "does it show that most people come, and that they can bring someone?",
    "timely": "are the key facts, deadlines and reminders at the right moment?",
}

#: rules that report the same thing more strongly: a rule is not "silent" when these fired
#: (a sentence gets one finding on the sentences ladder: long < hard < very_hard)
STRONGER = {"sentences.long": ("sentences.hard", "sentences.very_hard")}


@dataclass
class Category:
    name: str  #: easy, attractive, social or timely
    findings: list[Finding] = field(default_factory=list)
    good: list[str] = field(default_factory=list)  #: checks that found nothing, as plain phrases

    @property
    def change_first(self) -> Finding | None:
        """The most serious finding; among equals, the earliest in the document."""
        if not self.findings:
            return None
        return min(self.findings, key=lambda f: (-severity_rank(f.severity), f.start))

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    def to_dict(self) -> dict:
        first = self.change_first
        return {
            "findings": len(self.findings),
            **{f"{s}s": n for s, n in self.counts().items()},
            "rules": sorted({f.rule for f in self.findings}),
            "good": list(self.good),
            "change_first": None
            if first is None
            else {
                "rule": first.rule,
                "line": first.line,
                "text": first.text,
                "message": first.message,
                "suggestion": first.suggestions[0] if first.suggestions else None,
            },
        }


@dataclass
class EastSummary:
    categories: dict[str, Category]

    def to_dict(self) -> dict:
        return {name: c.to_dict() for name, c in self.categories.items()}

    def text_lines(self) -> list[str]:
        lines = ["EAST summary (make coming Easy, Attractive, Social and Timely):"]
        for name, c in self.categories.items():
            n = len(c.findings)
            counts = ", ".join(f"{k} {s}{'s' if k != 1 else ''}" for s, k in c.counts().items() if k)
            head = f"  {name.capitalize():<11}{n} finding{'s' if n != 1 else ''}" + (f" ({counts})" if counts else "")
            lines.append(head + f": {QUESTIONS[name]}")
            if c.good:
                lines.extend(textwrap.wrap(f"Good: {'; '.join(c.good)}.", width=86, initial_indent=" " * 13, subsequent_indent=" " * 19))
            first = c.change_first
            if first is not None:
                what = " ".join(first.text.split())
                what = f" '{what}'" if what and len(what) <= 60 else ""
                lines.append(f"             Change first: line {first.line}{what} ({first.rule}).")
        return lines


def build(ctx, findings) -> EastSummary:
    categories = {name: Category(name) for name in EAST_CATEGORIES}
    for f in findings:
        if f.east in categories:
            categories[f.east].findings.append(f)
    fired = {f.rule for f in findings}
    for rule in ctx.rules_run:  # only checks that ran can be praised
        if not rule.good or rule.east not in categories:
            continue
        if rule.id in fired or fired.intersection(STRONGER.get(rule.id, ())):
            continue
        if not rule.relevant(ctx):
            continue  # a whole-document check that does not apply here (a leaflet, a text message)
        categories[rule.east].good.append(rule.good)
    return EastSummary(categories)
