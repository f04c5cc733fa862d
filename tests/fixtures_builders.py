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


# -- PDFs that reproduce what goes wrong on real NHS leaflets (issue 15) ---------------------

BOXED = (
    "If you feel unwell on the day of your treatment, please call the ward before you travel "
    "so that we can talk about what to do when you are ready."
)


def shaded_boxes_pdf() -> bytes:
    """A grey panel with a bordered box nested inside it, and a page-wide coloured
    background: none of them is a table."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_fill_color(235, 245, 255)
    pdf.rect(0, 0, 210, 297, style="F")  # the page background
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 25, "Please read this before you come in.")
    pdf.set_fill_color(220, 220, 220)
    pdf.rect(15, 35, 180, 45, style="F")  # the shaded panel
    pdf.set_draw_color(0, 94, 184)
    pdf.rect(18, 38, 174, 39, style="D")  # a bordered box inside it
    pdf.set_xy(22, 42)
    pdf.multi_cell(166, 6, BOXED)
    pdf.text(20, 95, "We look forward to seeing you.")
    return bytes(pdf.output())


COLUMN_SENTENCE = (
    ["Coming to clinic", "Please arrive ten minutes", "before your appointment so", "that the nurse can check"],
    ["your height and weight.", "Bring your glasses and a", "list of your medicines."],
)


def column_sentence_pdf() -> bytes:
    """Two columns with a sentence that runs from the foot of one to the top of the next."""
    pdf = _pdf()
    pdf.add_page()
    _columns(pdf, COLUMN_SENTENCE, [20, 110], y0=40)
    return bytes(pdf.output())


def rotated_and_drop_cap_pdf() -> bytes:
    """A print code up the left margin, a diagonal watermark, and a large initial letter."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=8)
    with pdf.rotation(90, 8, 200):
        pdf.text(8, 200, "PIL 1234 v2 05/2024")
    pdf.set_font("helvetica", "B", 60)
    pdf.set_text_color(200, 200, 200)
    with pdf.rotation(45, 60, 200):
        pdf.text(60, 200, "DRAFT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", size=36)
    pdf.text(20, 52, "M")
    pdf.set_font("helvetica", size=11)
    lines = ["ost people feel better within a week. We encourage", "them to rest and drink plenty of water, and to", "call us on 0300 123 4567 if they are worried."]
    for i, line in enumerate(lines):
        pdf.text(34 if i < 2 else 20, 43 + i * 6, line)
    for i, line in enumerate(["Your nurse will talk to you about what", "happens next and answer your questions."]):
        pdf.text(20, 75 + i * 6, line)
    return bytes(pdf.output())


