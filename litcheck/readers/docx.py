"""Word (.docx): paragraphs, tables, headers, footers, text boxes, content controls, fields.

python-docx opens the package; the text is read from the XML, because ``paragraph.text``
drops what letters are made of: MERGEFIELDs in ``w:fldSimple`` and in complex fields
(``w:fldChar``/``w:instrText``), content controls (``w:sdt``) and text boxes
(``w:txbxContent``). A merge field is written ``«Name»`` so that it is found as a
placeholder. A text box inside ``mc:AlternateContent`` is read from the first
``mc:Choice`` only: the ``mc:Fallback`` holds a copy of the same text.

Locations: ``{"paragraph": n}`` (the n-th paragraph of the body, counting empty ones, as
Word's navigation does), ``{"table": t, "row": r, "cell": c}``, ``{"section": s}`` for
headers and footers, and ``{"paragraph": n, "textbox": k}`` for the k-th text box
anchored in paragraph n.

Comments: each Word comment anchored by ``w:commentRangeStart``/``w:commentRangeEnd`` becomes
a ``Comment`` on the Document, with its range in Document offsets and its text from
word/comments.xml (suppressions read ``litcheck: ignore`` there). While a paragraph is read,
each range mark is a private-use character in its text, removed again once the text is tidied.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import replace

from .base import DEFAULT_LIMITS, Limits
from ..document import Comment
from ..errors import InputError
from .assemble import Assembler, tidy
from .picture_labels import is_caption, is_picture_label

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

#: refuse a package compressed more than this (a zip bomb); Limits.max_unpacked caps its size
MAX_RATIO = 100

_MERGEFIELD = re.compile(r'^\s*MERGEFIELD\s+(?:"([^"]+)"|(\S+))', re.I)
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.I)

#: comment range marks stand in the paragraph text as these characters (supplementary
#: private use area A) until the text is tidied; text of that range is dropped from the file
_MARK0, _MARK_LAST = 0xF0000, 0xFFFFD
_MARKS = re.compile("[\U000F0000-\U000FFFFD]")
_COMMENT_RANGE = frozenset({W + "commentRangeStart", W + "commentRangeEnd"})

# Elements whose content is not the text of the run they sit in.
_SKIP = frozenset(
    W + t
    for t in (
        "rPr", "pPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "delText", "delInstrText",
        "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "fldData",
        "tblPr", "trPr", "tcPr", "sectPr",
    )
) | {MC + "Fallback"}


def read(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS):
    _guard_zip(data, path, limits.max_unpacked)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of litcheck
        raise InputError(path, "needs python-docx to be read: pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise InputError(path, "is not a Word document: open it in Word and save it as .docx") from None
    except InputError:
        raise
    except Exception as exc:  # lxml, zipfile, KeyError... : never a traceback
        raise InputError(path, f"is damaged and cannot be read ({type(exc).__name__}): open it in Word and save it again as .docx") from None
    try:
        return WordReader(document, path).read()
    except InputError:
        raise
    except Exception as exc:
        raise InputError(path, f"could not be read ({type(exc).__name__}): open it in Word and save it again as .docx") from None


def _guard_zip(data: bytes, path: str | None, max_unpacked: int) -> None:
    """Refuse a damaged zip, or a zip bomb, before anything unpacks it.

    The zip's index says how large each part unpacks to, but an index can lie: a part that
    claims 1 KB may inflate to 1 GB, and ``zipfile``'s ``read()`` inflates a whole part at
    once before it cuts it to the claimed size. So every part is inflated here first, in
    64 KB steps with a byte budget (the smaller of its claimed size and what is left of
    ``max_unpacked``): a part that grows past its claim or the budget, or ends short of it,
    is refused, and memory stays at a few chunks whatever the file holds. Only parts that
    unpack to exactly what the index says reach python-docx.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(path, "is damaged (its zip package cannot be opened): open it in Word and save it again as .docx") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > max_unpacked or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise _too_big(path, total)
    budget = max_unpacked
    for info in infos:
        size = _inflated_size(data, info, min(info.file_size, budget) + 1)
        if size is None:
            raise InputError(path, "is damaged (a part of its zip package cannot be unpacked): open it in Word and save it again as .docx")
        if size != info.file_size:
            if size > info.file_size:
                raise InputError(path, "is damaged: its zip package unpacks to more than its index says, so litcheck will not open it (open it in Word and save it again as .docx)")
            raise InputError(path, "is damaged (a part of its zip package is cut short): open it in Word and save it again as .docx")
        budget -= size


