"""What is drawn on a PDF page, fast: characters and ruled lines and boxes, read with PDFium
(pypdfium2, which pdfplumber itself depends on) in C rather than by interpreting the page in
Python. For each character: its text, box (loose: the font's ascent to descent, so the
letters of one line share a top and bottom), size, font, boldness, whether it is upright
(rotated print codes and diagonal watermarks are not) and whether a space came before it
in the content stream. For each path: its box, whether it is filled or stroked, and the
straight horizontal or vertical segments it draws (the edges a ruled table is made of).

A glyph that stands for more than one letter (a "fi" ligature, which Chromium and Word
draw inside an ``/ActualText`` span naming its letters) gets from PDFium the glyph's own
drawn box, cut evenly between its letters, instead of the line's box every other letter
gets: those letters would look like smaller text set into the line, and the line was cut
there ("find your" read apart from its sentence). They take the line's box from a letter
beside them in the same font (:func:`_line_boxes`), and a font's line height is never
learnt from such a letter.

PDFium is not thread-safe: every call into it holds :data:`LOCK` (the web app reads uploads
on several threads).
"""

from __future__ import annotations

import ctypes
import math
import threading
from dataclasses import dataclass, field

LOCK = threading.RLock()

#: ligatures and presentation forms PDF fonts map single glyphs to
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


@dataclass
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  #: the loose box's height: the line's height for this font
    font: str
    bold: bool
    angle: float  #: rotation in degrees, 0 for upright text
    space_before: bool  #: a space (in the file, or one PDFium inferred) came just before it
    index: int  #: position in the content stream
    #: the font's size in points as drawn (its em): the loose box's height depends on the
    #: font's ascent and descent, so 16 pt Noto Sans stands 22 pt tall and 16 pt Arial 15;
    #: headings are found by this size, which is the same for both
    em: float = 0.0

    @property
    def upright(self) -> bool:
        return abs(self.angle) < 2 or abs(self.angle - 360) < 2


@dataclass
class Shape:
    """A path: its box, how it is painted, and its straight axis-aligned segments."""

    x0: float
    top: float
    x1: float
    bottom: float
    filled: bool
    stroked: bool
    white: bool  #: filled in white (or near white): paper, not a panel
    segments: list = field(default_factory=list)  #: ("h"|"v", x0, top, x1, bottom)


@dataclass
class PageContent:
    width: float
    height: float
    chars: list[Char]
    shapes: list[Shape]
    images: int


def open_document(data: bytes):
    import pypdfium2 as pdfium

    with LOCK:
        return pdfium.PdfDocument(data)


def read_page(doc, number: int, max_chars: int = 1 << 62) -> PageContent | None:
    """The characters, shapes and image count of page ``number`` (0-based); None when the
    page holds more than ``max_chars`` characters (a flood of text, not a letter)."""
    import pypdfium2.raw as raw

    with LOCK:
        page = doc[number]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                if raw.FPDFText_CountChars(textpage) > max_chars:
                    return None
                chars = _chars(raw, textpage, height)
            finally:
                textpage.close()
            shapes, images = _shapes(raw, page, height)
        finally:
            page.close()
    return PageContent(width, height, chars, shapes, images)


_SPACES = frozenset((32, 9, 10, 13, 0xA0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x3000, 0xFFFE))
_TEXT_OBJECT = None


def _text_object_of(raw):
    """FPDFText_GetTextObject returning the object's address as an int (cheap to compare
    and to key a cache with), through a prototype of our own: pypdfium2's is left as it is."""
    global _TEXT_OBJECT
    if _TEXT_OBJECT is None:
        proto = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        _TEXT_OBJECT = proto(ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)
    return _TEXT_OBJECT


