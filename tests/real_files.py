"""Scoring litcheck's reading of the shared real-file folder (PDF, DOCX) against its labels.

Used by tests/test_readers_real_files.py and bench/bench_real_files.py. The files are read
by path from the shared data folder and never copied into the repository; where the folder
is absent (a CI clone) ``available()`` is False.

The recipe is the folder's README: NFKC, Unicode format characters deleted, straight
quotes, dashes to '-', whitespace collapsed, a line-end hyphen tried kept and removed;
case-sensitive substring match.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

FOLDER = Path(os.environ.get("LITCHECK_REAL_FILES", "/work/shared/data/real-files"))
LABELS = FOLDER / "labels.json"

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})
_DASHES = re.compile("[\u2010-\u2015\u2212]")


def available() -> bool:
    return LABELS.exists()


def records() -> list[dict]:
    return json.loads(LABELS.read_text(encoding="utf-8"))["documents"] if available() else []


def path_of(record: dict) -> Path:
    return FOLDER / record["file"]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = _DASHES.sub("-", text.translate(_QUOTES))
    return re.sub(r"\s+", " ", text).strip()


def variants(text: str) -> list[str]:
    """The text normalised, with each line-end hyphen kept and with it removed."""
    kept = normalise(text)
    if not re.search(r"-\n", text):
        return [kept]
    return [kept, normalise(re.sub(r"-\n\s*", "", text)), normalise(re.sub(r"-\n\s*", "-", text))]


def body_text(doc) -> str:
    """The document's text without the blocks the reader marked as header or footer."""
    return "\n\n".join(doc.block_text(b) for b in doc.blocks if b.kind not in ("header", "footer"))


def coverage(doc, phrases) -> tuple[float, list[str]]:
    texts = variants(doc.text)
    missing = [p for p in phrases if not any(normalise(p) in t for t in texts)]
    return (1 - len(missing) / len(phrases)) if phrases else 1.0, missing


def in_order(doc, phrases) -> bool:
    for text in variants(doc.text):
        pos, ok = 0, True
        for p in phrases:
            i = text.find(normalise(p), pos)
            if i < 0:
                ok = False
                break
            pos = i + len(normalise(p))
        if ok:
            return True
    return False


def repeated(doc, furniture) -> list[str]:
    """The running furniture that occurs more than once in the body text."""
    body = normalise(body_text(doc))
    return [f for f in furniture if body.count(normalise(f)) > 1]


def torn(doc) -> list[tuple[int, str, str]]:
    """Blocks that stand inside another block's box on the same page (page, the two texts):
    a piece of a line read out of its sentence ("find your" after the paragraph it belongs
    in). Cells of one table, headers and footers are not compared."""
    boxed = [b for b in doc.blocks if b.kind not in ("header", "footer") and "x0" in (b.location or {})]
    out = []
    for i, a in enumerate(boxed):
        la = a.location
        for b in boxed[i + 1 :]:
            lb = b.location
            if la.get("page") != lb.get("page") or (la.get("table") and la.get("table") == lb.get("table")):
                continue
            wide = min(la["x1"], lb["x1"]) - max(la["x0"], lb["x0"])
            high = min(la["bottom"], lb["bottom"]) - max(la["top"], lb["top"])
            if wide > 2 and high > 2:
                out.append((la["page"], doc.block_text(a), doc.block_text(b)))
    return out


def prose_share(doc) -> float:
    """Share of the document's words that are in prose sentences (what the reading age scores)."""
    from litcheck.analysers import Context
    from litcheck.prose import iter_words, masked_spans

    masks = masked_spans(doc)
    total = sum(1 for _ in iter_words(doc, 0, len(doc.text), masks))
    prose = sum(1 for s in Context(doc).sentences if s.is_prose for _ in iter_words(doc, s.start, s.end, masks))
    return prose / total if total else 0.0


_SET_APART = ("foreign", "address", "salutation", "signoff", "date", "label", "header", "footer", "placeholder", "caption")


def prose_pages_share(doc) -> float:
    """Share of the words on pages of prose that reach the reading age: pages where table
    cells hold less than half the words (a language table is not prose), not counting
    sentences and headings in another language (scored apart by design) nor letter furniture the
    segmenter sets apart on purpose (address, salutation, sign-off, date and reference
    lines, page headers and footers, template fields, captions). What is left is prose,
    headings and table cells: prose taken for table cells or headings lowers the share."""
    from collections import Counter, defaultdict

    from litcheck.analysers import Context
    from litcheck.prose import iter_words, masked_spans

    from litcheck.segment import is_foreign

    masks = masked_spans(doc)
    pages: dict = defaultdict(Counter)
    for s in Context(doc).sentences:
        page = doc.blocks[s.block].location.get("page", 1)
        kind = s.kind
        if kind == "heading" and is_foreign(doc.text[s.start : s.end]):
            kind = "foreign"  # a heading in another language is set apart like its sentences
        pages[page][kind] += sum(1 for _ in iter_words(doc, s.start, s.end, masks))
    prose = counted = 0
    for kinds in pages.values():
        total = sum(kinds.values())
        if not total or kinds["table"] >= total / 2:
            continue
        prose += kinds["prose"]
        counted += total - sum(kinds[k] for k in _SET_APART)
    return prose / counted if counted else 0.0