def _too_big(path, total: int) -> InputError:
    return InputError(
        path,
        f"unpacks to {total // (1024 * 1024)} MB, far more than a letter: litcheck will not open it (save a copy without large images and try again)",
    )


#: the local file header before each part's data: signature, ..., name length, extra length
_LOCAL_HEADER = struct.Struct("<4s22xHH")
_CHUNK = 64 * 1024


def _inflated_size(data: bytes, info: zipfile.ZipInfo, limit: int) -> int | None:
    """How many bytes the part unpacks to, counting no further than ``limit``; None when
    its data cannot be found or inflated (a damaged part, an unknown compression)."""
    offset = info.header_offset
    if offset + _LOCAL_HEADER.size > len(data):
        return None
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, offset)
    if signature != b"PK\x03\x04" or info.flag_bits & 0x1:  # not a part, or encrypted
        return None
    start = offset + _LOCAL_HEADER.size + name_length + extra_length
    stop = start + info.compress_size
    if stop > len(data):
        return None
    if info.compress_type == zipfile.ZIP_STORED:
        return min(info.compress_size, limit)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return None  # Word writes stored or deflated parts only
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    size, pos = 0, start
    try:
        while size < limit:
            if inflate.unconsumed_tail:
                chunk = inflate.unconsumed_tail
            elif pos < stop:
                chunk = data[pos : min(pos + _CHUNK, stop)]
                pos += len(chunk)
            else:
                break
            size += len(inflate.decompress(chunk, _CHUNK))
            if inflate.eof:
                break
    except zlib.error:
        return None
    return min(size, limit)




def body_elements(container):
    """The body's own elements in document order, seen through the wrappers around them
    (content controls, custom XML, tracked insertions and moves, alternate content).

    Paragraphs and tables are numbered in this order; `litcheck fix` walks it too, so that
    its paragraph numbers are the reader's.
    """
    for child in container:
        tag = child.tag
        if tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from body_elements(content)
        elif tag in (W + "customXml", W + "ins", W + "moveTo"):
            yield from body_elements(child)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                yield from body_elements(choice)
        else:
            yield child

def _is_numbered(num_pr) -> bool:
    """A w:numPr that makes a list item (numId 0 is Word's way of switching numbering off)."""
    if num_pr is None:
        return False
    nid = num_pr.find(W + "numId")
    return nid is None or nid.get(W + "val") != "0"

class _Styles:
    """Paragraph styles: heading level and list-ness, following basedOn."""

    def __init__(self, document) -> None:
        self.styles: dict[str, tuple[str, str | None, bool, int | None]] = {}
        self.default: str | None = None
        try:
            root = document.styles.element
        except Exception:
            return
        for st in root.iterchildren(W + "style"):
            if st.get(W + "type") != "paragraph":
                continue
            sid = st.get(W + "styleId")
            name_el = st.find(W + "name")
            name = name_el.get(W + "val", "") if name_el is not None else ""
            based = st.find(W + "basedOn")
            ppr = st.find(W + "pPr")
            numbered = outline = None
            if ppr is not None:
                numbered = _is_numbered(ppr.find(W + "numPr"))
                ol = ppr.find(W + "outlineLvl")
                if ol is not None and (ol.get(W + "val") or "").isdigit():
                    outline = int(ol.get(W + "val"))
            self.styles[sid] = (name, based.get(W + "val") if based is not None else None, bool(numbered), outline)
            if st.get(W + "default") in ("1", "true"):
                self.default = sid
        self._cache: dict[str | None, tuple[str, int]] = {}

    def kind(self, style_id: str | None) -> tuple[str, int]:
        """("heading", level) / ("list_item", 0) / ("paragraph", 0) for a paragraph style."""
        sid = style_id or self.default
        if sid in self._cache:
            return self._cache[sid]
        result = ("paragraph", 0)
        seen = set()
        current = sid
        while current and current in self.styles and current not in seen:
            seen.add(current)
            name, based, numbered, outline = self.styles[current]
            m = _HEADING_NAME.match(name)
            if m:
                result = ("heading", int(m.group(1)))
                break
            if name.lower() == "title":
                result = ("heading", 1)
                break
            if name.lower() == "caption":  # Word's built-in style for a picture's or table's caption
                result = ("caption", 0)
                break
            if outline is not None and outline < 9:
                result = ("heading", outline + 1)
                break
            if numbered or name.lower().startswith("list"):
                result = ("list_item", 0)
                break
            current = based
        self._cache[sid] = result
        return result


