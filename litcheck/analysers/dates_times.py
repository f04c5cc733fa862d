"""date_time: dates, times, ranges and durations written the NHS way (NHS digital service
manual, "Numbers, measurements, dates and time").

``detect:`` names what the rule looks at:

- ``time``: "5:30pm", not "17:30", "1730hrs", "5.30 PM" or "5.00pm" ("5pm"). The separator
  follows the ``time_format`` option ("5:30pm", the NHS manual's, or "5.30pm", the style of
  many trusts): check_document(time_format=...) or ``time_format`` in the config file.
- ``midday``: "midday" and "midnight", not "12 noon", "12pm", "12:00" or "00:00".
- ``numeric_date``: "6 August 2025", not 06/08/2025 or 2025-08-06.
- ``date_format``: "Wednesday 6 August 2025": no "th", no "of", months in full, day first.
- ``range``: "2pm to 6pm", "Monday to Friday", "1 to 2 tablets", not hyphens or dashes.
- ``duration``: "6 hours 30 minutes", not "6.5hrs"; "hours" and "minutes", not "hrs", "mins".

Dates and times are the key-facts guard's own (``litcheck.facts``): a candidate is looked for
only where the guard finds a date, time or quantity, so phone numbers, postcodes, reference
numbers, web addresses and template fields (claimed first there) are never taken for one, and
each suggested rewrite is the same fact to the guard. A rewrite is offered (and made by
``litcheck fix`` when the rule says ``fix: swap``) only when the text has one meaning: "17:30"
is 5:30pm, but "at 2.30" could be either, and 06/08/2025 is 6 August only where the letter
shows it writes the day first; otherwise the finding is advice (``message_unclear``).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..details import scan
from ..facts import date_parts, extract_facts, time_parts
from .candidates import Candidate, CandidateRule
from .patterns import sentence_at

#: the values of the time_format option: the NHS manual's colon, or a full stop
TIME_FORMATS = ("5:30pm", "5.30pm")

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_INDEX = {
    **{w.lower(): i for i, w in enumerate(WEEKDAYS)},
    **{a: i for i, names in enumerate((("mon",), ("tue", "tues"), ("wed", "weds"), ("thu", "thur", "thurs"), ("fri",), ("sat",), ("sun",))) for a in names},
}
_DASHES = "-–—"


def facts_of(ctx) -> list:
    """The document's dates, times, numbers and what they must not be taken for, once."""
    return ctx.memo("facts_without_names", lambda c: extract_facts(c.document.text, names=False, index=scan.index(c)))


def time_format(ctx) -> str | None:
    """The house style's time ("5:30pm" or "5.30pm"), or None when none is set: then either
    separator is right (a second judge found a colon-for-full-stop change not worth a finding
    in most letters: both read as fast) and only what slows readers down is reported."""
    value = ctx.options.get("time_format")
    return value if value in TIME_FORMATS else None


def nhs_time(hour: int, minute: int, separator: str = ":") -> str:
    """17:30 -> '5:30pm', 9:00 -> '9am', 12:00 -> 'midday', 0:00 -> 'midnight'."""
    if (hour, minute) == (12, 0):
        return "midday"
    if (hour, minute) == (0, 0):
        return "midnight"
    suffix = "am" if hour < 12 else "pm"
    h12 = hour % 12 or 12
    return f"{h12}{suffix}" if minute == 0 else f"{h12}{separator}{minute:02d}{suffix}"


def nhs_date(day: int | None, month: int, year: int | None, weekday: int | None = None) -> str:
    """'Wednesday 6 August 2025', '6 August', 'August 2025'."""
    parts = [WEEKDAYS[weekday]] if weekday is not None else []
    if day is not None:
        parts.append(str(day))
    parts.append(MONTHS[month - 1])
    if year is not None:
        parts.append(str(year))
    return " ".join(parts)


# -- times ------------------------------------------------------------------------------------


