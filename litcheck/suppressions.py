"""Suppression comments in the checked file, applied as a filter after analysis.

    <!-- litcheck: ignore jargon.medical, tone -->     Markdown and HTML
    {# litcheck: ignore jargon #}                       Jinja and Nunjucks templates
    <!-- litcheck: ignore-file sentences.long -->       the whole file
    a Word comment saying "litcheck: ignore jargon"     Word (.docx): the commented text

``ignore`` silences the named rules (id prefixes, as in --select) on the lines of the
comment and on the next block: the next non-blank line and the lines after it up to a blank
line (a paragraph, list or element). ``ignore-file`` silences them in the whole file.
With ``report_unused``, a suppression that silenced nothing is itself reported
(rule ``litcheck.unused_ignore``), as ruff's RUF100 does.

The comments are found in the raw file: for text and Markdown that is Document.text; for
other formats the file is read again and a finding is placed by its block's source line.
Word comments come from the reader (``Document.comments``): ``ignore`` there covers the
findings that overlap the commented text, ``ignore-file`` the whole file.
"""

from __future__ import annotations

import bisect
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .findings import Finding
from .rule import matches

UNUSED_RULE = "litcheck.unused_ignore"

_COMMENT = re.compile(r"<!--(.*?)-->|\{#(.*?)#\}", re.S)
_DIRECTIVE = re.compile(r"litcheck:\s*(ignore-file|ignore)\b([^\n]*)", re.S)
#: formats whose Document.text is the file itself, so finding lines are file lines
_RAW_TEXT_FORMATS = ("txt", "md")


@dataclass
class Suppression:
    kind: str  #: "ignore" or "ignore-file"
    rules: tuple[str, ...]
    first: int  #: first 1-based line covered
    last: int  #: last line covered
    line: int  #: where the comment starts
    column: int
    start: int  #: offset of the comment in the raw text
    end: int
    used: set = field(default_factory=set)
    #: (start, end) in Document.text for a reader's comment (Word): covers what overlaps it
    span: tuple[int, int] | None = None

    def covers(self, rule: str, line: int, start: int = 0, end: int = 0) -> str | None:
        if self.kind == "ignore":
            if self.span is not None:
                if not (start < self.span[1] and max(end, start + 1) > self.span[0]):
                    return None
            elif not (self.first <= line <= self.last):
                return None
        return next((p for p in self.rules if matches(rule, p)), None)


def parse(raw: str) -> list[Suppression]:
    """Every ``litcheck: ignore`` comment in the raw text, with the lines it covers."""
    lines = raw.split("\n")
    starts = _line_starts(lines)
    out = []
    for m in _COMMENT.finditer(raw):
        body = m.group(1) if m.group(1) is not None else m.group(2)
        for kind, rules in _directives(body):
            first, last = _line_of(starts, m.start()), _line_of(starts, max(m.end() - 1, m.start()))
            end = _next_block_end(lines, last)
            out.append(Suppression(kind, rules, first, end, first, m.start() - starts[first - 1] + 1, m.start(), m.end()))
            break  # one directive a comment
    return out


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    """1-based line of ``offset``."""
    return bisect.bisect_right(starts, offset)


def _next_block_end(lines: list[str], last: int) -> int:
    """The last line an ``ignore`` on line ``last`` covers: the next block (the next
    non-blank line and those after it, up to a blank line)."""
    nxt = last
    while nxt < len(lines) and not lines[nxt].strip():
        nxt += 1
    if nxt >= len(lines):
        return last
    end = nxt + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return end


def _directives(text: str):
    """(kind, rules) for each ``litcheck: ignore[-file] RULE, ...`` in a comment's text."""
    for d in _DIRECTIVE.finditer(text):
        rules = tuple(r for r in re.split(r"[,\s]+", d.group(2).strip()) if r and r not in ("-", "--"))
        if rules:
            yield d.group(1), rules


def from_comments(document) -> list[Suppression]:
    """Suppressions in the comments a reader found on the text (Word comments)."""
    out = []
    for c in getattr(document, "comments", ()) or ():
        if "litcheck:" not in c.text:
            continue
        line, column = document.line_column(c.start)
        for kind, rules in _directives(c.text):
            out.append(Suppression(kind, rules, line, line, line, column, c.start, c.end, span=(c.start, c.end)))
    return out


