"""Issue 21, session 5: jargon a reader with low health literacy stumbles on that the word
rules missed. Texts are our own, modelled on NHS letters and leaflets."""

import pytest

import litcheck


def _medical(text):
    return [f.text.lower() for f in litcheck.check_text(text).findings if f.rule == "jargon.medical"]


def test_jargon_in_a_template_choice_is_reported():
    # the writer keeps one of the two; either way the reader meets the words
    text = "We expect your child's operation to be a [an overnight stay | day case] procedure."
    assert "day case" in _medical(text)


def test_a_template_field_is_still_not_read():
    text = "You are waiting to be seen in the [specialty] clinic at [hospital name]."
    assert _medical(text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("We are sorry that your bowel scope screening appointment has been put back.", "bowel scope screening"),
        ("The jab also protects against some cancers of the anal and genital areas.", "genital areas"),
        ("Keep the genital area clean and dry for two days after the test.", "genital area"),
    ],
)
def test_new_terms_are_reported(text, term):
    assert term in _medical(text)


def test_a_new_term_explained_in_brackets_is_not_reported():
    text = "You are invited for bowel scope screening (a test that looks inside your lower bowel with a thin tube)."
    assert "bowel scope screening" not in _medical(text)


def test_it_is_essential_is_not_read_across_a_verb_and_its_object():
    def wordy(text):
        return [f.text.lower() for f in litcheck.check_text(text).findings if f.rule == "jargon.wordy"]

    assert "it is essential" not in wordy("Learning how to look after it is essential, so the nurse will show you how to manage it.")
    assert "it is essential" not in wordy("Knowing how to manage it is essential for a good recovery.")
    assert "it is essential" in wordy("It is essential to bring a list of your tablets.")
