"""PDF: words from pdfplumber, put back into reading order column by column.

pdfplumber's ``extract_text()`` reads a page line by line straight across, which merges
the columns of a two-column leaflet or a tri-fold and scrambles every sentence. Here the
page's words are grouped into line pieces; gutters are found as gaps in the x-coverage of
those pieces; the page is cut into horizontal bands at anything that spans a gutter (a
title across the columns, a table); and each band is read column by column.

Also: ruled tables become table cells (their words are kept out of the prose); a line
that recurs at the top or bottom of most pages, or a page number, is a header or footer;
a word hyphenated at a line end is joined again; a page with images but no text gives a
notice that it looks scanned. Every block's location is ``{"page": p}``.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

from .base import DEFAULT_LIMITS, Limits
from ..errors import InputError
from .assemble import Assembler

SCANNED = "page {page} has no text layer: it looks scanned, and litcheck cannot read images"
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
_BULLET = re.compile(r"^(?:[•●○◦▪■□➢►✓✔–—·*-]|\d{1,2}[.)]|[a-z][.)])$")
_DIGITS = re.compile(r"\d+")
#: share of the page's height at the top and bottom where running headers and footers live
_BAND = 0.12


@dataclass
class _Line:
    """A run of words on one baseline, inside one column."""

    x0: float
    x1: float
    top: float
    bottom: float
    words: list = field(default_factory=list)
    size: float = 0.0
    bold: bool = False

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class _Table:
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list


def read(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS):
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - a dependency of litcheck
        raise InputError(path, "needs pdfplumber to be read: pip install pdfplumber") from None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _open_error(exc, path, (PDFPasswordIncorrect, PDFEncryptionError)) from None
    try:
        with pdf:
            return _Reader(pdf, path).read()
    except InputError:
        raise
    except Exception as exc:
        raise _open_error(exc, path, (PDFPasswordIncorrect, PDFEncryptionError)) from None


def _open_error(exc: BaseException, path, encrypted) -> InputError:
    chain = [exc, getattr(exc, "__cause__", None), getattr(exc, "__context__", None), *getattr(exc, "args", ())]
    if any(isinstance(e, encrypted) for e in chain) or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
        return InputError(path, "is encrypted: remove the password and try again")
    return InputError(path, "is damaged or truncated and cannot be read: export it again as PDF and try again")


class _Reader:
    def __init__(self, pdf, path) -> None:
        self.pdf = pdf
        self.path = path
        self.out = Assembler()
        self.notices: list[str] = []

    def read(self):
        pages = []
        scanned = []
        text_pages = 0
        for number, page in enumerate(self.pdf.pages, start=1):
            lines, tables, height, images = self._page(page)
            if not lines and not tables:
                if images:
                    scanned.append(number)
            else:
                text_pages += 1
            pages.append((number, lines, tables, height))
            page.close()
        if not text_pages:
            if scanned:
                raise InputError(self.path, "has no text layer: it looks scanned, and litcheck cannot read images")
            raise InputError(self.path, "has no text to check")
        self.notices = [SCANNED.format(page=n) for n in scanned]
        running = _running_lines(pages)
        for number, lines, tables, height in pages:
            self._emit_page(number, lines, tables, height, running)
        return self.out.document(self.path, "pdf", notices=self.notices)

    # -- one page: words, lines and tables ------------------------------------------------

    def _page(self, page):
        """(lines, tables, height, has images) for one page.

        The fast device reads the characters; only a page that draws lines or rectangles
        (where a table may be) is handed to pdfplumber, whose table finder needs them.
        """
        from pdfplumber.utils import extract_words

        from .pdf_chars import page_chars

        device = page_chars(self.pdf, page)
        if device.paths < 3:  # a table needs ruled edges; one background box is not one
            if not device.chars:
                return [], [], page.height, device.images
            words = extract_words(device.chars, x_tolerance=2, y_tolerance=2, extra_attrs=["size", "fontname"])
            return _lines(words), [], page.height, device.images
        if not page.chars:
            return [], [], page.height, bool(page.images)
        tables: list[_Table] = []
        for t in page.find_tables():
            x0, top, x1, bottom = t.bbox
            tables.append(_Table(x0, x1, top, bottom, t.extract()))
        words = page.extract_words(x_tolerance=2, y_tolerance=2, extra_attrs=["size", "fontname"])
        if tables:
            words = [w for w in words if not any(_inside(w, t) for t in tables)]
        return _lines(words), tables, page.height, bool(page.images)

    # -- emitting blocks ------------------------------------------------------------------

    def _emit_page(self, number, lines, tables, height, running) -> None:
        loc = {"page": number}
        headers, footers, body = [], [], []
        for line in lines:
            key = _running_key(line.text)
            in_top = line.bottom < height * _BAND
            in_bottom = line.top > height * (1 - _BAND)
            if (in_top or in_bottom) and (key in running or _PAGE_NUMBER.match(line.text)):
                (headers if in_top else footers).append(line)
            else:
                body.append(line)
        for line in headers:
            self.out.add("header", line.text, loc)
        items = body + tables
        if items:
            body_size = _median([ln.size for ln in body]) if body else 0
            for group in _reading_order(items):
                if isinstance(group, _Table):
                    self._emit_table(group, loc)
                else:
                    self._emit_column(group, loc, body_size)
        for line in footers:
            self.out.add("footer", line.text, loc)

    def _emit_table(self, table: _Table, loc) -> None:
        self._table_no = getattr(self, "_table_no", 0) + 1
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row, start=1):
                if cell:
                    self.out.add("table_cell", _join_lines(cell.split("\n")), {**loc, "table": self._table_no, "row": r, "cell": c})

    def _emit_column(self, lines: list[_Line], loc, body_size: float) -> None:
        """Lines of one column, top to bottom, into headings, list items and paragraphs."""
        para: list[_Line] = []
        kind = "paragraph"
        level = 0

        def flush():
            nonlocal para, kind, level
            if para:
                self.out.add(kind, _join_lines([ln.text for ln in para]), loc, level)
            para, kind, level = [], "paragraph", 0

        sizes = sorted({round(ln.size, 1) for ln in lines if ln.size > body_size * 1.15}, reverse=True)
        prev = None
        for line in lines:
            is_heading = body_size and line.size > body_size * 1.15
            first = line.words[0]["text"]
            bullet = _BULLET.match(first) and len(line.words) > 1
            gap = line.top - prev.bottom if prev else 0
            spacing = max(line.size, prev.size if prev else 0) or 10
            new_block = (
                prev is None
                or gap > spacing * 0.9
                or bullet
                or is_heading != (kind == "heading")
                or (kind == "heading" and abs(line.size - prev.size) > 0.5)
                or (kind == "list_item" and line.x0 < para[0].x0 - 1 and not bullet)
            )
            if new_block:
                flush()
                if is_heading:
                    kind, level = "heading", min(sizes.index(round(line.size, 1)) + 1, 6) if round(line.size, 1) in sizes else 1
                elif bullet:
                    kind = "list_item"
                    line = _Line(line.x0, line.x1, line.top, line.bottom, line.words[1:], line.size, line.bold)
            para.append(line)
            prev = line
        flush()


def _inside(word, table: _Table) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return table.x0 <= cx <= table.x1 and table.top <= cy <= table.bottom


def _median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0


def _lines(words) -> list[_Line]:
    """Words into line pieces: same baseline, and no gap wider than a column gutter."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (round(w["bottom"]), w["x0"]))
    rows: list[list] = []
    for w in words:
        if rows and abs(rows[-1][0]["bottom"] - w["bottom"]) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = _median([w["size"] for w in row])
        max_gap = max(size * 1.2, 6)
        current = None
        for w in row:
            if current is not None and w["x0"] - current.x1 <= max_gap:
                current.words.append(w)
                current.x1 = max(current.x1, w["x1"])
                current.top = min(current.top, w["top"])
                current.bottom = max(current.bottom, w["bottom"])
            else:
                current = _Line(w["x0"], w["x1"], w["top"], w["bottom"], [w])
                lines.append(current)
    for ln in lines:
        ln.size = _median([w["size"] for w in ln.words])
        ln.bold = all("bold" in (w.get("fontname") or "").lower() for w in ln.words)
    return lines


