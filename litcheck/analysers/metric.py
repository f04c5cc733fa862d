"""metric: a measured value against a limit (sentence length, reading age).

The measurement itself is a Python function named in the rule (``metric: sentence_words``),
registered in ``METRICS``; the limit is data. A limit can differ by document profile:

    max: {default: 11, easy_read: 9}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from ..readability.measure import Ladder, SentenceCounts, sentence_grade, sentence_reason, sentence_rung
from ..readability.syllables import count_syllables
from ..rule import Rule


@dataclass(frozen=True)
class Measurement:
    start: int
    end: int
    value: float
    detail: str = ""  #: what drives the value ("12 words of 3 or more syllables")


def sentence_words(ctx, rule) -> Iterator[Measurement]:
    """Words in each sentence in the rule's scope."""
    for s in ctx.sentences_in(rule.scope):
        yield Measurement(s.start, s.end, len(ctx.words(s)))


def _metric_rules(ctx) -> tuple:
    """The metric rules of the check's rule set, in its order (found once per rule set: the
    ladder, its everyday words and the reading age's basis all ask, for every document)."""
    return _rules_measuring(tuple(ctx.ruleset))


@lru_cache(maxsize=16)
def _rules_measuring(rules: tuple) -> tuple:
    return tuple(r for r in rules if getattr(r, "metric", None) is not None)


def _first_measuring(ctx, metric: str):
    """The first rule of the check's rule set that measures ``metric``, or None."""
    return next((r for r in _metric_rules(ctx) if r.metric == metric), None)


def everyday_words(ctx) -> tuple[frozenset[str], float]:
    """The words that never make a sentence hard, from the ladder's rules (``everyday_wordlists``
    and ``everyday_min_zipf`` of sentences.hard / sentences.very_hard): listed words, and words
    at least that common in English (wordfreq Zipf)."""

    return ctx.memo("everyday_words", lambda ctx: _everyday_of(_metric_rules(ctx)))


@lru_cache(maxsize=16)
def _everyday_of(metric_rules: tuple) -> tuple[frozenset[str], float]:
    """everyday_words for one rule set: one set for every document, so that its hash is
    worked out once and _is_everyday's cache finds it by identity, not by comparing sets of
    thousands of words."""
    words: set[str] = set()
    zipf = 99.0
    for r in metric_rules:
        if r.metric in ("hard_sentence", "very_hard_sentence"):
            words |= r.everyday
            zipf = min(zipf, r.everyday_zipf)
    return frozenset(words), zipf


@lru_cache(maxsize=100_000)
def _is_everyday(word: str, listed: frozenset[str], min_zipf: float) -> bool:
    from ..spelling import zipf
    from .substitution import token_forms

    low = word.lower()
    if any(f in listed for f in token_forms(low, low)):
        return True
    return zipf(low) >= min_zipf


_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
#: a short aside in brackets (up to three words): the technical word after the plain one,
#: "your bladder and urinary tract (urethra)", "medicines to thin your blood (anticoagulants)"
_SHORT_BRACKET = re.compile(r"\(\s*([^()]{1,60}?)\s*\)")


def plain_counts(ctx, sentence):
    """A sentence's counts as the ladder rates it: an everyday long word ("appointment",
    "hospital", "anyone", a common medicine) is a word the reader knows at a glance, so it
    counts as a word of two syllables, not a long one, and is not named as a reason. So do
    names ("the Community Diagnostic Centre", a capitalised word after the first), tokens that
    are not words ("GOV.UK", "e.g") and a medical word in a short aside in brackets after the
    plain words ("urinary tract (urethra)"): the writer cannot make them shorter, and the plain
    words are already there.

    Flesch-Kincaid and SMOG use syllables as a stand-in for how hard a word is; for words
    the reader meets every day the stand-in is wrong (Dale and Chall's familiar words are
    the same idea). The document's reading age is not changed: it stays the standard formula.
    """
    c = ctx.counts(sentence)
    if not c.long_words:
        return c
    listed, min_zipf = everyday_words(ctx)
    if not listed and min_zipf >= 99:
        return c
    text = ctx.document.text[sentence.start : sentence.end]
    glossed = None  # worked out only for a word the tests before it leave hard
    syllables, poly, kept = c.syllables, c.polysyllables, []
    for i, w in enumerate(c.long_words):
        plain = _is_everyday(w, listed, min_zipf) or not _PLAIN_WORD.fullmatch(w)  # "GOV.UK", "e.g": not a word to change
        if not plain and w[:1].isupper():  # a name ("Community Diagnostic Centre"), unless it starts the sentence
            first = _FIRST_WORD.search(text) if i == 0 else None
            plain = first is None or first.group() != w
        if not plain:  # the medical word in brackets after the plain words
            if glossed is None:
                glossed = _glossed(text)
            plain = w.lower() in glossed
        if plain:
            syllables -= max(0, count_syllables(w) - 2)
            poly -= 1
        else:
            kept.append(w)
    if len(kept) == len(c.long_words):
        return c
    return SentenceCounts(c.words, syllables, poly, kept)


