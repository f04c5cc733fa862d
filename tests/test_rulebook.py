import textwrap

import pytest

from litcheck.errors import RuleError
from litcheck.rulebook import load_rules

GOOD = """\
kind: existence
description: Test rule.
message: "'{actual}' is bad."
severity: warning
east: attractive
tokens: [bad phrase]
explain: {why: because, instead: this, sources: [me]}
examples: {bad: [a bad phrase], good: [a fine phrase]}
"""


def write_rule(tmp_path, text, name="group/rule.yml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    load_rules.cache_clear()
    return path


def test_rule_id_comes_from_its_path(tmp_path):
    write_rule(tmp_path, GOOD)
    assert [r.id for r in load_rules((tmp_path,))] == ["group.rule"]


def test_misspelt_key_is_an_error_naming_file_line_and_fix(tmp_path):
    path = write_rule(tmp_path, GOOD.replace("severity:", "severty:"))
    with pytest.raises(RuleError, match=rf"{path}:4: unknown key 'severty' in the rule \(did you mean 'severity'\?\)"):
        load_rules((tmp_path,))


def test_unknown_key_inside_explain_is_an_error(tmp_path):
    write_rule(tmp_path, GOOD.replace("why: because", "whyy: because"))
    with pytest.raises(RuleError, match="unknown key 'whyy' in explain"):
        load_rules((tmp_path,))


@pytest.mark.parametrize(
    "change, problem",
    [
        (("severity: warning", "severity: fatal"), "severity must be one of"),
        (("east: attractive", "east: fun"), "east must be one of"),
        (("kind: existence", "kind: magic"), "unknown kind 'magic'"),
        (("'{actual}' is bad.", "'{0}' is bad."), "message uses"),
        (("'{actual}' is bad.", "'{expected}' is bad."), "message uses {expected}"),
        (("good: [a fine phrase]", "good: []"), "at least one good example"),
        (("tokens: [bad phrase]", "tokens: ['(unclosed']"), "not a valid pattern"),
        (("description: Test rule.\n", ""), "'description' is missing"),
        (("tokens: [bad phrase]", "tokens: bad phrase"), "'tokens' must be a list"),
    ],
)
def test_bad_rule_files_fail_loudly(tmp_path, change, problem):
    write_rule(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError, match=problem):
        load_rules((tmp_path,))


def test_invalid_yaml_names_the_line(tmp_path):
    path = write_rule(tmp_path, GOOD + "explain: [unclosed\n")
    with pytest.raises(RuleError, match=rf"{path}:\d+: "):
        load_rules((tmp_path,))


def test_suggestions_by_profile_need_a_default(tmp_path):
    rule = """\
kind: required
description: Test rule.
message: "Missing ({need}, {profile})."
severity: warning
detail: duration
suggest: {easy_read: It takes 1 hour.}
explain: {why: because, instead: this, sources: [me]}
examples: {bad: [a], good: [b]}
"""
    write_rule(tmp_path, rule)
    with pytest.raises(RuleError, match="'suggest' by profile needs a 'default'"):
        load_rules((tmp_path,))
