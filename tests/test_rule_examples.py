"""Every rule carries a bad and a good example; this runs them all (as proselint does)."""

import os

import pytest

from litcheck.examples import needs, run_examples
from litcheck.rulebook import load_rules

RULES = load_rules()


def options_for(rule) -> dict:
    """The grammar and spelling rules need a LanguageTool server (LITCHECK_LANGUAGETOOL_URL,
    started by .ci/run): on CI a missing server fails, elsewhere their examples skip."""
    if needs(rule) != "languagetool":
        return {}
    url = os.environ.get("LITCHECK_LANGUAGETOOL_URL")
    if url:
        return {"languagetool": url}
    if os.environ.get("CI") == "true":
        pytest.fail(f"{rule.id} needs a LanguageTool server: set LITCHECK_LANGUAGETOOL_URL (scripts/languagetool-server start)")
    pytest.skip(f"{rule.id}: no LanguageTool server (set LITCHECK_LANGUAGETOOL_URL; scripts/languagetool-server start)")


def test_there_are_rules():
    assert len(RULES) >= 5


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.id)
def test_examples_pass(rule):
    failures = run_examples(rule, RULES, options_for(rule))
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.id)
def test_every_rule_explains_itself(rule):
    e = rule.explanation
    assert len(e.why) > 40 and len(e.instead) > 20 and e.sources
