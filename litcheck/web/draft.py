"""The revised draft offered for download: ``litcheck fix``'s safe plain-word swaps, made in
memory. A format fix cannot revise gets no draft (None), not an error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from .. import fix
from ..fix.review import review_path, reviewed_copy
from ..errors import LitcheckError


@dataclass(frozen=True)
class Draft:
    data: bytes
    name: str  #: the download's file name: letter.docx -> letter.litcheck.docx
    media_type: str
    revision: fix.Revision  #: what changed, what was left and why
    reviewed: bool = False  #: a Word file with comments and tracked changes (not a clean copy)

    @property
    def changes(self) -> int:
        return len(self.revision.changes)


def revised_draft(job: dict, report) -> Draft | None:
    """The revised copy of the upload in ``job`` (checked as ``report``), or None."""
    if job["kind"] == "upload":
        data, name = job["data"], job["name"]
    else:
        data, name = job["text"].encode("utf-8"), "pasted-text.txt"
    fmt = report.document.format
    if fmt not in fix.MEDIA_TYPES:
        return None
    try:
        if fmt == "docx":  # the reviewed Word file: comments and tracked changes
            out, revision = reviewed_copy(data, report)
            return Draft(out, _safe_name(review_path(PurePath(name)).name), fix.MEDIA_TYPES[fmt], revision, reviewed=True)
        out, target, media_type, revision = fix.revise_bytes(data, fmt, name, report=report)
    except LitcheckError:
        return None
    return Draft(out, _safe_name(target), media_type, revision)


def _safe_name(name: str) -> str:
    """A download name with only letters, digits, '-' and '_' in its stem."""
    path = PurePath(name)
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in path.stem).strip("-")[:70] or "document"
    return f"{stem}{path.suffix}"
