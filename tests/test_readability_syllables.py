import csv
from pathlib import Path

import pytest

from litcheck.readability.syllables import count_syllables, is_polysyllable, spoken_syllables

UK_LIST = Path(__file__).parent / "data" / "uk_syllables.tsv"
ROWS = [(r["word"], int(r["syllables"])) for r in csv.DictReader(UK_LIST.open(encoding="utf-8"), delimiter="\t")]


def test_uk_list_has_at_least_80_words():
    assert len(ROWS) >= 80


@pytest.mark.parametrize("word, syllables", ROWS, ids=[w for w, _ in ROWS])
def test_uk_medical_and_everyday_words_count_as_spoken(word, syllables):
    assert count_syllables(word) == syllables


@pytest.mark.parametrize("word", ["haemoglobin", "anaemia", "colonoscopy", "orthopaedic"])
def test_words_textstat_undercounts_are_polysyllables(word):
    # textstat 0.7.13 (pyphen fallback): 1, 1, 1 and 2 syllables
    assert count_syllables(word) >= 4 and is_polysyllable(word)


@pytest.mark.parametrize(
    "token, spoken",
    [
        ("2025", (2, 3)),  # twenty twenty-five
        ("24", (3,)),  # twenty-four
        ("9.30am", (1, 2, 2)),  # nine thirty ay-em
        ("7.5", (2, 1, 1)),  # seven point five
        ("2.50", (1, 2)),  # two fifty
        ("01632", (1, 1, 1, 1, 1)),  # oh one six three two
        ("960789", (1, 1, 1, 2, 1, 1)),
        ("2pm", (1, 2)),
        ("NE1", (2, 1)),  # a postcode, letter by letter
    ],
)
def test_numbers_count_as_read_aloud(token, spoken):
    assert spoken_syllables(token) == spoken


@pytest.mark.parametrize(
    "token, poly",
    [("2025", True), ("24", True), ("100", False), ("01632", False), ("960789", False), ("4XX", False),
     ("ECG", True), ("NHS", True), ("GP", False), ("e.g", True), ("Dr", False), ("approx", True)],
)
def test_polysyllables_as_read_aloud_for_smog(token, poly):
    # McLaughlin: numbers are pronounced and abbreviations read in full to decide.
    assert is_polysyllable(token) is poly


def test_hyphenated_word_is_one_word_for_smog():
    assert spoken_syllables("low-fibre") == (3,)
    assert is_polysyllable("5-minute")
