"""Document profiles: which practical details a kind of document must, should or need not
give, and how to recognise that kind of document. Profiles are data, one YAML file each
under ``rules/_profiles/`` (``appointment_letter.yml`` is the profile ``appointment_letter``),
so a service can add its own.

    label: appointment letter
    description: ...
    required: [location, date, time, contact]       # missing: a finding at the rule's severity
    recommended: [duration, parking, ...]             # missing: a suggestion
    detect:                                           # weights add up; the best profile wins
      - {pattern: "regular expression", weight: 3}    # found anywhere (case-insensitive, multiline)
      - {detail: date, weight: 2}                     # the detail is present (absent: not)
      - {max_chars: 480, weight: 6}                   # or min_chars: the text's length
      - {max_sentence_words: 8, weight: 5}            # mean words per prose sentence
      - {max_line_words: 8, weight: 2}                # mean words per non-empty line
      - {pattern: "...", min_count: 3, weight: 2}     # found on at least 3 lines or places
      - {pattern: "...", weight: 3, says: "says '{match}'"}   # the reason the report shows
      - {pattern: "...", weight: 2, needed: true}     # one needed pattern must be found
    A negative weight counts against the profile ("Dear ..." is not a text message).

``says`` completes "it ..." in the reason the report gives for the kind it chose ("a letter
with no appointment: it says 'you missed your appointment' and gives no appointment time");
``{match}`` is the line of text the pattern found, shortened.

A profile is only a candidate when at least one of its positive ``pattern`` signals is found:
the text has to say something that kind of document says; and when some of its patterns are
marked ``needed``, one of those must be found too (a letter kind needs the signs of a letter
to one person: "Dear ...", a sign-off, template fields). Length, sentence length and
details present or absent only add weight to a candidate (a short paragraph is not a text
message because it is short). Details a profile lists in neither ``required`` nor
``recommended`` are not applicable.

A service adds its own profiles with ``profile_dirs`` (library) or ``profiles_dir`` (config
file): folders of files in the same format, read after litcheck's; a file with the name of
one of litcheck's profiles replaces it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import RuleError
from ..textpatterns import PatternOnUse
from . import scan
from .detectors import DETAIL_IDS

FALLBACK = "general"
#: a profile must score at least this much to be chosen over the fallback
MIN_SCORE = 5
#: a score this high (or higher) is full evidence; confidence scales with the score below it
FULL_EVIDENCE = 10
#: below this many characters there is too little text to tell what kind of document it is
MIN_CHARS = 100
_KEYS = {"label", "description", "required", "recommended", "recommended_in_letters", "detect"}
_SIGNAL_KEYS = {"pattern", "detail", "absent", "max_chars", "min_chars", "max_sentence_words", "max_line_words"}
_MODIFIERS = {"weight", "says", "min_count", "needed"}
#: how many of the strongest signs the reason names
REASONS = 2
_MATCH_CHARS = 60


@dataclass(frozen=True)
class Signal:
    kind: str  #: pattern, detail, absent, max_chars, min_chars, max_sentence_words or max_line_words
    value: object
    weight: float
    says: str = ""  #: completes "it ..." in the reason; may hold {match}
    min_count: int = 1  #: a pattern: how many times it must be found
    needed: bool = False  #: a pattern: the profile is a candidate only if one needed pattern is found


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    description: str
    required: tuple[str, ...]
    recommended: tuple[str, ...]
    signals: tuple[Signal, ...]
    #: recommended only when the document is a letter to one person (an Easy Read letter is
    #: asked for the date and place; an Easy Read information page is not)
    recommended_in_letters: tuple[str, ...] = ()

    def need(self, detail: str, letter: bool = True) -> str:
        """``required``, ``recommended`` or ``not_applicable`` (``letter``: the document is
        written to one person)."""
        if detail in self.required:
            return "required"
        if detail in self.recommended or (letter and detail in self.recommended_in_letters):
            return "recommended"
        return "not_applicable"


_TO_ONE_PERSON = re.compile(
    # "^[^\w\n]*", not "^\W*": a line start must not run on across blank lines (quadratic on a
    # page of newlines)
    r"^[^\w\n]*(?:dear|hi|hello)\b|^[^\S\n]*(?:subject|re)\s*:|\byour\s+(?:\w+\s+)?appointment\s+(?:is|will\s+be)\b|\byou\s+are\s+going\s+to\s+(?:see|have|meet)\b",
    re.IGNORECASE | re.MULTILINE,
)


def written_to_one_person(ctx) -> bool:
    """Whether the document is a letter (or message) to one person, not information for many."""
    return ctx.memo("to_one_person", lambda c: scan.search(c, _TO_ONE_PERSON) is not None)


@dataclass(frozen=True)
class Detection:
    profile: str
    confidence: float  #: 0 to 1: how much evidence, and how clearly this profile beat the others
    source: str  #: "detected" or "given"
    scores: dict  #: profile name -> score, for the curious
    reason: str = ""  #: one sentence a person can check: what in the text made this the kind


def profiles_dir() -> Path:
    from ..data import data_dir

    return data_dir("rules") / "_profiles"


def load_profiles(dirs=()) -> dict[str, Profile]:
    """litcheck's profiles, then those in each folder of ``dirs`` (a later file with the same
    name replaces an earlier one). A folder that does not exist is a ConfigError."""
    return _load(tuple(Path(d).resolve() for d in dirs or ()))


@lru_cache(maxsize=16)
def _load(dirs: tuple[Path, ...]) -> dict[str, Profile]:
    from ..errors import ConfigError
    from ..rule import read_yaml

    out = {}
    for folder in (profiles_dir(), *dirs):
        if not folder.is_dir():
            raise ConfigError(f"{folder}: profiles folder not found")
        for path in sorted(folder.glob("*.yml")):
            out[path.stem] = _parse(path, read_yaml(path))
    if FALLBACK not in out:
        raise RuleError(f"{profiles_dir()}: the '{FALLBACK}' profile is missing")
    return _share_patterns(out)


def _share_patterns(profiles: dict[str, Profile]) -> dict[str, Profile]:
    """The profiles with one pattern object for each pattern written in several of them (the
    same source and flags), so that a check searches it once (``_signal_hits``)."""
    from dataclasses import replace

    shared: dict[tuple, object] = {}
    out = {}
    for name, profile in profiles.items():
        signals = []
        for sig in profile.signals:
            if sig.kind == "pattern":
                value = sig.value
                flags = value._flags if isinstance(value, PatternOnUse) else value.flags
                value = shared.setdefault((type(value), value.pattern, int(flags)), value)
                if value is not sig.value:
                    sig = replace(sig, value=value)
            signals.append(sig)
        out[name] = replace(profile, signals=tuple(signals))
    return out


def profile_names(dirs=()) -> list[str]:
    return sorted(load_profiles(dirs))


def profiles_for(ctx) -> dict[str, Profile]:
    """The profiles this check knows: litcheck's and the service's (Context option
    ``profile_dirs``)."""
    return load_profiles(ctx.options.get("profile_dirs") or ())


def _parse(path: Path, spec) -> Profile:
    def fail(problem: str, key: str | None = None):
        line = getattr(spec, "lines", {}).get(key) if key else None
        raise RuleError(f"{path}{':' + str(line) if line else ''}: {problem}")

    if not isinstance(spec, dict):
        fail("a profile file is a YAML mapping")
    for key in spec:
        if key not in _KEYS:
            fail(f"unknown key '{key}' in the profile (known: {', '.join(sorted(_KEYS))})", key)
    lists = {}
    for key in ("required", "recommended", "recommended_in_letters"):
        items = spec.get(key, [])
        if not isinstance(items, list):
            fail(f"'{key}' must be a list of detail ids", key)
        unknown = [i for i in items if i not in DETAIL_IDS]
        if unknown:
            fail(f"'{key}' names unknown details {unknown} (known: {', '.join(DETAIL_IDS)})", key)
        lists[key] = tuple(items)
    both = set(lists["required"]) & set(lists["recommended"])
    if both:
        fail(f"{sorted(both)} are both required and recommended", "recommended")
    signals = []
    for item in spec.get("detect", []) or []:
        if not isinstance(item, dict) or "weight" not in item or len(set(item) & _SIGNAL_KEYS) != 1 or set(item) - _SIGNAL_KEYS - _MODIFIERS:
            fail(f"each detect entry is {{one of {', '.join(sorted(_SIGNAL_KEYS))}, weight}} (and optionally says, min_count)", "detect")
        if "min_count" in item and ("pattern" not in item or not isinstance(item["min_count"], int) or item["min_count"] < 1):
            fail("min_count is a whole number of 1 or more, for a pattern", "detect")
        if "needed" in item and ("pattern" not in item or not isinstance(item["needed"], bool)):
            fail("needed is true or false, for a pattern", "detect")
        if "says" in item and not isinstance(item["says"], str):
            fail("says is a phrase that completes 'it ...'", "detect")
        kind = next(k for k in item if k in _SIGNAL_KEYS)
        value = item[kind]
        if kind == "pattern" and getattr(spec, "shipped", False):
            # litcheck's own profile: compiled when first searched (a document is searched
            # for few of them; tests/test_rule_patterns.py compiles every one)
            value = PatternOnUse(value, re.IGNORECASE | re.MULTILINE)
        elif kind == "pattern":
            try:
                value = re.compile(value, re.IGNORECASE | re.MULTILINE)
            except re.error as exc:
                fail(f"a detect pattern is not a valid regular expression: {exc}", "detect")
        elif kind in ("detail", "absent") and value not in DETAIL_IDS:
            fail(f"detect names unknown detail '{value}'", "detect")
        signals.append(Signal(kind, value, float(item["weight"]), str(item.get("says", "")), int(item.get("min_count", 1)), bool(item.get("needed", False))))
    return Profile(path.stem, str(spec.get("label", path.stem.replace("_", " "))), str(spec.get("description", "")), lists["required"], lists["recommended"], tuple(signals), lists["recommended_in_letters"])


def _mean_sentence_words(ctx) -> float | None:
    return ctx.memo("profile.mean_sentence_words", _count_sentence_words)


def _count_sentence_words(ctx) -> float | None:
    prose = ctx.sentences_in(("prose",))
    if len(prose) < 5:
        return None
    text = ctx.document.text
    return sum(len(text[s.start : s.end].split()) for s in prose) / len(prose)


def _mean_line_words(ctx) -> float | None:
    return ctx.memo("profile.mean_line_words", _count_line_words)


def _count_line_words(ctx) -> float | None:
    lines = [line.split() for line in ctx.document.text.splitlines()]
    lines = [words for words in lines if words]
    if len(lines) < 8:
        return None
    return sum(len(words) for words in lines) / len(lines)


#: the rest of a clause: to the next punctuation or the end of the line (compiled when first used)
_CLAUSE_REST = PatternOnUse(r"(?:[^.,;:!?\n]|[.,;:](?=[^\s]))*")


def _quote(text: str, start: int, end: int) -> str:
    """The words the pattern found, on to the end of their clause (the next punctuation or the
    end of the line; from the last line when the match spans several), shortened."""
    rest = _CLAUSE_REST.compiled().match(text, end)  # from ``end`` on (no copy of the rest of the text)
    found = text[start : (rest.end() if rest else end)].strip()
    found = " ".join(found.splitlines()[-1:]) if found else ""
    found = " ".join(found.split())
    if len(found) > _MATCH_CHARS:
        found = found[: _MATCH_CHARS - 3].rstrip() + "..."
    return found


def _chars(ctx) -> int:
    """The text's length without the spaces around it, counted once."""
    return ctx.memo("profile.chars", lambda c: len(c.document.text.strip()))


