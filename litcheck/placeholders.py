"""Template placeholders: the merge fields and template tags letters are written with.

Letters kept as templates contain fields such as ``[DATE]``, ``«Clinic»``, ``<<Name>>``,
``{{ appointment_time }}``, ``{% if transport %}``, ``$tcitime`` and Word MERGEFIELDs
(which the Word reader writes as ``«Name»``). They are not prose: they are kept out of word
counts and jargon checks, and a field's name tells the practical-details checks that a
detail is there (``{{ appointment_date }}`` means the date is given).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Placeholder:
    """A template field such as ``[DATE]``, ``«Clinic»`` or ``{{ appointment_time }}``."""

    start: int  #: 0-based offset of the first character in Document.text
    end: int  #: 0-based offset one past the last character
    name: str  #: the field's name as written, without its brackets ("appointment_time")
    syntax: str  #: square, guillemet, angle, jinja, jinja_tag, jinja_comment, dollar, mergefield

# Order matters: the first alternative that matches at a position wins.
_PATTERNS = [
    ("jinja_comment", r"\{#.*?#\}"),
    ("jinja_tag", r"\{%-?.*?-?%\}"),
    ("jinja", r"\{\{-?\s*(?P<jinja>.*?)\s*-?\}\}"),
    ("guillemet", r"«\s*(?P<guillemet>[^«»\n]{1,60}?)\s*»"),
    ("angle", r"<<\s*(?P<angle>[^<>\n]{1,60}?)\s*>>"),
    # [DATE], [Clinic name], [appointment_time]: a bracketed field that is not a Markdown
    # link ("[text](url)"), not a citation ("[1]") and not an ordinary bracketed aside
    # (which would contain lower-case prose words and punctuation).
    (
        "square",
        r"\[(?P<square>(?:[A-Z][A-Z0-9_ /&-]{0,40}[A-Z0-9]|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*){0,4}|[A-Z]))\](?!\()",
    ),
    ("dollar", r"(?<![\w$£])\$(?P<dollar>[A-Za-z_][A-Za-z0-9_]*)"),
]
_RE = re.compile("|".join(f"(?P<_{name}>{pat})" for name, pat in _PATTERNS), re.DOTALL)


def find_placeholders(text: str) -> Iterator[Placeholder]:
    """Yield every placeholder in ``text``, in order, never overlapping."""
    for m in _RE.finditer(text):
        syntax = m.lastgroup[1:]  # the outer group closes last, so it is the one named
        inner = m.groupdict().get(syntax)
        name = (inner if inner is not None else _tag_name(m.group(0))).strip()
        yield Placeholder(m.start(), m.end(), name, syntax)


def _tag_name(tag: str) -> str:
    """The words inside a ``{% ... %}`` or ``{# ... #}`` tag."""
    return tag.strip("{}%#-").strip()
