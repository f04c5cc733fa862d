"""Build a Document from blocks of text for the formats whose text is not a file's text.

Word, PDF and HTML readers find pieces of text (a heading, a paragraph, a table cell) with
a location in the original file. The Document's text is those pieces joined by a blank
line, which is what ``litcheck extract`` shows; each Block spans its piece.
"""

from __future__ import annotations

import re
from typing import Mapping

from ..document import Block, Document

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SOFT = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_BLANK_LINES = re.compile(r"\n\s*\n+")

SEPARATOR = "\n\n"


def tidy(text: str) -> str:
    """One space between words, no soft hyphens or zero-width marks, no blank lines."""
    text = _SOFT.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class Assembler:
    """Collect blocks in reading order, then make the Document."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._pos = 0

    def __len__(self) -> int:
        return len(self._blocks)

    def add(self, kind: str, text: str, location: Mapping[str, int], level: int = 0) -> Block | None:
        text = tidy(text)
        if not text:
            return None
        if self._parts:
            self._parts.append(SEPARATOR)
            self._pos += len(SEPARATOR)
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        block = Block(kind, start, self._pos, dict(location), level=level)
        self._blocks.append(block)
        return block

    def document(self, path: str | None, format: str, notices=()) -> Document:
        return Document.build("".join(self._parts), self._blocks, path=path, format=format, notices=notices)
