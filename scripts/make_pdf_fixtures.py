"""Regenerate the PDF fixtures in tests/data/pdf/ (issue 15) from sources built here.

    python scripts/make_pdf_fixtures.py            # needs soffice (LibreOffice) and chromium

- ``libreoffice_leaflet.pdf``: a Word file made with python-docx (a title, a shaded
  paragraph, a bordered box, a text box with a coloured fill, two columns with a sentence
  cut by a column break, a ruled table, a running header and a page-number footer on two
  pages), converted by ``soffice --headless --convert-to pdf``.
- ``chromium_print.pdf``: an HTML page printed by ``chromium --headless --print-to-pdf``
  with the browser's own header and footer (date and time, title, file address, "1/2"),
  with a real hyphen and a number at the start of a line, each after a forced line break.

The texts are our own writing, modelled on clinic leaflets. The PDFs are committed, so the
tests (tests/test_readers_pdf_fixtures.py) need neither LibreOffice nor Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "pdf"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'

TITLE = "Coming to the Eye Clinic"
SHADED = "Please bring your glasses, your reading glasses and a list of the medicines you take."
BORDERED = "If you cannot come, please tell us as soon as you can so that someone else can have your appointment."
TEXTBOX = "Parking is free for blue badge holders in car park B."
COLUMN_1 = [
    "Your appointment will take about two hours. Most of this time is spent waiting for the eye drops to work.",
    "The nurse will check how well you can see and will then put drops in your eyes. The drops make your pupils larger so that the doctor can see the back of your eyes.",
    "The drops can make your sight blurred for four to six hours. Please do not drive until your sight is clear again.",
    "Bring sunglasses if you have them, because bright light may feel uncomfortable after the drops.",
]
#: a sentence cut by a column break: its first half ends column 1, its second half starts column 2
CUT = ("If you would like a reminder, tell the receptionist and we will send you a", "text message two days before your appointment.")
COLUMN_2 = [
    "You can bring a friend or relative with you. They can wait with you and help you get home.",
    "Children under twelve should not come unless they are the patient, as the waiting area is small.",
]
TABLE = [("Day", "Clinic hours"), ("Monday", "9am to 5pm"), ("Thursday", "1pm to 7pm")]
PAGE_2 = [
    "After your appointment the doctor will write to you and to your GP with the results.",
    "If your eyes become red or painful after the drops, call the eye casualty line on 0300 555 0199.",
]
HEADER = "Eye Clinic patient information"


def _para(doc, text, shade=None, border=False, style=None):
    from docx.oxml import parse_xml

    p = doc.add_paragraph(text, style=style)
    ppr = p._p.get_or_add_pPr()
    if shade:
        ppr.append(parse_xml(f'<w:shd {W} w:val="clear" w:color="auto" w:fill="{shade}"/>'))
    if border:
        sides = "".join(f'<w:{s} w:val="single" w:sz="8" w:space="4" w:color="1F4E79"/>' for s in ("top", "left", "bottom", "right"))
        ppr.append(parse_xml(f"<w:pBdr {W}>{sides}</w:pBdr>"))
    return p


def leaflet_docx(path: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import parse_xml

    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    doc.add_heading(TITLE, level=1)
    _para(doc, SHADED, shade="D9E7F5")
    _para(doc, BORDERED, border=True)
    # a text box with a coloured fill, floating at the right of the page
    box = (
        f'<w:p {W} {V}><w:r><w:pict><v:shape id="box1" style="position:absolute;margin-left:300pt;margin-top:0pt;'
        'width:160pt;height:60pt;z-index:1;mso-position-horizontal-relative:margin" fillcolor="#FFF2CC" stroked="t">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{TEXTBOX}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r></w:p>"
    )
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(box))
    doc.add_paragraph("")
    doc.add_paragraph("")
    doc.add_paragraph("")
    # two columns from here on
    cols = doc.add_section(WD_SECTION.CONTINUOUS)
    cols._sectPr.append(parse_xml(f'<w:cols {W} w:num="2" w:space="567"/>'))
    for text in COLUMN_1:
        doc.add_paragraph(text)
    p = doc.add_paragraph(CUT[0])
    p.add_run().add_break(docx.enum.text.WD_BREAK.COLUMN)
    p.add_run(CUT[1])
    for text in COLUMN_2:
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(TABLE), cols=2)
    table.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # page 2, one column again
    one = doc.add_section(WD_SECTION.NEW_PAGE)
    one._sectPr.append(parse_xml(f'<w:cols {W} w:num="1"/>'))
    for text in PAGE_2:
        doc.add_paragraph(text)
    doc.save(path)


CHROME_TITLE = "Physiotherapy appointment"
#: (paragraph with a forced line break, the text as a person reads it)
CHROME_LINES = [
    ("Your first appointment is at the consultant-<br>led physiotherapy clinic in the outpatient building.",
     "Your first appointment is at the consultant-led physiotherapy clinic in the outpatient building."),
    ("The clinic is on the ground floor of the Riverside building, in room<br>14 beside the lifts.",
     "The clinic is on the ground floor of the Riverside building, in room 14 beside the lifts."),
]
CHROME_PARAS = [
    "Please wear loose clothes so that the physiotherapist can see how you move.",
    "The first visit takes about forty-five minutes. You will talk about your pain and try some gentle exercises.",
    "If you need an interpreter, tell us at least three days before your visit and we will book one for you.",
]


def chrome_html(path: Path) -> None:
    body = "".join(f"<p>{html}</p>" for html, _ in CHROME_LINES)
    body += "".join(f"<p>{t}</p>" for t in CHROME_PARAS)
    # enough further text to reach a second page, so the browser's furniture repeats
    more = "".join(
        f"<h2>Exercise {i}</h2><p>Do this exercise {i + 1} times a day, slowly, and stop if it hurts more than a little.</p>"
        for i in range(1, 15)
    )
    path.write_text(
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{CHROME_TITLE}</title>"
        "<style>body{font-family:'DejaVu Sans',sans-serif;font-size:12pt;max-width:40em} h2{font-size:14pt}</style></head>"
        f"<body><h1>{CHROME_TITLE}</h1>{body}{more}</body></html>",
        encoding="utf-8",
    )


def main() -> int:
    soffice = shutil.which("soffice")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not soffice or not chromium:
        print("needs soffice (LibreOffice) and chromium on PATH", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        leaflet_docx(tmp / "libreoffice_leaflet.docx")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp), str(tmp / "libreoffice_leaflet.docx")], check=True, capture_output=True, timeout=180)
        shutil.copy(tmp / "libreoffice_leaflet.pdf", OUT / "libreoffice_leaflet.pdf")
        chrome_html(tmp / "physio.html")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/chrome",
                        f"--print-to-pdf={tmp}/chromium_print.pdf", (tmp / "physio.html").as_uri()],
                       check=True, capture_output=True, timeout=180)
        shutil.copy(tmp / "chromium_print.pdf", OUT / "chromium_print.pdf")
    for name in ("libreoffice_leaflet.pdf", "chromium_print.pdf"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
