"""Rewording: a revised copy of a letter with the safe replacements applied.

Only word-for-word swaps from substitution rules (jargon and wordy words to plain words)
are made automatically, and only where they are safe:

- the word is not part of a placeholder, number, name or address (the analysers already
  skip placeholders, web and e-mail addresses and address blocks; here a capitalised word
  in the middle of a sentence is taken to be part of a name: "the Cardiology Department");
- the suggestion is a word or phrase, not an instruction such as "(omit)";
- the suggestion fits the grammar: the text has the word list's own form, or the analyser
  has inflected the suggestion to match ("utilised" -> "used", never "utilised" -> "use");
- the words are not part of a phrase another rule wants reworded as a whole (a threat, a
  vague deadline): half-fixing those would hide them.

Everything else (threats, blame, long sentences, missing details, a reminder to offer)
needs a person, and is listed with the reason and the suggested sentence.
The input is never written to.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LitcheckError
from .findings import Finding
from .report import DocumentReport

#: formats whose Document.text is the file's text, so the copy can be written back as text
TEXT_FORMATS = ("txt", "md")

#: kinds whose findings cover a phrase that must be reworded as a whole
_PHRASE_KINDS = ("existence", "abbreviation")
#: rules whose sentence a person must rewrite: polishing words in it would only hide it
_REWRITE_PREFIXES = ("tone.", "social.")


class FixError(LitcheckError):
    """The revised copy cannot be written (it exists already, or the format is not supported)."""


@dataclass(frozen=True)
class Change:
    finding: Finding
    replacement: str

    @property
    def before(self) -> str:
        return self.finding.text


@dataclass(frozen=True)
class Left:
    """A finding not fixed automatically, and why."""

    finding: Finding
    reason: str


@dataclass
class Revision:
    original: DocumentReport
    text: str  #: the revised text
    changes: list[Change] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)
    revised: DocumentReport | None = None  #: the revised text checked again

    def summary(self) -> dict:
        """Before and after figures, what changed and what was left, ready for JSON."""

        def age(report):
            return None if report is None or report.readability.reading_age is None else round(report.readability.reading_age, 1)

        return {
            "reading_age": {"before": age(self.original), "after": age(self.revised)},
            "findings": {"before": len(self.original.findings), "after": None if self.revised is None else len(self.revised.findings)},
            "changed": [
                {"rule": c.finding.rule, "before": c.before, "after": c.replacement, "line": c.finding.line, "column": c.finding.column, "location": dict(c.finding.location)}
                for c in self.changes
            ],
            "not_changed": [
                {"rule": i.finding.rule, "text": i.finding.text, "reason": i.reason, "suggestions": list(i.finding.suggestions), "line": i.finding.line, "column": i.finding.column, "location": dict(i.finding.location)}
                for i in self.left
            ],
        }


def output_path(path: Path) -> Path:
    """letter.txt -> letter.litcheck.txt (beside the input)."""
    return path.with_name(f"{path.stem}.litcheck{path.suffix}")


def revise(report: DocumentReport, rules=None, *, recheck: bool = True) -> Revision:
    """Apply the safe replacements to a checked document and check the result again.

    ``recheck=False`` leaves ``revised`` unset (a Word copy is checked once it is written)."""
    from .check import check_text
    from .rulebook import load_rules

    rules = rules if rules is not None else load_rules()
    doc = report.document
    text = doc.text
    kinds = {r.id: r.kind for r in rules}
    phrases = [f for f in report.findings if kinds.get(f.rule) in _PHRASE_KINDS]
    rewrite = _sentences_to_rewrite(report)
    changes: list[Change] = []
    left: list[Left] = []
    taken_until = -1
    for f in report.findings:
        kind = kinds.get(f.rule)
        if kind != "substitution":
            left.append(Left(f, _reason_for_kind(kind, f)))
            continue
        reason = _unsafe(f, text, rules.get(f.rule), phrases)
        if reason is None and any(s <= f.start and f.end <= e for s, e, _ in rewrite):
            reason = "in a sentence a person needs to rewrite ({})".format(next(r for s, e, r in rewrite if s <= f.start and f.end <= e))
        if reason is None and f.start < taken_until:
            reason = "overlaps another change"
        if reason:
            left.append(Left(f, reason))
            continue
        changes.append(Change(f, _fit(_base_alternative(f, rules.get(f.rule)), f.text)))
        taken_until = f.end
    revised = _apply(text, changes)
    result = Revision(report, revised, changes, left)
    if recheck:
        result.revised = check_text(revised, format=doc.format if doc.format in TEXT_FORMATS else "txt", path=doc.path, profile=report.profile, rules=rules)
    return result


def _sentences_to_rewrite(report) -> list[tuple[int, int, str]]:
    from .segment import split_sentences

    spans = []
    for f in report.findings:
        if f.rule.startswith(_REWRITE_PREFIXES) and f.end > f.start:
            for s in split_sentences(report.document):
                if s.start <= f.start < s.end:
                    spans.append((s.start, s.end, f.rule))
    return spans


def _edit_groups(text: str, changes: list[Change]) -> list[list[tuple[int, int, str]]]:
    """Per change (in the order given), its edits (start, end, new) in ``text``."""
    groups = []
    ends = sorted(c.finding.end for c in changes)
    for c in changes:
        s, e = c.finding.start, c.finding.end
        pos = max((x for x in ends if x <= s), default=0)
        edits = []
        # "an assessment" -> "a check": the article follows the new word
        article = re.search(r"\b(an?|An?)(\s+)$", text[pos:s])
        if article:
            wanted = "an" if c.replacement[:1].lower() in "aeiou" else "a"
            if article.group(1).lower() != wanted:
                wanted = wanted.capitalize() if article.group(1)[0].isupper() else wanted
                edits.append((pos + article.start(1), pos + article.end(1), wanted))
        edits.append((s, e, c.replacement))
        groups.append(edits)
    return groups


def _apply(text: str, changes: list[Change]) -> str:
    out, pos = [], 0
    for s, e, new in sorted(edit for group in _edit_groups(text, changes) for edit in group):
        out += [text[pos:s], new]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _base_alternative(f: Finding, rule) -> str:
    """Where the text has the word list's own form, the list's own first alternative."""
    actual = " ".join(f.text.lower().split())
    for entry in getattr(rule, "entries", ()):
        if entry.term.lower() == actual and entry.alternatives:
            return entry.alternatives[0]
    return f.suggestions[0]


def _fit(suggestion: str, actual: str) -> str:
    if actual.isupper() and len(actual) > 1:
        return suggestion.upper()
    if actual[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion[:1].lower() + suggestion[1:] if suggestion[1:2].islower() else suggestion


def _unsafe(f: Finding, text: str, rule, phrases: list[Finding]) -> str | None:
    """Why this swap is not safe to make automatically (None when it is)."""
    if not f.suggestions:
        return "no plain alternative in the word list"
    new = f.suggestions[0]
    if new.startswith("(") or not re.search(r"\w", new):
        return "the word list suggests leaving it out: a person should check the sentence still reads"
    if any(ch.isdigit() for ch in f.text):
        return "contains a number"
    for p in phrases:
        if p.start < f.end and f.start < p.end:
            return f"part of a phrase to reword as a whole ({p.rule})"
    if f.text[:1].isupper() and not f.text.isupper() and not _starts_sentence(text, f.start):
        return "capitalised in mid-sentence, so probably part of a name"
    if f.text.isupper() and len(f.text) > 1 and not _line_is_upper(text, f.start):
        return "in capitals, so probably an abbreviation or a name"
    if rule is not None and hasattr(rule, "entries"):
        terms = {e.term.lower() for e in rule.entries}
        bases = {a.lower() for e in rule.entries for a in e.alternatives}
        if " ".join(f.text.lower().split()) not in terms and (new.lower() in bases or " " in new):
            return f"'{f.text}' is an inflected form and '{new}' may not fit the grammar"
    if " " in new and re.search(r"\b(be|is|are|am|was|were|being|been)\s+$", text[: f.start], re.I):
        return f"after 'be', '{new}' may not fit the grammar"
    following = re.match(r"\s+(\w+)", text[f.end :])
    if following and following.group(1).lower() == "that" and re.match(r"it(\s+is|'s)\b", f.text, re.I):
        return "'it is ... that' needs the sentence recast by a person"
    if following and following.group(1).lower() == new.split()[-1].lower():
        return f"'{new}' would repeat the next word"
    return None


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"'(-•*#>"


def _line_is_upper(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _reason_for_kind(kind: str | None, f: Finding) -> str:
    if f.rule.startswith("sentences."):
        return "a long sentence needs a person to split it"
    if f.rule.startswith("readability."):
        return "the reading age follows from the other changes"
    if kind == "existence":
        return "the sentence needs rewording by a person"
    if kind in ("absence", "required"):
        return "something is missing: a person needs to add it"
    if kind == "position":
        return "something needs moving: a person needs to move it"
    if kind in ("abbreviation", "passive"):
        return "needs a person: the right wording depends on the meaning"
    return "needs a person"


#: formats litcheck fix can write a revised copy of, and the copy's media type
MEDIA_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_READER_FOR = {"txt": "text", "text": "text", "md": "markdown", "markdown": "markdown", "docx": "docx"}


def revise_data(data: bytes, reader: str, name: str | None = None, **options) -> tuple[Revision, bytes]:
    """Check a document held in memory and make its revised copy, in memory.

    ``reader`` is the format (txt, md, docx, or a reader name from readers.READERS).
    Nothing is written to disk. Options are check_document's (profile, rules, ...)."""
    from . import readers
    from .check import check_document

    module = _READER_FOR.get((reader or "").lower().lstrip("."))
    if module is None:
        raise FixError(f"{name or 'the document'}: litcheck fix writes .txt, .md and .docx copies, not .{reader}")
    return _revise_read(readers.read_bytes(data, module, name), data, options)


