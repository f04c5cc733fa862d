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
    "Book online at example.org/flu or our-site.nhs.uk/app, www.nhs.uk or https://x.co.uk/a. Use the NHS App. "
    "Mr.Smith e.g. a.b.c/ x_y.com/ 9.org/ .com/ café.org/ \u212a.com/ the app. Log in.",
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


def _whole_words(text: str, start: int, end: int) -> set[str]:
    """The words (runs of word characters, lower-cased) of ``text`` that lie inside [start, end)."""
    return {m.group().lower() for m in re.finditer(r"\w+", text) if start <= m.start() and m.end() <= end}


def _holds_what_it_needs(needed, inside, pattern: re.Pattern, text: str) -> None:
    """Every match of ``pattern`` in ``text`` holds one of ``needed`` (what ``inside(text, start,
    end)`` reads in the match), on a text that folds as re does: the index asks nothing of another."""
    from litcheck.prefilter import Lowered

    if needed is None or not Lowered(text).exact:
        return
    for m in pattern.finditer(text):
        assert needed & inside(text, *m.span()), (pattern.pattern[:80], m.group(), sorted(map(str, needed))[:10])


def _holds_a_needed_word(pattern: re.Pattern, text: str) -> None:
    _holds_what_it_needs(scan.needed_words(pattern), _whole_words, pattern, text)


def test_most_patterns_need_words():
    # the analysis must find words for the phrase patterns, or it spares nothing
    assert sum(scan.needed_words(p) is not None for p in PATTERNS) >= 0.4 * len(PATTERNS)


@pytest.mark.parametrize("text_no", range(len(with_corpus(OWN_TEXTS))))
def test_every_match_holds_one_of_the_needed_words_whole(text_no):
    text = with_corpus(OWN_TEXTS)[text_no]
    for pattern in PATTERNS:
        _holds_a_needed_word(pattern, text)


_WORDY = st.sampled_from(
    list("aAdeiknorsty0 ,.:'’-\n_") + ["\u212a", "\u0130", "appointment", "appointments", "your ", "you ", "Dear ", "dear", "the ", "leaflet", "clinic", "missed "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDY, max_size=30).map("".join))
def test_random_texts_hold_the_needed_words(text):
    for pattern in PATTERNS[::2]:
        _holds_a_needed_word(pattern, text)


@pytest.mark.parametrize(
    "source, flags, needed",
    [
        (r"\bappointments?\s", re.I, {"appointment", "appointments"}),
        (r"\b(?:your|the)\s+letter\b", re.I, {"letter"}),  # the less common word of the two
        (r"^[^\w\n]*(?:dear|hi|hello)\b", re.I | re.M, {"dear", "hi", "hello"}),
        (r"\byou\s+(?:have\s+)?missed\s+your\b", re.I, {"missed"}),  # an optional group before it
        (r"(?<![\w-])(?:(?:clinic))(?![\w-])", re.I, {"clinic"}),  # look-arounds bound the word
        (r"\bNHS\b", 0, {"nhs"}),  # case aside: the text's words are compared lower-cased
        (r"\beasy[ -]?read\b", re.I, None),  # "easyread" is one word: "easy" need not be whole
        (r"\bappoint", re.I, None),  # a word's beginning only
        (r"\s*dear\b", re.I, None),  # what comes before is not known
        (r"(?a)\bdear\b", re.I, None),  # ASCII word boundaries: not the text's words
        (r"\w+", 0, None),
    ],
)
def test_needed_words_read(source, flags, needed):
    pattern = re.compile(source, flags)
    got = scan.read_needed_words(pattern)
    assert (None if got is None else set(got)) == needed


def test_a_search_that_cuts_a_word_is_not_spared():
    # "appointments" holds no whole word "appointment", but a search that stops inside it sees one
    pattern = re.compile(r"\bappointment\b", re.I)
    idx = scan.TextIndex("Your appointments are booked")
    assert idx.excluded(pattern)
    assert list(scan.finditer_in(idx, pattern)) == []
    assert [m.span() for m in scan.finditer_in(idx, pattern, 0, 16)] == [(5, 16)]
    assert scan.search_piece(idx, pattern, 5, "appointment").span() == (0, 11)
    assert scan.search_piece(idx, pattern, 0, "Your appointments") is None