def _gutters(items) -> list[tuple[float, float]]:
    """x-intervals that (almost) no line piece crosses, with text on both sides."""
    lines = [i for i in items if isinstance(i, _Line)]
    if len(lines) < 4:
        return []
    left = min(i.x0 for i in lines)
    right = max(i.x1 for i in lines)
    width = right - left
    if width <= 0:
        return []
    steps = int(width) + 1
    cover = [0] * steps
    for ln in lines:
        a = int(ln.x0 - left)
        b = min(int(ln.x1 - left), steps - 1)
        for x in range(a, b + 1):
            cover[x] += 1
    allowed = max(1, len(lines) // 12)  # titles that span the columns
    min_gap = max(8.0, _median([ln.size for ln in lines]) * 0.8)
    min_col = max(40.0, width * 0.1)
    gutters = []
    x = 0
    while x < steps:
        if cover[x] <= allowed:
            start = x
            while x < steps and cover[x] <= allowed:
                x += 1
            if x - start >= min_gap:
                gutters.append((left + start, left + x))
        x += 1
    # keep gutters that leave a real column on each side
    result = []
    edges = [left] + [g for pair in gutters for g in pair] + [right]
    bounds = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    for i, g in enumerate(gutters):
        lo, hi = bounds[i], bounds[i + 1]
        if lo[1] - lo[0] < min_col or hi[1] - hi[0] < min_col:
            continue
        n_left = sum(1 for ln in lines if lo[0] - 1 <= ln.x0 and ln.x1 <= g[0] + 1)
        n_right = sum(1 for ln in lines if g[1] - 1 <= ln.x0 and ln.x1 <= hi[1] + 1)
        if n_left >= 2 and n_right >= 2:
            result.append(g)
    return result


def _reading_order(items):
    """Yield tables and lists of lines (one column of one band), in reading order."""
    gutters = _gutters(items)
    if not gutters:
        yield from _flow(sorted(items, key=lambda i: i.top))
        return
    cuts = [(g[0] + g[1]) / 2 for g in gutters]

    def column(item):
        cols = {sum(1 for c in cuts if c < x) for x in (item.x0 + 0.5, item.x1 - 0.5)}
        return cols.pop() if len(cols) == 1 else None  # None: spans a gutter

    band: dict[int, list] = {}
    for item in sorted(items, key=lambda i: i.top):
        col = column(item)
        if col is None:
            yield from _flush_band(band)
            band = {}
            yield from _flow([item])
        else:
            band.setdefault(col, []).append(item)
    yield from _flush_band(band)


def _flush_band(band):
    for col in sorted(band):
        yield from _flow(band[col])


def _flow(items):
    """Consecutive lines as one group; a table on its own."""
    run: list[_Line] = []
    for item in items:
        if isinstance(item, _Table):
            if run:
                yield run
                run = []
            yield item
        else:
            run.append(item)
    if run:
        yield run


def _join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines, mending words hyphenated at a line end ("appoint-" "ment")."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif re.search(r"[A-Za-z]-$", out) and line[:1].islower() and not re.search(r"(?:^|\s)[A-Za-z]-$", out):
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _running_lines(pages) -> set[str]:
    """Texts (digits masked) at the top or bottom of most pages: running headers/footers."""
    if len(pages) < 2:
        return set()
    counts: Counter = Counter()
    for _, lines, _, height in pages:
        keys = {
            _running_key(ln.text)
            for ln in lines
            if ln.bottom < height * _BAND or ln.top > height * (1 - _BAND)
        }
        counts.update(keys)
    text_pages = sum(1 for p in pages if p[1])
    need = max(2, (text_pages + 1) // 2)
    return {k for k, n in counts.items() if n >= need}
