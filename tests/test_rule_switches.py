"""Rule behaviour set in rule files: off by default, fix modes, EAST 'good' lines, checked values."""

import re
import textwrap

import pytest

import litcheck
from litcheck.cli import main
from litcheck.errors import ConfigError, RuleError
from litcheck.rulebook import load_rules

EXISTENCE = """\
kind: existence
description: Test rule.
message: "'{actual}' is bad."
severity: warning
east: attractive
tokens: [a bad phrase]
explain: {why: because, instead: this, sources: [me]}
examples: {bad: [a bad phrase], good: [a fine phrase]}
"""


def _rules(tmp_path, extra: str, name="house/rule.yml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(EXISTENCE + textwrap.dedent(extra), encoding="utf-8")
    load_rules.cache_clear()
    return tmp_path


def test_a_rule_that_is_off_runs_only_when_selected(tmp_path):
    folder = _rules(tmp_path, "enabled: false\n")
    rules = load_rules(extra=[folder])
    text = "This is a bad phrase."
    assert "house.rule" not in {f.rule for f in litcheck.check_text(text, rules=rules).findings}
    assert "house.rule" in {f.rule for f in litcheck.check_text(text, rules=rules, select=["house"]).findings}


@pytest.mark.parametrize(
    "extra, problem",
    [
        ("scope: [salutaton]\n", "unknown sentence kind 'salutaton' in 'scope' (did you mean 'salutation'?)"),
        ("profiles: [apointment_letter]\n", "unknown profile 'apointment_letter' in 'profiles' (did you mean 'appointment_letter'?)"),
        ("fix: swop\n", "fix must be one of swap, advise, never"),
        ("fix: swap\n", "'fix: swap' on an existence rule needs 'edit: delete' or 'edit: sentence_case'"),
        ("enabled: maybe\n", "'enabled' must be bool"),
    ],
)
def test_rule_values_are_checked_at_load(tmp_path, extra, problem):
    folder = _rules(tmp_path, extra)
    with pytest.raises(RuleError, match=r"rule\.yml:\d+: " + re.escape(problem)):
        load_rules(extra=[folder])


def test_profile_names_inside_per_profile_maps_are_checked(tmp_path):
    path = tmp_path / "house" / "target.yml"
    path.parent.mkdir(parents=True)
    path.write_text(
        textwrap.dedent(
            """\
            kind: metric
            description: Test metric.
            message: "{value}"
            severity: suggestion
            metric: sentence_words
            max: {default: 20, easy_reed: 10}
            explain: {why: because, instead: this, sources: [me]}
            examples: {bad: [a], good: [b]}
            """
        ),
        encoding="utf-8",
    )
    load_rules.cache_clear()
    with pytest.raises(RuleError, match=r"target.yml:6: unknown profile 'easy_reed' in 'max' \(did you mean 'easy_read'\?\)"):
        load_rules(extra=[tmp_path])


def test_select_that_names_no_rule_is_an_error_with_a_suggestion():
    with pytest.raises(ConfigError, match=r"'jargn' matches no rule \(did you mean 'jargon'\?\)"):
        litcheck.check_text("Please commence.", select=["jargn"])


def test_cli_typo_in_select_exits_2(tmp_path, capsys):
    letter = tmp_path / "letter.txt"
    letter.write_text("Please commence fasting.\n", encoding="utf-8")
    assert main(["check", "--select", "jargon.medicl", str(letter)]) == 2
    assert "did you mean 'jargon.medical'" in capsys.readouterr().err


def test_suppression_comment_naming_no_rule_is_an_input_error(tmp_path, capsys):
    letter = tmp_path / "letter.md"
    letter.write_text("<!-- litcheck: ignore jargon.medicl -->\nPlease commence fasting.\n", encoding="utf-8")
    assert main(["check", str(letter)]) == 2
    assert "'jargon.medicl' matches no rule (did you mean 'jargon.medical'?)" in capsys.readouterr().err


def test_custom_rules_folder_from_the_cli_and_rules_test(tmp_path, capsys):
    folder = _rules(tmp_path, "")
    letter = tmp_path / "letter.txt"
    letter.write_text("This is a bad phrase.\n", encoding="utf-8")
    assert main(["check", "--rules", str(folder), "--select", "house", "--format", "json", str(letter)]) == 0
    assert '"rule": "house.rule"' in capsys.readouterr().out
    assert main(["rules", "--test", str(folder)]) == 0
    broken = tmp_path / "broken"
    (broken / "house").mkdir(parents=True)
    (broken / "house" / "rule.yml").write_text(EXISTENCE.replace("good: [a fine phrase]", "good: [a bad phrase too]"), encoding="utf-8")
    load_rules.cache_clear()
    assert main(["rules", "--test", str(broken)]) == 1
    assert "house.rule: fired on its good example" in capsys.readouterr().out


def test_custom_rules_folder_from_the_config(tmp_path, capsys):
    _rules(tmp_path / "our-rules", "")
    (tmp_path / "litcheck.toml").write_text('rules = ["our-rules"]\nselect = ["house"]\n', encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text("This is a bad phrase.\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(letter)]) == 0
    assert '"rule": "house.rule"' in capsys.readouterr().out


def test_east_good_lines_come_from_the_rule_files():
    rules = {r.id: r for r in load_rules()}
    assert rules["tone.threat"].good == "no threats"
    assert rules["jargon.medical"].fix == "swap" and rules["tone.threat"].fix == "never"
    report = litcheck.check_text("Dear Ms Patel,\n\nYour appointment is on Monday 3 June at 10am. Please bring your tablets.\n")
    assert "no threats" in report.sections["east"].categories["attractive"].good


def test_the_sentence_ladder_obeys_the_rule_limits():
    sentence = ("Please bring a list of all the tablets and medicines you take with you when you come to see us at the clinic, "
                "and we will check it.")
    assert "sentences.long" in {f.rule for f in litcheck.check_text(sentence).findings}  # on by default (issue 21)
    assert "sentences.long" in {f.rule for f in litcheck.check_text(sentence, select=["sentences"]).findings}
    relaxed = litcheck.check_text(sentence, select=["sentences"], limits={"sentences.long": 40})
    assert "sentences.long" not in {f.rule for f in relaxed.findings}
