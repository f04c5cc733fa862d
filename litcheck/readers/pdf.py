"""PDF: the page as a person reads it, block by block.

The characters, boxes and ruled lines of each page come from PDFium (:mod:`pdf_chars`,
fast and in C); :mod:`pdf_layout` turns them into line pieces, real ruled tables and
rotated furniture. Here the pieces are put into reading order column by column: gutters
are found as gaps in the x-coverage of the pieces; the page is cut into horizontal bands
at anything that spans a gutter (a title across the columns, a table); and each band is
read column by column, then each column into headings, list items and paragraphs.

Across pages: a line that recurs at the top or bottom of most pages, a page number, or a
browser's print header or footer (the date and time, the page's address, "1/2") is a
header or footer; a line that opens "Figure 2:" or "Table 1." is a caption, a block of its
own that is not scored as prose; a paragraph cut by a page break is joined again; a word hyphenated at a
line end is mended only when the joined word is a word ("appoint-" "ment"), and a real
hyphen is kept ("consultant-" "led", a web address). Rotated text (a print code up the
margin, a diagonal watermark) is a footer of its page, never prose. Every block's location
is its page and its box on the page in points from the top left (``x0``, ``top``, ``x1``,
``bottom``), so ``litcheck extract --format json`` shows where each block came from.

A file with no text layer at all (a scan) is an InputError that says so and asks for the
original document; a scanned page among text pages gives a notice. A hostile file is
refused in one line before PDFium parses it (:mod:`pdf_budget`: streams that unpack past
the budget, forms drawn inside forms, too many objects), and while it is read (too many
pages, more characters than ``Limits.max_chars``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import DEFAULT_LIMITS, Limits
from ..errors import InputError
from .assemble import Assembler
from .picture_labels import CAPTION_MAX_WORDS

SCANNED = "page {page} has no text layer: it looks scanned, and litcheck cannot read images"
NO_TEXT_LAYER = (
    "has no text layer: it looks scanned, so there is no text to check "
    "(litcheck cannot read images): ask for the original document (Word or a PDF saved from it) and check that"
)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
#: what a browser prints at the top and foot of each page: date and time, the address, "1/2"
_BROWSER = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[ap]m)?\b|^(?:file|https?)://\S+(?:\s+\d{1,3}/\d{1,3})?$|^\d{1,3}/\d{1,3}$",
    re.I,
)
_BULLET = re.compile(r"^(?:[•●○◦▪■□➢►✓✔–—·*\-\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|\d{1,2}[.)]|[a-z][.)])$")
_DIGITS = re.compile(r"\d+")
#: a figure's or table's caption: "Figure 2: Where to park", "Table 1. Clinic times"
#: (not "Table 2 shows ...": the number is followed by a colon, a full stop or a dash)
_CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Table|Diagram|Chart|Picture|Image|Photo|Illustration|Map)\s+\d{1,3}[a-z]?\s*[:.\u2013\u2014-]\s+\S"
)
#: share of the page's height at the top and bottom where running headers and footers live
_BAND = 0.12


@dataclass
class _Pending:
    """A block before the document is put together (pages may still join or relabel it)."""

    kind: str
    text: str
    page: int
    box: tuple
    level: int = 0
    location: dict = field(default_factory=dict)


def read(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS):
    try:
        from .pdf_chars import open_document
    except ImportError:  # pragma: no cover - a dependency of litcheck (through pdfplumber)
        raise InputError(path, "needs pypdfium2 to be read: pip install pdfplumber") from None
    from .pdf_budget import check

    check(data, path, limits.max_unpacked, limits.max_operations, limits.max_objects, limits.max_page_operations)
    try:
        doc = open_document(data)
    except Exception as exc:
        raise _open_error(exc, path) from None
    try:
        return _Reader(doc, path, limits).read()
    except InputError:
        raise
    except Exception as exc:
        raise _open_error(exc, path) from None
    finally:
        from .pdf_chars import LOCK

        with LOCK:
            doc.close()


def _open_error(exc: BaseException, path) -> InputError:
    message = str(exc).lower()
    if "password" in message or "encrypt" in message or "security" in message:
        return InputError(path, "is encrypted: remove the password and try again")
    return InputError(path, "is damaged or truncated and cannot be read: export it again as PDF and try again")


class _Reader:
    def __init__(self, doc, path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.doc = doc
        self.path = path
        self.limits = limits
        self.table_no = 0
        self.last_text = ""  # the last line read into a block, for a list its lead-in opens on the next page

    def read(self):
        from .pdf_chars import read_page
        from .pdf_layout import layout

        pages = []
        scanned = []
        count = len(self.doc)
        if count > self.limits.max_pages:
            raise InputError(self.path, f"has {count:,} pages, more than litcheck reads ({self.limits.max_pages}): it checks letters and leaflets")
        chars = 0
        for number in range(count):
            content = read_page(self.doc, number, self.limits.max_chars - chars)
            if content is None:
                raise InputError(self.path, self.limits.too_much_text())
            chars += len(content.chars)
            page = layout(content)
            if not page.pieces and not page.tables:
                if page.images:
                    scanned.append(number + 1)
            pages.append(page)
        if all(not p.pieces and not p.tables for p in pages):
            if scanned or not pages:
                raise InputError(self.path, NO_TEXT_LAYER)
            raise InputError(self.path, "has no text to check")
        running = _running_lines(pages)
        blocks: list[_Pending] = []
        for number, page in enumerate(pages, start=1):
            blocks.extend(self._page_blocks(number, page, running))
        blocks = _join_across_pages(blocks)
        out = Assembler()
        for b in blocks:
            loc = {"page": b.page, **b.location, **_box(b.box)}
            out.add(b.kind, b.text, loc, b.level)
        document = out.document(self.path, "pdf", notices=[SCANNED.format(page=n) for n in scanned])
        from .pdf_tags import pdf_layout

        document.layout = pdf_layout(self.doc, scanned, len(pages))  # tags and scanned pages, for rules/layout
        return document

    # -- one page -------------------------------------------------------------------------

    def _page_blocks(self, number, page, running) -> list[_Pending]:
        height = page.height
        headers, footers, body = [], [], []
        for line in page.pieces:
            in_top = line.bottom < height * _BAND
            in_bottom = line.top > height * (1 - _BAND)
            if (in_top or in_bottom) and _is_furniture(line, running):
                (headers if in_top else footers).append(line)
            else:
                body.append(line)
        out = [_Pending("header", ln.text, number, _bbox([ln])) for ln in headers]
        items = body + page.tables
        if items:
            body_size = _median([ln.em for ln in body]) if body else 0
            for group in _reading_order(items):
                if isinstance(group, list):
                    out.extend(self._column(group, number, body_size))
                else:
                    out.extend(self._table(group, number))
        out.extend(_Pending("footer", ln.text, number, _bbox([ln])) for ln in footers)
        out.extend(_Pending("footer", ln.text, number, _bbox([ln])) for ln in page.rotated if ln.text)
        return out

    def _table(self, table, number) -> list[_Pending]:
        self.table_no += 1
        self.last_text = ""
        out = []
        for r, row in enumerate(table.rows, start=1):
            for c, (x0, top, x1, bottom, lines) in enumerate(row, start=1):
                text = _join_lines(lines)
                if text:
                    out.append(_Pending("table_cell", text, number, (x0, top, x1, bottom), location={"table": self.table_no, "row": r, "cell": c}))
        return out

    def _column(self, lines, number, body_size: float) -> list[_Pending]:
        """Lines of one column, top to bottom, into headings, list items and paragraphs.

        A line carries on the paragraph whose last line is just above it and overlaps it
        across the page, so two questions side by side on a form stay apart even where no
        gutter runs the height of the page."""
        lines = _numbered_questions(lines)
        sizes = sorted({round(ln.em, 1) for ln in lines if body_size and ln.em > body_size * 1.15}, reverse=True)
        gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]) if -0.5 * a.size < b.top - a.bottom < 0.6 * a.size)
        usual = gaps[len(gaps) // 2] if gaps else 0.0
        paras: list[list] = []  # [kind, level, lines]

        def right_of(ls) -> float:
            """The right edge of the text these lines are set in: the furthest any line of
            the column in the same size reaches that overlaps them across the page (not a
            column beside, not a larger title above) and starts no further left than they do
            (not the wider text around an indented call-out box)."""
            x0, x1 = min(ln.x0 for ln in ls), max(ln.x1 for ln in ls)
            em = _median([ln.em for ln in ls])
            return max([x1] + [
                ln.x1 for ln in lines
                if ln.x0 < x1 and ln.x1 > x0 and ln.x0 > x0 - 2 and abs(ln.em - em) <= 0.15 * em
            ])

        for i, line in enumerate(lines):
            above = [
                p for p in paras
                if p[2][-1].top < line.top - 1 and min(p[2][-1].x1, line.x1) - max(p[2][-1].x0, line.x0) > 0
            ]
            para = max(above, key=lambda p: p[2][-1].bottom) if above else None
            if para is not None and para is not paras[-1] and any(
                q[2][-1].top < line.top - 1 and _lower_row(q[2][-1], para[2][-1]) for q in paras
            ):
                para = None  # another paragraph ends between that one and this line
            prev = para[2][-1] if para else None
            kind = para[0] if para else "paragraph"
            big = bool(body_size) and line.em > body_size * 1.15
            words = line.text.split()
            first = words[0] if words else ""
            bullet = bool(_BULLET.match(first)) and len(words) > 1
            if bullet and first[0].isdigit() and prev is not None and not re.search(r"[.!?:]$", prev.text) and line.top - prev.bottom < line.size * 0.9:
                bullet = False  # "turn" / "71 ..." : a number that carries on a sentence
            # the next line below this one (not the next on its row: a form's other column)
            nxt = next((ln for ln in lines[i + 1 : i + 20] if ln.top > line.top + 1 and min(ln.x1, line.x1) > max(ln.x0, line.x0)), None)
            bold_heading = (
                line.bold and not big and len(words) <= 12 and not re.search(r"[.,;?]$", line.text)
                and (nxt is None or not nxt.bold) and (prev is None or not prev.bold or line.top - prev.bottom > line.size * 0.9)
                and not (para and kind == "paragraph" and prev is not None and not prev.bold and line.top - prev.bottom < line.size * 0.5)
            )
            caption = bool(_CAPTION.match(line.text))
            heading = (big or bold_heading) and not caption
            gap = line.top - prev.bottom if prev else 0
            spacing = max(line.size, prev.size if prev else 0) or 10
            new_block = (
                prev is None
                or gap > max(spacing * 0.3, usual + spacing * 0.25)
                or bullet
                or caption
                or heading != (kind == "heading")
                or (kind in ("heading", "caption") and abs(line.em - prev.em) > 0.5)
                or (kind == "list_item" and line.x0 < para[2][0].x0 - 1 and not bullet
                    # (a wrapped item's next line may start under its bullet)
                    and not (not re.search(r"[.!?:;]$", prev.text) and not _ends_short(prev, line, right_of(para[2] + [line]))))
            )
            if new_block:
                kind, level = "paragraph", 0
                if heading:
                    kind = "heading"
                    r = round(line.em, 1)
                    level = min(sizes.index(r) + 1, 6) if big and r in sizes else min(len(sizes) + 1, 6)
                elif caption:
                    kind = "caption"
                elif bullet:
                    kind = "list_item"
                    line = _strip_marker(line)
                paras.append([kind, level, [line]])
            else:
                para[2].append(line)
        out = []
        runs = []
        for para in paras:
            runs.extend(_list_runs(para, right_of(para[2]), lead_in=bool(_LEAD_IN.search(runs[-1][2][-1].text if runs else self.last_text))))
            if runs:
                self.last_text = runs[-1][2][-1].text
        for k, lv, ls in runs:
            right = right_of(ls)
            hard = [False] + [k != "heading" and _ends_short(a, b, right) for a, b in zip(ls, ls[1:])]
            text = _join_lines([ln.text for ln in ls], hard)
            if k == "heading" and (len(ls) > 3 or len(text.split()) > 20):
                k, lv = "paragraph", 0  # large print that runs on (a notice in a box) is not a title
            if k == "caption" and len(text.split()) > CAPTION_MAX_WORDS:
                k = "paragraph"
            out.append(_Pending(k, text, number, _bbox(ls), lv))
        return out


#: a form's question number, in bold, set apart (in a circle or a box) from its question
_QUESTION_NUMBER = re.compile(r"^\d{1,2}$")


def _numbered_questions(lines: list) -> list:
    """A form's question number in bold ("1" in a circle) just left of its question on the
    same row ("Child's official name") opens that line, instead of being read as a
    sentence of its own. Done once the reading order is known, so the number still
    counts where the columns are found."""
    from .pdf_layout import Piece

    out: list = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            nxt is not None and line.bold and _QUESTION_NUMBER.match(line.text.strip())
            and 0 <= nxt.x0 - line.x1 <= 3 * max(line.size, nxt.size)
            and nxt.top - 1 <= (line.top + line.bottom) / 2 <= nxt.bottom + 1 and nxt.text[:1].isupper()
        ):
            text = line.text.strip() + " " + nxt.text
            out.append(Piece(line.chars + nxt.chars, text, line.x0, nxt.x1, min(line.top, nxt.top), max(line.bottom, nxt.bottom), nxt.size, nxt.bold, nxt.em))
            skip = True
        else:
            out.append(line)
    return out


def _lower_row(line, other) -> bool:
    """Does ``line`` stand on a row below ``other`` (its top more than half a line lower)?
    Lines side by side on one row may sit a point apart ("DD MM YYYY" beside the first
    line of a question's help text on a form): that is not a row in between."""
    return line.top > other.top + 0.5 * (other.bottom - other.top)


#: a line that introduces a list: "you may be offered either:", "as follows", "the following"
_LEAD_IN = re.compile(r"(?::|\b(?:as\s+below|as\s+follows|the\s+following))\s*$", re.I)


def _opening(text: str) -> list[str]:
    return text.lower().split()[:2]


def _list_runs(para, right: float, lead_in: bool = False) -> list:
    """A paragraph cut where its lines are list items that lost their bullets (a web page
    printed without them): a line that ends short above a line in lower case, when two or more
    lines in a row end short ("start to feel worse at any time" / "do not feel better after
    ..." / "do not have an inhaler"), when the next line opens with the paragraph's first two
    words ("do not smoke ..." / "do not take medicines ..."), or when the paragraph follows a
    lead-in ("you may be offered either:") or holds one above the line ("See a GP if:").
    Once a paragraph is a list, a short line above one that starts with a number ends its
    item too ("... (MART) inhaler" / "2 separate inhalers"). One line ended short above a
    lower-case line with none of these is a sentence the writer broke by hand, and stays
    whole."""
    kind, level, ls = para
    if kind != "paragraph" or len(ls) < 2:
        return [para]
    short = [_fits(a, b, right) for a, b in zip(ls, ls[1:])]
    head = _opening(ls[0].text)
    open_ = [short[i] and not re.search(r"[,;]$", ls[i].text) for i in range(len(short))]
    led, seen = [], lead_in  # a lead-in line of the paragraph itself ("See a GP if:") counts too
    for line in ls[:-1]:
        seen = seen or bool(_LEAD_IN.search(line.text))
        led.append(seen)
    cut = [
        open_[i] and ls[i + 1].text[:1].islower()
        and (led[i] or (i > 0 and short[i - 1]) or (i + 1 < len(short) and short[i + 1])
             or (len(head) == 2 and _opening(ls[i + 1].text) == head))
        for i in range(len(short))
    ]
    if not any(cut):
        return [para]
    cut = [c or (open_[i] and ls[i + 1].text[:1].isdigit()) for i, c in enumerate(cut)]
    out, run = [], [ls[0]]
    for i, line in enumerate(ls[1:]):
        if cut[i]:
            out.append([kind, level, run])
            run = []
        run.append(line)
    out.append([kind, level, run])
    return out


def _ends_short(line, nxt, right: float) -> bool:
    """Did the writer end ``line`` here, before a line that starts with a capital, rather
    than the text wrap? (:func:`_fits`.) The break is kept as a line break in the block's
    text, so the sentence splitter can tell "How asthma is diagnosed" above "If you ..."
    from one sentence (litcheck/segment.py). A next line in lower case or starting with a
    number carries the sentence on, whatever the gap ("in room" / "14 beside the lifts")."""
    words = nxt.text.split()
    if not words or not re.match(r"[\"'“‘(]?[A-Z•]", words[0]):
        return False
    return _fits(line, nxt, right)


def _fits(line, nxt, right: float) -> bool:
    """Would the first word of ``nxt`` have fitted at the end of ``line``, before the
    column's right edge (``right``: the furthest any line of the column reaches)? Then the
    writer ended the line there, and the text did not wrap: a heading, a form label, a list
    item or the last line of a paragraph set close above the next one ends short; a
    wrapped line is full."""
    words = nxt.text.split()
    if not words or line.text.rstrip().endswith(("-", "/")):
        return False  # a word or web address broken at a line end: only its first part had to fit
    size = max(line.size, nxt.size) or 10
    return line.x1 + 0.3 * size + _first_word_width(nxt) < right - 0.5 * size


def _first_word_width(line) -> float:
    """How wide the first word of a line is drawn: from its first character to the last
    one before a space."""
    chars = line.chars
    if not chars:
        return 0.0
    end = chars[0].x1
    for prev, c in zip(chars, chars[1:]):
        if c.space_before or c.x0 - prev.x1 > 0.22 * (min(c.size, prev.size) or 1) or c.text.isspace():
            break
        end = c.x1
    return end - chars[0].x0


def _strip_marker(line):
    from .pdf_layout import Piece

    marker = line.text.split()[0]
    stripped = Piece(line.chars, line.text[len(marker):].strip(), line.x0, line.x1, line.top, line.bottom, line.size, line.bold, line.em)
    return stripped


def _is_furniture(line, running: dict) -> bool:
    text = line.text
    pages = running.get(_running_key(text)) if running else None
    if pages and sum(1 for tops in pages if any(abs(t - line.top) <= 4 for t in tops)) >= running["need"]:
        return True
    return bool(_PAGE_NUMBER.match(text)) or bool(_BROWSER.match(text.strip()))


def _bbox(lines) -> tuple:
    return (min(ln.x0 for ln in lines), min(ln.top for ln in lines), max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))


