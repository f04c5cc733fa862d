"""Readers: one small module per file format, each turning a file into a Document.

Every reader module follows the :class:`Reader` protocol below. Heavy parsing libraries
are imported only when a file of that format is read, so checking a .txt never imports
Word or PDF code. The CLI and the upload page both come in through :func:`reader_for`
and :func:`read_bytes`, so a file is judged the same way wherever it arrives.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .base import DEFAULT_LIMITS, Limits, Reader


#: file suffix -> format (Document.format; the one name litcheck uses for each format)
READERS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}

#: format -> its reader module (in this package)
MODULES = {"txt": "text", "md": "markdown", "docx": "docx", "pdf": "pdf", "html": "html"}

#: suffixes litcheck knows it cannot read, and what to do instead
UNSUPPORTED = {
    ".doc": "is an old Word (.doc) file: open it in Word, save it as .docx and check that",
    ".rtf": "is a Rich Text file: save it as .docx or .txt and check that",
    ".odt": "is an OpenDocument file: save it as .docx and check that",
    ".pages": "is a Pages file: export it as .docx or PDF and check that",
}

#: the most a single document may weigh, in bytes (a letter is kilobytes)
MAX_BYTES = DEFAULT_LIMITS.max_bytes


def supported_suffixes() -> list[str]:
    return sorted(READERS)


#: template suffixes: the file is read as the format inside (letter.html.j2 as HTML, letter.j2 as text)
TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".njk")


def format_for(path: str | Path) -> str | None:
    """The reader for a file name, or None if litcheck does not read that type."""
    p = Path(path)
    if p.suffix.lower() in TEMPLATE_SUFFIXES:
        inner = Path(p.stem).suffix.lower()
        return READERS.get(inner) if inner else "txt"
    return READERS.get(p.suffix.lower())


def reader_for(name: str | Path) -> str:
    """The reader for a file name; InputError (one line, with what to do) when there is none."""
    suffix = Path(name).suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(str(name), UNSUPPORTED[suffix])
    reader = format_for(name)
    if reader is None:
        kinds = ", ".join(supported_suffixes())
        templates = ", ".join(TEMPLATE_SUFFIXES)
        raise InputError(str(name), f"litcheck cannot read '{suffix or 'no extension'}' files (it reads {kinds}, and templates ending {templates} as the format inside: letter.html.j2)")
    return reader


def read_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a file from disk into a Document. Raises InputError with a one-line reason."""
    p = Path(path)
    name = str(path)
    reader = reader_for(p)
    try:
        if p.is_dir():
            raise InputError(name, "is a folder, not a file")
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise InputError(name, f"is {size // (1024 * 1024)} MB, more than litcheck reads ({limits.max_bytes // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file: check the path") from None
    except PermissionError:
        raise InputError(name, "permission denied: litcheck cannot open it") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return read_bytes(data, reader, name, limits)


def sniff(data: bytes) -> str | None:
    """The reader a file's content calls for, from its first bytes, or None if unsure.

    A zip holding word/document.xml is "docx"; "%PDF-" is "pdf"; a page that starts with
    an HTML doctype or <html> is "html".
    """
    head = data[:1024]
    if head.startswith(b"%PDF-") or b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "docx" if "word/document.xml" in z.namelist() else None
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


_FORMAT_NAMES = {"docx": "a Word (.docx) file", "pdf": "a PDF", "html": "a web page (.html)"}
_RENAME = {"docx": ".docx", "pdf": ".pdf", "html": ".html"}


def _check_content(data: bytes, reader: str, path: str | None) -> None:
    """Refuse, in one line, content that is not what the file's extension says."""
    actual = sniff(data)
    if reader in ("docx", "pdf") and actual == reader:
        return
    if actual in ("docx", "pdf") and actual != reader:
        raise InputError(path, f"is really {_FORMAT_NAMES[actual]}, not what its name says: rename it to end in {_RENAME[actual]} and try again")
    if reader == "docx":
        if data[:4] == b"\xd0\xcf\x11\xe0":
            raise InputError(path, "is an old Word (.doc) file or a password-protected Word file, not a .docx: open it in Word, save it as .docx without a password and try again")
        if data[:2] == b"PK":
            raise InputError(path, "is damaged or is not a Word document (the zip holds no word/document.xml): open it in Word and save it again as .docx")
        if not data.strip():
            raise InputError(path, "is empty: there is no text to check")
        raise InputError(path, "is not a Word (.docx) file (it is not a zip package): check the file type")
    if reader == "pdf":
        if not data.strip():
            raise InputError(path, "is empty: there is no text to check")
        raise InputError(path, "is not a PDF (it does not start with %PDF): check the file type")


def read_bytes(data: bytes, reader: str, path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the bytes of a document whose reader is known (see READERS)."""
    if len(data) > limits.max_bytes:
        raise InputError(path, f"is {len(data) // (1024 * 1024)} MB, more than litcheck reads ({limits.max_bytes // (1024 * 1024)} MB)")
    _check_content(data, reader, path)
    if reader in ("txt", "md") and len(data) > 4 * limits.max_chars:  # more bytes than any encoding needs
        raise InputError(path, limits.too_much_text())
    module: Reader = _module(reader)
    return _within(module.read(data, path, limits), path, limits)


def _within(document: Document, path: str | None, limits: Limits) -> Document:
    """The document, if its text is within the limit; else a one-line InputError."""
    if len(document.text) > limits.max_chars:
        raise InputError(path, limits.too_much_text())
    return document


def _module(fmt: str):
    """The reader module for a format ("txt", "md", ...; a leading dot is allowed)."""
    name = MODULES.get(fmt.lower().lstrip("."))
    if name is None:
        raise InputError(None, f"litcheck has no reader for '{fmt}' (it reads {', '.join(MODULES)})")
    module = _LOADED.get(name)
    if module is None:  # (import_module takes the import lock each time: kept after the first, issue 20)
        module = _LOADED[name] = importlib.import_module(f"{__name__}.{name}")
    return module


#: reader modules already imported, by name
_LOADED: dict = {}


def read_text(text: str, format: str = "txt", path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read text already in memory (pasted text, standard input)."""
    if len(text) > limits.max_chars:
        raise InputError(path, limits.too_much_text())
    return _within(_module(READERS.get("." + format.lower().lstrip("."), format)).parse(text, path), path, limits)