def _glossed(text: str) -> set[str]:
    """The words of the short asides in brackets in a sentence, lower case."""
    return {w.lower() for m in _SHORT_BRACKET.finditer(text) if len(_WORDS.findall(m.group(1))) <= 3 for w in _WORDS.findall(m.group(1))}


def sentence_rung_of(ctx, sentence) -> str | None:
    """The rung of the ladder (very_hard, hard, long or None) a sentence is on.

    The measure is the sentence's own Flesch-Kincaid grade (plain_counts), with one rule of
    our own: a sentence rated hard only by its length, with at most one hard word and no more
    words than the long rung's ``one_idea_max`` (25), or with two hard words and no more than
    22 words, is a long sentence, not a hard one ("use shorter everyday words" has little to
    act on), and the long rung decides it."""
    return _rated(ctx, sentence)[0]


def _rated(ctx, sentence) -> tuple[str | None, SentenceCounts]:
    """(rung, plain_counts) of a sentence, worked out once per document for the three rules
    of the ladder and long_word, which each ask about every sentence."""
    rated = ctx.memo("sentence_rungs", _new_dict)
    found = rated.get(sentence)
    if found is None:
        c = plain_counts(ctx, sentence)
        found = rated[sentence] = (_rung(ctx, c), c)
    return found


def _new_dict(ctx) -> dict:
    return {}


def _rung(ctx, c) -> str | None:
    ladder = sentence_ladder(ctx)
    rung = sentence_rung(c, ladder)
    if rung == "hard" and c.polysyllables <= 2:
        limit = _one_idea_max(ctx)
        if limit is not None and c.words <= (limit if c.polysyllables <= 1 else _TWO_HARD_WORDS_MAX):
            return "long" if c.words > ladder.long else None
    return rung


#: ... and so is one of up to 22 words with two hard words: on real NHS texts such sentences
#: were mostly one plain idea, or hard only through two words the word rules name (issue 21,
#: tests/data/precision/findings_labels_sentences4.tsv: 8 of 14 held for both judges, against
#: 95 of the 107 other hard sentences)
_TWO_HARD_WORDS_MAX = 22


def _one_idea_max(ctx):
    def find(ctx):
        rule = _first_measuring(ctx, "long_sentence")
        return getattr(rule, "one_idea_max", None) if rule is not None else None

    return ctx.memo("one_idea_max", find)


def _rated_in(ctx, scope) -> list[tuple]:
    """(sentence, rung, plain_counts) for each sentence whose kind is in ``scope``, in order:
    worked out once per document and scope (``_rated``'s answers), so the three rules of the
    ladder each read a list instead of looking every sentence up again."""
    by_scope = ctx.memo("sentence_rungs_in", _new_dict)
    found = by_scope.get(scope)
    if found is None:
        found = by_scope[scope] = [(s, *_rated(ctx, s)) for s in ctx.sentences_in(scope)]
    return found


def _sentences_on_rung(ctx, rule, rung: str) -> Iterator[Measurement]:
    for s, on, c in _rated_in(ctx, rule.scope):
        if on == rung:
            value = c.words if rung == "long" else round(sentence_grade(c), 1)
            yield Measurement(s.start, s.end, value, sentence_reason(c))


