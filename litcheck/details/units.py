"""Units: the pieces of a document the detail detectors read, with the heading above each.

A unit is a sentence from ``ctx.sentences``, except that a short title line glued to the top
of a paragraph ("Parking" then "There is a car park...") is peeled off as a heading of its
own. Headings are never evidence of a detail (a "Parking" heading with nothing under it
says nothing about parking); they only give the units under them their ``section``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TITLE_LINE = re.compile(r"^[A-Za-z][A-Za-z '&/-]{0,60}[A-Za-z?:]$")


class Unit(NamedTuple):
    """A sentence, or a title line peeled off one (a NamedTuple: a document makes one for each
    sentence, and a frozen dataclass, setting each field through object.__setattr__, costs
    several times more)."""

    start: int  #: 0-based offset in Document.text
    end: int
    text: str
    kind: str  #: the sentence kind (prose, address, label, heading...)
    block: int  #: index of its block in Document.blocks
    section: str  #: the text of the nearest heading above it ("" when none)
    after_salutation: bool  #: below "Dear ..." (or the document has no salutation)


#: a question used as a heading: "How do I prepare for my Flexible Cystoscopy?"
_QUESTION_TITLE = re.compile(r"^(?:How|What|When|Where|Why|Who|Which|Will|Can|Do|Does|Is|Are|Should|Must)\b[A-Za-z '&/,()-]{0,80}\?$")


def _is_title_line(line: str) -> bool:
    words = line.split()
    if 6 < len(words) <= 10:
        return bool(_QUESTION_TITLE.match(line.strip()))
    return 0 < len(words) <= 6 and bool(_TITLE_LINE.match(line.strip()))


def units(ctx) -> list[Unit]:
    """The document's sentences as detail units (headings found, the section each is in)."""
    return ctx.memo("detail_units", _units)


def _units(ctx) -> list[Unit]:
    doc = ctx.document
    text = doc.text
    sentences = ctx.sentences
    has_salutation = any(s.kind == "salutation" for s in sentences)
    out: list[Unit] = []
    section = ""
    seen_salutation = not has_salutation
    for s in sentences:
        start, end, kind = s.start, s.end, s.kind
        if kind == "salutation":
            seen_salutation = True
        if kind == "heading":
            section = _nest(out, section, text[start:end].strip())
            out.append(Unit(start, end, text[start:end], "heading", s.block, section, seen_salutation))
            continue
        # a short title line on top of a paragraph is a heading
        nl = text.find("\n", start, end)
        if nl != -1 and _is_title_line(text[start:nl]):
            section = _nest(out, section, text[start:nl].strip())
            out.append(Unit(start, nl, text[start:nl], "heading", s.block, section, seen_salutation))
            start = nl + 1
            while start < end and text[start].isspace():
                start += 1
        elif kind == "prose" and "\n" not in text[start:end] and _is_title_line(text[start:end]) and _block_is_one_line(doc, s.block, start, end):
            # a one-line paragraph that reads as a title ("What to bring")
            section = _nest(out, section, text[start:end].strip())
            out.append(Unit(start, end, text[start:end], "heading", s.block, section, seen_salutation))
            continue
        out.append(Unit(start, end, text[start:end], kind, s.block, section, seen_salutation))
    return out


def _nest(out: list[Unit], section: str, heading: str) -> str:
    """The section a new heading opens: a heading right under another (nothing between them)
    goes on from it ("How do I prepare?" then "Please follow these instructions:")."""
    if out and out[-1].kind == "heading" and section:
        return f"{section} / {heading}"
    return heading


def _block_is_one_line(doc, index: int, start: int, end: int) -> bool:
    """The block is this one line alone: a short question in the middle of a paragraph
    ("Do you need help to talk to us?" between two sentences) is not a heading."""
    block = doc.blocks[index]
    body = doc.text[block.start : block.end]
    return block.kind == "paragraph" and "\n" not in body.strip() and body.strip() == doc.text[start:end].strip()