def _box(box) -> dict:
    x0, top, x1, bottom = box
    return {"x0": int(round(x0)), "top": int(round(top)), "x1": int(round(x1)), "bottom": int(round(bottom))}


def _median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0


# -- reading order ------------------------------------------------------------------------


def _gutters(items) -> list[tuple[float, float]]:
    """x-intervals that (almost) no line piece crosses, with text on both sides."""
    from .pdf_layout import Piece

    lines = [i for i in items if isinstance(i, Piece)]
    if len(lines) < 4:
        return []
    left = min(i.x0 for i in lines)
    right = max(i.x1 for i in lines)
    width = right - left
    if width <= 0:
        return []
    steps = int(width) + 1
    cover = [0] * (steps + 1)
    for ln in lines:  # a difference array: +1 where a piece starts, -1 after it ends
        cover[max(0, int(ln.x0 - left))] += 1
        cover[min(int(ln.x1 - left), steps - 1) + 1] -= 1
    run = 0
    for x in range(steps):
        run += cover[x]
        cover[x] = run
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
        yield from _flow(_by_rows(items))
        return
    cuts = [(g[0] + g[1]) / 2 for g in gutters]

    def column(item):
        cols = {sum(1 for c in cuts if c < x) for x in (item.x0 + 0.5, item.x1 - 0.5)}
        return cols.pop() if len(cols) == 1 else None  # None: spans a gutter

    from .pdf_layout import Piece

    apart = 2.5 * (_median([i.size for i in items if isinstance(i, Piece)]) or 10)
    band: dict[int, list] = {}
    across: list = []  # consecutive lines that span the gutters: one flow (a paragraph above the columns)
    for item in _by_rows(items):
        col = column(item)
        if col is None:
            yield from _flush_band(band)
            band = {}
            across.append(item)
        elif across and _carries_on(across[-1], item):
            across.append(item)  # the short last line of a paragraph that spans the columns
        else:
            if across:
                yield from _flow(across)
                across = []
            if len(band) == 1 and item.top - max(i.bottom for i in next(iter(band.values()))) > apart:
                # a box or lines in one column, then a wide gap before the columns go on: it
                # is read before them, not between the foot of one column and the next
                yield from _flush_band(band)
                band = {}
            band.setdefault(col, []).append(item)
    yield from _flush_band(band)
    yield from _flow(across)


