"""Key facts in a patient letter, and a guard that a rewrite kept every one of them.

A revised draft must never change what the patient has to act on: the date and time, the
phone number, the place, the dose, the template fields. This module finds those *key facts*
in a text and compares two versions of a text (litcheck's own ``fix`` output, a person's edit,
a chatbot's rewrite)::

    >>> compare_facts("Come to Cardiology Clinic 4 at 10am.",
    ...               "Come to Heart department Clinic 4 at 10am.")[0].status
    'changed'
    >>> guard("We will commence at 10:00am.", "We will start at 10am.")
    True

Fact kinds (``Fact.kind``) and how their ``value`` is normalised, so that the same fact written
another way compares equal:

``date``
    UK dates: "3 June 2025", "3rd June", "Monday 3 June", "3 June 2025 (Monday)", "03/06/2025",
    "3.6.25", "2025-06-03", "June 2025", and bare weekdays ("Monday to Friday"). The value holds
    the parts present, ``?`` for a missing part: "2025-06-03", "?-06-03", "2025-06-?". A weekday is
    kept in the value ("mon ?-06-03") unless the year is given and the weekday agrees with it (then
    it adds nothing); a weekday that contradicts the year is kept with a "!" ("tue! 2025-06-03").
``time``
    "10am", "10.30am", "10:30", "14:30", "1730hrs", "17.30 hours", "midday", "noon", "12 noon",
    "midnight", "10 o'clock", and "2.30" after at/from/until/by/between/to/before/after. Value
    "HH:MM" on a 24-hour clock: "10am" == "10:00am" == "10.00am" == "10:00"; "5:30pm" == "17:30" ==
    "1730hrs"; "midday" == "12pm" == "12 noon". A 12-hour time without am/pm is taken as written
    ("2:30" is "02:30", so it does not equal "2:30pm").
``phone``
    UK numbers found by ``phonenumbers.PhoneNumberMatcher`` (region GB, leniency VALID), the
    services 111, 999 and 119 (119 only after call/phone/ring/dial/text/contact/NHS), and Relay UK
    prefixes ("18001 0113 496 0000"). Value E.164 ("+441134960000"); a Relay prefix is kept
    ("18001 +441134960000").
``email``
    Value lower-cased.
``url``
    "https://...", "www...." and bare addresses on common endings ("nhs.uk/conditions"). Value
    without the scheme, "www." or a final "/", host lower-cased (so "https://www.nhs.uk/" ==
    "nhs.uk").
``postcode``
    UK postcodes in capitals ("LS1 3EX"). Value upper-case with one space.
``money``
    "£7.40", "£1,000", "£5 million", "50p", "50 pence". Value in pence ("740").
``quantity``
    A number with a unit: doses and counts ("2 tablets", "500mg", "5ml", "4 puffs", "3 times",
    "twice"), durations ("6 hours", "15 minutes", "2 weeks", "half an hour", "1 hour 30 minutes"),
    measures ("2 miles", "100 metres", "30kg/m²", "38C", "14.3%"). Value "number unit" with the
    unit singular and canonical ("2 tablet", "500 mg"). Number words are numerals: "two tablets"
    == "2 tablets". Hours and minutes are counted in minutes, so "1.5 hours" == "90 minutes" ==
    "1 hour 30 minutes" ("90 min"). Ranges keep both ends: "1 to 2 tablets" == "1-2 tablets"
    ("1-2 tablet").
``number``
    Any other numeral: "Clinic 4", "Ward 12", a reference number, "1st". Value the digits without
    thousands commas or an ordinal ending ("1,000" -> "1000", "3rd" -> "3").
``name``
    Proper names and signs: capitalised words inside a sentence ("Renal Outpatients", "Main
    Entrance"), capitalised sequences that begin a sentence when they are more than one word and
    look like a name ("Cardiology Clinic 4", "Royal Free Hospital": an uncommon word, a place word
    such as Hospital, Clinic or Ward, or a number), a title and surname ("Dr Patel", "Nurse
    Jones"), job titles written with capitals ("Clinical Nurse Specialist") and words in capitals
    that are acronyms or signs ("NHS", "A&E", "CARDIOLOGY"). A single capitalised word that starts
    a sentence is not a name, nor is a Title Case heading made of common words ("Your
    Appointment Details"), nor block capitals made of common words ("PLEASE NOTE"). Value
    case-folded, with dots dropped and spaces collapsed ("Dr. Patel" == "DR PATEL"), so that
    block capitals turned to sentence case stay the same name.
``placeholder``
    Template fields: ``«Name»``, ``{{ date }}``, ``{% if x %}``, ``{d.field}``, ``((visit_date))``,
    ``[Date]``, ``[patient name]``, ``==location==``, ``$name``, ``<<field>>``. Value the text with
    spaces inside the brackets collapsed ("{{ date }}" == "{{date}}"); case is kept. Any square
    bracketed text of up to 80 characters that is not a Markdown link or a citation counts, so a
    bracketed aside ("[see below]") is treated as a field too.

Facts never overlap, except that a name may contain a number ("Clinic 4" is a name and a
number). Every pattern has bounded repetitions or a guard against restarting inside a run, so
extraction is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .textpatterns import LazyPatterns

__all__ = ["Fact", "FactChange", "extract_facts", "compare_facts", "guard", "KINDS", "ADDED_KINDS", "DateParts", "date_parts", "TimeParts", "time_parts"]

#: the module's patterns are compiled on first use (importing litcheck costs none of them)
_lazy = LazyPatterns(globals())

KINDS = ("placeholder", "email", "url", "phone", "postcode", "date", "time", "money", "quantity", "number", "name")
#: Kinds for which a fact that appears only in the revision is reported as "added".
ADDED_KINDS = frozenset({"phone", "date", "time", "money", "quantity", "number"})


@dataclass(frozen=True)
class Fact:
    """One key fact found in a text.

    kind: one of ``KINDS`` (date, time, phone, email, url, postcode, money, quantity, number,
        name, placeholder).
    text: the fact exactly as written, ``text == source[start:end]``.
    value: the fact normalised so that the same fact written another way compares equal (see
        the module docstring for each kind).
    start, end: 0-based character offsets of the fact in the text it was found in.
    """

    kind: str
    text: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class FactChange:
    """A difference in the key facts of two versions of a text.

    kind: the kind of fact.
    status: ``"lost"`` (a fact of ``before`` is nowhere in ``after``), ``"changed"`` (the same
        place in ``after`` now says something else: ``after`` holds what it says) or
        ``"added"`` (a phone, date, time, money, quantity or number fact that is in ``after`` and
        not in ``before``; an invented fact is as dangerous as a lost one).
    before: the fact in ``before``; None when the status is ``"added"``.
    after: the fact in ``after`` for ``"changed"`` and ``"added"``; None for ``"lost"``. For a
        changed name it may be the whole stretch of text that replaced the name ("Heart
        department Clinic 4" for "Cardiology Clinic 4").
    """

    kind: str
    status: str
    before: Fact | None
    after: Fact | None


# --------------------------------------------------------------------------- vocabulary

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_NUMWORD = (
    rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS_WORDS}))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|ten|zero|{_UNITS_WORDS})"
)

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
_WD_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# unit spelling -> canonical unit (and a factor for durations counted in minutes)
_UNIT_TABLE = {
    # doses and counts
    "mg": "mg", "milligram": "mg", "milligrams": "mg", "milligramme": "mg", "milligrammes": "mg",
    "mcg": "mcg", "µg": "mcg", "micrograms": "mcg", "microgram": "mcg",
    "g": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "kg/m²": "kg/m2", "kg/m2": "kg/m2",
    "ml": "ml", "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml",
    "l": "l", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
    "mmol/l": "mmol/l", "mmol/mol": "mmol/mol", "mmol": "mmol", "iu": "iu",
    "unit": "unit", "units": "unit",
    "tablet": "tablet", "tablets": "tablet", "capsule": "capsule", "capsules": "capsule",
    "pill": "pill", "pills": "pill", "dose": "dose", "doses": "dose", "puff": "puff", "puffs": "puff",
    "drop": "drop", "drops": "drop", "sachet": "sachet", "sachets": "sachet",
    "spoonful": "spoonful", "spoonfuls": "spoonful", "teaspoon": "teaspoon", "teaspoons": "teaspoon",
    "tsp": "teaspoon", "tablespoon": "tablespoon", "tablespoons": "tablespoon",
    "injection": "injection", "injections": "injection", "patch": "patch", "patches": "patch",
    "glass": "glass", "glasses": "glass", "cup": "cup", "cups": "cup", "bottle": "bottle",
    "bottles": "bottle", "times": "times",
    # durations
    "second": "s", "seconds": "s", "sec": "s", "secs": "s",
    "minute": "min", "minutes": "min", "min": "min", "mins": "min",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "night": "night", "nights": "night",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "month": "month", "months": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
    # measures
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "m": "m", "km": "km", "kilometre": "km", "kilometres": "km", "cm": "cm", "centimetre": "cm",
    "centimetres": "cm", "mm": "mm", "millimetre": "mm", "millimetres": "mm",
    "foot": "ft", "feet": "ft", "ft": "ft", "yard": "yard", "yards": "yard", "inch": "inch",
    "inches": "inch", "stone": "stone", "lb": "lb", "lbs": "lb",
    "%": "%", "per cent": "%", "percent": "%",
    "°c": "°c", "c": "°c", "degrees": "°c", "degree": "°c",
    "step": "step", "steps": "step", "floor": "floor", "floors": "floor",
}
_UNIT_ALT = "|".join(
    re.escape(u).replace(r"\ ", r"[ \u00a0]") for u in sorted(_UNIT_TABLE, key=len, reverse=True)
)

# --------------------------------------------------------------------------- patterns
# Every pattern either has bounded repetitions or refuses to start inside a run it could
# restart in (a look-behind on the same characters), so finditer stays linear.

_PLACEHOLDER_RE = _lazy(
    r"«[^«»\n]{1,80}»"
    r"|\{\{[^{}\n]{1,80}\}\}"
    r"|\{%[^%\n]{1,200}%\}"
    r"|\{#[^#\n]{1,200}#\}"
    r"|\{[A-Za-z_$][\w.$ \-]{0,60}\}"
    r"|\(\([^()\n]{1,80}\)\)"
    r"|<<[^<>\n]{1,80}>>"
    r"|==[^=\n]{1,80}=="
    r"|\[(?=[^\[\]\n]{0,80}[^\W\d_])[^\[\]\n]{1,80}\](?![(\[])"
    r"|(?<![\w$£])\$[A-Za-z_][A-Za-z0-9_]{0,60}"
)
_EMAIL_RE = _lazy(
    r"(?<![\w.+%-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}(?![\w-])"
)
_URL_RE = _lazy(
    r"(?<![\w.@/-])(?:(?:https?://|www\.)[^\s<>\"'\[\]{}«»]{1,500}"
    r"|(?:[A-Za-z0-9-]{1,63}\.){1,6}(?:uk|com|org|net|info|scot|wales|eu|io|gov|nhs)"
    r"(?:/[^\s<>\"'\[\]{}«»]{0,400})?(?![\w-]))",
    re.IGNORECASE,
)
_POSTCODE_RE = _lazy(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[ \u00a0]?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])"
)
_PHONE_CAND_RE = _lazy(
    r"(?<![\d+])(?:\+44[ \u00a0]?(?:\(0\)[ \u00a0]?)?|\(0|0)[ \u00a0\-]?[1235789](?:[ \u00a0\-)]{0,2}\(?\d){8,9}(?!\d)"
)
_SERVICE_RE = _lazy(r"(?<![\w.,£$/:+-])(111|999|119)(?![\w/:£]|[.,]\d)")
_SERVICE_CONTEXT_RE = _lazy(r"(?:call|phone|ring|dial|text|contact|nhs|or|on)\W{1,3}$", re.IGNORECASE)
_RELAY_RE = _lazy(r"(?:18001|18002)[ \u00a0]{0,2}$")

_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_NAMES = "January February March April May June July August September October November December".split()
_MONTH_ABBR = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
_WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_ABBR = "Mon Tues Tue Wed Thurs Thur Thu Fri Sat Sun".split()


def _title_or_caps(words: list[str]) -> str:
    return "|".join(w for word in words for w in (word, word.upper()))


# Month and weekday names in Title case or capitals (dates are matched case-sensitively)
_MONTH = rf"(?:{_title_or_caps(_MONTH_NAMES)}|(?:{_title_or_caps(_MONTH_ABBR)})\.?)"
_WEEKDAY = rf"(?:{_title_or_caps(_WEEKDAY_NAMES)}|(?:{_title_or_caps(_WEEKDAY_ABBR)})\.?)"
_DATE_RE = _lazy(
    # fails at once inside a word or on a character no date starts with
    r"(?<!\w)(?=[\dMTWFSJAOND])(?:"
    # Monday 3rd of June 2025 (Monday)
    rf"(?<![\w£/.])(?:(?=[MTWFS])(?P<wd1>{_WEEKDAY}),?[ \u00a0]+)?(?P<d1>{_DAYNUM})(?:[ \u00a0]+of)?[ \u00a0]+"
    rf"(?=[JFMASOND])(?P<m1>{_MONTH})(?![A-Za-z])(?:,?[ \u00a0]+(?P<y1>(?:19|20)\d\d)(?!\d))?(?:[ \u00a0]?\([ \u00a0]?(?P<wd1b>{_WEEKDAY})[ \u00a0]?\))?"
    # Monday, June 3rd, 2025 / June 2025
    rf"|(?<![\w£/.])(?:(?=[MTWFS])(?P<wd2>{_WEEKDAY}),?[ \u00a0]+)?(?=[JFMASOND])(?P<m2>{_MONTH})[ \u00a0]+(?:(?P<y2>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<d2>{_DAYNUM})(?![\d:.]\d|\d|[ \u00a0]?(?:am|pm|a\.m|p\.m)\b)(?:,?[ \u00a0]+(?P<y2b>(?:19|20)\d\d)(?!\d))?)"
    # (Monday) 03/06/2025, 3.6.25, 3-6-2025
    rf"|(?<![\w/.,:-])(?:(?=[MTWFS])(?P<wd3>{_WEEKDAY}),?[ \u00a0]+)?(?P<d3>[12]\d|3[01]|0?[1-9])(?P<sep>[/.-])(?P<m3>1[0-2]|0?[1-9])(?P=sep)(?P<y3>(?:19|20)\d\d|\d\d)(?![\w/]|[.,:-]\d)"
    # (Monday) 2025-06-03
    rf"|(?<![\w/.-])(?:(?=[MTWFS])(?P<wd4>{_WEEKDAY}),?[ \u00a0]+)?(?P<y4>(?:19|20)\d\d)-(?P<m4>1[0-2]|0[1-9])-(?P<d4>[12]\d|3[01]|0[1-9])(?![\w/-])"
    r")",
)
_BARE_WEEKDAY_RE = _lazy(rf"\b(?:{_title_or_caps(_WEEKDAY_NAMES)})(?:s|S)?\b")
# "Mon-Fri", "Mon to Thurs", "Monday - Fri": short weekdays are days only in such a range
_ANY_WEEKDAY = rf"(?:{_title_or_caps(_WEEKDAY_NAMES)}|{_title_or_caps(_WEEKDAY_ABBR)})"
_WEEKDAY_RANGE_RE = _lazy(
    rf"\b(?=[MTWFS])(?<![\w-])(?P<a>{_ANY_WEEKDAY})\.?(?:[ \u00a0]{{0,2}}(?:-|–|—)[ \u00a0]{{0,2}}|[ \u00a0]{{1,2}}(?:to|until|till)[ \u00a0]{{1,2}})"
    rf"(?P<b>{_ANY_WEEKDAY})(?![\w-])"
)
# number words standing alone ("two missed appointments"), not in a compound ("two-thirds")
_NUMBER_WORD_RE = _lazy(rf"\b(?=[efnostwzEFNOSTWZ])(?<![\w'’-])(?:{_NUMWORD})(?![\w'’-])", re.IGNORECASE)

_AMPM = r"(?P<ampm>[ap]\.[ \u00a0]?m\.|[ap][ \u00a0]?m)(?![a-z])"
_TIME_PREP = "|".join(f"(?<=\\b{w} )" for w in "at from until till til by between and to before after".split())
_TIME_RE = _lazy(
    # fails at once inside a word or on a character no time starts with
    r"(?<!\w)(?=[\dmnMN])(?:"
    rf"(?<![\w.:£,])(?P<h1>1[0-2]|0?[0-9])(?:[:.](?P<m1>[0-5]\d))?[ \u00a0]?{_AMPM}"
    r"|(?<![\w.:£,])(?P<h2>[01]\d|2[0-3])[.:]?(?P<m2>[0-5]\d)[ \u00a0]?(?:hrs|hours|hr|h)(?![a-z])"
    r"|(?<![\w.:£,/])(?P<h3>[01]?\d|2[0-3]):(?P<m3>[0-5]\d)(?![\d:]|\.\d)(?:[ \u00a0]?(?:hrs|hours|h)(?![a-z]))?"
    r"|(?<![\w])(?:(?P<noon12>12[ \u00a0]?)?(?P<noon>midday|noon)|(?:12[ \u00a0]?)?(?P<midnight>midnight))(?![a-z])"
    r"|(?<![\w.])(?P<h5>1[0-2]|[1-9])[ \u00a0]?o['’][ \u00a0]?clock"
    rf"|(?:{_TIME_PREP})(?P<h4>1[0-2]|0?[1-9]|2[0-3])\.(?P<m4>[0-5]\d)(?![\d.]\d|\d|[ \u00a0]?(?:%|per|[ap]\.?[ \u00a0]?m\b))"
    r")",
    re.IGNORECASE,
)

_MONEY_RE = _lazy(
    r"(?<!\w)(?=[£\d])(?:"  # fails at once inside a word or on a character money cannot start with
    r"£[ \u00a0]?(?P<pounds>\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(?P<pence>\d{1,2}))?(?!\d)"
    r"(?:[ \u00a0]?(?P<mult>million|billion|bn|m|k)(?![a-z]))?"
    r"|(?<![\w.,£])(?P<p>\d{1,3})(?:[ \u00a0]?p(?![\w.])|[ \u00a0]pence(?!\w))"
    r")",
    re.IGNORECASE,
)

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.\d{1,4})?"
_QNUM = rf"(?:{_NUM}|{_NUMWORD}|½|a[ \u00a0]half)"
_QUANTITY_RE = _lazy(
    # fails at once inside a word or on a character no quantity starts with
    r"(?<!\w)(?=[\d½zotfsenhaqwZOTFSENHAQW])(?:"
    # 1 hour 30 minutes, 2 hours and 15 minutes
    rf"(?<![\w.,£/-])(?P<ch>{_QNUM})[ \u00a0]?(?:hours?|hrs?|h)(?:,?[ \u00a0]+and)?[ \u00a0]+(?P<cm>{_QNUM})[ \u00a0]?(?:minutes?|mins?)(?!\w)"
    r"|(?<!\w)(?P<halfhour>half[ \u00a0]an[ \u00a0]hour|an[ \u00a0]hour[ \u00a0]and[ \u00a0]a[ \u00a0]half|quarter[ \u00a0]of[ \u00a0]an[ \u00a0]hour)(?!\w)"
    r"|(?<!\w)(?P<twice>twice|once(?=[ \u00a0]+(?:(?:a|an|per|every)[ \u00a0]+(?:day|week|month|year|night|fortnight)|daily|weekly|monthly)\b))(?!\w)"
    rf"|(?<![\w.,£/-])(?P<n1>{_QNUM})(?:[ \u00a0]?(?:-|–|—|to)[ \u00a0]?(?P<n2>{_QNUM}))?(?:[ \u00a0]|-|(?<=\d))(?=[A-Za-z%°µ])(?:and[ \u00a0]a[ \u00a0]half[ \u00a0])?"
    rf"(?P<unit>{_UNIT_ALT})(?![\w²/])"
    r")",
    re.IGNORECASE,
)
_NUMBER_RE = _lazy(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:st|nd|rd|th|[A-Za-z](?![A-Za-z]))?(?![\w])")

# --------------------------------------------------------------------------- helpers


def _num_value(s: str) -> float:
    """The number a numeral or number word stands for."""
    t = s.lower().replace(",", "").replace("\u00a0", " ").strip()
    if t in ("½", "a half"):
        return 0.5
    try:
        return float(t)
    except ValueError:
        pass
    total = 0
    for part in re.split(r"[- ]", t):
        total += _NUMBER_WORDS.get(part, 0)
    return float(total)


def _fmt(x: float) -> str:
    """A number without a needless decimal part: 2.0 -> "2", 2.50 -> "2.5"."""
    if x == int(x):
        return str(int(x))
    return f"{x:.6f}".rstrip("0").rstrip(".")


def _date_value(d: int | None, m: int | None, y: int | None, wd: int | None) -> str:
    core = f"{y if y else '?'}-{m:02d}-{f'{d:02d}' if d else '?'}"
    if wd is None:
        return core
    if y and d:
        try:
            actual = datetime.date(y, m, d).weekday()
        except ValueError:
            actual = None
        if actual == wd:
            return core
        return f"{_WD_SHORT[wd]}! {core}"
    return f"{_WD_SHORT[wd]} {core}"


def _weekday(s: str | None) -> int | None:
    if not s:
        return None
    return _WEEKDAYS.get(s.lower().rstrip("."))


def _daynum(s: str) -> int:
    return int(re.match(r"\d+", s).group())


@dataclass(frozen=True)
class DateParts:
    """How a date fact is written, for the date style rules (``date_parts``)."""

    day: int | None
    month: int
    year: int | None  #: four digits (a two-digit year is taken as 20xx, see two_digit_year)
    weekday: int | None  #: 0 = Monday, as written (None: not written)
    numeric: bool  #: all numbers: 03/06/2025, 3.6.25, 2025-06-03
    iso: bool  #: 2025-06-03
    two_digit_year: bool
    ordinal: bool  #: "3rd", "22nd"
    month_abbreviated: bool  #: "Aug", "Sept."
    month_first: bool  #: "June 3", "June 3rd, 2025"
    month_in_capitals: bool  #: "3 JUNE 2025"

    @property
    def weekday_agrees(self) -> bool | None:
        """Whether the weekday written is the date's (None: no weekday, or no year to tell)."""
        if self.weekday is None or self.year is None or self.day is None:
            return None
        try:
            return datetime.date(self.year, self.month, self.day).weekday() == self.weekday
        except ValueError:
            return None


def date_parts(text: str) -> DateParts | None:
    """The parts of a date written as ``text`` (the text of a ``date`` fact), or None when
    ``text`` is not one whole date."""
    m = _DATE_RE.fullmatch(text)
    if m is None or _date_fact(m) is None:
        return None
    g = m.groupdict()
    if g["d3"]:
        y = int(g["y3"])
        return DateParts(int(g["d3"]), int(g["m3"]), y + 2000 if y < 100 else y, _weekday(g["wd3"]), True, False, len(g["y3"]) == 2, False, False, False, False)
    if g["y4"]:
        return DateParts(int(g["d4"]), int(g["m4"]), int(g["y4"]), _weekday(g["wd4"]), True, True, False, False, False, False, False)
    month = g["m1"] or g["m2"]
    day_text = g["d1"] or g["d2"]
    year = g["y1"] or g["y2"] or g["y2b"]
    weekday = _weekday(g["wd1"] or g["wd1b"] or g["wd2"])
    return DateParts(
        _daynum(day_text) if day_text else None,
        _MONTHS[month.lower().rstrip(".")],
        int(year) if year else None,
        weekday,
        False,
        False,
        False,
        bool(day_text and not day_text.isdigit()),
        month.rstrip(".").lower() not in _MONTH_FULL,
        bool(g["m2"] and day_text),
        month.isupper(),
    )


_MONTH_FULL = frozenset(n.lower() for n in _MONTH_NAMES)


@dataclass(frozen=True)
class TimeParts:
    """How a time fact is written, for the time style rules (``time_parts``)."""

    hour: int  #: 0-23
    minute: int
    ampm: bool  #: written with am or pm
    clock24: bool  #: marked as a 24-hour time ("hrs", "hours", "h") or written 00-09 or 13-23 without am or pm
    word: str | None  #: "midday", "noon", "midnight" when the time is (or holds) a word
    oclock: bool  #: "10 o'clock"


def time_parts(text: str) -> TimeParts | None:
    """The parts of a time written as ``text`` (the text of a ``time`` fact), or None when
    ``text`` is not one whole time. A time after "at", "from"... ("at 2.30") is not matched
    alone: its parts come from the bare numbers."""
    m = _TIME_RE.fullmatch(text)
    if m is None:
        bare = re.fullmatch(r"(1[0-2]|0?[1-9]|2[0-3])\.([0-5]\d)", text)
        if bare is None:
            return None
        h, mi = int(bare.group(1)), int(bare.group(2))
        return TimeParts(h, mi, False, h >= 13 or text.startswith("0"), None, False)
    fact = _time_fact(m)
    if fact is None:
        return None
    g = m.groupdict()
    h, mi = (int(x) for x in fact[2].split(":"))
    word = (g["noon"] or g["midnight"] or "").lower() or None
    if g["h2"] is not None:
        return TimeParts(h, mi, False, True, None, False)
    if g["h3"] is not None:
        marked = bool(re.search(r"[hH]\w*$", text))
        return TimeParts(h, mi, False, marked or h >= 13 or g["h3"].startswith("0") or h == 0, None, False)
    return TimeParts(h, mi, g["h1"] is not None, False, word, g["h5"] is not None)


def _date_fact(m: re.Match) -> tuple[int, int, str] | None:
    g = m.groupdict()
    if g["m1"]:
        d, mo = _daynum(g["d1"]), _MONTHS[g["m1"].lower().rstrip(".")]
        y = int(g["y1"]) if g["y1"] else None
        wd = _weekday(g["wd1"]) if g["wd1"] else _weekday(g["wd1b"])
    elif g["m2"]:
        mo = _MONTHS[g["m2"].lower().rstrip(".")]
        wd = _weekday(g["wd2"])
        if g["y2"]:
            d, y = None, int(g["y2"])
        else:
            d = _daynum(g["d2"])
            y = int(g["y2b"]) if g["y2b"] else None
        # "May 5" is a date; "May" or "March" capitalised as a verb before a number is rare
    elif g["d3"]:
        d, mo = int(g["d3"]), int(g["m3"])
        y = int(g["y3"])
        if y < 100:
            y += 2000
        wd = _weekday(g["wd3"])
        # 1.5.10 as a decimal-ish version number is rare in letters; a single-digit year is excluded
    else:
        d, mo, y, wd = int(g["d4"]), int(g["m4"]), int(g["y4"]), _weekday(g["wd4"])
    if d and y:
        try:
            datetime.date(y, mo, d)
        except ValueError:
            return None
    return m.start(), m.end(), _date_value(d, mo, y, wd)


def _time_fact(m: re.Match) -> tuple[int, int, str] | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if g["h1"] is not None:
        h, mi = int(g["h1"]), int(g["m1"] or 0)
        pm = g["ampm"].lower().startswith("p")
        if h == 0 or h > 12:
            return None
        h = h % 12 + (12 if pm else 0)
    elif g["h2"] is not None:
        h, mi = int(g["h2"]), int(g["m2"])
    elif g["h3"] is not None:
        h, mi = int(g["h3"]), int(g["m3"])
    elif g["noon"] or g["midnight"]:
        h, mi = (12, 0) if g["noon"] else (0, 0)
    elif g["h5"] is not None:
        h, mi = int(_num_value(g["h5"])), 0
        if not 1 <= h <= 12:
            return None
    else:
        h, mi = int(g["h4"]), int(g["m4"])
    return start, end, f"{h:02d}:{mi:02d}"


def _money_fact(m: re.Match) -> tuple[int, int, str] | None:
    g = m.groupdict()
    if g["pounds"] is not None:
        pence = int(g["pounds"].replace(",", "")) * 100 + (int(g["pence"].ljust(2, "0")) if g["pence"] else 0)
        mult = (g["mult"] or "").lower()
        if mult in ("million", "m"):
            pence *= 1_000_000
        elif mult in ("billion", "bn"):
            pence *= 1_000_000_000
        elif mult == "k":
            pence *= 1000
        return m.start(), m.end(), str(pence)
    return m.start(), m.end(), _fmt(_num_value(g["p"]))


_MINUTES = {"min": 1.0, "hour": 60.0}


def _quantity_fact(m: re.Match) -> tuple[int, int, str] | None:
    g = m.groupdict()
    if g["ch"] is not None:
        return m.start(), m.end(), f"{_fmt(_num_value(g['ch']) * 60 + _num_value(g['cm']))} min"
    if g["halfhour"] is not None:
        t = g["halfhour"].lower()
        minutes = 30 if t.startswith("half") else 15 if t.startswith("quarter") else 90
        return m.start(), m.end(), f"{minutes} min"
    if g["twice"] is not None:
        return m.start(), m.end(), ("2" if g["twice"].lower() == "twice" else "1") + " times"
    unit_text = re.sub(r"[ \u00a0]+", " ", g["unit"].lower())
    unit = _UNIT_TABLE.get(unit_text)
    if unit is None:
        return None
    # single letters are units only straight after a numeral ("100m", "38C", "24h")
    if len(unit_text) == 1 and (not g["n1"][-1].isdigit() or m.start("unit") != m.end("n1")):
        return None
    n1 = _num_value(g["n1"])
    n2 = _num_value(g["n2"]) if g["n2"] else None
    if "and a half" in m.group(0).lower():
        n1 += 0.5
    factor = _MINUTES.get(unit, 1.0)
    if factor != 1.0:
        unit = "min"
    a = _fmt(n1 * factor)
    if n2 is not None:
        return m.start(), m.end(), f"{a}-{_fmt(n2 * factor)} {unit}"
    return m.start(), m.end(), f"{a} {unit}"


def _number_value(s: str) -> str:
    if s.isdigit() and len(s) < 20:
        return str(int(s))
    s = s.replace(",", "")
    s = re.sub(r"(?i)(st|nd|rd|th)$", "", s)
    m = re.match(r"(\d+)(\.\d+)?(.*)$", s)
    if not m:
        return s
    whole = str(int(m.group(1))) if len(m.group(1)) < 20 else m.group(1).lstrip("0") or "0"
    frac = (m.group(2) or "").rstrip("0").rstrip(".")
    return whole + frac + m.group(3).upper()


def _url_value(text: str) -> str:
    t = re.sub(r"(?i)^https?://", "", text)
    t = re.sub(r"(?i)^www\.", "", t)
    host, sep, path = t.partition("/")
    v = host.lower() + sep + path
    return v.rstrip("/")


def _placeholder_value(text: str) -> str:
    m = re.match(r"^(«|\{\{|\{%|\{#|\{|\(\(|<<|==|\[|\$)(.*?)(»|\}\}|%\}|#\}|\}|\)\)|>>|==|\]|)$", text, re.DOTALL)
    if not m:
        return text
    return m.group(1) + " ".join(m.group(2).split()) + m.group(3)


# --------------------------------------------------------------------------- phones


@lru_cache(maxsize=4096)
def _match_phone(candidate: str) -> tuple[tuple[int, int, str], ...]:
    """The numbers phonenumbers' matcher finds in one candidate (offsets within it)."""
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

    return tuple(
        (pm.start, pm.end, phonenumbers.format_number(pm.number, PhoneNumberFormat.E164))
        for pm in PhoneNumberMatcher(candidate, "GB", leniency=Leniency.VALID, max_tries=5)
    )


def _phones(text: str, each=None) -> list[tuple[int, int, str]]:
    """Phone numbers: phonenumbers' matcher (GB, VALID) on each candidate of UK shape.

    A candidate is "0" or "+44" (or "(0", "+44 (0)") then 9 or 10 more digits with spaces,
    hyphens or brackets between, so the matcher never sees long runs of digits (its own search
    is slow on them) and the cost stays linear. ``each(pattern)``: the pattern's matches in
    ``text`` (``extract_facts``'s search).
    """
    each = each or (lambda pattern: pattern.finditer(text))
    found: list[tuple[int, int, str]] = []
    for cand in each(_PHONE_CAND_RE):
        ws = cand.start()
        for a, b, v in _match_phone(cand.group()):
            found.append((ws + a, ws + b, v))
    for m in each(_SERVICE_RE):
        if m.group(1) == "119" and not _SERVICE_CONTEXT_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        q = _QUANTITY_RE.match(text, m.start())
        if q and q.group("unit"):
            continue
        found.append((m.start(), m.end(), m.group(1)))
    out = []
    for a, b, v in found:
        if text[a] == "(" and ")" not in text[a:b]:
            a += 1  # "(020 3311 6611)": the matcher keeps the opening bracket only
        # Relay UK: "18001 0113 496 0000" is one fact, the prefix kept in the value
        r = _RELAY_RE.search(text, max(0, a - 8), a)
        if r and (r.start() == 0 or not text[r.start() - 1].isalnum()):
            a, v = r.start(), r.group()[:5] + " " + v
        out.append((a, b, v))
    return out


# --------------------------------------------------------------------------- names

_TOKEN_RE = _lazy(r"[^\W\d_][\w'’&\-]*")
_NUM_AFTER_RE = _lazy(r"[ \u00a0]{1,2}(\d{1,6}[A-Za-z]?)(?![\w'’&-])")
_TITLES = frozenset(
    "dr mr mrs ms miss mx prof professor nurse sister dame sir lord lady rev revd st saint".split()
)
_CONNECTORS = frozenset("of and & the for upon de la du le van von da".split())
_NOT_NAMES = frozenset(
    "i i'm i've i'll i'd i’m i’ve i’ll i’d ok".split()
    + list(k for k in _MONTHS if len(k) > 3)
    + list(k for k in _WEEKDAYS if len(k) > 3)
)
# Words that start a sentence without being part of the name after them.
_STARTERS = frozenset(
    """the a an your our my their his her its this that these those please if when why what how
    where who which whether you we they he she it in on at for to from with by after before during
    all any some each every no not do does don't can could will would should may must is are was
    were be as and but or so also here there thank thanks dear contact call ring phone visit go
    see ask tell bring come attend book find read use speak talk write email text let make take
    keep check get about important note information welcome while until once then there's it's
    we're you're we'll you'll don’t it’s we’re you’re we’ll you’ll""".split()
)
# Place and organisation words that make a capitalised sequence a name even at a sentence start.
_HEADS = frozenset(
    """hospital hospitals clinic clinics centre center ward wards unit department dept surgery practice
    trust board outpatients entrance reception suite room wing building block level floor gate
    road street lane avenue way drive close crescent place square park house court health
    infirmary service services team pharmacy station library nhs university college school
    foundation council programme theatre theatres lounge hub campus site""".split()
)
_SENT_END = frozenset(".!?:;")
_COMMON_CACHE: dict[str, float] = {}


def _zipf(word: str) -> float:
    w = word.lower().replace("’", "'")
    z = _COMMON_CACHE.get(w)
    if z is None:
        try:
            from .spelling import zipf_frequency

            z = zipf_frequency(w, "en")
        except Exception:  # pragma: no cover - wordfreq is a dependency, but stay usable without it
            z = 0.0
        if len(_COMMON_CACHE) < 200_000:
            _COMMON_CACHE[w] = z
    return z


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() and not tok[0].isdigit()


def _is_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) or ("&" in tok and tok.isupper())


