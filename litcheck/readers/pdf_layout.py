"""Layout of one PDF page: characters into line pieces, ruled tables, rotated text.

From what :mod:`pdf_chars` found on a page:

- rotated characters (a print code up the margin, a diagonal watermark) are set apart as
  lines of their own, never mixed into the upright text;
- glyphs drawn twice at nearly the same place (fake bold) are kept once;
- a table is only where ruled lines really form a grid of at least two rows and two
  columns that the text does not cross; a shaded panel, a coloured box, a page background
  or a lone bordered box is not a table (its text stays prose);
- upright characters become line pieces: one baseline, no gap wider than a column gutter,
  and never across the edge of a box or panel; a space goes where the file had one (or
  PDFium inferred one) or where the gap is a word space for the font's size;
- a large initial letter (a drop cap) is joined to the word it starts instead of being a
  line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .pdf_chars import Char, PageContent

_PUNCT_AFTER = re.compile(r"^[.,;:!?)\]}%’”]")


@dataclass
class Piece:
    """A run of characters on one baseline, inside one column or box."""

    chars: list
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    em: float = 0.0  #: the font size in points (median of its characters')

    @classmethod
    def of(cls, chars: list[Char]) -> "Piece":
        p = cls(chars)
        p.refresh()
        return p

    def refresh(self) -> None:
        cs = self.chars
        self.x0 = min(c.x0 for c in cs)
        self.x1 = max(c.x1 for c in cs)
        self.top = min(c.top for c in cs)
        self.bottom = max(c.bottom for c in cs)
        sizes = sorted(c.size for c in cs)
        self.size = sizes[len(sizes) // 2]
        ems = sorted(c.em for c in cs)
        self.em = ems[len(ems) // 2]
        letters = [c for c in cs if c.text.isalnum()] or cs
        self.bold = sum(c.bold for c in letters) > 0.8 * len(letters)
        rtl = sum(1 for c in letters if _rtl(c.text))
        if rtl > len(letters) / 2:
            self.text = _rtl_text(cs)
        elif rtl:
            self.text = _mixed_text(cs)
        else:
            self.text = _text(cs)


@dataclass
class Table:
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list  #: rows of cells: each cell (x0, top, x1, bottom, text)


@dataclass
class PageLayout:
    width: float
    height: float
    pieces: list[Piece] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    rotated: list[Piece] = field(default_factory=list)
    images: int = 0


def layout(content: PageContent) -> PageLayout:
    upright = [c for c in content.chars if c.upright]
    rotated = [c for c in content.chars if not c.upright]
    upright = _dedupe(upright)
    page = PageLayout(content.width, content.height, images=content.images)
    boxes = _boxes(content)
    tables, upright = _tables(content, upright)
    page.tables = tables
    page.pieces = _drawn_bullets(_markers(_drop_caps(_pieces(upright, boxes))), content.shapes)
    page.rotated = _rotated_lines(rotated)
    return page


# -- characters ---------------------------------------------------------------------------


def _rtl(text: str) -> bool:
    return bool(text) and ("\u0590" <= text[0] <= "\u08ff" or "\ufb1d" <= text[0] <= "\ufdff" or "\ufe70" <= text[0] <= "\ufefc")


def _text(chars: list[Char]) -> str:
    out = []
    prev = None
    for c in chars:
        if prev is not None and _spaced(prev, c):
            out.append(" ")
        out.append(c.text)
        prev = c
    return "".join(out)


def _spaced(prev: Char, c: Char) -> bool:
    """Is there a word space between two characters side by side, left to right?"""
    gap = c.x0 - prev.x1
    size = min(c.size, prev.size) or 1
    return ((c.space_before and gap > -0.1 * size) or gap > 0.22 * size) and not (_PUNCT_AFTER.match(c.text) and gap < 0.3 * size)


def _rtl_text(chars: list[Char]) -> str:
    """Right-to-left script: the content stream holds the logical order, and the gaps
    between letters that do not join are not word spaces."""
    return "".join((" " if c.space_before and i else "") + c.text for i, c in enumerate(sorted(chars, key=lambda c: c.index)))


def _mixed_text(chars: list[Char]) -> str:
    """A line mostly left to right with a few right-to-left words in it (an Arabic word
    beside a web address or a template field): read left to right, but each run of
    right-to-left letters (with the punctuation between them) in its logical order, as
    :func:`_rtl_text` reads a whole line, instead of letter by letter backwards."""
    strong = [(_rtl(c.text) if c.text.isalnum() or _rtl(c.text) else None) for c in chars]
    runs: list[tuple[bool, list[Char]]] = []
    for i, c in enumerate(chars):
        r = strong[i]
        if r is None:  # punctuation: right to left only between right-to-left letters
            before = next((x for x in reversed(strong[:i]) if x is not None), False)
            after = next((x for x in strong[i + 1 :] if x is not None), False)
            r = before and after
        if runs and runs[-1][0] == r:
            runs[-1][1].append(c)
        else:
            runs.append((r, [c]))
    out = ""
    for k, (r, run) in enumerate(runs):
        if k and _spaced(runs[k - 1][1][-1], run[0]):
            out += " "
        out += _rtl_text(run) if r else _text(run)
    return out


def _dedupe(chars: list[Char]) -> list[Char]:
    """Drop a glyph drawn again over itself (fake bold, shadowed text)."""
    seen: dict = {}
    out = []
    for c in chars:
        key = (c.text, round(c.top / 2), round(c.x0 / 2))
        near = seen.get(key)
        if near is not None and abs(near.x0 - c.x0) < max(1.0, 0.25 * (c.x1 - c.x0)) and abs(near.top - c.top) < 1.0:
            if not (abs(near.x0 - c.x0) < 0.01 and abs(near.x1 - c.x1) < 0.01 and c.index - near.index == 1):
                continue  # (two letters of one ligature glyph share its box exactly: keep both)
        seen[key] = c
        out.append(c)
    return out


def _baseline(c) -> float:
    return c.bottom - 0.2 * c.size


def _rows(chars: list[Char]) -> list[list[Char]]:
    """Characters that share a baseline, each row sorted left to right."""
    rows: list[list[Char]] = []
    for c in sorted(chars, key=_baseline):
        if rows:
            row = rows[-1]
            last = row[-1]
            if abs(_baseline(c) - _baseline(last)) <= 0.3 * min(c.size, last.size):
                row.append(c)
                continue
        rows.append([c])
    for row in rows:
        row.sort(key=lambda c: (c.x0, c.index))
    return rows


def _boxes(content: PageContent) -> list[tuple[float, float, float, float]]:
    """Panels and boxes that break a line of text at their edges (not the page itself)."""
    out = []
    area = content.width * content.height
    for s in content.shapes:
        w, h = s.x1 - s.x0, s.bottom - s.top
        if w < 20 or h < 8 or w * h > 0.6 * area:
            continue
        if (s.filled and not s.white) or s.stroked:
            out.append((s.x0, s.top, s.x1, s.bottom))
    return out


def _pieces(chars: list[Char], boxes) -> list[Piece]:
    pieces = []
    for row in _rows(chars):
        top = min(c.top for c in row)
        bottom = max(c.bottom for c in row)
        edges = sorted({x for b in boxes if b[1] < bottom - 1 and b[3] > top + 1 for x in (b[0], b[2])})
        run = [row[0]]
        for c in row[1:]:
            prev = run[-1]
            size = max(c.size, prev.size)
            gap = c.x0 - prev.x1
            small = min(c.size, prev.size)
            # text of very different sizes side by side is two pieces (a large step number,
            # a drop cap), but not a glyph of a smaller fallback font inside a word (a "fi"
            # ligature drawn from another font: "confi" "rming"): no space, a gap well under one
            big = max(c.size, prev.size) > 1.6 * small and (c.space_before or gap > 0.3 * small)
            edge = any(prev.x1 - 1 <= x <= c.x0 + 1 for x in edges) and gap > 0.5
            if gap > 1.2 * size or edge or (big and gap > 0.05 * size) or gap < -2 * size:
                pieces.append(Piece.of(run))
                run = [c]
            else:
                run.append(c)
        pieces.append(Piece.of(run))
    return pieces


def _drop_caps(pieces: list[Piece]) -> list[Piece]:
    """Join a large initial letter to the first line of the text it begins."""
    if len(pieces) < 3:
        return pieces
    sizes = sorted(p.size for p in pieces)
    body = sizes[len(sizes) // 2]
    out = [p for p in pieces]
    for cap in pieces:
        t = cap.text.strip()
        if not (1 <= len(t) <= 2 and t.isalpha() and cap.size > 1.8 * body):
            continue
        targets = [
            p for p in out
            if p is not cap and p.size < 0.7 * cap.size
            and -2 <= p.x0 - cap.x1 <= 2.5 * body
            and cap.top - 0.6 * p.size <= p.top <= cap.top + 0.5 * cap.size
        ]
        if not targets:
            continue
        first = min(targets, key=lambda p: p.top)
        glyph = cap.chars[0]
        joined = Char(t, cap.x0, first.chars[0].x0, first.top, first.bottom, first.size, first.chars[0].font, first.bold, 0.0, False, glyph.index, first.em)
        first.chars = [joined, replace(first.chars[0], space_before=False)] + first.chars[1:]
        first.refresh()
        first.x0 = cap.x0
        out.remove(cap)
    return out


_MARKER = re.compile(r"^(?:[•●○◦▪■□➢►✓✔–·*\-\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|\d{1,2}[.)]|[a-z][.)])$")


def _markers(pieces: list[Piece]) -> list[Piece]:
    """A list marker set apart from its text (a bullet glyph, "1.") joins the text to its right."""
    out = list(pieces)
    for m in pieces:
        if not _MARKER.match(m.text.strip()):
            continue
        mid = (m.top + m.bottom) / 2
        right = [p for p in out if p is not m and 0 <= p.x0 - m.x1 <= max(40, 4 * p.size) and p.top - 1 <= mid <= p.bottom + 1]
        if not right:
            continue
        p = min(right, key=lambda p: p.x0)
        p.chars = m.chars + p.chars
        text = m.text.strip() + " " + p.text
        p.refresh()
        p.text = text
        out.remove(m)
    return out


def _drawn_bullets(pieces: list[Piece], shapes) -> list[Piece]:
    """A bullet drawn as a shape (a small filled dot or square just left of a line, not a
    character) marks that line as a list item, as a bullet character would: the line's text
    gets a "•" in front (the list reader strips it again)."""
    dots = [
        s for s in shapes
        if s.filled and not s.white and 1.5 <= s.x1 - s.x0 <= 12 and 1.5 <= s.bottom - s.top <= 12
        and abs((s.x1 - s.x0) - (s.bottom - s.top)) <= 0.3 * max(s.x1 - s.x0, s.bottom - s.top)
    ]
    if not dots:
        return pieces
    for p in pieces:
        if _MARKER.match(p.text.split(" ", 1)[0]):
            continue
        for d in dots:
            mid = (d.top + d.bottom) / 2
            if (
                d.x1 - d.x0 <= 0.6 * p.size and 0 < p.x0 - d.x1 <= 3 * p.size
                and p.top <= mid <= p.bottom
            ):
                p.text = "• " + p.text
                break
    return pieces


def _rotated_lines(chars: list[Char]) -> list[Piece]:
    """Rotated characters as lines: runs of the content stream at one angle, in stream order
    (the order they were written in, which is the order they read in)."""
    out = []
    run: list[Char] = []
    for c in sorted(chars, key=lambda c: c.index):
        if run:
            last = run[-1]
            far = abs((c.x0 + c.x1) - (last.x0 + last.x1)) / 2 + abs((c.top + c.bottom) - (last.top + last.bottom)) / 2
            if abs(c.angle - last.angle) > 2 or far > 3 * max(c.size, last.size, 4):
                out.append(run)
                run = []
        run.append(c)
    if run:
        out.append(run)
    pieces = []
    for cs in out:
        p = Piece.of(cs)
        p.text = "".join((" " if c.space_before and i else "") + c.text for i, c in enumerate(cs)).strip()
        pieces.append(p)
    pieces.sort(key=lambda p: (p.top, p.x0))
    return pieces


# -- ruled tables -------------------------------------------------------------------------


def _edges(content: PageContent) -> list[dict]:
    edges = []
    for s in content.shapes:
        w, h = s.x1 - s.x0, s.bottom - s.top
        if s.filled and not s.stroked and min(w, h) < 3 and max(w, h) >= 5:
            if w >= h:
                y = (s.top + s.bottom) / 2
                edges.append(_edge("h", s.x0, y, s.x1, y))
            else:
                x = (s.x0 + s.x1) / 2
                edges.append(_edge("v", x, s.top, x, s.bottom))
        elif s.stroked:
            for o, x0, top, x1, bottom in s.segments:
                if max(x1 - x0, bottom - top) >= 5:
                    edges.append(_edge(o, x0, top, x1, bottom))
    return edges


def _edge(o, x0, top, x1, bottom) -> dict:
    return {"orientation": o, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "object_type": "line"}


def _tables(content: PageContent, chars: list[Char]) -> tuple[list[Table], list[Char]]:
    """Ruled grids of at least 2 x 2 cells that no text crosses; the characters left over."""
    edges = _edges(content)
    if len(edges) < 6:
        return [], chars
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    edges = merge_edges(edges, 3, 3, 3, 3)
    cells = intersections_to_cells(edges_to_intersections(edges, 1, 1))
    tables = []
    rest = chars
    for group in cells_to_tables(cells):
        xs = sorted({round(c[0], 1) for c in group} | {round(c[2], 1) for c in group})
        ys = sorted({round(c[1], 1) for c in group} | {round(c[3], 1) for c in group})
        if len(xs) < 3 or len(ys) < 3:
            continue
        x0, top = min(c[0] for c in group), min(c[1] for c in group)
        x1, bottom = max(c[2] for c in group), max(c[3] for c in group)
        inside = [c for c in rest if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom]
        if not inside:
            continue
        cell_of = _cell_finder(group, xs, ys)
        owner: dict = {}
        crossing = 0
        for c in inside:
            cell = cell_of((c.x0 + c.x1) / 2, (c.top + c.bottom) / 2)
            if cell is None:
                continue
            # text that runs across a cell's edge is not in a grid: a box drawn round prose
            if c.x0 + 0.5 < cell[0] or c.x1 - 0.5 > cell[2]:
                crossing += 1
            owner.setdefault(cell, []).append(c)
        if crossing > 0.02 * len(inside):
            continue
        taken = set()
        rows: dict = {}
        for cell in sorted(group, key=lambda c: (round(c[1]), c[0])):
            mine = owner.get(cell, [])
            taken.update(id(c) for c in mine)
            lines = [p.text for p in _pieces_in_order(mine)] if mine else []
            rows.setdefault(round(cell[1]), []).append((*cell, lines))
        tables.append(Table(x0, top, x1, bottom, [rows[k] for k in sorted(rows)]))
        rest = [c for c in rest if id(c) not in taken]
    return tables, rest


def _cell_finder(cells, xs, ys):
    """A function from a point to the cell holding it (cells may span grid squares)."""
    from bisect import bisect_right

    square: dict = {}
    for cell in cells:
        for i in range(bisect_right(xs, round(cell[0], 1)) - 1, bisect_right(xs, round(cell[2], 1) - 0.05)):
            for j in range(bisect_right(ys, round(cell[1], 1)) - 1, bisect_right(ys, round(cell[3], 1) - 0.05)):
                square.setdefault((i, j), cell)

    def find(x, y):
        return square.get((bisect_right(xs, x) - 1, bisect_right(ys, y) - 1))

    return find


def _pieces_in_order(chars: list[Char]) -> list[Piece]:
    """A cell's lines, top to bottom (a cell is one column: nothing is split at gaps)."""
    out = []
    for row in _rows(chars):
        out.append(Piece.of(row))
    return out