def _signal_hits(ctx, profile: Profile) -> list[tuple[Signal, str]]:
    """The profile's signals found in the text, each with the words that matched ("" when
    the signal is not a pattern)."""
    from .detectors import detect

    chars = _chars(ctx)
    found_patterns = _found_patterns(ctx)
    details = None
    hits = []
    for sig in profile.signals:
        found = ""
        kind = sig.kind
        if kind == "pattern":
            pattern = sig.value
            # by identity: hashing a compiled pattern reads all its code; profiles that write
            # the same sign ("Dear ...", a sign-off) share one pattern (``_share_patterns``)
            key = (id(pattern), sig.min_count)
            kept = found_patterns.get(key)
            if kept is None or kept[0] is not pattern:
                kept = found_patterns[key] = (pattern, _find_pattern(ctx, pattern, sig.min_count))
            hit, found = kept[1]
        elif kind == "detail" or kind == "absent":
            if details is None:
                details = detect(ctx)
            hit = (details[sig.value] is not None) == (kind == "detail")
        elif kind == "max_chars":
            hit = chars <= sig.value
        elif kind == "min_chars":
            hit = chars >= sig.value
        elif kind == "max_line_words":
            mean = _mean_line_words(ctx)
            hit = mean is not None and mean <= sig.value
        else:
            mean = _mean_sentence_words(ctx)
            hit = mean is not None and mean <= sig.value
        if hit:
            hits.append((sig, found))
    return hits


