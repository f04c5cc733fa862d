"""Sentences: how litcheck splits a Document before anything is scored.

Readability formulas assume prose sentences. Letters are not all prose: an address block,
"Dear Mrs Khan", a date line or a heading is not a sentence, and scoring it as one either
inflates or deflates the reading age. So every block is cut into pieces, and each piece is
labelled ``prose`` or with the reason it is not scored (``heading``, ``address``...).

Rules followed (NHS service manual on readability testing; Flesch's own instructions):
each bullet item is a sentence; headings, address blocks, salutations and sign-offs,
reference, phone and date lines, headers, footers and tables are not prose sentences; full
stops in titles, times, decimals and common abbreviations do not end a sentence; long
semicolon chains are split.

Line structure counts too: a short line without closing punctuation is a heading or a
label, never the start of the next sentence; a line that is only a template key
("appt_reminder:") or the letters of a watermark ("M", "UI") is not prose; a bullet
starts a new sentence even when a reader ran the list into one line; a full stop with no
space after it still ends a sentence ("see the nurse.If you"). Image descriptions ("An
illustration of a nurse") are not read as text, and sentences in another language are
left out of English readability ("foreign").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat

from .document import Block, Document
from .languages import _ENGLISH, looks_foreign, looks_foreign_heading
from .readers.picture_labels import CAPTION_MAX_WORDS
from .textpatterns import MONTH, POSTCODE
from .prose import WORD_RE, WORD_RE_ASCII

#: Full stops after these (lower-cased, without the stop) do not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms miss dr prof rev st sr jr mx no nos tel ext approx dept e.g eg i.e ie etc vs
    cf a.m p.m am pm fig ref jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
    thu thur thurs fri sat sun u.s u.k n.b nb inc ltd co hrs mins min max mg mmol ml""".split()
)
# Abbreviations that can end a sentence when a capital follows ("... at 10 a.m. The clinic").
# Units end sentences too ("Take 5 mg. Then ..."); titles and "e.g." never do.
_CAN_END = frozenset({"a.m", "p.m", "am", "pm", "etc", "ltd", "inc", "co", "mg", "ml", "mmol", "hrs", "mins", "min", "max"})
#: a word before a full stop that is longer than this is no abbreviation (nor an initial)
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))

_SALUTATION = re.compile(r"^\s*(dear\b|to whom it may concern|hello\b|hi\b)", re.I)
_SIGNOFF = re.compile(
    r"^\s*(yours\s+(sincerely|faithfully|truly)|kind(est)?\s+regards|best\s+wishes|regards|"
    r"with\s+best\s+wishes|many\s+thanks|thank\s+you)\s*[,.!]?\s*$",
    re.I,
)
_LABEL_LINE = re.compile(
    r"^\s*(our\s+ref|your\s+ref|ref(erence)?(\s+no\.?|\s+number)?|nhs\s+(no\.?|number)|"
    r"hospital\s+(no\.?|number)|mrn|d\.?o\.?b\.?|date\s+of\s+birth|date|tel(ephone)?|phone|"
    r"mobile|fax|e-?mail|web(site)?|text\s*phone|minicom|cc|copy\s+to|enc(losures?)?)\b\s*[.:#]",
    re.I,
)
_MONTHS = MONTH
_DATE_LINE = re.compile(
    r"^\s*((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?,?\s+)?"
    r"(\d{1,2}(st|nd|rd|th)?\s+" + _MONTHS + r",?\s+\d{2,4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|"
    + _MONTHS + r"\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4})\s*\.?\s*$",
    re.I,
)
_PHONE_LINE = re.compile(r"^\s*[\d\s()+-]{9,}\s*$")
#: A UK postcode ("NE1 4XX", "LS1 1XX"): a line holding one, without a full stop, is an address.

#: "When: Tuesday at 10am", "Clinic: Heart Clinic 3": a field of a form, not a sentence.
_FIELD_LINE = re.compile(r"^\s*[A-Z][\w'’]*(?:\s+[\w'’]+){0,3}\s*:\s+\S")
# A line ending in one of these continues on the next line (wrapped text).
_CONNECTORS = frozenset(
    """a an and or but the of to at on in for with by from your our as if so that than
    this these those is are be will can may must not dr mr mrs ms miss prof""".split()
)
_END_PUNCT = ".!?:;"

# A candidate sentence end: terminal punctuation, closing quotes or brackets, then space.
# ``_sentence_spans`` tries it only at the first mark of each run of marks (_MARKS), so a page
# of "......" is scanned once, not once a dot (a try at a later mark of a run could only fail
# where the first mark's failed), and not at a run that began before the span.
_BOUNDARY = re.compile(r"([.!?][.!?]*)([\"'”’)\]]*)(\s+)")
_SEMICOLON_SPLIT_WORDS = 25