class _Field:
    __slots__ = ("instr", "result", "merge")

    def __init__(self) -> None:
        self.instr: list[str] = []
        self.result = False  # past w:fldChar separate
        self.merge = False


class ParagraphText:
    """The text of one paragraph, with fields and content controls resolved."""

    def __init__(self, merge_names: set[str], mark=None) -> None:
        self.parts: list[str] = []
        self.fields: list[_Field] = []
        self.textboxes: list = []
        self.merge_names = merge_names
        self.mark = mark  #: element -> the character that marks a comment range start/end

    def _hidden(self) -> bool:
        return any((not f.result) or f.merge for f in self.fields)

    def _emit(self, s: str) -> None:
        if not self._hidden():
            self.parts.append(s)

    def _merge(self, instr: str) -> bool:
        m = _MERGEFIELD.match(instr)
        if not m:
            return False
        name = (m.group(1) or m.group(2)).strip()
        self.merge_names.add(name)
        self._emit(f"«{name}»")
        return True

    def visit(self, el) -> None:
        """Add the text of ``el`` and what it holds (fields resolved, hidden parts skipped)."""
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            return
        handler = self._HANDLERS.get(tag)
        if handler is None:
            for child in el:
                self.visit(child)
        else:
            handler(self, el)

    def _text(self, el) -> None:
        if el.text:
            self._emit(_MARKS.sub("", el.text))

    def _comment_range(self, el) -> None:
        if self.mark is not None:
            self.parts.append(self.mark(el))

    def _instr_text(self, el) -> None:
        if self.fields and not self.fields[-1].result:
            self.fields[-1].instr.append(el.text or "")

    def _fld_char(self, el) -> None:
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            f = self.fields[-1]
            f.result = True
            f.merge = self._merge("".join(f.instr))
        elif kind == "end" and self.fields:
            f = self.fields.pop()
            if not f.result:  # a field with no result part: a merge field still shows
                self._merge("".join(f.instr))

    def _fld_simple(self, el) -> None:
        if not self._merge(el.get(W + "instr") or ""):
            for child in el:
                self.visit(child)

    def _textbox(self, el) -> None:
        if not self._hidden():
            self.textboxes.append(el)

    def _alternate(self, el) -> None:
        choice = el.find(MC + "Choice")
        for child in choice if choice is not None else el:
            self.visit(child)

    def _sdt(self, el) -> None:
        pr = el.find(W + "sdtPr")
        content = el.find(W + "sdtContent")
        if pr is not None and pr.find(W + "showingPlcHdr") is not None:
            # The control shows its prompt ("Click or tap here to enter text."): it is a field.
            for key in ("alias", "tag"):
                named = pr.find(W + key)
                if named is not None and named.get(W + "val"):
                    self._emit(f"«{named.get(W + 'val')}»")
                    return
        if content is not None:
            for child in content:
                self.visit(child)


