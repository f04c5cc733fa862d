"""Inflecting a suggestion to fit the sentence: "commenced" -> "started", not "start".

A word list gives base forms ("commence" -> "start"). When the text has an inflected form,
the suggestion takes the same inflection, using lemminflect's offline tables (shipped in the
package; nothing is downloaded). Only the simple cases are handled: past (-ed), -ing, and
third-person or plural -s. Anything unclear keeps the base form, which is never wrong in a
way that misleads, only in grammar.
"""

from __future__ import annotations

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
    out = forms[0]
    return out[:1].upper() + out[1:] if base[:1].isupper() else out


def _is_verb(word: str) -> bool:
    from ..nlp import lemminflect

    return bool(lemminflect.getAllLemmas(word.lower()).get("VERB"))


#: words that open what follows a noun ("thing to think about", "piece of paper"): the noun
#: before them is the one a plural inflects
_POSTMODIFIER = frozenset("to of for with about from in on at".split())
#: a relative clause after the noun has a verb of its own that would have to agree ("something
#: that is not normal"): such an alternative is left as it is
_RELATIVE = frozenset("who that which".split())


def _head(words: list[str]) -> int | None:
    """The index of the noun a plural inflects: the last word, or the word before what follows
    the noun ("things to think about", not "thing to think abouts"); None when a relative
    clause follows it."""
    for i in range(1, len(words)):
        if words[i].lower() in _RELATIVE:
            return None
        if words[i].lower() in _POSTMODIFIER:
            return i - 1
    return len(words) - 1


_AUX = frozenset("be been being is are was were am have has had having get got gets getting 's 've".split())


def inflect_like(alternative: str, matched: str, before: str = "") -> str:
    """``alternative`` (a base form) inflected as the first word of ``matched`` is.

    Verb forms inflect the alternative's first word ("look at" -> "looked at"); a plural
    inflects its noun: the last word ("blood test" -> "blood tests"), or the word before what
    follows the noun ("thing to think about" -> "things to think about"). ``before`` is the word before the
    match: after a form of "be" or "have" a past form is a participle ("has been given").
    An alternative that is already inflected ("tests", "bleeding") is left alone.
    """
    words = matched.split()
    if not words or not alternative:
        return alternative
    # A phrase inflects on its first word ("commenced on" / "prior to" stays as it is).
    tag = form_of(words[0])
    if tag is None:
        if len(words) == 1:
            return alternative
        tag = form_of(words[-1])
        if tag != "NNS":
            return alternative
    if tag == "VBD" and before.lower() in _AUX:
        tag = "VBN"
    alt_words = alternative.split(" ")
    target = _head(alt_words) if tag == "NNS" else 0
    if target is None or form_of(alt_words[target]) is not None:
        return alternative
    if tag == "NNS":
        # the entry must itself be a noun form; a verb form "-s" is VBZ
        alt_words[target] = inflect_word(alt_words[target], "NNS")
    elif _is_verb(alt_words[0]):
        alt_words[0] = inflect_word(alt_words[0], tag)
    elif tag == "VBZ" and len(alt_words) == 1:
        alt_words[0] = inflect_word(alt_words[0], "NNS")
    return " ".join(alt_words)