def spacing_pdf() -> bytes:
    """Small print whose words are placed one by one with no space characters, fake bold
    drawn twice, and a full stop drawn just after a link."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=6)
    x = 20.0
    for word in "Many people are already taking part in the study".split():
        pdf.text(x, 30, word)
        x += pdf.get_string_width(word) + 0.55  # about a quarter of an em at 6 points
    pdf.set_font("helvetica", "B", 12)
    for dx in (0, 0.12):  # fake bold: the same words drawn twice, a hair apart
        pdf.text(20 + dx, 45, "COMPLETE THIS FORM")
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 60, "Email us at help@nhs.net")
    pdf.text(20 + pdf.get_string_width("Email us at help@nhs.net") + 0.3, 60, ".")
    return bytes(pdf.output())


def line_ends_pdf() -> bytes:
    """Line ends: a real hyphen, a broken word, a number that starts a line, a web address
    split at a hyphen, and a paragraph that runs over a page break."""
    pdf = _pdf()
    pdf.add_page()
    _columns(pdf, [[
        "This is a consultant-",
        "led clinic. Please bring your appoint-",
        "ment letter. When you reach the ring road, turn",
        "71 metres after the bus stop into the car park.",
        "Read more at www.nhs.uk/cervical-",
        "screening-easy-read-guide before you come.",
    ]], [20], y0=40)
    _columns(pdf, [["You can bring a friend or a member of your family with you if you would like"]], [20], y0=270)
    pdf.add_page()
    _columns(pdf, [["someone there for support.", "We will see you soon."]], [20], y0=30)
    return bytes(pdf.output())


def browser_print_pdf() -> bytes:
    """Two pages printed from a browser: date and time and the title at the top, the page's
    address and "1/2" at the foot."""
    pdf = _pdf()
    bodies = [
        ["Asthma attacks", "Call 999 if you are having an asthma attack and your inhaler", "is not helping."],
        ["See a GP within 2 days of an asthma attack to talk about your", "treatment."],
    ]
    for n, lines in enumerate(bodies, start=1):
        pdf.add_page()
        pdf.set_font("helvetica", size=8)
        pdf.text(8, 7, "01/12/2025, 10:36")
        pdf.text(95, 7, "Asthma attacks - NHS")
        pdf.text(8, 291, "file:///C:/Users/nurse/Downloads/asthma.html")
        pdf.text(195, 291, f"{n}/2")
        _columns(pdf, [lines], [20], y0=30)
    return bytes(pdf.output())


# -- layout (issue 23): Word letters whose look is the problem --------------------------


def layout_letter_docx() -> bytes:
    """An outpatient letter in Word with the layout problems accessible-information guidance
    names, beside the same things done right. Each problem is in its own paragraph; the
    words are our own."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    from litcheck.analysers.layout_examples import add_link, add_picture, shade

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(12)
    logo = d.add_paragraph().add_run()
    add_picture(logo, "Northfield Hospitals NHS Trust logo")
    d.add_paragraph("Your appointment at the Eye Clinic", style="Heading 1")
    d.add_paragraph("Dear Mr Okafor,")
    d.add_paragraph("We have booked your appointment at the Eye Clinic for Tuesday 14 October at 9:40am.")
    bold = d.add_paragraph().add_run("Before you come")
    bold.bold = True
    d.add_paragraph("Please read this letter carefully and keep it somewhere safe until your appointment.")
    p = d.add_paragraph("The nurse will put drops in your eyes to make your pupils bigger. The drops can "
                        "blur your sight for up to 6 hours, so you must not drive home after your appointment.")
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p = d.add_paragraph("Please ")
    p.add_run("do not drive").underline = True
    p.add_run(" to the clinic: ask someone to bring you or come by bus.")
    p = d.add_paragraph()
    p.add_run("Bring your glasses").font.all_caps = True
    p.add_run(" and a list of the medicines you take.")
    p = d.add_paragraph()
    pale = p.add_run("Parking at the hospital costs £3 for up to 4 hours.")
    pale.font.color.rgb = RGBColor.from_string("A0A0A0")
    map_run = d.add_paragraph().add_run()
    add_picture(map_run, "")
    d.add_paragraph("The Eye Clinic is on the ground floor of the Outpatients building, next to car park B.")
    small = d.add_paragraph("If you need this letter in large print, Braille, audio or another language, "
                            "please call us on 0300 555 0142.")
    small.runs[0].font.size = Pt(9)
    box = d.add_table(rows=1, cols=1)
    box.rows[0].cells[0].paragraphs[0].add_run("If you feel unwell on the day, please call us before you travel.")
    data = d.add_table(rows=3, cols=2)
    for r, (day, hours) in enumerate((("Day", "Opening hours"), ("Monday", "8am to 6pm"), ("Saturday", "9am to 12pm"))):
        data.rows[r].cells[0].paragraphs[0].add_run(day)
        data.rows[r].cells[1].paragraphs[0].add_run(hours)
    from docx.oxml import OxmlElement

    data.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    p = d.add_paragraph("Read about eye drops at ")
    add_link(p, "www.nhs.uk/eye-drops", "https://www.nhs.uk/")
    panel = d.add_paragraph()
    panel_run = panel.add_run("Call 0300 555 0142 to change your appointment.")
    panel_run.font.color.rgb = RGBColor.from_string("FFFFFF")
    shade(panel._p.get_or_add_pPr(), "005EB8")
    d.add_paragraph("Yours sincerely,")
    d.add_paragraph("Eye Clinic team")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def easy_read_docx(pictures: bool = True, size: float = 16) -> bytes:
    """An Easy Read letter in Word: a two-column table, a picture on the left of each point
    (or none), text in ``size`` points."""
    import docx
    from docx.shared import Pt

    from litcheck.analysers.layout_examples import add_picture

    points = [
        "This letter is about your blood test.",
        "Your blood test is on Monday 6 October at 10am.",
        "The test is at your doctor's surgery.",
        "A nurse will take a little blood from your arm.",
        "You can bring someone with you.",
        "Call 0300 555 0199 if you cannot come.",
    ]
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(size)
    d.add_paragraph("Easy Read: your blood test", style="Title")
    table = d.add_table(rows=len(points), cols=2)
    for r, text in enumerate(points):
        if pictures and r != 4:  # one point without its picture
            add_picture(table.rows[r].cells[0].paragraphs[0].add_run(), "A picture for this point")
        table.rows[r].cells[1].paragraphs[0].add_run(text).font.size = Pt(size)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
