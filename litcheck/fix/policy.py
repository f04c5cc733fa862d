"""The safety policy: may ``litcheck fix`` make this swap by itself?

A swap is one finding of a rule whose ``fix:`` is ``swap`` (jargon and wordy words), its
matched words replaced by the word list's plain alternative. Each guard below looks at one
thing that can go wrong and either lets the swap through (None) or says why a person must
make the change instead. A swap is made only when every guard lets it through; otherwise
the finding is listed for a person, with the first guard's reason.

The guards, in order (each is a function below, tested in tests/test_fix_policy.py):

- ``no_alternative``: the word list offers no plain word, or only advice ("(omit)").
- ``listed_noswap``: the word list marks the term ``noswap`` (its plain words depend on the
  sentence: a job title, a procedure, a word with two senses).
- ``number``: the words hold a number (a dose, a time, a clinic number).
- ``inside_phrase``: another rule wants the whole phrase reworded (a threat, "Please note").
- ``rewrite_sentence``: the sentence holds a finding whose rule has ``fix: never``
  (threats, blame, negative norms): polishing its words would hide it.
- ``name``: capitalised in mid-sentence, in capitals on a line that is not, or followed by
  department, clinic, ward, team...: part of a name, a sign or a job title.
- ``template_field``: inside brackets or a template field ("[specialty]", "==site name==").
- ``quotation``: inside quotation marks (someone's words, a form's wording).
- ``compound``: joined to another word by a hyphen ("pre-assessment").
- ``table_label``: a short table cell, which labels a place or a service.
- ``heading``: a phrase replacing a word in a heading or a line with no sentence around it.
- ``definition``: the sentence defines or explains the term ("What is a colonoscopy?",
  "a cystoscopy is a test...", "called the duodenum").
- ``modifier``: a phrase replacing a word that describes the next noun ("pre-operative
  assessment" would become "before your operation assessment").
- ``part_of_speech``: a describing word swapped for a naming word ("abdominal aorta").
- ``complement``: a verb followed by to, of, for, with... swapped for another verb, which
  may need other words after it ("applied to the skin", "required to").
- ``agreement``: singular becomes plural or the other way ("an investigation" -> "tests"),
  "an" before "other", a person word ("your") in an I or they sentence.
- ``repetition``: the new words are already next to it ("breathe in to breathe in").
- ``language``: the line is not in English.
- ``grammar``: the alternative may not fit (an inflected form whose alternative is a
  phrase, a phrase after "be", "it is ... that", a repeated word).

The revised copy then passes the key-facts guard (``litcheck.facts``) as a whole: a swap that
changes or loses a date, time, phone number, place, dose, name or template field is undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from ..document import Document
from ..findings import Finding
from ..rule import Rule

#: rule kinds whose findings cover a phrase that must be reworded as a whole
PHRASE_KINDS = ("existence", "abbreviation")


@dataclass(frozen=True)
class Swap:
    """One swap ``fix`` would like to make, with what the guards need to judge it."""

    finding: Finding
    new: str  #: the replacement (already fitted to the capitals of the text)
    rule: Rule | None
    document: Document
    others: Sequence[Finding]  #: every finding in the document
    rules: dict  #: rule id -> Rule
    rewrite: Sequence[tuple[int, int, str]] = ()  #: sentences a person must rewrite: (start, end, rule id)

    @property
    def text(self) -> str:
        return self.document.text


Guard = Callable[[Swap], "str | None"]


def no_alternative(s: Swap) -> str | None:
    if not s.finding.suggestions:
        return "no plain alternative in the word list"
    if s.new.startswith("(") or not re.search(r"\w", s.new):
        return "the word list suggests leaving it out: a person should check the sentence still reads"
    return None


def listed_noswap(s: Swap) -> str | None:
    entry_for = getattr(s.rule, "entry_for", None)
    entry = entry_for(s.finding.text) if entry_for else None
    if entry is not None and entry.noswap:
        return f"the right plain words depend on the sentence ({entry.noswap})"
    return None


def number(s: Swap) -> str | None:
    return "contains a number" if any(ch.isdigit() for ch in s.finding.text) else None


def inside_phrase(s: Swap) -> str | None:
    f = s.finding
    for p in s.others:
        rule = s.rules.get(p.rule)
        if p is not f and rule is not None and rule.kind in PHRASE_KINDS and p.start < f.end and f.start < p.end:
            return f"part of a phrase to reword as a whole ({p.rule})"
    return None


def rewrite_sentence(s: Swap) -> str | None:
    f = s.finding
    for start, end, rule_id in s.rewrite:
        if start <= f.start and f.end <= end:
            return f"in a sentence a person needs to rewrite ({rule_id})"
    return None


#: words after which a term is part of the name of a place or a service
_NAME_NOUNS = re.compile(
    r"\s+(department|dept|clinic|unit|ward|team|service|services|centre|center|suite|lounge|"
    r"hospital|practice|surgery|office|outpatients?|theatres?|nurse|nurses|consultant|doctor|"
    r"physiologist|specialist|practitioner|officer|manager|coordinator|co-ordinator|lead)\b",
    re.I,
)


def name(s: Swap) -> str | None:
    f, text = s.finding, s.text
    if f.text[:1].isupper() and not f.text.isupper() and not starts_sentence(text, f.start):
        return "capitalised in mid-sentence, so probably part of a name"
    if f.text.isupper() and len(f.text) > 1 and not line_is_upper(text, f.start):
        return "in capitals, so probably an abbreviation or a name"
    if _NAME_NOUNS.match(text, f.end):
        return "part of the name of a place, a service or a job"
    # a capitalised word next to it: "Cardiology Clinic 4", "Renal Outpatients"
    after = re.match(r"\s+([A-Z][a-z]+)", text[f.end : f.end + 30])
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, f.start - 30) : f.start])
    if f.text[:1].isupper() and (after or (before and not starts_sentence(text, f.start - len(before.group(0))))):
        return "part of a capitalised name or sign"
    return None


def template_field(s: Swap) -> str | None:
    f, text = s.finding, s.text
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end == -1 else line_end
    before, after = text[line_start : f.start], text[f.end : line_end]
    for opening, closing in (("[", "]"), ("{", "}"), ("«", "»"), ("<<", ">>"), ("((", "))"), ("==", "==")):
        if before.rfind(opening) > before.rfind(closing) if opening != closing else before.count(opening) % 2 == 1:
            if closing in after:
                return "inside a template field or brackets: the words there are filled in or chosen by a system"
    if any(p.start <= f.start < p.end or p.start < f.end <= p.end for p in s.document.placeholders):
        return "inside a template field"
    return None


def quotation(s: Swap) -> str | None:
    f, text = s.finding, s.text
    line_start = text.rfind("\n", 0, f.start) + 1
    before = text[line_start : f.start]
    for opening, closing in (("‘", "’"), ("“", "”"), ('"', '"')):
        if opening == closing:
            if before.count(opening) % 2 == 1:
                return "inside quotation marks"
        elif before.rfind(opening) > before.rfind(closing):
            return "inside quotation marks"
    if re.search(r"(^|\s)'[^']*$", before) and "'" in text[f.end : f.end + 60].split("\n")[0]:
        return "inside quotation marks"
    return None


def compound(s: Swap) -> str | None:
    f, text = s.finding, s.text
    if (f.start > 0 and text[f.start - 1] in "-/") or (f.end < len(text) and text[f.end] in "-/"):
        return "joined to another word (a compound): a person should reword it as a whole"
    if re.search(r"\b(pre|post|re|co|non|self|anti|sub|semi|over|under)\s$", text[max(0, f.start - 6) : f.start], re.I):
        return "the second half of a compound written with a space ('pre assessed'): a person should reword it"
    return None


def complement(s: Swap) -> str | None:
    """A verb swapped for another verb must take the same words after it: "applied to the
    skin" is not "used to the skin", "required to" is not "needed to" (must)."""
    f, text = s.finding, s.text
    following = re.match(r"\s+(to|of|for|with|on|from|at|into|upon|about)\b", text[f.end : f.end + 12], re.I)
    if following and " " not in f.text.strip() and _verb_like(f.text) and _verb_like(s.new.split()[0]):
        return f"'{f.text} {following.group(1)}' may not become '{s.new} {following.group(1)}': a person should check the words after it"
    return None


