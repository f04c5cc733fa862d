"""Issue 20: the sentence splitter's fast paths find exactly what the plain forms they replaced
found. Each fast path (a pattern tried only where it can match, one scan for the runs of
sentence marks instead of three, a word's look-ups done once, a possessive word pattern) is
compared here with the plain form, kept below as the reference, on generated text built from
the pieces that reach its edge cases: runs of marks, closing quotes, glued stops, bullets,
abbreviations, addresses, other languages' words, letters English never writes, and the
characters re folds to ASCII letters when it ignores case ("ſ", "İ").
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litcheck import segment
from litcheck.languages import WORD, _ENGLISH, _script, table
from litcheck.prose import WORD_RE, WORD_RE_ASCII
from litcheck.readers import read_text
from litcheck.spelling import zipf, zipf_frequency

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- the plain forms, as they were before issue 20 -----------------------------------------

PLAIN_WORD_RE = re.compile(r"[^\W_]+(?:(?:['’\-]|\.(?=[^\W_]))[^\W_]+)*")
PLAIN_BOUNDARY = re.compile(r"(?<![.!?])([.!?]+)([\"'”’)\]]*)(\s+)")


def plain_sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """segment._sentence_spans as it was: three scans of the whole span, then the pieces."""
    cuts = []
    for m in PLAIN_BOUNDARY.finditer(text, start, end):
        if plain_is_boundary(text, m, end):
            cuts.append((m.end(2), m.end()))
    for m in segment._GLUED.finditer(text, start, end):
        word = plain_word_before(text, m.start())
        if word.lower() not in segment.ABBREVIATIONS and not segment._in_address(text, m.start()):
            cuts.append((m.end(), m.end()))
    for m in segment._INLINE_BULLET.finditer(text, start, end):
        if m.start() > start:
            cuts.append((m.start(), m.start()))
    spans = []
    s = start
    for stop, nxt in sorted(cuts):
        if stop > s:
            spans.append((s, stop))
        s = max(s, nxt)
    if s < end:
        spans.append((s, end))
    out = []
    for a, b in (segment._trim(text, a, b) for a, b in spans):
        for c, d in segment._cut_runaway(text, a, b):
            out.extend(segment._split_semicolons(text, c, d))
    return [(a, b) for a, b in out if text[a:b].strip()]


def plain_is_boundary(text: str, m: re.Match, end: int) -> bool:
    punct = m.group(1)
    nxt = m.end()
    if nxt >= end:
        return False
    following = text[nxt]
    if punct[-1] in "!?":
        return True
    if punct == "." or punct.endswith("."):
        word = plain_word_before(text, m.start(1))
        lower = word.lower()
        if lower in segment.ABBREVIATIONS and not (lower in segment._CAN_END and following.isupper()):
            return False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False
    if "\n" in m.group(3):
        return True
    return following.isupper() or following.isdigit() or following in "\"'“‘([«<{£"


def plain_word_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "./"):
        i -= 1
    return text[i:pos]


def plain_line_label(line: str) -> str | None:
    s = segment
    if s._KEY_LINE.match(line) or s._LETTERS_LINE.match(line):
        return "label"
    if s._CAPTION.match(line) and s._only_describes(line):
        return "caption"
    if s._SALUTATION.match(line) and len(line) < 60 and not line.rstrip().endswith("."):
        return "salutation"
    if s._SIGNOFF.match(line):
        return "signoff"
    if s._DATE_LINE.match(line):
        return "date"
    if s._LABEL_LINE.match(line) or s._PHONE_LINE.match(line):
        return "label"
    return None


def plain_is_foreign(sentence: str) -> bool:
    """segment.is_foreign as it was: every letter and every word looked at one by one."""
    letters = [ch for ch in sentence if ch.isalpha()]
    if len(letters) < 8:
        return False
    latin = sum(1 for ch in letters if re.match(r"[A-Za-z]", ch) or "\u00c0" <= ch <= "\u024f")
    if latin < 0.5 * len(letters):
        return True
    words = [w for w in PLAIN_WORD_RE.findall(sentence) if w.isalpha()]
    if len(words) < 4:
        return False
    if segment.looks_foreign(words):
        return True
    if sum(1 for w in words if not w.isascii() and any("\u0100" <= ch <= "\u024f" for ch in w)) >= 3:
        return True
    odd = sum(1 for w in words if (not w.isascii() and any("\u0100" <= ch <= "\u024f" for ch in w))
              or (not w[:1].isupper() and zipf_frequency(w.lower(), "en") < 1.5))
    return odd >= 0.5 * len(words)


def plain_looks_foreign_heading(line: str) -> bool:
    """languages.looks_foreign_heading as it was: every word weighed again for each language."""
    if _script(line):
        return True
    words = WORD.findall(line)
    if not 2 <= len(words) <= 15:
        return False
    lowered = [w.lower() for w in words]
    if any(w in _ENGLISH for w in lowered):
        return False
    sentence_case = any(w[:1].islower() for w in words[1:])
    for common in table().values():
        marked = own = english = 0
        for i, (w, lw) in enumerate(zip(words, lowered)):
            if lw in common:
                marked += 1
                own += zipf(lw) < 4.0
                continue
            odd_letters = any("\u00c0" <= ch <= "\u024f" for ch in w)
            if sentence_case and i > 0 and w[:1].isupper() and not odd_letters:
                continue
            if odd_letters or zipf(lw) < 2.5:
                own += 1
                marked += odd_letters
            elif zipf(lw) >= 3.0:
                english += 1
        if marked and 3 * english <= own and own >= 2 and own >= 0.5 * len(words):
            return True
    return False


# -- generated text ---------------------------------------------------------------------------

_OTHER_WORDS = sorted({w for words in table().values() for w in words})[::7]
PIECES = [
    " ", " ", " ", "\n", "\n\n", "\t", "\u00a0", ".", ".", "!", "?", "...", "?!", ".\u201d", ".)", ".]", "'", "’", "\"",
    ";", ":", ",", "-", "/", "@", "}", "»", "•", "▪", "\ue001", "_", "9", "30", "0300 555 0101",
    "the", "you", "and", "appointment", "clinic", "nurse", "Please", "If", "The", "We", "Dr", "Mrs", "J", "U.K", "e.g",
    "a.m", "etc", "mg", "www.nhs.uk/Conditions", "nhs.uk", "as below", "as follows", "the following", "FOLLOWS", "ſ", "İ",
    "Dear", "Yours sincerely", "Tel", "Date", "NE1 4XX", "appt_key", "M", "An illustration of", "GUIDANCE NOTES",
    "For office use only", "Informacja", "dla", "pacjentów", "Gwybodaeth", "i", "gleifion", "Mae", "yn", "eich",
    "łóżko", "ș", "Информация", "معلومات", "xqzt", "zzyzx", "Zoe", "Anna", "ok", "To", "NE1 4XX", "Clinic: ", "When: 10am",
] + _OTHER_WORDS
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
raw_texts = st.text(alphabet=st.sampled_from(list("aZé ą.!?;:'’\"”)]-/ \n\t•\ue0010_ſİ")), max_size=60)
any_text = st.one_of(texts, raw_texts)


def _span(text: str, data) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


# -- the tests ----------------------------------------------------------------------------------


@SETTINGS
@given(any_text, st.data())
def test_word_pattern_finds_the_same_words(text, data):
    start, end = _span(text, data)
    assert WORD_RE.findall(text, start, end) == PLAIN_WORD_RE.findall(text, start, end)
    assert [m.span() for m in WORD_RE.finditer(text, start, end)] == [m.span() for m in PLAIN_WORD_RE.finditer(text, start, end)]
    ascii_only = text.encode("ascii", "ignore").decode()
    assert WORD_RE_ASCII.findall(ascii_only, start, end) == PLAIN_WORD_RE.findall(ascii_only, start, end)


@SETTINGS
@given(any_text, st.data())
def test_sentence_spans_are_cut_where_the_three_scans_cut_them(text, data):
    start, end = _span(text, data)
    assert segment._sentence_spans(text, start, end) == plain_sentence_spans(text, start, end)


def test_a_span_that_starts_inside_a_run_of_marks_is_not_cut_at_its_start():
    # the plain pattern's look-behind saw the mark before the span; the run scan must too
    text = "Wait... Then go. Now"
    for start in range(len(text)):
        assert segment._sentence_spans(text, start, len(text)) == plain_sentence_spans(text, start, len(text))
    assert segment._sentence_spans(text, 5, len(text)) == [(5, 16), (17, 20)]


def test_written_sentence_ends_are_cut_as_before():
    texts = [
        "Please see the nurse.If you cannot come, ring us.Then wait!",
        "Come at 10 a.m. The clinic is on Ward 3. Take 5 mg. Then rest. J. Smith will see you (e.g. Dr. Khan).",
        "Read nhs.uk/Conditions.Then ring {{ date }}.To book, see www.nhs.uk.Now go.",
        'He said "Come early." Then he left? Yes!! And so... on. Done."',
        "Bring • your letter • your glasses \ue001 and a list of medicines; we will check it; then we will see you.",
        "ok.Now ok.Hello ok.Zoe a).Then b].Then c}.Then d».Then e f.Then",
        "See the approx. Then xapprox. Then medication. Then medicati. Then mmol. Then p.m. Then X. Then 1234567. Then",
        "Long abbreviation-like words: Thursday. Then dept. then Dept. Then U.S. Then 5ml. Then mg.\nThen 3. 4",
    ]
    texts.append(" ".join(f"word{ch.lower()}x.{ch}ow" for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for text in texts:
        for start in (0, 1, 5):
            assert segment._sentence_spans(text, start, len(text)) == plain_sentence_spans(text, start, len(text)), text
    assert len(segment._sentence_spans(texts[-1], 0, len(texts[-1]))) == 27


@SETTINGS
@given(any_text, st.data())
def test_the_word_before_a_mark_is_read_as_before(text, data):
    pos = data.draw(st.integers(0, len(text)))
    assert segment._word_before(text, pos) == plain_word_before(text, pos)


@SETTINGS
@given(any_text)
def test_line_tests_with_a_prefilter_answer_as_the_full_patterns(line):
    assert segment._introduces_list(line) == bool(segment._LIST_LEAD_IN.search(line))
    assert segment._line_label(line) == plain_line_label(line)
    assert bool(segment._STAFF_HEADING_AT.match("x\n" + line + "\ny", 2, 2 + len(line))) == bool(segment._STAFF_HEADING.match(line))
    assert not (line[-1:] in (".", "!", "?") and segment._STAFF_HEADING.match(line))  # what _staff_sections skips
    assert segment._has_postcode(line) == bool(segment.POSTCODE.search(line))
    assert segment._is_field(line) == bool(segment._FIELD_LINE.match(line))


def plain_looks_like_address(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2:
        return False
    postcode = any(segment.POSTCODE.search(text[s:e]) for s, e in lines)
    for s, e in lines:
        line = text[s:e]
        if segment._FIELD_LINE.match(line):
            return False
        if line[-1] in ".!?" or (len(WORD_RE.findall(line)) > 8 and not postcode):
            return False
    return True


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(PIECES[PIECES.index("the"):] + ["When:", "Where: ", "LS1 1XX", "SW1A1AA", " ", " ", " "]),
                         min_size=1, max_size=14).map(" ".join), min_size=1, max_size=5).map("\n".join))
def test_an_address_block_is_found_as_before(text):
    lines = segment._lines(text, 0, len(text))
    assert segment._looks_like_address(text, lines) == plain_looks_like_address(text, lines)


def test_the_prefilters_let_through_lines_that_the_patterns_label():
    assert segment._introduces_list("Patients are invited AS FOLLOWſ")  # re folds ſ to s
    assert segment._introduces_list("Please bring:  ")
    assert not segment._introduces_list("Please bring your letter.")
    assert segment._line_label("Yours sincerely,") == "signoff"
    assert segment._line_label("Tel: 0300 555 0101") == "label"
    assert segment._line_label("12 March 2026") == "date"
    assert segment._line_label("Your appointment is on Monday.") is None


@SETTINGS
@given(st.lists(st.sampled_from(PIECES[PIECES.index("the"):] + [" ", " ", " ", ".", ","]), max_size=24).map(" ".join))
def test_foreign_sentences_are_found_as_before(sentence):
    assert segment.is_foreign(sentence) == plain_is_foreign(sentence)
    assert segment.looks_foreign_heading(sentence) == plain_looks_foreign_heading(sentence)


def test_foreign_sentences_and_headings_as_before_on_written_examples():
    examples = [
        "Mae'r apwyntiad yn y clinig ddydd Llun.",
        "Wizyta odbędzie się w poniedziałek rano, prosimy przyjść wcześniej.",
        "Пожалуйста, приходите вовремя на прием.",
        "Please bring your glasses and a list of the medicines you take.",
        "Dr Nowak and Dr Kowalski will see you at Wrexham Maelor Hospital.",
        "Gwybodaeth i gleifion",
        "Informacja dla pacjentów",
        "Endoscopy at Ysbyty Gwynedd",
        "Your “appointment” – at the clinic – is on Monday at 9.30am.",
    ]
    assert [segment.is_foreign(e) for e in examples] == [plain_is_foreign(e) for e in examples]
    assert [segment.looks_foreign_heading(e) for e in examples] == [plain_looks_foreign_heading(e) for e in examples]
    assert segment.is_foreign(examples[1]) and not segment.is_foreign(examples[3])


_PLACEHOLDER_PIECES = ["{{ date }}", "[name]", "<<clinic>>", "[an overnight stay | day case]", "{time}"]


@SETTINGS
@given(st.lists(st.sampled_from(PIECES + _PLACEHOLDER_PIECES * 4), max_size=40).map("".join))
def test_a_sentence_kind_is_found_as_before_with_placeholders(text):
    doc = read_text(text, "txt", None)
    for s in segment.split_sentences(doc):
        if s.kind not in ("prose", "placeholder", "foreign"):
            continue
        if s.kind == "foreign" and plain_looks_foreign_heading(doc.text[s.start : s.end]):
            continue  # (maybe a heading in another language: not a span's kind)
        if not segment._has_words_outside_placeholders(doc, s.start, s.end):
            plain = "placeholder"
        else:
            plain = "foreign" if plain_is_foreign(doc.text[s.start : s.end]) else "prose"
        assert s.kind == plain, (text, s)


def test_the_counts_read_the_words_the_splitter_found():
    from litcheck.prose import SentenceWords, span_word_texts

    doc = read_text("Dear Mrs Khan\n\nYour appointment is on Monday at 9.30am. Please bring your letter – and your glasses.\n"
                    "Ring 0300 555 0101 if you can't come.\n", "txt", None)
    prose = [s for s in segment.split_sentences(doc) if s.kind == "prose"]
    assert len(prose) == 3
    for s in prose:
        found = doc.span_words[s.start, s.end]
        assert found == PLAIN_WORD_RE.findall(doc.text, s.start, s.end)
        assert SentenceWords(doc, s.start, s.end, []).texts is found  # not found again
        assert span_word_texts(doc, s.start, s.end) is found
    assert span_word_texts(doc, 0, 13) == ["Dear", "Mrs", "Khan"]  # a span nobody asked for yet


@SETTINGS
@given(st.lists(st.sampled_from(PIECES + _PLACEHOLDER_PIECES), max_size=30).map("".join), st.data())
def test_words_in_a_span_are_found_as_before(text, data):
    from litcheck.prose import masked_spans, words_in

    doc = read_text(text, "txt", None)
    start, end = _span(doc.text, data)
    masks = masked_spans(doc)
    plain = [(m.group(), m.start(), m.end()) for m in PLAIN_WORD_RE.finditer(doc.text, start, end)
             if not any(s < m.end() and m.start() < e for s, e in masks)]
    assert [tuple(w) for w in words_in(doc, start, end, masks)] == plain


def test_plain_text_blocks_as_the_reader_made_them():
    """readers.text._blocks in one pass over the lines (issue 20): a blank line ends a
    paragraph, an underline makes the line above a heading, a bullet line is a list item, a
    short capitalised line alone is a heading, a line closing a sentence ends its paragraph."""
    text = ("Your appointment\n================\n\nDear Mrs Khan\n\nPlease come to the clinic.\nBring your letter with you.\n"
            "\nWhat to bring:\n- your glasses\n  * a list of medicines\n\nWhat happens next?\n\nParking is free\nfor blue badge holders.\n"
            "   \nYours sincerely\n\nA line longer than any wrapped file has, so this file is not hard-wrapped and each line is the writer's own.\n")
    blocks = read_text(text, "txt", None).blocks
    got = [(b.kind, b.location["line"], b.level, text[b.start : b.end]) for b in blocks]
    assert got == [
        ("heading", 1, 1, "Your appointment"),
        ("paragraph", 4, 0, "Dear Mrs Khan"),
        ("paragraph", 6, 0, "Please come to the clinic."),
        ("paragraph", 7, 0, "Bring your letter with you."),
        ("paragraph", 9, 0, "What to bring:"),
        ("list_item", 10, 0, "your glasses"),
        ("list_item", 11, 1, "a list of medicines"),
        ("heading", 13, 2, "What happens next?"),
        ("paragraph", 15, 0, "Parking is free\nfor blue badge holders."),
        ("paragraph", 18, 0, "Yours sincerely"),
        ("paragraph", 20, 0, "A line longer than any wrapped file has, so this file is not hard-wrapped and each line is the writer's own."),
    ]


def test_written_address_blocks_as_before():
    for text, expected in [
        ("Ward 3\nWestgate General Hospital\nNE1 4XX", True),
        ("The Heart Clinic, Westgate General Hospital, Westgate Road, Newcastle upon Tyne\nNE1 4XX", True),
        ("The Heart Clinic at Westgate General Hospital is on the ground floor near\nthe main entrance", False),
        ("Please come to the clinic.\nBring your letter", False),
        ("When: Monday 3 March\nWhere: Ward 3", False),
    ]:
        lines = segment._lines(text, 0, len(text))
        assert segment._looks_like_address(text, lines) is expected == plain_looks_like_address(text, lines), text


@SETTINGS
@given(any_text)
def test_markdown_line_starts_as_before(text):
    from litcheck.readers.markdown import _line_starts

    assert _line_starts(text) == [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def test_a_sentence_is_still_a_frozen_value():
    import dataclasses
    import pickle

    s = segment.Sentence(3, 10, 1)
    assert (s.start, s.end, s.block, s.kind) == (3, 10, 1, "prose") and s.is_prose
    assert s == segment.Sentence(3, 10, 1, "prose") and hash(s) == hash((3, 10, 1, "prose"))
    assert s != segment.Sentence(3, 10, 1, "heading")
    assert repr(s) == "Sentence(start=3, end=10, block=1, kind='prose')"
    assert dataclasses.replace(s, kind="foreign") == segment.Sentence(3, 10, 1, "foreign")
    assert [f.name for f in dataclasses.fields(s)] == ["start", "end", "block", "kind"]
    assert pickle.loads(pickle.dumps(s)) == s
    try:
        s.kind = "heading"
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a Sentence can be changed")
