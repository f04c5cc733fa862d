"""Markdown (.md): headings, paragraphs, list items and table cells, via markdown-it-py.

The Document's text is the file's text, so lines and columns in a finding are the file's;
each block spans its content without the Markdown markers ("# ", "- ", "> ").
HTML comments (where suppressions live) and code blocks are not prose and make no block.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .base import DEFAULT_LIMITS, Limits
from ..document import Block, Document
from ..textpatterns import offsets
from .decode import decode_text

_MARKER = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def read(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    return parse(decode_text(data, path), path)


def parse(text: str, path: str | None = None) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Blank out YAML front matter, keeping every offset where it was.
    source = _FRONT_MATTER.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return Document.build(text, list(_blocks(source)), path=path, format="md")


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i in offsets(text, "\n")]


def _blocks(text: str):
    tokens = _parser().parse(text)
    starts = _line_starts(text)
    lines = text.split("\n")
    containers: list[str] = []
    heading_level = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("list_item_open", "td_open", "th_open", "heading_open", "tr_open"):
            containers.append(tok.type)
            if tok.type == "heading_open":
                heading_level = int(tok.tag[1])
            if tok.type == "tr_open":
                yield from _table_row(tok, text, starts, lines)
            continue
        if tok.type in ("list_item_close", "td_close", "th_close", "heading_close", "tr_close"):
            if containers:
                containers.pop()
            continue
        if tok.type != "inline" or tok.map is None or "tr_open" in containers:
            continue
        kind = "paragraph"
        if containers and containers[-1] == "heading_open":
            kind = "heading"
        elif "list_item_open" in containers:
            kind = "list_item"
        first, last = tok.map
        if kind == "heading" and last - first > 1 and _SETEXT.match(lines[last - 1]):
            last -= 1
        block = _span(kind, text, starts, lines, first, last)
        if block is not None:
            depth = containers.count("list_item_open") - 1 if kind == "list_item" else 0
            level = heading_level if kind == "heading" else max(depth, 0)
            yield Block(block[0], block[1], block[2], {"line": first + 1}, level=level)


def _span(kind, text, starts, lines, first, last):
    line = lines[first]
    marker = _MARKER.match(line)
    start = starts[first] + (marker.end() if marker else 0)
    end_line = lines[last - 1]
    end = starts[last - 1] + len(end_line.rstrip())
    if kind == "heading":
        closing = _CLOSING_HASHES.search(text[start:end])
        if closing:
            end = start + closing.start()
    if end <= start:
        return None
    return kind, start, end


def _table_row(tok, text, starts, lines):
    """Table cells on the row's line: split at unescaped pipes."""
    first = tok.map[0]
    line = lines[first]
    if re.match(r"^\s*\|?\s*:?-{3,}", line):
        return
    pos = starts[first]
    cells = [(m.start(), m.end()) for m in re.finditer(r"(?:\\\||[^|])+", line)]
    for col, (s, e) in enumerate(cells, start=1):
        raw = line[s:e]
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        if not stripped:
            continue
        yield Block("table_cell", pos + s + lead, pos + s + lead + len(stripped), {"line": first + 1, "cell": col})