def part_of_speech(s: Swap) -> str | None:
    """An adjective in front of a noun must stay an adjective ("abdominal aorta" is not
    "tummy aorta")."""
    from ..nlp import lemminflect

    if " " in s.finding.text.strip() or " " in s.new.strip():
        return None
    old = set(lemminflect.getAllLemmas(s.finding.text.lower()))
    new = set(lemminflect.getAllLemmas(s.new.lower()))
    following = re.match(r"[ \t]+([a-z][\w-]*)", s.text[s.finding.end : s.finding.end + 40])
    if following and following.group(1) not in _FREE_AFTER and "ADJ" in old and "ADJ" not in new and "NOUN" in new:
        return f"'{s.finding.text}' describes the next word, and '{s.new}' is not a describing word"
    return None


def table_label(s: Swap) -> str | None:
    block = s.document.block_at(s.finding.start)
    if block is None or block.kind != "table_cell":
        return None
    words = s.document.block_text(block).split()
    titled = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in ("of", "and", "the", "for", "&", "-") for w in words)
    if 1 < len(words) <= 6 and titled:
        return "a short table cell in capitals, which names a place or a service"
    return None


def heading(s: Swap) -> str | None:
    if " " not in s.new.strip() or " " in s.finding.text.strip():
        return None
    block = s.document.block_at(s.finding.start)
    line = _line(s.text, s.finding.start)
    short = (block is not None and block.kind == "heading") or (len(line.split()) <= 6 and not line.rstrip().endswith((".", "!", "?")))
    before = re.findall(r"[\w']+", s.text[s.text.rfind("\n", 0, s.finding.start) + 1 : s.finding.start])
    if short and (not before or before[-1].lower() not in _DETERMINERS):
        return "a bare word in a heading or a short line: a phrase there needs a person to fit it"
    return None