#: rung -> the metric whose rule sets its limit
_RUNGS = {"very_hard": "very_hard_sentence", "hard": "hard_sentence", "long": "long_sentence"}


def sentence_ladder(ctx):
    """The ladder's limits from the rules on it (their ``max:``, or a config's limit)."""

    def build(ctx):
        limits = {}
        for rung, metric in _RUNGS.items():
            rule = _first_measuring(ctx, metric)
            if rule is not None:
                limits[rung] = ctx.options.get("limits", {}).get(rule.id, rule.limit_for(ctx.profile))
        return Ladder(**limits)

    return ctx.memo("sentence_ladder", build)


#: Where a sentence joins a second idea to the first: a clause after ", and" / ", but" /
#: ", which" / "because" / "; " / a dash, "and we ..." / ", you ..." (two sentences joined by a
#: comma, unless the first part is a condition: "If you are late, ..."). An aside in brackets
#: ("(see contact details above)", "(Monday to Friday)") is not a second idea, nor is a
#: contrast that qualifies the idea (", although ..."), a reason in one run with no comma
#: ("You can book because you are 65 or over"), one more list item after ", and" ("a GP or
#: nurse, and sometimes a specialist doctor"), or another way to do the same thing after ", or"
#: ("Call us, or go to A&E, if ..."): on real NHS texts one plain idea of 21-25 words so joined
#: was judged wrong or borderline (issue 21, session 5).
_JOINT = re.compile(
    r",\s+(and|but|or|so|which|who|where|as|while|then|whereas)\b"
    r"|\bbecause\b|;\s|\s[–—-]\s"
    r"|\b(and|but|or)\s+(we|you|i|they|it|this|there|he|she)\s+[a-z’']+",
    re.I,
)
_SPLICE = re.compile(r",\s+(we|you|i|they|it|this|there|he|she|please)\s", re.I)
_CONDITION = re.compile(
    r"^\W*(if|when|whenever|as|although|though|because|before|after|while|unless|once|until|"
    r"depending|during|following|for|in|on|at|by|to|with|without|since|whether|like|where)\b", re.I)


_ASIDE = re.compile(r"\([^()]*\)")


def joins_ideas(text: str) -> bool:
    """True when a sentence holds a second idea joined to the first (see _JOINT). What is
    inside brackets is an aside: its commas and dashes ("(Monday to Friday, 9am - 5pm)") join nothing."""
    text = _ASIDE.sub("", text)
    for m in _JOINT.finditer(text):
        if m.group(0).lower() == "because" and "," not in text:
            continue  # one statement and its reason, in one run
        joiner = (m.group(1) or "").lower()
        if joiner == "and" and _list_item_after(text, m.end()):
            continue
        if joiner == "or" and _alternative_after(text, m.end()):
            continue
        return True
    return bool(_SPLICE.search(text)) and not _CONDITION.search(text)


#: a noun phrase's first word ("a", "the", "some"), after an adverb or two ("sometimes", "also")
_ITEM_START = re.compile(
    r"\s*(?:(?:also|sometimes|often|usually|occasionally|perhaps|maybe|possibly|even|then|other)\s+){0,2}"
    r"(?:a|an|the|some|any|your|our|their|other|another|one|two|three|more)\b", re.I)
#: what a clause has that a list item does not: a pronoun subject, a helping verb, a past tense
_CLAUSE_WORD = re.compile(
    r"\b(we|you|i|they|it|he|she|is|are|was|were|be|been|will|would|can|could|may|might|must|shall|"
    r"should|has|have|had|do|does|did|[a-z]+ed)\b", re.I)


def _list_item_after(text: str, at: int) -> bool:
    """True when the words after ", and" up to the next comma or the end are one more item of
    a list ("a GP or nurse, and sometimes a specialist hospital doctor"), not a clause ("and
    some people may choose ...", "and tell us ...", "and many more needed care")."""
    end = text.find(",", at)
    part = text[at : end if end >= 0 else len(text)]
    return bool(_ITEM_START.match(part)) and not _CLAUSE_WORD.search(part)


