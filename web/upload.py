"""From an upload to a Document: the file's type checked by its content, .docx zip bombs
refused before parsing. Everything happens in memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from litcheck import readers
from litcheck.document import Document
from litcheck.errors import InputError

#: what each binary format's bytes start with
_MAGIC = {"docx": (b"PK\x03\x04",), "pdf": (b"%PDF-",)}
#: formats read as text, which must not look like any binary format
_BINARY_STARTS = (b"PK\x03\x04", b"%PDF-", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")
_NAMES = {"docx": "a Word (.docx) document", "pdf": "a PDF"}


def reader_for(filename: str) -> str:
    """The reader for an uploaded file's name, or InputError (as the CLI says it)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in readers.UNSUPPORTED:
        raise InputError(filename, readers.UNSUPPORTED[suffix])
    reader = readers.format_for(filename)
    if reader is None:
        kinds = ", ".join(readers.supported_suffixes())
        raise InputError(filename, f"litcheck cannot read '{suffix or 'no extension'}' files (it reads {kinds})")
    return reader


def check_content(data: bytes, reader: str, filename: str) -> None:
    """Refuse a file whose bytes do not match its name (a renamed file, or a disguised one)."""
    head = data[:1024]
    if reader in _MAGIC:
        if not head.lstrip(b"\r\n\t ").startswith(_MAGIC[reader]):
            raise InputError(filename, f"is named {PurePath(filename).suffix} but is not {_NAMES[reader]}: check the file type")
    elif head.startswith(_BINARY_STARTS):
        raise InputError(filename, "does not look like a text file (it holds binary data): check the file type")


def check_unpacked_size(data: bytes, filename: str, limit: int) -> None:
    """Refuse a zip (a .docx) that would unpack to more than ``limit`` bytes, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(filename, "is damaged: it is not a readable Word (.docx) file") from None
    if total > limit:
        raise InputError(
            filename, f"would unpack to {total // (1024 * 1024)} MB, more than litcheck opens ({limit // (1024 * 1024)} MB): it may be a zip bomb"
        )


def read_upload(data: bytes, filename: str, max_unpacked: int) -> Document:
    reader = reader_for(filename)
    if not data:
        raise InputError(filename, "is empty: there is no text to check")
    check_content(data, reader, filename)
    if reader == "docx":
        check_unpacked_size(data, filename, max_unpacked)
    return readers.read_bytes(data, reader, filename)


def read_paste(text: str) -> Document:
    if not text.strip():
        raise InputError("pasted text", "is empty: there is no text to check")
    return readers.read_text(text, "txt", "pasted text")