def _found_patterns(ctx) -> dict:
    """(id(pattern), min_count) -> (pattern, (hit, words)): what each profile pattern found, once
    per check for a pattern several profiles share."""
    return ctx.memo("profile.patterns", _new_found)


def _new_found(ctx) -> dict:
    return {}


def _find_pattern(ctx, pattern: re.Pattern, min_count: int) -> tuple[bool, str]:
    text = ctx.document.text
    idx = scan.index(ctx)
    if idx.excluded(pattern):
        return False, ""  # it needs words, or runs of words, the text does not hold
    # a pattern is tried only where a match can begin (scan: few places, so its prefilter
    # would cost more than it spares); one whose beginnings are not known, or one not compiled
    # yet (compiling costs more than asking), only if its prefilter lets it
    uncompiled = isinstance(pattern, PatternOnUse) and pattern._compiled is None
    places = idx.candidates(pattern)
    if places is not None and not places:
        return False, ""
    if (places is None or uncompiled) and not ctx.may_match(pattern):
        return False, ""
    matches = []
    if places is None:
        for m in scan.finditer_in(idx, pattern):
            matches.append(m)
            if len(matches) >= min_count:
                break
    else:  # the places are known: tried there, without asking the index again
        compiled = pattern.compiled() if isinstance(pattern, PatternOnUse) else pattern
        for m in scan.at_places(compiled, text, places, 0, len(text)):
            matches.append(m)
            if len(matches) >= min_count:
                break
    hit = len(matches) >= min_count
    return hit, (_quote(text, matches[0].start(), matches[0].end()) if hit else "")