_KNOWN_ACRONYMS = frozenset(
    "uk gp gps nhs ae icu bsl ent mri ct ecg dna hiv covid sms faq id pals eu ed opd ot".split()
)


def _acronym_like(tok: str) -> bool:
    """A word in capitals that reads as an acronym or a sign rather than shouting."""
    if "&" in tok or any(c.isdigit() for c in tok):
        return True
    low = tok.lower()
    if low in _KNOWN_ACRONYMS:
        return True
    if low in _STARTERS or low in _CONNECTORS:
        return False
    if len(low) <= 4 and not any(c in "aeiouy" for c in low):
        return True  # GP, NHS, BSL, PDF
    return _zipf(low) < 4.0


def _uncommon(tok: str) -> bool:
    return _zipf(tok.strip("'’")) < 3.6


def _names(text: str, claimed: bytearray) -> list[tuple[int, int, str]]:
    """Name spans: capitalised sequences, titles and surnames, acronyms and signs in capitals.

    Works on word and number tokens only; punctuation and line breaks are read from the gaps
    between tokens, so a text of punctuation costs nothing and each gap is read a bounded
    number of times (linear).
    """
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    n = len(toks)
    out: list[tuple[int, int, str]] = []
    if not n:
        return out
    line_cache: dict[int, bool] = {}

    def titleish(k: int) -> bool:
        t = toks[k][0]
        return t.lower() in _TITLES or (len(t) == 1 and t.isupper())

    def gap(a: int, b: int) -> str:
        return text[toks[a][2] : toks[b][1]]

    def at_start(k: int) -> bool:
        if k == 0:
            return True
        g = gap(k - 1, k)
        if "\n" in g:
            return True
        if not any(c in _SENT_END for c in g):
            return False
        # "Dr. Patel", "A. Patel": a dot after a title or an initial does not end a sentence
        return not (g.strip(" \u00a0") == "." and g[0] == "." and titleish(k - 1))

    def gap_ok(a: int, b: int) -> bool:
        g = gap(a, b)
        if g in (" ", "\u00a0", "  "):
            return True
        return g in (". ", ".") and titleish(a)

    def label_line(k: int) -> bool:
        """The token's line has no lower-case content word (a heading, sign or table cell)."""
        ls = text.rfind("\n", 0, toks[k][1]) + 1
        hit = line_cache.get(ls)
        if hit is None:
            le = text.find("\n", ls)
            le = len(text) if le < 0 else le
            line = text[ls:le]
            hit = not _LOWER_WORD_RE.search(line) and not line.rstrip().endswith((".", "!", "?"))
            line_cache[ls] = hit
        return hit

    def free(k: int) -> bool:
        return claimed.find(1, toks[k][1], toks[k][2]) < 0

    def name_word(k: int) -> bool:
        t = toks[k][0]
        if not (t[0].isalpha() and t[0].isupper()):
            return False
        low = t.lower()
        return low not in _NOT_NAMES and low.rstrip("s") not in _NOT_NAMES and free(k)

    i = 0
    while i < n:
        if not name_word(i):
            i += 1
            continue
        seq = [i]
        j = i
        while j + 1 < n:
            k = j + 1
            t = toks[k][0]
            if not gap_ok(j, k):
                break
            if name_word(k):
                seq.append(k)
                j = k
                continue
            low = t.lower()
            if low in _CONNECTORS and toks[j][0].lower() not in _CONNECTORS:
                # "and" does not join two people ("Dr Patel and Nurse Jones")
                if low in ("and", "&") and (
                    any(toks[q][0].lower() in _TITLES for q in seq) or (k + 1 < n and toks[k + 1][0].lower() in _TITLES)
                ):
                    break
                # one connector, or "of the", then a capitalised word
                if k + 1 < n and gap_ok(k, k + 1) and name_word(k + 1) and toks[k + 1][0].lower() not in _CONNECTORS:
                    seq += [k, k + 1]
                    j = k + 1
                    continue
                if (
                    k + 2 < n
                    and low in ("of", "for", "upon")
                    and toks[k + 1][0].lower() in _CONNECTORS
                    and gap_ok(k, k + 1)
                    and gap_ok(k + 1, k + 2)
                    and name_word(k + 2)
                ):
                    seq += [k, k + 1, k + 2]
                    j = k + 2
                    continue
            break
        i = j + 1
        end = toks[j][2]
        # "Clinic 4", "Ward 12": a number straight after the words ends the name
        num = _NUM_AFTER_RE.match(text, end)
        if num and claimed.find(1, num.start(1), num.end(1)) < 0:
            end = num.end(1)
        # a single word before a colon is a label ("Time: 10am"), not a name
        if len(seq) == 1 and end == toks[j][2] and text[end : end + 1] == ":" and not _is_caps(toks[j][0]):
            continue
        for s, e in _classify_name(seq, toks, at_start(seq[0]), label_line(seq[0]), end > toks[j][2]):
            if e == toks[j][2]:
                e = end
            out.append((s, e, _name_value(text[s:e])))
    return out


