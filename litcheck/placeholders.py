"""Template placeholders: the merge fields and template tags letters are written with.

Letters kept as templates contain fields such as ``[DATE]``, ``«Clinic»``, ``<<Name>>``,
``{{ appointment_time }}``, ``{% if transport %}``, ``$tcitime``, GOV.UK Notify's
``((visit_date))``, Carbone's ``{d.clinicPhone}``, ``==location name==`` (as NHS template sets
write fields to be filled), descriptive fields such as ``[Your Department/Clinic Phone Number]``,
``[Date of Appointment, e.g., Friday, June 21, 2025]``, ``[consultant name]`` or a choice
``[an overnight stay | day case]``, and Word MERGEFIELDs (which the Word reader writes as
``«Name»``). They are not prose: they are kept out of word
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
    syntax: str  #: square, guillemet, angle, jinja, jinja_tag, jinja_comment, notify, carbone, equals, dollar, mergefield

#: words that make a lower-case bracketed phrase a field to fill ("[consultant name]",
#: "[change contact]", "[specialty]") rather than an aside ("[see below]")
_FIELD_WORDS = (
    r"name|date|dates|time|times|day|number|phone|telephone|tel|contact|address|location|place|venue|"
    r"clinic|department|dept|ward|room|hospital|site|speciality|specialty|postcode|e-?mail|consultant|"
    r"doctor|nurse|clinician|team|service|unit|surgery|practice|reference|ref|link|url|title|signature|"
    r"details|duration|length|logo|insert|add"
)
#: a Title-case word of a field description, or one of the small words between them
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|[A-Z]{2,}|of|or|and|the|a|an|for|if|to|in|on|at|by|with|per|e\.g\.,?|i\.e\.,?|etc\.?)"
_TITLE_FIELD = (
    # [Your Department/Clinic Phone Number], [Date of Appointment, e.g., Friday, June 21, 2025],
    # [NHS Logo - Top Left or Centred], [Date: June 9, 2025], [Name and Title of Clinician]
    rf"[A-Z][\w'’-]*(?:(?:\s+|\s*/\s*|\s+-\s+){_TITLE_WORD}){{0,9}}(?:\s*\((?:if\s+applicable|optional|if\s+needed)\))?"
    r"(?:(?:,\s*|\s+-\s+|:\s*)(?:e\.g\.|i\.e\.|for\s+example|such\s+as)?[^\[\]\n]{0,80})?"
)
_LOWER_FIELD = (
    # [consultant name], [change contact], [specialty], [e.g., 45 nmol/L], [an overnight stay | day case]
    rf"(?=[^\[\]\n]{{0,40}}\b(?:{_FIELD_WORDS})\b)[a-z][\w'’-]*(?:\s+[\w'’/-]+){{0,4}}"
    r"|e\.g\.,?\s[^\[\]\n]{1,300}"  # the writer's example of what goes here, however long
    r"|[\w'’-]+(?:\s+[\w'’-]+){0,4}(?:\s+\|\s+[\w'’-]+(?:\s+[\w'’-]+){0,4})+"
)

# Order matters: the first alternative that matches at a position wins.
_PATTERNS = [
    # bounded, so an unclosed marker costs a fixed amount to give up on, not the rest of the text
    ("jinja_comment", r"\{#.{0,2000}?#\}"),
    ("jinja_tag", r"\{%-?.{0,300}?-?%\}"),
    ("jinja", r"\{\{-?\s*(?P<jinja>.{0,200}?)\s*-?\}\}"),
    # GOV.UK Notify: ((visit_date)), ((name??text to show))
    ("notify", r"\(\(\s*(?P<notify>[A-Za-z_][\w .?'’-]{0,60}?)\s*\)\)"),
    # Carbone (docx/pdf templating): {d.studyRegionPhone}, {d.date:formatD(LL)}, {c.now}
    ("carbone", r"\{(?P<carbone>[dc]\.[A-Za-z_][\w.\[\]]{0,60})(?::[^{}\n]{0,60})?\}"),
    # ==location name==, ==subteam phone== (a lower-case field name, not a ==highlight==)
    ("equals", r"(?<!=)==(?P<equals>[a-z][a-z0-9 _'’-]{0,60}?)==(?!=)"),
    ("guillemet", r"«\s*(?P<guillemet>[^«»\n]{1,60}?)\s*»"),
    ("angle", r"<<\s*(?P<angle>[^<>\n]{1,60}?)\s*>>"),
    # [DATE], [Clinic name], [appointment_time], and the descriptive fields above: a
    # bracketed field that is not a Markdown link ("[text](url)", "[text][ref]", "[1]: url"),
    # not a citation ("[1]"), not a check box ("[x]") and not an ordinary bracketed aside (which
    # would be lower-case prose with no field word, or a sentence).
    (
        "square",
        r"\[(?P<square>(?:[A-Z][A-Z0-9_ /&-]{0,40}[A-Z0-9]|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z][A-Za-z0-9]*(?: (?:[A-Za-z][A-Za-z0-9]*|\d{1,3})){0,4}|[A-Z]"
        rf"|{_TITLE_FIELD}|{_LOWER_FIELD}))\](?![(\[:])",
    ),
    ("dollar", r"(?<![\w$£])\$(?P<dollar>[A-Za-z_][A-Za-z0-9_]*)"),
]
_RE = re.compile("|".join(f"(?P<_{name}>{pat})" for name, pat in _PATTERNS), re.DOTALL)


#: every field begins with one of these: a text with none of them has no field (most sentences)
_OPENERS = ("{", "((", "==", "«", "<<", "[", "$")


def find_placeholders(text: str) -> Iterator[Placeholder]:
    """Yield every placeholder in ``text``, in order, never overlapping."""
    found = [i for i in map(text.find, _OPENERS) if i != -1]
    if not found:
        return
    # no field begins before the first opener (the look-behinds still see the text before it)
    for m in _RE.finditer(text, min(found)):
        syntax = m.lastgroup[1:]  # the outer group closes last, so it is the one named
        inner = m.groupdict().get(syntax)
        name = (inner if inner is not None else _tag_name(m.group(0))).strip()
        yield Placeholder(m.start(), m.end(), name, syntax)


def _tag_name(tag: str) -> str:
    """The words inside a ``{% ... %}`` or ``{# ... #}`` tag."""
    return tag.strip("{}%#-").strip()


def first_option(text: str, p: Placeholder) -> tuple[int, int] | None:
    """For a choice of wording the writer makes, ``[an overnight stay | day case]``: (start,
    end) in ``text`` of its first option ("an overnight stay"); None for any other field.

    The finished letter shows one of the options, never none, so the words of the first are
    read as the letter's words (counted in the reading age, checked for jargon) and the others
    stay out of the counts. The field as a whole is still a template field: the key-facts
    guard keeps it word for word and no revision edits inside it."""
    if p.syntax != "square" or " | " not in p.name:
        return None
    bar = text.find(" | ", p.start + 1, p.end)
    if bar == -1:
        return None
    start, end = p.start + 1, bar
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