#: Word elements with a meaning of their own in running text (others are walked through)
ParagraphText._HANDLERS = {
    W + "t": ParagraphText._text,
    W + "commentRangeStart": ParagraphText._comment_range,
    W + "commentRangeEnd": ParagraphText._comment_range,
    W + "instrText": ParagraphText._instr_text,
    W + "fldChar": ParagraphText._fld_char,
    W + "fldSimple": ParagraphText._fld_simple,
    W + "tab": lambda self, el: self._emit("\t"),
    W + "ptab": lambda self, el: self._emit("\t"),
    W + "br": lambda self, el: self._emit("\n"),
    W + "cr": lambda self, el: self._emit("\n"),
    W + "noBreakHyphen": lambda self, el: self._emit("-"),
    W + "txbxContent": ParagraphText._textbox,
    MC + "AlternateContent": ParagraphText._alternate,
    W + "sdt": ParagraphText._sdt,
}


class WordReader:
    def __init__(self, document, path) -> None:
        self.document = document
        self.path = path
        self.styles = _Styles(document)
        self.out = Assembler()
        self.merge_names: set[str] = set()
        self.paragraph = 0
        self.table = 0
        self._seen_parts: set[tuple[str, str]] = set()
        #: comment ranges: mark number -> ("start"|"end", comment id); comment id -> offsets
        self._marks: list[tuple[str, str]] = []
        self._starts: dict[str, int] = {}
        self._ends: dict[str, int] = {}
        self._pending: list[str] = []  # marks between blocks, placed at the next block's start
        self._last_end = 0
        #: for the layout (docx_layout): (w:p or w:tc element, location, its block or None)
        #: in reading order, and (w:tbl element, table number, its cells' blocks)
        self.layout_sources: list[tuple] = []
        self.layout_tables: list[tuple] = []

    def _mark(self, el) -> str:
        n = len(self._marks)
        if _MARK0 + n > _MARK_LAST:
            return ""
        kind = "start" if el.tag == W + "commentRangeStart" else "end"
        self._marks.append((kind, el.get(W + "id") or ""))
        return chr(_MARK0 + n)

    def _place(self, n: int, offset: int) -> None:
        kind, cid = self._marks[n]
        target = self._starts if kind == "start" else self._ends
        target.setdefault(cid, offset)

    def _add(self, kind: str, text: str, location, level: int = 0):
        """Add a block, placing the comment range marks in its text at Document offsets."""
        if self._pending:
            text = "".join(self._pending) + text
            self._pending = []
        if not _MARKS.search(text):
            block = self.out.add(kind, text, location, level)
            if block is not None:
                self._last_end = block.end
            return block
        clean, marks = _unmark(tidy(text))
        block = self.out.add(kind, clean, location, level)
        if block is None:  # no text: starts go to the next block, ends stay at the last
            for n in marks:
                if self._marks[n][0] == "start":
                    self._pending.append(chr(_MARK0 + n))
                else:
                    self._place(n, self._last_end)
            return None
        self._last_end = block.end
        for n, local in marks.items():
            self._place(n, block.start + min(local, block.end - block.start))
        return block

    def _comments(self, text_length: int) -> tuple[Comment, ...]:
        texts = _comment_texts(self.document)
        out = []
        for cid, start in self._starts.items():
            if cid not in texts:
                continue
            end = self._ends.get(cid, text_length)
            out.append(Comment(min(start, end), max(start, end), texts[cid]))
        out.sort(key=lambda c: (c.start, c.end))
        return tuple(out)

    def read(self):
        body = self.document.element.body
        headers, footers = self.headers_footers(body)
        for s, kind, container in headers:
            self._part(container, kind, {"section": s})
        self._body(body)
        for s, kind, container in footers:
            self._part(container, kind, {"section": s})
        if not len(self.out):
            raise InputError(self.path, "has no text to check")
        doc = self.out.document(self.path, "docx")
        if self._marks:
            doc.comments = self._comments(len(doc.text))
        if self.merge_names:
            doc.placeholders = tuple(
                replace(p, syntax="mergefield") if p.syntax == "guillemet" and p.name in self.merge_names else p
                for p in doc.placeholders
            )
        from .docx_layout import layout

        try:
            doc.layout = layout(self, doc)
        except Exception:  # the look of the file is extra: never a reason not to read its text
            doc.layout = None
        return doc

    # -- text of a paragraph --------------------------------------------------------------

    def _para_text(self, p) -> tuple[str, list]:
        t = ParagraphText(self.merge_names, self._mark)
        for child in p:
            t.visit(child)
        return "".join(t.parts), t.textboxes

    @staticmethod
    def _plain(p) -> str:
        """The paragraph's own visible words, roughly (for telling a label from a sentence)."""
        return "".join(t.text or "" for t in p.iter(W + "t") if _nearest(t, W + "txbxContent") is None)

    def _para_kind(self, p) -> tuple[str, int]:
        ppr = p.find(W + "pPr")
        style = None
        ilvl = 0
        numbered = False
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style = ps.get(W + "val") if ps is not None else None
            num = ppr.find(W + "numPr")
            numbered = _is_numbered(num)
            if num is not None:
                lvl = num.find(W + "ilvl")
                if lvl is not None and (lvl.get(W + "val") or "").isdigit():
                    ilvl = int(lvl.get(W + "val"))
        kind, level = self.styles.kind(style)
        if kind == "heading":
            return kind, level
        if kind == "caption":
            return ("caption", 0) if is_caption(self._plain(p)) else ("paragraph", 0)
        if not numbered and kind == "paragraph" and _has_picture(p) and is_picture_label(self._plain(p)):
            return "caption", 0  # a picture and a word or two beside it ("Calendar"): its label
        if numbered or kind == "list_item":
            return "list_item", ilvl
        return "paragraph", 0

    # -- the body -------------------------------------------------------------------------

    def _body(self, container) -> None:
        for child in body_elements(container):
            tag = child.tag
            if tag == W + "p":
                self.paragraph += 1
                n = self.paragraph
                text, boxes = self._para_text(child)
                kind, level = self._para_kind(child)
                block = self._add(kind, text, {"paragraph": n}, level)
                self.layout_sources.append((child, {"paragraph": n}, block))
                self._textboxes(boxes, {"paragraph": n})
            elif tag == W + "tbl":
                self.table += 1
                boxes = self._table(child, self.table)
                self._textboxes(boxes, {"table": self.table})
            elif tag in _COMMENT_RANGE:  # a comment spanning paragraphs
                mark = self._mark(child)
                if mark and tag == W + "commentRangeEnd":
                    self._place(ord(mark) - _MARK0, self._last_end)
                elif mark:
                    self._pending.append(mark)

    def _textboxes(self, boxes, location) -> None:
        for k, box in enumerate(boxes, start=1):
            for p in box.iter(W + "p"):
                # paragraphs of a text box nested in this one are read with the nested box
                if _nearest(p, W + "txbxContent") is not box:
                    continue
                text, inner = self._para_text(p)
                kind, level = self._para_kind(p)
                block = self._add(kind, text, {**location, "textbox": k}, level)
                self.layout_sources.append((p, {**location, "textbox": k}, block))
                self._textboxes(inner, location)

    def rows(self, tbl):
        return self._unwrapped(tbl, W + "tr")

    def cells(self, tr):
        return self._unwrapped(tr, W + "tc")

    def _unwrapped(self, node, tag):
        """Children of ``node`` with ``tag``, seen through content controls and custom XML."""
        for child in node:
            if child.tag == tag:
                yield child
            elif child.tag in (W + "sdt", W + "customXml"):
                inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if inner is not None:
                    yield from self._unwrapped(inner, tag)

    def _table(self, tbl, t: int) -> list:
        boxes: list = []
        cells = []
        for r, tr in enumerate(self.rows(tbl), start=1):
            for c, tc in enumerate(self.cells(tr), start=1):
                lines: list[str] = []
                self._cell_lines(tc, lines, boxes)
                location = {"table": t, "row": r, "cell": c}
                block = self._add("table_cell", "\n".join(lines), location)
                self.layout_sources.append((tc, location, block))
                cells.append(block)
        self.layout_tables.append((tbl, t, cells))
        return boxes

    def _cell_lines(self, container, lines: list[str], boxes: list) -> None:
        for child in container:
            if child.tag == W + "p":
                text, inner = self._para_text(child)
                lines.append(text)
                boxes.extend(inner)
            elif child.tag == W + "tbl":  # a nested table: its cells, in order, as lines
                for tr in self.rows(child):
                    for tc in self.cells(tr):
                        self._cell_lines(tc, lines, boxes)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._cell_lines(content, lines, boxes)
            elif child.tag in (W + "customXml",):
                self._cell_lines(child, lines, boxes)
            elif child.tag in _COMMENT_RANGE:
                lines.append(self._mark(child))

    # -- headers and footers --------------------------------------------------------------

    def headers_footers(self, body):
        part = self.document.part
        sect_prs = [p for p in body.iter(W + "sectPr")]
        headers, footers, seen = [], [], set()
        for s, sect in enumerate(sect_prs, start=1):
            for ref_tag, kind, out in ((W + "headerReference", "header", headers), (W + "footerReference", "footer", footers)):
                refs = sorted(sect.iterchildren(ref_tag), key=lambda e: {"first": 0, "default": 1, "even": 2}.get(e.get(W + "type"), 3))
                for ref in refs:
                    rid = ref.get(R + "id")
                    if rid in seen:
                        continue
                    seen.add(rid)
                    try:
                        element = part.related_parts[rid].element
                    except (KeyError, AttributeError):
                        continue
                    out.append((s, kind, element))
        return headers, footers

    def _part(self, container, kind, location) -> None:
        texts: list[str] = []
        boxes: list = []
        self._cell_lines(container, texts, boxes)
        for box in boxes:
            for p in box.iter(W + "p"):
                if _nearest(p, W + "txbxContent") is box:
                    texts.append(self._para_text(p)[0])
        for text in texts:
            key = (kind, " ".join(text.split()))
            if key in self._seen_parts:  # the same words in the first-page and default header
                continue
            self._seen_parts.add(key)
            self._add(kind, text, location)


