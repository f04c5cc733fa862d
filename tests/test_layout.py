"""Layout and accessibility of the file (issue 23): what the Word and PDF readers record about
how a letter looks, and the rules/layout checks that read it.

The Word files are made in the test (tests/fixtures_builders.py) with our own words; the
real files in the shared folder are read by path and skipped where absent.
"""

from __future__ import annotations

import io

import pytest

from litcheck import readers
from litcheck.analysers.layout import contrast_ratio
from litcheck.check import check_document, check_text
from litcheck.errors import RuleError
from litcheck.rulebook import make_rule
from tests import real_files
from tests.pdf_hostile import build
from tests.fixtures_builders import easy_read_docx, layout_letter_docx, scanned_page_pdf, two_column_pdf, word_template


def read_docx(data: bytes):
    return readers.read_bytes(data, "docx", "letter.docx")


def layout_findings(report) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in report.findings if f.rule.startswith("layout.")]


# -- what the Word reader records -------------------------------------------------------


def test_word_reader_records_how_each_run_looks():
    doc = read_docx(layout_letter_docx())
    layout = doc.layout
    assert layout.body_size == 12

    def look(words):
        start = doc.text.index(words)
        return next(lk for lk in layout.looks if lk.start <= start < lk.end)

    assert look("Before you come").bold
    assert look("do not drive").underline and not look("to the clinic").underline
    assert look("Bring your glasses").caps and not look("and a list of the medicines").caps
    assert look("Parking at the hospital").colour == "A0A0A0" and look("Parking at the hospital").background == "FFFFFF"
    assert look("www.nhs.uk/eye-drops").link and look("www.nhs.uk/eye-drops").underline
    panel = look("Call 0300 555 0142 to change")
    assert (panel.colour, panel.background) == ("FFFFFF", "005EB8")  # paragraph shading is behind it
    assert look("If you need this letter in large print").size == 9
    assert look("Dear Mr Okafor").colour is None  # automatic: Word picks black or white itself


def test_each_look_is_placed_on_the_words_it_is_about():
    """Runs are found in the text after merge fields, content controls and text boxes."""
    doc = read_docx(word_template())
    ends = 0
    for lk in doc.layout.looks:
        assert lk.start >= ends and lk.end > lk.start  # in order, never overlapping
        ends = lk.end
    # runs that look alike make one look; every body paragraph, text box and cell has its
    # look (headers and footers are furniture: none)
    assert [doc.text[lk.start : lk.end] for lk in doc.layout.looks] == [
        "Your appointment", "Dear «PatientName»,", "Your appointment is on «AppointmentDate» at the eye clinic.",
        "Call us on 0123 456 7890 if you cannot come.", "Please arrive ten minutes early.", "Where to park.",
        "Parking is free for patients.", "What to bring", "Your glasses", "A list of your medicines",
        "Day", "Time", "Monday", "9am", "We look forward to seeing you.",
    ]


def test_paragraph_styles_alignment_pictures_and_tables_are_recorded():
    doc = read_docx(layout_letter_docx())
    layout = doc.layout
    styles = {doc.text[p.start : p.end][:20]: p.style for p in layout.paragraphs}
    assert styles["Your appointment at "] == "heading 1"  # Word's own name for its built-in style
    assert styles["Dear Mr Okafor,"] == "Normal"
    justified = [doc.text[p.start : p.end][:20] for p in layout.paragraphs if p.alignment == "justify"]
    assert justified == ["The nurse will put dr"[:20]]
    assert [(p.alt, p.decorative) for p in layout.pictures] == [("Northfield Hospitals NHS Trust logo", False), ("", False)]
    # a picture alone in its paragraph points at the next paragraph with text
    assert doc.text[layout.pictures[1].start :].startswith("The Eye Clinic is on the ground floor")
    assert layout.pictures[1].location == {"paragraph": 11}
    shapes = [(t.rows, t.columns, t.header_row) for t in layout.tables]
    assert shapes == [(1, 1, False), (3, 2, True)]


def test_sizes_come_from_styles_when_runs_do_not_say():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    d.add_paragraph("Your test results are ready and the doctor would like to talk to you about them.")
    d.add_paragraph("Results", style="Heading 2")
    out = io.BytesIO()
    d.save(out)
    doc = read_docx(out.getvalue())
    sizes = {doc.text[lk.start : lk.end]: lk.size for lk in doc.layout.looks}
    assert sizes["Your test results are ready and the doctor would like to talk to you about them."] == 10.5
    assert sizes["Results"] == 13  # python-docx's Heading 2 style
    assert doc.layout.body_size == 10.5


