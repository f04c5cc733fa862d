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


def test_comments_copied_from_the_first_are_what_python_docx_writes():

    from litcheck.fix.word import AUTHOR, _CommentWriter

    texts = ["Try 'start' (jargon.medical)", " Leading and trailing spaces ", "A tab\there", "Two\nlines", "Plain again", "x"]

    def made(fast: bool) -> dict[str, bytes]:
        d = docx.Document(io.BytesIO(_letter()))  # it holds a comment of the writer's own
        paragraphs = [p for p in d.paragraphs if p.runs]
        writer = _CommentWriter(d)
        for n, text in enumerate(texts):
            runs = paragraphs[n % len(paragraphs)].runs
            if fast:
                writer.add(runs[0]._r, runs[-1]._r, text)
            else:
                d.add_comment([runs[0], runs[-1]], text=text, author=AUTHOR, initials="LC")
        out = io.BytesIO()
        d.save(out)
        return _parts(out.getvalue())

    fast, slow = made(True), made(False)
    assert fast == slow
    assert fast["word/comments.xml"].count(b"<w:comment ") == len(texts) + 1


def test_the_every_use_pass_reads_findings_only_and_finds_the_same():
    letter = ("Please commence fasting prior to your appointment. We will review your hypertension.\n\n"
              "Commence the tablets prior to breakfast, then commence the others prior to lunch.\n")
    document = readers.read_text(letter)
    options = {"select": ["jargon"], "every_use": True}
    whole = litcheck.check_document(document, **options)
    bare = litcheck.check_document(document, summary=False, **options)
    assert len([f for f in whole.findings if f.text.lower() == "prior to"]) == 3  # every use, not the first only
    assert [f.to_dict() for f in bare.findings] == [f.to_dict() for f in whole.findings]
    assert bare.readability is None and bare.sections == {} and whole.sections
