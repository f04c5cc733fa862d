"""How a Word document looks: the layout facts the layout checks read (Document.layout).

The Word reader (docx.py) reads the text; this module reads the look of the same
paragraphs: each run's font size, bold, underline, All caps, colour and what is behind it
(run shading, highlight, paragraph or cell shading, the page colour), each paragraph's
style and alignment, every picture with its alternative text, and each table's shape.

Values are what Word shows, following the run's character style, the paragraph style and
the styles they are based on, then the document defaults (Word's own default is 10 pt).
A colour Word picks by itself ("auto"), a theme colour with a tint or shade and a table
style's shading are "not known" (None): a check stays silent rather than guess.

A run is placed in Document.text by finding its text, tidied as the reader tidies it,
from where the paragraph's previous run ended: field results the reader shows differently
(a merge field as «Name») are simply not found, and do not move the search on.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Layout, ParagraphLook, Picture, TableShape, TextLook
from .docx import MC, W

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
#: Office 2019's "Mark as decorative" (a14 extension list of wp:docPr)
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
#: graphic kinds that are pictures to a reader (a text box or a plain shape is not)
PICTURE_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
)

#: Word's highlight colours (w:highlight), ECMA-376 17.18.40
HIGHLIGHTS = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
    "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
    "darkGray": "808080", "lightGray": "C0C0C0",
}
#: w:themeColor -> the theme's colour scheme entry
THEME_SLOTS = {
    "dark1": "dk1", "text1": "dk1", "light1": "lt1", "background1": "lt1", "dark2": "dk2", "text2": "dk2",
    "light2": "lt2", "background2": "lt2", "accent1": "accent1", "accent2": "accent2", "accent3": "accent3",
    "accent4": "accent4", "accent5": "accent5", "accent6": "accent6", "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
ALIGNMENTS = {"both": "justify", "distribute": "justify", "center": "centre", "left": "left", "start": "left",
              "right": "right", "end": "right"}
#: Word's size when neither the styles nor the document defaults give one (half-points)
WORD_DEFAULT_SIZE = 20

_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SOFT = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_OFF = ("0", "false", "off", "none")
#: what tidy() changes besides spaces at the ends (most runs have none of it)
_UNTIDY = re.compile(r"[\r\n\x0b\t\u00a0\u2000-\u200d\u202f\u205f\u3000\u00ad\ufeff]|  ")
#: how far past the last placed run a run's text may be found (a field result shown as «Name»)
_SLACK = 80


def _on(el) -> bool | None:
    """A toggle property (w:b, w:caps): True/False when the element says, None when absent."""
    if el is None:
        return None
    return (el.get(W + "val") or "true").lower() not in _OFF


class _Styles:
    """The document's styles and defaults, for the properties layout checks need."""

    def __init__(self, document) -> None:
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self.run_defaults = None
        self.para_defaults = None
        try:
            root = document.styles.element
        except Exception:
            root = None
        if root is not None:
            defaults = root.find(W + "docDefaults")
            if defaults is not None:
                self.run_defaults = defaults.find(f"{W}rPrDefault/{W}rPr")
                self.para_defaults = defaults.find(f"{W}pPrDefault/{W}pPr")
            for st in root.iterchildren(W + "style"):
                sid = st.get(W + "styleId")
                self.by_id[sid] = st
                if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                    self.default_para = sid
        self.theme = _theme_colours(document)
        self._inherited: dict = {}
        self._shades: dict = {}
        self._owned: dict = {}

    def chain(self, sid: str | None):
        """The style and the styles it is based on, nearest first."""
        seen = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            based = st.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None

    def shades(self, sid: str | None) -> bool:
        """Whether a (table) style, or one it is based on, sets any shading."""
        if sid not in self._shades:
            self._shades[sid] = any(st.find(f".//{W}shd") is not None for st in self.chain(sid))
        return self._shades[sid]

    def name(self, sid: str | None) -> str:
        st = self.by_id.get(sid or self.default_para)
        el = st.find(W + "name") if st is not None else None
        return el.get(W + "val", "") if el is not None else ""

    def run_property(self, direct: dict, char_style: str | None, para_style: str | None, tag: str):
        """The element that sets ``tag`` for a run: direct (``direct``: the run's own
        properties by tag), character style, paragraph style, defaults."""
        found = direct.get(W + tag)
        if found is not None:
            return found
        key = (char_style, para_style, tag)
        if key not in self._inherited:  # styles answer the same for every run: once each
            self._inherited[key] = self._from_styles(char_style, para_style, tag)
        return self._inherited[key]

    def _from_styles(self, char_style, para_style, tag: str):
        for sid in (char_style, para_style or self.default_para):
            for st in self.chain(sid):
                found = self._own(st, "rPr").get(W + tag)
                if found is not None:
                    return found
        if self.run_defaults is not None:
            return self.run_defaults.find(W + tag)
        return None

    def _own(self, st, part: str) -> dict:
        """A style's own run (rPr) or paragraph (pPr) properties by tag, read once."""
        key = (id(st), part)
        if key not in self._owned:
            props = st.find(W + part)
            self._owned[key] = {el.tag: el for el in props} if props is not None else {}
        return self._owned[key]

    def para_property(self, ppr, para_style: str | None, tag: str):
        if ppr is not None and ppr.find(W + tag) is not None:
            return ppr.find(W + tag)
        for st in self.chain(para_style or self.default_para):
            found = self._own(st, "pPr").get(W + tag)
            if found is not None:
                return found
        if self.para_defaults is not None:
            return self.para_defaults.find(W + tag)
        return None

    def colour(self, el) -> str | None:
        """A w:color as "RRGGBB", or None for automatic or a theme colour litcheck cannot work out."""
        if el is None:
            return None
        val = el.get(W + "val") or ""
        if _HEX.match(val):  # Word writes the theme colour it worked out here too
            return val.upper()
        theme = el.get(W + "themeColor")
        if theme and not el.get(W + "themeTint") and not el.get(W + "themeShade"):
            return self.theme.get(THEME_SLOTS.get(theme, ""))
        return None


