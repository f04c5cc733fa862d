"""The word lists are data others will edit by hand: keep them well formed."""

import csv
import re
from pathlib import Path

import pytest

from litcheck import wordlists

ROOT = Path(__file__).resolve().parent.parent / "wordlists"
TERM_LISTS = ["medical.tsv", "wordy.tsv", "inclusive.tsv"]
ABBREVIATION_LISTS = ["abbreviations.tsv", "abbreviations_allowed.tsv"]
SOURCES = {"nhs-atoz", "nhs-abbreviations", "govuk-avoid", "govuk-inclusive", "plainlanguage", "retext-simplify", "cdc", "litcheck"}


def rows(name):
    lines = [l for l in (ROOT / name).read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name", TERM_LISTS + ABBREVIATION_LISTS)
def test_every_row_has_the_header_columns_a_known_source_and_alternatives(name):
    header, *body = rows(name)
    assert body
    for row in body:
        assert len(row) <= len(header), row
        record = dict(zip(header, row))
        assert record[header[1]].strip(), f"no alternative for {row[0]!r}"
        assert set(record["source"].split(",")) <= SOURCES, row
        assert "[" not in record[header[1]], f"a context note left in the alternatives of {row[0]!r}"


@pytest.mark.parametrize("name", TERM_LISTS)
def test_skip_when_patterns_compile_and_are_not_leftovers(name):
    for row in rows(name)[1:]:
        pattern = row[3] if len(row) > 3 else ""
        if pattern:
            assert not pattern.startswith(";"), f"{row[0]!r}: skip_when {pattern!r} looks like a conversion leftover"
            re.compile(pattern)


@pytest.mark.parametrize("name", TERM_LISTS)
def test_no_term_is_listed_twice(name):
    terms = [row[0].lower() for row in rows(name)[1:]]
    assert len(terms) == len(set(terms))


@pytest.mark.parametrize("name", TERM_LISTS + ABBREVIATION_LISTS)
def test_no_note_says_the_same_thing_twice(name):
    # a note's clauses are shown to the writer ('often best left out; often best left out' was)
    for row in rows(name)[1:]:
        for field in row:
            clauses = [c.strip() for c in field.split(";") if c.strip()]
            assert len(clauses) == len(set(clauses)), f"{row[0]!r}: {field!r}"


def test_sizes_meet_the_curation_targets():
    assert len(wordlists.load(ROOT / "medical.tsv")) >= 400
    assert len(wordlists.load(ROOT / "wordy.tsv")) >= 250
    assert len(wordlists.load(ROOT / "abbreviations.tsv")) >= 80


def test_licences_and_sources_are_recorded():
    assert (ROOT / "SOURCES.md").is_file()
    assert {p.name for p in (ROOT / "LICENSES").iterdir()} >= {"OGL-3.0.txt", "MIT-retext-simplify.txt"}


def test_numbing_explanation_is_a_whole_word_not_the_start_of_number():
    """'local anaesthetic' is left alone when its sentence already says the skin is made numb,
    but the skip_when pattern once read '\\bnumb' and so also fired on 'number', hiding the
    jargon note in any sentence that asked for a phone or hospital number."""
    from litcheck import check_text

    def flagged(text):
        return [f for f in check_text(text).findings if f.rule == "jargon.medical" and "anaesthetic" in text[f.start : f.end].lower()]

    assert flagged("You will have a local anaesthetic, so please bring a phone number we can call.")
    assert flagged("Bring your NHS numbers for the local anaesthetic clinic.")
    assert not flagged("We numb the skin with a local anaesthetic before the test starts.")
    assert not flagged("The local anaesthetic is a numbing medicine that wears off in an hour.")
    assert not flagged("After the local anaesthetic you may feel some numbness for a while.")
