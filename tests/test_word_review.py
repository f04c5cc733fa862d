"""Word in, Word out: findings as Word comments (litcheck annotate) and the revision as
tracked changes (litcheck fix), checked in the XML and, where LibreOffice is installed (CI
installs it), by a round trip through a real word processor."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import docx
import pytest

from litcheck import readers
from litcheck.cli import main
from litcheck.fix import annotate_docx, revise_bytes

from .fixtures_builders import append_raw_paragraph, fld_simple

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letter() -> bytes:
    """A two-page style appointment letter: header, heading, runs with mixed formatting, a merge
    field, a table, a comment of the writer's own."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "City Hospital NHS Trust"
    d.add_heading("Your heart appointment", level=1)
    p = d.add_paragraph("Dear Mrs Khan,")
    p = d.add_paragraph()
    p.add_run("We will ")
    p.add_run("utilise").bold = True
    p.add_run(" a scan to check your ")
    p.add_run("hyper").italic = True
    p.add_run("tension").bold = True  # one word over two runs with different formatting
    p.add_run(" today.")
    append_raw_paragraph(d, '<w:r><w:t xml:space="preserve">Your appointment is on </w:t></w:r>' + fld_simple("AppointmentDate") + '<w:r><w:t>. Please commence fasting at midnight.</w:t></w:r>')
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "What to bring"
    table.cell(0, 1).text = "Your analgesia"
    own = d.add_paragraph("Call 0113 496 0000 if you cannot come.")
    d.add_comment(own.runs, text="Check this number with the booking team.", author="Jo Writer", initials="JW")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _comments(data: bytes) -> list[tuple[str, str, str]]:
    """(author, comment text, the words it is anchored on) for each comment."""
    d = docx.Document(io.BytesIO(data))
    anchored = {c.comment_id: "" for c in d.comments}
    body = d.element.body
    open_ids: set[int] = set()
    for el in body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t"):
        if el.tag == W + "commentRangeStart":
            open_ids.add(int(el.get(W + "id")))
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(int(el.get(W + "id")))
        else:
            for i in open_ids:
                anchored[i] = anchored.get(i, "") + (el.text or "")
    return [(c.author, c.text, anchored.get(c.comment_id, "")) for c in d.comments]


def test_annotate_anchors_each_finding_on_its_exact_words():
    data = _letter()
    out = annotate_docx(data)
    comments = _comments(out)
    mine = [c for c in comments if c[0] == "litcheck"]
    anchors = {anchor for _author, _text, anchor in mine}
    assert "utilise" in anchors and "commence" in anchors
    assert "hypertension" in anchors  # across two runs with different formatting
    assert any("(jargon.medical)" in text and "Try: high blood pressure" in text for _a, text, anchor in mine if anchor == "hypertension")
    # whole-letter findings sit on the first paragraph and say so
    assert any(text.startswith("About the whole letter:") for _a, text, _anchor in mine)
    # the writer's own comment is kept
    assert ("Jo Writer", "Check this number with the booking team.", "Call 0113 496 0000 if you cannot come.") in comments


def test_annotate_changes_nothing_but_comments():
    data = _letter()
    out = annotate_docx(data)
    before, after = readers.read_bytes(data, "docx", "a.docx"), readers.read_bytes(out, "docx", "a.docx")
    assert after.text == before.text
    runs = lambda d: "".join(r.text for p in docx.Document(io.BytesIO(d)).paragraphs for r in p.runs)  # noqa: E731
    assert runs(out) == runs(data)
    bold = [r.text for p in docx.Document(io.BytesIO(out)).paragraphs for r in p.runs if r.bold]
    assert "utilise" in bold and "tension" in bold


def test_annotating_twice_replaces_litcheck_comments_instead_of_doubling_them():
    once = annotate_docx(_letter())
    twice = annotate_docx(once)
    count = lambda d: sum(1 for c in _comments(d) if c[0] == "litcheck")  # noqa: E731
    assert count(twice) == count(once) > 0
    assert sum(1 for c in _comments(twice) if c[0] == "Jo Writer") == 1


def test_fix_writes_tracked_changes_that_accept_to_the_clean_copy():
    data = _letter()
    tracked, name, _media, revision = revise_bytes(data, "docx", "letter.docx")
    clean, *_ = revise_bytes(data, "docx", "letter.docx", track=False)
    assert name == "letter.litcheck.docx" and revision.changes
    xml = zipfile.ZipFile(io.BytesIO(tracked)).read("word/document.xml").decode("utf-8")
    assert 'w:author="litcheck"' in xml and "<w:ins " in xml and "<w:del " in xml
    assert "<w:delText" in xml and ">commence<" in xml  # the old words are kept, as deleted text
    # accepting every change (what the reader reads) gives the clean copy's text
    assert readers.read_bytes(tracked, "docx", name).text == readers.read_bytes(clean, "docx", name).text
    assert "start fasting" in readers.read_bytes(tracked, "docx", name).text


def test_cli_annotate_and_fix_no_track(tmp_path, capsys):
    src = tmp_path / "letter.docx"
    original = _letter()
    src.write_bytes(original)
    assert main(["annotate", str(src)]) == 0
    review = tmp_path / "letter.litcheck-review.docx"
    assert review.exists() and src.read_bytes() == original
    assert main(["annotate", str(src)]) == 2  # never replaced without --force
    assert "already exists" in capsys.readouterr().err
    assert main(["fix", "--no-track", str(src)]) == 0
    xml = zipfile.ZipFile(tmp_path / "letter.litcheck.docx").read("word/document.xml").decode("utf-8")
    assert "<w:ins " not in xml and "start fasting" in readers.read_file(tmp_path / "letter.litcheck.docx").text


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "old Word (.doc) file or a password-protected Word file"),
        (b"PK\x03\x04 this is not a zip", "damaged"),
    ],
)
def test_bad_word_files_get_one_line_and_exit_2(tmp_path, capsys, data, problem):
    src = tmp_path / "letter.docx"
    src.write_bytes(data)
    assert main(["annotate", str(src)]) == 2
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err and err.count("\n") == 1


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
IN_CI = os.environ.get("CI", "").lower() == "true"


def test_a_real_word_processor_opens_the_reviewed_file_and_keeps_its_comments(tmp_path):
    if SOFFICE is None:
        assert not IN_CI, "CI installs LibreOffice (libreoffice-writer-nogui): the round trip must run there"
        return  # off CI without LibreOffice: the XML tests above still ran
    src = tmp_path / "review.docx"
    src.write_bytes(annotate_docx(_letter()))
    out = tmp_path / "out"
    env = {**os.environ, "HOME": str(tmp_path)}  # a fresh LibreOffice profile
    subprocess.run([SOFFICE, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=180, env=env)
    round_trip = (out / "review.docx").read_bytes()
    mine = [c for c in _comments(round_trip) if c[0] == "litcheck"]
    assert mine and any(anchor == "hypertension" for _a, _t, anchor in mine)
    assert readers.read_bytes(round_trip, "docx", "r.docx").text.count("hypertension") >= 1
