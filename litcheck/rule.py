"""A rule: the part every rule kind shares, read from one YAML file (loaded by rulebook.py).

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

and may carry:

    profiles: [appointment_letter, ...]   # only documents of these kinds
    scope: [prose, heading, ...]           # only sentences of these kinds
    fix: swap | advise | never             # what `litcheck fix` may do (see FIX_MODES)
    enabled: false                         # off unless selected (precision under 0.85)
    good: no threats                       # EAST summary line when the rule finds nothing

Values are checked as strictly as keys: an unknown scope or profile is a load error with a
"did you mean".
"""

from __future__ import annotations

import difflib
import hashlib
import marshal
import string
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator

from .errors import RuleError
from .findings import EAST_CATEGORIES, SEVERITIES
from .segment import SENTENCE_KINDS

#: what ``litcheck fix`` may do with a rule's findings (``fix:`` in the rule file):
#: swap = replace the words with the first suggestion when the safety policy allows;
#: advise = leave them for a person, with the advice (the default);
#: never = a person must rewrite the whole sentence: fix changes nothing in it
FIX_MODES = ("swap", "advise", "never")


@lru_cache(maxsize=1)
def _line_loader():
    """A YAML loader that remembers the line of every mapping key (libyaml's parser where
    PyYAML has it: the same data and lines, seven times faster at start-up, issue 20). Made,
    and PyYAML imported, only when a file is not in the build-time snapshot."""
    import yaml

    class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def _construct_mapping(loader, node) -> "LineDict":
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
    return _LineLoader, yaml.YAMLError


class LineDict(dict):
    """A dict from YAML that knows the line each key was on. ``shipped``: the file's text is
    one of litcheck's own rule or profile files (``SNAPSHOT``), whose regular expressions the
    tests compile, so they may be compiled when first used (``textpatterns.rule_pattern``)."""

    shipped = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[str, int] = {}


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning every problem into a one-line RuleError. A file whose text is
    one of litcheck's own rule files, parsed at build time (``SNAPSHOT``), is not parsed again."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None
    parsed = _snapshot().get(_digest(text))
    if parsed is not None:
        spec = _decode(parsed)
        if isinstance(spec, LineDict):
            spec.shipped = True
        return spec
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> Any:
    """``text`` (the file ``path``) parsed as YAML, every mapping a LineDict."""
    loader_class, yaml_error = _line_loader()
    loader = loader_class(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml_error as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}{where}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()


#: litcheck's own rule and profile files parsed at build time (scripts/build_rule_snapshot.py),
#: keyed by a digest of each file's text, so that start-up does not parse them again (issue 20);
#: a file whose text is not in it (changed since, or an organisation's own) is parsed as before
SNAPSHOT = Path(__file__).resolve().parent / "rules_snapshot.marshal"


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


@lru_cache(maxsize=1)
def _snapshot() -> dict:
    """Digest of a file's text -> its parsed content (``_encode``); empty when the snapshot is
    missing or was written by another Python (marshal's format is Python's own)."""
    try:
        data = marshal.loads(SNAPSHOT.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("python") != tuple(sys.version_info[:2]):
        return {}
    return data.get("files", {})


def _encode(value: Any) -> Any:
    """Parsed YAML as marshal's plain values: a LineDict is (0, items, lines), a list (1, items)
    (YAML gives no tuples, so a tuple is always one of these)."""
    if isinstance(value, LineDict):
        return (0, {k: _encode(v) for k, v in value.items()}, dict(value.lines))
    if isinstance(value, list):
        return (1, [_encode(v) for v in value])
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, tuple):
        if value[0] == 0:
            result = LineDict((k, _decode(v)) for k, v in value[1].items())
            result.lines = dict(value[2])
            return result
        return [_decode(v) for v in value[1]]
    return value


