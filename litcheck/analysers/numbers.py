"""number_style: numbers and risk written so people can use them (NHS digital service manual,
"Numbers, measurements, dates and time"; CDC Clear Communication Index, numbers and risk).

``detect:`` names what the rule looks at:

- ``numerals``: "3 visits", not "three visits" (not "one", which the manual keeps in words;
  not fractions, "two-thirds"; not next to another number, "one or two 200mg tablets"; not
  in names, "Three Counties Hospital").
- ``thousands``: "1,000" and "£2,500", not "1000 steps" (never phone numbers, years, codes,
  reference, room or ward numbers: only amounts of money and numbers before a count or unit).
- ``percentage``: "1 in 7 people" rather than "14.3% of people" (advice, with the natural
  frequency the percentage comes to).
- ``mixed_formats``: one paragraph giving "1 in 10" and "20%".
- ``relative_risk``: "6 times more likely", "cuts the risk by a third", "by 65%", with no
  baseline ("1 in 100 people") in the paragraph or the one next to it.
- ``calculation``: the reader left to work out a time or a date ("within 14 days of the date
  of this letter", "15 minutes before your appointment time" in a letter that gives the time).

Numbers are looked for outside what the key-facts guard claims first (phone numbers, dates,
times, postcodes, web addresses, template fields), so those are never taken for counts.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..details import scan
from ..textpatterns import LazyPatterns
from .candidates import Candidate, CandidateRule
from .dates_times import facts_of
from .patterns import sentence_at

#: the module's patterns are compiled on first use (importing litcheck costs none of them)
_lazy = LazyPatterns(globals())


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_VALUE = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)} | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS[1:])})"
_NUMBER_WORD = _lazy(rf"(?<![\w'’-])(?:(?P<pair>one|{_WORD})[ \u00a0]+(?P<link>to|or|and)[ \u00a0]+(?P<second>{_WORD})|(?P<single>{_WORD}))(?![\w'’-])", re.I)
_FRACTION_AFTER = _lazy(r"[ \u00a0]+(?:thirds?|quarters?|halves|fifths?|sixths?|eighths?|tenths?|of (?:us|them|you)\b)", re.I)


def word_value(word: str) -> int:
    """'twenty-four' -> 24, 'seven' -> 7."""
    total = 0
    for part in re.split(r"[- \u00a0]+", word.lower()):
        total += _VALUE.get(part, 1 if part == "one" else 0)
    return total


def _claimed(ctx) -> list[tuple[int, int]]:
    return ctx.memo("number_claimed", lambda c: [(f.start, f.end) for f in facts_of(c) if f.kind in ("phone", "postcode", "url", "email", "placeholder", "date", "time")])


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?:\n•*-–(\"'‘“"


# -- numerals ---------------------------------------------------------------------------------


def _english(ctx, pos: int) -> bool:
    """The sentence around ``pos`` reads as English ("ten" is also Polish for "this")."""
    sentence = sentence_at(ctx, pos)
    if sentence is None:
        return False
    known = ctx.memo("numbers.english", lambda c: {})  # sentence -> English, judged once
    english = known.get(sentence)
    if english is None:
        english = known[sentence] = _english_sentence(ctx.document.text[sentence.start : sentence.end])
    return english


def _english_sentence(sentence: str) -> bool:
    from ..spelling import zipf

    words = re.findall(r"[^\W\d_]{3,}", sentence)
    if len(words) < 4:
        return all(w.isascii() for w in words)
    return sum(1 for w in words if not w.isascii() or zipf(w) < 2.5) / len(words) <= 0.3


def _numerals(ctx) -> Iterator[Candidate]:
    if not ctx.may_match(_NUMBER_WORD):
        return  # no number word anywhere
    text = ctx.document.text
    for m in scan.finditer(ctx, _NUMBER_WORD):
        s, e = m.span()
        first = text[s:e]
        if not _english(ctx, s):
            continue
        if first[:1].isupper() and not _starts_sentence(text, s):
            continue  # a name: "Three Counties Hospital", "Five Year Forward View"
        nxt = re.match(r"[ \u00a0]+([A-Z][a-z]+)", text[e : e + 30])
        if first[:1].isupper() and nxt and not first.isupper():
            continue  # "Seven Oaks Surgery" at the start of a line
        if first.isupper() and len(first) > 2:
            continue  # capitals: the sentence-case rule's
        if _FRACTION_AFTER.match(text, e):
            continue  # "two thirds": the manual spells out common fractions
        if re.match(r"[ \u00a0]*\(\s*\d", text[e : e + 6]):
            yield Candidate(s, e, None, "the number is written twice: write it once, as a numeral")
            continue
        if re.match(r"[ \u00a0]+\d", text[e : e + 3]) or re.search(r"\d[ \u00a0]*$", text[max(0, s - 3) : s]):
            continue  # "one or two 200mg tablets": the manual keeps words next to a numeral
        if m.group("pair"):
            a, b = word_value(m.group("pair")), word_value(m.group("second"))
            if m.group("link").lower() == "and" or (m.group("pair").lower() == "one" and m.group("link").lower() == "or" and b != 2):
                if m.group("pair").lower() == "one":
                    continue
                # "two and three" is rare; treat each word alone
                yield Candidate(m.start("pair"), m.end("pair"), str(a))
                yield Candidate(m.start("second"), m.end("second"), str(b))
                continue
            yield Candidate(s, e, f"{a} {m.group('link').lower()} {b}")
            continue
        yield Candidate(s, e, str(word_value(m.group("single"))))


# -- thousands --------------------------------------------------------------------------------

_COUNT_WORDS = (
    r"(?:people|patients|adults|children|women|men|babies|staff|appointments|visits|steps|calories|kcal|words|"
    r"tests|operations|procedures|cases|deaths|referrals|letters|kits|doses|births|samples|units|hours|minutes|days|"
    r"mg|mcg|ml|g|kg|km|metres|meters|miles|feet|litres|pounds|pence|times|households|homes|members|GPs|nurses)"
)
_BIG = _lazy(rf"(?<![\w.,/:+-])(?P<money>£[ \u00a0]?)?(?P<n>\d{{4,7}})(?![\d,/:-]|\.\d)(?(money)|(?=[ \u00a0]?{_COUNT_WORDS}\b))")
_NOT_AMOUNT = _lazy(r"(?i)\b(?:ref(?:erence)?|no|number|code|room|ward|clinic|bay|bed|extension|ext|box|page|version|v|year|since)\.?[ \u00a0:#]*$")


def _with_commas(digits: str) -> str:
    return f"{int(digits):,}"


def _thousands(ctx) -> Iterator[Candidate]:
    text = ctx.document.text
    claimed = _claimed(ctx)
    for m in scan.finditer(ctx, _BIG):
        s, e = m.span("n")
        if _overlaps(claimed, s, e):
            continue
        if not m.group("money") and (_NOT_AMOUNT.search(text[max(0, s - 12) : s]) or 1900 <= int(m.group("n")) <= 2099 and not re.match(r"[ \u00a0]?(?:people|patients|steps|calories|kcal|mg|ml)\b", text[e : e + 10])):
            continue
        yield Candidate(s, e, _with_commas(m.group("n")))


# -- percentages and formats ------------------------------------------------------------------

_GROUP = r"(?:people|patients|women|men|adults|children|babies|those|cases|cancers|infections|pregnancies|you|us|them|users|smokers|the population)"
_PERCENT_OF = _lazy(rf"(?<![\w.,])(?P<p>\d{{1,2}}(?:\.\d{{1,2}})?)[ \u00a0]?(?:%|per[ \u00a0]?cent)(?P<tail>[ \u00a0]+of[ \u00a0]+(?:all[ \u00a0]+|the[ \u00a0]+|these[ \u00a0]+)?(?:[\w-]+[ \u00a0]+){{0,2}}?{_GROUP}\b|[ \u00a0]+(?:chance|risk|likelihood)\b)", re.I)
_ANY_PERCENT = _lazy(r"(?<![\w.,])\d{1,3}(?:\.\d{1,2})?[ \u00a0]?(?:%|per[ \u00a0]?cent)(?!\w)", re.I)
_NATURAL = _lazy(r"(?<![\w.,])\d{1,3}(?:,\d{3})*[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?:every[ \u00a0]+)?\d{1,3}(?:,\d{3})*(?![\w.,]\d)", re.I)


def natural_frequency(percent: float) -> str:
    """14.3 -> 'about 1 in 7', 70 -> '7 in 10', 2.5 -> 'about 1 in 40'."""
    if percent <= 0:
        return ""
    if percent <= 50:
        k = 100 / percent
        if abs(k - round(k)) / k < 0.05:
            return f"{'' if abs(k - round(k)) < 1e-9 else 'about '}1 in {round(k)}"
    if abs(percent / 10 - round(percent / 10)) < 1e-9:
        return f"{round(percent / 10)} in 10"
    if percent >= 95:
        return "almost all"
    if abs(percent - round(percent)) < 1e-9:
        return f"{round(percent)} in 100"
    return f"about {round(percent)} in 100"


def _percentages(ctx) -> Iterator[Candidate]:
    if not ctx.may_match(_PERCENT_OF):
        return
    text = ctx.document.text
    for m in scan.finditer(ctx, _PERCENT_OF):
        p = float(m.group("p"))
        freq = natural_frequency(p)
        end = m.end("p") + len(re.match(r"[ \u00a0]?(?:%|per[ \u00a0]?cent)", text[m.end("p") :], re.I).group())
        yield Candidate(m.start(), end, None, f"'{freq}' is easier to picture" if freq else "a natural frequency ('1 in 10') is easier to picture")


def _block_span(ctx, pos: int) -> tuple[int, int]:
    block = ctx.document.block_at(pos)
    return (block.start, block.end) if block is not None else (pos, pos)


def _mixed_formats(ctx) -> Iterator[Candidate]:
    if not (ctx.may_match(_NATURAL) and ctx.may_match(_ANY_PERCENT)):
        return  # a paragraph that mixes them needs both
    text = ctx.document.text
    for block in ctx.document.blocks:
        chunk = text[block.start : block.end]
        natural = list(_NATURAL.finditer(chunk))
        percents = list(_ANY_PERCENT.finditer(chunk))
        if natural and percents:
            first = min(natural[0].start(), percents[0].start())
            later = percents[0] if percents[0].start() > first else natural[0]
            yield Candidate(block.start + later.start(), block.start + later.end(), None, "this paragraph mixes '1 in 10' and percentages: use one or the other")


# -- relative risk ----------------------------------------------------------------------------

_AMOUNT = r"(?:\d+(?:\.\d+)?[ \u00a0]?(?:%|per[ \u00a0]?cent)|(?:a|one)[ \u00a0-](?:third|quarter|half|fifth)|half|two[ \u00a0-]thirds|three[ \u00a0-]quarters)"
_RELATIVE = _lazy(
    r"(?<![\w-])(?:"
    rf"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)[ \u00a0]+times[ \u00a0]+(?:more|less|as|higher|lower|greater)(?:[ \u00a0]+likely)?"
    r"|(?:twice|half)[ \u00a0]+as[ \u00a0]+likely"
    r"|(?:halves|halved|doubles|doubled|triples|tripled|quadruples|quadrupled)[ \u00a0]+(?:the|your|their|a[ \u00a0]+person's)[ \u00a0]+(?:risk|chance)"
    rf"|(?:risk|chance|likelihood)s?\b[^.\n]{{0,70}}?\bby[ \u00a0]+(?:(?:around|about|roughly|up[ \u00a0]+to|as[ \u00a0]+much[ \u00a0]+as|over|nearly|almost|more[ \u00a0]+than|at[ \u00a0]+least)[ \u00a0]+)*{_AMOUNT}"
    rf"|\d+(?:\.\d+)?[ \u00a0]?(?:%|per[ \u00a0]?cent)[ \u00a0]+(?:more|less|higher|lower|greater|reduced|increased)[ \u00a0]+(?:risk|chance|likely)"
    r")(?![\w-])",
    re.I,
)
_BASELINE = _lazy(r"(?<![\w.,])\d{1,3}(?:,\d{3})*[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?:every[ \u00a0]+)?\d|\bper[ \u00a0]+\d{2,3}(?:,\d{3})*\b", re.I)


def _relative_risk(ctx) -> Iterator[Candidate]:
    if not ctx.may_match(_RELATIVE):
        return
    text = ctx.document.text
    blocks = ctx.document.blocks
    for m in scan.finditer(ctx, _RELATIVE):
        block = ctx.document.block_at(m.start())
        if block is not None:
            i = blocks.index(block)
            lo = blocks[max(0, i - 1)].start
            hi = blocks[min(len(blocks) - 1, i + 1)].end
        else:
            lo, hi = max(0, m.start() - 300), m.end() + 300
        if _BASELINE.search(text, lo, hi):
            continue
        yield Candidate(m.start(), m.end(), None, "say what the risk is to start with ('1 in 100 people'), so the change means something")


# -- calculations -----------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen|fifteen|twenty|thirty|forty-five|sixty)"
_WITHIN_LETTER = _lazy(rf"\bwithin[ \u00a0]+{_NUM}[ \u00a0]+(?:working[ \u00a0]+)?(?:days|weeks)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+date[ \u00a0]+(?:of|on)[ \u00a0]+)?this[ \u00a0]+letter\b", re.I)
_BEFORE_TIME = _lazy(rf"\b{_NUM}[ \u00a0]+(?:minutes|mins|hours)[ \u00a0]+(?:before|earlier[ \u00a0]+than|prior[ \u00a0]+to)[ \u00a0]+(?:your|the)[ \u00a0]+(?:scheduled[ \u00a0]+)?appointment(?:[ \u00a0]+time)?\b", re.I)
_APPOINTMENT_TIME = _lazy(r"(?i)\b(?:appointment|arrive|booked|clinic starts|come to|see you)\b")


def _calculations(ctx) -> Iterator[Candidate]:
    text = ctx.document.text
    if ctx.may_match(_WITHIN_LETTER):
        for m in scan.finditer(ctx, _WITHIN_LETTER):
            yield Candidate(m.start(), m.end(), None, "give the date itself ('by Friday 15 August 2025'), so nobody has to count days")
    if not ctx.may_match(_BEFORE_TIME):
        return  # nothing to say however the letter gives the time
    # only where the letter states the appointment's own time ("Your appointment is at 10am"):
    # a leaflet giving opening hours cannot say when to arrive
    gives_time = False
    for f in facts_of(ctx):
        if f.kind == "time":
            sentence = sentence_at(ctx, f.start)
            if sentence is not None and _APPOINTMENT_TIME.search(text, sentence.start, sentence.end):
                gives_time = True
                break
    if gives_time:
        for m in scan.finditer(ctx, _BEFORE_TIME):
            yield Candidate(m.start(), m.end(), None, "the letter gives the time: give the time to arrive too ('please arrive at 9:45am')")


_FINDERS = {
    "numerals": _numerals,
    "thousands": _thousands,
    "percentage": _percentages,
    "mixed_formats": _mixed_formats,
    "relative_risk": _relative_risk,
    "calculation": _calculations,
}


class NumberStyle(CandidateRule):
    kind = "number_style"
    FINDERS = _FINDERS

    def skip(self, ctx, candidate: Candidate) -> bool:
        # a numeral inside a phone number, postcode, address, field, date or time is theirs
        return self.detect in ("numerals", "thousands") and _overlaps(_claimed(ctx), candidate.start, candidate.end)