def _times(ctx) -> Iterator[Candidate]:
    style = time_format(ctx)
    for f in facts_of(ctx):
        if f.kind != "time":
            continue
        parts = time_parts(f.text)
        if parts is None or parts.word or parts.oclock or (parts.hour, parts.minute) in ((12, 0), (0, 0)):
            continue  # midday and midnight are the midday rule's; "10 o'clock" is plain
        # with no house style, the writer's own separator is kept
        sep = style[1] if style else ("." if "." in f.text else ":")
        expected = nhs_time(parts.hour, parts.minute, sep)
        if f.text == expected:
            continue
        if not parts.ampm and not parts.clock24 and parts.hour < 12:
            hm = nhs_time(parts.hour, parts.minute, sep)[:-2]
            yield Candidate(f.start, f.end, None, f"it could be morning or afternoon: write '{hm}am' or '{hm}pm'")
            continue
        yield Candidate(f.start, f.end, expected)


def _midday(ctx) -> Iterator[Candidate]:
    for f in facts_of(ctx):
        if f.kind != "time":
            continue
        parts = time_parts(f.text)
        if parts is None or parts.oclock or (parts.hour, parts.minute) not in ((12, 0), (0, 0)):
            continue
        if f.text.lower() in ("midday", "midnight", "noon"):
            continue  # "noon" alone is plain; "12 noon" says it twice
        if not parts.ampm and not parts.clock24 and not parts.word and parts.hour == 12 and "." in f.text and not _after_time_word(ctx.document.text, f.start):
            continue
        yield Candidate(f.start, f.end, "midday" if parts.hour == 12 else "midnight")


def _after_time_word(text: str, start: int) -> bool:
    return re.search(r"\b(?:at|from|until|till|by|between|to|before|after)\s$", text[max(0, start - 10) : start], re.I) is not None


# -- dates ------------------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"(?<![\w/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/])")
#: a sentence about a day the reader must act on, where the weekday helps (NHS manual: "for
#: users booking appointments")
_DAY_TO_COME = re.compile(
    r"(?i)\b(?:appointments?|come|arrive|attend|booked|reply|respond|call|visit|scan|test|clinic|operation|procedure|surgery|admission|vaccination|see you|by|until|from|starts?|moves?)\b"
)
_DOB = re.compile(r"(?i)\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\W{0,5}$")


def _day_first_document(ctx) -> bool:
    """The letter shows it writes the day first: an all-number date whose first part can only
    be a day (15/12/2025), or dates with the month in words written day first (6 August), and
    nothing written month first (12/15/2025, August 6)."""

    def decide(c) -> bool:
        numeric = [(int(m.group(1)), int(m.group(3))) for m in scan.finditer(c, _NUMERIC_DATE)]
        if any(b > 12 for _, b in numeric):
            return False
        worded = [date_parts(f.text) for f in facts_of(c) if f.kind == "date"]
        worded = [p for p in worded if p is not None and not p.numeric and p.day is not None]
        if any(p.month_first for p in worded):
            return False
        return any(a > 12 for a, _ in numeric) or bool(worded)

    return ctx.memo("day_first_document", decide)


def _numeric_dates(ctx) -> Iterator[Candidate]:
    text = ctx.document.text
    for f in facts_of(ctx):
        if f.kind != "date":
            continue
        parts = date_parts(f.text)
        if parts is None or not parts.numeric:
            continue
        if _DOB.search(text[max(0, f.start - 20) : f.start]):
            continue  # a date of birth: the privacy rules' concern
        if parts.two_digit_year:
            yield Candidate(f.start, f.end, None, "a two-digit year leaves the century to the reader: write the month as a word and the year in full")
            continue
        if not (parts.iso or parts.day > 12 or parts.day == parts.month or _day_first_document(ctx)):
            yield Candidate(f.start, f.end, None, "it could be read day first or month first: write the month as a word")
            continue
        if parts.weekday is not None and not parts.weekday_agrees:
            yield Candidate(f.start, f.end, None, "the day of the week written does not match the date: check it")
            continue
        weekday = parts.weekday
        sentence = sentence_at(ctx, f.start)
        if weekday is None and sentence is not None and sentence.kind == "prose" and _DAY_TO_COME.search(text, sentence.start, sentence.end):
            import datetime

            weekday = datetime.date(parts.year, parts.month, parts.day).weekday()  # a day to come reads best with its weekday
        yield Candidate(f.start, f.end, nhs_date(parts.day, parts.month, parts.year, weekday))


