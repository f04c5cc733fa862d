"""The Document: what every reader produces and every analyser reads.

A Document is plain text plus a map of blocks (heading, paragraph, list item, table cell,
header/footer) and where each came from in the original file, so that a finding can point
back into it. Nothing downstream of the readers knows about .docx or .pdf.

Offsets count characters from 0 in ``Document.text``; lines and columns count from 1 and
are derived from the offsets.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

from .placeholders import Placeholder, find_placeholders

#: Block kinds. Headers and footers are shown but never scored as prose.
BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell", "header", "footer")


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment the reader found on a span of the text (a Word comment)."""

    start: int  #: 0-based offset of the first commented character in Document.text
    end: int  #: 0-based offset one past the last (start == end: anchored to no text)
    text: str  #: what the comment says


@dataclass(frozen=True)
class Block:
    """One structural piece of a document."""

    kind: str  #: one of BLOCK_KINDS
    start: int  #: 0-based offset into Document.text
    end: int  #: 0-based offset one past the end
    #: where it came from, in the original file's terms, all 1-based:
    #: {"line": 3} for text and Markdown, {"page": 2} for PDF,
    #: {"paragraph": 5} or {"table": 1, "row": 2, "cell": 3} for Word
    location: Mapping[str, int] = field(default_factory=dict)
    level: int = 0  #: heading level (1 = top) or list depth (0 = top)


@dataclass
class Document:
    """The text litcheck reads, with its structure."""

    text: str
    blocks: tuple[Block, ...]
    path: str | None = None
    format: str = "txt"  #: the reader that made it: txt, md, docx, pdf, html
    placeholders: tuple[Placeholder, ...] = ()
    #: things the reader wants the user to know (a page with no text layer, say)
    notices: tuple[str, ...] = ()
    #: comments on the text, from formats that carry them (Word); suppressions read these
    comments: tuple[Comment, ...] = ()

    @classmethod
    def build(cls, text: str, blocks, *, path=None, format="txt", notices=()) -> "Document":
        """Make a Document, finding its template placeholders."""
        return cls(
            text=text,
            blocks=tuple(blocks),
            path=path,
            format=format,
            placeholders=tuple(find_placeholders(text)),
            notices=tuple(notices),
        )

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        return starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based offset."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """The block that contains ``offset``, if any."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    @cached_property
    def _placeholder_starts(self) -> list[int]:
        return [p.start for p in self.placeholders]

    def placeholder_at(self, start: int, end: int | None = None) -> Placeholder | None:
        """The placeholder overlapping [start, end), if any (placeholders never overlap)."""
        end = start + 1 if end is None else end
        i = bisect.bisect_left(self._placeholder_starts, end) - 1
        if i >= 0 and self.placeholders[i].end > start:
            return self.placeholders[i]
        return None