def score(ctx, profile: Profile) -> float:
    return evidence(ctx, profile)[0]


def evidence(ctx, profile: Profile) -> tuple[float, bool]:
    """(the profile's score, whether it is a candidate: one of its positive patterns, and one
    of its needed patterns if it has any, found)."""
    hits = _signal_hits(ctx, profile)
    return sum(sig.weight for sig, _ in hits), _candidate(profile, hits)


def _candidate(profile: Profile, hits) -> bool:
    if not any(sig.kind == "pattern" and sig.weight > 0 for sig, _ in hits):
        return False
    needed = [sig for sig in profile.signals if sig.needed]
    return not needed or any(sig.needed for sig, _ in hits)


def article(label: str) -> str:
    return ("an " if label[:1].lower() in "aeiou" else "a ") + label


def reason_for(profile: Profile, hits: list[tuple[Signal, str]]) -> str:
    """'an appointment letter: it says ... and gives a date': the strongest signs found that
    say something a person can check."""
    said = []
    for sig, found in sorted(hits, key=lambda h: -h[0].weight):
        if sig.weight <= 0 or not sig.says:
            continue
        phrase = sig.says.replace("{match}", found)
        if phrase not in said:
            said.append(phrase)
        if len(said) == REASONS:
            break
    if not said:
        return article(profile.label)
    joined = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    return f"{article(profile.label)}: it {joined}"