def _revise_read(doc, data: bytes, options: dict) -> tuple[Revision, bytes]:
    from .check import check_document

    report = check_document(doc, **options)
    if doc.format in TEXT_FORMATS:
        revision = revise(report, options.get("rules"))
        text = revision.text.replace("\n", "\r\n") if b"\r\n" in data else revision.text
        bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
        return revision, (bom + text).encode("utf-8")
    return _revise_docx(data, report, options)


def _revise_docx(data: bytes, report: DocumentReport, options: dict) -> tuple[Revision, bytes]:
    from . import readers
    from .check import check_document
    from .fix_docx import WordEditor

    revision = revise(report, options.get("rules"), recheck=False)
    doc = report.document
    out, failed = WordEditor(data, doc).apply(_edit_groups(doc.text, revision.changes))
    if failed:
        revision.left = sorted(
            revision.left + [Left(c.finding, failed[i]) for i, c in enumerate(revision.changes) if i in failed],
            key=lambda item: (item.finding.start, item.finding.end),
        )
        revision.changes = [c for i, c in enumerate(revision.changes) if i not in failed]
    revised_doc = readers.read_bytes(out, "docx", doc.path)
    revision.text = revised_doc.text
    revision.revised = check_document(revised_doc, **{**options, "profile": report.profile})
    return revision, out


