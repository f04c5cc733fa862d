"""abbreviation: an abbreviation the reader may not know, flagged where it is first used.

An abbreviation is fine when it is on the allow-list (NHS, GP, A&E) or expanded at its first
use, either way round: "electrocardiogram (ECG)", "a heart trace (ECG)", "ECG
(electrocardiogram)", "a TIA, which is a mini-stroke". Once explained, later uses are fine.

Three modes, one per rule:

- known abbreviations from ``wordlist``, first use only (``abbreviations.first_use``);
- ``every_use: true`` with ``only: [DNA]``: flagged every time (DNA, "did not attend",
  reads as blame and as genetics), skipped where ``skip_when`` matches the sentence;
- ``unknown: true``: capitalised tokens on no list (CPAP, PICC), at lower severity, but
  not postcodes, reference numbers, merge fields or words in block capitals (PLEASE NOTE).

An abbreviation counts as explained when its words are in the same sentence: the list's
expansion ("an SMS text message"), or words whose initials spell it ("Primary Care Support
England (PCSE)", "PCSE (Primary Care Support England)"). Text in another language, template
fields and copyright lines are not read (``skipped_text``). An unknown token right after a
number or a postcode's first half ("9-1 0AM" read as "OAM", "LS1 AAB") is part of a code.
With ``every_use`` (DNA), a use spelt out in the same sentence is still reported, with
``message_explained``.

Matching is case-sensitive: "am" and "AM", "OT" and "ot" are different things. A plural
"s" is allowed ("LFTs").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .. import wordlists
from ..rule import Rule
from .skipped_text import is_skipped
from .substitution import accepted_words

# A token that could be an abbreviation: letters, digits and & (U&E, HbA1c, COVID-19).
_TOKEN = re.compile(r"(?<![\w&/\\\-])[A-Za-z0-9][A-Za-z0-9&]*(?:-\d+)?(?![\w&/\\]|-\w)")
# An unknown abbreviation: 2 to 6 characters, at least two capitals, no digits
# (postcodes and reference numbers have digits), optionally a lower-case plural s.
_UNKNOWN = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,5}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
# Expanded after the abbreviation: "ECG (electrocardiogram)", "TIA, which is a mini-stroke"
_EXPANDED_AFTER = re.compile(
    r"s?\s*(\(\s*(?:an?\s+|the\s+)?[A-Za-z][A-Za-z\s,'’-]{3,}\)|,?\s*(which|this|that)\s+(is|means|stands\s+for)\b|,?\s*meaning\b|,?\s*short\s+for\b|\s+stands\s+for\b)"
)


def _load(names, base) -> list:
    names = [names] if isinstance(names, str) else list(names or ())
    return [e for n in names for e in wordlists.load(wordlists.resolve(n, base))]


class Abbreviation(Rule):
    kind = "abbreviation"
    KEYS = {
        "wordlist": (False, (str, list)),  # abbreviations to expand (abbreviation, expansion, ...)
        "allowed": (False, (str, list)),  # abbreviations readers know: never flagged
        "only": (False, (list,)),  # limit the rule to these abbreviations
        "exclude": (False, (list,)),  # leave these to another rule
        "every_use": (False, (bool,)),  # flag every use, not just the first
        "unknown": (False, (bool,)),  # flag capitalised tokens on no list
        "skip_when": (False, (str,)),  # pattern: where it matches the sentence, no finding
        # every_use: the message for a use spelt out in the same sentence
        "message_explained": (False, (str,)),
    }
    MESSAGE_FIELDS = frozenset({"actual", "expansion"})
    CAN_EDIT = True

    def edits(self, finding, document):
        """At its first use: the words in full, then the abbreviation in brackets
        ("outpatient department (OPD)"), when the list's wording has no brackets of its own."""
        if self.every_use or not finding.suggestions:
            return None
        new = finding.suggestions[0]
        if not new.endswith(f"({finding.text})") or new.count("(") != 1:
            return None
        return [(finding.start, finding.end, new)]

    def setup(self, spec) -> None:
        base = self.path.parent
        known = _load(spec.get("wordlist"), base)
        self.allowed = {e.term for e in _load(spec.get("allowed"), base)}
        self.expansions: dict[str, str] = {}
        for e in known:
            self.expansions.setdefault(e.term, e.alternatives[0] if e.alternatives else "")
        only = set(spec.get("only") or ())
        exclude = set(spec.get("exclude") or ())
        self.targets = {a: x for a, x in self.expansions.items() if (not only or a in only) and a not in exclude and a not in self.allowed}
        #: every token that may be one of the targets: a target, or a target and "s"
        self.target_tokens = frozenset(self.targets) | {t + "s" for t in self.targets}
        #: the targets, less those that hold another (a plural holds its singular): a text holding
        #: none of these as a string has none of the targets as a token (few: else None, and the
        #: tokens are looked at)
        spelt = sorted(self.target_tokens, key=len)
        least = [t for k, t in enumerate(spelt) if not any(u in t for u in spelt[:k])]
        self.target_strings: tuple[str, ...] | None = tuple(least) if len(least) <= 8 else None
        #: the characters a target token starts with (of the targets that can be a token at all)
        self.target_firsts = "".join(sorted({t[0] for t in self.target_tokens if _TOKEN.fullmatch(t)}))
        self.every_use = bool(spec.get("every_use", False))
        self.message_explained = str(spec.get("message_explained") or "").strip() or None
        self.unknown = bool(spec.get("unknown", False))
        if self.unknown and self.every_use:
            self.fail("every_use", "'every_use' and 'unknown' do not go together")
        self.skip_when = None
        if spec.get("skip_when"):
            try:
                self.skip_when = re.compile(spec["skip_when"], re.IGNORECASE)
            except re.error as exc:
                self.fail("skip_when", f"skip_when is not a valid pattern: {exc}")
        # multi-word allowed entries ("CT scan") make their first word fine there
        self.allowed_phrases = [re.compile(r"(?<!\w)" + re.escape(a) + r"s?(?!\w)") for a in self.allowed if " " in a]

    def _lookup(self, token: str) -> str | None:
        """The listed abbreviation ``token`` is (itself or its plural), or None."""
        if token in self.expansions or token in self.allowed:
            return token
        if token.endswith("s") and (token[:-1] in self.expansions or token[:-1] in self.allowed):
            return token[:-1]
        return None

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        accepted = accepted_words(ctx)
        seen: set[str] = set()
        targets = self.target_tokens
        sentences = ctx.sentences_in(self.scope)
        # only the tokens that start as a token this rule judges may start
        firsts = _CAPITALS if self.unknown else self.target_firsts
        if not firsts:
            return
        if not self.unknown and self.target_strings is not None and not any(t in text for t in self.target_strings):
            return  # no target, nor a target's plural, anywhere in the text (a token is a part of it)
        if not self.unknown and targets.isdisjoint(_document_tokens(ctx, sentences, firsts)):
            return  # no target, nor a target's plural, anywhere
        for sentence in sentences:
            sentence_text = text[sentence.start : sentence.end]
            skip = None  # skip_when, tested on the sentence once it has a token to judge
            phrase_spans = None
            for token, start, end in sentence_tokens(ctx, sentence, firsts):
                if not self.unknown:
                    if token not in targets:
                        continue  # the quick test: neither a target nor a target's plural
                elif len(token) > 6 or not "A" <= token[0] <= "Z" or token[1:].islower():
                    continue  # not the shape of an unknown abbreviation (_UNKNOWN: two capitals at least)
                if skip is None:
                    skip = self.skip_when is not None and self.skip_when.search(sentence_text) is not None
                if skip:
                    break
                listed = self._lookup(token)
                if self.unknown:
                    if listed is not None or not self._looks_unknown(token, text, start, end, sentence):
                        continue
                    key, expansion = token.rstrip("s") if token.endswith("s") and token[:-1].isupper() else token, ""
                elif listed is None or listed not in self.targets:
                    continue
                else:
                    key, expansion = listed, self.targets[listed]
                if key in seen or key.lower() in accepted or ctx.is_masked(start, end):
                    continue
                if phrase_spans is None:
                    phrase_spans = [m.span() for p in self.allowed_phrases for m in p.finditer(text, sentence.start, sentence.end)]
                if any(s <= start and end <= e for s, e in phrase_spans):
                    continue
                if is_skipped(ctx, start, end):
                    continue
                if self.unknown and _after_number(text, sentence.start, start):
                    continue
                explained = _expanded(text, start, end) or spelt_out(sentence_text, token, expansion)
                if explained and not self.every_use:
                    seen.add(key)  # explained here: later uses are fine
                    continue
                if not self.every_use:
                    seen.add(key)
                if explained and self.message_explained:
                    msg = self.message_explained.format_map({"actual": token, "expansion": expansion})
                else:
                    msg = self.format_message(actual=token, expansion=expansion)
                suggestion = f"{expansion} ({token})" if expansion else ""
                yield ctx.finding(self, start, end, msg, [suggestion] if suggestion else [])

    def _looks_unknown(self, token: str, text: str, start: int, end: int, sentence) -> bool:
        if not _UNKNOWN.match(token) or _ROMAN.match(token):
            return False
        if token.lower() in _common_words() or token.lower().rstrip("s") in _common_words():
            return False  # a word in capitals, not an abbreviation (YES, NOTE, PALS is listed)
        # block capitals: the token sits among other capitalised words (PLEASE NOTE, REPLY NOW)
        before = text[max(sentence.start, start - 30) : start].split()
        after = text[end : min(sentence.end, end + 30)].split()
        neighbours = [w.strip(".,:;!?()") for w in before[-1:] + after[:1]]
        if any(len(w) > 1 and w.isupper() and w.isalpha() and self._lookup(w) is None for w in neighbours):
            return False
        # inside a name or title in capitals ("Template Letter for TPP Practices")
        words = [w.strip(".,:;!?()") for w in before[-2:]]
        words = [w for w in words if w.lower() not in _JOINERS][-1:] + [w.strip(".,:;!?()") for w in after[:1]]
        if len(words) == 2 and all(w[:1].isupper() and w[1:].islower() and len(w) > 1 for w in words):
            return False
        return True


