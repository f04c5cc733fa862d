"""Text in another language is not scored as English; Welsh above all, whose short words
('mae', 'yn', 'os', 'ar') English word frequencies do not catch."""

import litcheck
from litcheck.languages import name_language
from litcheck.segment import is_foreign

WELSH = [
    "Mae eich apwyntiad yn yr ysbyty ddydd Mawrth.",
    "Os na allwch ddod, ffoniwch ni os gwelwch yn dda.",
    "Rydym yn edrych ymlaen at eich gweld chi.",
]


def test_welsh_sentences_are_foreign_and_named():
    for sentence in WELSH:
        assert is_foreign(sentence), sentence
        assert name_language(sentence) == "Welsh", sentence


def test_english_sentences_with_short_words_stay_english():
    for sentence in ["Your appointment is on Tuesday at 10am.", "If you cannot come, please call us on the number above.", "I am at the clinic on a Monday."]:
        assert not is_foreign(sentence), sentence


def test_a_bilingual_letter_is_scored_on_its_english_part_only():
    english = "Dear Mr Jones,\n\nYour appointment is at the heart clinic on Tuesday 3 June at 10am. Please call us if you cannot come.\n"
    both = english + "\n" + " ".join(WELSH) + "\n"
    one, two = litcheck.check_text(english), litcheck.check_text(both)
    assert two.readability.words == one.readability.words


def test_english_words_another_language_shares_are_no_evidence():
    # "a" and "hospital" are Portuguese words too
    assert not is_foreign("Most people recover in a hospital setting within a week.")
    assert not is_foreign("A nurse at a hospital in a city a week ago.")