#: A full stop, question or exclamation mark with no space before the next sentence:
#: "the nurse.If you", "{{ date }}.To do so", "your examination .Shorts are". The word
#: before has two or more lower-case letters (not "U.K" or an initial) and is not part of a
#: web address or abbreviation.
_GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=[})\]»])|(?<=[a-z]{2} ))([.!?])(?=[A-Z][a-z])")
#: A bullet inside running text: list items a reader joined into one line.
_INLINE_BULLET = re.compile(r"(?:(?<=\s)|^)[•▪◦●‣■□\ue000-\uf8ff](?=\s)")
# Where to try those (issue 20): a pattern that opens with a lookbehind or a repeat makes re
# try every position of the text, one that opens with a set of characters skips to the next
# of them. A run of sentence marks is where a sentence end (_BOUNDARY, at its first mark) or a
# glued one (_GLUED, at its last) can be; a bullet character is where _INLINE_BULLET can be.
_MARKS = re.compile(r"[.!?][.!?]*")
_BULLET_AT = re.compile(r"[•▪◦●‣■□\ue000-\uf8ff]")
_CLOSERS = "\"'”’)]"  # what _BOUNDARY allows between the marks and the space
_STARTERS = "\"'“‘([«<{£"  # what a sentence can start with besides a capital or a digit
#: A line that is only a template key or section key: "appt_reminder:", "flu_invite:".
_KEY_LINE = re.compile(r"^\s*[A-Za-z][\w.-]*_[\w.-]*\s*:\s*$")
#: A line of one or two capital letters: the letters of a watermark or a drop cap.
_LETTERS_LINE = re.compile(r"^\s*[A-Z]{1,2}\s*$")
#: A description of a picture, written for screen readers or printed beside it.
_CAPTION = re.compile(
    r"^\s*(?:(?:an?|the|this)\s+)?(?:illustrations?|pictures?|images?|photos?|photographs?|drawings?|"
    r"icons?|symbols?|cartoons?|graphics?|clip\s*art)\s+(?:of|showing|shows)\b",
    re.I,
)

#: a sentence's end with more text after it
_SENTENCE_THEN_MORE = re.compile(r"[.!?][\"')\]]*\s+\S")
#: words that speak to the reader: a sentence with one is the letter, not a picture's description
_TO_THE_READER = re.compile(r"\b(?:you|your|yours|please|we|us|our)\b", re.I)

#: every Sentence.kind; a rule's ``scope:`` names some of them
SENTENCE_KINDS = (
    "prose", "heading", "address", "salutation", "signoff", "date", "label", "header", "footer", "table",
    "placeholder", "caption", "foreign", "staff",
)

#: A line that opens a section written for the staff who send a template, not for the patient:
#: "GUIDANCE NOTE:", "Notes for practices", "For office use only". Its text runs to the next heading.
_STAFF_HEADING = re.compile(
    r"^\s*(?:guidance\s+notes?|(?:guidance|notes?|instructions?|information)\s+(?:for|to)\s+"
    r"(?:the\s+)?(?:staff|practices?|surgeries|clinicians?|practitioners?|users?\s+of\s+this\s+template|admin(?:istrators?)?)|"
    r"staff\s+notes?|(?:for\s+)?(?:office|staff|internal|practice)\s+use(?:\s+only)?|notes?\s+on\s+using\s+this\s+(?:template|letter))"
    r"\s*:?\s*$",
    re.I,
)


@dataclass(frozen=True, init=False)
class Sentence:
    start: int  #: 0-based offset in Document.text
    end: int
    block: int  #: index of its block in Document.blocks
    #: "prose", or why it is not scored: heading, address, salutation, signoff, date,
    #: label (reference, phone, e-mail lines, template keys, watermark letters), header,
    #: footer, table, placeholder, caption (a picture's description), foreign (another language),
    #: staff (a template's notes for the staff who send it)
    kind: str = "prose"

    def __init__(self, start: int, end: int, block: int, kind: str = "prose") -> None:
        # (A frozen dataclass's own __init__ sets each field through object.__setattr__; filling
        # the new instance's dict is twice as fast, and a letter has dozens of sentences: issue 20.
        # Still frozen: setting a field afterwards raises FrozenInstanceError.)
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["block"] = block
        d["kind"] = kind

    @property
    def is_prose(self) -> bool:
        return self.kind == "prose"


