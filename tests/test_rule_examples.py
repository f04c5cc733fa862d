"""Every rule carries a bad and a good example; this runs them all (as proselint does)."""

import pytest

import litcheck
from litcheck.rulebook import load_rules

RULES = list(load_rules())


def test_there_are_rules():
    assert len(RULES) >= 5


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bad_examples_are_found(rule):
    for example in rule.examples_bad:
        report = litcheck.check_text(example.text, profile=example.profile)
        assert rule.id in {f.rule for f in report.findings}, f"{rule.id} missed: {example.text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_good_examples_pass(rule):
    for example in rule.examples_good:
        report = litcheck.check_text(example.text, profile=example.profile)
        hits = [f.text for f in report.findings if f.rule == rule.id]
        assert not hits, f"{rule.id} fired on its good example {example.text!r}: {hits}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_explains_itself(rule):
    e = rule.explanation
    assert len(e.why) > 40 and len(e.instead) > 20 and e.sources