def test_spans_that_cut_a_word_are_still_searched():
    from litcheck.analysers import Context
    from litcheck.readers import read_text

    text = "Your appointments are booked. See you."
    ctx = Context(read_text(text, "txt", None))
    pattern = re.compile(r"\bappointment\b", re.I)

    class Span:
        def __init__(self, start, end):
            self.start, self.end = start, end

    spans = [Span(0, 29), Span(5, 16), Span(30, 38)]
    got = [(s.start, m.span()) for s, m in scan.finditer_spans(ctx, pattern, spans)]
    want = [(s.start, m.span()) for s in spans for m in pattern.finditer(text, s.start, s.end)]
    assert got == want == [(5, (5, 16))]


def test_shipped_needed_words_agree_with_reading_the_patterns():
    table = scan._shipped()
    own = [p for p in PATTERNS if scan.NEEDED_PREFIX + scan.table_key(p) in table]
    assert len(own) >= 0.8 * len(PATTERNS), "run scripts/build_scan_table.py"
    for pattern in own:
        entry = table[scan.NEEDED_PREFIX + scan.table_key(pattern)]
        assert (None if entry is None else frozenset(entry)) == scan.read_needed_words(pattern), pattern.pattern[:80]


def _reference_word_table(text: str) -> dict[str, list[int]]:
    """TextIndex's word table as it was first written: each word's first one, two and three
    characters, word by word."""
    low, table = text.lower(), {}
    for p in [m.start() for m in re.finditer(r"\w+", text)]:
        for key in (low[p], low[p : p + 2], low[p : p + 3]):
            found = table.setdefault(key, [])
            if not found or found[-1] != p:
                found.append(p)
    return table


@pytest.mark.parametrize("text_no", range(len(with_corpus(OWN_TEXTS))))
def test_the_word_table_is_the_word_by_word_one(text_no):
    text = with_corpus(OWN_TEXTS)[text_no]
    assert scan.TextIndex(text)._words()[0] == _reference_word_table(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDY, max_size=30).map("".join))
def test_the_word_table_is_the_word_by_word_one_on_random_texts(text):
    table, keys = scan.TextIndex(text)._words()
    assert table == _reference_word_table(text) and keys == frozenset(table)


def test_other_digits_are_found_as_re_finds_them():
    # the ten ASCII digits are found with str.find; in a text with any other decimal digit, with \d
    for text in ["Ward 7B, 10:30", "Ward \u0667 and 3", "\uff13\uff10 minutes, 12", "no digits at all \u00bd"]:
        idx = scan.TextIndex(text)
        assert idx._places("digit") == [m.start() for m in re.finditer(r"\d", text)]


def test_other_digit_is_every_decimal_digit_but_the_ascii_ones():
    # the quick test of whether a text has a decimal digit beyond 0-9, checked on every character
    import sys

    text = "".join(map(chr, range(sys.maxunicode + 1)))
    want = [i for i, ch in enumerate(text) if ch.isdecimal() and ch not in "0123456789"]
    assert [m.start() for m in scan._OTHER_DIGIT.finditer(text)] == want


# -- runs of words a match must hold (needed_keys) ---------------------------------------------


def _runs_inside(text: str, start: int, end: int) -> set:
    """The words of ``text`` inside [start, end), lower-cased, and each run of two and three of
    them that follow one another in the text, as tuples: what a match there holds whole."""
    words = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"\w+", text)]
    inside = [i for i, (s, e, _w) in enumerate(words) if start <= s and e <= end]
    out = set()
    for i in inside:
        for size in (1, 2, 3):
            run = words[i : i + size]
            if len(run) == size and run[-1][1] <= end:
                out.add(run[0][2] if size == 1 else tuple(w for _s, _e, w in run))
    return out


def _holds_a_needed_key(pattern: re.Pattern, text: str) -> None:
    _holds_what_it_needs(scan.needed_keys(pattern), _runs_inside, pattern, text)


def test_more_patterns_need_keys_than_words():
    with_keys = sum(scan.needed_keys(p) is not None for p in PATTERNS)
    assert with_keys >= sum(scan.needed_words(p) is not None for p in PATTERNS)
    runs = sum(any(isinstance(k, tuple) for k in scan.needed_keys(p) or ()) for p in PATTERNS)
    assert runs >= 0.2 * len(PATTERNS)  # the phrase patterns are read as runs of words


@pytest.mark.parametrize("text_no", range(len(with_corpus(OWN_TEXTS))))
def test_every_match_holds_one_of_the_needed_keys_whole(text_no):
    text = with_corpus(OWN_TEXTS)[text_no]
    for pattern in PATTERNS:
        _holds_a_needed_key(pattern, text)


