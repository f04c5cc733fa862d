"""The reviewed Word copy: the same document, every finding a Word comment by "litcheck".

``litcheck annotate letter.docx`` writes ``letter.litcheck-review.docx`` beside it. Each
finding is anchored on the exact words it is about, with its message, its suggestion and its
rule id; findings about the whole letter (a missing detail, the reading age, the EAST
summary) are comments on the first paragraph. Nothing else in the document changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import readers
from ..check import check_document
from ..errors import InputError
from ..report import DocumentReport
from .copies import FixError
from .revise import Revision
from .word import WordEditor

#: where a note goes when Word cannot anchor it on the words
_WHERE = {"header": "In the header", "footer": "In the footer", "textbox": "In a text box"}


def review_path(path: Path) -> Path:
    """letter.docx -> letter.litcheck-review.docx (beside the input)."""
    return path.with_name(f"{path.stem}.litcheck-review{path.suffix}")


def annotate_docx(source: str | os.PathLike | bytes, report: DocumentReport | None = None, **options) -> bytes:
    """The .docx with every finding as a Word comment, in memory.

    ``source``: a path or the bytes of a .docx. ``report``: the document already checked
    (else it is checked here, with check_document's ``options``)."""
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), (report.path if report else "document.docx")
    else:
        data, name = Path(source).read_bytes(), str(source)
    if readers.format_for(name) not in (None, "docx") and not isinstance(source, (bytes, bytearray)):
        raise FixError(f"{name}: litcheck annotate writes comments into Word (.docx) files only")
    editor, report = _editor(data, name, report, options)
    return editor.annotate(notes(report))


def _editor(data: bytes, name: str, report: DocumentReport | None, options: dict) -> tuple[WordEditor, DocumentReport]:
    """A WordEditor on ``data`` and the document's report (checked here when not given)."""
    if report is not None and report.document.format == "docx":
        doc = report.document  # the same bytes, already read: not read again
    else:
        doc = readers.read_bytes(data, "docx", name)
        report = report if report is not None else check_document(doc, **options)
    return WordEditor(data, doc), report


def notes(report: DocumentReport) -> list[tuple[int, int, str, str]]:
    """(start, end, comment text, where) for each finding, then the whole-letter summary."""
    out = []
    doc = report.document
    for f in report.findings:
        suggestion = f.suggestions[0] if f.suggestions and f.suggestions[0] else ""
        lead = "Add (fill in the [ ] parts)" if f.end == f.start and "[" in suggestion else "Try"
        text = f.message + (f" {lead}: {suggestion}" if suggestion else "") + f" ({f.rule})"
        block = doc.block_at(f.start) if f.end > f.start else None
        where = "About the whole letter"
        if block is not None:
            where = _WHERE.get("textbox" if "textbox" in block.location else block.kind, f"On '{f.text[:60]}'")
        out.append((f.start, f.end, text, where))
    summary = _summary(report)
    if summary:
        out.append((0, 0, summary, "About the whole letter"))
    return out


def _summary(report: DocumentReport) -> str:
    r = report.readability
    parts = []
    if r.reading_age is not None:
        parts.append(f"Reading age {r.reading_age:.0f} (checked as {report.profile.replace('_', ' ')}).")
    east = report.sections.get("east")
    if east is not None:
        firsts = [f"{name.capitalize()}: change first line {c.change_first.line} ({c.change_first.rule})" for name, c in east.categories.items() if c.change_first is not None]
        if firsts:
            parts.append("EAST: " + "; ".join(firsts) + ".")
    return " ".join(parts)


def annotate_file(path: str | os.PathLike, *, output: str | os.PathLike | None = None, force: bool = False, **options) -> tuple[DocumentReport, Path]:
    """Check a .docx and write its reviewed copy beside it; (report, where it was written)."""
    src = Path(path)
    if readers.format_for(src) != "docx":
        raise InputError(str(src), "litcheck annotate writes comments into Word (.docx) files: save it as .docx and try again")
    target = Path(output) if output else review_path(src)
    doc = readers.read_file(src)
    if target.exists() and os.path.samefile(src, target):
        raise FixError(f"{src}: the reviewed copy would overwrite the input; choose another --output")
    if target.exists() and not force:
        raise FixError(f"{target}: already exists; use --force to replace it (the input is never changed)")
    if not target.parent.is_dir():
        raise FixError(f"{target.parent}: no such folder for the reviewed copy")
    report = check_document(doc, **options)
    target.write_bytes(annotate_docx(src.read_bytes(), report))
    return report, target


def reviewed_copy(data: bytes, report: DocumentReport, **options) -> tuple[bytes, Revision]:
    """The Word file a communications team reviews: every finding as a comment, and every
    safe change as a tracked change by "litcheck" (accept or reject each in Word)."""
    from .copies import _edit_docx

    # One Word document in memory takes the comments, then the tracked changes, and is saved
    # once (annotating, saving, and opening the saved copy again to edit it was a quarter of
    # the page's time). No second check of the draft: the page lists the changes.
    editor, report = _editor(data, report.path, report, options)
    editor.comment(notes(report))
    revision, out = _edit_docx(editor, report, options, track=True, recheck=False)
    return out, revision