def test_plain_text_has_no_layout_and_no_layout_findings():
    report = check_text("PLEASE NOTE\n\nYour appointment is on Monday 6 October at 10am at the Eye Clinic.")
    assert report.document.layout is None
    assert not layout_findings(report)


# -- the checks on a realistic letter ---------------------------------------------------


def test_each_layout_problem_in_a_letter_is_found_and_nothing_done_right_is():
    report = check_document(read_docx(layout_letter_docx()))
    found = layout_findings(report)
    assert found == [
        ("layout.false_heading", "Before you come"),
        ("layout.justified", "The nurse will put drops in your eyes to make your pupils bigger. The drops can blur your sight for up to 6 hours, so you must not drive home after your appointment."),
        ("layout.underline", "do not drive"),
        ("layout.all_caps", "Bring your glasses"),
        ("layout.contrast", "Parking at the hospital costs £3 for up to 4 hours."),
        ("layout.picture_alt", "The Eye Clinic is on the ground floor of the Outpatients building, next to car park B."),
        ("layout.small_text", "If you need this letter in large print, Braille, audio or another language, please call us on 0300 555 0142."),
        ("layout.layout_table", "If you feel unwell on the day, please call us before you travel."),
    ]
    messages = {f.rule: f.message for f in report.findings}
    assert "2.6:1" in messages["layout.contrast"] and "4.5:1" in messages["layout.contrast"]
    assert "9 pt" in messages["layout.small_text"] and "12 pt" in messages["layout.small_text"]
    # the findings point back into the file: paragraph numbers as Word counts them
    where = {f.rule: dict(f.location) for f in report.findings}
    assert where["layout.underline"] == {"paragraph": 8}
    assert where["layout.layout_table"] == {"table": 1, "row": 1, "cell": 1}


def test_body_text_under_12_pt_is_one_finding_for_the_letter():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(11)
    d.add_paragraph("[Clinic address]")
    for n in range(4):
        d.add_paragraph(f"This is paragraph {n + 1} of a letter about your appointment at the Diabetes Clinic.")
    out = io.BytesIO()
    d.save(out)
    report = check_document(read_docx(out.getvalue()))
    found = [f for f in report.findings if f.rule == "layout.small_text"]
    assert len(found) == 1
    assert found[0].text.startswith("This is paragraph 1") and "11 pt" in found[0].message


def test_contrast_ratio_is_wcag_s():
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21)
    assert contrast_ratio("FFFFFF", "FFFFFF") == pytest.approx(1)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes
    assert contrast_ratio("777777", "FFFFFF") < 4.5
    assert contrast_ratio("005EB8", "FFFFFF") == pytest.approx(6.38, abs=0.01)  # NHS blue


def test_large_bold_text_needs_3_to_1_only():
    import docx
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    for size, bold in ((14, True), (12, False)):
        run = d.add_paragraph().add_run(f"Call us if you cannot come ({size} pt)")
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = RGBColor.from_string("8A8A8A")  # 3.4:1 on white
    out = io.BytesIO()
    d.save(out)
    report = check_document(read_docx(out.getvalue()))
    assert [t for r, t in layout_findings(report) if r == "layout.contrast"] == ["Call us if you cannot come (12 pt)"]


# -- Easy Read ----------------------------------------------------------------------------


def test_easy_read_point_without_a_picture_is_found():
    report = check_document(read_docx(easy_read_docx(pictures=True, size=16)), profile="easy_read")
    assert layout_findings(report) == [("layout.easy_read_pictures", "You can bring someone with you.")]


def test_easy_read_without_pictures_or_in_small_type():
    report = check_document(read_docx(easy_read_docx(pictures=False, size=12)), profile="easy_read")
    found = dict(layout_findings(report))
    assert set(found) == {"layout.easy_read_pictures", "layout.small_text"}
    small = next(f for f in report.findings if f.rule == "layout.small_text")
    assert "14 pt" in small.message
    # one finding for a document with no pictures, not one a point
    assert sum(f.rule == "layout.easy_read_pictures" for f in report.findings) == 1


def test_easy_read_rules_stay_off_other_letters():
    report = check_document(read_docx(easy_read_docx(pictures=False, size=12.5)), profile="appointment_letter")
    assert not layout_findings(report)


# -- PDF ----------------------------------------------------------------------------------