def split_sentences(doc: Document) -> list[Sentence]:
    """Cut every block of ``doc`` into labelled sentences, in document order."""
    out: list[Sentence] = []
    text = doc.text
    # each paragraph's and list item's lines, found once for the wrap width and the split
    lines = [_lines(text, b.start, b.end) if b.kind in _LINE_BLOCKS else None for b in doc.blocks]
    wrap = _wrap_width(doc, lines)
    # whether the text has a bullet character anywhere, once, not once a span (issue 20)
    bullets = None if text.isascii() else _BULLET_AT.search(text) is not None
    for index, block in enumerate(doc.blocks):
        block_lines = lines[index]
        if block_lines is not None and len(block_lines) == 1:
            # a paragraph or list item on one line, as _split_block takes it (issue 20: without
            # its calls): letter furniture, or running text when an item, or when the line ends
            # as a sentence or clause does (else _line_groups may find it a heading or a label)
            s, e = block_lines[0]
            line = text[s:e]
            label = _line_label(line)
            if label:
                out.append(Sentence(s, e, index, label))
            elif block.kind == "list_item" or line[-1] in ".!?;:,":
                out.extend([(a, b, index) for a, b in _sentence_spans(text, s, e, bullets)])
            else:
                out.extend(_split_block(doc, index, block, wrap, block_lines))
            continue
        out.extend(_split_block(doc, index, block, wrap, block_lines))
    _with_kinds(doc, out)
    return _staff_sections(text, out)


def _with_kinds(doc: Document, out: list) -> None:
    """Make each running-text span in ``out`` (a (start, end, block) tuple ``_flush`` left for
    its kind to be told) a Sentence of its kind (``_kind_of_span``), all of them at once: their
    words found and their kinds of word counted in one pass each, and a span's kind worked out
    in Python only when it may be another language (issue 20)."""
    where = [i for i, x in enumerate(out) if type(x) is tuple]
    if not where:
        return
    text = doc.text
    spans = [out[i] for i in where]
    pieces = [text[s:e] for s, e, _b in spans]
    if text.isascii():
        ascii_ = [True] * len(pieces)
        found = list(map(WORD_RE_ASCII.findall, pieces))
    else:
        ascii_ = [p.isascii() for p in pieces]
        found = [(WORD_RE_ASCII if a else WORD_RE).findall(p) for p, a in zip(pieces, ascii_)]
    span_words = doc.span_words
    span_words.update(zip([(s, e) for s, e, _b in spans], found))  # the counts read them again
    if max(map(len, found)) >= _KIND_LIMIT:  # (no sentence is this long: MAX_SENTENCE_CHARS)
        for i, (s, e, b) in zip(where, spans):
            out[i] = Sentence(s, e, b, _kind_of_span(doc, s, e))
        return
    english_words = _ENGLISH
    placeholders = bool(doc.placeholders)  # (without any, a span is only placeholders when it has no words)
    for i, (s, e, b), words, piece, is_ascii, packed in zip(
        where, spans, found, pieces, ascii_, map(sum, map(map, repeat(_WORD_COUNT.__getitem__), found))
    ):
        if _only_placeholders(doc, s, e, words) if placeholders else not words:
            out[i] = Sentence(s, e, b, "placeholder")
            continue
        n = len(words) - (packed & _KIND_FIELD)  # the words of letters only
        # what _is_foreign says of an ASCII sentence of under 4 such words, or with a common
        # English word and fewer than half of its words not English: not foreign
        if is_ascii and (n < 4 or (2 * (n - ((packed >> _KIND_BITS) & _KIND_FIELD)) < n and not english_words.isdisjoint(words))):
            out[i] = Sentence(s, e, b)
        else:
            out[i] = Sentence(s, e, b, "foreign" if _is_foreign(piece, words, is_ascii) else "prose")


