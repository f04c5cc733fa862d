"""Hostile PDFs for issue 24, built in memory: each is a few hundred bytes to about 1 MB and
asks PDFium for far more than a letter could (hundreds of MB unpacked, 10^9 drawing
operations, 200,000 pages) or refers to itself. Used by tests/test_readers_pdf_hostile.py
and bench/bench_pdf_hostile.py. The text drawn is our own."""

from __future__ import annotations

import zlib

TEXT = b"BT /F1 12 Tf 72 700 Td (Please come to your appointment on time.) Tj ET\n"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def build(objects: dict[int, bytes], root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF file of ``objects`` (number -> body) with a correct cross-reference table."""
    parts = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
    size = len(parts[0])
    offsets = {}
    for num in sorted(objects):
        offsets[num] = size
        part = b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
        parts.append(part)
        size += len(part)
    count = max(objects) + 1
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
    xref += [b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, count)]
    parts += xref
    parts.append(b"trailer << /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (count, root, trailer, size))
    return b"".join(parts)


def stream(data: bytes, extra: bytes = b"", packed: bytes | None = None) -> bytes:
    """A FlateDecode stream of ``data`` (or of ``packed``, already compressed)."""
    body = zlib.compress(data, 9) if packed is None else packed
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def page(contents: bytes = b"4 0 R", resources: bytes = b"<< /Font << /F1 5 0 R >> >>") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" /Contents " + contents + b" >>"


def packed_run(byte: bytes, megabytes: int) -> bytes:
    """``megabytes`` MB of one byte, compressed without ever holding them (about 1000:1)."""
    z = zlib.compressobj(9)
    block = byte * (1 << 20)
    out = [z.compress(block) for _ in range(megabytes)]
    out.append(z.flush())
    return b"".join(out)


def letter(content: bytes = TEXT) -> bytes:
    """A harmless one-page PDF: the reference the hostile ones are compared with."""
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(), 4: stream(content), 5: FONT})


def flate_bomb(megabytes: int = 650) -> bytes:
    """A content stream: one line of text, then ``megabytes`` MB of spaces (about 0.6 MB)."""
    packed = zlib.compressobj(9)
    body = packed.compress(TEXT)
    block = b" " * (1 << 20)
    body += b"".join(packed.compress(block) for _ in range(megabytes)) + packed.flush()
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(), 4: stream(b"", packed=body), 5: FONT})


def double_flate_bomb(megabytes: int = 2000) -> bytes:
    """Compressed twice ([/FlateDecode /FlateDecode]): 2 GB from a few KB."""
    inner = packed_run(b"\0", megabytes)
    outer = zlib.compress(inner, 9)
    body = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] /Length1 %d >>\nstream\n" % (len(outer), megabytes << 20)
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>"
    desc = b"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>"
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(), 4: stream(TEXT), 5: font, 6: desc, 7: body + outer + b"\nendstream"})


def image_bomb(megabytes: int = 300) -> bytes:
    """An RGB image that unpacks to ``megabytes`` MB of black."""
    side = int((megabytes * (1 << 20) / 3) ** 0.5)
    image = stream(b"", extra=b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8" % (side, side),
                   packed=packed_run(b"\0", (side * side * 3) >> 20))
    res = b"<< /Font << /F1 5 0 R >> /XObject << /I 6 0 R >> >>"
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(resources=res), 4: stream(TEXT + b"q 100 0 0 100 0 0 cm /I Do Q\n"), 5: FONT, 6: image})


def form_fan_out(depth: int = 9, width: int = 10) -> bytes:
    """Forms that each draw the next ``width`` times, ``depth`` deep: width**depth texts."""
    objects = {1: CATALOG, 2: ONE_PAGE, 5: FONT}
    first = 10
    for d in range(depth):
        num = first + d
        if d == depth - 1:
            body, res = TEXT, b"<< /Font << /F1 5 0 R >> >>"
        else:
            body, res = b"/X Do\n" * width, b"<< /XObject << /X %d 0 R >> >>" % (num + 1)
        objects[num] = stream(body, extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + res)
    objects[3] = page(resources=b"<< /XObject << /X %d 0 R >> >>" % first)
    objects[4] = stream(b"/X Do\n" * width)
    return build(objects)


def operator_flood(count: int = 5_000_000) -> bytes:
    """Ten million operators on one page from 20 KB."""
    return letter(TEXT + b"q Q\n" * count)


def text_flood(count: int = 2_000_000) -> bytes:
    """Two million one-letter strings, written without spaces: (a)Tj(a)Tj..."""
    return letter(b"BT /F1 12 Tf " + b"(a)Tj" * count + b" ET")


def many_pages(count: int = 200_000) -> bytes:
    """A page tree of 200,000 pages, every one the same page object."""
    kids = b"[" + b"3 0 R " * count + b"]"
    return build({1: CATALOG, 2: b"<< /Type /Pages /Kids " + kids + b" /Count %d >>" % count, 3: page(), 4: stream(TEXT), 5: FONT})


def self_kids() -> bytes:
    """A page tree that lists itself among its kids."""
    return build({1: CATALOG, 2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", 3: page(), 4: stream(TEXT), 5: FONT})


def self_contents() -> bytes:
    """A page whose contents array holds itself."""
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(contents=b"6 0 R"), 4: stream(TEXT), 5: FONT, 6: b"[4 0 R 6 0 R]"})


def self_form() -> bytes:
    """A form XObject that draws itself."""
    res = b"<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"
    form = stream(TEXT + b"/X Do\n", extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + res)
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(resources=res), 4: stream(b"/X Do\n"), 5: FONT, 6: form})


def two_forms_loop() -> bytes:
    """Two forms that draw each other, each twice."""
    res_a = b"<< /Font << /F1 5 0 R >> /XObject << /B 7 0 R >> >>"
    res_b = b"<< /Font << /F1 5 0 R >> /XObject << /A 6 0 R >> >>"
    form_a = stream(TEXT + b"/B Do /B Do\n", extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + res_a)
    form_b = stream(TEXT + b"/A Do /A Do\n", extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + res_b)
    page_res = b"<< /Font << /F1 5 0 R >> /XObject << /A 6 0 R >> >>"
    return build({1: CATALOG, 2: ONE_PAGE, 3: page(resources=page_res), 4: stream(b"/A Do\n"), 5: FONT, 6: form_a, 7: form_b})


def xref_loop() -> bytes:
    """A trailer whose /Prev points at its own cross-reference table."""
    data = letter()
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return data.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % start)


def parent_loop() -> bytes:
    """A page whose parent is a page tree whose parent is the page."""
    return build({1: CATALOG, 2: b"<< /Type /Pages /Parent 3 0 R /Kids [3 0 R] /Count 1 >>",
                  3: page(resources=b"<< /Font << /F1 5 0 R >> >> /Parent 2 0 R"), 4: stream(TEXT), 5: FONT})


#: name -> (builder, what the reader must say: a piece of the one-line error, or None when
#: the file is read: its one line of text)
CASES = {
    "flate_bomb": (flate_bomb, "unpacks to more than"),
    "double_flate_bomb": (double_flate_bomb, "unpacks to more than"),
    "image_bomb": (image_bomb, "unpacks to more than"),
    "form_fan_out": (form_fan_out, "drawing operations"),
    "operator_flood": (operator_flood, "drawing operations"),
    "text_flood": (text_flood, "drawing operations"),
    "many_pages": (many_pages, "pages, more than litcheck reads"),
    "self_kids": (self_kids, None),
    "self_contents": (self_contents, None),
    "self_form": (self_form, "draws itself"),
    "two_forms_loop": (two_forms_loop, "draws itself"),
    "xref_loop": (xref_loop, None),
    "parent_loop": (parent_loop, None),
}
