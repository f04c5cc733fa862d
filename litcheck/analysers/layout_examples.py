"""Layout rules' examples, made into files: a rule about type size needs a Word file in that size.

An example in a layout rule file is its text (paragraphs split by a blank line) and a
``layout`` mapping that says how the file looks:

    - text: "Your appointment\\n\\nPlease come to the Eye Clinic on Monday 3 March."
      layout: {first: {bold: true}}

Keys: ``size`` (points, every paragraph; 12 when not given), ``align`` (left, centre, right,
justify: every paragraph), ``first`` (the look of the first paragraph only: ``size``,
``bold``, ``underline``, ``caps``, ``colour``, ``background``, ``align``, ``style``, ``link``),
``picture`` (a picture in a paragraph of its own before the text: ``alt``, ``decorative``),
``table`` (the paragraphs as the rows of a table, cells split by " | "; ``header``: the
first row is a header row; ``pictures``: a picture in a first column beside every row),
``pdf`` (a PDF's facts, which no Word file has: ``tagged``, ``pages_without_text``).

A Word example is written with python-docx and read back by litcheck's own Word reader, so
the example runs through everything a real file does. A PDF example is a Document with the
PDF facts set, because litcheck has no PDF writer.
"""

from __future__ import annotations

import io
import struct
import zlib

from ..document import Layout
from ..errors import RuleError

FIRST_KEYS = {"size", "bold", "underline", "caps", "colour", "background", "align", "style", "link"}
KEYS = {"size", "align", "first", "picture", "table", "pdf"}
_ALIGN = {"left": 0, "centre": 1, "right": 2, "justify": 3}


