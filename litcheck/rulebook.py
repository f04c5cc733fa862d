"""The rulebook: every rule file under rules/ (and an organisation's own folders), loaded once.

A rule file's path is its id: ``rules/jargon/medical.yml`` is ``jargon.medical``. The kind
named in the file (``kind: substitution``) is a class in ``litcheck.analysers``; this module
reads the files, checks them against their kind and keeps them in a :class:`Ruleset`.
Rule names given by a user (``--select``, ``--ignore``, config, suppression comments) are
checked here too: a typo is an error with a "did you mean", never a check silently off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .analysers import KINDS
from .data import data_dir
from .details.profiles import profile_names
from .errors import ConfigError, RuleError
from .rule import LineDict, Rule, check_keys, closest, matches, read_yaml

#: findings litcheck itself makes, outside the rule files
EXTRA_RULES = ("litcheck.unused_ignore",)

__all__ = ["Ruleset", "load_rules", "rule_files", "rule_id", "make_rule", "matches", "check_selection", "unknown_rule", "Rule"]


def rule_id(path: Path, root: Path) -> str:
    """``rules/jargon/medical.yml`` -> ``jargon.medical``."""
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts)


def make_rule(path: Path, root: Path, known_profiles: Iterable[str] | None = None) -> Rule:
    spec = read_yaml(path)
    if not isinstance(spec, LineDict):
        raise RuleError(f"{path}: a rule file is a YAML mapping")
    kind = spec.get("kind")
    if kind not in KINDS:
        line = spec.lines.get("kind")
        known = ", ".join(sorted(KINDS))
        raise RuleError(f"{path}{':' + str(line) if line else ''}: unknown kind '{kind}' (known kinds: {known})")
    cls = KINDS[kind]
    stub = object.__new__(cls)
    stub.path, stub.spec = path, spec
    check_keys(stub, spec, {**Rule.COMMON_KEYS, **cls.KEYS}, "the rule")
    return cls(rule_id(path, root), path, spec, known_profiles)


@dataclass
class Ruleset:
    rules: list[Rule] = field(default_factory=list)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]


def rule_files(root: Path) -> list[Path]:
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    return [p for p in files if not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)]


def load_rules(roots: tuple[Path, ...] | None = None, extra: Sequence[str | Path] = (), profile_dirs: Sequence[str | Path] = ()) -> Ruleset:
    """Every rule under ``roots`` (default: litcheck's own rules/), then under each folder of
    ``extra`` (an organisation's own rules: a rule of the same id replaces litcheck's).
    ``profile_dirs``: folders of the service's own document profiles, which rules may name.
    Loaded once per process for each set of folders."""
    return _load(tuple(roots or (data_dir("rules"),)) + tuple(Path(d) for d in extra), tuple(Path(d) for d in profile_dirs))


@lru_cache(maxsize=8)
def _load(roots: tuple[Path, ...], profile_dirs: tuple[Path, ...]) -> Ruleset:
    known = set(profile_names(profile_dirs))
    rules: dict[str, Rule] = {}
    for root in roots:
        if not root.is_dir():
            raise RuleError(f"{root}: no such rules folder")
        for path in rule_files(root):
            rule = make_rule(path, root, known)
            rules[rule.id] = rule  # a later folder overrides a rule of the same id
    return Ruleset(sorted(rules.values(), key=lambda r: r.id))


def unknown_rule(prefix: str, rules: Ruleset) -> str | None:
    """None when ``prefix`` names a rule or a family of rules; else what is wrong, with a
    "did you mean"."""
    ids = rules.ids + list(EXTRA_RULES)
    if any(matches(i, prefix) for i in ids):
        return None
    known = sorted(set(ids) | {i.split(".")[0] for i in ids})
    close = closest(prefix, known)
    hint = f" (did you mean '{close}'?)" if close else " ('litcheck rules' lists them)"
    return f"'{prefix}' matches no rule{hint}"


def check_selection(prefixes: Iterable[str] | None, rules: Ruleset, where: str = "--select") -> None:
    """A ConfigError (exit 2) for a name that matches no rule: a typo never turns a check off."""
    for prefix in prefixes or ():
        problem = unknown_rule(prefix, rules)
        if problem:
            raise ConfigError(f"{where}: {problem}")


load_rules.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