_LOWER_WORD_RE = _lazy(
    r"(?<![\w'’&-])(?!(?:of|and|the|for|upon|de|la|du|le|van|von|da)(?![\w'’-]))[a-z]"
)


def _classify_name(seq: list[int], toks, at_start: bool, label: bool, numbered: bool = False) -> list[tuple[int, int]]:
    """The name spans a capitalised sequence holds (none, one, or several in shouting)."""
    words = [k for k in seq if toks[k][0][0].isalpha() and toks[k][0].lower() not in _CONNECTORS]
    if not words:
        return []
    if all(_is_caps(toks[k][0]) for k in words):
        flags = [_acronym_like(toks[k][0]) or toks[k][0].lower() in _HEADS for k in words]
        plain = len(words) - sum(flags)
        if plain == 0 or (sum(flags) and plain < 2 and len(words) <= 4):
            if len(words) == 1 and not flags[0]:
                return []
            return [(toks[words[0]][1], toks[words[-1]][2])]
        # shouting: keep only the acronyms and signs inside it ("NHS CARDIOLOGY DEPARTMENT")
        spans = []
        run: list[int] = []
        for k, f in zip(words + [None], flags + [False]):
            if f:
                run.append(k)
                continue
            if run and any(_acronym_like(toks[q][0]) for q in run):
                spans.append((toks[run[0]][1], toks[run[-1]][2]))
            run = []
        return spans
    a, b = 0, len(seq)
    stripped = False
    while a < b and at_start and toks[seq[a]][0].lower() in _STARTERS:
        a += 1
        stripped = True
    if not stripped:
        while b - a > 1 and toks[seq[a]][0].lower() == "the":
            a += 1
    while a < b and toks[seq[a]][0].lower() in _CONNECTORS:
        a += 1
    while a < b and toks[seq[b - 1]][0].lower() in _CONNECTORS:
        b -= 1
    seq = seq[a:b]
    words = [k for k in seq if toks[k][0][0].isalpha() and toks[k][0].lower() not in _CONNECTORS]
    if not words:
        return []
    has_title = toks[words[0]][0].lower() in _TITLES and len(words) >= 2
    if at_start and not stripped and len(words) < 2:
        return []
    if len(words) == 1 and len(toks[words[0]][0]) == 1:
        return []
    if (at_start or label) and not has_title:
        evidence = (
            numbered
            or any(toks[k][0].lower() in _HEADS for k in words)
            or any(_is_caps(toks[k][0]) and _acronym_like(toks[k][0]) for k in words)
            or any(_uncommon(toks[k][0]) for k in words)
        )
        if not evidence:
            return []
    return [(toks[seq[0]][1], toks[seq[-1]][2])]