def sentence_tokens(ctx, sentence, firsts: str | None = None) -> list[tuple[str, int, int]]:
    """The tokens of a sentence that could be abbreviations, (text, start, end): exactly
    ``pattern.finditer(text, sentence.start, sentence.end)``, found once per check for the three
    abbreviation rules (kept by the sentence's start and end: a Sentence's own hash is worked
    out in Python). ``firsts``: only the tokens that start with one of these characters (those
    ``_TOKEN`` finds that do: see ``_tokens_starting``)."""
    found = ctx.memo("abbreviation.tokens", lambda c: {})
    key = (sentence.start, sentence.end, firsts)
    tokens = found.get(key)
    if tokens is None:
        pattern = _TOKEN if firsts is None else _tokens_starting(firsts)
        tokens = found[key] = [(m.group(), m.start(), m.end()) for m in pattern.finditer(ctx.document.text, sentence.start, sentence.end)]
    return tokens


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@lru_cache(maxsize=64)
def _tokens_starting(firsts: str) -> re.Pattern:
    """``_TOKEN`` for the tokens that start with one of ``firsts`` only. Its matches are
    exactly those of ``_TOKEN`` that start so: a match of either is a run a character before
    which (a word character, &, /, \\ or -) cannot precede, so no run starts inside another,
    and at a given place the two patterns match alike. Written first character first (its
    look-behind spans that character), so the search skips to the characters it may start at."""
    chars = "".join(re.escape(c) for c in firsts)
    return re.compile(rf"[{chars}](?<![\w&/\\\-].)[A-Za-z0-9&]*(?:-\d+)?(?![\w&/\\]|-\w)")