def _theme_colours(document) -> dict[str, str]:
    """The theme's colour scheme: dk1, lt1, accent1... -> "RRGGBB"."""
    try:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from lxml import etree

        part = document.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob)
    except Exception:
        return {}
    scheme = root.find(f".//{A}clrScheme")
    out = {}
    for slot in scheme if scheme is not None else ():
        if not isinstance(slot.tag, str):
            continue
        name = slot.tag.split("}")[-1]
        srgb = slot.find(A + "srgbClr")
        sys_clr = slot.find(A + "sysClr")
        value = srgb.get("val") if srgb is not None else (sys_clr.get("lastClr") if sys_clr is not None else None)
        if value and _HEX.match(value):
            out[name] = value.upper()
    return out


def _shading(shd) -> str | None | bool:
    """A w:shd as "RRGGBB"; False when it sets no fill; None when it is a pattern litcheck cannot tell."""
    if shd is None:
        return False
    val = (shd.get(W + "val") or "clear").lower()
    fill = shd.get(W + "fill") or "auto"
    if val == "nil":
        return False
    if val == "solid":
        colour = shd.get(W + "color") or "auto"
        return colour.upper() if _HEX.match(colour) else None
    if val != "clear":
        return None  # a percentage or hatch pattern mixes two colours
    return fill.upper() if _HEX.match(fill) else False


