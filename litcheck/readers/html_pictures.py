"""Pictures on a web page and their alternative text, for the layout checks (Document.layout).

An ``<img>`` with no ``alt`` attribute has no alternative text; ``alt=""``,
``role="presentation"`` or ``aria-hidden`` mark a decorative picture, which screen readers
skip (HTML's own rules). Pictures in parts of the page the reader leaves out (scripts,
navigation, hidden elements, the page's own header and footer) are left out too, and so is
a tracking pixel (at most 2 pixels wide or high). Each picture points at the first block
at or after its source line, or the last block before it.
"""

from __future__ import annotations

import bisect

from ..document import Layout, Picture

_DECORATIVE_ROLES = ("presentation", "none")


def _size(value) -> int | None:
    try:
        return int(str(value).strip().lower().removesuffix("px"))
    except (TypeError, ValueError):
        return None


def html_layout(root, doc, left_out) -> Layout:
    """The pictures of the page ``root`` (lxml) as a Layout; ``left_out(el)`` says whether
    the reader leaves an element out of the text."""
    lines = [b.location.get("line", 0) for b in doc.blocks]
    pictures = []
    for img in root.iter("img"):
        if any(left_out(el) for el in (img, *img.iterancestors())):
            continue
        width, height = _size(img.get("width")), _size(img.get("height"))
        if (width is not None and width <= 2) or (height is not None and height <= 2):
            continue  # a tracking pixel, not a picture
        alt = img.get("alt")
        decorative = alt is not None and not alt.strip() or img.get("role") in _DECORATIVE_ROLES or img.get("aria-hidden") == "true"
        line = img.sourceline or 0
        i = bisect.bisect_left(lines, line)
        block = doc.blocks[i] if i < len(doc.blocks) else (doc.blocks[-1] if doc.blocks else None)
        if block is None:
            continue
        pictures.append(Picture(block.start, block.end, {"line": line}, (alt or "").strip() or (img.get("title") or "").strip(),
                                bool(decorative), img.get("src", "")[-80:]))
    return Layout(pictures=tuple(pictures))