_PHRASY = st.sampled_from(
    list("adeiknorsty0 ,.:'’-\n_\t") + ["you ", "You", "will ", "be ", "sent", "no ", "further", "easy", "read", "don't ", "do not ", "please ", "call ",
                                        "book", "your ", "appointment ", "is ", "letter", "the ", "our ", "team ", "  ", "-", "step", "free"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASY, max_size=30).map("".join))
def test_random_texts_hold_the_needed_keys(text):
    for pattern in PATTERNS:
        _holds_a_needed_key(pattern, text)


@pytest.mark.parametrize(
    "source, flags, needed",
    [
        (r"\byou\s+(?:have\s+)?missed\s+your\b", re.I, {"you have missed", "you missed your"}),
        (r"\b(?:your|the)\s+letter\b", re.I, {"your letter", "the letter"}),
        (r"\beasy[ -]?read\b", re.I, {"easy read", "easyread"}),  # "easy-read" holds the run "easy read"
        (r"\bdon't\s+eat\b", re.I, {"don t eat"}),  # the apostrophe parts two words
        (r"\bstep\s+free", re.I, {"step"}),  # "free" may go on ("freedom"): only "step" is whole
        (r"(?<![\w-])clinic\s+(?:room|area)(?![\w-])", re.I, {"clinic room", "clinic area"}),
        (r"\bappoint", re.I, None),
        (r"\w+\s+letter\b", re.I, {"letter"}),
        (r"(?a)\bdear\s+sir\b", re.I, None),
    ],
)
def test_needed_keys_read(source, flags, needed):
    got = scan.read_needed_keys(re.compile(source, flags))
    assert (None if got is None else set(got)) == needed


@pytest.mark.parametrize("source", [r"\b\w+\.(?:org|com)/", r"\b(?:www\.|\w+@\w+)", r"(?<!\w)\w+\.uk\b"])
def test_a_word_before_a_string_begins_the_match(source):
    # "\b\w+" then a string that begins with no word character: the match begins at the start of the
    # word that ends right before the string, and the search finds what re finds
    pattern = re.compile(source, re.I)
    assert any(s.kind == "word_before" for s in scan.read_starts(pattern))
    for text in ["see example.org/flu and a@b.uk, bad.COM/ x.com/ .org/ (www.x.uk) 1.uk", "no address", "@ @x a@"]:
        idx = scan.TextIndex(text)
        assert [m.span() for m in scan.finditer_in(idx, pattern)] == [m.span() for m in pattern.finditer(text)]
    assert scan.read_starts(re.compile(r"\w+\.com", re.I)) is None  # no boundary: it may begin inside a word


def test_a_pattern_not_in_the_table_needs_its_words():
    # a pattern made while checking (an existence rule's tokens that can match) is read in every
    # process: it gets its needed words, not the costlier runs
    pattern = re.compile(r"\bwe\s+shall\s+be\s+posting\b", re.I)
    assert scan.needed_keys(pattern) == scan.needed_words(pattern) == {"posting"}
    assert scan.read_needed_keys(pattern) == {"we shall be"}


def test_a_text_without_the_run_is_not_searched(monkeypatch):
    pattern = re.compile(r"\byou\s+will\s+be\s+sent\b", re.I)
    # as if litcheck's own: its runs are in the shipped table
    monkeypatch.setitem(scan._shipped(), scan.KEYS_PREFIX + scan.table_key(pattern), sorted(scan.read_needed_keys(pattern)))
    assert scan.needed_keys(pattern) == {("will", "be", "sent")}
    idx = scan.TextIndex("You will be told when. We have sent you a letter.")
    assert idx.excluded(pattern)  # every word is there, never in that order
    assert list(scan.finditer_in(idx, pattern)) == []
    idx = scan.TextIndex("You will\nbe  sent a letter.")
    assert not idx.excluded(pattern)
    assert [m.span() for m in scan.finditer_in(idx, pattern)] == [(0, 17)]


def test_shipped_needed_keys_agree_with_reading_the_patterns():
    table = scan._shipped()
    own = [p for p in PATTERNS if scan.KEYS_PREFIX + scan.table_key(p) in table]
    assert len(own) >= 0.8 * len(PATTERNS), "run scripts/build_scan_table.py"
    for pattern in own:
        entry = table[scan.KEYS_PREFIX + scan.table_key(pattern)]
        assert (None if entry is None else frozenset(entry)) == scan.read_needed_keys(pattern), pattern.pattern[:80]