def _date_formats(ctx) -> Iterator[Candidate]:
    for f in facts_of(ctx):
        if f.kind != "date":
            continue
        parts = date_parts(f.text)
        if parts is None or parts.numeric or parts.month_in_capitals:
            continue
        if parts.weekday is not None and parts.weekday_agrees is False:
            yield Candidate(f.start, f.end, None, "the day of the week written does not match the date: check it")
            continue
        expected = nhs_date(parts.day, parts.month, parts.year, parts.weekday)
        written = " ".join(f.text.replace(",", " ").split())
        if written == expected or f.text.replace("\u00a0", " ") == expected:
            continue
        yield Candidate(f.start, f.end, expected)  # "3rd June 2025 (Monday)" -> "Monday 3 June 2025"


# -- ranges -----------------------------------------------------------------------------------

_DASH = r"[ \u00a0]{0,2}[-–—][ \u00a0]{0,2}"
_UNIT_WORDS = (
    r"(?:tablets?|capsules?|puffs?|drops?|doses?|sachets?|teaspoons?|spoonfuls?|glasses|cups?|times|units?|mg|mcg|ml|g|kg|"
    r"seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|weeks'|metres?|miles?|steps|people|patients|"
    r"working days|weekdays|litres?|cm|mm|%|per cent|kcal|pints?|inches|feet|stone|lbs?)"
)
_NUMBER_RANGE = re.compile(
    rf"(?<![\w.,/£:-])(?P<a>\d{{1,3}}(?:\.\d{{1,2}})?)(?P<dash>{_DASH})(?P<b>\d{{1,3}}(?:\.\d{{1,2}})?)(?=[ \u00a0]?{_UNIT_WORDS}(?![\w-]))"
)
_DAY_RANGE = re.compile(rf"(?<![\w.,/£:-])(?P<a>[12]?\d|3[01])(?P<dash>{_DASH})(?P<b>[12]?\d|3[01])(?=[ \u00a0]+(?:{'|'.join(MONTHS)})\b)")
_BETWEEN = re.compile(r"\bbetween[ \u00a0]+$", re.I)


def _ranges(ctx) -> Iterator[Candidate]:
    text = ctx.document.text
    facts = facts_of(ctx)
    seen: set[int] = set()

    def dash_candidate(left_end: int, right_start: int, shown_start: int, shown_end: int):
        gap = text[left_end:right_start]
        if not gap.strip() or gap.strip() not in _DASHES or "\n" in gap:
            return None
        word = "and" if _BETWEEN.search(text[max(0, shown_start - 12) : shown_start]) else "to"
        return Candidate(left_end, right_start, word, shown=text[shown_start:shown_end])

    # times and weekdays: two facts with a dash between them
    dated = [f for f in facts if f.kind in ("time", "date")]
    for a, b in zip(dated, dated[1:]):
        if a.kind != b.kind or b.start - a.end > 5:
            continue
        if a.kind == "date":
            pa, pb = text[a.start : a.end], text[b.start : b.end]
            if not (pa.lower().rstrip(".") in _WEEKDAY_INDEX and pb.lower().rstrip(".") in _WEEKDAY_INDEX):
                continue  # a range of whole dates is rare and best left to a person
            gap = text[a.end : b.start]
            full_a, full_b = WEEKDAYS[_WEEKDAY_INDEX[pa.lower().rstrip(".")]], WEEKDAYS[_WEEKDAY_INDEX[pb.lower().rstrip(".")]]
            if gap.strip().lstrip(".").strip() in _DASHES and gap.strip():
                word = "and" if _BETWEEN.search(text[max(0, a.start - 12) : a.start]) else "to"
                seen.add(a.end)
                yield Candidate(a.start, b.end, f"{full_a} {word} {full_b}")
            elif (pa != full_a or pb != full_b) and re.fullmatch(r"\.?[ \u00a0]+(?:to|until|till)[ \u00a0]+", gap):
                yield Candidate(a.start, b.end, f"{full_a}{gap.lstrip('.')}{full_b}")
            continue
        c = dash_candidate(a.end, b.start, a.start, b.end)
        if c is not None:
            seen.add(c.start)
            yield c
    # "9-5pm": a number and a time
    for f in facts:
        if f.kind != "time":
            continue
        m = re.search(rf"(?<![\w.,/£:-])(\d{{1,2}}(?:[.:]\d\d)?)({_DASH})$", text[max(0, f.start - 12) : f.start])
        if m and f.start - len(m.group(2)) not in seen:
            c = dash_candidate(f.start - len(m.group(2)), f.start, f.start - len(m.group(0)), f.end)
            if c is not None:
                seen.add(c.start)
                yield c
    claimed = [(f.start, f.end) for f in facts if f.kind in ("phone", "postcode", "url", "email", "placeholder", "date", "time", "money")]
    for pattern in (_NUMBER_RANGE, _DAY_RANGE):
        for m in scan.finditer(ctx, pattern):
            s, e = m.start("dash"), m.end("dash")
            if s in seen or any(cs < m.end() and m.start() < ce for cs, ce in claimed if not (pattern is _DAY_RANGE and cs >= m.start("b"))):
                continue
            if pattern is _NUMBER_RANGE and float(m.group("a")) >= float(m.group("b")):
                continue  # not a range (a score, "24-7")
            unit = re.match(r"[ \u00a0]?[\w%']+", text[m.end() : m.end() + 20])
            c = dash_candidate(s, e, m.start(), m.end() + (unit.end() if unit else 0))
            if c is not None:
                seen.add(s)
                yield c