def _alternative_after(text: str, at: int) -> bool:
    """True when ", or" offers another way to do the same thing ("Call us, or go to A&E, if
    ...", "Book online, or phone us"), not a second clause with its own subject or condition
    (", or you may be asked to come back", ", or if you need to change it")."""
    end = text.find(",", at)
    part = text[at : end if end >= 0 else len(text)]
    return not _CLAUSE_WORD.search(part) and not _SUBORDINATE.match(part)


_SUBORDINATE = re.compile(r"\s*(if|when|whenever|unless|because|while|where|as|so|once|until|before|after)\b", re.I)


#: a range of numbers, read as one amount ("every 30 to 60 seconds"): one word, not three,
#: when a sentence is weighed as one idea
_RANGE = re.compile(r"\b\d+(?:[.,]\d+)?\s+to\s+\d+(?:[.,]\d+)?\b")


def long_sentence(ctx, rule) -> Iterator[Measurement]:
    """Words in each sentence over 20 words that is not already hard or very hard.

    With ``one_idea_max`` (rules/sentences/long.yml), a sentence of up to that many words
    that says one idea (no second clause joined on: ``joins_ideas``) is left alone: GOV.UK
    checks sentences over 25 words, and one clear idea in 21 to 25 plain words was judged
    borderline on real NHS texts (issue 21)."""
    limit = getattr(rule, "one_idea_max", None)
    text = ctx.document.text
    for m in _sentences_on_rung(ctx, rule, "long"):
        if limit is not None and not joins_ideas(text[m.start : m.end]):
            if m.value - 2 * len(_RANGE.findall(text, m.start, m.end)) <= limit:
                continue
        yield m


def hard_sentence(ctx, rule) -> Iterator[Measurement]:
    """Flesch-Kincaid grade of each hard (not very hard) sentence, with its reason."""
    return _sentences_on_rung(ctx, rule, "hard")


def very_hard_sentence(ctx, rule) -> Iterator[Measurement]:
    """Flesch-Kincaid grade of each very hard sentence, with its reason."""
    return _sentences_on_rung(ctx, rule, "very_hard")


def paragraph_words(ctx, rule) -> Iterator[Measurement]:
    """Words in each paragraph or list item of two or more sentences in the rule's scope.

    A block of one sentence is left to the sentence rules (long, hard, very hard), so a
    long sentence standing alone gets one finding, not two. The finding spans the block's
    in-scope sentences.
    """
    by_block: dict[int, list] = {}
    for s in ctx.sentences_in(rule.scope):
        if ctx.document.blocks[s.block].kind in ("paragraph", "list_item"):
            by_block.setdefault(s.block, []).append(s)
    for sentences in by_block.values():
        if len(sentences) < 2:
            continue
        n = sum(len(ctx.words(s)) for s in sentences)
        yield Measurement(sentences[0].start, sentences[-1].end, n, f"{len(sentences)} sentences")


def reading_age_basis(ctx) -> str:
    """The formula the document's reading age is given by: the ``basis:`` of the rule that
    checks it (readability.reading_age) for the document's profile, else SMOG."""
    rule = _first_measuring(ctx, "reading_age")
    return rule.basis_for(ctx.profile) if rule is not None else "smog"


def reading_age(ctx, rule) -> Iterator[Measurement]:
    """The document's reading age in whole years, as the headline shows it, when the text is
    long enough to give one firmly. Compared in whole years, a reading age shown as 11 is
    never "over 11"."""
    r = ctx.readability
    if r.reading_age is None or r.smog is None:
        return  # short texts get sentence-level findings only (see readability.measure)
    if rule.basis_for(ctx.profile) == "flesch_kincaid":
        fk_age = r.flesch_kincaid_grade + 5
        yield Measurement(0, 0, round(fk_age), f"Flesch-Kincaid grade {r.flesch_kincaid_grade:.1f}; SMOG grade {r.smog:.1f}")
        return
    yield Measurement(0, 0, round(r.smog + 5), f"SMOG grade {r.smog:.1f}")


#: ``metric:`` in a rule file -> the function that measures
METRICS: dict[str, Callable] = {
    f.__name__: f for f in (sentence_words, reading_age, long_sentence, hard_sentence, very_hard_sentence, paragraph_words)
}