def _chars(raw, textpage, height: float) -> list[Char]:
    """The page's characters. The text comes in one call; what is the same for every
    character of one text object (font, boldness, angle, size) is asked once per object,
    so a character costs three calls into PDFium instead of seven."""
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    units = (ctypes.c_ushort * (2 * n + 2))()
    bulk = raw.FPDFText_GetText(textpage, 0, n, units) == n + 1  # one unit a character
    codes = units[:n] if bulk else [raw.FPDFText_GetUnicode(textpage, i) for i in range(n)]
    handle = ctypes.cast(textpage.raw if hasattr(textpage, "raw") else textpage, ctypes.c_void_p).value
    text_object = _text_object_of(raw)
    out: list[Char] = []
    rect = raw.FS_RECTF()
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[bytes, tuple[str, bool]] = {}
    #: per font, the loose box's height for one point of size (PDFium's font size is the
    #: size set in the file, before the text and page matrices scale it)
    ratios: dict[bytes, float] = {}
    boxed_ratios: dict[bytes, float] = {}  #: the same, learnt from a glyph-boxed letter
    #: per text object: (font name, bold, angle, font key, whether to ask about each character)
    objects: dict = {}
    matrix = raw.FS_MATRIX()
    space = False
    get_box = raw.FPDFText_GetLooseCharBox
    map_error = raw.FPDFText_HasUnicodeMapError
    tight = [ctypes.c_double() for _ in range(4)]
    glyph_boxed: list[int] = []  #: positions in ``out`` of letters given their glyph's box
    last_height, last_boxed = -1.0, False
    for i in range(n):
        code = codes[i]
        if code == 0xFFFE and bulk:
            code = raw.FPDFText_GetUnicode(textpage, i)  # the text call writes the line-end hyphen mark (2) as this
        if code == 2:  # PDFium's mark for a hyphen that ends a line
            code = 45
        elif code < 32 and code not in (9, 10, 13):
            continue
        if code in _SPACES:
            space = True
            continue
        if code == 0 or code == 0xFFFD or 0xD800 <= code <= 0xDFFF:
            continue
        obj = text_object(handle, i)
        info = objects.get(obj)
        if info is not None and info[4] and map_error(textpage, i):
            continue
        if info is None:
            length = raw.FPDFText_GetFontInfo(textpage, i, buf, 128, flags)
            key = buf.raw[: max(0, length - 1)]
            font = fonts.get(key)
            if font is None:
                name = key.decode("latin-1")
                weight = raw.FPDFText_GetFontWeight(textpage, i)
                low = name.lower()
                font = fonts[key] = (name, weight >= 600 or "bold" in low or "black" in low or "heavy" in low)
            angle = math.degrees(raw.FPDFText_GetCharAngle(textpage, i)) % 360
            # a font without a map from its glyphs to text (what pdfminer writes as
            # "(cid:105)"): every character of its objects is asked about, and dropped
            unmapped = bool(map_error(textpage, i))
            info = (font[0], font[1], angle, key, unmapped or not obj)
            if obj:
                objects[obj] = info
            if unmapped:
                continue
        name, bold, angle, key, _ = info
        get_box(textpage, i, rect)
        left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
        x0, x1 = (left, right) if left <= right else (right, left)
        b, t = (bottom, top) if bottom <= top else (top, bottom)
        ratio = ratios.get(key)
        boxed = last_boxed  # (the letters of one glyph share its height: "f" "i")
        if ratio is None or abs(t - b - last_height) > 0.01:
            # a new font or a new height: is this the glyph's own box? (the loose box of a
            # letter is the font's ascent to descent, wider than the glyph it draws)
            raw.FPDFText_GetCharBox(textpage, i, *tight)
            boxed = (
                abs(tight[0].value - left) < 0.01 and abs(tight[1].value - right) < 0.01
                and abs(tight[2].value - bottom) < 0.01 and abs(tight[3].value - top) < 0.01
            )
            last_height, last_boxed = t - b, boxed
        if ratio is None and t - b > 0:
            ratio = boxed_ratios.get(key) if boxed else None
            if ratio is None:
                ratio = 1.0
                if raw.FPDFText_GetMatrix(textpage, i, matrix):
                    em = raw.FPDFText_GetFontSize(textpage, i) * math.hypot(matrix.c, matrix.d)
                    if em > 0.5:
                        ratio = (t - b) / em
                # learnt from a glyph's own box, the ratio would be wrong for the font's
                # other letters: it serves the font's glyph-boxed letters until a letter
                # with the line's box comes (a font whose every letter is glyph-boxed keeps it)
                (boxed_ratios if boxed else ratios)[key] = ratio
        text = chr(code)
        if boxed:
            glyph_boxed.append(len(out))
        out.append(Char(LIGATURES.get(text, text), x0, x1, height - t, height - b, t - b, name, bold, angle, space, i, (t - b) / (ratio or 1.0)))
        space = False
    if glyph_boxed:
        _line_boxes(out, glyph_boxed)
    return out


