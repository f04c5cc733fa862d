"""The messages in a text-message document: one message, or several templates in one file.

A file of text message templates holds each message under its id ("flu_invite:",
"SMS_REMINDER_TEMPLATE_ID") or between separator lines ("---"). Each such part is a message;
a part whose id or first lines say it is an e-mail or a letter ("EMAIL_JOIN_TEMPLATE_ID",
"Subject") is not. A document with no ids or separators is one message, unless it says it is
an e-mail or a letter ("reply to this email", a "Subject:" line): then it holds none. The rules about
text messages (length in fragments, one call to action) measure each message on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a line of its own that names the template below it, or separates two messages
_DIVIDER = re.compile(r"^[ \t]*(?:[A-Za-z]+(?:_[A-Za-z0-9]+)+:?|-{3,}|={3,}|\*{3,})[ \t]*$", re.MULTILINE)
_NOT_A_TEXT = re.compile(r"\b(?:e-?mail|letter)\b|^\s*subject\b", re.IGNORECASE)
#: a whole document that says it is an e-mail or a letter ("reply to this email")
_SAYS_NOT_A_TEXT = re.compile(r"\b(?:this|the\s+above|reply\s+to\s+(?:this|the|our))\s+(?:e-?mail|letter)\b|^[^\S\n]*subject\s*:", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Message:
    start: int  #: 0-based offset of the message's first character in Document.text
    end: int  #: 0-based offset one past its last character


def split_messages(text: str) -> list[Message]:
    """The text messages in ``text``, in order (leading and trailing space left out)."""
    out = []
    parts = _parts(text)
    for start, end, label in parts:
        part = text[start:end]
        head = label + "\n" + "\n".join(part.strip().splitlines()[:2])
        if len(parts) == 1 and not label:
            if not _SAYS_NOT_A_TEXT.search(part):
                out.append(_strip(text, start, end))
        elif not _NOT_A_TEXT.search(head):
            out.append(_strip(text, start, end))
    return out


def split_templates(text: str) -> list[Message]:
    """Every part of a file of templates (texts, e-mails and letters alike), or the whole text."""
    return [_strip(text, start, end) for start, end, _ in _parts(text)]


def _parts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each non-empty part between template ids and separator lines."""
    dividers = list(_DIVIDER.finditer(text))
    bounds = [(0, dividers[0].start() if dividers else len(text), "")]
    for i, d in enumerate(dividers):
        end = dividers[i + 1].start() if i + 1 < len(dividers) else len(text)
        bounds.append((d.end(), end, d.group().replace("_", " ")))
    return [(s, e, label) for s, e, label in bounds if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> Message:
    part = text[start:end]
    lead = len(part) - len(part.lstrip())
    trail = len(part) - len(part.rstrip())
    return Message(start + lead, end - trail)