def tagged_pdf(tagged: bool) -> bytes:
    """A one-page PDF with a text layer; with ``tagged``, its catalog is marked and has a structure tree."""
    content = b"BT /F1 12 Tf 72 720 Td (Your appointment is on Monday 6 October at 10am.) Tj ET"
    marks = b" /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R" if tagged else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R" + marks + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /StructTreeRoot /K [] >>",
    ]
    return build(dict(enumerate(objects, start=1)))


def test_pdf_tags_are_read_from_the_file():
    untagged = readers.read_bytes(tagged_pdf(False), "pdf", "letter.pdf")
    tagged = readers.read_bytes(tagged_pdf(True), "pdf", "letter.pdf")
    assert untagged.layout.tagged is False and tagged.layout.tagged is True
    # off by default (print proofs of posted letters need no tags): selected for published PDFs
    assert not layout_findings(check_document(untagged))
    assert [r for r, _ in layout_findings(check_document(untagged, select=["layout"]))] == ["layout.pdf_tags"]
    assert not layout_findings(check_document(tagged, select=["layout"]))


def test_a_pdf_made_without_tags_is_found():
    doc = readers.read_bytes(two_column_pdf(), "pdf", "leaflet.pdf")  # fpdf2 writes no structure tree
    assert doc.layout.tagged is False and doc.layout.pages == 1
    # the Word checks do not run on a PDF: its reader records no fonts
    assert [r for r, _ in layout_findings(check_document(doc, select=["layout"]))] == ["layout.pdf_tags"]


def test_scanned_page_in_a_pdf_is_found():
    doc = readers.read_bytes(scanned_page_pdf(text_pages=True), "pdf", "letter.pdf")
    assert doc.layout.pages_without_text == (2,)
    report = check_document(doc)
    scanned = [f for f in report.findings if f.rule == "layout.scanned_pages"]
    assert len(scanned) == 1 and "Page 2 is" in scanned[0].message


# -- rule files ---------------------------------------------------------------------------


def write_rule(tmp_path, body: str):
    folder = tmp_path / "rules" / "layout"
    folder.mkdir(parents=True)
    path = folder / "mine.yml"
    path.write_text(body, encoding="utf-8")
    return path, tmp_path / "rules"


RULE = """kind: layout
{extra}
description: d
message: "{{what}}"
severity: suggestion
explain: {{why: w, instead: i, sources: [s]}}
examples:
  bad: [{{text: "Some words here.", layout: {{size: 9}}}}]
  good: [{{text: "Some words here.", layout: {{size: 12}}}}]
"""


def test_a_misspelt_check_is_a_load_error_with_a_did_you_mean(tmp_path):
    path, root = write_rule(tmp_path, RULE.format(extra="check: smal_text\nmin_size: 12"))
    with pytest.raises(RuleError, match=r"mine\.yml:2: unknown layout check 'smal_text'.*did you mean 'small_text'"):
        make_rule(path, root)


def test_a_setting_of_another_check_is_a_load_error(tmp_path):
    path, root = write_rule(tmp_path, RULE.format(extra="check: justified\nmin_ratio: 3"))
    with pytest.raises(RuleError, match="'min_ratio' is not a setting of the justified check"):
        make_rule(path, root)


def test_a_check_missing_its_threshold_is_a_load_error(tmp_path):
    path, root = write_rule(tmp_path, RULE.format(extra="check: small_text"))
    with pytest.raises(RuleError, match="the small_text check needs 'min_size'"):
        make_rule(path, root)


# -- litcheck annotate ------------------------------------------------------------------


def test_annotate_puts_each_layout_comment_on_the_words_it_is_about():
    from litcheck.fix.review import annotate_docx

    data = layout_letter_docx()
    reviewed = read_docx(annotate_docx(data))
    anchored = {c.text.rsplit("(", 1)[-1].rstrip(")"): reviewed.text[c.start : c.end] for c in reviewed.comments if "(layout." in c.text}
    assert anchored["layout.underline"] == "do not drive"
    assert anchored["layout.all_caps"] == "Bring your glasses"
    assert anchored["layout.false_heading"] == "Before you come"
    assert anchored["layout.contrast"].startswith("Parking at the hospital")
    assert anchored["layout.picture_alt"].startswith("The Eye Clinic is on the ground floor")
    assert anchored["layout.layout_table"].startswith("If you feel unwell on the day")
    assert not any(c.text.startswith("About the whole letter") and "(layout." in c.text for c in reviewed.comments)


