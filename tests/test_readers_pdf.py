import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import fixtures_builders as fb  # noqa: E402

from litcheck import InputError, check_file  # noqa: E402
from litcheck.readers import read_bytes, read_file  # noqa: E402


def blocks(data, name="leaflet.pdf"):
    d = read_bytes(data, "pdf", name)
    return d, [(b.kind, d.block_text(b)) for b in d.blocks]


def test_two_column_pdf_reads_column_by_column_not_line_by_line():
    d, got = blocks(fb.two_column_pdf())
    assert got == [
        ("heading", "Coming to the eye clinic"),
        ("paragraph", " ".join(fb.LEFT)),
        ("paragraph", " ".join(fb.RIGHT)),
        ("paragraph", "If you cannot come, please call us on 0123 456 7890 as soon as you can."),
    ]
    assert all(b.location["page"] == 1 for b in d.blocks)
    assert all(set(b.location) == {"page", "x0", "top", "x1", "bottom"} for b in d.blocks)
    assert d.text == "\n\n".join(t for _, t in got)


def test_three_column_trifold_reads_each_panel_in_turn():
    d, got = blocks(fb.trifold_pdf())
    # each panel's title line ends short above its text: it stays a line of its own, and the
    # sentence splitter reads it as a heading, not as the start of the panel's first sentence
    assert [t for _, t in got] == [panel[0] + "\n" + " ".join(panel[1:]) for panel in fb.TRIFOLD]
    from litcheck.segment import split_sentences

    kinds = [(s.kind, d.text[s.start : s.end]) for s in split_sentences(d)]
    assert kinds[:2] == [("heading", "Before your scan"), ("prose", "Do not eat for six hours before you come.")]


def test_pdf_table_becomes_table_cells_and_its_words_stay_out_of_the_prose():
    d, got = blocks(fb.table_pdf())
    assert got == [
        ("paragraph", "Your clinic times are below."),
        ("table_cell", "Day"),
        ("table_cell", "Time"),
        ("table_cell", "Monday"),
        ("table_cell", "9am"),
        ("table_cell", "Thursday"),
        ("table_cell", "2pm"),
        ("paragraph", "Please come on time."),
    ]
    monday = next(b for b in d.blocks if d.block_text(b) == "Monday")
    assert {k: monday.location[k] for k in ("page", "table", "row", "cell")} == {"page": 1, "table": 1, "row": 2, "cell": 1}


def test_running_headers_and_page_numbers_are_headers_and_footers_and_hyphens_are_mended():
    d, got = blocks(fb.running_pdf())
    assert got == [
        ("header", "City Hospital NHS Trust"),
        ("paragraph", "Please bring your appointment letter with you."),
        ("footer", "Page 1 of 3"),
        ("header", "City Hospital NHS Trust"),
        ("paragraph", "You may need a blood test before you see the doctor."),
        ("footer", "Page 2 of 3"),
        ("header", "City Hospital NHS Trust"),
        ("paragraph", "We will write to your GP after your visit."),
        ("footer", "Page 3 of 3"),
    ]
    assert [b.location["page"] for b in d.blocks if b.kind == "paragraph"] == [1, 2, 3]


def test_an_image_only_page_gives_a_notice():
    d, got = blocks(fb.scanned_page_pdf())
    assert got == [("paragraph", "Your appointment is on Monday.")]
    assert d.notices == ("page 2 has no text layer: it looks scanned, and litcheck cannot read images",)


def test_a_pdf_with_no_text_at_all_is_an_input_error():
    with pytest.raises(InputError, match="has no text layer: it looks scanned"):
        read_bytes(fb.scanned_page_pdf(text_pages=False), "pdf", "scan.pdf")


def test_an_encrypted_pdf_says_remove_the_password():
    with pytest.raises(InputError, match="is encrypted: remove the password and try again"):
        read_bytes(fb.encrypted_pdf(), "pdf", "secret.pdf")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_pdf_is_one_clear_line(tmp_path, cut):
    data = fb.two_column_pdf()
    f = tmp_path / "cut.pdf"
    f.write_bytes(data[: int(len(data) * cut)])
    try:
        d = read_file(f)
    except InputError as exc:
        assert "\n" not in str(exc) and "cut.pdf" in str(exc)
    else:  # pdfminer can sometimes recover the first objects; then the text must still be sane
        assert d.format == "pdf"


def test_a_pdf_that_is_not_a_pdf_says_so(tmp_path):
    f = tmp_path / "letter.pdf"
    f.write_bytes(b"Dear Sam, this is text")
    with pytest.raises(InputError, match="is not a PDF"):
        read_file(f)


def test_a_finding_in_a_pdf_names_its_page(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.text(20, 30, "Your appointment is on Monday.")
    pdf.add_page()
    pdf.text(20, 30, "Please commence fasting prior to your procedure.")
    f = tmp_path / "letter.pdf"
    f.write_bytes(bytes(pdf.output()))
    report = check_file(f)
    located = [x.location for x in report.findings if x.text.lower() in ("commence", "prior to")]
    assert located and all(loc["page"] == 2 for loc in located)
