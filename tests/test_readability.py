import pytest

import litcheck
from litcheck.readability import formulas
from litcheck.readability.measure import from_counts
from litcheck.readability.syllables import count_syllables


def test_flesch_reference_values_from_counts():
    # "The cat sat on the mat.": 6 words, 6 syllables, 1 sentence: FRE 116 (Wikipedia, Flesch).
    assert formulas.flesch_reading_ease(6, 1, 6) == pytest.approx(116.145, abs=0.01)
    # "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    # 13 words, 24 syllables: FRE 37.5, FK grade 11.3 (Wikipedia).
    assert formulas.flesch_reading_ease(13, 1, 24) == pytest.approx(37.5, abs=0.05)
    assert formulas.flesch_kincaid_grade(13, 1, 24) == pytest.approx(11.3, abs=0.05)


def test_counts_of_the_reference_sentences():
    for text, words, syllables in [
        ("The cat sat on the mat.", 6, 6),
        ("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", 13, 24),
    ]:
        r = litcheck.check_text(text).readability
        assert (r.sentences, r.words, r.syllables) == (1, words, syllables)


def test_smog_formula():
    # McLaughlin: 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291
    assert formulas.smog_grade(30, 30) == pytest.approx(1.0430 * 30**0.5 + 3.1291)
    assert formulas.reading_age(6.0) == 11.0


@pytest.mark.parametrize(
    "word, syllables",
    [("haemoglobin", 4), ("anaemia", 4), ("colonoscopy", 5), ("orthopaedic", 4), ("oesophagus", 4),
     ("paediatric", 4), ("haemorrhage", 3), ("colour", 2), ("ECG", 3), ("NHS", 3), ("travelled", 2)],
)
def test_uk_spellings_count_like_us_ones(word, syllables):
    assert count_syllables(word) == syllables


def test_short_texts_get_an_estimate_without_smog():
    r = from_counts(sentences=5, words=50, syllables=70, polysyllables=4)
    assert r.smog is None and r.estimate and r.basis == "flesch_kincaid"
    r = from_counts(sentences=12, words=120, syllables=170, polysyllables=10)
    assert r.smog is not None and r.estimate and r.basis == "smog"
    r = from_counts(sentences=30, words=300, syllables=420, polysyllables=20)
    assert not r.estimate


@pytest.mark.parametrize("smog, share", [(8, 0.93), (10.6, 0.76), (12.2, 0.51), (15, 0.22), (5, None), (18, None)])
def test_who_can_read_bands(smog, share):
    band, got, sentence = formulas.who_can_read(smog)
    assert got == share
    assert "UK adults" in sentence


def test_polysyllables_of_the_reference_sentence():
    # Australian, platypus, seemingly, reptilian: four words of 3 or more syllables.
    r = litcheck.check_text("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.").readability
    assert r.polysyllables == 4


def test_reading_age_a_little_over_target_is_a_suggestion_and_far_over_is_a_warning():
    from litcheck.rulebook import load_rules

    rule = load_rules().get("readability.reading_age")
    assert rule._severity(12.0, "appointment_letter") == "suggestion"  # NHS: 11 to 14 for some medical text
    assert rule._severity(15.5, "appointment_letter") == "warning"
    assert rule._severity(10.5, "easy_read") == "suggestion"
    assert rule._severity(11.5, "easy_read") == "warning"
