"""A proposed split for a long sentence: two sentences at a safe joint, or nothing.

Only joints where the second half can stand as a sentence are used, and only when both
halves have at least ``MIN_WORDS`` words (a split that leaves a three-word scrap reads
worse than the long sentence):

    "; "          -> "A. B"
    ", and "      -> "A. B"
    ", which "    -> "A. This B"
    ", so that "  -> "A. This is so that B"
    " because "   -> "A. This is because B"

Each half must have a verb of its own: ", and any other information that may help us" is the
last item of a list, and "Any other information that may help us." is not a sentence (its only
verb belongs to the "that" clause). Verbs are known from lemminflect's tables (litcheck.nlp, shipped; no
trained model): a word that can be a verb counts, so a doubtful half is let through rather
than refused.

Of the joints that qualify, the one nearest the middle of the sentence is taken. The
second half starts with a capital letter. The function is pure: text in, text out.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_WORDS = 6

#: (joint as written, what starts the second sentence); earlier joints win a tie
_JOINTS = (
    ("; ", ""),
    (", and ", ""),
    (", which ", "This "),
    (", so that ", "This is so that "),
    (" because ", "This is because "),
)
_WORD = re.compile(r"[^\W_][\w'’-]*")
_BRACKETS = {"(": ")", "[": "]", "{": "}", "«": "»", "<": ">"}


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _inside_brackets(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in _BRACKETS:
            depth += 1
        elif ch in _BRACKETS.values() and depth:
            depth -= 1
    return depth > 0


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if not (ch in "\"'‘“(" or ch.isspace()):
            return text  # starts with a number or a placeholder: leave it
    return text


#: words that are always verbs here: modals and the forms of be, have and do
_AUXILIARIES = frozenset(
    """am is are was were be been being has have had do does did will would can could may might
    shall should must 'll 're 've 's 'm 'd""".split()
)
_MODALS = frozenset("will would can could may might shall should must 'll 'd".split())
#: words that open a relative clause after a noun ("information that may help")
_RELATIVES = frozenset("that which who whom whose where".split())
#: a word after these is not a verb: "to help", "the team", "your list"
_NOT_VERBS = frozenset("to a an the your our my their his her its this these those any every some no each".split())


def _is_verb(word: str, previous: str) -> bool:
    """A word that can be a finite verb or an instruction here (not "to help", "the team", "-ing")."""
    w = word.lower().replace("’", "'")
    if w in _AUXILIARIES or w.startswith(("can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't")):
        return True
    if previous in _NOT_VERBS or _describes(previous):
        return False
    return _can_be_verb(w)


@lru_cache(maxsize=65536)
def _describes(w: str) -> bool:
    """A describing word that cannot be a verb: the word after it is the thing it describes
    ("our medical team", "the best possible care"), not a verb."""
    from ..nlp import lemminflect

    found = lemminflect.getAllLemmas(w) if w else {}
    return "ADJ" in found and "VERB" not in found and "AUX" not in found


@lru_cache(maxsize=65536)
def _can_be_verb(w: str) -> bool:
    from ..nlp import lemminflect

    found = lemminflect.getAllLemmas(w)
    if w.endswith("ing") and any(lemma != w for lemma in found.get("VERB", ())):
        return False  # "including", "planning": not a verb of its own ("bring" is)
    return "VERB" in found or "AUX" in found


def has_own_verb(part: str) -> bool:
    """True when ``part`` has a verb outside a relative clause that opens it: "We will call
    you" and "Bring your letter" do; "Any other information that may help us" does not (its
    one verb group, "may help", belongs to the "that" clause)."""
    words = [w.lower() for w in _WORD.findall(part)]
    groups = []  # the index where each run of verbs starts
    previous = ""
    in_group = False
    for i, w in enumerate(words):
        if _is_verb(w, previous):
            # a modal, or another auxiliary after a verb, starts a new group: "who needs help |
            # can call us", "that you have | will help"
            if not in_group or w in _MODALS or (w in _AUXILIARIES and previous not in _AUXILIARIES):
                groups.append(i)
            in_group = True
        elif not (in_group and (w in ("not", "also", "then", "now", "always", "never") or w.endswith("ly"))):
            in_group = False
        previous = w
    relative = next((i for i, w in enumerate(words) if i > 0 and w in _RELATIVES), None)
    if relative is None:
        return bool(groups)
    before = [g for g in groups if g < relative]
    return bool(before) or len([g for g in groups if g > relative]) >= 2


def propose_split(sentence: str, min_words: int = MIN_WORDS) -> str | None:
    """The sentence as two sentences, or None when there is no safe joint."""
    text = " ".join(sentence.split())
    candidates = []
    middle = len(text) / 2
    for rank, (joint, lead) in enumerate(_JOINTS):
        for m in re.finditer(re.escape(joint), text, flags=re.I):
            first, second = text[: m.start()], text[m.end() :]
            if _words(first) < min_words or _words(second) < min_words:
                continue
            if _inside_brackets(text, m.start()):
                continue
            candidates.append((abs(m.start() - middle), rank, m.start(), m.end(), lead))
    # the joint nearest the middle (then the better joint, then the first found) whose halves
    # each have a verb: the verb test reads every word of both halves, so it runs only on the
    # candidates in that order until one passes (a 2,000-character sentence has many joints)
    candidates.sort(key=lambda c: c[:2])
    best = next(
        (c for c in candidates if has_own_verb(text[: c[2]]) and has_own_verb(c[4] + text[c[3] :])), None
    )
    if best is None:
        return None
    _, _, start, end, lead = best
    first = text[:start].rstrip(" ,;:")
    second = text[end:]
    second = lead + second if lead else _capitalise(second)
    return f"{first}. {second}"
