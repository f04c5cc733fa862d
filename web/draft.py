"""The revised draft offered for download: litcheck fix's safe plain-word swaps, made in memory.

``litcheck.fix.revise_bytes(data, reader, name)`` revises a document of any format it
supports; until it exists, .txt and .md (and pasted text) are revised with ``fix.revise``,
as ``litcheck fix`` does. A format fix cannot revise gets no draft (None), not an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from litcheck import fix
from litcheck.errors import LitcheckError

MEDIA_TYPES = {
    "txt": "text/plain;charset=utf-8",
    "md": "text/markdown;charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html;charset=utf-8",
}


@dataclass(frozen=True)
class Draft:
    data: bytes
    name: str  #: the download's file name: letter.docx -> letter.litcheck.docx
    media_type: str
    changes: int  #: how many words were swapped (-1 when the library does not say)


def revised_draft(job: dict, report) -> Draft | None:
    """The revised copy of the upload in ``job`` (checked as ``report``), or None."""
    if job["kind"] == "upload":
        data, name = job["data"], job["name"]
    else:
        data, name = job["text"].encode("utf-8"), "pasted-text.txt"
    suffix = PurePath(name).suffix.lower().lstrip(".") or "txt"
    target = _draft_name(name)
    revise_bytes = getattr(fix, "revise_bytes", None)
    if revise_bytes is not None:
        try:
            revised = revise_bytes(data, report.document.format, name)
        except LitcheckError:
            revised = None
        if revised is not None:
            return _from_library(revised, target, suffix)
    if report.document.format not in fix.TEXT_FORMATS:
        return None
    revision = fix.revise(report)
    text = revision.text.replace("\n", "\r\n") if b"\r\n" in data else revision.text
    return Draft(text.encode("utf-8"), target, MEDIA_TYPES.get(suffix, MEDIA_TYPES["txt"]), len(revision.changes))


def _from_library(revised, target: str, suffix: str) -> Draft | None:
    """Accept bytes, or a result holding them (a tuple, or an object with .data)."""
    changes = -1
    if isinstance(revised, tuple) and len(revised) == 4 and isinstance(revised[0], bytes) and isinstance(revised[1], str):
        data, _name, media_type, revision = revised  # (bytes, file name, media type, Revision)
        return Draft(data, target, media_type, len(getattr(revision, "changes", ()))) if data else None
    if isinstance(revised, tuple):
        for item in revised:
            if hasattr(item, "changes"):
                changes = len(item.changes)
        revised = next((item for item in revised if isinstance(item, (bytes, bytearray))), None)
    elif not isinstance(revised, (bytes, bytearray)):
        changes = len(getattr(revised, "changes", ())) if hasattr(revised, "changes") else -1
        revised = getattr(revised, "data", None)
    if not revised:
        return None
    return Draft(bytes(revised), target, MEDIA_TYPES.get(suffix, "application/octet-stream"), changes)


def _draft_name(name: str) -> str:
    path = PurePath(name)
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in path.stem).strip("-")[:60] or "document"
    suffix = "".join(ch for ch in path.suffix.lower() if ch.isalnum() or ch == ".")[:8] or ".txt"
    return f"{stem}.litcheck{suffix}"
