"""sms_length: how many SMS fragments a text message takes, and what makes it take more.

A text message is sent in fragments. In the GSM 03.38 alphabet (GSM-7: plain letters, digits,
common punctuation, £) one fragment holds 160 characters, and a longer message is sent as
fragments of 153 (7 are taken by the header that joins them). One character outside that
alphabet (a curly quote ’ or “, a dash –, an emoji, most accented letters) makes the whole
message UCS-2: 70 characters in one fragment, 67 in each of several. A few GSM characters
(^ { } \\ [ ~ ] | €) take two places. Phones show the fragments as one message, but each is
paid for and a long message is less likely to be read to the end.

    report: length     # a finding when a message takes more than ``max_fragments`` as plain text
    report: encoding   # a finding when characters outside GSM-7 make it take more fragments

Template fields ("((name))", "[Date]", "==clinic==") are counted as their name: the real value
may be longer or shorter. Source of the alphabet: 3GPP TS 23.038 (GSM 03.38), the default
alphabet and its extension table.
"""

from __future__ import annotations

import math
from typing import Iterator

from ..placeholders import find_placeholders
from ..rule import Rule
from .messages import split_messages

#: GSM 03.38 default alphabet (one place each); "\x1b" is the escape to the extension table
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: the extension table: two places each (the escape, then the character)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
#: characters in one fragment, and in each fragment of a longer message
GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


def is_gsm(text: str) -> bool:
    return all(c in GSM_BASIC or c in GSM_EXTENDED for c in text)


def gsm_length(text: str) -> int:
    return sum(2 if c in GSM_EXTENDED else 1 for c in text)


def ucs2_length(text: str) -> int:
    """UTF-16 code units: an emoji outside the basic plane takes two."""
    return len(text.encode("utf-16-le")) // 2


def fragments(text: str) -> int:
    """How many SMS fragments ``text`` is sent in (0 for no text)."""
    if not text:
        return 0
    if is_gsm(text):
        n, single, part = gsm_length(text), GSM_SINGLE, GSM_PART
    else:
        n, single, part = ucs2_length(text), UCS2_SINGLE, UCS2_PART
    return 1 if n <= single else math.ceil(n / part)


def as_sent(text: str) -> str:
    """The message with each template field written as its name, and line ends as one character."""
    out, last = [], 0
    for p in find_placeholders(text):
        out.append(text[last : p.start])
        out.append(p.name)
        last = p.end
    out.append(text[last:])
    return "".join(out).replace("\r\n", "\n")


def plain(text: str) -> str:
    """``text`` with each character outside GSM-7 as one plain character (’ as ')."""
    return "".join(c if c in GSM_BASIC or c in GSM_EXTENDED else "'" for c in text)


def not_gsm(text: str) -> list[str]:
    """The characters of ``text`` outside GSM-7, each once, in order."""
    seen = []
    for c in text:
        if c not in GSM_BASIC and c not in GSM_EXTENDED and c not in seen:
            seen.append(c)
    return seen


REPORTS = ("length", "encoding")


class SmsLength(Rule):
    kind = "sms_length"
    KEYS = {
        "report": (True, (str,)),  # length | encoding
        "max_fragments": (False, (int,)),  # length: more than this is a finding
        "suggest": (False, (list,)),
    }
    MESSAGE_FIELDS = frozenset({"characters", "fragments", "max", "found", "without"})

    def setup(self, spec) -> None:
        self.report = spec["report"]
        if self.report not in REPORTS:
            self.fail("report", f"report must be one of {', '.join(REPORTS)}, not '{self.report}'")
        self.max_fragments = spec.get("max_fragments", 1)
        if self.max_fragments < 1:
            self.fail("max_fragments", "max_fragments is 1 or more")
        self.suggest = tuple(str(s) for s in spec.get("suggest", ()))

    def check(self, ctx) -> Iterator:
        text = ctx.document.text
        for message in split_messages(text):
            sent = as_sent(text[message.start : message.end])
            count = fragments(sent)
            characters = gsm_length(sent) if is_gsm(sent) else ucs2_length(sent)
            if self.report == "length" and fragments(plain(sent)) > self.max_fragments:
                # measured as plain text: characters outside GSM-7 are the encoding rule's
                plain_count = fragments(plain(sent))
                msg = self.format_message(characters=gsm_length(plain(sent)), fragments=plain_count, max=self.max_fragments, found="", without="")
                yield ctx.finding(self, message.start, message.end, msg, self.suggest)
            elif self.report == "encoding":
                odd = not_gsm(sent)
                if not odd:
                    continue
                without = fragments(plain(sent))
                if without >= count:
                    continue
                first = next(i for i in range(message.start, message.end) if text[i] in odd)
                found = " ".join(odd[:5])
                msg = self.format_message(characters=characters, fragments=count, max=self.max_fragments, found=found, without=without)
                yield ctx.finding(self, first, first + 1, msg, self.suggest)