_DETERMINERS = frozenset("a an the your my our their his her its this that these those some any no".split())


_DEFINES_BEFORE = re.compile(
    r"(\bwhat\s+(is|are|'s)\s+(an?\s+|the\s+)?|\b(called|known\s+as|termed|named|means?|mean)\s+(an?\s+|the\s+)?|\bthis\s+is\s+(an?\s+)?)$",
    re.I,
)
_DEFINES_AFTER = re.compile(r"^(\s*\?|\s+(is|are)\s+(an?|the|when|where|how|used|done)\b|\s*\(|\s*[,:–—-]\s*(a|an|the|which|this|that|where)\b)", re.I)


def definition(s: Swap) -> str | None:
    f, text = s.finding, s.text
    before = text[max(0, f.start - 40) : f.start]
    after = text[f.end : f.end + 40]
    if _DEFINES_BEFORE.search(before) or _DEFINES_AFTER.match(after):
        return "the sentence names or explains this term: keep the term and check the explanation"
    return None


#: words that can follow a term without it describing them (so a phrase may replace it)
_FREE_AFTER = frozenset(
    """a an the and or but of to in on at by for with from as if so than that this these those
    is are was were be been will would can could may might must should do does did has have had
    you your we our they their it its he she his her them us me my i which who when where how
    not no before after about into over under until while because today tomorrow now then
    here there again soon later first too also once twice please yet""".split()
)


def modifier(s: Swap) -> str | None:
    """A single word swapped for a phrase must not sit in front of the noun it describes."""
    if " " not in s.new.strip() or " " in s.finding.text.strip():
        return None
    following = re.match(r"[ \t]+([A-Za-z][\w'-]*)", s.text[s.finding.end : s.finding.end + 40])
    if following and following.group(1).lower().endswith("ly"):
        return None  # an adverb: "collaborate closely" -> "work together closely"
    if following and _only_verb(s.finding.text):
        return None  # a verb is not describing the next word
    if following and following.group(1).lower() not in _FREE_AFTER:
        return f"'{s.finding.text}' describes the next word ('{following.group(1)}'), and '{s.new}' would not fit there"
    return None


def _only_verb(word: str) -> bool:
    from ..nlp import lemminflect

    kinds = set(lemminflect.getAllLemmas(word.lower()))
    return bool(kinds) and kinds <= {"VERB", "AUX"}


def _verb_like(word: str) -> bool:
    """A verb or its participle ("applied", "required"), not a word that is also a noun."""
    from ..nlp import lemminflect

    kinds = set(lemminflect.getAllLemmas(word.lower()))
    return "VERB" in kinds and "NOUN" not in kinds


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "ness", "ics", "ies'"))


def agreement(s: Swap) -> str | None:
    f, text = s.finding, s.text
    old_last, new_last = f.text.split()[-1].lower(), s.new.split()[-1].lower()
    if _plural(old_last) != _plural(new_last) and len(s.new.split()) == 1 and len(f.text.split()) == 1:
        return f"'{s.new}' and '{f.text}' differ in number (one or more)"
    if re.search(r"\ban\s+$", text[max(0, f.start - 5) : f.start], re.I) and s.new.lower().startswith("other"):
        return "'an other' is not English: a person should write 'another'"
    if re.search(r"\byour\b", s.new, re.I):
        sentence = _line(text, f.start)
        if re.search(r"\b(I|my|me|they|their|them|people|patients|he|she|his|her)\b", sentence):
            return f"'{s.new}' speaks to 'you', but the sentence is about someone else"
    return None


