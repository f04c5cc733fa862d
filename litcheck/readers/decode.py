"""Bytes to text for the text-based formats, with a clear word when it is not text."""

from __future__ import annotations

import codecs

from ..errors import InputError


def decode_text(data: bytes, path: str | None) -> str:
    """Decode a text file (UTF-8, or Windows-1252 as Notepad saves it)."""
    if not data.strip():
        raise InputError(path, "is empty: there is no text to check")
    bom = _bom_encoding(data)
    if bom:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise InputError(path, f"starts as {bom.upper()[:6]} text but is damaged: save it as UTF-8 and try again") from None
        if not text.strip():
            raise InputError(path, "is empty: there is no text to check")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.05:
        raise InputError(path, "does not look like a text file (it holds binary data): check the file type")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything; kept for safety
        raise InputError(path, "is not UTF-8 text: save it as UTF-8 and try again")
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: byte order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (as Notepad's "Unicode" saves), when the file starts with its mark."""
    for mark, encoding in _BOMS:
        if data.startswith(mark) and (encoding == "utf-16" or len(data) % 4 == 0):
            return encoding
    return None


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)
