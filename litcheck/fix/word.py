"""Make litcheck fix's edits inside a Word document's runs, keeping its formatting.

An edit is (start, end, new text) in ``Document.text`` offsets. Each is traced back to the
Word XML through the block it falls in (``Block.location``, as the .docx reader wrote it):
the paragraph, the table cell's paragraphs, or the header/footer paragraph, then to the
``w:t`` elements that hold those characters. The text is walked exactly as the reader
walks it (the reader's own ``ParagraphText`` walker), and the reader's ``tidy`` is redone with a
map back to each character's ``w:t`` element, so an edit lands on the characters the
finding was about, or is not made.

An edit that spans several runs puts the new text in the first run of the match (keeping
that run's formatting) and removes the matched text from the others. Characters that are
not plain run text are never edited, so an edit touching them is refused: merge fields
(``w:fldSimple`` and complex fields, shown as «Name»), any other field's result, content
controls showing their placeholder text, comment marks, tabs and breaks. Hyperlinks keep
their targets (only run text is ever written). Text boxes are left for a person.
"""

from __future__ import annotations

import io
import re

from ..readers.assemble import tidy
from ..readers.docx import MC, W, WordReader, ParagraphText, body_elements

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SOFT = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MARKS = re.compile("[\U000F0000-\U000FFFFD]")

Edit = tuple[int, int, str]


class _Pieces(ParagraphText):
    """A paragraph's text as the reader sees it, each piece with its w:t element or None."""

    def __init__(self) -> None:
        super().__init__(set())
        self.pieces: list[tuple[str, object]] = []
        self._el = None

    def _emit(self, s: str) -> None:
        if not self._hidden():
            self.parts.append(s)
            self.pieces.append((s, self._el))

    def visit(self, el) -> None:
        if el.tag == W + "t":
            editable = not self.fields and el.text and not _MARKS.search(el.text) and _plain_run_text(el)
            self._el = el if editable else None
            try:
                super().visit(el)
            finally:
                self._el = None
            return
        super().visit(el)


def _plain_run_text(el) -> bool:
    """Not inside a simple field or a content control that shows its placeholder text."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag == W + "fldSimple":
            return False
        if parent.tag == W + "sdt":
            pr = parent.find(W + "sdtPr")
            if pr is not None and pr.find(W + "showingPlcHdr") is not None:
                return False
        parent = parent.getparent()
    return True


Char = tuple[str, object]  #: a character and where it came from: (w:t, index) or None


def _tidy_map(p) -> tuple[str, list, set]:
    """The paragraph's tidied text (as the reader makes it), per character (w:t, index) or
    None, and the w:t elements that may be edited."""
    t = _Pieces()
    for child in p:
        t.visit(child)
    raw = [(ch, (el, i) if el is not None else None) for text, el in t.pieces for i, ch in enumerate(text)]
    out = _join_lines(_squeeze(line) for line in _lines(_drop_soft(raw)))
    text = "".join(ch for ch, _ in out)
    if text != tidy("".join(t.parts)):
        return "", [], set()  # not as the reader saw it: edit nothing here
    return text, [src for _, src in out], {el for _, el in t.pieces if el is not None}


# The four steps of the reader's tidy(), each keeping every character's source.


def _drop_soft(raw: list[Char]) -> list[Char]:
    """CR LF -> LF, a lone CR or vertical tab -> LF, soft hyphens and zero widths dropped."""
    chars = []
    for k, (ch, src) in enumerate(raw):
        if ch == "\r" and k + 1 < len(raw) and raw[k + 1][0] == "\n":
            continue
        if _SOFT.match(ch):
            continue
        chars.append(("\n" if ch in "\r\x0b" else ch, src))
    return chars


def _lines(chars: list[Char]) -> list[list[Char]]:
    lines, line = [], []
    for ch, src in chars + [("\n", None)]:
        if ch == "\n":
            lines.append(line)
            line = []
        else:
            line.append((ch, src))
    return lines


def _squeeze(line: list[Char]) -> list[Char]:
    """Runs of spaces to one space; none at either end."""
    squeezed: list[Char] = []
    for ch, src in line:
        if _SPACES.match(ch):
            if squeezed and squeezed[-1][0] == " ":
                continue
            squeezed.append((" ", src))
        else:
            squeezed.append((ch, src))
    while squeezed and squeezed[0][0] == " ":
        squeezed.pop(0)
    while squeezed and squeezed[-1][0] == " ":
        squeezed.pop()
    return squeezed


def _join_lines(lines) -> list[Char]:
    """Non-empty lines joined by LF (blank lines dropped)."""
    out: list[Char] = []
    for line in lines:
        if line:
            if out:
                out.append(("\n", None))
            out.extend(line)
    return out


def _paragraphs(container) -> list:
    """Paragraphs in reading order, leaving out those in text boxes and fallbacks."""
    out = []
    for p in container.iter(W + "p"):
        parent = p.getparent()
        while parent is not None and parent is not container and parent.tag not in (W + "txbxContent", MC + "Fallback"):
            parent = parent.getparent()
        if parent is container or parent is None:
            out.append(p)
    return out


class _Body:
    """The body's paragraphs and tables, numbered as the reader numbers them."""

    def __init__(self, reader: WordReader, body) -> None:
        self.reader = reader
        self.paragraphs: list = []
        self.tables: list = []
        self._walk(body)

    def _walk(self, body) -> None:
        for child in body_elements(body):
            if child.tag == W + "p":
                self.paragraphs.append(child)
            elif child.tag == W + "tbl":
                self.tables.append(child)

    def cell(self, t: int, r: int, c: int):
        if not 0 < t <= len(self.tables):
            return None
        rows = list(self.reader.rows(self.tables[t - 1]))
        if not 0 < r <= len(rows):
            return None
        cells = list(self.reader.cells(rows[r - 1]))
        return cells[c - 1] if 0 < c <= len(cells) else None