def _staff_sections(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A heading in another language ("Gwybodaeth i gleifion" above the English) is not
    English: kind "foreign". A template's notes for the staff who send it ("GUIDANCE NOTE:"
    and the lines under it, up to the next heading) are not read by the patient: kind "staff",
    left out of the reading age and of the rules that score prose. ``sentences`` is changed
    in place and returned."""
    for i, s in enumerate(sentences):
        if s.kind == "heading" and looks_foreign_heading(text[s.start : s.end]):
            sentences[i] = Sentence(s.start, s.end, s.block, "foreign")
    # (a sentence that ends in a full stop, question or exclamation mark is no staff heading)
    staff_heading = _STAFF_HEADING_AT.match
    if not any(text[s.end - 1] not in ".!?" and staff_heading(text, s.start, s.end) for s in sentences):
        return sentences  # no staff section (issue 20: no new list of the same sentences)
    staff = False
    for i, s in enumerate(sentences):
        if text[s.end - 1] not in ".!?" and staff_heading(text, s.start, s.end):
            staff = True
        elif s.kind == "heading":
            staff = False
        if staff:
            sentences[i] = Sentence(s.start, s.end, s.block, "staff")
    return sentences


#: formats whose reader puts a line break inside a block only where the file has one (a
#: Word or HTML line break, a PDF line the writer ended short): every line there is a line
#: the writer chose. In plain text and Markdown a line may be a wrapped piece of a sentence.
_WRAPPED_FORMATS = ("txt", "md")
#: the blocks whose lines _wrap_width measures (others are cut into lines only when split)
_LINE_BLOCKS = ("paragraph", "list_item")


def _wrap_width(doc: Document, block_lines: list[list[tuple[int, int]] | None] | None = None) -> int | None:
    """The width plain text was wrapped at, or None when every line is a line of its own.

    In a hard-wrapped text file the lines that wrap fill up to about the same width; the
    90th percentile of the lines that another line follows in the same block is no wider
    than it (a line is wrapped only when the next word would not fit). For Word, PDF and
    HTML, None: their readers keep only the line breaks the writer made."""
    if doc.format not in _WRAPPED_FORMATS:
        return None
    lengths = []
    text = doc.text
    for i, block in enumerate(doc.blocks):
        if block.kind not in _LINE_BLOCKS:
            continue
        lines = _lines(text, block.start, block.end) if block_lines is None else block_lines[i]
        if len(lines) > 1:
            lengths.extend(e - s for s, e in lines[:-1])
    if len(lengths) < 3:
        return 0  # too few lines to tell: no line is known to end short
    lengths.sort()
    return lengths[int(0.9 * (len(lengths) - 1))]


def _split_block(doc: Document, index: int, block: Block, wrap: int | None = 0,
                 lines: list[tuple[int, int]] | None = None) -> list[Sentence]:
    text = doc.text
    if block.kind in ("header", "footer", "caption"):
        return [Sentence(block.start, block.end, index, block.kind)]
    if block.kind == "table_cell":
        return [Sentence(block.start, block.end, index, "table")]
    if block.kind == "heading":
        return [Sentence(block.start, block.end, index, "heading")]

    if lines is None:
        lines = _lines(text, block.start, block.end)
    if not lines:
        return []
    out: list[Sentence] = []
    # Letter furniture on lines of its own: salutation, sign-off, date, reference lines.
    prose_lines: list[tuple[int, int]] = []
    for s, e in lines:
        label = _line_label(text[s:e])
        if label:
            _flush(doc, prose_lines, index, out)
            prose_lines = []
            out.append(Sentence(s, e, index, label))
        else:
            prose_lines.append((s, e))
    _flush(doc, prose_lines, index, out, list_item=block.kind == "list_item", wrap=wrap)
    return out


def _flush(doc: Document, lines: list[tuple[int, int]], index: int, out: list[Sentence], list_item: bool = False,
           wrap: int | None = 0) -> None:
    if not lines:
        return
    text = doc.text
    if not list_item and _looks_like_address(text, lines):
        out.extend(Sentence(s, e, index, "address") for s, e in lines)
        return
    groups = [(lines, None)] if list_item else _line_groups(text, lines, wrap)
    for group, label in groups:
        if label:
            out.extend(Sentence(s, e, index, label) for s, e in group)
            continue
        # (the kinds are told for all the document's spans at once: _with_kinds)
        out.extend([(s, e, index) for s, e in _sentence_spans(text, group[0][0], group[-1][1])])


def _line_groups(text: str, lines: list[tuple[int, int]], wrap: int | None = 0) -> list[tuple[list[tuple[int, int]], str | None]]:
    """Cut a paragraph's lines into runs of running text and lines that stand alone.

    A line without closing punctuation ends its sentence when the next line starts a new
    one (a capital, not a wrapped line): the NHS service manual's advice to add full stops
    to headings and list items before scoring. Such a line is labelled when it is not
    prose: a title line opening the paragraph (heading), a form field ("When: 10am",
    label) or a line with a postcode (address). ``wrap`` is the width plain text was
    wrapped at (0: not known), or None when every line break is the writer's own.
    """
    if len(lines) == 1:  # a paragraph on one line: a label of its own, or running text
        s, e = lines[0]
        label = _standalone_label(text[s:e], first=True, nxt=None, alone=True)
        return [([(s, e)], label)] if label else [(lines, None)]
    groups: list[tuple[list[tuple[int, int]], str | None]] = []
    current: list[tuple[int, int]] = []
    longest = max(e - s for s, e in lines)
    in_list = False  # the line is an item of a list that a lead-in line introduced
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        nxt = text[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else None
        label = _standalone_label(line, first=i == 0 and not current, nxt=nxt, alone=len(lines) == 1)
        if label:
            if current:
                groups.append((current, None))
                current = []
            groups.append(([(s, e)], label))
            continue
        current.append((s, e))
        if nxt is None:
            break  # the last line
        item = in_list and _list_item(line, e - s, wrap, nxt)
        lead_in = _introduces_list(line)
        if item or (lead_in and _short_item(nxt)) or _line_ends_sentence(line, nxt, e - s, longest, wrap):
            groups.append((current, None))
            current = []
        # a lead-in starts a list; an item keeps it going; a line that ends a sentence or runs long ends it
        in_list = lead_in or item
    if current:
        groups.append((current, None))
    return groups


def _unpunctuated(line: str) -> bool:
    return line.rstrip()[-1] not in ".!?;:,"


def _lead_in(line: str) -> bool:
    """A line ending in a colon: it introduces what follows ("Please bring:", "Where:")."""
    return line.rstrip().endswith(":")


#: a line that introduces the lines under it: "Please bring:", "Patients are invited as below",
#: "The clinic offers the following"
_LIST_LEAD_IN = re.compile(r"(?::|\b(?:as\s+below|as\s+follows|the\s+following)\s*:?)\s*$", re.I)
#: the most words a line of a list has when it is an item of its own ("aged 50 to 64 – every 5 years")
_ITEM_WORDS = 25


def _introduces_list(line: str) -> bool:
    # only a line ending (before its trailing space) in ":" or in the last letter of "below",
    # "follows" or "following" can match (ſ is an s to re.IGNORECASE): the pattern, which
    # would try every position of a long line, is tried only then (issue 20)
    end = line.rstrip()[-1:]
    return bool(end) and end in ":wWsSgGſ" and bool(_LIST_LEAD_IN.search(line))


def _short_item(line: str) -> bool:
    """A line that can be an item of a list: short, and not a finished sentence."""
    line = line.rstrip()
    return bool(line) and line[-1] not in ".!?" and len(WORD_RE.findall(line)) <= _ITEM_WORDS


def _list_item(line: str, length: int, wrap: int | None, nxt: str | None) -> bool:
    """Under a lead-in line, a short line with no sentence punctuation is an item of its own,
    whether the next item starts with a capital or not ("aged 50 to 64 – every 5 years" above
    "over 65 – only if ..."): the writer ended it there. Not a line ending in a little word
    ("the", "of": a wrapped line), nor, in hard-wrapped text, a line that filled the width and
    whose next word would not have fitted."""
    if not _short_item(line):
        return False
    words = WORD_RE.findall(line)
    if words and words[-1].lower() in _CONNECTORS - _JOINERS:
        return False
    if wrap and nxt and 0.8 * wrap <= length <= wrap and length + 1 + len(nxt.split(None, 1)[0]) > wrap:
        return False
    return True


def _standalone_label(line: str, first: bool, nxt: str | None, alone: bool) -> str | None:
    if not _unpunctuated(line):
        return None
    if _is_field(line):
        return "label"
    if _has_postcode(line):
        return "address"
    words = WORD_RE.findall(line)
    if (
        first and nxt is not None and len(words) <= 10 and _starts_sentence(nxt) and line[:1].isupper()
        and "," not in line and not (words and words[-1].lower() in _CONNECTORS)
    ):
        return "heading"  # "How long it will take" above its paragraph (not "... the ground floor, in room")
    if alone and 1 < len(words) <= 8 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
        return "heading"  # a title-case line on its own: "Westgate General Hospital Endoscopy Unit"
    return None


def _starts_sentence(line: str) -> bool:
    return bool(line) and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘([«<{£")


def _line_ends_sentence(line: str, nxt: str, length: int, longest: int, wrap: int | None = 0) -> bool:
    if _INLINE_BULLET.match(nxt):
        return True  # a bullet starts a new item
    if _lead_in(line) and _starts_sentence(nxt):
        return True  # "Please bring:" above "Your glasses"
    if not _unpunctuated(line) or not _starts_sentence(nxt):
        return False
    last = WORD_RE.findall(line)
    if last and last[-1].lower() in (_CONNECTORS - _JOINERS if wrap is None else _CONNECTORS):
        return False
    if wrap is None:  # the writer ended the line here (Word, PDF, HTML) ...
        return not nxt[:1].isdigit()  # ... unless a number carries it on ("in room" / "14 beside")
    # A line nearly as long as the longest is probably wrapped running text, unless the
    # next line's first word would have fitted on it: then the writer ended it there.
    first = nxt.split(None, 1)[0]
    return length < 60 or length < 0.8 * longest or (wrap > 0 and length + 1 + len(first) <= wrap)


#: "and", "or", "but" at the end of a line the writer ended join list items ("Bring a
#: letter, OR" above "Show your record"), not a wrapped sentence
_JOINERS = frozenset({"and", "or", "but"})


def _kind_of_span(doc: Document, s: int, e: int) -> str:
    sentence = doc.text[s:e]
    is_ascii = sentence.isascii()
    words = (WORD_RE_ASCII if is_ascii else WORD_RE).findall(sentence)
    doc.span_words[s, e] = words  # the counts read them again (prose.span_word_texts)
    if _only_placeholders(doc, s, e, words):
        return "placeholder"
    if _is_foreign(sentence, words, is_ascii):
        return "foreign"
    return "prose"


#: _STAFF_HEADING for a sentence in the document's text: ``match(text, start, end)``, no slice
_STAFF_HEADING_AT = re.compile(_STAFF_HEADING.pattern.removeprefix("^"), _STAFF_HEADING.flags)

#: Share of a sentence's words that must look un-English for it to be another language.
_FOREIGN_SHARE = 0.5


def is_foreign(sentence: str) -> bool:
    """True when the sentence is in another language: mostly letters outside the Latin
    alphabet (Urdu, Bulgarian, Arabic), or mostly words English does not use (Polish,
    Romanian): a Zipf frequency in English under 1.5 and not capitalised (names are English
    enough), or letters English never writes (ą, ż, ș)."""
    is_ascii = sentence.isascii()
    return _is_foreign(sentence, (WORD_RE_ASCII if is_ascii else WORD_RE).findall(sentence), is_ascii)


def _is_foreign(sentence: str, tokens: list[str], is_ascii: bool) -> bool:
    """``is_foreign`` given ``WORD_RE.findall(sentence)`` and ``sentence.isascii()``."""
    # what each word is (_WORD_CODE): a fact about the word alone, so a sentence's words are
    # looked up in one pass, not tested one by one; how many of each kind: one sum of a field
    # a kind (_WORD_COUNT), or a list of the codes counted for a sentence too long for the fields
    if len(tokens) < _KIND_LIMIT:
        packed = sum(map(_WORD_COUNT.__getitem__, tokens))
        english, odd = (packed >> _KIND_BITS) & _KIND_FIELD, packed >> 3 * _KIND_BITS
        words = len(tokens) - (packed & _KIND_FIELD)  # the words of letters only
    else:
        kinds = list(map(_WORD_CODE.__getitem__, tokens))
        english, odd = kinds.count(_ENGLISH_WORD), kinds.count(_ODD_LETTERS)
        words = len(kinds) - kinds.count(_NOT_A_WORD)
    if is_ascii:  # every letter is Latin: only the words matter
        if words < 4:
            return False
        # fewer than 8 letters is too little to tell (8 words of letters have 8 letters; fewer
        # words are counted, and when their letters are fewer, the letters of the others too)
        if words < 8 and sum(map(len, compress(tokens, map(_WORD_CODE.__getitem__, tokens)))) < 8 and len(_NOT_ASCII_LETTER.sub("", sentence)) < 8:
            return False
    else:
        # the letters: A to Z, and the few others (most sentences here are English with a
        # curly quote or a dash), looked at one by one
        latin = len(_NOT_ASCII_LETTER.sub("", sentence))
        others = [ch for ch in _NOT_ASCII.findall(sentence) if ch.isalpha()]
        letters = latin + len(others)
        if letters < 8:
            return False
        latin += sum(1 for ch in others if "\u00c0" <= ch <= "\u024f")
        if latin < 0.5 * letters:
            return True
        if words < 4:
            return False
    # a common English word ("the", "you") rules out another language's common words
    if _ENGLISH.isdisjoint(tokens) and looks_foreign([w for w in tokens if _WORD_CODE[w] != _NOT_A_WORD]):
        return True  # Welsh and others whose short words English also writes ("Mae", "yn", "os")
    if not is_ascii and odd >= 3:
        return True  # three words with letters English never writes (ą, ć, ś, ż, ș): Polish, Romanian ...
    # mostly words English does not write
    return words - english >= _FOREIGN_SHARE * words


# What a word found by WORD_RE is, for ``is_foreign``:
_NOT_A_WORD = 0  # not letters only ("9.30", "don't", "e.g")
_ENGLISH_WORD = 1  # a word English writes (or a name: capitalised)
_RARE_WORD = 2  # not capitalised, and rare in English (Zipf under 1.5)
_ODD_LETTERS = 3  # with letters English never writes (ą, ż, ș)


class _WordCodes(dict):
    """{word: its code}, a word's code worked out when it is first met (a fact about the word
    alone, like the Zipf table it is read from)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 100_000:
            self.clear()
        code = self[word] = _word_code(word)
        return code