class Metric(Rule):
    kind = "metric"
    KEYS = {
        "metric": (True, (str,)),
        "max": (False, (int, float, dict)),
        "min": (False, (int, float, dict)),
        # reading_age only: the formula the target is checked with, by profile
        # (smog or flesch_kincaid; default smog)
        "basis": (False, (str, dict)),
        # "split": each finding proposes the sentence as two (litcheck/analysers/split_proposal.py)
        "suggest": (False, (str,)),
        # a second limit, optionally by profile: past `max` but within it, the finding is
        # only a suggestion; beyond it, the rule's severity (a nudge, then a warning)
        "warn_above": (False, (int, float, dict)),
        # hard_sentence / very_hard_sentence: words that never make a sentence hard (listed,
        # or at least this common by wordfreq Zipf); see plain_counts
        "everyday_wordlists": (False, (list,)),
        "everyday_min_zipf": (False, (int, float)),
        # long_sentence: up to this many words, a sentence of one idea is not reported
        "one_idea_max": (False, (int,)),
    }
    MESSAGE_FIELDS = frozenset({"actual", "value", "limit", "detail"})

    def setup(self, spec) -> None:
        if spec["metric"] not in METRICS:
            self.fail("metric", f"unknown metric '{spec['metric']}' (known: {', '.join(sorted(METRICS))})")
        self.metric = spec["metric"]
        self.measure = METRICS[spec["metric"]]
        if ("max" in spec) == ("min" in spec):
            self.fail(None, "a metric rule needs exactly one of 'max' or 'min'")
        self.direction = "max" if "max" in spec else "min"
        self.limits = self.by_profile(self.direction, spec[self.direction])
        basis = spec.get("basis", "smog")
        self.bases = self.by_profile("basis", {"default": "smog", **basis} if isinstance(basis, dict) else basis, (str,))
        for name, value in self.bases.items():
            if value not in ("smog", "flesch_kincaid"):
                self.fail("basis", f"basis for '{name}' must be smog or flesch_kincaid, not '{value}'")
        warn = spec.get("warn_above")
        self.warn_limits = None if warn is None else self.by_profile("warn_above", warn)
        from .rare_word import list_words

        self.everyday = list_words(spec.get("everyday_wordlists") or (), self.path.parent)
        self.everyday_zipf = float(spec.get("everyday_min_zipf", 99))
        self.one_idea_max = spec.get("one_idea_max")
        self.suggest = spec.get("suggest")
        if self.suggest not in (None, "split"):
            self.fail("suggest", f"unknown suggest '{self.suggest}' (known: split)")
        for value in self.bases.values():
            if value not in ("smog", "flesch_kincaid"):
                self.fail("basis", f"unknown basis '{value}' (known: flesch_kincaid, smog)")

    def basis_for(self, profile: str | None) -> str:
        return self.bases.get(profile or "default", self.bases["default"])

    def limit_for(self, profile: str | None) -> float:
        return self.limits.get(profile or "default", self.limits["default"])

    def check(self, ctx) -> Iterator:
        limit = ctx.options.get("limits", {}).get(self.id, self.limit_for(ctx.profile))
        for m in self.measure(ctx, self):
            over = m.value > limit if self.direction == "max" else m.value < limit
            if over:
                text = ctx.document.text[m.start : m.end]
                value = round(m.value, 1) if isinstance(m.value, float) else m.value
                msg = self.format_message(actual=text, value=value, limit=limit, detail=m.detail)
                yield ctx.finding(self, m.start, m.end, msg, self._suggestions(text), severity=self._severity(m.value, ctx.profile))

    def _severity(self, value: float, profile: str | None) -> str:
        if self.warn_limits is None:
            return self.severity
        warn = self.warn_limits.get(profile or "default", self.warn_limits["default"])
        beyond = value > warn if self.direction == "max" else value < warn
        return self.severity if beyond else "suggestion"

    def _suggestions(self, text: str) -> tuple[str, ...]:
        if self.suggest == "split":
            from .split_proposal import propose_split

            split = propose_split(text)
            return (split,) if split else ()
        return ()
