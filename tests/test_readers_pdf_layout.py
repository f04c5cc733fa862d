"""PDFs read as a person reads them (issue 15): a synthetic PDF for each way real NHS
leaflets went wrong, and the shared folder of real files when it is there.

The real files are read by path from the shared data folder and never copied here. On a
clone without that folder the real-file test checks what it can without them: the scoring
helpers on a synthetic PDF with known phrases.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import fixtures_builders as fb  # noqa: E402
import real_files as rf  # noqa: E402

from litcheck import InputError  # noqa: E402
from litcheck.readers import read_bytes, read_file  # noqa: E402


def blocks(data):
    d = read_bytes(data, "pdf", "leaflet.pdf")
    return d, [(b.kind, d.block_text(b)) for b in d.blocks]


def test_shaded_panels_nested_boxes_and_page_backgrounds_are_not_tables():
    d, got = blocks(fb.shaded_boxes_pdf())
    assert got == [
        ("paragraph", "Please read this before you come in."),
        ("paragraph", fb.BOXED),
        ("paragraph", "We look forward to seeing you."),
    ]
    assert d.text.count("treatment") == 1  # a nested box is read once


def test_a_real_ruled_grid_is_still_a_table():
    _, got = blocks(fb.table_pdf())
    assert [t for k, t in got if k == "table_cell"] == ["Day", "Time", "Monday", "9am", "Thursday", "2pm"]


def test_a_sentence_from_the_foot_of_one_column_to_the_top_of_the_next_is_whole():
    d, _ = blocks(fb.column_sentence_pdf())
    left, right = fb.COLUMN_SENTENCE
    assert " ".join(left[1:] + right) in d.text


def test_rotated_print_codes_and_watermarks_stay_out_of_the_prose_and_drop_caps_join_their_word():
    d, got = blocks(fb.rotated_and_drop_cap_pdf())
    prose = [t for k, t in got if k == "paragraph"]
    assert prose[0].startswith("Most people feel better within a week. We encourage them to rest")
    assert "call us on 0300 123 4567 if they are worried." in prose[0]
    assert not any("DRAFT" in t or "PIL" in t for t in prose)
    assert ("footer", "PIL 1234 v2 05/2024") in got and ("footer", "DRAFT") in got


def test_word_spaces_in_small_print_fake_bold_and_punctuation_after_a_link():
    _, got = blocks(fb.spacing_pdf())
    texts = [t for _, t in got]
    assert "Many people are already taking part in the study" in texts
    assert "COMPLETE THIS FORM" in texts  # not "CCOOMMPPLLEETTEE"
    assert "Email us at help@nhs.net." in texts  # not "help@nhs.net ."


def test_line_ends_keep_real_hyphens_and_numbers_and_paragraphs_run_over_page_breaks():
    d, got = blocks(fb.line_ends_pdf())
    text = d.text
    assert "This is a consultant-led clinic." in text
    assert "Please bring your appointment letter." in text
    assert "turn 71 metres after the bus stop" in text
    assert "www.nhs.uk/cervical-screening-easy-read-guide before you come." in text
    assert "if you would like someone there for support." in text
    assert [k for k, _ in got] == ["paragraph", "paragraph"]


def test_browser_print_headers_and_footers_are_furniture_not_the_appointment_date():
    d, got = blocks(fb.browser_print_pdf())
    body = "\n".join(t for k, t in got if k not in ("header", "footer"))
    assert "01/12/2025" not in body and "10:36" not in body and "file:///" not in body and "1/2" not in body
    assert ("header", "01/12/2025, 10:36") in got and ("footer", "2/2") in got
    assert "See a GP within 2 days of an asthma attack to talk about your treatment." in body


def test_each_block_says_its_page_and_box_for_extract_json():
    from litcheck.cli.extract import to_dict

    d = read_bytes(fb.two_column_pdf(), "pdf", "leaflet.pdf")
    blocks_json = to_dict(d)["blocks"]
    for b in blocks_json:
        loc = b["location"]
        assert loc["page"] == 1 and 0 <= loc["x0"] < loc["x1"] <= 600 and 0 <= loc["top"] < loc["bottom"] <= 850
    left, right = blocks_json[1]["location"], blocks_json[2]["location"]
    assert left["x1"] < right["x0"]  # the two columns, side by side


def test_a_scanned_pdf_says_there_is_no_text_and_to_ask_for_the_original():
    with pytest.raises(InputError) as err:
        read_bytes(fb.scanned_page_pdf(text_pages=False), "pdf", "scan.pdf")
    message = str(err.value)
    assert "no text layer" in message and "ask for the original document" in message and "\n" not in message


def test_a_scanned_pdf_exits_2_with_one_line(tmp_path, capsys):
    from litcheck.cli import main

    f = tmp_path / "scan.pdf"
    f.write_bytes(fb.scanned_page_pdf(text_pages=False))
    assert main(["extract", str(f)]) == 2
    err = capsys.readouterr().err
    assert "no text layer" in err and len(err.strip().splitlines()) == 1


def test_the_real_files_are_read_as_a_person_reads_them(capfd):
    """Every phrase found, order kept, no running header repeated, no piece of a line
    torn out of its paragraph, encrypted files named, nothing printed by the PDF libraries.
    Without the shared folder: the scoring helpers on a synthetic leaflet."""
    records = rf.records()
    if not records:
        d = read_bytes(fb.two_column_pdf(), "pdf", "leaflet.pdf")
        assert rf.coverage(d, [" ".join(fb.LEFT), " ".join(fb.RIGHT)]) == (1.0, [])
        assert rf.in_order(d, ["Coming to the eye clinic", fb.LEFT[0], fb.RIGHT[0], "If you cannot come"])
        assert rf.repeated(d, ["eye clinic"]) == []
        assert rf.torn(d) == []
        return
    problems = []
    for rec in records:
        path = rf.path_of(rec)
        if rec.get("expected_error"):
            with pytest.raises(InputError, match="encrypted|password"):
                read_file(path)
            continue
        d = read_file(path)
        found, missing = rf.coverage(d, rec["must_contain"])
        if missing:
            problems.append((rec["file"], "missing", missing))
        if not rf.in_order(d, rec["order"]):
            problems.append((rec["file"], "order", rec["order"]))
        if rf.repeated(d, rec.get("not_repeated") or []):
            problems.append((rec["file"], "repeated", rf.repeated(d, rec["not_repeated"])))
        if rf.torn(d):
            problems.append((rec["file"], "torn", rf.torn(d)))
    assert problems == []
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_prose_pages_of_the_real_pdfs_are_mostly_scored():
    """Prose is not taken for table cells: on the pages of prose, most English words reach
    the reading age."""
    for rec in rf.records():
        if rec["format"] != "pdf" or rec.get("expected_error"):
            continue
        share = rf.prose_pages_share(read_file(rf.path_of(rec)))
        assert share >= 0.75, (rec["file"], share)
    d = read_bytes(fb.shaded_boxes_pdf(), "pdf", "leaflet.pdf")
    assert rf.prose_pages_share(d) == 1.0


def _captions_pdf() -> bytes:
    """A leaflet page with a picture (a drawn frame) and its caption below it, a caption
    above a ruled table, and prose that mentions a table without being a caption."""
    pdf = fb._pdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 30, "The eye clinic is on the first floor of the main building.")
    pdf.text(20, 36, "Take the lift by the shop and turn left when you leave it.")
    pdf.rect(20, 44, 80, 50)  # the picture's frame
    pdf.set_font("helvetica", size=9)
    pdf.text(20, 100, "Figure 1: The entrance to the eye clinic, beside the shop.")
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 114, "Table 2 shows when the clinic is open each week.")
    pdf.set_font("helvetica", size=9)
    pdf.text(20, 126, "Table 2. Clinic opening times")
    pdf.set_font("helvetica", size=11)
    y = 130
    for row in (("Monday", "9am to 5pm"), ("Friday", "9am to 1pm")):
        pdf.set_xy(20, y)
        pdf.cell(50, 8, row[0], border=1)
        pdf.cell(50, 8, row[1], border=1)
        y += 8
    pdf.text(20, 160, "Please arrive ten minutes before your appointment time.")
    return bytes(pdf.output())


def test_figure_and_table_captions_are_caption_blocks_not_prose():
    from litcheck.segment import split_sentences

    d, got = blocks(_captions_pdf())
    assert ("caption", "Figure 1: The entrance to the eye clinic, beside the shop.") in got
    assert ("caption", "Table 2. Clinic opening times") in got
    # prose around them stays whole and apart from them
    assert ("paragraph", "The eye clinic is on the first floor of the main building. Take the lift by the shop and turn left when you leave it.") in got
    assert ("paragraph", "Table 2 shows when the clinic is open each week.") in got  # mentions a table: prose
    assert [t for k, t in got if k == "table_cell"] == ["Monday", "9am to 5pm", "Friday", "9am to 1pm"]
    kinds = {d.text[s.start : s.end]: s.kind for s in split_sentences(d)}
    assert kinds["Figure 1: The entrance to the eye clinic, beside the shop."] == "caption"
    assert kinds["Table 2 shows when the clinic is open each week."] == "prose"


def test_glyphs_without_text_behind_them_are_dropped_not_read_as_letters():
    """A font with no map from its glyphs to text (pdfminer writes "(cid:105)"): PDFium
    gives each glyph's number as its text; none of it may reach the document."""
    from fpdf import FPDF

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("needs the DejaVu Sans font to build the file")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 30, "Please call us on 0300 123 4567.")
    pdf.add_font("dv", fname=str(font))
    pdf.set_font("dv", size=12)
    # more than 32 different glyphs, so glyph numbers reach printable codes
    pdf.text(20, 50, "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789")
    data = bytes(pdf.output())
    assert data.count(b"/ToUnicode") == 1
    data = data.replace(b"/ToUnicode", b"/NoUnicode")  # same length: the file stays whole
    d = read_bytes(data, "pdf", "x.pdf")
    assert d.text == "Please call us on 0300 123 4567."
