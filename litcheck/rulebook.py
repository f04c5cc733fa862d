"""Rules are data: one YAML file per rule under rules/, its path is its id.

``rules/jargon/medical.yml`` is the rule ``jargon.medical``. Each file names its ``kind``
(substitution, existence, metric...); the kind is a small class in ``litcheck.analysers``
that says which keys it takes and how it checks a document. Loading is strict: an
unknown or misspelt key is an error naming the file and line, because a typo must never
switch a check off silently.

Every rule file carries:

    kind: substitution          # which analyser runs it
    description: one line for `litcheck rules`
    message: "'{actual}' ... '{expected}'"   # named placeholders only
    severity: error | warning | suggestion
    east: easy | attractive | social | timely | null
    explain: {why: ..., instead: ..., sources: [...]}   # for `litcheck explain`
    examples: {bad: [...], good: [...]}                   # run by the test suite
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator

import yaml

from .errors import RuleError
from .findings import EAST_CATEGORIES, SEVERITIES


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping key."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> "LineDict":
    loader.flatten_mapping(node)
    result = LineDict()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise RuleError(f"{loader.name}:{key_node.start_mark.line + 1}: key '{key}' appears twice")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class LineDict(dict):
    """A dict from YAML that knows the line each key was on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[str, int] = {}


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning every problem into a one-line RuleError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}{where}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class Explanation:
    why: str  #: why this matters to a reader with low health literacy
    instead: str  #: what to write instead
    sources: tuple[str, ...] = ()  #: guidance and evidence behind the rule


@dataclass(frozen=True)
class Example:
    text: str
    profile: str | None = None  #: the document kind the example is checked as


class Rule:
    """The common part of every rule; a kind subclasses it and adds ``check``."""

    #: the ``kind:`` value in the YAML file
    kind: ClassVar[str] = ""
    #: the kind's own keys: name -> (required?, python types allowed)
    KEYS: ClassVar[dict[str, tuple[bool, tuple[type, ...]]]] = {}
    #: the named placeholders its ``message`` may use
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    COMMON_KEYS: ClassVar[dict[str, tuple[bool, tuple[type, ...]]]] = {
        "kind": (True, (str,)),
        "description": (True, (str,)),
        "message": (True, (str,)),
        "severity": (True, (str,)),
        "east": (False, (str, type(None))),
        "explain": (True, (dict,)),
        "examples": (True, (dict,)),
        "profiles": (False, (list,)),
        "scope": (False, (list,)),
    }

    def __init__(self, rule_id: str, path: Path, spec: LineDict) -> None:
        self.id = rule_id
        self.path = path
        self.spec = spec
        self.description: str = spec["description"].strip()
        self.message: str = spec["message"].strip()
        self.severity: str = spec["severity"]
        self.east: str | None = spec.get("east")
        #: only check documents of these profiles (None: all)
        self.profiles: tuple[str, ...] | None = tuple(spec["profiles"]) if "profiles" in spec else None
        #: sentence kinds the rule looks at (see litcheck.segment.Sentence.kind)
        self.scope: tuple[str, ...] = tuple(spec.get("scope", ("prose", "heading", "table")))
        self.explanation = self._explanation(spec["explain"])
        self.examples_bad, self.examples_good = self._examples(spec["examples"])
        if self.severity not in SEVERITIES:
            self.fail("severity", f"severity must be one of {', '.join(SEVERITIES)}, not '{self.severity}'")
        if self.east is not None and self.east not in EAST_CATEGORIES:
            self.fail("east", f"east must be one of {', '.join(EAST_CATEGORIES)} or null, not '{self.east}'")
        self._check_message_fields()
        self.setup(spec)

    # -- for kinds to override -------------------------------------------------------
    def setup(self, spec: LineDict) -> None:
        """Read the kind's own keys (already checked for presence and type)."""

    def check(self, ctx) -> Iterator:
        """Yield findings for the document in ``ctx`` (a litcheck.analysers.Context)."""
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------
    def fail(self, key: str | None, problem: str):
        line = self.spec.lines.get(key) if key else None
        where = f"{self.path}:{line}" if line else str(self.path)
        raise RuleError(f"{where}: {problem}")

    def format_message(self, **values) -> str:
        return self.message.format_map(values)

    def applies_to(self, profile: str | None) -> bool:
        return self.profiles is None or profile in self.profiles

    def _check_message_fields(self) -> None:
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(self.message) if f is not None}
        except ValueError as exc:
            self.fail("message", f"message is not a valid template: {exc}")
        unknown = {n for n in names if n == "" or n.isdigit() or n not in self.MESSAGE_FIELDS}
        if unknown:
            allowed = ", ".join("{" + f + "}" for f in sorted(self.MESSAGE_FIELDS)) or "none"
            self.fail("message", f"message uses {', '.join('{' + u + '}' for u in sorted(unknown))}; a {self.kind} rule allows {allowed}")

    def _explanation(self, spec: LineDict) -> Explanation:
        _check_keys(self, spec, {"why": (True, (str,)), "instead": (True, (str,)), "sources": (True, (list,))}, "explain")
        return Explanation(spec["why"].strip(), spec["instead"].strip(), tuple(str(s) for s in spec["sources"]))

    def _examples(self, spec: LineDict) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        _check_keys(self, spec, {"bad": (True, (list,)), "good": (True, (list,))}, "examples")
        out = []
        for which in ("bad", "good"):
            items = []
            for item in spec[which]:
                if isinstance(item, str):
                    items.append(Example(item))
                elif isinstance(item, dict) and set(item) <= {"text", "profile"} and "text" in item:
                    items.append(Example(item["text"], item.get("profile")))
                else:
                    self.fail("examples", f"each {which} example is a string or {{text, profile}}")
            if not items:
                self.fail("examples", f"the rule needs at least one {which} example")
            out.append(tuple(items))
        return out[0], out[1]