def detect_profile(ctx, profiles: dict[str, Profile] | None = None) -> Detection:
    """The profile the text fits best, with a confidence that reflects how much evidence
    there is and how clearly it beat the others, and the reason in words.

    Candidates are the profiles with at least one of their own patterns in the text. The
    best candidate wins if it scores MIN_SCORE or more; its confidence is its share of the
    two best scores (a tie halves it) times the strength of its evidence (its score over
    FULL_EVIDENCE, at most 1). Otherwise, or when the text is shorter than MIN_CHARS (a
    sentence or two: too little to tell), the document is ``general``, and the confidence
    says how far the best candidate fell short of MIN_SCORE.
    """
    profiles = profiles if profiles is not None else profiles_for(ctx)
    fallback = profiles.get(FALLBACK)
    general = article(fallback.label if fallback else FALLBACK)
    if _chars(ctx) < MIN_CHARS:
        return Detection(FALLBACK, 1.0, "detected", {}, f"{general}: the text is too short to tell what kind of document it is")
    hits = {name: _signal_hits(ctx, p) for name, p in profiles.items() if name != FALLBACK}
    scores = {name: sum(sig.weight for sig, _ in found) for name, found in hits.items()}
    specific = {name for name, found in hits.items() if _candidate(profiles[name], found)}
    candidates = sorted(((scores[name], name) for name in specific), key=lambda c: (-c[0], c[1]))
    if not candidates or candidates[0][0] < MIN_SCORE:
        best = candidates[0][0] if candidates else 0.0
        reason = f"{general}: no kind of document fitted clearly"
        if candidates and best > 0:
            reason += f" (the nearest was {article(profiles[candidates[0][1]].label)})"
        return Detection(FALLBACK, round(1 - max(best, 0.0) / MIN_SCORE, 2), "detected", scores, reason)
    best, name = candidates[0]
    second = max([0.0] + [total for other, total in scores.items() if other != name])
    share = best / (best + second)
    strength = min(1.0, best / FULL_EVIDENCE)
    return Detection(name, round(share * strength, 2), "detected", scores, reason_for(profiles[name], hits[name]))


def apply_profile(ctx, given: str | None) -> str:
    """Set ``ctx.profile``: the profile given, or the one the text fits best.

    Records ``profile_confidence``, ``profile_source`` and ``profile_reason`` (one sentence:
    the kind and what in the text shows it) in ``ctx.options`` for the report.
    An unknown profile name is a ConfigError (exit 2 on the command line).
    """
    from ..errors import ConfigError

    known = profiles_for(ctx)
    if given is not None:
        if given not in known:
            raise ConfigError(f"unknown profile '{given}' (known profiles: {', '.join(sorted(known))})")
        ctx.profile = given
        reason = f"{article(known[given].label)}: the kind was given, not worked out from the text"
        ctx.options.update(profile_source="given", profile_confidence=None, profile_reason=reason)
        return given
    found = detect_profile(ctx, known)
    ctx.profile = found.profile
    ctx.options.update(profile_source="detected", profile_confidence=found.confidence, profile_reason=found.reason)
    return found.profile


#: modules outside litcheck/details/ whose patterns are searched through ``scan`` (the key
#: facts, and the analysers that search the whole text): their starts are in the table too
SCANNED_MODULES = (
    "litcheck.facts",
    "litcheck.analysers.dates_times",
    "litcheck.analysers.numbers",
    "litcheck.analysers.privacy",
    "litcheck.analysers.skipped_text",
)


def own_patterns(*more_modules) -> list[re.Pattern]:
    """litcheck's own detail and profile patterns (and the compiled patterns of ``more_modules``),
    each once: what ``details/scan_table.json`` covers (scripts/build_scan_table.py), and what
    bench/bench_details_scan.py and tests/test_details_scan.py measure and compare with ``re``."""
    import importlib

    from . import detectors, patterns

    found = {}
    others = [importlib.import_module(name) for name in SCANNED_MODULES]
    for module in (patterns, detectors, sys.modules[__name__], *others, *more_modules):
        for value in (getattr(module, name) for name in dir(module)):  # patterns compiles when asked
            if not isinstance(value, re.Pattern) and type(value).__name__ == "_LazyPattern":
                value = value.compiled()  # a stand-in compiled on first use (textpatterns.LazyPatterns)
            if isinstance(value, re.Pattern):
                found[(value.pattern, value.flags)] = value
    for profile in load_profiles().values():
        for signal in profile.signals:
            if signal.kind == "pattern":
                value = signal.value.compiled() if isinstance(signal.value, PatternOnUse) else signal.value
                found[(value.pattern, value.flags)] = value
    return list(found.values())
