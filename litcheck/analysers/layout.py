"""layout: how the file looks, not what it says (small type, justified text, underlining,
All caps, headings that are only bold, pictures without alternative text, pale text,
tables used for layout, PDFs without tags or with scanned pages, Easy Read pictures).

A rule names one ``check`` and its thresholds; the facts come from ``Document.layout``,
which the Word and PDF readers fill in. A document without a layout (plain text,
Markdown, a web page) is never checked: the question does not arise.

    kind: layout
    check: small_text
    min_size: {default: 12, easy_read: 14}

Each check yields (start, end, values) for the rule's ``message`` ({actual}, {expected},
{count}, {what}). A finding about a whole paragraph points at the paragraph's text, so
``litcheck annotate`` anchors its comment there; one about a picture points at the
paragraph it stands in (or the nearest one with text), one about the whole file at its start.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from ..rule import Example, Rule

#: a web or e-mail address: underlined because it is a link, even where Word has no link
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)+\.(?:uk|com|org|net)\b", re.I)
#: what Word or a camera calls a picture when nobody wrote alternative text
_DEFAULT_ALT = re.compile(r"^(?:picture|image|graphic|chart|diagram|photo|img|dsc|screenshot)[\s_-]*\d*$|\.(?:png|jpe?g|gif|bmp|emf|wmf|svg|tiff?)$", re.I)
#: the alternative text Word writes by itself, which nobody has checked
_AUTOMATIC_ALT = re.compile(r"description automatically generated", re.I)
#: lines that are bold in letters without being headings
_NOT_HEADING = re.compile(r"^(?:dear|yours|kind regards|best wishes|with best wishes|regards|re\b|regarding\b|subject\b|ref\b|our ref|your ref)", re.I)
#: a bold instruction or key fact, not a heading: "Please bring this letter", a phone
#: number, a time or a date ("Call 0300 555 0142", "Monday 6 October at 10am")
_INSTRUCTION = re.compile(r"^please\b|\d{3}|\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
#: "Label: value" on one line (NHS number: 123, Date: [date]) is a label, not a heading
_LABEL = re.compile(r"^[^:]{1,40}:\s*\S")


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour "RRGGBB" (0 black to 1 white).

    L = 0.2126 R + 0.7152 G + 0.0722 B, each channel c/255 linearised:
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4.
    """
    channels = []
    for i in (0, 2, 4):
        c = int(hex_colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21."""
    a, b = luminance(foreground), luminance(background)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _words(text: str) -> int:
    return len(text.split())


def _mostly_fields(doc, start: int, end: int) -> bool:
    """Half or more of [start, end) is template fields ("[Date: June 9, 2025]", "«Clinic»")."""
    covered = sum(min(p.end, end) - max(p.start, start) for p in doc.placeholders if p.start < end and start < p.end)
    return covered >= 0.5 * (end - start)


def _is_prose(doc, block, min_words: int) -> bool:
    """A paragraph of sentences: enough words, ending as a sentence ends, not mostly fields."""
    text = doc.block_text(block).rstrip()
    return _words(text) >= min_words and text[-1:] in (".", "?", "!") and not _mostly_fields(doc, block.start, block.end)


def _looks_in(ctx, start: int, end: int) -> list:
    """The layout's looks that start in [start, end)."""
    looks = ctx.document.layout.looks
    starts = ctx.memo("layout_look_starts", lambda c: [lk.start for lk in looks])
    return list(looks[bisect_left(starts, start) : bisect_left(starts, end)])


def _points(size: float) -> str:
    return f"{size:g}"


@dataclass(frozen=True)
class LayoutExample(Example):
    """An example with the look it is made with (see layout_examples.py)."""

    layout: Mapping = field(default_factory=dict)

    @property
    def note(self) -> str:
        """How the example's file looks, in words (shown on the rule's page)."""
        from .layout_examples import describe

        return describe(dict(self.layout))


#: check name -> its keys (name -> (required?, types)) and what file formats it reads
CHECKS: dict[str, dict] = {
    "small_text": {"min_size": (True, (int, float, dict)), "min_words": (False, (int,))},
    "justified": {"min_words": (False, (int,))},
    "underline": {},
    "all_caps": {"min_letters": (False, (int,))},
    "false_heading": {"max_words": (False, (int,)), "min_next_words": (False, (int,)), "size_step": (False, (int, float))},
    "picture_alt": {},
    "contrast": {"min_ratio": (True, (int, float)), "large_ratio": (True, (int, float)),
                 "large_size": (True, (int, float)), "large_bold_size": (True, (int, float))},
    "layout_table": {"long_cell_words": (False, (int,))},
    "pdf_tags": {},
    "scanned_pages": {},
    "picture_beside": {"min_words": (False, (int,))},
}


class LayoutRule(Rule):
    kind = "layout"
    #: every check's keys, none required here: setup() asks each check for its own
    KEYS = {"check": (True, (str,)), **{k: (False, v[1]) for c in CHECKS.values() for k, v in c.items()}}
    MESSAGE_FIELDS = frozenset({"actual", "expected", "count", "what"})

    def setup(self, spec) -> None:
        self.check_name = spec["check"]
        if self.check_name not in CHECKS:
            self._check_values("check", [self.check_name], CHECKS, "layout check")
        own = CHECKS[self.check_name]
        for key in spec:
            if key in self.KEYS and key != "check" and key not in own:
                self.fail(key, f"'{key}' is not a setting of the {self.check_name} check (it takes: {', '.join(own) or 'none'})")
        for key, (required, _types) in own.items():
            if required and key not in spec:
                self.fail("check", f"the {self.check_name} check needs '{key}'")
        self.min_size = self.by_profile("min_size", spec["min_size"]) if "min_size" in spec else {}
        self.min_words = spec.get("min_words", {"small_text": 6, "justified": 15, "picture_beside": 3}.get(self.check_name, 0))
        self.min_letters = spec.get("min_letters", 4)
        self.max_words = spec.get("max_words", 8)
        self.min_next_words = spec.get("min_next_words", 5)
        self.size_step = spec.get("size_step", 2)
        self.min_ratio = spec.get("min_ratio", 4.5)
        self.large_ratio = spec.get("large_ratio", 3.0)
        self.large_size = spec.get("large_size", 18)
        self.large_bold_size = spec.get("large_bold_size", 14)
        self.long_cell_words = spec.get("long_cell_words", 40)

    # -- examples are made as files with a look (layout_examples.py) ----------------------
    EXAMPLE_KEYS = ("text", "profile", "layout")

    def _example(self, item: dict, which: str):
        look = item.get("layout") or {}
        if not isinstance(look, dict):
            self.fail("examples", f"a {which} example's 'layout' is a mapping")
        return LayoutExample(item["text"], item.get("profile"), dict(look))

    def example_document(self, example):
        """The document an example describes: a Word file made with its look, read back."""
        from .layout_examples import example_document

        return example_document(example.text, getattr(example, "layout", {}) or {})

    # -- checking ---------------------------------------------------------------------------
    def relevant(self, ctx) -> bool:
        layout = ctx.document.layout
        if layout is None:
            return False
        if self.check_name in ("pdf_tags", "scanned_pages"):
            return ctx.document.format == "pdf"
        return ctx.document.format != "pdf"  # the PDF reader records tags and pages only

    def check(self, ctx) -> Iterator:
        if not self.relevant(ctx):
            return
        for start, end, values in getattr(self, "_" + self.check_name)(ctx):
            values = {"actual": "", "expected": "", "count": 1, "what": "", **values}
            yield ctx.finding(self, start, end, self.format_message(**values))

    # each check: (start, end, message values) ---------------------------------------------
    def _body_looks(self, ctx):
        """(look, block) for looks in body text: paragraphs, list items, table cells."""
        doc = ctx.document
        for look in doc.layout.looks:
            block = doc.block_at(look.start)
            if block is not None and block.kind in ("paragraph", "list_item", "table_cell"):
                yield look, block

    def _small_text(self, ctx):
        doc, layout = ctx.document, ctx.document.layout
        limit = self.min_size.get(ctx.profile, self.min_size["default"])
        sizes: dict = {}  # block start -> (block, Counter(size -> letters))
        for look, block in self._body_looks(ctx):
            if look.size is not None:
                sizes.setdefault(block.start, (block, Counter()))[1][look.size] += _letters(doc.text[look.start : look.end])
        main = [(b, c.most_common(1)[0][0]) for _, (b, c) in sorted(sizes.items()) if sum(c.values())]
        body = layout.body_size
        if body is not None and body < limit and main:
            at_body = [b for b, s in main if s == body] or [b for b, _ in main]
            # point at the first paragraph of prose, not a logo's place-holder or an address line
            first = next((b for b in at_body if _is_prose(doc, b, self.min_words)), at_body[0])
            yield first.start, first.end, {"what": "Most of the text is", "actual": _points(body), "expected": _points(limit), "count": len(at_body)}
        tables_seen = set()
        small = [(b, s) for b, s in main if s < limit and s != body and _words(doc.block_text(b)) >= self.min_words]
        for block, size in small:
            table = block.location.get("table") if block.kind == "table_cell" else None
            if table is not None:  # a table in small type is one finding, at its first such cell
                if table in tables_seen:
                    continue
                tables_seen.add(table)
                cells = sum(1 for b, _ in small if b.kind == "table_cell" and b.location.get("table") == table)
                what = "This table's text is" if cells > 1 else "This text is"
                yield block.start, block.end, {"what": what, "actual": _points(size), "expected": _points(limit), "count": cells}
                continue
            yield block.start, block.end, {"what": "This text is", "actual": _points(size), "expected": _points(limit)}

    def _justified(self, ctx):
        doc = ctx.document
        found = [p for p in doc.layout.paragraphs if p.alignment == "justify" and _words(doc.text[p.start : p.end]) >= self.min_words]
        if found:
            yield found[0].start, found[0].end, {"count": len(found), "actual": "justified", "expected": "left-aligned",
                                                 "what": "This paragraph is" if len(found) == 1 else f"{len(found)} paragraphs are"}

    def _runs_of(self, ctx, keep):
        """Neighbouring looks in one block that ``keep`` accepts, as (start, end) spans."""
        span = None
        for look, block in self._looks_with_blocks(ctx):
            if not keep(look):
                continue
            if span and span[2] is block and look.start - span[1] <= 1:
                span = (span[0], look.end, block)
                continue
            if span:
                yield span
            span = (look.start, look.end, block)
        if span:
            yield span

    def _looks_with_blocks(self, ctx):
        doc = ctx.document
        for look in doc.layout.looks:
            block = doc.block_at(look.start)
            if block is not None and block.kind not in ("header", "footer"):
                yield look, block

    def _underline(self, ctx):
        text = ctx.document.text
        for start, end, _block in self._runs_of(ctx, lambda lk: lk.underline and not lk.link):
            words = text[start:end]
            if _letters(_ADDRESS.sub("", words)) < 2 or _mostly_fields(ctx.document, start, end):
                continue  # a web address, a line to write on, a template field
            yield start, end, {"actual": words}

    def _all_caps(self, ctx):
        text = ctx.document.text
        for start, end, _block in self._runs_of(ctx, lambda lk: lk.caps):
            words = text[start:end]
            # typed in capitals already: style.block_capitals reads the text itself
            if _letters(words) >= self.min_letters and any(ch.islower() for ch in words) and not _mostly_fields(ctx.document, start, end):
                yield start, end, {"actual": words}

    def _false_heading(self, ctx):
        doc = ctx.document
        layout = doc.layout
        body = layout.body_size
        blocks = doc.blocks
        index = {b.start: i for i, b in enumerate(blocks)}
        for para in layout.paragraphs:
            i = index.get(para.start)
            if i is None or i + 1 >= len(blocks):
                continue
            block, after = blocks[i], blocks[i + 1]
            text = doc.block_text(block)
            if block.kind != "paragraph" or "\n" in text or para.alignment == "right":
                continue
            if not self._heading_words(ctx, block, text):
                continue
            if not self._leads_to_prose(doc, after):
                continue
            own = [lk for lk in _looks_in(ctx, block.start, block.end) if _letters(doc.text[lk.start : lk.end])]
            if not own:
                continue
            bold = all(lk.bold for lk in own)
            sizes = [lk.size for lk in own]
            big = body is not None and all(s is not None and s >= body + self.size_step for s in sizes)
            if bold or big:
                yield block.start, block.end, {"actual": text, "what": "bold" if bold and not big else "large" if not bold else "large and bold"}

    def _leads_to_prose(self, doc, after) -> bool:
        """What follows a heading: a list, or a paragraph of sentences (not an address line
        under a bold letterhead, nor a "Date: ..." line)."""
        if after.kind == "list_item":
            return True
        text = doc.block_text(after).rstrip()
        return after.kind == "paragraph" and _words(text) >= self.min_next_words and text[-1:] in (".", "?", "!", ":")

    def _heading_words(self, ctx, block, text: str) -> bool:
        """A line that reads like a heading: a few words, a capital first, no full stop."""
        words = _words(text)
        if not 1 <= words <= self.max_words or _letters(text) < 3:
            return False
        if not (text[0].isupper() or text[0].isdigit()) or text.rstrip()[-1] in ".,;":
            return False
        if _NOT_HEADING.match(text) or _LABEL.match(text) or _INSTRUCTION.search(text):
            return False
        # a template field standing for a line ("[Date: June 9, 2025]", "«Clinic»")
        return not _mostly_fields(ctx.document, block.start, block.end)

    def _picture_alt(self, ctx):
        for pic in ctx.document.layout.pictures:
            if pic.decorative:
                continue
            if not pic.alt:
                yield pic.start, pic.end, {"what": "A picture here has no alternative text", "actual": ""}
            elif _DEFAULT_ALT.match(pic.alt):
                yield pic.start, pic.end, {"what": f"A picture here has only '{pic.alt}' as its alternative text", "actual": pic.alt}
            elif _AUTOMATIC_ALT.search(pic.alt):
                yield pic.start, pic.end, {"what": f"A picture here has alternative text Word wrote by itself ('{pic.alt[:80]}'): check that it says what the picture means", "actual": pic.alt}

    def _contrast(self, ctx):
        text = ctx.document.text

        def failing(look) -> float | None:
            if look.colour is None or look.background is None:
                return None
            ratio = contrast_ratio(look.colour, look.background)
            large = look.size is not None and (look.size >= self.large_size or (look.bold and look.size >= self.large_bold_size))
            need = self.large_ratio if large else self.min_ratio
            return ratio if ratio < need else None

        for start, end, _block in self._runs_of(ctx, lambda lk: failing(lk) is not None and _letters(text[lk.start : lk.end]) > 0):
            looks = _looks_in(ctx, start, end)
            worst = min(failing(lk) for lk in looks)
            large = all(lk.size is not None and (lk.size >= self.large_size or (lk.bold and lk.size >= self.large_bold_size)) for lk in looks)
            need = self.large_ratio if large else self.min_ratio
            yield start, end, {"actual": f"{worst:.1f}:1", "expected": f"{need:g}:1",
                               "what": f"#{looks[0].colour} on #{looks[0].background}"}

    def _layout_table(self, ctx):
        from .patterns import body_start

        doc = ctx.document
        top = body_start(ctx)  # after "Dear ...,": a letterhead or address table above it is not read as the letter
        for table in doc.layout.tables:
            if table.header_row or table.end <= top:
                continue
            if table.rows == 1 or table.columns == 1:
                what = f"a table of {table.rows} row{'s' if table.rows != 1 else ''} and {table.columns} column{'s' if table.columns != 1 else ''}"
            elif table.longest_cell_words >= self.long_cell_words:
                what = f"a table whose cells hold paragraphs of text ({table.longest_cell_words} words in one cell)"
            else:
                continue
            first = doc.block_at(table.start)
            end = first.end if first is not None else table.start
            yield table.start, end, {"what": what, "count": table.number}

    def _pdf_tags(self, ctx):
        if ctx.document.layout.tagged is False:
            yield 0, 0, {}

    def _scanned_pages(self, ctx):
        pages = ctx.document.layout.pages_without_text
        if pages:
            names = ", ".join(str(p) for p in pages)
            yield 0, 0, {"actual": names, "count": len(pages), "what": f"Page {names} is" if len(pages) == 1 else f"Pages {names} are"}

    def _picture_beside(self, ctx):
        doc = ctx.document
        layout = doc.layout
        pictures = layout.pictures
        points = []  # (start, end, location) of each point: a table row, or a paragraph
        rows: dict = {}
        for para in layout.paragraphs:
            block = doc.block_at(para.start)
            if block is None or block.kind == "heading" or _words(doc.block_text(block)) < self.min_words:
                continue
            loc = para.location
            if "table" in loc:
                key = (loc["table"], loc.get("row"))
                if key not in rows:
                    rows[key] = (para.start, para.end, loc)
                    points.append(rows[key])
            elif block.kind in ("paragraph", "list_item"):
                points.append((para.start, para.end, loc))
        if not points:
            return
        if not pictures:
            yield points[0][0], points[0][1], {"what": "This Easy Read document has no pictures", "count": len(points)}
            return
        near_rows = {(p.location.get("table"), p.location.get("row")) for p in pictures if "table" in p.location}
        near_paras = {p.location["paragraph"] + d for p in pictures if "paragraph" in p.location and "table" not in p.location for d in (-1, 0, 1)}
        for start, end, loc in points:
            if "table" in loc:
                if (loc["table"], loc.get("row")) in near_rows:
                    continue
            elif loc.get("paragraph") in near_paras:
                continue
            yield start, end, {"what": "This point has no picture beside it"}


KIND = LayoutRule
