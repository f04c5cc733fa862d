"""Inflecting a suggestion to fit the sentence: "commenced" -> "started", not "start".

A word list gives base forms ("commence" -> "start"). When the text has an inflected form,
the suggestion takes the same inflection, using lemminflect's offline tables (shipped in the
package; nothing is downloaded). Only the simple cases are handled: past (-ed), -ing, and
third-person or plural -s. Anything unclear keeps the base form, which is never wrong in a
way that misleads, only in grammar.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Penn tags for the forms we copy from the matched word to the suggestion
_TAGS = ("VBD", "VBN", "VBG", "VBZ", "NNS")


@lru_cache(maxsize=50_000)
def form_of(word: str) -> str | None:
    """The inflection of ``word`` (VBD/VBN/VBG/VBZ/NNS), or None for a base form."""
    from ..nlp import lemminflect

    w = word.lower()
    lemmas = lemminflect.getAllLemmas(w)
    for upos, tags in (("VERB", ("VBG", "VBD", "VBN", "VBZ")), ("NOUN", ("NNS",))):
        for lemma in lemmas.get(upos, ()):
            if lemma == w:
                return None  # the base form itself ("use", "bleed")
            for tag in tags:
                if w in lemminflect.getInflection(lemma, tag=tag):
                    return "VBD" if tag == "VBN" and w in lemminflect.getInflection(lemma, tag="VBD") else tag
    if not lemmas:  # not in the tables: go by the ending
        for ending, tag in (("ing", "VBG"), ("ed", "VBD"), ("ies", "NNS")):
            if w.endswith(ending) and len(w) > len(ending) + 2:
                return tag
    return None


@lru_cache(maxsize=50_000)
def inflect_word(base: str, tag: str) -> str:
    """``base`` in the form ``tag``; unchanged if lemminflect does not know it."""
    from ..nlp import lemminflect

    if not base.isalpha():
        return base
    lower = base.lower()
    forms = lemminflect.getInflection(lower, tag=tag)
    if not forms:
        return base
    out = "people" if lower == "person" and tag == "NNS" else forms[0]  # not "persons"
    return out[:1].upper() + out[1:] if base[:1].isupper() else out


def _lemmas(word: str) -> dict:
    from ..nlp import lemminflect

    return lemminflect.getAllLemmas(word.lower())


def _is_verb(word: str) -> bool:
    return bool(_lemmas(word).get("VERB"))


def _is_noun(word: str) -> bool:
    return bool(_lemmas(word).get("NOUN"))


#: words that open what follows a noun ("thing to think about", "piece of paper", "treatment
#: without an operation", "condition where ..."): the noun before them is the one a plural inflects
_POSTMODIFIER = frozenset(
    "to of for with without about from in into inside on onto at over under by through around near "
    "after before during between like than where when while because if".split()
)
#: a relative clause after the noun has a verb of its own that would have to agree ("something
#: that is not normal"): such an alternative is left as it is
_RELATIVE = frozenset("who that which whose".split())
#: words a noun phrase may open with; "a"/"an" cannot open a plural, so they end the search
_DETERMINER = frozenset("the your my our their his her its this these those some any".split())
#: words that show the alternative is not a plain noun phrase: an indefinite pronoun
#: ("something found by chance"), a question word ("how common")
_NOT_A_NOUN_PHRASE = frozenset(
    "something anything nothing everything someone anyone everyone somebody anybody nobody "
    "how what when where why who which whether a an you we they i he she it me us them not but nor".split()
)
#: nouns that have no plural in a letter ("pain relief", "cancer care", "advice")
_NO_PLURAL = frozenset("relief advice information help support equipment evidence research knowledge care health".split())


def _run(words: list[str], i: int) -> int:
    """The end of the run of nouns and adjectives from ``words[i]`` (a participle may open it:
    "paid carer", "trusted person"; a gerund may not: "removing fluid" is an action); -1 when
    a word in it shows the phrase is not a plain noun phrase."""
    start = i
    while i < len(words):
        w = words[i]
        bare = w.strip(",;:")
        lower = bare.lower()
        if w.startswith("(") or lower in _POSTMODIFIER or lower in ("or", "and"):
            break
        if lower in _RELATIVE or lower in _NOT_A_NOUN_PHRASE:
            return -1
        lemmas = _lemmas(bare)
        if lemmas:
            if not (lemmas.get("NOUN") or lemmas.get("ADJ")):
                if not (i == start and i + 1 < len(words) and form_of(bare) in ("VBD", "VBN")):
                    return -1  # a verb: not a plain noun phrase ("has epilepsy")
            elif form_of(bare) == "VBG" and not lemmas.get("ADJ"):
                return -1  # a gerund ("having a poo")
        elif not re.fullmatch(r"[\w&'-]+", bare):
            return -1
        i += 1
        if bare != w:  # a comma or colon: a list ("cough, cold or sore throat")
            return -1
    return i


def _heads(words: list[str]) -> list[int] | None:
    """The indexes of the nouns a plural inflects, or None when the alternative is not a plain
    noun phrase whose head is clear.

    The head is the last word of the run of nouns and adjectives the alternative opens with
    ("blood test" -> "test", "thing to think about" -> "thing", "your stay in hospital" ->
    "stay"), when that run ends the alternative or is followed by a preposition. Two single
    nouns joined by "or" are both heads ("doctors or nurses"); by "and" they are left as they
    are ("throat and windpipe": one of each); joined modifiers are not heads ("bladder and
    kidney clinics"). Left as it is: a relative clause ("something that is not
    normal"), a bracket after the head ("seizure (fit)"), a phrase that opens with a verb, a
    gerund or a preposition ("has epilepsy", "removing fluid with a needle", "with a learning
    disability"), "a"/"an" ("a person with ..."), and heads with no plural ("pain relief")."""
    i = 1 if words and words[0].lower() in _DETERMINER else 0
    end = _run(words, i)
    if end <= i:
        return None
    heads = [end - 1]
    if end < len(words) and words[end].lower() in ("or", "and"):
        end2 = _run(words, end + 1)
        if end2 <= end + 1:
            return None
        if end2 - (end + 1) == 1 and end - i == 1:
            if words[end].lower() == "and":
                return None  # "throat and windpipe" for "airways": one of each, left as it is
            heads = [end - 1, end + 1]  # "doctor or nurse"
        else:
            heads = [end2 - 1]  # "bladder and kidney clinic", "heart and blood vessel"
        end = end2
    if end < len(words) and (words[end].startswith("(") or words[end].lower() in ("or", "and")):
        return None
    for h in heads:
        w = words[h].strip(",;:")
        known = _lemmas(w)
        if (known and not known.get("NOUN")) or w.lower() in _NO_PLURAL or form_of(w) is not None:
            return None  # not a noun ("bad for"), or no plural ("pain relief"), or inflected
        if not known and not w.isalpha():
            return None
    return heads


#: particles and small words that make "take in", "soak up", "look at the" a verb phrase
_PARTICLE = frozenset(
    "up down in out on off over back away at to with for about from into through around by "
    "a an the your you it them this that their".split()
)


def _is_noun_compound(words: list[str]) -> bool:
    """Whether a several-word alternative reads as a noun phrase ("blood test", "ultrasound
    scan of your heart") rather than a verb phrase ("take in", "soak up", "see or hear things")."""
    if len(words) < 2:
        return False
    first, second = words[0].lower(), words[1].lower().strip(",;:")
    if first in _DETERMINER:
        return True
    if not _is_noun(first) or second in _PARTICLE or second in ("or", "and"):
        return False
    return _is_noun(second) or not _is_verb(first)


#: words before an "-s" form that make it a plural noun ("your tests", "two scans", "of echoes");
#: the subject pronouns before it make it a verb ("it tests", "which echoes")
_BEFORE_NOUN = frozenset(
    "the your our their his her its my these those some any all more many few several other no both "
    "two three four five six of for with and or about after before between from in on at by".split()
)
_BEFORE_VERB = frozenset("he she it this that which who what someone everyone nobody".split())


def _plural_or_verb(word: str, tag: str, before: str, alt_words: list[str]) -> str | None:
    """For an "-s" word that is both a verb and a plural noun ("tests", "scans", "echoes"):
    which one it is, from the word before it, else from the alternative's shape; None when
    the two disagree."""
    if tag != "VBZ":
        return tag
    from ..nlp import lemminflect

    w = word.lower()
    # an alternative that opens with a noun that is never a verb ("collection of pus") is a
    # noun phrase, so the word it stands for is a noun, whatever the tables know of it
    # (lemminflect has "abscess" as a verb only)
    noun_phrase = len(alt_words) > 1 and _is_noun(alt_words[0]) and not _is_verb(alt_words[0])
    if not noun_phrase and not any(w in lemminflect.getInflection(lemma, tag="NNS") for lemma in _lemmas(w).get("NOUN", ())):
        return tag
    b = before.lower()
    if b in _BEFORE_NOUN:
        return "NNS"
    if noun_phrase or _is_noun_compound(alt_words):
        # "which echoes" with "heart scan": neither "heart scans" nor "hearts scan" fits
        return "NNS" if b not in _BEFORE_VERB else None
    return tag


_AUX = frozenset("be been being is are was were am have has had having get got gets getting 's 've".split())


def inflect_like(alternative: str, matched: str, before: str = "") -> str:
    """``alternative`` (a base form) inflected as the first word of ``matched`` is.

    Verb forms inflect the alternative's first word ("look at" -> "looked at"), and a verb
    joined to it by "or"/"and" ("see or hear" -> "sees or hears"); a plural inflects its
    noun: the head of a compound ("blood test" -> "blood tests"), or the word before what
    follows the noun ("thing to think about" -> "things to think about"). An "-s" word that
    may be a verb or a plural ("tests") is read from the word before it and from the
    alternative: a noun phrase is never given a verb's "-s" ("bloods test"). ``before`` is the
    word before the match: after a form of "be" or "have" a past form is a participle ("has
    been given"). An alternative that is already inflected ("tests", "bleeding") is left alone,
    and so is one whose noun is not clear.
    """
    words = matched.split()
    if not words or not alternative:
        return alternative
    alt_words = alternative.split(" ")
    # A phrase inflects on its first word ("commenced on" / "prior to" stays as it is).
    tag = form_of(words[0])
    if tag is None:
        if len(words) == 1:
            return alternative
        tag = form_of(words[-1])
        if tag != "NNS":
            return alternative
    elif len(words) == 1:
        tag = _plural_or_verb(words[0], tag, before, alt_words)
    if tag == "VBD" and before.lower() in _AUX:
        tag = "VBN"
    if tag is None:
        return alternative
    if tag == "NNS":
        if len(alt_words) == 1:  # one word: itself, unless it takes no plural ("relief")
            heads = None if alternative.lower() in _NO_PLURAL or form_of(alternative) else [0]
        else:
            heads = _heads(alt_words)
        if heads is None:
            return alternative
        for h in heads:
            alt_words[h] = inflect_word(alt_words[h], "NNS")
        return " ".join(alt_words)
    if form_of(alt_words[0]) is not None:
        return alternative
    if len(alt_words) > 1 and alt_words[1].lower() in _RELATIVE:
        return alternative  # a noun and its relative clause: "doctor who ...", never "doctoring who ..."
    if _is_verb(alt_words[0]):
        alt_words[0] = inflect_word(alt_words[0], tag)
        # "see or hear things" -> "sees or hears things"
        if len(alt_words) > 2 and alt_words[1].lower() in ("or", "and") and _is_verb(alt_words[2]) \
                and form_of(alt_words[2]) is None and not _is_noun(alt_words[2]):
            alt_words[2] = inflect_word(alt_words[2], tag)
    elif tag == "VBZ" and len(alt_words) == 1:
        alt_words[0] = inflect_word(alt_words[0], "NNS")
    return " ".join(alt_words)