def _name_value(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").replace(".", " ").split())


# --------------------------------------------------------------------------- extraction


def extract_facts(text: str, names: bool = True, index=None) -> list[Fact]:
    """Every key fact in ``text``, in order of position.

    Kinds are found in priority order (placeholder, email, url, phone, postcode, date, time,
    money, quantity, number); a fact never overlaps one found before it, so "0113 496 0000" is a
    phone and not three numbers. Names are found last, outside the other facts except numbers
    ("Clinic 4"). See the module docstring for what each kind covers and how values are
    normalised. Linear in the length of the text. ``names=False`` leaves names out (the
    costly part), for callers that want only dates, times, numbers and what they must not be
    taken for (the date and number rules). ``index``: the ``litcheck.details.scan.TextIndex``
    of ``text`` when the caller has one (a check does): each pattern is then tried only where
    one of its matches can begin, with exactly the same matches.
    """
    claimed = bytearray(len(text))
    if index is not None and (index.text is text or index.text == text):
        from .details.scan import finditer_in

        def each(pattern):
            return finditer_in(index, _compiled(pattern))
    else:

        def each(pattern):
            return pattern.finditer(text)

    facts: list[Fact] = []

    def claim(kind: str, spans) -> None:
        spans = list(spans)
        if kind in ("phone", "date"):  # found by more than one pattern: take them in order
            spans.sort(key=lambda x: (x[0], -x[1]))
        for s, e, v in spans:
            if s >= e or claimed.find(1, s, e) >= 0:
                continue
            claimed[s:e] = b"\x01" * (e - s)
            facts.append(Fact(kind, text[s:e], v, s, e))

    claim("placeholder", ((m.start(), m.end(), _placeholder_value(m.group())) for m in each(_PLACEHOLDER_RE)))
    if "@" in text:  # every address holds one
        claim("email", ((m.start(), m.end(), m.group().lower()) for m in each(_EMAIL_RE)))
    urls = []
    for m in each(_URL_RE):
        s, e = m.span()
        while e > s and text[e - 1] in ".,;:!?)'\"’”":
            if text[e - 1] == ")" and text[s:e].count("(") >= text[s:e].count(")"):
                break
            e -= 1
        if "." in text[s:e] and not re.fullmatch(r"[\d.]+", text[s:e]):
            urls.append((s, e, _url_value(text[s:e])))
    claim("url", urls)
    claim("phone", _phones(text, each))
    claim("postcode", ((m.start(), m.end(), " ".join(re.sub(r"\s", "", m.group())[:-3].split()) + " " + m.group()[-3:]) for m in each(_POSTCODE_RE)))
    claim("date", filter(None, (_date_fact(m) for m in each(_DATE_RE))))
    claim("date", ((s, e, _WD_SHORT[_WEEKDAYS[text[s:e].lower()]]) for m in each(_WEEKDAY_RANGE_RE) for s, e in (m.span("a"), m.span("b"))))
    claim("date", ((m.start(), m.end(), _WD_SHORT[_WEEKDAYS[m.group().lower().rstrip("s")]]) for m in each(_BARE_WEEKDAY_RE)))
    claim("time", filter(None, (_time_fact(m) for m in each(_TIME_RE))))
    claim("money", filter(None, (_money_fact(m) for m in each(_MONEY_RE))))
    claim("quantity", filter(None, (_quantity_fact(m) for m in each(_QUANTITY_RE))))
    claim("number", ((m.start(), m.end(), _number_value(m.group())) for m in each(_NUMBER_RE)))
    # a number in words is the same fact as in numerals ("two visits" == "2 visits")
    claim("number", ((m.start(), m.end(), _fmt(_num_value(m.group()))) for m in each(_NUMBER_WORD_RE)))
    if not names:
        facts.sort(key=lambda f: (f.start, f.end))
        return facts
    # names may hold a number ("Clinic 4"): numbers do not block them
    name_block = bytearray(claimed)
    for f in facts:
        if f.kind == "number":
            name_block[f.start : f.end] = bytes(f.end - f.start)
    for s, e, v in _names(text, name_block):
        facts.append(Fact("name", text[s:e], v, s, e))
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def _compiled(pattern) -> re.Pattern:
    """A module pattern compiled (a stand-in compiles on first use: ``LazyPatterns``)."""
    return pattern if isinstance(pattern, re.Pattern) else pattern.compiled()


# --------------------------------------------------------------------------- comparison

_CTX_TOKEN_RE = _lazy(r"[^\W_]+|\n")


def _tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    words, starts, ends = [], [], []
    for m in _CTX_TOKEN_RE.finditer(text):
        words.append(m.group().casefold())
        starts.append(m.start())
        ends.append(m.end())
    return words, starts, ends


def _context(tok, start: int, end: int, width: int = 2) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words, starts, ends = tok
    i = bisect.bisect_right(ends, start)  # first token ending after start
    j = bisect.bisect_left(starts, end)  # first token starting at or after end
    left = tuple(words[max(0, i - width) : i])
    right = tuple(words[j : j + width])
    return left, right


def _name_count(value: str, norm: str) -> int:
    if not value:
        return 0
    # not inside a longer word; a name may follow a digit ("4B Building" holds "B Building")
    return len(re.findall(r"(?<![^\W\d_])" + re.escape(value) + r"(?![\w])", norm))


def compare_facts(before: str, after: str) -> list[FactChange]:
    """The key facts of ``before`` that ``after`` lost or changed, and the facts it invented.

    Every fact of ``before`` must be in ``after`` with the same value, counted as a multiset
    (two phone numbers need two). Names are looked for in the whole of ``after``, ignoring case,
    dots and curly apostrophes, so a sentence split that moves "Renal Outpatients" to the start
    of a sentence, or capitals turned to sentence case, keep the name.

    An unmatched fact is ``"changed"`` when the same place in ``after`` (the two words either side
    of it) holds another fact of its kind or other text; otherwise ``"lost"``. For phone, date,
    time, money, quantity and number, facts left over on both sides are paired in order as
    changed; facts left over in ``after`` only are ``"added"``. Facts that are only in ``after``
    of other kinds (names, emails, web addresses, postcodes, placeholders) are ignored.

    Returns the changes in order of position in ``before``, then the added facts in order of
    position in ``after``; ``[]`` when the rewrite kept every fact.
    """
    bf = extract_facts(before)
    af = extract_facts(after)
    norm_after = _name_value(after)
    norm_before = _name_value(before)

    # names: count occurrences in the other text
    name_avail: dict[str, int] = {}
    unmatched_b: list[Fact] = []
    used_names: Counter = Counter()
    for f in bf:
        if f.kind != "name":
            continue
        if f.value not in name_avail:
            name_avail[f.value] = _name_count(f.value, norm_after)
        used_names[f.value] += 1
        if used_names[f.value] > name_avail[f.value]:
            unmatched_b.append(f)
    unmatched_a_names = [f for f in af if f.kind == "name" and _name_count(f.value, norm_before) == 0]

    # other kinds: multiset of (kind, value)
    pool: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in af:
        if f.kind != "name":
            pool[(f.kind, f.value)].append(f)
    matched_a: set[int] = set()
    for f in bf:
        if f.kind == "name":
            continue
        lst = pool.get((f.kind, f.value))
        if lst:
            matched_a.add(id(lst.pop(0)))
        else:
            unmatched_b.append(f)
    unmatched_b.sort(key=lambda f: f.start)
    leftover_a = [f for f in af if f.kind != "name" and id(f) not in matched_a] + unmatched_a_names
    leftover_a.sort(key=lambda f: f.start)

    btok = _tokens(before)
    atok = _tokens(after)
    a_ctx = {id(f): _context(atok, f.start, f.end) for f in leftover_a}
    consumed: set[int] = set()
    changes: list[FactChange] = []
    pending: list[Fact] = []
    for b in unmatched_b:
        left, right = _context(btok, b.start, b.end)
        # a name is best replaced by the whole stretch between its neighbours
        best = _slot(b, left, right, atok, after) if b.kind == "name" else None
        for a in leftover_a if best is None else ():
            if id(a) in consumed or a.kind != b.kind:
                continue
            al, ar = a_ctx[id(a)]
            if (left and al == left) or (right and ar == right):
                best = a
                break
        if best is None and b.kind != "name":
            best = _slot(b, left, right, atok, after)
        if best is not None:
            consumed.add(id(best))
            changes.append(FactChange(b.kind, "changed", b, best))
        else:
            pending.append(b)
    # facts left on both sides of a kind that may be invented are paired in order
    by_kind: dict[str, list[Fact]] = defaultdict(list)
    for a in leftover_a:
        if id(a) not in consumed and a.kind in ADDED_KINDS:
            by_kind[a.kind].append(a)
    for b in pending:
        cands = by_kind.get(b.kind) if b.kind in ADDED_KINDS else None
        if cands:
            a = cands.pop(0)
            consumed.add(id(a))
            changes.append(FactChange(b.kind, "changed", b, a))
        else:
            changes.append(FactChange(b.kind, "lost", b, None))
    changes.sort(key=lambda c: c.before.start)
    for a in leftover_a:
        if id(a) not in consumed and a.kind in ADDED_KINDS:
            changes.append(FactChange(a.kind, "added", None, a))
    return changes


def _slot(b: Fact, left, right, atok, after: str) -> Fact | None:
    """What stands in ``after`` between the words either side of ``b`` (a changed fact)."""
    if not right:
        return None
    words, starts, ends = atok
    nl, nr = len(left), len(right)
    hits = 0
    # with no words on the left the fact began the text: so must the slot
    for i in range(len(words) - nl + 1) if left else (0,):
        if left and tuple(words[i : i + nl]) != left:
            continue
        hits += 1
        if hits > 50:
            break
        p = i + nl
        for j in range(p, min(len(words) - nr + 1, p + 12)):
            if tuple(words[j : j + nr]) == right:
                s = ends[p - 1] if p else 0
                e = starts[j]
                seg = after[s:e]
                lstrip = len(seg) - len(seg.lstrip(" \u00a0\t,;:()"))
                rstrip = len(seg) - len(seg.rstrip(" \u00a0\t,;:().!?"))
                s, e = s + lstrip, e - rstrip
                if s >= e:
                    return None
                t = after[s:e]
                same = [f for f in extract_facts(t) if f.kind == b.kind]
                value = same[0].value if len(same) == 1 and same[0].text == t else _name_value(t)
                if value == b.value:
                    return None
                return Fact(b.kind, t, value, s, e)
    return None


def guard(before: str, after: str) -> bool:
    """True when ``after`` keeps every key fact of ``before`` and invents none
    (``compare_facts(before, after)`` is empty)."""
    return not compare_facts(before, after)
