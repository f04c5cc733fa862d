"""litcheck fix on Word: the revised copy is a .docx with formatting, fields and untouched text kept."""

import io

import docx
import pytest

import litcheck
from litcheck.cli import main
from litcheck.fix import FixError, fix_file, output_path, revise_bytes

from .fixtures_builders import append_raw_paragraph, complex_field, fld_simple

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letter() -> bytes:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "City Hospital NHS Trust: Cardiology Department"
    doc.add_heading("Your heart appointment", level=1)
    p = doc.add_paragraph()
    p.add_run("We will ")
    bold = p.add_run("utilise")
    bold.bold = True
    p.add_run(" a scan to check your ")
    italic = p.add_run("hyper")
    italic.italic = True
    p.add_run("tension").bold = True  # the word spans two runs with different formatting
    p.add_run(" today.")
    append_raw_paragraph(doc, '<w:r><w:t xml:space="preserve">Your appointment is on </w:t></w:r>' + fld_simple("AppointmentDate") + '<w:r><w:t>. Do not commence eating.</w:t></w:r>')
    append_raw_paragraph(doc, '<w:r><w:t xml:space="preserve">Ward: </w:t></w:r>' + complex_field(" MERGEFIELD Ward ", "«Ward»"))
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "What to bring"
    table.cell(0, 1).text = "Your analgesia"
    doc.add_paragraph("Kind regards, Dr Smith")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _runs(data: bytes):
    d = docx.Document(io.BytesIO(data))
    return d, [(r.text, r.bold, r.italic) for p in d.paragraphs for r in p.runs]


@pytest.fixture()
def revised(tmp_path):
    """The clean copy (--no-track): the runs themselves carry the new words. Tracked changes
    are tested in tests/test_word_review.py."""
    src = tmp_path / "letter.docx"
    src.write_bytes(_letter())
    revision, target = fix_file(src, track=False)
    return src, revision, target


def test_input_bytes_are_unchanged(tmp_path):
    src = tmp_path / "letter.docx"
    data = _letter()
    src.write_bytes(data)
    fix_file(src)
    assert src.read_bytes() == data


def test_revised_copy_is_a_docx_beside_the_input(revised):
    src, _revision, target = revised
    assert target == src.with_name("letter.litcheck.docx")
    docx.Document(str(target))  # opens as Word


def test_replacement_keeps_the_formatting_of_its_run(revised):
    _src, _revision, target = revised
    _d, runs = _runs(target.read_bytes())
    assert ("use", True, None) in runs
    assert ("We will ", None, None) in runs
    assert (" a scan to check your ", None, None) in runs


def test_replacement_spanning_runs_goes_into_the_first_run_and_leaves_the_others_empty(revised):
    _src, _revision, target = revised
    d, runs = _runs(target.read_bytes())
    assert ("high blood pressure", None, True) in runs  # the first run's formatting (italic)
    assert ("", True, None) in runs
    assert "check your high blood pressure today." in d.paragraphs[1].text


def test_merge_fields_are_kept(revised):
    _src, _revision, target = revised
    d = docx.Document(str(target))
    body = d.element.body
    simple = body.findall(f".//{W}fldSimple")
    assert [f.get(f"{W}instr").strip() for f in simple] == ["MERGEFIELD AppointmentDate"]
    assert simple[0].findtext(f".//{W}t") == "«AppointmentDate»"
    assert any("MERGEFIELD Ward" in (t.text or "") for t in body.iter(f"{W}instrText"))
    text = litcheck.readers.read_bytes(target.read_bytes(), "docx").text
    assert "Your appointment is on «AppointmentDate». Do not start eating." in text
    assert "Ward: «Ward»" in text


def test_table_cells_are_revised_and_headers_and_untouched_text_are_the_same(revised):
    _src, _revision, target = revised
    d = docx.Document(str(target))
    assert d.tables[0].cell(0, 1).text == "Your pain relief"
    assert d.tables[0].cell(0, 0).text == "What to bring"
    assert d.sections[0].header.paragraphs[0].text == "City Hospital NHS Trust: Cardiology Department"
    assert d.paragraphs[0].text == "Your heart appointment"
    assert d.paragraphs[0].style.name == "Heading 1"
    assert d.paragraphs[-1].text == "Kind regards, Dr Smith"


def test_reading_the_revised_copy_again_gives_fewer_jargon_findings(revised):
    src, revision, target = revised
    def jargon(report):
        return [f for f in report.findings if f.rule.startswith("jargon.")]
    before, after = litcheck.check_file(src), litcheck.check_file(target)
    assert len(jargon(after)) < len(jargon(before))
    assert len(revision.revised.findings) == len(after.findings)
    assert {c.before for c in revision.changes} >= {"utilise", "commence", "analgesia"}


def test_an_existing_revised_word_copy_needs_force(tmp_path, capsys):
    src = tmp_path / "letter.docx"
    src.write_bytes(_letter())
    output_path(src).write_bytes(b"mine")
    assert main(["fix", str(src)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert output_path(src).read_bytes() == b"mine"
    assert main(["fix", "--force", str(src)]) == 0


def test_fix_refuses_formats_it_cannot_write(tmp_path):
    src = tmp_path / "letter.html"
    src.write_text("<p>Please commence fasting.</p>")
    with pytest.raises(FixError):
        fix_file(src)


def test_revise_bytes_works_in_memory_for_word_text_and_markdown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data, name, media, revision = revise_bytes(_letter(), "docx", "letter.docx")
    assert name == "letter.litcheck.docx"
    assert media == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "high blood pressure" in litcheck.readers.read_bytes(data, "docx").text
    summary = revision.summary()
    assert summary["findings"]["after"] < summary["findings"]["before"]
    assert {"rule": "jargon.wordy", "before": "utilise", "after": "use"}.items() <= summary["changed"][0].items() or any(
        c["before"] == "utilise" for c in summary["changed"]
    )
    data, name, media, _ = revise_bytes(b"Please commence fasting.\r\n", "txt", "note.txt")
    assert (data, name, media) == (b"Please start fasting.\r\n", "note.litcheck.txt", "text/plain; charset=utf-8")
    data, name, _, _ = revise_bytes(b"# Fasting\n\nDo not commence eating.\n", "md", "leaflet.md")
    assert (data, name) == (b"# Fasting\n\nDo not start eating.\n", "leaflet.litcheck.md")
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_an_edit_touching_a_merge_field_is_refused_and_the_field_kept():
    from litcheck.fix.word import WordEditor

    data = _letter()
    doc = litcheck.readers.read_bytes(data, "docx")
    start = doc.text.index("on «AppointmentDate»")
    end = start + len("on «AppointmentDate»")
    word = doc.text.index("commence eating")
    out, failed = WordEditor(data, doc).apply([[(start, end, "on the day")], [(word, word + 8, "start")]])
    assert set(failed) == {0} and "field" in failed[0]
    text = litcheck.readers.read_bytes(out, "docx").text
    assert "Your appointment is on «AppointmentDate». Do not start eating." in text