#: a picture in a paragraph: DrawingML's image (a:blip) or an old VML one (v:imagedata)
_PICTURE_TAGS = ("{http://schemas.openxmlformats.org/drawingml/2006/main}blip", "{urn:schemas-microsoft-com:vml}imagedata")


def _has_picture(p) -> bool:
    return next(p.iter(*_PICTURE_TAGS), None) is not None


def _nearest(el, tag):
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _unmark(text: str) -> tuple[str, dict[int, int]]:
    """Tidied text without its range marks, and where each mark stood (mark number -> offset).

    Removing a mark can leave two spaces, or a space at a line's end, or an empty line: those
    are removed too, so the text is what ``tidy`` makes of the same text without marks.
    """
    out: list[str] = []
    marks: dict[int, int] = {}
    for ch in text:
        code = ord(ch)
        if _MARK0 <= code <= _MARK_LAST:
            marks[code - _MARK0] = len(out)
        elif ch == " " and (not out or out[-1] in " \n"):
            continue
        elif ch == "\n":
            while out and out[-1] == " ":
                out.pop()
            if out and out[-1] != "\n":
                out.append(ch)
        else:
            out.append(ch)
    while out and out[-1] in " \n":
        out.pop()
    clean = "".join(out)
    return clean, {n: min(pos, len(clean)) for n, pos in marks.items()}


def _comment_texts(document) -> dict[str, str]:
    """Comment id -> its text (paragraphs joined by newlines), from word/comments.xml."""
    try:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        parts = [rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.COMMENTS and not rel.is_external]
    except Exception:
        return {}
    texts: dict[str, str] = {}
    for part in parts:
        root = getattr(part, "element", None)
        if root is None:
            try:
                from lxml import etree

                root = etree.fromstring(part.blob)
            except Exception:
                continue
        for comment in root.iter(W + "comment"):
            paras = ["".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p")]
            texts[comment.get(W + "id") or ""] = "\n".join(paras)
    return texts