# -- the real Word files (judged by hand; labels in tests/data/precision/findings_labels_layout3.tsv)


REAL = {
    # the NHS logo in each section's first-page header carries Word's automatic "A white letter on a black background"
    "010-cervical-screening-ceasing-template-arabic.docx": [("layout.false_heading", "More information"), ("layout.picture_alt", "Our ref"), ("layout.picture_alt", "رقمنا المرجعي")],
    "011-scan-results-letter-template.docx": [("layout.small_text", "This letter is to inform you"), ("layout.false_heading", "Next Steps:"), ("layout.false_heading", "What to do before your appointment:")],
    "012-shingles-vaccination-letter-template.docx": [("layout.small_text", "You are due for your Shingles"), ("layout.false_heading", "General Information:")],
    "013-diabetes-consultation-letter-template.docx": [("layout.small_text", "Medication: Continue taking"), ("layout.false_heading", "General Information:")],
    "014-blood-test-results-letter-template.docx": [("layout.small_text", "Your recent blood test"), ("layout.false_heading", "General Information:")],
}


@pytest.mark.skipif(not real_files.available(), reason="the shared real-files folder is not here (a CI clone)")
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_word_letters(name):
    report = check_document(readers.read_file(real_files.FOLDER / "docs" / name))
    found = [(r, t) for r, t in layout_findings(report)]
    assert len(found) == len(REAL[name]), found
    for (rule, text), (want_rule, want_start) in zip(sorted(found), sorted(REAL[name])):
        assert rule == want_rule and text.startswith(want_start), (rule, text)


# -- pictures in headers, automatic alternative text, text boxes with a fill ----------------


def _docx(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_logo_in_the_header_without_alternative_text_is_found():
    from litcheck.analysers.layout_examples import add_picture

    def build(d):
        header = d.sections[0].header.paragraphs[0]
        header.add_run("Northfield Hospitals NHS Trust ")
        add_picture(header.add_run(), "")
        d.add_paragraph("Your appointment is on Monday 6 October at 10am at the Eye Clinic.")

    report = check_document(read_docx(_docx(build)))
    found = [f for f in report.findings if f.rule == "layout.picture_alt"]
    assert len(found) == 1
    assert found[0].text == "Northfield Hospitals NHS Trust" and found[0].location == {"section": 1}


def test_alternative_text_word_wrote_by_itself_is_found():
    from litcheck.analysers.layout_examples import add_picture

    def build(d):
        add_picture(d.add_paragraph().add_run(), "A close up of a sign Description automatically generated")
        d.add_paragraph("The Eye Clinic is next to car park B, on the ground floor of the Outpatients building.")

    report = check_document(read_docx(_docx(build)))
    found = [f for f in report.findings if f.rule == "layout.picture_alt"]
    assert len(found) == 1 and "wrote by itself" in found[0].message


TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:spPr>{fill}</wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    '<w:t>Call 0300 555 0142 if you cannot come to your appointment.</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>"
)


@pytest.mark.parametrize("fill, found", [
    ('<a:solidFill><a:srgbClr val="005EB8"/></a:solidFill>', False),  # white on NHS blue
    ('<a:solidFill><a:srgbClr val="41B6E6"/></a:solidFill>', True),  # white on NHS light blue: 2.2:1
    ('<a:noFill/>', True),  # white on the white page
    ('<a:solidFill><a:schemeClr val="accent1"/></a:solidFill>', False),  # a theme fill: not known
])
def test_text_in_a_text_box_is_judged_against_the_box_s_fill(fill, found):
    from tests.fixtures_builders import append_raw_paragraph

    def build(d):
        d.add_paragraph("Your appointment is on Monday 6 October at 10am at the Eye Clinic.")
        ns = ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        append_raw_paragraph(d, TEXT_BOX.format(fill=fill).replace("<wps:wsp>", f"<wps:wsp{ns}>"))

    report = check_document(read_docx(_docx(build)))
    assert any(f.rule == "layout.contrast" for f in report.findings) is found


# -- web pages: pictures only -----------------------------------------------------------

PAGE = """<!doctype html><html><body><header><img src="trust-logo.png"></header>
<h1>Your eye test</h1>
<p>Come to the Eye Clinic on Monday 6 October at 10am.</p>
<img src="map.png">
<p>The clinic is next to car park B.</p>
<img src="divider.png" alt="">
<img src="open.gif" width="1" height="1">
<p><img src="phone.png" alt="Telephone"> Call 0300 555 0142 to change your appointment.</p>
<script>var img = '<img src="x.png">';</script>
</body></html>"""