def _norm(text: str) -> str:
    """A run's text as the reader's tidy() leaves it (spaces squeezed, lines stripped)."""
    if not _UNTIDY.search(text):
        return text.strip(" ")
    text = _SOFT.sub("", text.replace("\r", "\n").replace("\x0b", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _run_text(r) -> str:
    parts = []
    for el in r:
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif el.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif el.tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


_NOT_TEXT = frozenset({W + "del", W + "moveFrom", MC + "Fallback", W + "txbxContent", W + "instrText"})


def _runs(p):
    """(run, in a link?) for the runs of paragraph ``p`` whose text the reader shows, in order."""
    fields: list[list] = []  # open complex fields: [instruction, past separate?]
    for r in p.iter(W + "r"):
        parent, skip = r.getparent(), False
        while parent is not None and parent is not p:
            if parent.tag in _NOT_TEXT:
                skip = True
                break
            parent = parent.getparent()
        if skip:
            continue
        for ch in r:
            if ch.tag == W + "fldChar":
                kind = ch.get(W + "fldCharType")
                if kind == "begin":
                    fields.append(["", False])
                elif kind == "separate" and fields:
                    fields[-1][1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif ch.tag == W + "instrText" and fields:
                fields[-1][0] += ch.text or ""
        link = any(f[1] and f[0].strip().upper().startswith("HYPERLINK") for f in fields)
        anc = r.getparent()
        while anc is not None and anc is not p and not link:
            if anc.tag == W + "hyperlink" or (anc.tag == W + "fldSimple" and (anc.get(W + "instr") or "").strip().upper().startswith("HYPERLINK")):
                link = True
            anc = anc.getparent()
        yield r, link


class _Looker:
    def __init__(self, reader, doc) -> None:
        self.reader = reader
        self.doc = doc
        self.styles = _Styles(reader.document)
        self.page = self._page_colour()

    def _page_colour(self) -> str:
        bg = self.reader.document.element.find(W + "background")
        colour = self.styles.colour(bg) if bg is not None else None
        return colour or "FFFFFF"

    def paragraph_style(self, p) -> str | None:
        ps = p.find(f"{W}pPr/{W}pStyle")
        return ps.get(W + "val") if ps is not None else None

    def alignment(self, p) -> str | None:
        jc = self.styles.para_property(p.find(W + "pPr"), self.paragraph_style(p), "jc")
        return ALIGNMENTS.get(jc.get(W + "val")) if jc is not None else "left"

    def looks(self, p, block, cursor: int, cell_fill) -> tuple[list[TextLook], int]:
        """The looks of paragraph ``p``'s runs, placed in ``block`` from ``cursor`` on."""
        text = self.doc.text
        styles = self.styles
        pstyle = self.paragraph_style(p)
        para_fill = _shading(styles.para_property(p.find(W + "pPr"), pstyle, "shd"))
        out = []
        for r, link in _runs(p):
            piece = _norm(_run_text(r))
            if not piece:
                continue
            at = text.find(piece, cursor, min(block.end, cursor + _SLACK + len(piece)))
            if at < 0:
                continue
            cursor = at + len(piece)
            rpr = r.find(W + "rPr")
            rs = rpr.find(W + "rStyle") if rpr is not None else None
            cstyle = rs.get(W + "val") if rs is not None else None
            if cstyle and styles.name(cstyle).lower() in ("hyperlink", "followedhyperlink"):
                link = True

            direct = {el.tag: el for el in rpr} if rpr is not None else {}

            def prop(tag):
                return styles.run_property(direct, cstyle, pstyle, tag)

            sz = prop("sz")
            try:
                size = int(float(sz.get(W + "val"))) / 2 if sz is not None else WORD_DEFAULT_SIZE / 2
            except (TypeError, ValueError):
                size = None
            u = prop("u")
            underline = u is not None and (u.get(W + "val") or "single").lower() not in _OFF
            background = self._background(prop, para_fill, cell_fill)
            out.append(TextLook(
                start=at, end=cursor, size=size, bold=bool(_on(prop("b"))), italic=bool(_on(prop("i"))),
                underline=underline, caps=bool(_on(prop("caps"))), link=link,
                colour=styles.colour(prop("color")), background=background,
            ))
        return _merged(out), cursor

    def _background(self, prop, para_fill, cell_fill) -> str | None:
        highlight = prop("highlight")
        if highlight is not None and highlight.get(W + "val") not in (None, "none"):
            return HIGHLIGHTS.get(highlight.get(W + "val"))
        for fill in (_shading(prop("shd")), para_fill, cell_fill):
            if fill is None or isinstance(fill, str):
                return fill
        return self.page


def _merged(looks: list[TextLook]) -> list[TextLook]:
    """Neighbouring runs that look the same (one space apart at most) as one."""
    out: list[TextLook] = []
    for look in looks:
        prev = out[-1] if out else None
        if prev is not None and look.start - prev.end <= 1 and _same(prev, look):
            out[-1] = TextLook(prev.start, look.end, prev.size, prev.bold, prev.italic, prev.underline,
                               prev.caps, prev.link, prev.colour, prev.background)
        else:
            out.append(look)
    return out


def _same(a: TextLook, b: TextLook) -> bool:
    return (a.size, a.bold, a.italic, a.underline, a.caps, a.link, a.colour, a.background) == (
        b.size, b.bold, b.italic, b.underline, b.caps, b.link, b.colour, b.background)


def _cell_fill(looker: _Looker, tc) -> str | None | bool:
    fill = _shading(tc.find(f"{W}tcPr/{W}shd"))
    if fill is not False:
        return fill
    tbl = tc.getparent()
    while tbl is not None and tbl.tag != W + "tbl":
        tbl = tbl.getparent()
    fill = _shading(tbl.find(f"{W}tblPr/{W}shd")) if tbl is not None else False
    if fill is not False:
        return fill
    style = tbl.find(f"{W}tblPr/{W}tblStyle") if tbl is not None else None
    if style is not None:  # a table style's banded or header shading: not worked out here
        return None if looker.styles.shades(style.get(W + "val")) else False
    return False


def _shape_fill(p) -> str | None | bool:
    """What is behind a text box's paragraph: the shape's own fill colour, False when it has
    none (the page shows through), None when it comes from a theme or style (not known)."""
    shape = p.getparent()
    while shape is not None and shape.tag not in (WPS + "wsp", V + "shape", V + "rect", V + "roundrect"):
        shape = shape.getparent()
    if shape is None:
        return None
    pr = shape.find(WPS + "spPr")
    if pr is None:
        return None
    if pr.find(A + "noFill") is not None:
        return False
    solid = pr.find(f"{A}solidFill/{A}srgbClr")
    if solid is not None and _HEX.match(solid.get("val") or "") and not len(solid):  # no tint, shade or alpha
        return solid.get("val").upper()
    return None  # a theme colour, a gradient, or the shape style's fill


def _pictures_in(el):
    """(docPr-like element, kind) for each picture inside ``el`` (DrawingML and old VML)."""
    for drawing in el.iter(W + "drawing"):
        graphic = drawing.find(f".//{A}graphicData")
        if graphic is None or graphic.get("uri") not in PICTURE_URIS:
            continue
        pr = drawing.find(f".//{WP}docPr")
        if pr is not None:
            yield pr, "drawing"
    for shape in el.iter(V + "shape"):
        if shape.find(V + "imagedata") is not None:
            yield shape, "vml"


def _picture(pr, kind: str) -> tuple[str, bool, str]:
    """(alternative text, decorative?, name) of a wp:docPr or a v:shape."""
    if kind == "vml":
        return (pr.get("alt") or "").strip(), False, pr.get("id") or ""
    alt = (pr.get("descr") or "").strip() or (pr.get("title") or "").strip()
    decorative = any(_on(d) for d in pr.iter(DECORATIVE))
    return alt, decorative, pr.get("name") or ""


def layout(reader, doc) -> Layout:
    """The Layout of the Word document ``reader`` has just read into ``doc``."""
    looker = _Looker(reader, doc)
    looks: list[TextLook] = []
    paragraphs: list[ParagraphLook] = []
    pictures: list[Picture] = []
    sources = reader.layout_sources
    placed = [b for _, _, b in sources]
    holders = _picture_holders(reader.document.element.body)
    for i, (el, location, block) in enumerate(sources):
        is_cell = el.tag == W + "tc"
        paras = [p for p in el.iter(W + "p") if _in_own(p, el)] if is_cell else [el]
        if block is not None:
            cursor = block.start
            fill = _cell_fill(looker, el) if is_cell else _shape_fill(el) if "textbox" in location else False
            for p in paras:
                found, cursor = looker.looks(p, block, cursor, fill)
                looks.extend(found)
            first = paras[0] if not is_cell or len(paras) < 2 else next(
                (p for p in paras if _norm("".join(_run_text(r) for r, _ in _runs(p)))), paras[0])
            if first is not None:
                sid = looker.paragraph_style(first)
                paragraphs.append(ParagraphLook(block.start, block.end, dict(location), looker.styles.name(sid), looker.alignment(first)))
        for p in paras:
            if p not in holders:
                continue
            for pr, kind in _pictures_in(p):
                anchor = block or _nearest_block(placed, i)
                if anchor is None:
                    continue
                alt, decorative, name = _picture(pr, kind)
                pictures.append(Picture(anchor.start, anchor.end, dict(location), alt, decorative, name))
    pictures.extend(_furniture_pictures(reader, doc))
    looks.sort(key=lambda t: t.start)
    paragraphs.sort(key=lambda t: t.start)
    return Layout(
        looks=tuple(looks),
        paragraphs=tuple(paragraphs),
        pictures=tuple(pictures),
        tables=tuple(_tables(reader, doc)),
        body_size=_body_size(doc, looks),
    )


def _picture_holders(body) -> set:
    """The paragraphs that hold a drawing or a VML shape (most hold none). The set keeps the
    elements themselves, so lxml hands back these same objects for them later."""
    out = set()
    for el in body.iter(W + "drawing", V + "shape"):
        parent = el.getparent()
        while parent is not None:
            if parent.tag == W + "p":
                out.add(parent)
            parent = parent.getparent()
    return out


def _furniture_pictures(reader, doc):
    """Pictures in headers and footers (a logo), pointing at that part's first line of text."""
    headers, footers = reader.headers_footers(reader.document.element.body)
    for s, kind, element in headers + footers:
        found = list(_pictures_in(element))
        if not found:
            continue
        block = next((b for b in doc.blocks if b.kind == kind and b.location.get("section") == s), None)
        block = block or (doc.blocks[0] if doc.blocks else None)
        if block is None:
            continue
        for pr, how in found:
            alt, decorative, name = _picture(pr, how)
            yield Picture(block.start, block.end, {"section": s}, alt, decorative, name)


def _in_own(p, cell) -> bool:
    """A paragraph of this cell (or a table nested in it), not of a text box inside it."""
    parent = p.getparent()
    while parent is not None and parent is not cell:
        if parent.tag in (W + "txbxContent", MC + "Fallback"):
            return False
        parent = parent.getparent()
    return True


def _nearest_block(placed: list, i: int):
    """The block a picture in an empty paragraph belongs with: the next with text, else the one before."""
    for j in range(i + 1, len(placed)):
        if placed[j] is not None:
            return placed[j]
    for j in range(i - 1, -1, -1):
        if placed[j] is not None:
            return placed[j]
    return None


def _tables(reader, doc):
    for tbl, number, cells in reader.layout_tables:
        rows = list(reader.rows(tbl))
        if not rows:
            continue
        columns = max((len(list(reader.cells(tr))) for tr in rows), default=0)
        first = rows[0].find(f"{W}trPr/{W}tblHeader")
        blocks = [b for b in cells if b is not None]
        if not blocks:
            continue
        words = max(len(doc.block_text(b).split()) for b in blocks)
        yield TableShape(blocks[0].start, blocks[-1].end, number, len(rows), columns, bool(_on(first)), words)


def _body_size(doc, looks: list[TextLook]) -> float | None:
    """The size of most of the body's letters (headings, headers and footers left out)."""
    counts: Counter = Counter()
    for look in looks:
        block = doc.block_at(look.start)
        if look.size is None or block is None or block.kind not in ("paragraph", "list_item", "table_cell"):
            continue
        piece = doc.text[look.start : look.end]
        counts[look.size] += len(piece) - piece.count(" ")
    return counts.most_common(1)[0][0] if counts else None