_WORD_CODE = _WordCodes()

#: a word's kind counted in a field of its own, for a sum over a sentence's words: the field
#: of _NOT_A_WORD first, then _ENGLISH_WORD, _RARE_WORD, _ODD_LETTERS, each _KIND_BITS wide
_KIND_BITS = 20
_KIND_FIELD = (1 << _KIND_BITS) - 1
#: a sentence with this many words or more is counted from a list (its counts would not fit a field)
_KIND_LIMIT = 1 << _KIND_BITS


class _WordCounts(dict):
    """{word: 1 in the field of its code} (``_WORD_CODE``), worked out when the word is first met."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 100_000:
            self.clear()
        value = self[word] = 1 << _KIND_BITS * _WORD_CODE[word]
        return value


_WORD_COUNT = _WordCounts()


def _word_code(word: str) -> int:
    if not word.isalpha():
        return _NOT_A_WORD
    if not word.isascii() and any("\u0100" <= ch <= "\u024f" for ch in word):
        return _ODD_LETTERS
    if not word[:1].isupper() and _english_zipf(word.lower()) < 1.5:
        return _RARE_WORD
    return _ENGLISH_WORD


_NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=100_000)
def _english_zipf(word: str) -> float:
    from .spelling import zipf_frequency

    return zipf_frequency(word, "en")


def _only_placeholders(doc: Document, s: int, e: int, words: list[str]) -> bool:
    """The span [s, e) (whose words are ``words``) has no word outside a template field."""
    if not doc.placeholders or doc.placeholder_at(s, e) is None:  # no placeholder in the span: every word counts
        return not words
    return not _has_words_outside_placeholders(doc, s, e)


def _has_words_outside_placeholders(doc: Document, s: int, e: int) -> bool:
    for m in WORD_RE.finditer(doc.text, s, e):
        if doc.placeholder_at(m.start(), m.end()) is None:
            return True
    return False


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of text[start:end] as trimmed (start, end) spans."""
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = stop + 1
    return spans


