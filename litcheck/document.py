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
from typing import Mapping

from .placeholders import Placeholder, find_placeholders
from .textpatterns import offsets

class cached_property:
    """``functools.cached_property`` without its lock: the value worked out on first use and kept
    in the instance's dict, where later look-ups find it without the descriptor. (Python 3.11's
    takes a lock on every first use, about a microsecond each, several times a letter: issue
    20; litcheck never shares a Document or Context between threads while it is worked on.)"""

    def __init__(self, func) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


#: Block kinds. Headers, footers and captions (a figure's or table's, "Figure 2: ...") are
#: shown but never scored as prose.
BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell", "header", "footer", "caption")


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment the reader found on a span of the text (a Word comment)."""

    start: int  #: 0-based offset of the first commented character in Document.text
    end: int  #: 0-based offset one past the last (start == end: anchored to no text)
    text: str  #: what the comment says


#: Block's default location: a new empty dict for each block
_NO_LOCATION: Mapping[str, int] = {}


@dataclass(frozen=True, init=False)
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

    def __init__(self, kind: str, start: int, end: int, location: Mapping[str, int] = _NO_LOCATION, level: int = 0) -> None:
        # (as segment.Sentence: the instance's dict filled at once, not a field at a time through
        # object.__setattr__; a letter has dozens of blocks: issue 20. Still frozen.)
        d = self.__dict__
        d["kind"] = kind
        d["start"] = start
        d["end"] = end
        d["location"] = {} if location is _NO_LOCATION else location
        d["level"] = level


@dataclass(frozen=True)
class TextLook:
    """How a stretch of text looks in the file (Word runs that look alike), for layout checks.

    Values are the ones Word shows, after styles are followed; None means the file does not
    say or litcheck cannot tell, and a check then stays silent.
    """

    start: int  #: 0-based offset into Document.text
    end: int  #: 0-based offset one past the end
    size: float | None = None  #: font size in points
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False  #: Word's "All caps": shown in capitals whatever was typed
    link: bool = False  #: part of a hyperlink
    colour: str | None = None  #: text colour "RRGGBB"; None when automatic (Word picks black or white)
    background: str | None = None  #: what is behind it, "RRGGBB" (shading, highlight, page colour)


@dataclass(frozen=True)
class ParagraphLook:
    """One paragraph or table cell of a Word document as it is laid out."""

    start: int  #: 0-based offsets of its text in Document.text (a block's span)
    end: int
    location: Mapping[str, int] = field(default_factory=dict)  #: as Block.location
    style: str = ""  #: the paragraph style's name ("Normal", "heading 2", "List Paragraph")
    alignment: str | None = None  #: "left", "centre", "right" or "justify"


@dataclass(frozen=True)
class Picture:
    """A picture (image, chart, diagram) in the file and the text it has for people who cannot see it."""

    start: int  #: 0-based offsets of the text a finding about it points at (its paragraph,
    end: int  #: or the nearest paragraph with text when it stands alone)
    location: Mapping[str, int] = field(default_factory=dict)  #: where the picture itself is
    alt: str = ""  #: its alternative text (Word's description, or its title), "" for none
    decorative: bool = False  #: marked as decorative, so screen readers skip it
    name: str = ""  #: the name the file gives it ("Picture 3"), never shown to readers


@dataclass(frozen=True)
class TableShape:
    """A Word table's shape: the facts that tell a data table from one used for layout."""

    start: int  #: 0-based offsets spanning its cells' text in Document.text
    end: int
    number: int  #: 1-based, as Block.location's "table"
    rows: int
    columns: int  #: the most cells in a row
    header_row: bool  #: the first row is marked to repeat as a header (Word's "header row")
    longest_cell_words: int  #: words in its wordiest cell


@dataclass(frozen=True)
class Layout:
    """What the file looks like, as far as its reader can tell (Word, PDF).

    Plain text and Markdown have no Layout (Document.layout is None), so layout checks
    never run on them.
    """

    looks: tuple[TextLook, ...] = ()  #: in text order, not overlapping
    paragraphs: tuple[ParagraphLook, ...] = ()  #: in text order
    pictures: tuple[Picture, ...] = ()
    tables: tuple[TableShape, ...] = ()
    body_size: float | None = None  #: the font size of most of the body text, in points
    tagged: bool | None = None  #: PDF: marked as tagged (a structure for screen readers); None: not known
    pages_without_text: tuple[int, ...] = ()  #: PDF: 1-based pages that are pictures only (scanned)
    pages: int = 0  #: PDF: its number of pages (0: not known)


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
    #: how the file looks (fonts, alignment, pictures, tables, PDF tags), from formats that
    #: carry it (Word, PDF); None for plain text
    layout: Layout | None = None

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
    def span_words(self) -> dict[tuple[int, int], list[str]]:
        """The words of a span of the text (``prose.span_word_texts``), by (start, end), kept for
        whoever reads them again: the sentence splitter finds each sentence's words to tell its
        kind, and the counts read the same words (issue 20). Kept with this document only."""
        return {}

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [i + 1 for i in offsets(self.text, "\n")]

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
