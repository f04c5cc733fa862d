"""What a PDF tells about its accessibility: whether it is tagged, and which pages are scanned.

A tagged PDF carries a structure tree (headings, lists, tables, reading order) for screen
readers; PDFium answers from the catalog's /MarkInfo and /StructTreeRoot
(``FPDFCatalog_IsTagged``). A page "without text" is one the reader found pictures on and no
characters: a scan. The layout checks (rules/layout/pdf_tags.yml, scanned_pages.yml) read
these facts from ``Document.layout``.
"""

from __future__ import annotations

from ..document import Layout


def is_tagged(doc) -> bool | None:
    """True when the PDF is tagged, False when not, None when PDFium cannot say."""
    try:
        import pypdfium2.raw as raw

        from .pdf_chars import LOCK

        with LOCK:
            return bool(raw.FPDFCatalog_IsTagged(doc.raw))
    except Exception:  # an old PDFium without the call: not known
        return None


def pdf_layout(doc, pages_without_text, pages: int) -> Layout:
    """The PDF's Layout: tagged or not, its scanned pages (1-based), its number of pages."""
    return Layout(tagged=is_tagged(doc), pages_without_text=tuple(pages_without_text), pages=pages)