class WordEditor:
    """Edits for one .docx: resolve each group of edits, then make them all and save."""

    def __init__(self, data: bytes, document) -> None:
        import docx

        self.word = docx.Document(io.BytesIO(data))
        self.doc = document  #: the litcheck Document read from the same bytes
        self.reader = WordReader(self.word, document.path)
        body = self.word.element.body
        self.body = _Body(self.reader, body)
        headers, footers = self.reader.headers_footers(body)
        self.parts = {"header": headers, "footer": footers}
        self._maps: dict[int, tuple[list, set] | None] = {}

    # -- from Document offsets to w:t elements ---------------------------------------------

    def _candidates(self, block) -> tuple[list, bool] | None:
        """(paragraphs, joined): the block is their lines joined, or (joined False) one of them."""
        loc = block.location
        if "textbox" in loc:
            return None
        if block.kind in ("header", "footer") and "section" in loc:
            paras = [p for s, _kind, part in self.parts[block.kind] if s == loc["section"] for p in _paragraphs(part)]
            return paras, False
        if {"table", "row", "cell"} <= set(loc):
            cell = self.body.cell(loc["table"], loc["row"], loc["cell"])
            return ([], True) if cell is None else (_paragraphs(cell), True)
        if "paragraph" in loc and 0 < loc["paragraph"] <= len(self.body.paragraphs):
            return [self.body.paragraphs[loc["paragraph"] - 1]], True
        return None

    def _map(self, index: int, block) -> tuple[list, set] | None:
        """Per character of the block's text: (w:t element, index), or None if not run text."""
        if index in self._maps:
            return self._maps[index]
        found = self._candidates(block)
        result = None
        wanted = self.doc.block_text(block)
        if found:
            paras, joined = found
            mapped = [_tidy_map(p) for p in paras]
            if joined:
                texts = [m[0] for m in mapped if m[0]]
                if "\n".join(texts) == wanted:
                    chars: list = []
                    for m in mapped:
                        if m[0]:
                            if chars:
                                chars.append(None)
                            chars.extend(m[1])
                    result = (chars, set().union(*(m[2] for m in mapped)))
            else:
                result = next(((m[1], m[2]) for m in mapped if m[0] == wanted), None)
        self._maps[index] = result
        return result

    def _resolve(self, edit: Edit) -> list[tuple[object, int, int]] | str:
        """[(w:t, from, to), ...] for the characters of one edit, or why it cannot be made."""
        start, end, _new = edit
        block = self.doc.block_at(start)
        if block is None or end > block.end:
            return "not inside one paragraph of the Word document"
        index = self.doc.blocks.index(block)
        mapped = self._map(index, block)
        if mapped is None:
            if "textbox" in block.location:
                return "in a text box: change it in Word"
            return "could not be matched to the Word document's runs"
        chars, editable = mapped
        a, b = start - block.start, end - block.start
        span = chars[a:b]
        if not span or any(src is None for src in span):
            return "touches a field, a tab or a line break in the Word document"
        # every character from the first to the last, in the runs, including squeezed spaces
        segments: list[list] = []
        first_el, first_i = span[0]
        last_el, last_i = span[-1]
        walking = False
        for el in self._run_texts_between(first_el, last_el):
            if el not in editable:
                return "crosses a field or other text that is not plain run text"
            i0 = first_i if el is first_el else 0
            i1 = last_i + 1 if el is last_el else len(el.text or "")
            segments.append([el, i0, i1])
            walking = True
        if not walking:
            return "could not be matched to the Word document's runs"
        return [tuple(s) for s in segments]

    @staticmethod
    def _run_texts_between(first, last) -> list:
        if first is last:
            return [first]
        out = []
        root = first.getroottree().getroot()
        inside = False
        for el in root.iter(W + "t"):
            if el is first:
                inside = True
            if inside:
                out.append(el)
            if el is last:
                return out
        return []

    # -- making the edits ------------------------------------------------------------------

    def apply(self, groups: list[list[Edit]]) -> tuple[bytes, dict[int, str]]:
        """Make every group whose edits can all be made; the others' index -> reason."""
        failed: dict[int, str] = {}
        todo: list[tuple[int, str, list]] = []
        for g, edits in enumerate(groups):
            resolved = []
            for edit in edits:
                r = self._resolve(edit)
                if isinstance(r, str):
                    failed[g] = r
                    break
                resolved.append((edit[0], edit[2], r))
            else:
                todo.extend(resolved)
        for _start, new, segments in sorted(todo, key=lambda x: x[0], reverse=True):
            for n, (el, i0, i1) in reversed(list(enumerate(segments))):
                text = el.text or ""
                el.text = text[:i0] + (new if n == 0 else "") + text[i1:]
                el.set(_XML_SPACE, "preserve")
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue(), failed