def test_a_picture_on_a_web_page_without_alt_is_found_and_decorative_ones_are_not():
    doc = readers.read_text(PAGE, "html", "eye-test.html")
    # the page's own header, the empty alt (decorative), the tracking pixel and the script are left out
    assert [(p.name, p.alt, p.decorative) for p in doc.layout.pictures] == [
        ("map.png", "", False), ("divider.png", "", True), ("phone.png", "Telephone", False)]
    report = check_document(doc)
    assert layout_findings(report) == [("layout.picture_alt", "The clinic is next to car park B.")]
    assert next(f for f in report.findings if f.rule == "layout.picture_alt").location == {"line": 5}


def test_a_table_in_small_type_is_one_finding():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(12)
    for _ in range(4):
        d.add_paragraph("Your appointments at the Diabetes Clinic are in the table below. Please bring your "
                        "blood sugar diary and a list of your medicines to each of them.")
    table = d.add_table(rows=3, cols=2)
    for r in range(3):
        for c in range(2):
            table.rows[r].cells[c].paragraphs[0].add_run(f"Row {r + 1} has a note about the visit in column {c + 1}.").font.size = Pt(9)
    out = io.BytesIO()
    d.save(out)
    report = check_document(read_docx(out.getvalue()))
    found = [f for f in report.findings if f.rule == "layout.small_text"]
    assert len(found) == 1 and found[0].message.startswith("This table's text is in 9 pt")
    assert found[0].location == {"table": 1, "row": 1, "cell": 1}


def test_bold_lines_that_are_not_headings_are_left_alone():
    def build(d):
        for text in ("Northfield Eye Clinic", "Please bring this letter with you", "Call 0300 555 0142 if you cannot come",
                     "Monday 6 October at 10am"):
            d.add_paragraph().add_run(text).bold = True
            d.add_paragraph("Northfield Road, Leeds LS1 4AB" if text.startswith("Northfield") else
                            "We will see you in the Eye Clinic on the ground floor of the Outpatients building.")
        d.add_paragraph().add_run("What happens at the clinic").bold = True
        d.add_paragraph("A nurse will check your sight and put drops in your eyes before the doctor sees you.")

    report = check_document(read_docx(_docx(build)))
    assert [t for r, t in layout_findings(report) if r == "layout.false_heading"] == ["What happens at the clinic"]


def test_theme_colours_and_highlights_are_worked_out():
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(d):
        run = d.add_paragraph().add_run("Your results are normal and you do not need to do anything.")
        color = OxmlElement("w:color")
        color.set(qn("w:themeColor"), "accent1")  # no w:val: the theme says (4F81BD in python-docx's theme)
        run._r.get_or_add_rPr().append(color)
        marked = d.add_paragraph().add_run("Bring your glasses to the appointment.")
        marked.font.highlight_color = WD_COLOR_INDEX.YELLOW

    doc = read_docx(_docx(build))
    looks = {doc.text[lk.start : lk.end]: lk for lk in doc.layout.looks}
    assert looks["Your results are normal and you do not need to do anything."].colour == "4F81BD"
    assert looks["Bring your glasses to the appointment."].background == "FFFF00"
    found = [t for r, t in layout_findings(check_document(doc)) if r == "layout.contrast"]
    assert found == ["Your results are normal and you do not need to do anything."]  # 4.0:1; black on yellow passes


def test_a_letterhead_table_above_the_salutation_is_not_a_layout_table():
    def build(d):
        head = d.add_table(rows=1, cols=2)
        head.rows[0].cells[0].paragraphs[0].add_run("Northfield Hospitals NHS Trust")
        head.rows[0].cells[1].paragraphs[0].add_run("Eye Clinic, Northfield Road, Leeds LS1 4AB")
        d.add_paragraph("Dear Mrs Begum,")
        d.add_paragraph("We have booked your appointment at the Eye Clinic for Tuesday 14 October at 9:40am.")
        box = d.add_table(rows=1, cols=1)
        box.rows[0].cells[0].paragraphs[0].add_run("If you feel unwell on the day, please call us before you travel.")

    report = check_document(read_docx(_docx(build)))
    assert [t for r, t in layout_findings(report) if r == "layout.layout_table"] == ["If you feel unwell on the day, please call us before you travel."]
