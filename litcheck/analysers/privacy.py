"""privacy: personal data in a letter or template (an NHS number, a date of birth, a personal
e-mail address or mobile number next to a name).

A finding of this kind never carries the data: its ``text`` is a masked form of the same
length ("943 *** ****", "**/**/1984"), its message names no data and it has no suggestions;
its offsets still point at the data so the page and Word comments can mark it.
``mask_findings`` (called by check_document after every rule ran) masks the words of any
other finding that overlap personal data the same way.

Never flagged: template fields (``[NHS number]``, ``{{ dob }}``), Ofcom's drama numbers
(07700 900000-900999; the landline ranges are not mobiles) and ``*.example`` addresses.

``detect:`` names the detector: ``nhs_number``, ``date_of_birth`` or ``contact``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from ..rule import Rule

DETECTORS = ("nhs_number", "date_of_birth", "contact")

# -- NHS numbers -------------------------------------------------------------------------
#: 10 digits as 3-3-4 (one kind of separator) or unbroken, not part of a longer number
_NHS = re.compile(r"(?<![\w+/.£$-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|[.,]\d)")
#: words before a number that make it something else (a phone line, a reference)
_NOT_NHS = re.compile(r"(?i)\b(?:tel(?:ephone)?|phone|call|ring|text|mobile|fax|ref(?:erence)?|booking|order|invoice|account|sort code)\b[^\n]{0,25}\Z")
_NHS_CUE = re.compile(r"(?i)\bNHS\b[^\n]{0,25}\Z")


def nhs_check_digit_ok(digits: str) -> bool:
    """The modulus 11 check of an NHS number: weights 10..2 over the first nine digits;
    11 minus the remainder is the check digit (11 means 0; 10 means no valid number)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _looks_made_up(digits: str) -> bool:
    """0000000000, 1111111111, 0123456789: a filler, not a number."""
    return len(set(digits)) == 1 or digits in "01234567890123456789" or digits in "98765432109876543210"


def mask_nhs(text: str) -> str:
    """'943 476 5919' -> '943 *** ****': the first three digits stay (the test range shows)."""
    seen = 0
    out = []
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= 3 else "*")
        else:
            out.append(ch)
    return "".join(out)


# -- dates of birth ----------------------------------------------------------------------
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DOB = re.compile(rf"(?i)\b(?:D\.?O\.?B\.?|date of birth|born(?: on)?)(?:\b|(?<=\.))[\s:,-]*(?:is\s+|was\s+)?({_DATE})")


def mask_date(text: str) -> str:
    """'14/03/1984' -> '**/**/1984', '3 May 1984' -> '* *** 1984': only a four-digit year stays."""
    year = re.search(r"\d{4}", text)
    keep = range(year.start(), year.end()) if year else range(0)
    return "".join(ch if (i in keep or not ch.isalnum()) else "*" for i, ch in enumerate(text))


# -- personal e-mail addresses and mobile numbers next to a name -------------------------
_PERSONAL_DOMAINS = (
    r"gmail\.com|googlemail\.com|hotmail\.(?:com|co\.uk)|outlook\.com|live\.(?:com|co\.uk)|yahoo\.(?:com|co\.uk)"
    r"|icloud\.com|me\.com|aol\.(?:com|co\.uk)|btinternet\.com|sky\.com|virginmedia\.com|talktalk\.net|protonmail\.com|proton\.me"
)
_EMAIL = re.compile(rf"(?i)(?<![\w.+-])([\w.+-]+)@(?:{_PERSONAL_DOMAINS})(?![\w.-]*\w)")
_MOBILE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)(7\d{3})\s?(\d{3})\s?(\d{3})(?![\w])")
#: a person's name: a title and a capitalised name, or "Name:"/"Patient:" and two names
_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+|\b(?:[Nn]ame|[Pp]atient|[Cc]arer|[Nn]ext of kin)\s*:\s*[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+")
#: how near a name must be (characters either side) for a contact to be a person's
_NEAR = 120


def _drama_mobile(digits: str) -> bool:
    """Ofcom's numbers for drama: 07700 900000 to 07700 900999."""
    return digits.startswith("7700900")


def mask_contact(text: str) -> str:
    """An e-mail address keeps only its domain; a mobile number only its first two digits."""
    if "@" in text:
        at = text.index("@")
        return "*" * at + text[at:]
    keep = 3 if text.startswith("+") else 2  # "+44 7", "07"
    seen = 0
    out = []
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= keep else "*")
        else:
            out.append(ch)
    return "".join(out)


