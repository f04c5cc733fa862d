"""Readers: one small module per file format, each turning a file into a Document.

A reader module has ``read(data: bytes, path: str | None) -> Document``. Heavy parsing
libraries are imported only when a file of that format is read, so checking a .txt never
imports Word or PDF code.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..document import Document
from ..errors import InputError

#: file suffix -> reader module (in this package)
READERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}

#: suffixes litcheck knows it cannot read, and what to do instead
UNSUPPORTED = {
    ".doc": "is an old Word (.doc) file: open it in Word, save it as .docx and check that",
    ".rtf": "is a Rich Text file: save it as .docx or .txt and check that",
    ".odt": "is an OpenDocument file: save it as .docx and check that",
    ".pages": "is a Pages file: export it as .docx or PDF and check that",
}

#: the most a single document may weigh, in bytes (a letter is kilobytes)
MAX_BYTES = 50 * 1024 * 1024


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def format_for(path: str | Path) -> str | None:
    """The reader for a file name, or None if litcheck does not read that type."""
    return READERS.get(Path(path).suffix.lower())


def read_file(path: str | Path) -> Document:
    """Read a file from disk into a Document. Raises InputError with a one-line reason."""
    p = Path(path)
    name = str(path)
    suffix = p.suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(name, UNSUPPORTED[suffix])
    reader = format_for(p)
    if reader is None:
        kinds = ", ".join(supported_suffixes())
        raise InputError(name, f"litcheck cannot read '{suffix or 'no extension'}' files (it reads {kinds})")
    try:
        if p.is_dir():
            raise InputError(name, "is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"is {size // (1024 * 1024)} MB, more than litcheck reads ({MAX_BYTES // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file: check the path") from None
    except PermissionError:
        raise InputError(name, "permission denied: litcheck cannot open it") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return read_bytes(data, reader, name)


def read_bytes(data: bytes, reader: str, path: str | None = None) -> Document:
    """Read the bytes of a document whose reader is known (see READERS)."""
    module = importlib.import_module(f"{__name__}.{reader}")
    return module.read(data, path)


def read_text(text: str, format: str = "txt", path: str | None = None) -> Document:
    """Read text already in memory (pasted text, standard input)."""
    reader = READERS.get("." + format.lower().lstrip("."), format)
    module = importlib.import_module(f"{__name__}.{reader}")
    return module.parse(text, path)
