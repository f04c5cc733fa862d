"""What every reader shares: the Reader protocol and the Limits it reads within."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..document import Document


@dataclass(frozen=True)
class Limits:
    """How much a reader may take in: a letter is kilobytes, so these are generous."""

    max_bytes: int = 50 * 1024 * 1024  #: the largest file, in bytes
    max_unpacked: int = 100 * 1024 * 1024  #: the most a zip package (.docx) or a PDF's streams may unpack to
    max_chars: int = 500_000  #: the most text a document may hold, in characters (a letter is a few thousand)
    max_pages: int = 300  #: the most pages a PDF may have
    #: the most drawing operations (operators and operands) a PDF's pages may ask for, each
    #: form XObject counted every time it is drawn (the real-file folder's largest is 0.1 M)
    max_operations: int = 20_000_000
    #: the most one page may ask for (PDFium holds a page's objects at once; the folder's busiest page is 51,000)
    max_page_operations: int = 500_000
    max_objects: int = 1_000_000  #: the most objects a PDF may hold

    def too_much_text(self) -> str:
        """The one-line reason a document with more than ``max_chars`` of text is refused."""
        n = f"{self.max_chars:,}"
        return f"this file has more than {n} characters of text: litcheck checks letters and leaflets up to {n}"


DEFAULT_LIMITS = Limits()


class Reader(Protocol):
    """What a reader module provides (``litcheck/readers/<format>.py``)."""

    def read(self, data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
        """The Document in a file's bytes; InputError (one line) when it cannot be read."""