def _only_describes(line: str) -> bool:
    """A caption is short and only describes the picture: "A picture of a nurse.", "An
    illustration of a nurse holding a clipboard. She is smiling." A line that goes on to speak
    to the reader ("A picture of a house. Your letter will be sent soon. Please ...") is prose
    that opens with a picture's description, and is checked as prose."""
    if len(line.split()) > CAPTION_MAX_WORDS:
        return False
    more = _SENTENCE_THEN_MORE.search(line.strip())
    return not (more and _TO_THE_READER.search(line.strip()[more.end() - 1 :]))


def _any_of(*patterns: re.Pattern) -> re.Pattern:
    """One pattern that matches at the start of a line where any of ``patterns`` (each
    opening with ``^\\s*``) matches, the spaces read once for all (each keeps its own flags)."""
    assert all(p.pattern.startswith(r"^\s*") for p in patterns)
    return re.compile(r"\s*(?:" + "|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern[4:]})" for p in patterns) + ")")


#: where a line could be letter furniture: one try instead of eight for a line of prose (issue 20)
_MAYBE_LINE_LABEL = _any_of(_KEY_LINE, _LETTERS_LINE, _CAPTION, _SALUTATION, _SIGNOFF, _DATE_LINE, _LABEL_LINE, _PHONE_LINE)


