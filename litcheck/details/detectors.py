"""One detector per practical detail. Each reads the document's units (sentences, with the
heading above each) and returns the first evidence that the detail is given, or None.

The detectors look for the detail as real letters write it and skip the known traps: a
heading with nothing under it, a direction through a car park, a map link, "you will be
told which hospital", a patient-transport number, the date of a cancelled appointment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from . import patterns as P
from .scan import finditer_in, finditer_spans, index, search, search_unit
from .units import Unit, units


@dataclass(frozen=True)
class Evidence:
    start: int  #: 0-based offset of the matched words in Document.text
    end: int
    sentence_start: int  #: the sentence (or line) the words are in
    sentence_end: int
    via: str  #: "text", or "placeholder" when a template field gives the detail


#: a picture's description in an Easy Read or web page ("An illustration of people ...",
#: "A person holding up a leaflet ..."): it shows, it does not tell the reader anything
_IMAGE_DESCRIPTION = re.compile(
    r"^\W*(?:(?:an?|the)\s+)?(?:illustration|picture|image|photo(?:graph)?|drawing|icon|graphic|cartoon)\s+(?:of|showing|shows)\b"
    r"|^\W*(?:an?|two|three)\s+(?:person|man|woman|nurse|doctor|child|people|group|family)\s+(?:\w+\s+){0,2}?(?:holding|sitting|standing|smiling|pointing|looking|talking|waving|lying|wearing)\b",
    re.I,
)


def _content(ctx) -> list[Unit]:
    # each branch of _IMAGE_DESCRIPTION begins with "^" (not multiline): a search of the unit's
    # text is a match at its start
    match = _IMAGE_DESCRIPTION.match
    return ctx.memo("detail_content", lambda c: [u for u in units(c) if u.kind != "heading" and not match(u.text)])


def _sections(wanted: str, unwanted: str | None = None) -> Callable[[str], bool]:
    """A test of a section's heading (``wanted`` found, ``unwanted`` not, case aside), asked once
    for each heading: the units under one heading share it."""
    want = re.compile(wanted, re.I)
    avoid = re.compile(unwanted, re.I) if unwanted else None
    seen: dict[str, bool] = {}

    def test(section: str) -> bool:
        if section not in seen:
            seen[section] = bool(want.search(section)) and not (avoid is not None and avoid.search(section))
        return seen[section]

    return test


def _ev(u: Unit, start: int, end: int, via: str = "text") -> Evidence:
    return Evidence(start, end, u.start, u.end, via)


def _first(ctx, pattern: re.Pattern, ok: Callable[[Unit, re.Match], bool] | None = None, pool: Iterable[Unit] | None = None) -> Evidence | None:
    for u, m in finditer_spans(ctx, pattern, pool if pool is not None else _content(ctx)):
        if m.end() > m.start() and (ok is None or ok(u, m)):
            return _ev(u, m.start(), m.end())
    return None


def _field_name(p) -> str:
    """The field's name with its words apart: ClinicAddress, d.studyRegionPhone -> Clinic_Address, study_Region_Phone."""
    name = re.sub(r"^[dc]\.", "", p.name) if p.syntax == "carbone" else p.name
    name = re.split(r",?\s+(?:e\.g\.|i\.e\.|for\s+example)", name)[0]  # "Date of Scan, e.g., May 28" -> "Date of Scan"
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name)


def _placeholder(ctx, wanted: str, unwanted: str = r"$^", ok: Callable[[Unit | None, object], bool] | None = None) -> Evidence | None:
    want, avoid = re.compile(wanted, re.I), re.compile(unwanted, re.I)
    doc = ctx.document
    for p in doc.placeholders:
        if p.syntax in ("jinja_tag", "jinja_comment"):
            continue
        name = _field_name(p)
        if "|" in name:
            continue  # "[an overnight stay | day case]": a choice of wording, not a field
        if want.search(name) and not avoid.search(name):
            u = next((u for u in units(ctx) if u.start <= p.start < u.end), None)
            if ok is not None and not ok(u, p):
                continue
            if u is None:
                return Evidence(p.start, p.end, p.start, p.end, "placeholder")
            return _ev(u, p.start, p.end, "placeholder")
    return None


def _in_placeholder(ctx, start: int, end: int) -> bool:
    return ctx.document.placeholder_at(start, end) is not None


def _around(text: str, m: re.Match, before: int = 40, after: int = 40) -> tuple[str, str]:
    return text[max(0, m.start() - before) : m.start()], text[m.end() : m.end() + after]


_APPT = re.compile(
    r"\b(?:appointments?|visits?|see\s+you|seeing\s+you|come|coming|attend|arrive|admission|admitted|scans?|tests?|clinic|sessions?|check|jab|vaccin\w*|"
    r"operation|procedure|reminder|booked|surgery|x-ray|when|date|time|day|seen|health\s+check|assessment|review|consultation|ultrasound|study)\b",
    re.I,
)
_DATE_LABEL = re.compile(r"^\s*(?:(?:your\s+)?(?:appointment|admission|visit|scan|test)\s+)?(?:date|when|day|on)(?:\s+and\s+time)?\s*:", re.I)
_TIME_LABEL = re.compile(r"^\s*(?:(?:your\s+)?(?:appointment|admission|arrival|visit)\s+)?(?:time|when|arrive|arrival)\s*:", re.I)
_NOT_APPT_DATE = re.compile(
    r"\b(?:available|open|cancel\w*|postpone\w*|mov(?:e|es|ed|ing)|relocat\w*|birth|d\.?o\.?b|dictated|typed|printed|letter\s+date|date\s+of\s+letter|sent|written|reviewed|updated|published|issued|valid|expires?|referral|referred|"
    r"recent|conducted|performed|undertaken|took\s+place|posted|last\s+(?:updated|reviewed|modified)|last\s+date|deadline|closing\s+date|no\s+later\s+than)\b",
    re.I,
)
_LETTER_DATE_LABEL = re.compile(r"^\W*(?:letter\s+)?date\s*:", re.I)
_DATE_BEFORE_EXCLUDE = re.compile(r"\b(?:by|before|until|till|from|since|after|between|until|no\s+later\s+than)\s+(?:\w+day\s+)?$", re.I)
#: "Date:" alone right before the date: the letter's own date, unless an appointment block goes on
_BARE_DATE_LABEL = re.compile(r"(?:^|\n|[\[(|]|\s\s)\s*(?:letter\s+)?date\s*:?\s*$", re.I)
#: the rest of the date's line, or the next line, goes on with the appointment's time or place
_APPOINTMENT_BLOCK_AFTER = re.compile(r"[^\n]{0,40}\b(?:at\s+\d|at\s+\[|time\s*:)|[^\n]*\n\s*\[?\s*(?:time|arrival\s+time|location|where|place|venue|clinic|with)\s*:", re.I)
_APPOINTMENT_WORD = re.compile(r"\b(?:appointments?|visits?|admission|session|scan|test|procedure|operation)\b", re.I)
#: a date in an eligibility rule: "aged 2 or 3 on 31 August 2025", "65 or over (or will be on ...)"
_ELIGIBILITY_BEFORE = re.compile(r"\b(?:aged?|born|birthday|years?\s+old|or\s+over|or\s+older|or\s+under|turn(?:s|ed)?|eligible)\b[^.!?\n]{0,40}$", re.I)
#: a placeholder named for the appointment's own date
_APPT_FIELD = re.compile(r"visit|appointment|appt|session|clinic|admission|tci|booking|booked|scan|test|follow|next|attend", re.I)


def _letter_date(text: str, u: Unit, start: int, end: int) -> bool:
    """A date (or date field) given as the letter's own: "Date: 2 October 2025" above the
    greeting or at the top of a letterhead, not in a block that goes on with the time or place."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 30) : start]
    if not _BARE_DATE_LABEL.search(before) and not (not u.after_salutation and _LETTER_DATE_LABEL.match(u.text)):
        return False
    if _APPOINTMENT_BLOCK_AFTER.match(text, end, min(len(text), end + 160)):
        return False
    lead = text[max(0, line_start - 160) : line_start]
    return not (_APPOINTMENT_WORD.search(lead) or _APPOINTMENT_WORD.search(u.section))


#: a field named for something past or not the appointment: its example date or time is not the appointment's
_PAST_FIELD = re.compile(r"consult|referr|letter|birth|dob|result|previous|last|recent|of\s+(?:test|scan|sample)|discharge|print|sent", re.I)


def _past_field(ctx, start: int, end: int) -> bool:
    p = ctx.document.placeholder_at(start, end)
    if p is None:
        return False
    name = p.name
    return bool(_PAST_FIELD.search(name) and not _APPT_FIELD.search(re.sub(r"(?i)\b(?:of\s+)?(?:test|scan)\b", "", name)))


def date(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        if _NOT_APPT_DATE.search(u.text):
            return False
        if _past_field(ctx, m.start(), m.end()):
            return False  # "[Date of Consultation, e.g., May 20, 2025]": the example date of a past visit
        if _letter_date(text, u, m.start(), m.end()):
            return False  # "Date: 2 October 2025" above "Dear ...": the letter's own date
        before, _ = _around(text, m, 25, 0)
        if _DATE_BEFORE_EXCLUDE.search(before):
            return False
        if _ELIGIBILITY_BEFORE.search(text, max(u.start, m.start() - 60), m.start()):
            return False  # "children aged 2 or 3 on 31 August": who can come, not when
        if u.kind in ("date",):
            # the letter's own date on a line of its own, unless under "When:" or "Your appointment"
            return bool(_DATE_LABEL.match(u.text) or _APPT.search(u.section))
        return bool(_DATE_LABEL.match(u.text) or _APPT.search(u.text) or _APPT.search(u.section))

    def field_ok(u: Unit | None, p) -> bool:
        if u is not None and _NOT_APPT_DATE.search(u.text):
            return False  # "your recent blood test, conducted on [Date of Test]"
        if _APPT_FIELD.search(_field_name(p)):
            return True  # ((visit_date)), ==next session date==
        if u is None:
            return True
        if _letter_date(text, u, p.start, p.end) or _letterhead(ctx, u):
            return False
        # a field named only "date" is the appointment's in a sentence about it ("on [Date] at [Time]")
        return bool(re.search(r"\bon\s*$", text[max(u.start, p.start - 6) : p.start], re.I) or _APPT.search(u.text) or _DATE_LABEL.match(u.text))

    found = _first(ctx, P.DATE, ok)
    return found or _placeholder(
        ctx, r"date|tcidate|\bday\b|when", r"letter|birth|dob|today|print|sent|ref|typed|dictat|reply|return|deadline|expir|consent|consult|result|previous|recent|discharge", field_ok
    )


_TIME_SENTENCE_EXCLUDE = re.compile(
    r"\b(?:open|opening|lines?\s+are|office\s+hours|helpline|available|cancel\w*|mov(?:e|es|ed|ing)|go(?:ing)?\s+home|leave|finish(?:es)?|discharged?|collect|"
    r"updated|published|posted|printed|sent|last\s+(?:reviewed|modified))\b",
    re.I,
)


def time(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        before, after = _around(text, m, 12, 12)
        if P.TIME_BEFORE_EXCLUDE.search(before) or P.TIME_AFTER_EXCLUDE.match(after):
            return False
        if _TIME_SENTENCE_EXCLUDE.search(u.text):
            return False
        if re.search(r"\b(?:eat|drink|food|meal|fluids?|tablets?|medicines?)\b", u.text, re.I) and not _TIME_LABEL.match(u.text):
            return False  # "do not eat after 7am" is preparation, not the appointment time
        return True

    found = _first(ctx, P.TIME, ok)
    return found or _placeholder(ctx, r"time|tcitime|arriv", r"letter|print|sent|typed|travel")


_DURATION_CUE = re.compile(
    r"\b(?:takes?|taking|took|lasts?|lasting|long|duration|with\s+us|be\s+here|be\s+there|spend|stay|allow|expect|about|around|approximately|roughly|up\s+to|"
    r"no\s+(?:longer|more)\s+than|between|for|normally\s+be|usually\s+be|will\s+be|should\s+be)\b",
    re.I,
)
#: "a 20 minute appointment", "Duration: 15 minutes"
_DURATION_OF = re.compile(r"^[\s-]*(?:long\s+)?(?:appointments?|visits?|sessions?|slots?|consultations?|tests?|scans?|procedures?|examinations?|assessments?)\b", re.I)
_DURATION_LABEL = re.compile(r"\b(?:duration|length|how\s+long)(?:\s+of\s+(?:your\s+|the\s+)?(?:appointment|visit|stay|test|scan|session))?\s*:\s*$", re.I)


def duration(ctx) -> Evidence | None:
    text = ctx.document.text

    def amount_ok(u: Unit, m: re.Match) -> bool:
        before, after = _around(text, m, 25, 25)
        if _DURATION_LABEL.search(before) or _DURATION_OF.match(after):
            return True
        if P.DURATION_AFTER_EXCLUDE.match(after) or P.DURATION_BEFORE_EXCLUDE.search(before):
            return False
        if P.DURATION_SENTENCE_EXCLUDE.search(u.text):
            return False
        return bool(_DURATION_CUE.search(u.text))

    def phrase_ok(u: Unit, m: re.Match) -> bool:
        if _in_placeholder(ctx, m.start(), m.end()):
            return False  # "[an overnight stay | day case]": the template has not chosen yet
        return not re.search(r"\b(?:eat|drink|fast|open)\b", u.text, re.I)

    return _first(ctx, P.DURATION_AMOUNT, amount_ok) or _first(ctx, P.DURATION_PHRASE, phrase_ok) or _placeholder(ctx, r"duration|length|how_?long")


_LOWER_WORD = re.compile(r"(?<![\w\[(=.{])[a-z][a-z'’]+\b")
_SIGN_OFF = re.compile(r"^\W*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm)\s+regards|regards|best\s+wishes|with\s+thanks|many\s+thanks)\b", re.I)


def _frame(ctx) -> tuple[int, int]:
    """Where the letter's body begins and where its signature begins (offsets in the text).

    The body begins at the greeting, or else at the first sentence with a few words of prose
    outside fields (a letterhead, a date line and an address block have none); the signature
    begins at "Yours sincerely" or "Kind regards"."""

    def compute(c):
        doc = c.document
        body, sign = 0, len(doc.text)
        for u in units(c):
            if u.kind == "salutation":
                body = u.start
                break
            words = [w for w in _LOWER_WORD.finditer(u.text) if doc.placeholder_at(u.start + w.start(), u.start + w.end()) is None]
            if u.kind != "heading" and len(words) >= 3:
                body = u.start
                break
        for u in units(c):
            if u.start >= body and _SIGN_OFF.match(u.text):
                sign = u.start
                break
        return body, sign

    return ctx.memo("detail_frame", compute)


def _letterhead(ctx, u: Unit | None) -> bool:
    """A line of the letterhead, the patient's address or the signature: the sender, not the place to go."""
    if u is None:
        return False
    if u.kind in ("header", "footer", "signoff"):
        return True
    body, sign = _frame(ctx)
    if u.start >= sign and len(u.text.split()) <= 12:
        return True  # "The [Your Department/Clinic Name] Team" under "Yours sincerely"
    if u.start < body or (u.kind in ("address", "label", "placeholder", "date") and not u.after_salutation):
        # asked once per unit: a unit can be asked once for each place named in it
        return ctx.memo(("letterhead.cue", u.start, u.end), lambda c: not (P.WHERE_CUE.search(u.text) or P.LOCATION_LABEL.match(u.text)))
    return False


def location(ctx) -> Evidence | None:
    text = ctx.document.text
    content = [u for u in _content(ctx) if not search_unit(ctx, P.LOCATION_EXCLUDE, u)]

    def in_body(u: Unit, m: re.Match) -> bool:
        if _letterhead(ctx, u) or (u.kind == "address" and not u.after_salutation):
            return False  # the letterhead and the patient's own address
        if _in_placeholder(ctx, m.start(), m.end()):
            return False  # "[Your Department/Clinic Phone Number]": a field, read by its name below
        if P.LOCATION_BEFORE_EXCLUDE.search(text, max(u.start, m.start() - 60), m.start()):
            return False  # "contact the Admissions Department", "at an InHealth Centre"
        return not _subject(u, m.start(), m.end())

    def general_ok(u: Unit, m: re.Match) -> bool:
        # "your appointment at the surgery on [Date]", "their vaccination at school on ==date==":
        # a kind of place is where to go only when the sentence gives the day too
        if _letterhead(ctx, u) or not _gives_a_date(ctx, u):
            return False
        return not re.search(r"\b(?:book|contact|call|phone|ring|register\w*|find|nearest|local|any)\b", u.text, re.I)

    def postcode_ok(u: Unit, m: re.Match) -> bool:
        if not in_body(u, m) or u.kind == "address" and not u.after_salutation:
            return False
        i = content.index(u) if u in content else -1
        previous = content[i - 1].text if i > 0 else ""
        return bool(P.WHERE_CUE.search(u.text) or P.WHERE_CUE.search(u.section) or P.WHERE_CUE.search(previous))

    found = _first(ctx, P.LOCATION_LABEL, None, content)
    if found:
        return found
    found = _first(ctx, P.LOCATION, in_body, content)
    if found:
        return found
    found = _placeholder(
        ctx,
        r"clinic|location|address|site|venue|ward|hospital|place|dep(?:artmen)?t|where|room|building|centre|surgery|unit",
        r"patient|\bgp\b|gp_|trust|letter|sender|signator|nearest|station|phone|tel|email|e-mail|web|url|name_of_patient|consultant|doctor|clinician|logo|message|link|invitation|reason",
        lambda u, p: not _letterhead(ctx, u)
        and (u is None or not (P.LOCATION_EXCLUDE.search(u.text) or P.LOCATION_BEFORE_EXCLUDE.search(text, max(u.start, p.start - 60), p.start) or _subject(u, p.start, p.end))),
    )
    if found:
        return found
    return _first(ctx, P.GENERAL_PLACE, general_ok, content) or _first(ctx, P.POSTCODE, postcode_ok, content)


def _subject(u: Unit, start: int, end: int) -> bool:
    """The place begins its sentence and a verb follows: the place is who acts, not where to go."""
    lead = u.text[: start - u.start].strip(" \t\n\"'“‘(-•*")
    if lead and not re.fullmatch(r"\S+\s+(?:at|in)", lead):  # "((ward_name)) at ((hospital_name)) is ..."
        return False
    return bool(P.LOCATION_AS_SUBJECT.match(u.text, end - u.start))


def _gives_a_date(ctx, u: Unit) -> bool:
    if search(ctx, P.DATE, u.start, u.end):
        return True
    return any(u.start <= p.start < u.end and re.search(r"date|\bday\b", _field_name(p), re.I) for p in ctx.document.placeholders)


def _phone_digits_ok(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if digits.startswith("44"):
        digits = "0" + digits[2:].lstrip("0")
    return digits.startswith("0") and len(digits) in (10, 11)


#: a number introduced as the patient's own ("we will text you on", "your mobile number",
#: "the number we have for you is"): how the service reaches the patient, not how to reach it
_PATIENT_OWN_NUMBER = re.compile(
    r"(?:\b(?:text|call|ring|phone|telephone|contact|message|remind)\s+you\b[^.\n]{0,25}?\b(?:on|at|to)"
    r"|\bsend\s+(?:you\s+)?(?:a\s+)?(?:text|sms|reminder)(?:\s+message)?s?\s+to(?:\s+you)?(?:\s+on)?"
    r"|\byour\s+(?:own\s+)?(?:mobile|home|landline|tele?phone|phone)(?:\s+(?:phone|telephone))?(?:\s+number)?"
    r"(?:\s+(?:is|as|we\s+have(?:\s+for\s+you)?|(?:that\s+)?you\s+gave\s+us))?"
    r"|\b(?:mobile|phone|tele?phone|contact)?\s*numbers?\s+(?:we\s+(?:have|hold)\s+(?:for|on)\s+you|you\s+gave\s+us"
    r"|on\s+your\s+(?:record|file|notes))(?:\s+is)?"
    r")\s*:?\s*(?:\(|\+)?\s*$",
    re.I,
)


def _patient_own_number(text: str, unit_start: int, start: int) -> bool:
    """Whether the number at ``start`` is introduced as the patient's own."""
    return _PATIENT_OWN_NUMBER.search(text, max(unit_start, start - 60), start) is not None


def contact(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        if not _phone_digits_ok(m.group()):
            return False
        if P.PHONE_NOT_CONTACT.search(text, max(u.start, m.start() - 20), m.start()):
            return False
        if _patient_own_number(text, u.start, m.start()):
            return False  # "we will text you on 07700 900123": the patient's number
        if P.PHONE_SENDER.search(text, max(u.start, m.start() - 25), m.start()):
            return False  # "text messages will come from +44 ..."
        transport = P.PHONE_TRANSPORT.search(u.text) or re.search(r"\btransport\b", u.section, re.I)
        if transport and not P.PHONE_FOR_APPOINTMENT.search(u.text):
            return False
        return True

    def service_ok(u: Unit, m: re.Match) -> bool:
        return not P.SERVICE_PHONE_EXCLUDE.search(u.text)

    def field_ok(u: Unit | None, p) -> bool:
        if _patient_own_number(text, u.start if u is not None else 0, p.start):
            return False  # "we will text you on [mobile number]"
        if u is not None and P.PHONE_TRANSPORT.search(u.text) and not P.PHONE_FOR_APPOINTMENT.search(u.text):
            return False
        if re.search(r"phone|tel\b|tel_|telephone|helpline|number", _field_name(p), re.I):
            return True
        # "[change contact]" after "telephone" is the number; "contact [Hospital Contact Information]" need not be
        return bool(re.search(r"\b(?:phone|telephone|call|ring|text|on)\s*:?\s*$", text[max(0, p.start - 12) : p.start], re.I))

    return (
        _first(ctx, P.PHONE, ok)
        or _placeholder(
            ctx,
            r"phone|tel\b|tel_|telephone|contact|helpline",
            r"patient|mobile_of|\bgp\b|gp_|e-?mail|address|web|url|\bname\b|fax",
            field_ok,
        )
        or _first(ctx, P.SERVICE_PHONE, service_ok)
    )


def parking(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        window = text[max(u.start, m.start() - 30) : m.end()]
        if P.PARKING_DIRECTION.search(window) and not re.search(r"\b(?:park\s+(?:in|at|on)|parking\s+(?:is|costs|spaces))\b", u.text, re.I):
            return False
        if P.PARKING_JOURNEY.search(text, u.start, u.end) and not P.PARKING_INFO.search(u.text):
            return False  # "allow time to travel to and park": a step of the journey, no parking information
        return True

    return _first(ctx, P.PARKING, ok) or _placeholder(ctx, r"parking|car_?park")


def transport(ctx) -> Evidence | None:
    return _first(ctx, P.TRANSPORT) or _placeholder(ctx, r"transport|bus|train|station")


def what_to_bring(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        after = text[m.end() : min(u.end, m.end() + 60)]
        whole = text[m.start() : min(u.end, m.end() + 60)]
        if P.COMPANION.match(whole) or re.match(rf"\w+\s+(?:\w+\s+){{0,2}}?{P.PERSON}\b", whole, re.I):
            return False  # "bring a friend" is a companion, not a thing to bring
        if re.search(r"\b(?:do\s+not|don't|no\s+need\s+to|not\s+need\s+to)\s+(?:\w+\s+)?bring\b", text[u.start : m.end()], re.I):
            return False
        if re.match(r"\s+(?:you|them|us)\b", after, re.I):
            return False  # "transport will bring you"
        return True

    found = _first(ctx, P.BRING, ok)
    if found:
        return found
    about = _sections(r"\b(?:bring|take\s+with\s+you|what\s+you\s+need)\b", rf"\b(?:someone|{P.PERSON})\b")
    under = next((u for u in _content(ctx) if about(u.section) and not P.COMPANION.search(u.text)), None)
    return _ev(under, under.start, under.end) if under else None


def companion(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        if re.match(r"accompan", m.group(), re.I) or "accompan" in m.group().lower():
            return True  # "must be accompanied by an adult" says who comes with them
        return not P.COMPANION_EXCLUDE.search(u.text)

    return _first(ctx, P.COMPANION, ok)


def interpreter(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        if re.search(r"\binterpret\s+(?:your|the)\s+results?\b", u.text, re.I):
            return False
        if re.match(r"BSL|British|sign", m.group(), re.I) and P.FORMATS.search(u.text) and not re.search(r"\binterpret|\btranslator", u.text, re.I):
            return False  # "alternative formats, including BSL and Braille": a format, not an interpreter
        return True

    return _first(ctx, P.INTERPRETER, ok)


def accessibility(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        if P.ACCESS_CONDITION.fullmatch(m.group()):
            return bool(P.ACCESS_OFFER.search(u.text))  # "patients with a learning disability" offers nothing
        if u.text.rstrip().endswith("?") and not P.ACCESS_OFFER.search(u.text):
            return False  # a form's question ("Does your child need extra support?") offers nothing
        return True

    return _first(ctx, P.ACCESSIBILITY, ok)


_MEDICINE = re.compile(r"\b(?:medicines?|medications?|tablets?|pills?|insulin|inhalers?|laxatives?|antihistamines?|blood\s+thinners?|warfarin|drugs?)\b", re.I)


def preparation(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        if P.PREPARATION_EXCLUDE.search(u.text):
            return False
        general = re.match(r"(?:do\s+not|don't|please|you\s+can|you\s+may|keep|carry\s+on|continue|stop|you\s+should|you\s+must|only|if\s+you)\b", m.group(), re.I)
        if re.search(r"\b(?:tak(?:e|ing)|use|using)\b", m.group(), re.I) and not _MEDICINE.search(u.text):
            return False  # "take" on its own is not about medicines
        if general and re.search(r"\b(?:feel|feeling|better|worse|after|if|when|unless)\b", re.sub(r"^if\s+you\b", "", m.group(), flags=re.I), re.I):
            return False  # "do not feel better after taking ..." is a symptom, not an instruction
        if general and not (P.PREPARATION_CONTEXT.search(u.text) or P.PREPARATION_CONTEXT.search(u.section)):
            return False  # "continue taking your Metformin" in a treatment plan is not getting ready for a visit
        return True

    found = _first(ctx, P.PREPARATION, ok)
    if found:
        return found
    about = _sections(r"\b(?:prepar\w+|getting\s+ready|get\s+ready|before\s+(?:your|the)\s+(?:test|scan|appointment|procedure|operation|visit))\b")
    under = next((u for u in _content(ctx) if about(u.section) and len(u.text.split()) >= 3), None)
    return _ev(under, under.start, under.end) if under else None


def alternative_formats(ctx) -> Evidence | None:
    return _first(ctx, P.FORMATS, lambda u, m: not P.FORMATS_EXCLUDE.search(u.text))


def communication_needs(ctx, found: dict) -> Evidence | None:
    """The letter tells people how to ask for information in another format or language, or for
    support to communicate (Accessible Information Standard, 2025 revision): a format or kind of
    support named in a sentence (or the sentence after, in the same section) that says how to ask,
    or offered to the reader ("We can send this letter in large print") in a letter that gives a
    phone number to ask on."""
    text = ctx.document.text
    content = _content(ctx)
    excluded: dict[int, bool] = {}  # unit start -> the unit is excluded (asked once, for a unit that names support)
    number: dict[int, int] = {}
    for u, m in finditer_spans(ctx, P.COMMUNICATION_SUPPORT, content):
        if u.start not in excluded:
            excluded[u.start] = bool(P.COMMUNICATION_EXCLUDE.search(u.text))
        if excluded[u.start]:
            continue
        if P.COMMUNICATION_EXCLUDE.search(text, max(u.start, m.start() - 30), min(u.end, m.end() + 30)):
            continue
        # a question ("Do you need an interpreter?") counts only with a way to ask in it or after it
        if not number:
            number.update((id(x), k) for k, x in enumerate(content))
        i = number[id(u)]
        nxt = content[i + 1] if i + 1 < len(content) and content[i + 1].section == u.section else None
        if P.COMMUNICATION_ASK.search(u.text) or (nxt is not None and P.COMMUNICATION_ASK.search(nxt.text) and len(nxt.text.split()) <= 30):
            return _ev(u, m.start(), m.end())
        if found.get("contact") is not None and P.COMMUNICATION_OFFER.search(u.text):
            return _ev(u, m.start(), m.end())
    return None


def asks_online(ctx):
    """The first sentence that asks people to act online or by QR code, or None (once per
    document)."""
    return ctx.memo("detail_asks_online", _asks_online)


def _asks_online(ctx):
    if not ctx.may_match(P.ONLINE_ACTION):
        return None  # no sentence can name a way online
    content = _content(ctx)
    idx = index(ctx)
    for i, u in enumerate(content):
        m = next(finditer_in(idx, P.ONLINE_ACTION, u.start, u.end), None)  # P.ONLINE_ACTION.search(text, u.start, u.end)
        lead_in = content[i - 1].text if i and u.section == content[i - 1].section else ""
        if m and (P.ONLINE_VERB.search(u.text) or P.ONLINE_VERB.search(lead_in) or P.ONLINE_VERB.search(u.section)) and not re.search(r"\bmaps?\b|\bdirections\b|\bmore\s+information\b|\bfind\s+out\s+more\b|\bread\s+more\b", u.text, re.I):
            return u
    return None


def _need(ctx, detail: str) -> str:
    from .profiles import FALLBACK, profiles_for, written_to_one_person  # profiles imports this module

    profiles = profiles_for(ctx)
    profile = profiles.get(ctx.profile) or profiles[FALLBACK]
    return profile.need(detail, written_to_one_person(ctx))


#: the details of an appointment that is booked: not asked of a document that asks the reader to book one
_BOOKED_DETAILS = {"date", "time", "duration", "location"}


def nothing_booked(ctx) -> bool:
    """The document asks the reader to book or schedule an appointment and gives no booked one
    (no appointment date, no "your appointment is"): a text inviting a parent to book a clinic, an
    e-mail asking to schedule the next blood test. Its date, time, length and place come with the
    booking, whatever kind of document it was taken for."""

    def compute(c) -> bool:
        if not search(c, P.ASKS_TO_BOOK) or search(c, P.GIVES_BOOKED):
            return False
        return detect(c)["date"] is None

    return ctx.memo("detail_nothing_booked", compute)


#: the details of coming to an appointment: not asked when the reader does not come
_ATTENDING_DETAILS = {"time", "duration", "parking", "transport", "what_to_bring", "interpreter", "accessibility", "companion"}


def school_session(ctx) -> bool:
    """The letter is to a parent about a vaccination given to their child at school (a session
    reminder, a consent request): the parent does not come, the school nurses come to the child."""

    def compute(c) -> bool:
        return bool(search(c, P.SCHOOL_SESSION) and search(c, P.SCHOOL_SESSION_ABOUT) and search(c, P.SCHOOL_SESSION_CHILD) and not search(c, P.SCHOOL_SESSION_EXCLUDE))

    return ctx.memo("detail_school_session", compute)


#: a field that holds the body of the message: "==invitation to clinic generic message==", "[Main letter text]"
_FREE_TEXT_FIELD = re.compile(r"generic|custom|free[\s_-]*text|\bbody\b|paragraph|content|main[\s_-]*(?:text|message)|additional[\s_-]*(?:text|information|message)", re.I)


def free_text_body(ctx) -> bool:
    """The template's body is a field of free text standing on its own line: what it will say is
    not known, so a detail that is only recommended may well be in it."""

    def compute(c) -> bool:
        text = c.document.text
        for p in c.document.placeholders:
            if not _FREE_TEXT_FIELD.search(p.name):
                continue
            line_start = text.rfind("\n", 0, p.start) + 1
            line_end = text.find("\n", p.end)
            line = text[line_start : len(text) if line_end == -1 else line_end]
            if line.strip() == text[p.start : p.end].strip():
                return True
        return False

    return ctx.memo("detail_free_text_body", compute)


def applies(ctx, detail: str) -> bool:
    """False for a detail that only matters in some documents and not in this one."""
    if free_text_body(ctx) and _need(ctx, detail) == "recommended":
        return False
    if detail == "digital_alternative":
        return asks_online(ctx) is not None
    if detail in _BOOKED_DETAILS and nothing_booked(ctx):
        return False
    if detail in _ATTENDING_DETAILS and school_session(ctx):
        return False
    return True


def digital_alternative(ctx, found: dict) -> Evidence | None:
    """Only when the document asks people to act online: the phone or paper route."""
    text = ctx.document.text
    if asks_online(ctx) is None:
        return None
    route = _first(ctx, P.OFFLINE_ROUTE)
    phone = found.get("contact")
    if route and (phone or not re.search(r"\b(?:call|phone|ring|telephone)\b", text[route.start : route.end], re.I)):
        return route
    return phone


#: detail id -> detector; the order is the checklist's order
DETECTORS: dict[str, Callable] = {
    "location": location,
    "date": date,
    "time": time,
    "duration": duration,
    "parking": parking,
    "transport": transport,
    "contact": contact,
    "what_to_bring": what_to_bring,
    "interpreter": interpreter,
    "accessibility": accessibility,
    "companion": companion,
    "preparation": preparation,
    "alternative_formats": alternative_formats,
    "communication_needs": communication_needs,
    "digital_alternative": digital_alternative,
}
DETAIL_IDS = tuple(DETECTORS)
#: detectors that read what the ones before them found (a phone number)
_NEED_FOUND = {"communication_needs", "digital_alternative"}


def detect(ctx) -> dict[str, Evidence | None]:
    """Every detail's evidence (None when absent), computed once per document."""
    return ctx.memo("details", _detect)


def _detect(ctx) -> dict[str, Evidence | None]:
    found: dict[str, Evidence | None] = {}
    for name, fn in DETECTORS.items():
        found[name] = fn(ctx, found) if name in _NEED_FOUND else fn(ctx)
    return found
