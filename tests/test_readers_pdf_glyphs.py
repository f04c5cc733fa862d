"""Letters drawn by one glyph (a "fi" ligature): PDF printers such as Chromium and Word
draw the ligature glyph inside an ``/ActualText`` span that says which letters it stands
for, and PDFium then gives those letters the glyph's own drawn box, cut evenly between
them, instead of the line's box every other letter gets. The reader must still see them as
letters of the line they are in: a real letter template lost "find your" out of "If they
can't arrange it, find your local COVID-19 vaccination contacts at ..." this way.

The PDFs are written here byte by byte (fpdf2 cannot write an ActualText span), from our
own text modelled on that letter, in the standard Helvetica and Times fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import real_files as rf  # noqa: E402
from pdf_hostile import build  # noqa: E402

from litcheck.readers import read_bytes, read_file  # noqa: E402
from litcheck.segment import split_sentences  # noqa: E402

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi] >> >>"


def _show(text: str) -> bytes:
    """Text-showing operators for ``text``, each "fi" drawn by the ligature glyph (code 1)
    in an ActualText span of its own, as Chromium writes it."""
    out = b""
    for i, part in enumerate(text.split("fi")):
        if i:
            out += b"/Span <</ActualText (fi)>> BDC <01> Tj EMC\n"
        if part:
            out += b"(" + part.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") + b") Tj\n"
    return out


def ligature_pdf(lines: list[tuple[str, float, float, float, str]]) -> bytes:
    """A one-page A4 PDF: each line is (font resource F1 or F2, size, x, y from the top, text)."""
    content = b""
    for font, size, x, top, text in lines:
        content += b"BT /%s %g Tf %g %g Td\n" % (font.encode(), size, x, 842 - top) + _show(text) + b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        _FONT % b"Helvetica",
        _FONT % b"Times-Roman",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return build(dict(enumerate(objects, start=1)))


def _blocks(data: bytes):
    doc = read_bytes(data, "pdf", "letter.pdf")
    return doc, [(b.kind, " ".join(doc.block_text(b).split())) for b in doc.blocks]


# Large print, as the letter template: the ligature opens a word after a space, mid-line.
HOME_VISIT = [
    "If you get your care at home, contact your GP",
    "surgery for a home visit. If they cannot arrange",
    "it, find your local vaccination contacts at",
    "www.example.nhs.uk/vaccination-contacts.",
]


def test_a_ligature_that_opens_a_word_stays_in_its_line_and_sentence():
    doc, got = _blocks(ligature_pdf([("F1", 20, 42, 100 + 27 * i, line) for i, line in enumerate(HOME_VISIT)]))
    assert got == [("paragraph", " ".join(HOME_VISIT))]
    sentences = [" ".join(doc.text[s.start : s.end].split()) for s in split_sentences(doc)]
    assert "If they cannot arrange it, find your local vaccination contacts at www.example.nhs.uk/vaccination-contacts." in sentences
    assert rf.torn(doc) == []


def test_the_letters_of_a_ligature_get_the_box_and_size_of_their_line():
    from litcheck.readers.pdf_chars import open_document, read_page

    data = ligature_pdf([("F1", 20, 42, 100, "To find out more, ask at the desk.")])
    f, i, n = [c for c in read_page(open_document(data), 0).chars if c.text in "fin"][:3]
    assert (f.text, i.text, n.text) == ("f", "i", "n")
    assert (f.top, f.bottom, f.size) == (i.top, i.bottom, i.size) == (n.top, n.bottom, n.size)
    assert abs(f.em - 20) < 0.5 and abs(n.em - 20) < 0.5
    doc = read_bytes(data, "pdf", "letter.pdf")
    assert [doc.block_text(b) for b in doc.blocks] == ["To find out more, ask at the desk."]


# A paragraph in a second font whose very first glyph drawn is the ligature: the font's
# line height must not be learnt from the ligature's small drawn box, or every later letter
# in that font would be read as 18 pt print (a heading, when the paragraph is short).
CLINIC = [
    "The clinic is on the ground floor of the health centre, next to the",
    "pharmacy. Please come ten minutes before your appointment time so",
    "that you can book in at the front desk.",
]
WALK = [
    "The health centre is a short walk from the main bus station in the town centre:",
    "five minutes on foot at most. There is a car park behind the building, with",
    "spaces for blue badge holders.",
]


def test_a_font_whose_first_glyph_is_a_ligature_is_not_read_as_large_print():
    walk = [("F2", 11, 42, 160 + 14 * i, line) for i, line in enumerate(WALK)]
    clinic = [("F1", 11, 42, 100 + 14 * i, line) for i, line in enumerate(CLINIC)]
    # the line that opens with the ligature is drawn first, so "fi" is Times' first glyph
    data = ligature_pdf([walk[1]] + clinic + [walk[0], walk[2]])
    doc, got = _blocks(data)
    assert got == [("paragraph", " ".join(CLINIC)), ("paragraph", " ".join(WALK))]
    from litcheck.readers.pdf_chars import open_document, read_page

    sizes = {c.font: round(c.em, 1) for c in read_page(open_document(data), 0).chars}
    assert sizes == {"Helvetica": 11.0, "Times-Roman": 11.0}  # (not 18 pt in Times)


def test_the_real_letter_keeps_find_your_in_its_sentence():
    """The letter template the bug was found in, read by path when the shared folder is here."""
    path = rf.FOLDER / "docs" / "006-spring-covid-vaccination-letter-template.pdf"
    if not path.exists():
        return
    doc = read_file(path)
    text = rf.normalise(doc.text)
    assert "If they can't arrange it, find your local COVID-19 vaccination contacts at" in text
    assert "To find out more, you can access our privacy notice" in text
    assert rf.torn(doc) == []


# A line of an Arabic letter that is mostly a web address: the Arabic word ("the website")
# is drawn right to left after the address, letter by letter in reading order, as Word and
# Chromium draw it.
ADDRESS = "www.nhs.uk/flu-pharmacy"
WEBSITE = "الموقع"


def mixed_line_pdf() -> bytes:
    import pytest
    from fpdf import FPDF

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("needs the DejaVu Sans font to build the file")
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("dv", fname=str(font))
    pdf.set_font("dv", size=12)
    pdf.text(60, 100, ADDRESS)
    x = 60 + pdf.get_string_width(ADDRESS) + 4 + pdf.get_string_width(WEBSITE)
    for letter in WEBSITE:  # reading order, each letter left of the one before
        x -= pdf.get_string_width(letter)
        pdf.text(x, 100, letter)
    return bytes(pdf.output())


def test_a_right_to_left_word_in_a_left_to_right_line_keeps_its_letters_in_order():
    doc = read_bytes(mixed_line_pdf(), "pdf", "letter.pdf")
    assert doc.text == f"{ADDRESS} {WEBSITE}"
