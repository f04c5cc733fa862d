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

With ``track=True`` each edit is a tracked change by "litcheck" instead: the matched runs
are split off at the edit's ends, wrapped in ``w:del`` (their text becomes ``w:delText``),
and a ``w:ins`` holding a run with the new text (the first matched run's formatting) follows
them. Accepting every change in Word gives exactly the clean copy's text.

``annotate`` writes findings as Word comments by "litcheck", anchored on the exact words
(the runs are split at the finding's ends); findings about the whole letter, and findings in
places Word cannot comment on (headers, footers, text boxes), are comments on the first
paragraph that say where. Comments litcheck wrote earlier are replaced, never doubled;
everyone else's comments are kept.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from datetime import datetime, timezone

from ..readers.assemble import tidy
from ..readers.docx import MC, W, WordReader, ParagraphText, body_elements

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SOFT = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MARKS = re.compile("[\U000F0000-\U000FFFFD]")
#: what _drop_soft changes, and the spaces other than " " that _squeeze turns into " "
_SOFT_OR_CR = re.compile(r"[\r\x0b\u00ad\u200b\u200c\u200d\ufeff]")
_OTHER_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")

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
    if not _SOFT_OR_CR.search("".join(ch for ch, _ in raw)):
        return raw  # nothing to drop or change (most paragraphs)
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
    text = "".join(ch for ch, _ in line)
    if not (_OTHER_SPACES.search(text) or "  " in text or text[:1] == " " or text[-1:] == " "):
        return line  # already one plain space between words (most lines)
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
        #: block index -> the w:p elements its map was made from
        self._mapped: dict[int, set] = {}

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
        self._mapped[index] = set(found[0]) if found else set()
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

    def apply(self, groups: list[list[Edit]], track: bool = False) -> tuple[bytes, dict[int, str]]:
        """Make every group whose edits can all be made, and save; the others' index -> reason.

        ``track``: as tracked changes by "litcheck" (a person accepts or rejects each)."""
        failed = self.edit(groups, track)
        return self.save(), failed

    def edit(self, groups: list[list[Edit]], track: bool = False) -> dict[int, str]:
        """``apply`` without saving: the index -> reason of each group not made."""
        self._maps.clear()  # comments may have split runs since the last mapping
        self._mapped.clear()
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
        revisions = _Revisions(self.word)
        for _start, new, segments in sorted(todo, key=lambda x: x[0], reverse=True):
            if track:
                revisions.replace(_isolate(segments), new)
                continue
            for n, (el, i0, i1) in reversed(list(enumerate(segments))):
                text = el.text or ""
                el.text = text[:i0] + (new if n == 0 else "") + text[i1:]
                el.set(_XML_SPACE, "preserve")
        self._maps.clear()
        self._mapped.clear()
        return failed

    def annotate(self, notes: list[tuple[int, int, str, str]]) -> bytes:
        """The document with a comment by "litcheck" for each (start, end, text, where) note:
        on the words [start, end) when it has any and Word can anchor there, else on the first
        paragraph, prefixed with ``where`` ("In the header", "About the whole letter")."""
        self.comment(notes)
        return self.save()

    def comment(self, notes: list[tuple[int, int, str, str]]) -> None:
        """``annotate`` without saving (more edits may follow in the same document)."""
        _remove_litcheck_comments(self.word)
        first = _first_paragraph_runs(self.word.element.body)
        writer = _CommentWriter(self.word)
        for start, end, text, where in sorted(notes, key=lambda n: (n[0], n[1])):
            runs = None
            if end > start:
                segments = self._resolve((start, end, ""))
                if not isinstance(segments, str) and not self._in_header_or_footer(start):
                    runs = _isolate(segments)
                    self._forget([el for el, _i0, _i1 in segments])  # their runs were split
            if runs is None:
                if not first:
                    continue
                runs = first
                text = f"{where}: {text}" if where else text
            writer.add(runs[0], runs[-1], text)
        self._maps.clear()
        self._mapped.clear()

    def _forget(self, texts) -> None:
        """Map again the blocks whose paragraphs hold these w:t elements (their runs changed)."""
        changed = {_paragraph_of(el) for el in texts}
        for index, paragraphs in list(self._mapped.items()):
            if not changed.isdisjoint(paragraphs):
                self._maps.pop(index, None)
                del self._mapped[index]

    def _in_header_or_footer(self, start: int) -> bool:
        block = self.doc.block_at(start)
        return block is not None and block.kind in ("header", "footer")

    def save(self) -> bytes:
        """The document as it is now, as .docx bytes."""
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()

    def text(self) -> str:
        """The document's text as it is now, as litcheck's reader reads it (tracked changes
        accepted), read from the edited XML in memory rather than from saved bytes (its
        layout, which the text does not need, is not worked out: that was half the time)."""
        return WordReader(self.word, self.doc.path).read(layout=False).text


#: the author of litcheck's comments and tracked changes
AUTHOR = "litcheck"


def _split(t, i: int):
    """Split the run holding w:t ``t`` at character ``i``: the run keeps text[:i], a copy of
    it (same formatting) inserted just after holds text[i:]. Returns the copy's w:t."""
    r = t.getparent()
    index = list(r).index(t)
    copy = deepcopy(r)
    copy_t = copy[index]
    text = t.text or ""
    t.text, copy_t.text = text[:i], text[i:]
    for el in (t, copy_t):
        el.set(_XML_SPACE, "preserve")
    for child in list(r)[index + 1 :]:
        r.remove(child)
    for child in list(copy)[:index]:
        if child.tag != W + "rPr":
            copy.remove(child)
    r.addnext(copy)
    return copy_t


def _isolate(segments) -> list:
    """Split runs so that the characters of ``segments`` ([(w:t, from, to), ...]) are whole
    runs; those runs, in order. The runs keep the text before the segments, so segments
    earlier in the document, resolved before, stay right."""
    runs = []
    for k in reversed(range(len(segments))):
        el, i0, i1 = segments[k]
        if i1 < len(el.text or ""):
            _split(el, i1)
        if i0 > 0:
            el = _split(el, i0)
        runs.append(el.getparent())
    return runs[::-1]


class _Revisions:
    """Tracked insertions and deletions by litcheck, with ids no other mark uses."""

    def __init__(self, word) -> None:
        ids = [int(v) for el in word.element.body.iter() if (v := el.get(W + "id")) and v.lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1000
        self.date = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _mark(self, tag: str):
        from docx.oxml import OxmlElement

        el = OxmlElement(f"w:{tag}")
        el.set(W + "id", str(self.next_id))
        el.set(W + "author", AUTHOR)
        el.set(W + "date", self.date)
        self.next_id += 1
        return el

    def replace(self, runs: list, new: str) -> None:
        """Mark ``runs`` deleted and ``new`` inserted after them (in the first run's format)."""
        first = runs[0]
        deleted = self._mark("del")
        first.addprevious(deleted)
        for r in runs:
            deleted.append(r)
            for t in r.iter(W + "t"):
                t.tag = W + "delText"
        if new:
            inserted = self._mark("ins")
            run = deepcopy(first)
            for child in list(run):
                if child.tag != W + "rPr":
                    run.remove(child)
            from docx.oxml import OxmlElement

            t = OxmlElement("w:t")
            t.text = new
            t.set(_XML_SPACE, "preserve")
            run.append(t)
            inserted.append(run)
            deleted.addnext(inserted)


def _paragraph_of(el):
    """The w:p element that holds ``el`` (or None)."""
    while el is not None and el.tag != W + "p":
        el = el.getparent()
    return el


class _CommentWriter:
    """Word comments by "litcheck", written as python-docx's ``Document.add_comment`` writes
    them, element for element, without its per-comment costs (an XML parse, a search of
    every comment id, the text added a character at a time): the first comment is made by
    python-docx and the later ones are copies of its elements with their own id, date and
    text. Text with a tab or a line break, which python-docx writes as other elements, goes
    through python-docx as well."""

    MAX_ID = 2**31 - 1

    def __init__(self, word) -> None:
        self.word = word
        self.template = None  #: (w:comment, w:commentRangeStart, w:commentRangeEnd, reference w:r)
        self.next_id = 0

    def add(self, first_run, last_run, text: str) -> None:
        if self.template is None or self.next_id > self.MAX_ID or not text or any(ch in text for ch in "\t\r\n"):
            self._by_python_docx(first_run, last_run, text)
            return
        import datetime as dt

        comment, start, end, reference = (deepcopy(el) for el in self.template)
        cid = str(self.next_id)
        comment.set(W + "id", cid)
        comment.date = dt.datetime.now(dt.timezone.utc)
        t = comment[-1][-1][-1]  # w:comment/w:p/w:r/w:t: the text run python-docx added
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")
        elif _XML_SPACE in t.attrib:
            del t.attrib[_XML_SPACE]
        self.comments.append(comment)
        for el in (start, end):
            el.set(W + "id", cid)
        reference[-1].set(W + "id", cid)
        first_run.addprevious(start)
        last_run.addnext(reference)
        last_run.addnext(end)
        self.next_id += 1

    def _by_python_docx(self, first_run, last_run, text: str) -> None:
        from docx.text.run import Run

        comment = self.word.add_comment([Run(first_run, None), Run(last_run, None)], text=text, author=AUTHOR, initials="LC")
        element = comment._comment_elm
        self.comments = element.getparent()
        self.next_id = int(element.get(W + "id")) + 1
        if self.template is None and "\t" not in text and "\r" not in text and "\n" not in text and len(element) == 1 and len(element[0]) == 3:
            cid = element.get(W + "id")
            start = first_run.getprevious()
            end = last_run.getnext()
            reference = end.getnext() if end is not None else None
            if (start is not None and start.tag == W + "commentRangeStart" and start.get(W + "id") == cid
                    and end.tag == W + "commentRangeEnd" and reference is not None and reference.tag == W + "r"
                    and len(element[0][-1]) == 1 and element[0][-1][0].tag == W + "t"):
                self.template = (element, start, end, reference)


def _first_paragraph_runs(body) -> list:
    """The runs of the body's first paragraph with text (where whole-letter comments go)."""
    for p in body.iter(W + "p"):
        runs = [r for r in p.iter(W + "r") if any((t.text or "").strip() for t in r.iter(W + "t"))]
        if runs:
            return runs
    return []


def _remove_litcheck_comments(word) -> None:
    """Take out the comments an earlier run of litcheck wrote (the document's own stay)."""
    part = word.part._comments_part if hasattr(word.part, "_comments_part") else None
    comments = part.element if part is not None else None
    if comments is None:
        return
    ids = set()
    for c in list(comments):
        if c.get(W + "author") == AUTHOR:
            ids.add(c.get(W + "id"))
            comments.remove(c)
    if not ids:
        return
    for el in list(word.element.body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")):
        if el.get(W + "id") in ids:
            parent = el.getparent()
            if el.tag == W + "commentReference" and parent.tag == W + "r" and len([c for c in parent if c.tag != W + "rPr"]) == 1:
                parent.getparent().remove(parent)
            else:
                parent.remove(el)
