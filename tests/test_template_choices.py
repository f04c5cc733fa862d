"""A choice of wording in a template, "[an overnight stay | day case]": the finished letter
shows one option, so the first option is read as the letter's words (counted, checked for
jargon) while the field stays a template field the key-facts guard keeps word for word.
Letter text is our own."""

from __future__ import annotations

import litcheck
from litcheck import readers
from litcheck.facts import compare_facts, extract_facts
from litcheck.fix import revise
from litcheck.placeholders import first_option
from litcheck.prose import iter_words

LETTER = (
    "Dear [Patient Name]\n\n"
    "You are booked in for [a day case | an overnight stay] on Ward 7 on Monday 3 June 2025.\n"
    "Please commence fasting from midnight. Your operation will be carried out by [consultant name].\n"
)


def test_the_first_option_is_found():
    text = "Come in for [an overnight stay | day case | a clinic visit] next week."
    (p,) = readers.read_text(text, "txt", None).placeholders
    s, e = first_option(text, p)
    assert text[s:e] == "an overnight stay"
    (field,) = readers.read_text("[consultant name]", "txt", None).placeholders
    assert first_option("[consultant name]", field) is None  # a field, not a choice


def test_the_first_options_words_are_counted_and_the_others_are_not():
    doc = readers.read_text(LETTER, "txt", None)
    line = doc.text.index("You are booked")
    words = [w.text for w in iter_words(doc, line, doc.text.index("\n", line))]
    assert words[:8] == ["You", "are", "booked", "in", "for", "a", "day", "case"]
    assert "overnight" not in words and "Patient" not in words and "consultant" not in words


def test_the_reading_age_counts_the_letter_as_the_first_option_fills_it():
    filled = LETTER.replace("[a day case | an overnight stay]", "a day case")
    with_choice, as_filled = litcheck.check_text(LETTER), litcheck.check_text(filled)
    assert with_choice.readability.words == as_filled.readability.words
    assert with_choice.readability.syllables == as_filled.readability.syllables


def test_jargon_in_an_option_is_reported_but_not_changed():
    report = litcheck.check_text(LETTER)
    assert any(f.rule == "jargon.medical" and f.text == "day case" for f in report.findings)
    revision = revise(report)
    # the field is kept word for word; the sentence around it is still revised
    assert "[a day case | an overnight stay]" in revision.text
    assert "Please start fasting" in revision.text
    assert not compare_facts(LETTER, revision.text)  # the key-facts guard passes


def test_the_key_facts_still_see_the_whole_choice_as_one_template_field():
    facts = [f for f in extract_facts(LETTER) if f.kind == "placeholder"]
    assert "[a day case | an overnight stay]" in [f.value for f in facts]
