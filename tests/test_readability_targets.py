from pathlib import Path

import pytest

import litcheck
from litcheck.readability import formulas
from litcheck.readability.measure import SENTENCE_HARD_GRADE, SENTENCE_VERY_HARD_GRADE, SENTENCE_LONG_WORDS
from litcheck.rulebook import load_rules

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LADDER = ("sentences.long", "sentences.hard", "sentences.very_hard")


def ladder_findings(text):
    return [f for f in litcheck.check_text(text, profile="general", select=["sentences"]).findings if f.rule in LADDER]  # long and hard are off by default


def test_very_hard_sentence_is_reported_once_with_its_reason():
    text = ("In order to facilitate a full assessment, it is anticipated that the patient will undergo an ECG and "
            "an echocardiogram, and bloods may also be taken, so it is essential that you bring a list of all current "
            "medication including any analgesia which you utilise on a regular basis.")
    found = ladder_findings(text)
    assert [f.rule for f in found] == ["sentences.very_hard"]
    assert "49 words" in found[0].message and "'echocardiogram'" in found[0].message


def test_hard_sentence_is_not_also_long():
    found = ladder_findings("Should you have any queries regarding your medication or your appointment, please do not hesitate "
                            "to contact the department on the number above.")
    assert [f.rule for f in found] == ["sentences.hard"]
    assert "23 words" in found[0].message


def test_short_sentence_is_hard_only_through_its_words():
    # up to 20 words (the long rung's limit) the hard words are the word rules' to name
    found = litcheck.check_text("Should you have any queries regarding your medication, please do not hesitate to contact the department.",
                                profile="general", select=["sentences", "jargon"]).findings
    assert not [f for f in found if f.rule in LADDER]
    assert {f.text for f in found if f.rule.startswith("jargon.")} >= {"Should you have any queries", "medication"}


def test_long_sentence_of_short_words_is_only_long():
    text = "You can bring a friend or a carer with you on the day and they can stay with you for the whole time you are here."
    assert [f.rule for f in ladder_findings(text)] == ["sentences.long"]


def test_ladder_limits_in_rules_match_the_code():
    rules = {r.id: r for r in load_rules()}
    assert rules["sentences.hard"].limit_for(None) == SENTENCE_HARD_GRADE
    assert rules["sentences.very_hard"].limit_for(None) == SENTENCE_VERY_HARD_GRADE
    assert rules["sentences.long"].limit_for(None) == SENTENCE_LONG_WORDS == 20


@pytest.mark.parametrize(
    "profile, target",
    [("general", 11), ("appointment_letter", 11), ("invitation_to_book", 11), ("procedure_leaflet", 11),
     ("text_reminder", 11), ("easy_read", 9)],
)
def test_reading_age_target_by_profile(profile, target):
    rule = {r.id: r for r in load_rules()}["readability.reading_age"]
    assert rule.limit_for(profile) == target


def test_genuine_easy_read_is_not_above_its_target():
    report = litcheck.check_file(SAMPLES / "easy_read_page.txt", profile="easy_read")
    assert not [f for f in report.findings if f.rule == "readability.reading_age"]
    assert report.readability.flesch_kincaid_grade + 5 <= 9


def test_smog_floor_puts_short_sentence_text_at_reading_age_8():
    # Why Easy Read is checked with Flesch-Kincaid: with no long words at all SMOG is 3.13
    # (reading age 8.1), and one long word per 30 sentences already passes 9.
    assert formulas.reading_age(formulas.smog_grade(0, 30)) == pytest.approx(8.13, abs=0.01)
    assert formulas.reading_age(formulas.smog_grade(1, 30)) > 9


def test_short_text_gets_no_reading_age_finding_but_a_note():
    report = litcheck.check_text("Your test is on Monday. Please arrive at 9am. Bring your letter.")
    assert not [f for f in report.findings if f.rule == "readability.reading_age"]
    assert report.readability.smog is None and "SMOG needs at least 10" in report.readability.note


def test_json_readability_block_has_counts_formulas_age_band_and_estimate_flag():
    block = litcheck.check_file(SAMPLES / "procedure_leaflet.md").readability.to_dict()
    for key in ("sentences", "words", "syllables", "polysyllables", "smog", "flesch_kincaid_grade",
                "flesch_reading_ease", "reading_age", "basis", "band", "who_can_read", "estimate", "source"):
        assert key in block
    assert block["estimate"] is False and block["basis"] == "smog"


def test_one_idea_of_up_to_22_words_with_two_hard_words_is_not_hard_but_three_are():
    # one plain instruction: the two long words are the word rules' to name
    two = "If your personal asthma plan gives a different maximum dose for treating an attack, follow the instructions written in your plan."
    assert ladder_findings(two) == []
    three = ("If your personal asthma plan gives a different maximum dose for treating an attack, follow the instructions "
             "in your personal medication plan.")
    assert [f.rule for f in ladder_findings(three)] == ["sentences.hard"]
