"""Build real .docx and .pdf files in the test run (python-docx and fpdf2)."""

from __future__ import annotations

import io

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _xml(fragment: str):
    from docx.oxml import parse_xml

    return parse_xml(fragment)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _para_xml(inner: str) -> str:
    return f"<w:p {NS}>{inner}</w:p>"


def fld_simple(name: str) -> str:
    return f'<w:fldSimple w:instr=" MERGEFIELD {name} "><w:r><w:t>«{name}»</w:t></w:r></w:fldSimple>'


def complex_field(instr: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run(shown)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def inline_sdt(text: str) -> str:
    return f'<w:sdt><w:sdtPr><w:alias w:val="Phone"/></w:sdtPr><w:sdtContent>{_run(text)}</w:sdtContent></w:sdt>'


def textbox_run(text: str) -> str:
    """A text box as Word writes it: a DrawingML shape, with a VML copy as the fallback."""
    box = f'<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>'
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    )


def append_raw_paragraph(doc, inner: str):
    p = _xml(_para_xml(inner))
    body = doc.element.body
    body.insert(len(body) - 1, p)  # before the final sectPr
    return p


def word_template() -> bytes:
    """A Word appointment template with every construct python-docx's .text drops."""
    import docx

    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "City Hospital NHS Trust"
    footer_p = section.footer.paragraphs[0]
    footer_p._p.append(_xml(f"<w:r {NS}><w:t xml:space=\"preserve\">Page </w:t></w:r>"))
    for el in _xml(f"<w:p {NS}>{complex_field(' PAGE ', '1')}</w:p>"):
        footer_p._p.append(el)

    doc.add_heading("Your appointment", level=1)  # paragraph 1
    append_raw_paragraph(doc, _run("Dear ") + fld_simple("PatientName") + _run(","))  # 2
    append_raw_paragraph(
        doc,
        _run("Your appointment is on ")
        + complex_field(" MERGEFIELD  AppointmentDate \\* MERGEFORMAT ", "«AppointmentDate»")
        + _run(" at the eye clinic."),
    )  # 3
    append_raw_paragraph(doc, _run("Call us on ") + inline_sdt("0123 456 7890") + _run(" if you cannot come."))  # 4
    sdt = _xml(
        f'<w:sdt {NS}><w:sdtPr><w:alias w:val="Arrival"/></w:sdtPr><w:sdtContent>'
        f"<w:p>{_run('Please arrive ten minutes early.')}</w:p></w:sdtContent></w:sdt>"
    )
    body = doc.element.body
    body.insert(len(body) - 1, sdt)  # paragraph 5 (inside a block content control)
    append_raw_paragraph(doc, _run("Where to park.") + textbox_run("Parking is free for patients."))  # 6
    doc.add_heading("What to bring", level=2)  # 7
    doc.add_paragraph("Your glasses", style="List Bullet")  # 8
    doc.add_paragraph("A list of your medicines", style="List Number")  # 9
    doc.add_paragraph("")  # 10: empty
    table = doc.add_table(rows=2, cols=2)
    for r, row in enumerate([("Day", "Time"), ("Monday", "9am")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("We look forward to seeing you.")  # 11
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def simple_docx(paragraphs: list[str]) -> bytes:
    import docx

    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# -- PDF ---------------------------------------------------------------------------------

LEFT = [
    "Your appointment is on Monday",
    "at nine in the morning. Please",
    "come to the main entrance.",
]
RIGHT = [
    "Parking is free for patients",
    "who show this letter at the",
    "desk by the main door.",
]


def _pdf(orientation="P", header=None, footer=None):
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            if header:
                self.set_font("helvetica", size=9)
                self.text(20, 12, header)

        def footer(self):
            if footer:
                self.set_font("helvetica", size=9)
                self.text(100, self.h - 8, footer.format(page=self.page_no()))

    pdf = Doc(orientation=orientation, unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    return pdf


def _columns(pdf, columns, x_positions, y0=40, leading=6, size=11):
    """Write columns of lines, interleaved line by line, as a naive writer would."""
    pdf.set_font("helvetica", size=size)
    for i in range(max(len(c) for c in columns)):
        for col, x in zip(columns, x_positions):
            if i < len(col):
                pdf.text(x, y0 + i * leading, col[i])


def two_column_pdf() -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 18)
    pdf.text(20, 25, "Coming to the eye clinic")
    _columns(pdf, [LEFT, RIGHT], [20, 110])
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 80, "If you cannot come, please call us on 0123 456 7890 as soon as you can.")
    return bytes(pdf.output())


TRIFOLD = [
    ["Before your scan", "Do not eat for six", "hours before you come."],
    ["On the day", "Bring a list of the", "medicines you take."],
    ["After your scan", "You can go home the", "same day with a friend."],
]


def trifold_pdf() -> bytes:
    pdf = _pdf(orientation="L")
    pdf.add_page()
    _columns(pdf, TRIFOLD, [15, 114, 213], y0=30)
    return bytes(pdf.output())


def table_pdf() -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 30, "Your clinic times are below.")
    pdf.set_xy(20, 40)
    with pdf.table(width=120, col_widths=(60, 60)) as table:
        for row in (("Day", "Time"), ("Monday", "9am"), ("Thursday", "2pm")):
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.text(20, 90, "Please come on time.")
    return bytes(pdf.output())


def running_pdf() -> bytes:
    """Three pages with a running header, a page-number footer and a hyphenated line end."""
    pdf = _pdf(header="City Hospital NHS Trust", footer="Page {page} of 3")
    bodies = [
        ["Please bring your appoint-", "ment letter with you."],
        ["You may need a blood test", "before you see the doctor."],
        ["We will write to your GP", "after your visit."],
    ]
    for lines in bodies:
        pdf.add_page()
        _columns(pdf, [lines], [20], y0=60)
    return bytes(pdf.output())


def scanned_page_pdf(text_pages=True) -> bytes:
    """Page 1 has text (if text_pages); page 2 is only an image."""
    from PIL import Image

    pdf = _pdf()
    if text_pages:
        pdf.add_page()
        _columns(pdf, [["Your appointment is on Monday."]], [20])
    pdf.add_page()
    img = Image.new("RGB", (200, 100), "white")
    pdf.image(img, x=20, y=20, w=100)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = _pdf()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    _columns(pdf, [["Private letter."]], [20])
    return bytes(pdf.output())


def many_pages_pdf(pages: int = 50) -> bytes:
    """A long two-column leaflet for the benchmark."""
    pdf = _pdf(header="City Hospital NHS Trust", footer="Page {page}")
    words = "please bring your letter and a list of the medicines you take to the clinic".split()
    for p in range(pages):
        pdf.add_page()
        left = [" ".join(words[(i + j) % len(words)] for j in range(6)) for i in range(35)]
        right = [" ".join(words[(i + j + 3) % len(words)] for j in range(6)) for i in range(35)]
        _columns(pdf, [left, right], [20, 110], y0=30, leading=6.5, size=10)
    return bytes(pdf.output())