class Privacy(Rule):
    kind = "privacy"
    KEYS = {
        "detect": (True, (str,)),  # nhs_number | date_of_birth | contact
        "message_test": (False, (str,)),  # nhs_number: the message for a number in the test range (999...)
        "severity_test": (False, (str,)),  # and its severity
    }

    def setup(self, spec) -> None:
        self.detect = spec["detect"]
        if self.detect not in DETECTORS:
            self.fail("detect", f"detect must be one of {', '.join(DETECTORS)}, not '{self.detect}'")
        self.message_test = str(spec.get("message_test", self.message)).strip()
        self.severity_test = spec.get("severity_test", "suggestion")
        if "{" in self.message_test or "{" in self.message:
            self.fail("message", "a privacy message names no data: no placeholders")

    def check(self, ctx) -> Iterator:
        doc = ctx.document
        found = {"nhs_number": _nhs_numbers, "date_of_birth": _dates_of_birth, "contact": _contacts}[self.detect](doc.text)
        for start, end, masked, test in found:
            if doc.placeholder_at(start, end) is not None:
                continue
            f = ctx.finding(self, start, end, self.message_test if test else self.message, (), severity=self.severity_test if test else None)
            yield replace(f, text=masked)


def _nhs_numbers(text: str):
    for m in _NHS.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        if not nhs_check_digit_ok(digits) or _looks_made_up(digits):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _NOT_NHS.search(before) and not _NHS_CUE.search(before):
            continue
        yield m.start(), m.end(), mask_nhs(m.group()), digits.startswith("999")


def _dates_of_birth(text: str):
    for m in _DOB.finditer(text):
        yield m.start(1), m.end(1), mask_date(m.group(1)), False


def _near_name(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - _NEAR) : end + _NEAR]
    return _NAME.search(window) is not None


def _contacts(text: str):
    for m in _EMAIL.finditer(text):
        if _near_name(text, m.start(), m.end()):
            yield m.start(), m.end(), mask_contact(m.group()), False
    for m in _MOBILE.finditer(text):
        if _drama_mobile("".join(m.groups())):
            continue
        if _near_name(text, m.start(), m.end()):
            yield m.start(), m.end(), mask_contact(m.group()), False


def is_privacy(finding) -> bool:
    return finding.rule.startswith("privacy.")


def mask_findings(findings: list, document) -> list:
    """Every finding whose words overlap personal data found by a privacy rule, with those
    characters masked as the privacy finding masks them (in its text and its message), and
    no suggestions (a suggestion would copy the data). Privacy findings are already masked."""
    private = [f for f in findings if is_privacy(f)]
    if not private:
        return findings
    text = document.text
    out = []
    for f in findings:
        over = [p for p in private if p.start < f.end and f.start < p.end]
        if is_privacy(f) or not over:
            out.append(f)
            continue
        lo, hi = min([f.start] + [p.start for p in over]), max([f.end] + [p.end for p in over])
        chars = list(text[lo:hi])
        for p in over:
            chars[p.start - lo : p.end - lo] = list(p.text) if len(p.text) == p.end - p.start else ["*"] * (p.end - p.start)
        masked_span = "".join(chars)
        new_text = masked_span[f.start - lo : f.end - lo]
        message = f.message
        for raw, safe in [(f.text, new_text)] + [(text[p.start : p.end], p.text) for p in over]:
            if raw and raw != safe:
                message = message.replace(raw, safe)
        out.append(replace(f, text=new_text, message=message, suggestions=()))
    return out


def _pairs(findings, document) -> list[tuple[str, str]]:
    """(the data as written, its masked form) for each privacy finding, longest first."""
    pairs = {}
    for f in findings:
        if is_privacy(f):
            raw = document.text[f.start : f.end]
            pairs[raw] = f.text
            pairs[" ".join(raw.split())] = " ".join(f.text.split())
    return sorted(pairs.items(), key=lambda p: -len(p[0]))


def _scrub(value, pairs):
    if isinstance(value, str):
        out = value
        for raw, safe in pairs:
            if raw:
                out = out.replace(raw, safe)
        return out if type(value) is str else type(value)(out)
    if isinstance(value, dict):
        return {k: _scrub(v, pairs) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub(v, pairs) for v in value)
    return value


class _MaskedSection:
    """A report section whose JSON and text lines show personal data masked (the practical
    details quote the sentence that gives a phone number; that may be a patient's mobile)."""

    def __init__(self, section, pairs) -> None:
        self._section = section
        self._pairs = pairs

    def to_dict(self):
        return _scrub(self._section.to_dict(), self._pairs)

    def _text_lines(self):
        return _scrub(list(self._section.text_lines()), self._pairs)

    def __getattr__(self, name):
        if name.startswith("_"):  # unpickling (the page's workers) asks before __init__ ran
            raise AttributeError(name)
        if name == "text_lines" and hasattr(self._section, "text_lines"):
            return self._text_lines
        return getattr(self._section, name)


def mask_sections(sections: dict, findings, document) -> dict:
    """The report sections with any personal data a privacy finding found masked."""
    pairs = _pairs(findings, document)
    if not pairs:
        return sections
    out = {}
    for name, value in sections.items():
        if value is None or isinstance(value, (int, float)):
            out[name] = value
        elif isinstance(value, str):
            out[name] = _scrub(value, pairs)
        elif hasattr(value, "to_dict") or hasattr(value, "text_lines"):
            out[name] = _MaskedSection(value, pairs)
        else:
            out[name] = _scrub(value, pairs)
    return out