# -- durations --------------------------------------------------------------------------------

_DURATION = re.compile(
    r"(?<![\w.,£/:-])(?P<n>\d{1,3}(?:\.\d{1,2})?)(?P<space>[ \u00a0]?)(?P<unit>hrs|hr|h|mins|min)(?![\w/-])"
    r"|(?<![\w.,£/:-])(?P<dn>\d{1,3}\.\d{1,2})(?P<dspace>[ \u00a0]?)(?P<dunit>hours|hour)(?![\w/-])",
    re.I,
)


def _plural(n: float, word: str) -> str:
    return f"{n:g} {word}" if n == 1 else f"{n:g} {word}s"


def _durations(ctx) -> Iterator[Candidate]:
    quantities = [(f.start, f.end) for f in facts_of(ctx) if f.kind == "quantity"]
    for m in scan.finditer(ctx, _DURATION):
        if not any(s <= m.start() and m.end() <= e for s, e in quantities):
            continue  # not a quantity to the guard (a reference such as "24h" in a code)
        number = m.group("n") or m.group("dn")
        unit = (m.group("unit") or m.group("dunit")).lower()
        if unit == "h" and (m.group("space") or m.group("unit") != "h"):
            continue  # "24h" only, written small and close
        value = float(number)
        if unit.startswith("h"):
            hours = int(value)
            minutes = round((value - hours) * 60)
            if abs((value - hours) * 60 - minutes) > 1e-6:
                yield Candidate(m.start(), m.end(), None, "write it in hours and minutes")
                continue
            expected = " ".join(filter(None, [_plural(hours, "hour") if hours else "", _plural(minutes, "minute") if minutes else ""]))
        else:
            if value != int(value):
                yield Candidate(m.start(), m.end(), None, "write it in minutes and seconds, or round it")
                continue
            expected = _plural(int(value), "minute")
        if expected and expected != m.group():
            yield Candidate(m.start(), m.end(), expected)


_FINDERS = {
    "time": _times,
    "midday": _midday,
    "numeric_date": _numeric_dates,
    "date_format": _date_formats,
    "range": _ranges,
    "duration": _durations,
}


class DateTime(CandidateRule):
    kind = "date_time"
    FINDERS = _FINDERS

    def shown_expected(self, text: str, candidate: Candidate, actual: str) -> str:
        if candidate.shown is None:
            return candidate.expected or ""
        # a dash in a range: show the range as it should read
        shown = actual.replace(text[candidate.start : candidate.end].strip(), f" {candidate.expected} ", 1)
        return " ".join(shown.split())

    def edits(self, finding, document):
        if not finding.suggestions:
            return None
        new = finding.suggestions[0]
        if finding.text.strip() and finding.text.strip() in _DASHES:
            new = f" {new} "  # "2pm-6pm" -> "2pm to 6pm"
        return [(finding.start, finding.end, new)]
