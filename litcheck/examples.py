"""Every rule carries a bad and a good example: run them all (as proselint's meta-test does).

Used by the test suite and by ``litcheck rules --test``, so an organisation can check its own
rule files the same way litcheck checks its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .check import check_document, check_text
from .rule import Rule


@dataclass(frozen=True)
class Failure:
    rule: str
    which: str  #: "bad" (the rule missed it) or "good" (the rule fired on it)
    text: str
    found: tuple[str, ...] = ()  #: what the rule flagged in a good example

    def __str__(self) -> str:
        if self.which == "bad":
            return f"{self.rule}: missed its bad example {self.text!r}"
        return f"{self.rule}: fired on its good example {self.text!r} ({', '.join(repr(t) for t in self.found)})"


def needs(rule: Rule) -> str | None:
    """The check option a rule's examples cannot run without (``languagetool``: a server), or None."""
    return getattr(rule, "NEEDS_OPTION", None)


def run_examples(rule: Rule, rules, options: dict | None = None) -> list[Failure]:
    """The failures of one rule's examples, each checked with the whole ``rules`` set.

    A rule whose kind needs an option (a LanguageTool server) gets ``options``; callers ask
    ``needs(rule)`` first and say so when it is missing: without a server such a rule finds
    nothing, so its examples would only fail. A rule that is off by default is checked
    selected, as a user who turns it on would see it."""
    failures = []
    extra = dict(options or {}) if needs(rule) else {}
    if not rule.enabled:
        extra["select"] = [rule.id]
    for example in rule.examples_bad:
        report = _check(rule, example, rules, extra)
        if rule.id not in {f.rule for f in report.findings}:
            failures.append(Failure(rule.id, "bad", example.text))
    for example in rule.examples_good:
        report = _check(rule, example, rules, extra)
        hits = tuple(f.text for f in report.findings if f.rule == rule.id)
        if hits:
            failures.append(Failure(rule.id, "good", example.text, hits))
    return failures


def _check(rule: Rule, example, rules, extra: dict):
    """The report on one example: its text, or the file a kind makes of it (a layout rule's
    example is a Word file in the look it describes: ``example_document``)."""
    make = getattr(rule, "example_document", None)
    if make is not None:
        return check_document(make(example), profile=example.profile, rules=rules, **extra)
    return check_text(example.text, profile=example.profile, rules=rules, **extra)


def run_all(rules, only: Iterable[str] | None = None, options: dict | None = None) -> list[Failure]:
    """Failures of every rule's examples (or of the rules whose ids are in ``only``); rules
    whose examples need an option ``options`` does not give are left out."""
    wanted = None if only is None else set(only)
    options = options or {}
    return [
        f for rule in rules
        if (wanted is None or rule.id in wanted) and (not needs(rule) or options.get(needs(rule)))
        for f in run_examples(rule, rules, options)
    ]
