"""Revised copies: in memory (the upload page) and beside the input (``litcheck fix``).

A copy is written next to its input as ``letter.litcheck.ext``; the input is never
written to, and an existing copy is replaced only with ``force``.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import readers
from ..check import check_document
from ..document import Document
from ..errors import InputError, LitcheckError
from ..report import DocumentReport
from .revise import TEXT_FORMATS, Left, Revision, edit_groups, revise
from .word import WordEditor

#: formats litcheck fix can write a revised copy of, and the copy's media type
MEDIA_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class FixError(LitcheckError):
    """The revised copy cannot be written (it exists already, or the format is not supported)."""


def output_path(path: Path) -> Path:
    """letter.txt -> letter.litcheck.txt (beside the input)."""
    return path.with_name(f"{path.stem}.litcheck{path.suffix}")


def _supported(fmt: str, name: str | None) -> None:
    if fmt not in MEDIA_TYPES:
        raise FixError(f"{name or 'the document'}: litcheck fix writes .txt, .md and .docx copies, not .{fmt}")


def revise_data(data: bytes, fmt: str, name: str | None = None, *, report: DocumentReport | None = None, track: bool = True, **options) -> tuple[Revision, bytes]:
    """Check a document held in memory and make its revised copy, in memory.

    ``fmt`` is the Document format (txt, md or docx). ``report``: the document already
    checked (with these options), so it is not checked twice. Options are
    check_document's (profile, rules, ...). ``track``: a Word copy's changes are tracked
    changes by "litcheck" (False: a clean copy). Nothing is written to disk."""
    fmt = (fmt or "").lower().lstrip(".")
    _supported(fmt, name)
    doc = report.document if report is not None else readers.read_bytes(data, fmt, name)
    return _revise(doc, data, options, report, track)


def _revise(doc: Document, data: bytes, options: dict, report: DocumentReport | None = None, track: bool = True) -> tuple[Revision, bytes]:
    report = report if report is not None else check_document(doc, **options)
    if doc.format in TEXT_FORMATS:
        revision = revise(report, options.get("rules"), time_format=options.get("time_format"), check_options=options)
        text = revision.text.replace("\n", "\r\n") if b"\r\n" in data else revision.text
        bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
        return revision, (bom + text).encode("utf-8")
    return _revise_docx(data, report, options, track)


def _revise_docx(data: bytes, report: DocumentReport, options: dict, track: bool, recheck: bool = True) -> tuple[Revision, bytes]:
    """The Word copy with the revision's changes made; ``recheck=False`` leaves
    ``revision.revised`` unset (the upload page shows the changes, not a second report)."""
    return _edit_docx(WordEditor(data, report.document), report, options, track, recheck)


def _edit_docx(editor: WordEditor, report: DocumentReport, options: dict, track: bool, recheck: bool = True) -> tuple[Revision, bytes]:
    """``_revise_docx`` on a Word document already open in ``editor`` (which may hold
    comments already): the edits made, the document saved once."""
    revision = revise(report, options.get("rules"), recheck=False, check_options=options)
    doc = report.document
    failed = editor.edit(edit_groups(doc.text, revision.changes), track=track)
    out = editor.save()
    if failed:
        revision.left = sorted(
            revision.left + [Left(c.finding, failed[i]) for i, c in enumerate(revision.changes) if i in failed],
            key=lambda item: (item.finding.start, item.finding.end),
        )
        revision.changes = [c for i, c in enumerate(revision.changes) if i not in failed]
    if recheck:
        revised_doc = readers.read_bytes(out, "docx", doc.path)
        revision.text = revised_doc.text
        revision.revised = check_document(revised_doc, **{**options, "profile": report.profile})
    else:
        # the edited document's text, read from the XML in memory (not unzipped again)
        revision.text = editor.text()
        limits = readers.DEFAULT_LIMITS  # as reading the saved copy would refuse it
        if len(revision.text) > limits.max_chars:
            raise InputError(doc.path, limits.too_much_text())
    return revision, out


def revise_bytes(data: bytes, fmt: str, name: str, *, report: DocumentReport | None = None, track: bool = True) -> tuple[bytes, str, str, Revision]:
    """A revised draft in memory, for a download: (bytes, file name, media type, revision).

    ``fmt``: txt, md or docx (Document.format). ``name``: the upload's file name; the draft
    is named as ``litcheck fix`` names it (letter.docx -> letter.litcheck.docx). Writes
    nothing to disk. Raises FixError (or InputError) with a one-line reason."""
    revision, out = revise_data(data, fmt, name, report=report, track=track)
    fmt = revision.original.document.format
    stem = Path(name or "document").name
    target = output_path(Path(stem if Path(stem).suffix else f"{stem}.{fmt}")).name
    return out, target, MEDIA_TYPES[fmt], revision


def fix_file(path: str | os.PathLike, *, output: str | os.PathLike | None = None, force: bool = False, track: bool = True, **options) -> tuple[Revision, Path]:
    """Check ``path``, write the revised copy beside it and return (revision, where)."""
    src = Path(path)
    target = Path(output) if output else output_path(src)
    doc = readers.read_file(src)
    _supported(doc.format, str(src))
    if target.exists() and src.exists() and os.path.samefile(src, target):
        raise FixError(f"{src}: the revised copy would overwrite the input; choose another --output")
    if target.exists() and not force:
        raise FixError(f"{target}: already exists; use --force to replace it (the input is never changed)")
    if not target.parent.is_dir():
        raise FixError(f"{target.parent}: no such folder for the revised copy")
    if target.is_symlink():
        raise FixError(f"{target}: is a symbolic link; litcheck will not write through it (choose another --output)")
    revision, out = _revise(doc, src.read_bytes(), options, track=track)
    target.write_bytes(out)
    return revision, target