def repetition(s: Swap) -> str | None:
    f, text = s.finding, s.text
    if not s.new:
        return None
    following = re.match(r"\s+([\w']+)", text[f.end : f.end + 40])
    last = re.findall(r"[\w']+", s.new.lower())
    if following and last and last[-1 if not s.new.endswith(")") else max(0, len(last) - 2)] == following.group(1).lower():
        return f"'{s.new}' would repeat the next word ('{following.group(1)}')"
    near = (text[max(0, f.start - 60) : f.start] + " " + text[f.end : f.end + 60]).lower()
    near_words = set(re.findall(r"[a-z']+", near))
    # a word the replaced words already had is not a new repetition: 'please do not hesitate to
    # contact us at [Contact details]' -> 'please contact us at ...' repeats nothing it did not
    already = set(re.findall(r"[a-z']+", f.text.lower()))
    content = [w for w in re.findall(r"[a-z']+", s.new.lower()) if w not in _FREE_AFTER and len(w) > 3 and w not in already]
    if content and all(w in near_words for w in content):
        return f"'{s.new}' would repeat words already next to it"
    close = set(re.findall(r"[a-z']+", text[f.end : f.end + 30].lower()))
    echoed = [w for w in content if len(w) > 4 and w in close]
    if echoed:
        return f"'{s.new}' would repeat '{echoed[0]}' just after it"
    same = _SAYS_ALREADY.get(s.new.lower())
    if same:
        line = _line(text, f.start)
        at = f.start - (text.rfind("\n", 0, f.start) + 1)
        rest = (line[:at] + " " + line[at + len(f.text) :]).lower()
        said = next((w for w in same if re.search(rf"\b{w}\b", rest)), None)
        if said:
            return f"the sentence already says '{said}': '{s.new}' would say it twice"
    return None


#: a plain word -> other words that mean the same, so that "We are currently reviewing ...
#: at this time" does not become "We are currently reviewing ... now"
_SAYS_ALREADY = {
    "now": ("currently", "at present", "presently", "at the moment", "now", "at this time"),
}


def language(s: Swap) -> str | None:
    words = re.findall(r"[A-Za-z]{3,}", _line(s.text, s.finding.start))
    if len(words) >= 4:
        from ..spelling import zipf

        foreign = sum(1 for w in words if zipf(w) < 2.5)
        if foreign / len(words) > 0.4:
            return "the line does not read as English"
    return None


def _line(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end != -1 else len(text)]


def grammar(s: Swap) -> str | None:
    f, new, text, rule = s.finding, s.new, s.text, s.rule
    entries = getattr(rule, "entries", None)
    if entries is not None:
        terms = {e.term.lower() for e in entries}
        bases = {a.lower() for e in entries for a in e.alternatives}
        if " ".join(f.text.lower().split()) not in terms and (new.lower() in bases or " " in new):
            return f"'{f.text}' is an inflected form and '{new}' may not fit the grammar"
    if " " in new and re.search(r"\b(be|is|are|am|was|were|being|been)\s+$", text[: f.start], re.I):
        return f"after 'be', '{new}' may not fit the grammar"
    following = re.match(r"\s+(\w+)", text[f.end :])
    if following and following.group(1).lower() == "that" and re.match(r"it(\s+is|'s)\b", f.text, re.I):
        return "'it is ... that' needs the sentence recast by a person"
    if following and following.group(1).lower() == new.split()[-1].lower():
        return f"'{new}' would repeat the next word"
    return None


#: the guards every change must pass
GUARDS: tuple[Guard, ...] = (inside_phrase, rewrite_sentence, template_field, quotation, repetition, language)
#: and those a word swap (a substitution rule) must pass too, in the order they are asked
WORD_GUARDS: tuple[Guard, ...] = (
    no_alternative, listed_noswap, number, name, compound, table_label, heading, definition,
    modifier, part_of_speech, complement, agreement, grammar,
)


def why_not(swap: Swap) -> str | None:
    """The first guard's reason against the swap, or None when it is safe to make."""
    guards = GUARDS + WORD_GUARDS if getattr(swap.rule, "kind", None) == "substitution" else GUARDS
    for guard in guards:
        reason = guard(swap)
        if reason:
            return reason
    return None


def reason_for(rule: Rule | None, f: Finding) -> str:
    """Why a finding of a rule that fix does not swap is left for a person."""
    kind = rule.kind if rule is not None else None
    if f.rule.startswith("sentences."):
        return "a long sentence needs a person to split it"
    if f.rule.startswith("readability."):
        return "the reading age follows from the other changes"
    if kind == "existence":
        return "the sentence needs rewording by a person"
    if kind in ("absence", "required"):
        return "something is missing: a person needs to add it"
    if kind == "position":
        return "something needs moving: a person needs to move it"
    if kind in ("abbreviation", "passive"):
        return "needs a person: the right wording depends on the meaning"
    return "needs a person"


# -- reading the text around a swap ---------------------------------------------------------


def starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"'(-•*#>"


def line_is_upper(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8