def _line_boxes(chars: list[Char], boxed: list[int]) -> None:
    """Give each letter that PDFium boxed by its glyph the line's box (top, bottom, size
    and em) of the nearest letter near it in the stream, in the same font and on the same
    line, that has one; a letter with no such neighbour keeps its box. Letters of scripts
    shaped into clusters (Hebrew and Arabic onwards: Indic, Thai...) keep theirs: there
    PDFium's line boxes differ from glyph to glyph anyway, so a neighbour's is no truer."""
    skip = set(boxed)
    n = len(chars)
    for k in boxed:
        c = chars[k]
        if c.text >= "\u0590":
            continue
        mid = (c.top + c.bottom) / 2
        for j in _nearest(k, n):
            if j in skip:
                continue
            o = chars[j]
            if o.font == c.font and o.upright == c.upright and o.top <= mid <= o.bottom and (
                o.x0 - 2 * o.size <= c.x1 and c.x0 <= o.x1 + 2 * o.size
            ):
                c.top, c.bottom, c.size, c.em = o.top, o.bottom, o.size, o.em
                break


def _nearest(k: int, n: int, reach: int = 4):
    """Positions beside ``k``, nearest first, up to ``reach`` on each side: k-1, k+1, k-2..."""
    for d in range(1, reach + 1):
        if k - d >= 0:
            yield k - d
        if k + d < n:
            yield k + d


def _shapes(raw, page, height: float) -> tuple[list[Shape], int]:
    shapes: list[Shape] = []
    images = 0
    fill = raw.FPDF_FILLMODE_NONE
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    x, y = ctypes.c_float(), ctypes.c_float()
    bl, bb, br, bt = (ctypes.c_float() for _ in range(4))
    for obj in _objects(raw, page):
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, bl, bb, br, bt):
            continue  # an object PDFium cannot place is not a box
        left, bottom, right, top = bl.value, bb.value, br.value, bt.value
        raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke))
        filled = mode.value != fill
        white = False
        if filled and raw.FPDFPageObj_GetFillColor(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
            white = min(r.value, g.value, b.value) >= 245 or a.value == 0
        shape = Shape(left, height - top, right, height - bottom, filled, bool(stroke.value), white)
        if min(right - left, top - bottom) < 3 or bool(stroke.value):
            shape.segments = _segments(raw, obj, height, x, y)
        shapes.append(shape)
    return shapes, images


def _objects(raw, page, max_depth: int = 4):
    """The page's objects and those inside its forms (``max_depth`` forms deep), through
    PDFium's own calls (pypdfium2's wrapper objects cost more than the shapes)."""
    handle = page.raw if hasattr(page, "raw") else page
    stack = [(None, 0, 0)]
    while stack:
        form, level, i = stack.pop()
        count = raw.FPDFFormObj_CountObjects(form) if form is not None else raw.FPDFPage_CountObjects(handle)
        while i < count:
            obj = raw.FPDFFormObj_GetObject(form, i) if form is not None else raw.FPDFPage_GetObject(handle, i)
            i += 1
            if not obj:
                continue
            yield obj
            if level < max_depth - 1 and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
                stack.append((form, level, i))
                stack.append((obj, level + 1, 0))
                break


def _segments(raw, obj, height: float, x, y) -> list[tuple]:
    """Axis-aligned straight segments of a path, in page space (top-down y)."""
    count = raw.FPDFPath_CountSegments(obj)
    if count <= 0 or count > 400:
        return []
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    points = []
    for i in range(count):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            return []
        px, py = x.value, y.value
        points.append((raw.FPDFPathSegment_GetType(seg), a * px + c * py + e, height - (b * px + d * py + f), raw.FPDFPathSegment_GetClose(seg)))
    out = []
    start = prev = None
    for kind, px, py, close in points:
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = (px, py)
            continue
        if prev is None:
            start = prev = (px, py)
            continue
        if kind == raw.FPDF_SEGMENT_LINETO:
            _add_segment(out, prev, (px, py))
        prev = (px, py)
        if close and start:
            _add_segment(out, prev, start)
            prev = start
    return out


def _add_segment(out, p, q) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.5 and abs(x0 - x1) >= 1:
        out.append(("h", min(x0, x1), y0, max(x0, x1), y0))
    elif abs(x0 - x1) < 0.5 and abs(y0 - y1) >= 1:
        out.append(("v", x0, min(y0, y1), x0, max(y0, y1)))
