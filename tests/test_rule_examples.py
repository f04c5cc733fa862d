"""Every rule carries a bad and a good example; this runs them all (as proselint does)."""

import pytest

from litcheck.examples import run_examples
from litcheck.rulebook import load_rules

RULES = load_rules()


def test_there_are_rules():
    assert len(RULES) >= 5


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.id)
def test_examples_pass(rule):
    failures = run_examples(rule, RULES)
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.id)
def test_every_rule_explains_itself(rule):
    e = rule.explanation
    assert len(e.why) > 40 and len(e.instead) > 20 and e.sources