def _line_label(line: str) -> str | None:
    if not _MAYBE_LINE_LABEL.match(line):
        return None
    if _KEY_LINE.match(line) or _LETTERS_LINE.match(line):
        return "label"
    if _CAPTION.match(line) and _only_describes(line):
        return "caption"
    if _SALUTATION.match(line) and len(line) < 60 and not line.rstrip().endswith("."):
        return "salutation"
    if _SIGNOFF.match(line):
        return "signoff"
    if _DATE_LINE.match(line):
        return "date"
    if _LABEL_LINE.match(line) or _PHONE_LINE.match(line):
        return "label"
    return None


def _looks_like_address(text: str, lines: list[tuple[int, int]]) -> bool:
    """Two or more short lines, none ending like a sentence: an address or signature block."""
    if len(lines) < 2:
        return False
    postcode = None  # whether a line has a postcode, found when a long line asks
    for s, e in lines:
        line = text[s:e]
        if _is_field(line):
            return False  # "When: ...", "Where: ...": labelled line by line
        if line[-1] in ".!?":
            return False
        if len(WORD_RE.findall(line)) > 8:
            if postcode is None:
                postcode = any(_has_postcode(text[a:b]) for a, b in lines)
            if not postcode:
                return False
    return True


#: a capital then a digit, which every postcode has ("NE1", "SW1A"): POSTCODE opens with \b, so
#: re tries it at every position; this opens with a capital, so re skips to the next one
_POSTCODE_AT = re.compile(r"[A-Z]\d")


def _has_postcode(line: str) -> bool:
    return _POSTCODE_AT.search(line) is not None and POSTCODE.search(line) is not None


def _is_field(line: str) -> bool:
    """A field of a form ("When: Tuesday at 10am"): it has a colon."""
    return ":" in line and _FIELD_LINE.match(line) is not None


