"""Small documents built in memory for the upload page's tests: .docx, .pdf, a zip bomb."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from tests.pdf_hostile import build

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def docx(paragraphs: list[str], extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word document with one run per paragraph."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def zip_bomb_docx(unpacked_mb: int = 200) -> bytes:
    """A .docx whose extra part unpacks to ``unpacked_mb`` MB of zeros (a few hundred KB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", "<w:document/>")
        with z.open("word/media/padding.bin", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                part.write(chunk)
    return buf.getvalue()


def pdf(lines: list[str]) -> bytes:
    """A one-page PDF with the lines in Helvetica (text a PDF reader can extract)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"] + [f"({esc(line)}) Tj T*" for line in lines] + ["ET"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return build(dict(enumerate(objects, start=1)))


def lying_zip_docx(unpacked_mb: int = 1024, claimed: int = 1000, part: str = "word/document.xml") -> bytes:
    """A .docx whose zip index lies: ``part`` (the document itself by default: a reader must
    unpack it) holds ``unpacked_mb`` MB but says it unpacks to ``claimed`` bytes, in its local
    header and in the central directory, so a guard that trusts the index lets it through
    (about 1 MB packed for 1 GiB)."""
    import struct

    name = part.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        if part != "word/document.xml":
            z.writestr("word/document.xml", docx_document_xml(["Dear Mr Smith,", "Please come to the clinic."]))
        with z.open(part, "w") as member:
            if part == "word/document.xml":
                member.write(docx_document_xml(["Dear Mr Smith,"]).encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    data = bytearray(buf.getvalue())
    pos = 0
    while (local := data.find(b"PK\x03\x04", pos)) >= 0:
        n, = struct.unpack_from("<H", data, local + 26)
        if bytes(data[local + 30 : local + 30 + n]) == name:
            struct.pack_into("<I", data, local + 22, claimed)
        pos = local + 4
    pos = 0
    while (central := data.find(b"PK\x01\x02", pos)) >= 0:
        n, = struct.unpack_from("<H", data, central + 28)
        if bytes(data[central + 46 : central + 46 + n]) == name:
            struct.pack_into("<I", data, central + 24, claimed)
        pos = central + 4
    return bytes(data)


def docx_document_xml(paragraphs: list[str]) -> str:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
