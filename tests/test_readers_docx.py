import io
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixtures_builders import simple_docx, word_template  # noqa: E402

from litcheck import InputError, check_file, check_paths  # noqa: E402
from litcheck.readers import read_bytes, read_file, sniff  # noqa: E402


@pytest.fixture(scope="module")
def template():
    return read_bytes(word_template(), "docx", "template.docx")


def texts(d):
    return [(b.kind, d.block_text(b)) for b in d.blocks]


def test_docx_reads_every_paragraph_field_control_text_box_and_table_in_document_order(template):
    assert texts(template) == [
        ("header", "City Hospital NHS Trust"),
        ("heading", "Your appointment"),
        ("paragraph", "Dear «PatientName»,"),
        ("paragraph", "Your appointment is on «AppointmentDate» at the eye clinic."),
        ("paragraph", "Call us on 0123 456 7890 if you cannot come."),
        ("paragraph", "Please arrive ten minutes early."),
        ("paragraph", "Where to park."),
        ("paragraph", "Parking is free for patients."),
        ("heading", "What to bring"),
        ("list_item", "Your glasses"),
        ("list_item", "A list of your medicines"),
        ("table_cell", "Day"),
        ("table_cell", "Time"),
        ("table_cell", "Monday"),
        ("table_cell", "9am"),
        ("paragraph", "We look forward to seeing you."),
        ("footer", "Page 1"),
    ]
    assert template.text == "\n\n".join(t for _, t in texts(template))


def test_docx_text_box_in_alternate_content_is_read_once(template):
    assert template.text.count("Parking is free") == 1


def test_docx_merge_fields_become_placeholders(template):
    assert [(p.name, p.syntax) for p in template.placeholders] == [
        ("PatientName", "mergefield"),
        ("AppointmentDate", "mergefield"),
    ]


def test_docx_locations_name_paragraphs_table_cells_text_boxes_and_sections(template):
    where = {template.block_text(b): (dict(b.location), b.level) for b in template.blocks}
    assert where["Your appointment"] == ({"paragraph": 1}, 1)
    assert where["What to bring"] == ({"paragraph": 7}, 2)
    assert where["Please arrive ten minutes early."][0] == {"paragraph": 5}
    assert where["Parking is free for patients."][0] == {"paragraph": 6, "textbox": 1}
    assert where["Monday"][0] == {"table": 1, "row": 2, "cell": 1}
    assert where["We look forward to seeing you."][0] == {"paragraph": 11}
    assert where["City Hospital NHS Trust"][0] == {"section": 1}


def test_a_finding_in_a_docx_names_its_paragraph(tmp_path):
    f = tmp_path / "letter.docx"
    f.write_bytes(simple_docx(["Dear Sam,", "Please commence fasting prior to your procedure."]))
    report = check_file(f)
    located = [x.location for x in report.findings if x.text.lower() in ("commence", "prior to")]
    assert located and all(loc == {"paragraph": 2} for loc in located)


def test_sniff_knows_word_pdf_and_html_by_their_first_bytes():
    assert sniff(simple_docx(["Hello"])) == "docx"
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(b"<!DOCTYPE html><p>x</p>") == "html"
    assert sniff(b"Dear Sam") is None


def _bad(tmp_path, name, data):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_file(f)
    message = str(exc.value)
    assert "\n" not in message and name in message
    return message


def test_a_docx_that_is_really_a_pdf_says_so(tmp_path):
    assert "is really a PDF" in _bad(tmp_path, "letter.docx", b"%PDF-1.4\n%%EOF")


def test_a_docx_that_is_an_old_word_file_says_save_as_docx(tmp_path):
    assert "save it as .docx" in _bad(tmp_path, "letter.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)


def test_a_corrupt_docx_zip_is_one_clear_line(tmp_path):
    data = simple_docx(["Hello there"])
    message = _bad(tmp_path, "letter.docx", data[: len(data) // 2])
    assert "save it again" in message


def test_a_zip_without_a_word_document_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "word/document.xml" in _bad(tmp_path, "letter.docx", buf.getvalue())


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/huge.bin", b"\0" * (120 * 1024 * 1024))
    assert "unpacks to" in _bad(tmp_path, "bomb.docx", buf.getvalue())


def test_a_pdf_named_txt_says_rename(tmp_path):
    assert "rename it to end in .pdf" in _bad(tmp_path, "letter.txt", b"%PDF-1.4\n1 0 obj\n")


def test_in_a_batch_a_bad_docx_is_reported_and_the_others_checked(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    (tmp_path / "good.docx").write_bytes(simple_docx(["Your appointment is on Monday at 9am."]))
    report = check_paths([tmp_path])
    assert [Path(d.path).name for d in report.documents] == ["good.docx"]
    assert len(report.errors) == 1 and "bad.docx" in report.errors[0].path


def test_checking_a_text_file_imports_no_word_pdf_or_html_library(tmp_path):
    import subprocess

    f = tmp_path / "a.txt"
    f.write_text("Your appointment is on Monday.\n")
    code = (
        "import sys, litcheck; litcheck.check_file(sys.argv[1]);"
        "bad = [m for m in ('docx', 'pdfplumber', 'bs4', 'lxml.html', 'pdfminer') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code, str(f)], check=True)