def revise_bytes(data: bytes, reader: str, name: str) -> tuple[bytes, str, str, Revision]:
    """A revised draft in memory, for a download: (bytes, file name, media type, revision).

    ``reader``: txt, md or docx (Document.format). ``name``: the upload's file name;
    the draft is named like ``litcheck fix`` names it (letter.docx -> letter.litcheck.docx).
    The revision says what changed (``.changes``), what was left and why (``.left``), and
    the before/after reports; ``revision.summary()`` is the same as a JSON-ready dict.
    Writes nothing to disk. Raises FixError (or InputError) with a one-line reason."""
    revision, out = revise_data(data, reader, name)
    fmt = revision.original.document.format
    stem = Path(name or "document").name
    target = output_path(Path(stem if Path(stem).suffix else f"{stem}.{fmt}")).name
    return out, target, MEDIA_TYPES[fmt], revision


def fix_file(path: str | os.PathLike, *, output: str | os.PathLike | None = None, force: bool = False, **options) -> tuple[Revision, Path]:
    """Check ``path``, write the revised copy beside it and return (revision, where)."""
    from . import readers

    src = Path(path)
    target = Path(output) if output else output_path(src)
    doc = readers.read_file(src)
    if doc.format not in MEDIA_TYPES:
        raise FixError(f"{src}: litcheck fix writes .txt, .md and .docx copies so far, not .{doc.format}")
    if target.exists() and src.exists() and os.path.samefile(src, target):
        raise FixError(f"{src}: the revised copy would overwrite the input; choose another --output")
    if target.exists() and not force:
        raise FixError(f"{target}: already exists; use --force to replace it (the input is never changed)")
    revision, out = _revise_read(doc, src.read_bytes(), options)
    target.write_bytes(out)
    return revision, target
