"""Text the word rules do not read: other languages, template fields, copyright lines.

The word rules (jargon, long and rare words, abbreviations) judge English words a patient
reads. Three kinds of text in real letters are not that, and every one of those rules leaves
them alone:

- **other languages**: bilingual letters and "this letter in your language" blocks (Polish,
  Urdu, Romanian, Bulgarian...). A line is in another language when most of its words are
  unknown to English word frequency lists (wordfreq, Zipf under 3), or, for a longer line, when
  fewer than 80% are known and it has none of the commonest English words ("the", "you",
  "and"...) that any English line of that length contains. A short line (a heading such as
  "Polski" or "Z poważaniem") whose words are mostly unknown to English is in the other language
  when a line next to it is. A word written in another script
  (Cyrillic, Arabic, Devanagari...) is never English, wherever it stands.
- **template fields** the Document's placeholder finder does not know: ``==subteam phone==``,
  ``((ward_name))``, ``{d.patientNumber}``, ``[specialty]``, ``[Your Department/Clinic Name]``
  (a Markdown link's text, ``[text](url)``, and a choice the writer makes, ``[an overnight
  stay | day case]``, are prose and are read).
- **copyright and licence lines** ("© Crown copyright 2024", "Copyright NHS England").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..details import scan

#: words of two or more letters
_WORD = re.compile(r"[^\W\d_]{2,}")
#: a word written only in the Latin alphabet (with accents)
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’\-]+$")
#: the commonest English words: any English line of six words or more has one of them
_ENGLISH_FUNCTION = frozenset(
    "the and you your is are will we of to this that with for have be it can not our if or please "
    "they he she was were has had by from at an do does been their them there what when which who "
    "would should could may must".split()
)
_FIELDS = re.compile(
    r"==[^=\n]{1,60}==|\(\([^()\n]{1,60}\)\)|\{[^{}\n]{1,60}\}|\[[^\[\]|\n]{1,60}\](?!\()"
)
_COPYRIGHT = re.compile(r"^.*(©|\(c\)\s*(?:\d{4}|crown)|\bcopyright\b|all rights reserved).*$", re.I | re.M)


def is_latin(word: str) -> bool:
    """True for a word in the Latin alphabet (English or not)."""
    return bool(_LATIN.match(word))


def _english_share(words: list[str]) -> float:
    known = _KNOWN
    found = 0
    for w in words:
        k = known.get(w)
        if k is None:
            from ..spelling import zipf

            if len(known) >= 100_000:
                known.clear()
            k = known[w] = is_latin(w) and zipf(w) >= 3.0
        found += k
    return found / len(words)


#: word -> whether it is an English word (Latin letters, Zipf 3 or more), worked out once
_KNOWN: dict[str, bool] = {}


def foreign_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that is not in English."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    status: list[bool | None] = []  # True foreign, False English, None undecided
    for _, _, line in lines:
        words = _WORD.findall(line)
        n = len(words)
        if n == 0:
            status.append(None)
            continue
        share = _english_share(words)
        has_function = any(w.lower() in _ENGLISH_FUNCTION for w in words)
        if n >= 4 and (share < 0.5 or (n >= 6 and share < 0.8 and not has_function)):
            status.append(True)
        elif n >= 4 or share >= 0.5:
            status.append(False)
        else:
            status.append(None)  # a short line of unknown words: decided by its neighbours
    decided = [(i, s) for i, s in enumerate(status) if s is not None]
    keys = [i for i, _ in decided]
    out = []
    for i, (start, end, line) in enumerate(lines):
        s = status[i]
        if s is None and _WORD.search(line):
            k = bisect_right(keys, i)
            before = decided[k - 1][1] if k > 0 else None
            after = decided[k][1] if k < len(decided) else None
            s = bool(before or after)  # next to another-language text, and no English of its own
        if s:
            out.append((start, end))
    return out


def _spans(ctx) -> list[tuple[int, int]]:
    text = ctx.document.text
    spans = foreign_lines(text)
    spans += [m.span() for m in scan.finditer(ctx, _FIELDS)]
    spans += [m.span() for m in scan.finditer(ctx, _COPYRIGHT)]
    # a choice the writer makes, "[an overnight stay | day case]", is words the reader will see
    choices = {(p.start, p.end) for p in ctx.document.placeholders if p.syntax == "square" and " | " in p.name}
    spans += [m for m in ctx.masks if not any(a <= m[0] and m[1] <= b for a, b in choices)] if choices else list(ctx.masks)
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def skipped_spans(ctx) -> list[tuple[int, int]]:
    """Sorted, disjoint spans the word rules leave alone: other languages, template fields of every
    form, copyright lines, and the Context's masks (placeholders, web and e-mail addresses)."""
    return ctx.memo("words.skipped_spans", _spans)


def is_skipped(ctx, start: int, end: int) -> bool:
    """True when [start, end) overlaps text the word rules do not read, or is a word in
    another script."""
    spans = skipped_spans(ctx)
    k = bisect_right(spans, (end, -1)) - 1  # the last span that starts before ``end``
    if k >= 0 and spans[k][1] > start:
        return True
    word = ctx.document.text[start:end]
    return any(not is_latin(w) for w in _WORD.findall(word))