#: the raw bytes of a document read from memory (an upload), set by ``source(data)``: while
#: set, raw_text never opens a file, whatever the document's path says
_SOURCE: ContextVar[bytes | None] = ContextVar("litcheck_suppression_source", default=None)


@contextmanager
def source(data: bytes):
    """Read suppression comments from ``data`` (an upload's bytes), never from disk.

    The upload page checks documents made from bytes in memory; their path is only the
    upload's name, and a file of that name in the server's working folder must not be read::

        with suppressions.source(upload_bytes):
            report = check_document(document)
    """
    token = _SOURCE.set(bytes(data))
    try:
        yield
    finally:
        _SOURCE.reset(token)


def raw_text(document) -> str | None:
    """The text suppression comments are read from: Document.text for text and Markdown;
    the file itself for other formats (the bytes given to ``source`` when checking from memory)."""
    if document.format in _RAW_TEXT_FORMATS or not document.path:
        return document.text
    data = _SOURCE.get()
    if data is None:
        try:
            data = Path(document.path).read_bytes()
        except OSError:
            return None
    if b"\x00" in data[:4096]:
        return None  # binary (Word, PDF): no comment syntax to scan
    return data.decode("utf-8", errors="replace")


def may_silence(document) -> bool:
    """False only when the document has no suppression comment at all (no "litcheck:" in its
    raw text nor in a reader's comment), so ``apply`` keeps every finding as it is."""
    raw = raw_text(document)
    if raw and "litcheck:" in raw:
        return True
    return any("litcheck:" in c.text for c in getattr(document, "comments", ()) or ())


def apply(document, findings: list[Finding], *, report_unused: bool = False, unknown=None) -> list[Finding]:
    """Findings not silenced by suppression comments (plus unused-suppression findings).

    ``unknown(prefix)``: what is wrong with a rule name a comment gives (None when it names a
    rule); a comment naming no rule is an InputError, so a typo never silences a check."""
    raw = raw_text(document)
    sups = parse(raw) if raw and "litcheck:" in raw else []
    sups += from_comments(document)
    if not sups:
        return findings
    if unknown is not None:
        _check_names(document, sups, unknown)
    kept = _unsilenced(document, findings, sups)
    if report_unused:
        kept += [_unused_finding(document, raw, s, unused) for s in sups if (unused := [r for r in s.rules if r not in s.used])]
        kept.sort(key=lambda f: (f.line, f.column, f.rule))
    return kept


def _check_names(document, sups: list[Suppression], unknown) -> None:
    for s in sups:
        for prefix in s.rules:
            problem = unknown(prefix)
            if problem:
                raise InputError(document.path or "<text>", f"line {s.line}, 'litcheck: {s.kind}' comment: {problem}")


def _unsilenced(document, findings: list[Finding], sups: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; each suppression remembers what it silenced."""
    in_text = document.format in _RAW_TEXT_FORMATS
    kept = []
    for f in findings:
        line = f.line if in_text else int(f.location.get("line") or f.line)
        hit = False
        for s in sups:
            prefix = s.covers(f.rule, line, f.start, f.end)
            if prefix:
                s.used.add(prefix)
                hit = True
        if not hit:
            kept.append(f)
    return kept


def _unused_finding(document, raw: str | None, s: Suppression, unused: list[str]) -> Finding:
    """A finding for a suppression that silenced nothing (as ruff's RUF100)."""
    names = ", ".join(unused)
    if s.span is not None:  # a Word comment: point at the commented text
        block = document.block_at(s.start)
        return Finding(
            rule=UNUSED_RULE, severity="warning", east=None,
            message=f"This comment's 'litcheck: {s.kind}' silences nothing for {names}: remove it or name the rule it is for.",
            text=document.text[s.start : s.end], start=s.start, end=s.end, line=s.line, column=s.column,
            location=dict(block.location) if block else {},
        )
    in_text = document.format in _RAW_TEXT_FORMATS
    return Finding(
        rule=UNUSED_RULE, severity="warning", east=None,
        message=f"This 'litcheck: {s.kind}' comment silences nothing for {names}: remove it or name the rule it is for.",
        text=raw[s.start : s.end] if in_text and raw else "", start=s.start if in_text else 0, end=s.end if in_text else 0,
        line=s.line, column=s.column, location={"line": s.line},
    )
