"""Shared by the whole-document kinds (absence, position): phrase patterns over the text."""

from __future__ import annotations

import re
from typing import Iterator


def compile_phrases(rule, key: str, phrases: list, ignorecase: bool = True) -> re.Pattern:
    """Phrases or regular expressions as one pattern, matched on word boundaries."""
    flags = re.IGNORECASE if ignorecase else 0
    try:
        return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?![\w-])", flags)
    except re.error as exc:
        rule.fail(key, f"a pattern is not valid: {exc}")


def matches(ctx, pattern: re.Pattern) -> Iterator[re.Match]:
    """Matches in the document's text outside placeholders, web and e-mail addresses."""
    for m in pattern.finditer(ctx.document.text):
        if m.end() > m.start() and not ctx.is_masked(m.start(), m.end()):
            yield m


def word_count(ctx) -> int:
    return len(ctx.document.text.split())


def applies(ctx, rule) -> bool:
    """The rule's ``when`` pattern (if any) is in the document and it is long enough."""
    if word_count(ctx) < rule.min_words:
        return False
    return rule.when is None or next(matches(ctx, rule.when), None) is not None
