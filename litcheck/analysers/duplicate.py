"""duplicate: a paragraph or sentence said twice (copied and pasted in a template).

Text is compared after folding case, spacing and punctuation, with each template field
written as one mark (so "[Date]" and "«Date»" count as the same). A repeated paragraph is one
finding at its second copy; a repeated sentence inside a paragraph that is not itself a copy
is one finding too. Headings, addresses, sign-offs and other non-prose lines are left out
(``scope``), and so are sentences under ``min_words`` words: short lines such as "Call us"
are boilerplate, repeated on purpose. In a file of several templates (see messages.py) each
template is compared only with itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

from .. import placeholders
from ..placeholders import find_placeholders
from ..prefilter import Lowered, prefilter_for
from ..rule import Rule
from .messages import split_templates

_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\x00")


def normal(text: str, fields_possible: bool = True) -> str:
    """Words only, lower case, each template field as one mark. ``fields_possible=False``: the
    text is part of one in which no template field can be (``_fields_possible``)."""
    if not fields_possible or not _fields_possible(text):
        return " ".join(_WORD.findall(text.lower().replace("’", "'")))  # no field can be there
    out, last = [], 0
    for p in find_placeholders(text):
        out.append(text[last : p.start] + " \x00 ")
        last = p.end
    out.append(text[last:])
    return " ".join(_WORD.findall("".join(out).lower().replace("’", "'")))


def _fields_possible(text: str, lowered: Lowered | None = None) -> bool:
    """False only when no template field can be in ``text`` (``lowered``: it lower-cased, when
    at hand): a word every field holds is not there (``litcheck.prefilter``), so nor is it in
    any part of it."""
    fields = getattr(placeholders, "_RE", None)  # the placeholder finder's one pattern
    return fields is None or prefilter_for(fields).could_match(lowered or Lowered(text))


class Duplicate(Rule):
    kind = "duplicate"
    KEYS = {
        "min_words": (True, (int,)),  # shorter sentences are boilerplate, not copies
        "suggest": (False, (list,)),
    }
    MESSAGE_FIELDS = frozenset({"what", "line"})

    def setup(self, spec) -> None:
        self.min_words = spec["min_words"]
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        sentences = ctx.sentences_in(self.scope)
        for part in split_templates(text):
            inside = [s for s in sentences if part.start <= s.start < part.end]
            yield from self._check_part(ctx, text, part, inside)

    def _check_part(self, ctx, text, part, sentences) -> Iterator:
        copied = []  # (start, end) of paragraphs reported as copies
        seen: dict[str, int] = {}
        possible = _fields_possible(text, ctx.lowered())  # asked once for the text, not for each sentence
        keys = [normal(text[s.start : s.end], possible) for s in sentences]  # each sentence folded once
        sizes = [len(k.split()) for k in keys]
        starts = [s.start for s in sentences]
        for m in _PARAGRAPH.finditer(text, part.start, part.end):
            start, end = m.start(), m.end()
            # a paragraph counts only through its prose sentences
            a, b = bisect_left(starts, start), bisect_left(starts, end)
            key = " | ".join(keys[a:b])
            if a == b or sum(sizes[a:b]) < self.min_words:
                continue
            if key in seen:
                line, _ = ctx.document.line_column(seen[key])
                copied.append((start, end))
                yield ctx.finding(self, start, end, self.format_message(what="paragraph", line=line), self.suggest)
            else:
                seen[key] = start
        said: dict[str, int] = {}
        for s, key, size in zip(sentences, keys, sizes):
            if size < self.min_words:
                continue
            if key in said and not any(a <= s.start < b for a, b in copied):
                if not any(a <= said[key] < b for a, b in copied):
                    line, _ = ctx.document.line_column(said[key])
                    yield ctx.finding(self, s.start, s.end, self.format_message(what="sentence", line=line), self.suggest)
            said.setdefault(key, s.start)