def _check_keys(rule: Rule, spec: Any, keys: dict, where: str) -> None:
    """Unknown keys, missing keys and wrong types are load errors that name the line."""
    if not isinstance(spec, dict):
        rule.fail(None, f"'{where}' must be a mapping")
    lines = getattr(spec, "lines", {})
    for key in spec:
        if key not in keys:
            close = _closest(str(key), keys)
            hint = f" (did you mean '{close}'?)" if close else ""
            line = lines.get(key)
            raise RuleError(f"{rule.path}{':' + str(line) if line else ''}: unknown key '{key}' in {where}{hint}")
    for key, (required, types) in keys.items():
        if key not in spec:
            if required:
                rule.fail(None, f"'{key}' is missing from {where}")
            continue
        if not isinstance(spec[key], types):
            names = " or ".join("null" if t is type(None) else {"str": "text", "dict": "a mapping", "list": "a list"}.get(t.__name__, t.__name__) for t in types)
            line = lines.get(key)
            raise RuleError(f"{rule.path}{':' + str(line) if line else ''}: '{key}' must be {names}")


def _closest(key: str, keys: Iterable[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
    return match[0] if match else None


def rule_id(path: Path, root: Path) -> str:
    """``rules/jargon/medical.yml`` -> ``jargon.medical``."""
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts)


def make_rule(path: Path, root: Path) -> Rule:
    from .analysers import KINDS

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
    _check_keys(stub, spec, {**Rule.COMMON_KEYS, **cls.KEYS}, "the rule")
    return cls(rule_id(path, root), path, spec)


@dataclass
class Ruleset:
    rules: list[Rule] = field(default_factory=list)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)


def rule_files(root: Path) -> list[Path]:
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    return [p for p in files if not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)]


@lru_cache(maxsize=8)
def load_rules(roots: tuple[Path, ...] | None = None) -> Ruleset:
    """Load every rule under ``roots`` (default: litcheck's own rules/), once per process."""
    from .data import data_dir

    roots = roots or (data_dir("rules"),)
    rules: dict[str, Rule] = {}
    for root in roots:
        for path in rule_files(root):
            rule = make_rule(path, root)
            rules[rule.id] = rule  # a later folder overrides a rule of the same id
    return Ruleset(sorted(rules.values(), key=lambda r: r.id))
