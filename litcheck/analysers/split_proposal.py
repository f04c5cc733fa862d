"""A proposed split for a long sentence: two sentences at a safe joint, or nothing.

Only joints where the second half can stand as a sentence are used, and only when both
halves have at least ``MIN_WORDS`` words (a split that leaves a three-word scrap reads
worse than the long sentence):

    "; "          -> "A. B"
    ", and "      -> "A. B"
    ", which "    -> "A. This B"
    ", so that "  -> "A. This is so that B"
    " because "   -> "A. This is because B"

Of the joints that qualify, the one nearest the middle of the sentence is taken. The
second half starts with a capital letter. The function is pure: text in, text out.
"""

from __future__ import annotations

import re

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


def propose_split(sentence: str, min_words: int = MIN_WORDS) -> str | None:
    """The sentence as two sentences, or None when there is no safe joint."""
    text = " ".join(sentence.split())
    best: tuple | None = None
    middle = len(text) / 2
    for rank, (joint, lead) in enumerate(_JOINTS):
        for m in re.finditer(re.escape(joint), text, flags=re.I):
            first, second = text[: m.start()], text[m.end() :]
            if _words(first) < min_words or _words(second) < min_words:
                continue
            if _inside_brackets(text, m.start()):
                continue
            key = (abs(m.start() - middle), rank, m.start(), m.end(), lead)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is None:
        return None
    _, _, start, end, lead = best
    first = text[:start].rstrip(" ,;:")
    second = text[end:]
    second = lead + second if lead else _capitalise(second)
    return f"{first}. {second}"