def _carries_on(line, item) -> bool:
    """Is ``item`` the next line of the paragraph whose line is ``line`` (just below it,
    starting where it starts)?"""
    from .pdf_layout import Piece

    return (
        isinstance(item, Piece) and isinstance(line, Piece)
        and 0 <= item.top - line.bottom < 0.8 * max(line.size, item.size)
        and abs(item.x0 - line.x0) < 2
    )


def _by_rows(items) -> list:
    """Top to bottom; items on one line (their middles within each other) left to right."""
    out: list = []
    row: list = []
    for item in sorted(items, key=lambda i: i.top):
        if row:
            head = row[0]
            mid = (item.top + item.bottom) / 2
            if head.top <= mid <= head.bottom and item.bottom - item.top < 3 * (head.bottom - head.top):
                row.append(item)
                continue
            out.extend(sorted(row, key=lambda i: i.x0))
        row = [item]
    out.extend(sorted(row, key=lambda i: i.x0))
    return out


def _flush_band(band):
    for col in sorted(band):
        yield from _reading_order(band[col]) if len(band) > 1 else _flow(band[col])


def _flow(items):
    """Consecutive lines as one group; a table on its own."""
    from .pdf_layout import Table

    run: list = []
    for item in items:
        if isinstance(item, Table):
            if run:
                yield run
                run = []
            yield item
        else:
            run.append(item)
    if run:
        yield run


