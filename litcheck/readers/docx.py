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
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

from ..errors import InputError
from .assemble import Assembler

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

#: refuse a package that unzips to more than this, or that is compressed more than RATIO:1
MAX_UNZIPPED = 100 * 1024 * 1024
MAX_RATIO = 100

_MERGEFIELD = re.compile(r'^\s*MERGEFIELD\s+(?:"([^"]+)"|(\S+))', re.I)
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.I)

# Elements whose content is not the text of the run they sit in.
_SKIP = frozenset(
    W + t
    for t in (
        "rPr", "pPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "delText", "delInstrText",
        "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "fldData",
        "tblPr", "trPr", "tcPr", "sectPr",
    )
) | {MC + "Fallback"}


def read(data: bytes, path: str | None = None):
    _guard_zip(data, path)
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
        return _Reader(document, path).read()
    except InputError:
        raise
    except Exception as exc:
        raise InputError(path, f"could not be read ({type(exc).__name__}): open it in Word and save it again as .docx") from None


def _guard_zip(data: bytes, path: str | None) -> None:
    """Refuse a damaged zip, or a zip bomb, before anything unpacks it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(path, "is damaged (its zip package cannot be opened): open it in Word and save it again as .docx") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNZIPPED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise InputError(
            path,
            f"unpacks to {total // (1024 * 1024)} MB, far more than a letter: litcheck will not open it (save a copy without large images and try again)",
        )


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
                num = ppr.find(W + "numPr")
                if num is not None:
                    nid = num.find(W + "numId")
                    numbered = nid is None or nid.get(W + "val") != "0"
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


class _Text:
    """The text of one paragraph, with fields and content controls resolved."""

    def __init__(self, merge_names: set[str]) -> None:
        self.parts: list[str] = []
        self.fields: list[_Field] = []
        self.textboxes: list = []
        self.merge_names = merge_names

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
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            return
        if tag == W + "t":
            if el.text:
                self._emit(el.text)
        elif tag == W + "instrText":
            if self.fields and not self.fields[-1].result:
                self.fields[-1].instr.append(el.text or "")
        elif tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                self.fields.append(_Field())
            elif kind == "separate" and self.fields:
                f = self.fields[-1]
                f.result = True
                f.merge = False
                if self._merge("".join(f.instr)):
                    f.merge = True
            elif kind == "end" and self.fields:
                f = self.fields.pop()
                if not f.result:  # a field with no result part: a merge field still shows
                    self._merge("".join(f.instr))
        elif tag == W + "fldSimple":
            if not self._merge(el.get(W + "instr") or ""):
                for child in el:
                    self.visit(child)
        elif tag in (W + "tab", W + "ptab"):
            self._emit("\t")
        elif tag in (W + "br", W + "cr"):
            self._emit("\n")
        elif tag == W + "noBreakHyphen":
            self._emit("-")
        elif tag == W + "txbxContent":
            if not self._hidden():
                self.textboxes.append(el)
        elif tag == MC + "AlternateContent":
            choice = el.find(MC + "Choice")
            for child in choice if choice is not None else el:
                self.visit(child)
        elif tag == W + "sdt":
            self._sdt(el)
        else:
            for child in el:
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


class _Reader:
    def __init__(self, document, path) -> None:
        self.document = document
        self.path = path
        self.styles = _Styles(document)
        self.out = Assembler()
        self.merge_names: set[str] = set()
        self.paragraph = 0
        self.table = 0
        self._seen_parts: set[tuple[str, str]] = set()

    def read(self):
        body = self.document.element.body
        headers, footers = self._headers_footers(body)
        for s, kind, container in headers:
            self._part(container, kind, {"section": s})
        self._body(body)
        for s, kind, container in footers:
            self._part(container, kind, {"section": s})
        if not len(self.out):
            raise InputError(self.path, "has no text to check")
        doc = self.out.document(self.path, "docx")
        if self.merge_names:
            doc.placeholders = tuple(
                replace(p, syntax="mergefield") if p.syntax == "guillemet" and p.name in self.merge_names else p
                for p in doc.placeholders
            )
        return doc

    # -- text of a paragraph --------------------------------------------------------------

    def _para_text(self, p) -> tuple[str, list]:
        t = _Text(self.merge_names)
        for child in p:
            t.visit(child)
        return "".join(t.parts), t.textboxes

    def _para_kind(self, p) -> tuple[str, int]:
        ppr = p.find(W + "pPr")
        style = None
        ilvl = 0
        numbered = False
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style = ps.get(W + "val") if ps is not None else None
            num = ppr.find(W + "numPr")
            if num is not None:
                nid = num.find(W + "numId")
                numbered = nid is None or nid.get(W + "val") != "0"
                lvl = num.find(W + "ilvl")
                if lvl is not None and (lvl.get(W + "val") or "").isdigit():
                    ilvl = int(lvl.get(W + "val"))
        kind, level = self.styles.kind(style)
        if kind == "heading":
            return kind, level
        if numbered or kind == "list_item":
            return "list_item", ilvl
        return "paragraph", 0

    # -- the body -------------------------------------------------------------------------

    def _body(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.paragraph += 1
                n = self.paragraph
                text, boxes = self._para_text(child)
                kind, level = self._para_kind(child)
                self.out.add(kind, text, {"paragraph": n}, level)
                self._textboxes(boxes, {"paragraph": n})
            elif tag == W + "tbl":
                self.table += 1
                boxes = self._table(child, self.table)
                self._textboxes(boxes, {"table": self.table})
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._body(content)
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                self._body(child)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self._body(choice)

    def _textboxes(self, boxes, location) -> None:
        for k, box in enumerate(boxes, start=1):
            for p in box.iter(W + "p"):
                # paragraphs of a text box nested in this one are read with the nested box
                if _nearest(p, W + "txbxContent") is not box:
                    continue
                text, inner = self._para_text(p)
                kind, level = self._para_kind(p)
                self.out.add(kind, text, {**location, "textbox": k}, level)
                self._textboxes(inner, location)

    def _rows(self, tbl):
        for child in tbl:
            if child.tag == W + "tr":
                yield child
            elif child.tag in (W + "sdt", W + "customXml"):
                inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr):
        for child in tr:
            if child.tag == W + "tc":
                yield child
            elif child.tag in (W + "sdt", W + "customXml"):
                inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if inner is not None:
                    yield from self._cells(inner)

    def _table(self, tbl, t: int) -> list:
        boxes: list = []
        for r, tr in enumerate(self._rows(tbl), start=1):
            for c, tc in enumerate(self._cells(tr), start=1):
                lines: list[str] = []
                self._cell_lines(tc, lines, boxes)
                self.out.add("table_cell", "\n".join(lines), {"table": t, "row": r, "cell": c})
        return boxes

    def _cell_lines(self, container, lines: list[str], boxes: list) -> None:
        for child in container:
            if child.tag == W + "p":
                text, inner = self._para_text(child)
                lines.append(text)
                boxes.extend(inner)
            elif child.tag == W + "tbl":  # a nested table: its cells, in order, as lines
                for tr in self._rows(child):
                    for tc in self._cells(tr):
                        self._cell_lines(tc, lines, boxes)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._cell_lines(content, lines, boxes)
            elif child.tag in (W + "customXml",):
                self._cell_lines(child, lines, boxes)

    # -- headers and footers --------------------------------------------------------------

    def _headers_footers(self, body):
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
            self.out.add(kind, text, location)


def _nearest(el, tag):
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent
