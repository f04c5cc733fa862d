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
from .units import Unit, units


@dataclass(frozen=True)
class Evidence:
    start: int  #: 0-based offset of the matched words in Document.text
    end: int
    sentence_start: int  #: the sentence (or line) the words are in
    sentence_end: int
    via: str  #: "text", or "placeholder" when a template field gives the detail


def _content(ctx) -> list[Unit]:
    return [u for u in units(ctx) if u.kind != "heading"]


def _ev(u: Unit, start: int, end: int, via: str = "text") -> Evidence:
    return Evidence(start, end, u.start, u.end, via)


def _first(ctx, pattern: re.Pattern, ok: Callable[[Unit, re.Match], bool] | None = None, pool: Iterable[Unit] | None = None) -> Evidence | None:
    text = ctx.document.text
    for u in pool if pool is not None else _content(ctx):
        for m in pattern.finditer(text, u.start, u.end):
            if m.end() > m.start() and (ok is None or ok(u, m)):
                return _ev(u, m.start(), m.end())
    return None


def _placeholder(ctx, wanted: str, unwanted: str = r"$^") -> Evidence | None:
    want, avoid = re.compile(wanted, re.I), re.compile(unwanted, re.I)
    doc = ctx.document
    for p in doc.placeholders:
        if p.syntax in ("jinja_tag", "jinja_comment"):
            continue
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", p.name)  # ClinicAddress -> Clinic_Address
        if want.search(name) and not avoid.search(name):
            u = next((u for u in units(ctx) if u.start <= p.start < u.end), None)
            if u is None:
                return Evidence(p.start, p.end, p.start, p.end, "placeholder")
            return _ev(u, p.start, p.end, "placeholder")
    return None


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
    r"\b(?:available|open|cancel\w*|postpone\w*|mov(?:e|es|ed|ing)|relocat\w*|birth|d\.?o\.?b|dictated|typed|printed|letter\s+date|date\s+of\s+letter|sent|written|reviewed|updated|published|issued|valid|expires?|referral|referred)\b",
    re.I,
)
_LETTER_DATE_LABEL = re.compile(r"^\s*date\s*:", re.I)
_DATE_BEFORE_EXCLUDE = re.compile(r"\b(?:by|before|until|till|from|since|after|between|until|no\s+later\s+than)\s+(?:\w+day\s+)?$", re.I)


def date(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        if _NOT_APPT_DATE.search(u.text):
            return False
        if not u.after_salutation and _LETTER_DATE_LABEL.match(u.text):
            return False  # "Date: 2 October 2025" above "Dear ...": the letter's own date
        before, _ = _around(text, m, 25, 0)
        if _DATE_BEFORE_EXCLUDE.search(before):
            return False
        if u.kind in ("date",):
            # the letter's own date on a line of its own, unless under "When:" or "Your appointment"
            return bool(_DATE_LABEL.match(u.text) or _APPT.search(u.section))
        return bool(_DATE_LABEL.match(u.text) or _APPT.search(u.text) or _APPT.search(u.section))

    found = _first(ctx, P.DATE, ok)
    return found or _placeholder(ctx, r"date|tcidate|\bday\b|when", r"letter|birth|dob|today|print|sent|ref|typed|dictat|reply|return")


def time(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        before, after = _around(text, m, 12, 12)
        if P.TIME_BEFORE_EXCLUDE.search(before) or P.TIME_AFTER_EXCLUDE.match(after):
            return False
        if re.search(r"\b(?:open|opening|lines?\s+are|office\s+hours|helpline|available|cancel\w*|mov(?:e|es|ed|ing)|go(?:ing)?\s+home|leave|finish(?:es)?|discharged?|collect)\b", u.text, re.I):
            return False
        if re.search(r"\b(?:eat|drink|food|meal|fluids?|tablets?|medicines?)\b", u.text, re.I) and not _TIME_LABEL.match(u.text):
            return False  # "do not eat after 7am" is preparation, not the appointment time
        return True

    found = _first(ctx, P.TIME, ok)
    return found or _placeholder(ctx, r"time|tcitime|arriv", r"letter|print|sent|typed|travel")


def duration(ctx) -> Evidence | None:
    text = ctx.document.text

    def amount_ok(u: Unit, m: re.Match) -> bool:
        before, after = _around(text, m, 25, 25)
        if P.DURATION_AFTER_EXCLUDE.match(after) or P.DURATION_BEFORE_EXCLUDE.search(before):
            return False
        if P.DURATION_SENTENCE_EXCLUDE.search(u.text):
            return False
        return bool(re.search(r"\b(?:takes?|taking|lasts?|long|with\s+us|be\s+here|be\s+there|spend|stay|allow|expect|about|around|approximately|up\s+to|no\s+(?:longer|more)\s+than|between)\b", u.text, re.I))

    def phrase_ok(u: Unit, m: re.Match) -> bool:
        return not re.search(r"\b(?:eat|drink|fast|open)\b", u.text, re.I)

    return _first(ctx, P.DURATION_AMOUNT, amount_ok) or _first(ctx, P.DURATION_PHRASE, phrase_ok) or _placeholder(ctx, r"duration|length|how_?long")


def location(ctx) -> Evidence | None:
    text = ctx.document.text
    content = [u for u in _content(ctx) if not P.LOCATION_EXCLUDE.search(u.text)]

    def in_body(u: Unit, m: re.Match) -> bool:
        if u.kind in ("header", "footer", "signoff") or (u.kind == "address" and not u.after_salutation):
            return False  # the letterhead and the patient's own address
        return True

    def label_ok(u: Unit, m: re.Match) -> bool:
        return True

    found = _first(ctx, P.LOCATION_LABEL, label_ok, content)
    if found:
        return found
    found = _first(ctx, P.LOCATION, in_body, content)
    if found:
        return found
    found = _placeholder(
        ctx,
        r"clinic|location|address|site|venue|ward|hospital|place|dep(?:artmen)?t|where|room|building|centre|surgery|unit",
        r"patient|\bgp\b|gp_|trust|letter|sender|signator|nearest|station|phone|tel|email|web|url|name_of_patient|consultant|doctor",
    )
    if found:
        return found
    return _first(ctx, P.POSTCODE, in_body, content)


def contact(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        if P.PHONE_NOT_CONTACT.search(ctx.document.text, max(u.start, m.start() - 20), m.start()):
            return False
        transport = P.PHONE_TRANSPORT.search(u.text) or re.search(r"\btransport\b", u.section, re.I)
        if transport and not P.PHONE_FOR_APPOINTMENT.search(u.text):
            return False
        return True

    return _first(ctx, P.PHONE, ok) or _placeholder(ctx, r"phone|tel\b|tel_|telephone|contact_?number|helpline", r"patient|mobile_of|gp")


def parking(ctx) -> Evidence | None:
    text = ctx.document.text

    def ok(u: Unit, m: re.Match) -> bool:
        window = text[max(u.start, m.start() - 30) : m.end()]
        if P.PARKING_DIRECTION.search(window) and not re.search(r"\b(?:park\s+(?:in|at|on)|parking\s+(?:is|costs|spaces))\b", u.text, re.I):
            return False
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
    under = [
        u
        for u in _content(ctx)
        if re.search(r"\b(?:bring|take\s+with\s+you|what\s+you\s+need)\b", u.section, re.I)
        and not re.search(rf"\b(?:someone|{P.PERSON})\b", u.section, re.I)
        and not P.COMPANION.search(u.text)
    ]
    return _ev(under[0], under[0].start, under[0].end) if under else None


def companion(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        return not P.COMPANION_EXCLUDE.search(u.text)

    return _first(ctx, P.COMPANION, ok)


def interpreter(ctx) -> Evidence | None:
    return _first(ctx, P.INTERPRETER, lambda u, m: not re.search(r"\binterpret\s+(?:your|the)\s+results?\b", u.text, re.I))


def accessibility(ctx) -> Evidence | None:
    return _first(ctx, P.ACCESSIBILITY)


def preparation(ctx) -> Evidence | None:
    def ok(u: Unit, m: re.Match) -> bool:
        if P.PREPARATION_EXCLUDE.search(u.text):
            return False
        if re.search(r"\b(?:tak(?:e|ing)|use|using)\b", m.group(), re.I) and not re.search(
            r"\b(?:medicines?|medication|tablets?|pills?|insulin|inhalers?|laxatives?|antihistamines?|blood\s+thinners?|warfarin|drugs?)\b", u.text, re.I
        ):
            return False  # "take" on its own is not about medicines
        return True

    found = _first(ctx, P.PREPARATION, ok)
    if found:
        return found
    under = [u for u in _content(ctx) if re.search(r"\b(?:prepar\w+|getting\s+ready|before\s+(?:your|the)\s+(?:test|scan|appointment|procedure|operation))\b", u.section, re.I) and len(u.text.split()) >= 3]
    return _ev(under[0], under[0].start, under[0].end) if under else None


def alternative_formats(ctx) -> Evidence | None:
    return _first(ctx, P.FORMATS, lambda u, m: not P.FORMATS_EXCLUDE.search(u.text))


def asks_online(ctx):
    """The first sentence that asks people to act online or by QR code, or None."""
    text = ctx.document.text
    content = _content(ctx)
    for i, u in enumerate(content):
        m = P.ONLINE_ACTION.search(text, u.start, u.end)
        lead_in = content[i - 1].text if i and u.section == content[i - 1].section else ""
        if m and (P.ONLINE_VERB.search(u.text) or P.ONLINE_VERB.search(lead_in) or P.ONLINE_VERB.search(u.section)) and not re.search(r"\bmaps?\b|\bdirections\b|\bmore\s+information\b|\bfind\s+out\s+more\b|\bread\s+more\b", u.text, re.I):
            return u
    return None


def applies(ctx, detail: str) -> bool:
    """False for a detail that only matters in some documents and not in this one."""
    return detail != "digital_alternative" or asks_online(ctx) is not None


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
    "digital_alternative": digital_alternative,
}
DETAIL_IDS = tuple(DETECTORS)


def detect(ctx) -> dict[str, Evidence | None]:
    """Every detail's evidence (None when absent), computed once per document."""
    return ctx.memo("details", _detect)


def _detect(ctx) -> dict[str, Evidence | None]:
    found: dict[str, Evidence | None] = {}
    for name, fn in DETECTORS.items():
        found[name] = fn(ctx, found) if name == "digital_alternative" else fn(ctx)
    return found
