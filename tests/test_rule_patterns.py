"""litcheck's own rules and profiles hold their regular expressions uncompiled until a document
needs them (textpatterns.rule_pattern, PatternOnUse); an organisation's own are compiled at load,
so a mistake in one is still an error naming its file and line."""

import re
import shutil

import pytest

from litcheck.data import data_dir
from litcheck.details.profiles import load_profiles
from litcheck.errors import RuleError
from litcheck.rulebook import load_rules
from litcheck.textpatterns import PatternOnUse


def _held(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _held(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _held(v)
    elif isinstance(value, (re.Pattern, PatternOnUse)):
        yield value


def _own_rule_patterns():
    for rule in load_rules():
        for name, value in vars(rule).items():
            if name != "spec":
                for pattern in _held(value):
                    yield f"{rule.id}.{name}", pattern


def _own_profile_patterns():
    for name, profile in load_profiles().items():
        for signal in profile.signals:
            if signal.kind == "pattern":
                yield f"profile {name}", signal.value


def test_every_pattern_of_litcheck_own_rules_and_profiles_compiles():
    held = list(_own_rule_patterns()) + list(_own_profile_patterns())
    on_use = [(where, p) for where, p in held if isinstance(p, PatternOnUse)]
    assert len(on_use) > 100  # the rules' phrases and tokens, the profiles' detect patterns
    bad = []
    for where, pattern in on_use:
        try:
            compiled = pattern.compiled()
        except re.error as exc:
            bad.append(f"{where}: {exc}")
            continue
        # the flags read without compiling (the scan and prefilter tables' keys) are re's own
        assert PatternOnUse(pattern.pattern, pattern._flags).flags == compiled.flags, where
    assert not bad, bad


def test_loading_litcheck_own_rules_compiles_none_of_their_patterns():
    from litcheck import rulebook

    fresh = rulebook._load.__wrapped__((data_dir("rules"),), ())
    on_use = [p for rule in fresh for v in vars(rule).values() for p in _held(v) if isinstance(p, PatternOnUse)]
    assert on_use and all(p._compiled is None for p in on_use)


def test_a_copy_of_an_own_rule_is_checked_as_litcheck_checks_its_own(tmp_path):
    """The same text as one of litcheck's files: patterns the tests compile, so on use too."""
    source = data_dir("rules") / "tone" / "threats.yml"
    if not source.exists():
        source = next(p for p in sorted(data_dir("rules").rglob("*.yml")) if "kind: existence" in p.read_text())
    (tmp_path / "org").mkdir()
    shutil.copy(source, tmp_path / "org" / source.name)
    load_rules.cache_clear()
    rule = next(iter(load_rules((tmp_path,))))
    assert rule.own


ORG_RULE = """\
kind: existence
description: An organisation's own phrase.
message: "'{actual}' is a word our house style avoids."
severity: warning
east: attractive
tokens: [utilise]
unless: [we utilise]
explain: {why: plain words, instead: use, sources: [house style]}
examples: {bad: [Please utilise the car park.], good: [Please use the car park.]}
"""

@pytest.mark.parametrize("key, line", [("tokens", 6), ("unless", 7)])
def test_a_bad_pattern_in_an_organisations_rule_is_an_error_at_load_with_file_and_line(tmp_path, key, line):
    folder = tmp_path / "house"
    folder.mkdir()
    path = folder / "utilise.yml"
    path.write_text(ORG_RULE.replace(f"{key}: [", f"{key}: ['(unclosed', "), encoding="utf-8")
    load_rules.cache_clear()
    with pytest.raises(RuleError, match=rf"{re.escape(str(path))}:{line}: .*(not a valid pattern|pattern is not valid)"):
        load_rules((tmp_path,))


def test_an_organisations_rule_patterns_are_compiled_at_load(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "utilise.yml").write_text(ORG_RULE, encoding="utf-8")
    load_rules.cache_clear()
    rule = next(iter(load_rules((tmp_path,))))
    assert not rule.own
    assert isinstance(rule.pattern, re.Pattern) and isinstance(rule.unless, re.Pattern)


def test_a_bad_pattern_in_an_organisations_profile_is_an_error_at_load(tmp_path):
    (tmp_path / "house_letter.yml").write_text(
        "label: house letter\nrequired: []\ndetect:\n  - pattern: '(unclosed'\n    weight: 1\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match=rf"{re.escape(str(tmp_path / 'house_letter.yml'))}:\d+: a detect pattern is not a valid"):
        load_profiles((tmp_path,))
