"""HTML (.html, .htm): the visible text, as headings, paragraphs, list items and table cells.

Scripts, styles, navigation, the page's own header and footer, forms' hidden parts and
hidden elements are not what a patient reads, so they make no block. Template tags
(``{{ name }}``, ``{% if %}``) are text here, so placeholders are found as in any format.
Each block's location is the source line its element starts on: ``{"line": n}`` (table
cells add ``table``, ``row`` and ``cell``).
"""

from __future__ import annotations

import re

from .base import DEFAULT_LIMITS, Limits
from ..errors import InputError
from .assemble import Assembler
from .decode import decode_text
from .picture_labels import is_caption, is_picture_label

#: elements whose content is never shown as text
_SKIP = frozenset(
    "head script style noscript template nav svg math iframe object embed canvas select "
    "datalist audio video map button textarea input".split()
)
#: elements that start a new block; the value is the block kind (None: inherit the enclosing one)
_BLOCKS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "p": None, "div": None, "section": None, "article": None, "main": None, "aside": None,
    "blockquote": None, "address": None, "pre": None, "figure": None, "figcaption": "caption",
    "dl": None, "dt": None, "dd": None, "ul": None, "ol": None, "li": "list_item",
    "table": None, "caption": "caption", "thead": None, "tbody": None, "tfoot": None, "tr": None,
    "td": "table_cell", "th": "table_cell", "form": None, "fieldset": None, "legend": None,
    "details": None, "summary": None, "hr": None, "body": None, "html": None,
    "header": None, "footer": None,
}
#: elements that show a picture: short text in the same block is the picture's label
_PICTURES = frozenset("img picture svg canvas object embed".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ANGLE_FIELD = re.compile(r"<<([^<>\n]{1,60}?)>>")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> "Document":  # noqa: F821
    return parse(_decode(data, path), path)


def _decode(data: bytes, path: str | None) -> str:
    m = _CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and _ascii_compatible(m.group(1).decode("ascii")):
        try:
            return data.decode(m.group(1).decode("ascii")).replace("\r\n", "\n")
        except (LookupError, UnicodeError, ValueError, TypeError):
            pass
    return decode_text(data, path)


_PROBE = "<meta charset=x> Aa09"


def _ascii_compatible(name: str) -> bool:
    """Whether a declared charset can be the truth of a page whose <meta> was read as ASCII.

    A page that says charset=utf-16 in ASCII bytes is not UTF-16 (browsers read it as
    UTF-8); punycode, "undefined", rot13 and the bytes-to-bytes codecs are not page charsets.
    """
    import codecs

    try:
        info = codecs.lookup(name)
        if not getattr(info, "_is_text_encoding", True):
            return False
        return _PROBE.encode("ascii").decode(info.name) == _PROBE
    except (LookupError, UnicodeError, ValueError, TypeError):
        return False


def parse(text: str, path: str | None = None):
    import lxml.html
    from lxml import etree

    if not text.strip():
        raise InputError(path, "is empty: there is no text to check")
    # An XML declaration in a str makes lxml refuse it; it says nothing HTML needs.
    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", text)
    # <<Name>> is a merge field, not a tag: escape it so the parser keeps it as text.
    text = _ANGLE_FIELD.sub(lambda m: "&lt;&lt;" + m.group(1) + "&gt;&gt;", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"cannot be read as HTML ({exc}): check the file") from None
    walker = _Walker()
    walker.walk(root, "paragraph", 0)
    walker.flush()
    out = walker.out
    if not len(out):
        raise InputError(path, "has no visible text to check")
    doc = out.document(path, "html")
    from .html_pictures import html_layout  # pictures and their alt text, for rules/layout

    doc.layout = html_layout(root, doc, _left_out)
    return doc


def _left_out(el) -> bool:
    """An element whose content the reader leaves out of the text."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    return tag in _SKIP or _hidden(el) or (tag in ("header", "footer") and _is_page_chrome(el))


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_page_chrome(el) -> bool:
    """A <header> or <footer> of the page itself, not of an article or section."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag in ("article", "main", "section", "td", "li"):
            return False
        parent = parent.getparent()
    return True


class _Walker:
    def __init__(self) -> None:
        self.out = Assembler()
        self.parts: list[str] = []
        self.kind = "paragraph"
        self.level = 0
        self.location: dict = {}
        self.table = 0
        self.cell: dict | None = None
        self.picture = False  # a picture in the block being collected

    def flush(self) -> None:
        if self.parts:
            text = "".join(self.parts)
            kind = self.kind
            if kind == "caption" and not is_caption(text):
                kind = "paragraph"  # a long <figcaption> is a paragraph
            elif kind in ("paragraph", "list_item") and self.picture and is_picture_label(text):
                kind = "caption"  # "<p><img alt=...> Calendar</p>": the picture's label
            self.out.add(kind, text, self.location, self.level if kind != "caption" else 0)
            self.parts = []
        self.picture = False

    def text(self, s: str | None, el) -> None:
        if not s:
            return
        if not self.parts:
            if not s.strip():
                return
            self.location = {"line": el.sourceline or 0, **(self.cell or {})}
        # Newlines in HTML source are spaces on the page.
        self.parts.append(s.replace("\n", " "))

    def walk(self, el, kind: str, level: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            return
        tag = tag.lower()
        if tag in _PICTURES or el.get("role") == "img":
            self.picture = True  # its alt text is not page text: only the label beside it is
        if tag in _SKIP or _hidden(el) or (tag in ("header", "footer") and _is_page_chrome(el)):
            return
        if tag == "br":
            if self.parts:
                self.parts.append("\n")
            return
        if tag not in _BLOCKS:
            self.text(el.text, el)
            for child in el:
                self.walk(child, kind, level)
                self.text(child.tail, child)
            return
        self.flush()
        new_kind = _BLOCKS[tag]
        saved_cell = self.cell
        if new_kind == "heading":
            kind, level = "heading", int(tag[1])
        elif new_kind == "list_item":
            kind = "list_item"
            level = sum(1 for a in el.iterancestors() if a.tag in ("ul", "ol")) - 1
            level = max(level, 0)
        elif new_kind == "table_cell":
            kind, level = "table_cell", 0
        elif new_kind == "caption":
            kind, level = "caption", 0
        if tag == "table":
            self.table += 1
            self._rows = getattr(self, "_rows", {})
            self._rows[self.table] = 0
            self._current_table = self.table
        elif tag == "tr":
            t = getattr(self, "_current_table", 0)
            if t:
                self._rows[t] += 1
                self._cell_no = 0
        elif tag in ("td", "th"):
            t = getattr(self, "_current_table", 0)
            self._cell_no = getattr(self, "_cell_no", 0) + 1
            self.cell = {"table": t, "row": self._rows.get(t, 0) if t else 0, "cell": self._cell_no}
        self.kind, self.level = kind, level
        self.text(el.text, el)
        for child in el:
            self.walk(child, kind, level)
            self.kind, self.level = kind, level
            self.text(child.tail, child)
        self.flush()
        self.cell = saved_cell