# -- joining lines and pages --------------------------------------------------------------

_URLISH = re.compile(r"(?:www\.|https?://|@|\.(?:uk|com|org|net|nhs)\b|/)", re.I)


def _join_lines(lines: list[str], hard: list[bool] | None = None) -> str:
    """Join a paragraph's lines. A word hyphenated at a line end is mended when the joined
    word is a word ("appoint-" "ment"); a real hyphen is kept ("consultant-" "led"). A line
    the writer ended (``hard[i]`` for the line before line i) stays a line."""
    out = ""
    for i, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if hard and hard[i]:
            out += "\n" + line
            continue
        last = out.rsplit(" ", 1)[-1]
        if re.search(r"[^\W\d_]-$", out) and line[:1].isalpha() and len(last) > 2:
            nxt = line.split(" ", 1)[0]
            if _URLISH.search(last) or _URLISH.search(nxt) or not line[:1].islower():
                out += line
            elif _is_word(last[:-1] + re.sub(r"[^\w'-]+$", "", nxt)):
                out = out[:-1] + line
            else:
                out += line
        elif _URLISH.search(last) and last.endswith(("/", "_", "=")) and line[:1].isalnum() and " " not in line[:3]:
            out += line  # a web address broken at a slash
        else:
            out += " " + line
    return out