def tiny_png(width: int = 8, height: int = 8, grey: int = 128) -> bytes:
    """A small grey PNG, made here so that examples need no image file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([grey]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def example_document(text: str, spec: dict):
    """The Document an example describes (see the module's docstring)."""
    unknown = set(spec) - KEYS
    if unknown:
        raise RuleError(f"an example's layout has unknown keys: {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if "pdf" in spec:
        return _pdf_document(text, spec["pdf"])
    from .. import readers

    return readers.read_bytes(word_file(paragraphs, spec), "docx", "example.docx")


def _pdf_document(text: str, facts: dict):
    from .. import readers

    doc = readers.read_text(text, "txt", "example.pdf")
    doc.format = "pdf"
    pages = tuple(facts.get("pages_without_text", ()))
    doc.layout = Layout(tagged=facts.get("tagged"), pages_without_text=pages, pages=max(pages, default=1))
    return doc


def word_file(paragraphs: list[str], spec: dict) -> bytes:
    """A .docx with these paragraphs, looking as ``spec`` says."""
    import docx

    first = dict(spec.get("first") or {})
    if set(first) - FIRST_KEYS:
        raise RuleError(f"an example's 'first' has unknown keys: {', '.join(sorted(set(first) - FIRST_KEYS))}")
    document = docx.Document()
    size = spec.get("size", 12)
    if "picture" in spec:
        picture = spec["picture"] or {}
        run = document.add_paragraph().add_run()
        add_picture(run, picture.get("alt", ""), picture.get("decorative", False))
    if "table" in spec:
        _table(document, paragraphs, spec["table"] or {}, size)
        return _save(document)
    for i, text in enumerate(paragraphs):
        look = first if i == 0 else {}
        style = look.get("style")
        p = document.add_paragraph(style=style) if style else document.add_paragraph()
        align = look.get("align", spec.get("align"))
        if align:
            p.alignment = _ALIGN[align]
        if look.get("link"):
            run = add_link(p, text, look["link"])
        else:
            run = p.add_run(text)
        style_run(run, {"size": size, **look})
    return _save(document)


def style_run(run, look: dict) -> None:
    from docx.shared import Pt, RGBColor

    if look.get("size") is not None:
        run.font.size = Pt(look["size"])
    if look.get("bold"):
        run.font.bold = True
    if look.get("underline"):
        run.font.underline = True
    if look.get("caps"):
        run.font.all_caps = True
    if look.get("colour"):
        run.font.color.rgb = RGBColor.from_string(look["colour"])
    if look.get("background"):
        shade(run._r.get_or_add_rPr(), look["background"])


def shade(properties, colour: str) -> None:
    """Shading (a fill colour) behind a run or a paragraph: w:shd in its properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    properties.append(shd)


def add_link(paragraph, text: str, url: str):
    """A hyperlink (Word's Hyperlink character style: blue and underlined) holding ``text``."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.run import Run

    rid = paragraph.part.relate_to(url if isinstance(url, str) else "https://www.nhs.uk", RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.append(u)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    link.append(r)
    paragraph._p.append(link)
    return Run(r, paragraph)


def add_picture(run, alt: str = "", decorative: bool = False) -> None:
    """A picture in ``run`` with ``alt`` as its alternative text (Word's description)."""
    from docx.oxml import parse_xml
    from docx.shared import Pt

    run.add_picture(io.BytesIO(tiny_png()), width=Pt(36))
    pr = run._r.xpath(".//wp:docPr")[0]
    if alt:
        pr.set("descr", alt)
    if decorative:
        pr.append(parse_xml(
            '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
            '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
            "</a:ext></a:extLst>"
        ))


def _table(document, paragraphs: list[str], spec: dict, size: float) -> None:
    from docx.oxml import OxmlElement

    rows = [p.split(" | ") for p in paragraphs]
    pictures = spec.get("pictures", False)
    columns = max(len(r) for r in rows) + (1 if pictures else 0)
    table = document.add_table(rows=len(rows), cols=columns)
    for r, cells in enumerate(rows):
        row = table.rows[r]
        offset = 0
        if pictures:
            add_picture(row.cells[0].paragraphs[0].add_run(), pictures if isinstance(pictures, str) else "A picture for this point")
            offset = 1
        for c, text in enumerate(cells):
            style_run(row.cells[c + offset].paragraphs[0].add_run(text), {"size": size})
    if spec.get("header"):
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def describe(spec: dict) -> str:
    """How an example file looks, in words, for its rule's page ("a Word file in 10 pt")."""
    if "pdf" in spec:
        facts = spec["pdf"] or {}
        parts = ["a PDF", "tagged" if facts.get("tagged") else "not tagged"]
        pages = facts.get("pages_without_text") or ()
        if pages:
            parts.append(f"page {', '.join(map(str, pages))} scanned (no text layer)")
        return ", ".join(parts)
    parts = [f"a Word file in {spec.get('size', 12):g} pt"]
    if spec.get("align"):
        parts.append({"justify": "justified"}.get(spec["align"], f"aligned {spec['align']}"))
    first = spec.get("first") or {}
    look = []
    if first.get("style"):
        look.append(f"in the style {first['style']}")
    for key, words in (("bold", "bold"), ("underline", "underlined"), ("caps", "in All caps")):
        if first.get(key):
            look.append(words)
    if first.get("size"):
        look.append(f"{first['size']:g} pt")
    if first.get("colour"):
        look.append(f"text #{first['colour']}")
    if first.get("background"):
        look.append(f"on #{first['background']}")
    if first.get("link"):
        look.append("a link")
    if look:
        parts.append("first paragraph " + " ".join(look))
    if "picture" in spec:
        picture = spec["picture"] or {}
        if picture.get("decorative"):
            parts.append("a picture marked decorative")
        elif picture.get("alt"):
            parts.append(f"a picture described as '{picture['alt']}'")
        else:
            parts.append("a picture with no alternative text")
    if "table" in spec:
        table = spec["table"] or {}
        words = "in a table, a paragraph a row"
        if table.get("header"):
            words += ", first row a header row"
        if table.get("pictures"):
            words += ", a picture beside each row"
        parts.append(words)
    return ", ".join(parts)