def snapshot_bytes(paths: Iterable[Path]) -> bytes:
    """The snapshot of the files ``paths`` (for scripts/build_rule_snapshot.py)."""
    files = {}
    for path in sorted(paths):
        text = path.read_text(encoding="utf-8")
        files[_digest(text)] = _encode(parse_yaml(text, path))
    return marshal.dumps({"python": tuple(sys.version_info[:2]), "files": files})


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
    #: whether the kind has a mechanical change (``edits``), so ``fix: swap`` makes sense
    CAN_EDIT: ClassVar[bool] = False
    #: rule id prefixes whose findings cover this rule's (a kind that defers sets it:
    #: languagetool); none by default
    defer_to: tuple[str, ...] = ()

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
        "fix": (False, (str,)),
        # false: off unless --select (or the config's select) names it; for a rule whose
        # measured precision is under 0.85 (tests/data/precision), with the reason in a comment
        "enabled": (False, (bool,)),
        # EAST rules: what it means for the letter when the rule finds nothing ("no threats")
        "good": (False, (str,)),
    }

    def __init__(self, rule_id: str, path: Path, spec: LineDict, known_profiles: Iterable[str] | None = None) -> None:
        self.id = rule_id
        self.path = path
        self.spec = spec
        #: one of litcheck's own rule files, unchanged: its patterns compile when first used
        self.own: bool = getattr(spec, "shipped", False)
        self.description: str = spec["description"].strip()
        self.message: str = spec["message"].strip()
        self.severity: str = spec["severity"]
        self.east: str | None = spec.get("east")
        #: only check documents of these profiles (None: all)
        self.profiles: tuple[str, ...] | None = tuple(spec["profiles"]) if "profiles" in spec else None
        #: sentence kinds the rule looks at (see litcheck.segment.Sentence.kind)
        self.scope: tuple[str, ...] = tuple(spec.get("scope", ("prose", "heading", "table")))
        self.fix: str = spec.get("fix", "advise")
        self.enabled: bool = spec.get("enabled", True)
        self.good: str | None = spec["good"].strip() if "good" in spec else None
        #: profile names a rule may name (None: not checked, as for a rule made by hand)
        self.known_profiles = None if known_profiles is None else frozenset(known_profiles)
        self.explanation = self._explanation(spec["explain"])
        self.examples_bad, self.examples_good = self._examples(spec["examples"])
        if self.severity not in SEVERITIES:
            self.fail("severity", f"severity must be one of {', '.join(SEVERITIES)}, not '{self.severity}'")
        if self.east is not None and self.east not in EAST_CATEGORIES:
            self.fail("east", f"east must be one of {', '.join(EAST_CATEGORIES)} or null, not '{self.east}'")
        if self.fix not in FIX_MODES:
            self.fail("fix", f"fix must be one of {', '.join(FIX_MODES)}, not '{self.fix}'")
        if self.fix == "swap" and not self.CAN_EDIT:
            self.fail("fix", f"a {self.kind} rule has no mechanical change for 'fix: swap'; use advise or never")
        if self.good is not None and self.east is None:
            self.fail("good", "'good' is the EAST summary's line for a rule that finds nothing: give the rule an 'east' category")
        self._check_values("scope", self.scope, SENTENCE_KINDS, "sentence kind")
        if self.profiles is not None:
            self.check_profiles("profiles", self.profiles)
        self._check_message_fields()
        self.setup(spec)

    # -- for kinds to override -------------------------------------------------------
    def setup(self, spec: LineDict) -> None:
        """Read the kind's own keys (already checked for presence and type)."""

    def check(self, ctx) -> Iterator:
        """Yield findings for the document in ``ctx`` (a litcheck.analysers.Context)."""
        raise NotImplementedError

    def edits(self, finding, document) -> list[tuple[int, int, str]] | None:
        """The mechanical change that fixes ``finding`` ((start, end, new text) edits in
        Document.text), or None when a person must decide. Only rules with ``fix: swap``
        are asked, and ``litcheck fix``'s safety policy may still refuse."""
        return None

    def relevant(self, ctx) -> bool:
        """Whether the rule's question arises for this document at all (a kind with a
        ``when:`` condition says no when it is not met); the EAST summary praises only
        checks that were relevant."""
        return True

    # -- helpers ---------------------------------------------------------------------
    def fail(self, key: str | None, problem: str):
        line = self.spec.lines.get(key) if key else None
        where = f"{self.path}:{line}" if line else str(self.path)
        raise RuleError(f"{where}: {problem}")

    def check_profiles(self, key: str, names: Iterable[str]) -> None:
        """Each name is a document profile litcheck knows ("default" stands for the rest)."""
        if self.known_profiles is not None:
            self._check_values(key, [n for n in names if n != "default"], self.known_profiles, "profile")

    def by_profile(self, key: str, value, what=(int, float)) -> dict:
        """A value that may differ by profile (``max: {default: 11, easy_read: 9}``) as a
        dict with a "default", its profile names checked."""
        if not isinstance(value, dict):
            return {"default": value}
        if "default" not in value:
            self.fail(key, f"'{key}' by profile needs a 'default'")
        self.check_profiles(key, value)
        for name, item in value.items():
            if not isinstance(item, what):
                self.fail(key, f"'{key}' for '{name}' has the wrong type")
        return dict(value)

    def _check_values(self, key: str, values: Iterable[str], known: Iterable[str], what: str) -> None:
        known = sorted(known)
        for value in values:
            if value not in known:
                close = closest(str(value), known)
                hint = f" (did you mean '{close}'?)" if close else f" (known: {', '.join(known)})"
                self.fail(key, f"unknown {what} '{value}' in '{key}'{hint}")

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
        check_keys(self, spec, {"why": (True, (str,)), "instead": (True, (str,)), "sources": (True, (list,))}, "explain")
        return Explanation(spec["why"].strip(), spec["instead"].strip(), tuple(str(s) for s in spec["sources"]))

    #: the keys an example written as a mapping may have (a kind may add its own)
    EXAMPLE_KEYS: ClassVar[tuple[str, ...]] = ("text", "profile")

    def _example(self, item: dict, which: str) -> Example:
        """One example from its mapping (``text``, maybe ``profile``)."""
        return Example(item["text"], item.get("profile"))

    def _examples(self, spec: LineDict) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        check_keys(self, spec, {"bad": (True, (list,)), "good": (True, (list,))}, "examples")
        out = []
        for which in ("bad", "good"):
            items = []
            for item in spec[which]:
                if isinstance(item, str):
                    items.append(self._example({"text": item}, which))
                elif isinstance(item, dict) and set(item) <= set(self.EXAMPLE_KEYS) and "text" in item:
                    items.append(self._example(item, which))
                else:
                    self.fail("examples", f"each {which} example is a string or {{{', '.join(self.EXAMPLE_KEYS)}}}")
            if not items:
                self.fail("examples", f"the rule needs at least one {which} example")
            out.append(tuple(items))
        return out[0], out[1]


def check_keys(rule: Rule, spec: Any, keys: dict, where: str) -> None:
    """Unknown keys, missing keys and wrong types are load errors that name the line."""
    if not isinstance(spec, dict):
        rule.fail(None, f"'{where}' must be a mapping")
    lines = getattr(spec, "lines", {})
    for key in spec:
        if key not in keys:
            close = closest(str(key), keys)
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


def matches(rule_id: str, prefix: str) -> bool:
    """``jargon`` and ``jargon.`` match ``jargon.medical``; ``jargon.medical`` matches itself."""
    return rule_id == prefix or rule_id.startswith(prefix.rstrip(".") + ".")


def closest(key: str, keys: Iterable[str]) -> str | None:
    """The known name closest to a misspelt one, for a "did you mean"."""
    match = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
    return match[0] if match else None