def _document_tokens(ctx, sentences, firsts: str) -> frozenset[str]:
    """Every token of ``sentences`` that starts with one of ``firsts``, once per check."""
    found = ctx.memo("abbreviation.token_sets", lambda c: {})
    key = (tuple(map(id, sentences)), firsts)
    tokens = found.get(key)
    if tokens is None:
        tokens = found[key] = frozenset(t for s in sentences for t, _, _ in sentence_tokens(ctx, s, firsts))
    return tokens


_JOINERS = frozenset({"of", "and", "for", "the", "&", "in", "on", "to"})
# the first half of a postcode, or a number, just before the token
_CODE_BEFORE = re.compile(r"(\b[A-Z]{1,2}\d[A-Z\d]?|\d)\s*[-–]?\s*$")


def _after_number(text: str, sentence_start: int, start: int) -> bool:
    return bool(_CODE_BEFORE.search(text[max(sentence_start, start - 8) : start]))


def spelt_out(sentence: str, token: str, expansion: str) -> bool:
    """True when ``sentence`` also gives the abbreviation's words: the listed expansion (its
    bracketed part left out), or words whose initials spell it."""
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    lower = " ".join(w.lower() for w in words)
    plain = re.sub(r"\([^)]*\)", " ", expansion or "").lower()
    plain_words = re.findall(r"[^\W\d_][\w'’-]*", plain)
    if len(plain_words) >= 2 and re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, plain_words)) + r"(?!\w)", lower):
        return True
    letters = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
    letters = letters.upper().replace("&", "")
    if len(letters) < 2 or not letters.isalpha():
        return False
    content = [w for w in words if w.lower() not in _JOINERS and w != token]
    for i in range(len(content) - len(letters) + 1):
        run = content[i : i + len(letters)]
        if all(w[0].upper() == c for w, c in zip(run, letters)) and all(w[0].isupper() for w in run):
            return True
    return False


def _expanded(text: str, start: int, end: int) -> bool:
    """The abbreviation is explained where it stands."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 60]
    if before.endswith("(") and (after.startswith(")") or after.startswith("s)")):
        # "a heart trace (ECG)": words before the bracket explain it
        head = text[max(0, start - 40) : start - 1].rstrip()
        return bool(re.search(r"[A-Za-z]{3,}$", head))
    return bool(_EXPANDED_AFTER.match(after))


_COMMON: frozenset[str] | None = None


def _common_words() -> frozenset[str]:
    """Everyday English words, so that words in capitals are not taken for abbreviations."""
    global _COMMON
    if _COMMON is None:
        from ..spelling import top_n_list

        _COMMON = frozenset(w for w in top_n_list("en", 20000) if w.isalpha() and len(w) > 1)
    return _COMMON
