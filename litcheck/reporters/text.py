"""Text output for a person at a terminal: reading age first, then findings by line.

``quiet``: the findings only (each document with findings, its path and its findings; no
reading age, no summary). ``colour``: ANSI colour (the command line decides, see _style).
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter

from ..findings import SEVERITIES
from ._style import paint


#: C0 and C1 control characters (and DEL): a document's escape sequences must never reach the terminal
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str, keep: str = "\n\t") -> str:
    """Text safe to print: each control character but those in ``keep`` shown as ``\\xNN``
    ("\\x1b" for ESC), so a document cannot clear the screen, set the title or write the clipboard."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else f"\\x{ord(m.group()):02x}", text)


def render(report, *, quiet: bool = False, colour: bool = False, **_options) -> str:
    out: list[str] = []
    for doc in report.documents:
        if quiet and not doc.findings:
            continue
        out.extend(_document(doc, quiet, colour))
        out.append("")
    if quiet:  # the findings only
        return "\n".join(out[:-1]) + "\n" if out else ""
    total = Counter(f.severity for d in report.documents for f in d.findings)
    n_docs = len(report.documents)
    summary = ", ".join(f"{total[s]} {s}{'s' if total[s] != 1 else ''}" for s in SEVERITIES if total[s])
    line = f"Checked {n_docs} document{'s' if n_docs != 1 else ''}: {summary or 'no findings'}."
    if report.errors:
        line += f" {len(report.errors)} could not be read."
    out.append(line)
    return "\n".join(out) + ("\n" if out else "")


def _document(doc, quiet: bool, colour: bool = False) -> list[str]:
    r = doc.readability
    lines = [f"{paint(visible(doc.path, ''), 'path', colour)}  ({doc.profile.replace('_', ' ')})"]
    reason = doc.sections.get("profile_reason")
    reason = visible(reason, "") if isinstance(reason, str) else reason
    if reason and not quiet:
        given = "not worked out" in reason
        lines.append(f"  Checked as {reason}." + ("" if given else " Wrong? Give the kind with --profile."))
    if not quiet:
        if r.reading_age is None:
            lines.append("  Reading age: not measured. " + r.note)
        else:
            label = "about " if r.estimate else ""
            basis = f"SMOG grade {r.smog:.1f}" if r.basis == "smog" else f"Flesch-Kincaid grade {r.flesch_kincaid_grade:.1f}"
            lines.append(f"  Reading age: {label}{r.reading_age:.0f} ({basis}); {r.who_can_read}.")
            lines.append(
                f"  Flesch reading ease {r.flesch_reading_ease:.0f}, Flesch-Kincaid grade {r.flesch_kincaid_grade:.1f}; "
                f"{r.sentences} sentences, {r.words} words."
            )
            if r.note:
                lines.append(f"  Note: {r.note}")
        for notice in doc.notices:
            lines.append(f"  Notice: {visible(str(notice), '')}")
        for section in doc.sections.values():
            if hasattr(section, "text_lines"):
                lines.extend("  " + visible(line, "") for line in section.text_lines())
    for f in doc.findings:
        where = f"{f.line}:{f.column}"
        severity = f"{f.severity:<10}"
        if colour:
            severity = paint(f.severity, f.severity, True) + " " * (10 - len(f.severity))
        lines.append(f"  {paint(f'{where:<7}', 'position', colour)} {severity} {paint(f.rule, 'rule', colour)}")
        lines.extend(textwrap.wrap(visible(f.message, ""), width=88, initial_indent="          ", subsequent_indent="          "))
        quoted = f.text and f.end - f.start <= 80  # the finding's words shown
        swap = quoted and bool(f.suggestions) and _replaces(f.text, f.suggestions[0])
        if quoted:
            # an empty suggestion is "leave the words out" ('Please be aware that' -> ''), which
            # an arrow to nothing did not say
            arrow = f"  ->  {visible(f.suggestions[0], '') or '(leave it out)'}" if swap else ""
            lines.append(f"          \"{visible(' '.join(f.text.split()), '')}\"{arrow}")
        if f.suggestions and not swap:
            lines.append(f"          Try: {visible(f.suggestions[0], '')}")
    return lines


def _replaces(words: str, suggestion: str) -> bool:
    """Whether ``suggestion`` is put in place of ``words`` (shown as ``"words"  ->  suggestion``):
    a sentence or more offered beside a few words that are not a sentence is something to add
    or a rewrite of the sentence around them ("We will remind you by ..." beside a missing
    reminder's anchor, "Your GP has referred you ..." beside a passive), shown as "Try:"."""
    return not suggestion.rstrip().endswith((".", "!", "?")) or words.rstrip().endswith((".", "!", "?"))