def _sentence_spans(text: str, start: int, end: int, bullets: bool | None = None) -> list[tuple[int, int]]:
    """The running-text sentences of text[start:end]. ``bullets``: False when the text has no
    bullet character (``_BULLET_AT``) anywhere, None when not known."""
    cuts = []  # (end of one sentence, start of the next)
    # One scan finds the runs of marks; a sentence end (_BOUNDARY) starts at a run's first mark
    # and a glued one (_GLUED) is a run's last mark with a capital right after it.
    after_mark = start > 0 and text[start - 1] in ".!?"  # a run of marks began before the span
    for run in _MARKS.finditer(text, start, end):
        a, b = run.span()
        if b + 1 >= end:
            continue  # the block's end closes the sentence anyway
        following = text[b]
        if following == " " and not text[b + 1].isspace():
            stop, nxt = b, b + 1  # what _BOUNDARY matches, in the usual case: the marks, one space
        elif following.isspace() or following in _CLOSERS:
            m = _BOUNDARY.match(text, a, end)
            if m is None:
                continue
            stop, nxt = m.span(3)
            if nxt >= end:
                continue  # the block's end closes the sentence anyway
        else:
            if "A" <= following <= "Z" and _GLUED.match(text, b - 1, end):
                word = _word_before(text, b - 1)
                if word.lower() not in ABBREVIATIONS and not _in_address(text, b - 1):
                    cuts.append((b, b))
            continue
        if after_mark and a == start:
            continue
        if text[b - 1] == ".":
            # an abbreviation or an initial does not end a sentence (a word longer than any
            # abbreviation is neither: no need to find where it starts; lower() never shortens)
            if a <= _LONGEST_ABBREVIATION or not text[a - _LONGEST_ABBREVIATION - 1 : a].isalnum():
                word = _word_before(text, a)
                lower = word.lower()
                if lower in ABBREVIATIONS and not (lower in _CAN_END and text[nxt].isupper()):
                    continue
                if len(word) == 1 and word.isalpha() and word.isupper():
                    continue  # an initial: "J. Smith"
            # after a line break, or before a capital, a digit, a quote, a bracket or a placeholder
            following = text[nxt]
            if not (following.isupper() or following.isdigit() or following in _STARTERS or text.find("\n", stop, nxt) >= 0):
                continue
        cuts.append((stop, nxt))
    if not text.isascii() and bullets is not False:  # (every bullet is a character outside ASCII)
        for m in _BULLET_AT.finditer(text, start + 1, end):  # not at the start: that bullet opens the span
            if _INLINE_BULLET.match(text, m.start(), end):
                cuts.append((m.start(), m.start()))
    out: list[tuple[int, int]] = []
    s = start
    for stop, nxt in sorted(cuts):
        if stop > s:
            # (_add_span's usual case, without its call: a trimmed sentence, not too long, no ";")
            if text[s].isspace() or text[stop - 1].isspace() or stop - s > MAX_SENTENCE_CHARS or text.find(";", s, stop) >= 0:
                _add_span(text, s, stop, out)
            else:
                out.append((s, stop))
        s = max(s, nxt)
    if s < end:
        _add_span(text, s, end, out)
    return out


def _add_span(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Add the sentences of [s, e) to ``out``: trimmed, a runaway span cut up, a long chain of
    semicolons split, nothing blank."""
    if s < e and (text[s].isspace() or text[e - 1].isspace()):  # (the usual span is trimmed already)
        s, e = _trim(text, s, e)
    if e - s <= MAX_SENTENCE_CHARS and text.find(";", s, e) < 0:  # the usual sentence: as it is
        if e > s:
            out.append((s, e))
        return
    for a, b in _cut_runaway(text, s, e):
        for p, q in _split_semicolons(text, a, b):
            if text[p:q].strip():
                out.append((p, q))


#: no sentence is longer than this (the longest in the real letters and leaflets is under
#: 1,000 characters): a longer span is a list or a page with no full stops, and every
#: per-sentence check would otherwise scan it again for each of its words
MAX_SENTENCE_CHARS = 2_000


def _cut_runaway(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) in pieces of at most MAX_SENTENCE_CHARS, cut at the last line break (or else the
    last space) before each limit."""
    out = []
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        cut = text.rfind("\n", s + 1, limit)
        if cut == -1:
            cut = max(text.rfind(" ", s + 1, limit), text.rfind("\t", s + 1, limit))
        if cut == -1:
            cut = limit
        a, b = _trim(text, s, cut)
        if b > a:
            out.append((a, b))
        s = _trim(text, cut, e)[0]
    out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _in_address(text: str, pos: int) -> bool:
    """True when ``pos`` is inside a web or e-mail address ("nhs.uk/Conditions")."""
    i = pos
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    token = text[i:pos]
    return "/" in token or "@" in token or token.lower().startswith("www")


#: a word before a full stop, as ``_word_before`` reads it: letters, digits, "." and "/"
_WORD_BEFORE = re.compile(r"(?:[^\W_]|[./])*+")


def _word_before(text: str, pos: int) -> str:
    # usually a space comes a few characters before: the word is what lies between, if all of
    # it is word (one re call instead of a Python step a character)
    i = text.rfind(" ", pos - 30 if pos > 30 else 0, pos) + 1
    if i and _WORD_BEFORE.fullmatch(text, i, pos):
        return text[i:pos]
    i = pos
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "./"):
        i -= 1
    return text[i:pos]


def _split_semicolons(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A long chain of clauses joined by semicolons is several sentences."""
    chunk = text[s:e]
    if ";" not in chunk or len(WORD_RE.findall(chunk)) <= _SEMICOLON_SPLIT_WORDS:
        return [(s, e)]
    parts = []
    pos = s
    for m in re.finditer(r";\s+", chunk):
        cut = s + m.start() + 1
        parts.append((pos, cut))
        pos = s + m.end()
    parts.append((pos, e))
    return parts
