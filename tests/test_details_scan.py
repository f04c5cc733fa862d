"""litcheck.details.scan: a search that tries a pattern only where a match can begin must find
exactly what ``re`` finds, match for match, for every pattern the detectors and the profiles use."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litcheck import placeholders, textpatterns
from litcheck.details import patterns, profiles, scan
from tests.texts import with_corpus



def _patterns() -> list[re.Pattern]:
    return sorted(profiles.own_patterns(textpatterns), key=lambda p: p.pattern)


PATTERNS = _patterns()

# our own writing, with the traps the analysis must respect: case, digits in numbers and words,
# line starts, curly quotes, fields, and characters that fold to ASCII letters only when case
# is ignored (the Kelvin sign, the long s, a dotted capital I)
OWN_TEXTS = [
    "Dear Ms Patel,\n\nYour appointment is on Tuesday 14 October 2025 at 10:30am in Ward 7B, "
    "Level 2, Riverside Hospital.\nPlease do not eat for 6 hours before. Bring a list of your "
    "medicines with you. Call 0300 555 0142 if you need to change it.\n\nYours sincerely\n",
    "REMINDER: Your flu jab is at the surgery on Mon 3rd Nov at 9.15am.\nReply STOP to opt out.",
    "Parking: there is a pay and display car park (Car Park B). Buses 12 and 14 stop outside.\n"
    "You can't drive for 24 hours. Someone must take you home. An interpreter or BSL can be booked.",
    "[Patient Name]\n[Address Line 1]\n{{ appointment_date }} at ((visit_time)) «Clinic» ==location name==\n"
    "$tcitime {d.clinicPhone} <<Ward>> {% if transport %}Transport{% endif %}",
    "It takes about 45 minutes. Allow 1½ hours. Half an hour early. 1400hrs, 0930 hours, 12/12/2025.",
    "\u212aelvin and \u017fign and \u0130stanbul: DEAR SIR, WE HAVE BOOKED YOUR APPOINTMENT.",
    "",
    "\n\n\n",
    "x",
    "99 9 0 01234567890 +44 191 496 0000 (0191) 496 0000 £10.30 10.30am",
]


def _same(pattern: re.Pattern, idx: scan.TextIndex, start: int, end: int | None) -> None:
    text = idx.text
    stop = len(text) if end is None else end
    want = [(m.span(), m.groups()) for m in pattern.finditer(text, start, stop)]
    got = [(m.span(), m.groups()) for m in scan.finditer_in(idx, pattern, start, end)]
    assert got == want, (pattern.pattern[:80], start, end)


def test_most_patterns_are_read():
    known = [p for p in PATTERNS if scan.starts(p) is not None]
    assert len(known) >= 0.9 * len(PATTERNS)  # a reading that gave up everywhere would test nothing


@pytest.mark.parametrize("text_no", range(len(with_corpus(OWN_TEXTS))))
def test_every_pattern_finds_what_re_finds(text_no):
    text = with_corpus(OWN_TEXTS)[text_no]
    idx = scan.TextIndex(text)
    rng = random.Random(text_no)
    windows = [(0, None)] + [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))) for _ in range(3)]
    for pattern in PATTERNS:
        for start, end in windows:
            _same(pattern, idx, start, end)
            piece = text[start:end]  # a sentence searched on its own, as a detector asks of a unit
            want = pattern.search(piece)
            got = scan.search_piece(idx, pattern, start, piece)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (pattern.pattern[:80], start, end)


_ALPHABET = st.sampled_from(list("aAbdeiknorstuwyDKSIY019 ,.:'’-\n\t[](){}=$«»/£") + ["\u212a", "\u017f", "\u0130", "you ", "Dear ", "Ward ", "10:30", "am", "please do not ", "appointment "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.integers(0, 40), st.integers(0, 45))
def test_random_texts(text, start, end):
    idx = scan.TextIndex(text)
    for pattern in PATTERNS[::3]:
        _same(pattern, idx, min(start, len(text)), end)


@pytest.mark.parametrize(
    "source, flags, known",
    [
        (r"\bplease\s+do\s+not\b|\byou\s+can\b", re.I, True),
        (r"(?<![\d£])\d{1,2}:\d\d", 0, True),
        (r"^[^\w\n]*dear\b", re.I | re.M, True),
        (r"\b[A-Z][a-z]+\s+Hospital\b", 0, True),
        (r"\w+", 0, False),  # any word character can begin a match
        (r"[^x]y", 0, False),
        (r"a*", 0, False),  # can match nothing at all
        (r"n[’']t", re.I, True),
    ],
)
def test_starts_read_or_give_up(source, flags, known):
    pattern = re.compile(source, flags)
    assert (scan.starts(pattern) is not None) is known
    for text in OWN_TEXTS + ["Dear John,\nyou can't do 1:30, please do not. The Royal Hospital"]:
        _same(pattern, scan.TextIndex(text), 0, None)


def test_detail_patterns_compile_when_first_asked_for():
    import importlib

    fresh = importlib.reload(patterns)
    assert "DATE" not in vars(fresh) and "DATE" in fresh._PENDING
    assert isinstance(fresh.DATE, re.Pattern) and fresh.DATE is fresh.DATE
    assert fresh.DATE.search("Monday 3 November 2025")
    with pytest.raises(AttributeError):
        fresh.NOT_A_PATTERN


def test_a_text_that_folds_is_searched_as_usual():
    # the Kelvin sign matches k when case is ignored: the lower-cased text cannot stand for it
    idx = scan.TextIndex("\u212aeep taking your tablets")
    assert idx.candidates(patterns.PREPARATION) is None
    _same(patterns.PREPARATION, idx, 0, None)


def test_places_are_kept_per_pattern_not_per_equal_pattern():
    idx = scan.TextIndex("You can park at the Car Park. you can.")
    a = re.compile(r"\byou\s+can\b", re.I)
    b = re.compile(r"\byou\s+can\b")  # not the same pattern: case matters
    assert [m.span() for m in scan.finditer_in(idx, a)] == [(0, 7), (30, 37)]
    assert [m.span() for m in scan.finditer_in(idx, b)] == [(30, 37)]
    assert idx.candidates(a) is idx.candidates(a)  # worked out once


def test_placeholder_openers_cover_every_field():
    # find_placeholders skips a text with none of _OPENERS: every field must begin with one
    starts = scan.starts(placeholders._RE)
    assert starts is not None
    assert all(s.kind == "string" and s.prefix.startswith(placeholders._OPENERS) for s in starts)
    assert list(placeholders.find_placeholders("no fields here (none at all)")) == []
    assert [p.name for p in placeholders.find_placeholders("a = b; ==clinic name== and [DATE]")] == ["clinic name", "DATE"]


def test_shipped_table_agrees_with_reading_the_patterns():
    # scan_table.json spares each run reading litcheck's own patterns: what it holds must be what
    # reading them gives; a pattern changed since the table was built is simply read (and the
    # table is rebuilt with scripts/build_scan_table.py)
    table = scan._shipped()
    own = [p for p in PATTERNS if scan.table_key(p) in table]
    assert len(own) >= 0.8 * len(PATTERNS), "run scripts/build_scan_table.py"
    for pattern in own:
        entry = table[scan.table_key(pattern)]
        read = scan.read_starts(pattern)
        assert (None if entry is None else tuple(scan.Start(*way) for way in entry)) == read, pattern.pattern[:80]
    changed = re.compile(r"\bnot\s+in\s+the\s+table\b", re.I)
    assert scan.table_key(changed) not in table and scan.starts(changed) == scan.read_starts(changed)