def _is_word(word: str) -> bool:
    """Is the word hyphen-free English (so a line-end hyphen was only a break)?"""
    try:
        from ..spelling import zipf_frequency
    except ImportError:  # pragma: no cover - a dependency of litcheck
        return True
    w = word.lower()
    if "-" in w:
        return False
    joined = zipf_frequency(w, "en")
    if joined <= 0:
        return False
    return True


def _join_across_pages(blocks: list[_Pending]) -> list[_Pending]:
    """Join a paragraph cut by a page break or a column break: it ends without a full stop
    at the foot of one page or column, and the next paragraph, at the top of the next page
    or column, starts in lower case."""
    out: list[_Pending] = []
    joined_pages: set[int] = set()
    for b in blocks:
        prev = next((o for o in reversed(out) if o.kind not in ("header", "footer")), None)
        if (
            b.kind == "paragraph" and prev is not None and prev.kind == "paragraph"
            and not re.search(r"[.!?:;)\]\"”’]$", prev.text) and b.text[:1].islower()
            and (
                (prev.page == b.page - 1 and b.page not in joined_pages
                 and not any(o.kind not in ("header", "footer") and o.page == b.page for o in out))
                or (prev.page == b.page and b.box[0] >= prev.box[2] - 1 and b.box[1] < prev.box[3])
            )
        ):
            if prev.page != b.page:
                joined_pages.add(b.page)
            prev.text = _join_lines([prev.text, b.text])
            continue
        out.append(b)
    return out


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _running_lines(pages) -> dict:
    """Texts (digits masked) at the top or bottom of most pages, each with the places it
    stands on them: running headers and footers. A line is one when its text recurs at the
    same height (within 4 pt) on most pages, so a page's title that repeats the browser's
    header text, or the last paragraphs of pages that happen to read alike, are not."""
    if len(pages) < 2:
        return {}
    places: dict = {}
    for page in pages:
        h = page.height
        seen = {}
        for ln in page.pieces:
            if ln.bottom < h * _BAND or ln.top > h * (1 - _BAND):
                seen.setdefault(_running_key(ln.text), []).append(ln.top)
        for key, tops in seen.items():
            places.setdefault(key, []).append(tops)
    text_pages = sum(1 for p in pages if p.pieces)
    need = max(2, (text_pages + 1) // 2)
    return {"need": need, **{k: v for k, v in places.items() if len(v) >= need}}
