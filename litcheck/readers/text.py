"""Plain text (.txt): blank lines separate blocks; bullet lines are list items.

The Document's text is the file's text, so lines and columns in a finding are the file's.

Line structure is kept as the writer made it. A line ending in a full stop, question mark
or exclamation mark ends its paragraph, unless the file is hard-wrapped (every line broken
at a fixed width, as e-mails are) and the next line's first word would not have fitted on
it: then the break is the wrap, not the writer's. Many texts copied from web pages and
letters put each paragraph, or each Easy Read sentence, on a line of its own with no blank
line between; joining them made "paragraphs" of hundreds of words.
"""

from __future__ import annotations

import re

from .base import DEFAULT_LIMITS, Limits
from ..document import Block, Document
from .decode import decode_text

BULLET = re.compile(r"^(\s*)([-*+•–·▪◦]|\d{1,2}[.)]|[a-z][.)]|\(\w{1,3}\))\s+")
_UNDERLINE = re.compile(r"^\s*(=+|-{3,})\s*$")


def read(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    return parse(decode_text(data, path), path)


def parse(text: str, path: str | None = None, format: str = "txt") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document.build(text, _blocks(text), path=path, format=format)


#: A hard-wrapped file has no line longer than this (e-mail and editors wrap at 66 to 80).
_WRAP_MAX = 100
_ENDS_PARAGRAPH = re.compile(r"[.!?][\"'”’)\]]*\s*$")


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped file was wrapped at, or None when its lines are not wrapped.

    Wrapped: no line longer than ``_WRAP_MAX`` and at least three lines reaching within a
    fifth of the longest (lines pile up at the margin).
    """
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths:
        return None
    width = max(lengths)
    if width > _WRAP_MAX or sum(n >= 0.8 * width for n in lengths) < 3:
        return None
    return width


def ends_paragraph(line: str, nxt: str, width: int | None) -> bool:
    """True when ``line`` (not the last of its run) ends a paragraph: it closes a sentence,
    and in a wrapped file the next line's first word would have fitted after it."""
    if not _ENDS_PARAGRAPH.search(line):
        return False
    if width is None:
        return True
    first = nxt.split()[0] if nxt.split() else ""
    return len(line.rstrip()) + 1 + len(first) <= width


def _blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    width = wrap_width(lines)
    blocks: list[Block] = []
    paragraph: list[tuple[int, int, str]] = []  # (line number, offset, line)
    pos = 0
    for number, line in enumerate(lines, start=1):
        here = pos
        pos += len(line) + 1
        if not line or line.isspace():  # a blank line ends a paragraph
            if paragraph:
                paragraph = _flushed(blocks, paragraph)
            continue
        if len(paragraph) == 1 and _UNDERLINE.match(line):
            n, p, l = paragraph.pop()
            blocks.append(_span("heading", n, p, l, level=1 if "=" in line else 2))
            continue
        # (no bullet starts with a capital letter: most lines are not tried, issue 20)
        bullet = None if "A" <= line[0] <= "Z" else BULLET.match(line)
        if bullet:
            paragraph = _flushed(blocks, paragraph)
            start = here + bullet.end()
            end = here + len(line.rstrip())
            depth = len(bullet.group(1).expandtabs(4)) // 2
            blocks.append(Block("list_item", start, end, {"line": number}, level=depth))
            continue
        if paragraph and ends_paragraph(paragraph[-1][2], line, width):
            paragraph = _flushed(blocks, paragraph)
        paragraph.append((number, here, line))
    _flushed(blocks, paragraph)
    return blocks


def _flushed(blocks: list[Block], paragraph: list[tuple[int, int, str]]) -> list:
    """The paragraph's lines, if any, made one block at the end of ``blocks``; a new, empty
    paragraph."""
    if paragraph:
        blocks.append(_paragraph_block(paragraph))
    return []


def _span(kind, number, pos, line, level=0) -> Block:
    stripped_start = pos + (len(line) - len(line.lstrip()))
    return Block(kind, stripped_start, pos + len(line.rstrip()), {"line": number}, level=level)


def _paragraph_block(paragraph) -> Block:
    number, pos, first = paragraph[0]
    _, last_pos, last = paragraph[-1]
    start = pos + (len(first) - len(first.lstrip()))
    end = last_pos + len(last.rstrip())
    if len(paragraph) == 1 and _looks_like_heading(first):
        return Block("heading", start, end, {"line": number}, level=2)
    return Block("paragraph", start, end, {"line": number})


_NOT_HEADINGS = re.compile(r"^\s*(dear|yours|kind regards|best wishes|regards|to whom|many thanks|thank you)\b", re.I)


def _looks_like_heading(line: str) -> bool:
    """A short line alone, capitalised, without closing punctuation: "What happens next"."""
    s = line.strip()
    if not s or s[-1] in ".,;!)\"'" or not s[0].isupper():
        return False
    words = s.split(None, 8)  # (nine pieces: more than eight words)
    if len(words) > 8:
        return False
    if _NOT_HEADINGS.match(s) or any(ch.isdigit() for ch in s) or "@" in s:
        return False
    if s.endswith(":"):
        return False  # a lead-in to a list: "Please bring:"
    return s.endswith("?") or s.isupper() or len(words) >= 2
