"""words.long and paragraphs.long: suggestions that never repeat what another check says.

words.long and words.rare are off by default (issue 21: under 0.85 precision on real texts), so
these tests select them, as a writer who wants a closer edit does.
"""

import csv
from pathlib import Path

import litcheck

ROOT = Path(__file__).resolve().parent.parent


WORD_RULES = ["words", "jargon", "abbreviations"]


def rules_hit(text, rule, **options):
    options.setdefault("select", WORD_RULES)
    return [f.text for f in litcheck.check_text(text, **options).findings if f.rule == rule]


def test_a_long_uncommon_word_is_a_suggestion():
    report = litcheck.check_text("The tablets work predominantly at night.", select=WORD_RULES)
    found = [f for f in report.findings if f.rule == "words.long"]
    assert [f.text for f in found] == ["predominantly"]
    assert found[0].severity == "suggestion"


def test_long_words_readers_know_are_not_reported():
    text = "Please bring your appointment information. The interpreter will usually be available."
    assert rules_hit(text, "words.long") == []


def test_listed_jargon_gets_one_finding_only():
    report = litcheck.check_text("We will book an investigation next week.", select=WORD_RULES)
    rules = [f.rule for f in report.findings if f.text == "investigation"]
    assert rules == ["jargon.medical"]


def test_rare_words_are_left_to_words_rare():
    report = litcheck.check_text("Your bowels may feel borborygmic.", select=WORD_RULES)
    rules = {f.rule for f in report.findings if f.text == "borborygmic"}
    assert rules == {"words.rare"}


def test_names_and_placeholders_are_not_long_words():
    text = "Your appointment is at Northumberlandshire Clinic on [APPOINTMENTDATEANDTIME] with predominantly nobody."
    assert rules_hit(text, "words.long") == ["predominantly"]


def test_a_word_is_reported_once_per_document():
    text = "It works predominantly at night. It works predominantly in winter."
    assert rules_hit(text, "words.long") == ["predominantly"]


def test_organisation_accepted_words_are_not_long_words():
    assert rules_hit("The tablets work predominantly at night.", "words.long", accepted_words=["predominantly"]) == []


def test_allow_list_is_well_formed():
    lines = [l for l in (ROOT / "wordlists" / "long_words_allowed.tsv").read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    header, *body = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert header == ["term", "source", "note"]
    terms = [row[0] for row in body]
    assert terms == sorted(terms) and len(terms) == len(set(terms))
    assert {"appointment", "information", "hospital", "medicine", "department"} <= set(terms)


LONG_PARAGRAPH = (
    "We have booked you an appointment at the heart clinic next month. The doctor will talk to you "
    "about the chest pains you told your GP about. You may have a heart tracing and a blood test on "
    "the day. Please bring a list of all the medicines you take, and any inhalers or sprays. You can "
    "bring someone with you if you like. Parking is free for the first hour, and there is a bus stop "
    "outside the main door."
)


def test_a_paragraph_over_75_words_is_a_suggestion():
    report = litcheck.check_text(LONG_PARAGRAPH)
    found = [f for f in report.findings if f.rule == "paragraphs.long"]
    assert len(found) == 1 and found[0].severity == "suggestion"
    assert "6 sentences" in found[0].message


def test_short_paragraphs_and_single_sentences_are_left_alone():
    one_long_sentence = " ".join(["We will see you at the clinic and"] * 10) + " then you can go home."
    report = litcheck.check_text(one_long_sentence)
    assert not [f for f in report.findings if f.rule == "paragraphs.long"]
    assert rules_hit("We will see you soon. Please bring your letter.", "paragraphs.long") == []


def test_the_easy_read_sample_gets_no_long_word_or_paragraph_findings():
    report = litcheck.check_file(ROOT / "samples" / "easy_read_page.txt")
    assert not [f for f in report.findings if f.rule in ("words.long", "paragraphs.long")]
