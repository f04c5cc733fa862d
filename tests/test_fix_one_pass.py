"""The reviewed Word copy is made in one open Word document (comments, then tracked changes,
saved once), and it is the same file as the two passes it replaced: annotate and save, then
open the annotated copy again, make the tracked changes and save."""

from __future__ import annotations

import io
import re
import zipfile

import docx

import litcheck
from litcheck import readers
from litcheck.fix.copies import _revise_docx
from litcheck.fix.review import annotate_docx, reviewed_copy
from litcheck.fix.word import _drop_soft, _squeeze

from .test_word_review import _letter

DATE = re.compile(rb'w:date="[^"]*"')


def _parts(data: bytes) -> dict[str, bytes]:
    """Each part of the package, the times of comments and changes left out."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: DATE.sub(b'w:date=""', z.read(name)) for name in z.namelist()}


def _wordy_letter() -> bytes:
    """Jargon in runs of mixed formatting, a header, a table and a repeated term (every use
    of a first-use-only term is changed), with odd spaces and a soft hyphen to tidy."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Please commence fasting prior to your visit"
    d.add_heading("Your clinic appointment", level=1)
    p = d.add_paragraph()
    p.add_run("Please  commence ")
    p.add_run("fasting prior to\u00a0your appointment.").bold = True
    d.add_paragraph("We will review your hyper\u00adtension. Failure to attend will result in discharge.")
    d.add_paragraph("Commence the tablets prior to breakfast.\tThen commence the others.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Prior to the scan"
    table.cell(0, 1).text = "Do not commence eating"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_reviewed_copy_in_one_document_is_the_two_pass_file():
    for data in (_letter(), _wordy_letter()):
        report = litcheck.check_document(readers.read_bytes(data, "docx", "letter.docx"))
        out, revision = reviewed_copy(data, report)
        before, old = _revise_docx(annotate_docx(data, report), report, {}, track=True, recheck=False)
        assert revision.changes, "the letter should have safe changes to track"
        assert _parts(out) == _parts(old)
        assert [(c.finding.start, c.replacement) for c in revision.changes] == [(c.finding.start, c.replacement) for c in before.changes]
        assert [(i.finding.start, i.reason) for i in revision.left] == [(i.finding.start, i.reason) for i in before.left]
        # the revised text, read from the XML in memory, is the saved file's text
        assert revision.text == before.text == readers.read_bytes(out, "docx", "letter.docx").text


def test_tidy_shortcuts_leave_plain_text_as_it_is_and_tidy_the_rest():
    plain = [(ch, None) for ch in "Please call us on 0113 496 0000."]
    assert _drop_soft(plain) is plain and _squeeze(plain) is plain
    odd = [(ch, None) for ch in " Please\u00a0 call\u00ad us\r\n"]
    assert "".join(ch for ch, _ in _squeeze(_drop_soft(odd)[:-1])) == "Please call us"
