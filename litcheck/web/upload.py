"""From an upload to a Document, in memory, through the same readers and checks as the CLI
(the file's type from its name and its content, the zip-bomb guard before parsing)."""

from __future__ import annotations

from .. import readers
from ..document import Document
from ..errors import InputError


def read_upload(data: bytes, filename: str, max_unpacked: int) -> Document:
    reader = readers.reader_for(filename)
    if not data:
        raise InputError(filename, "is empty: there is no text to check")
    return readers.read_bytes(data, reader, filename, readers.Limits(max_bytes=len(data), max_unpacked=max_unpacked))


def read_paste(text: str) -> Document:
    if not text.strip():
        raise InputError("pasted text", "is empty: there is no text to check")
    return readers.read_text(text, "txt", "pasted text")
