"""Long sentences get a proposed split at a safe joint, or no suggestion at all."""

import litcheck
from litcheck.analysers.split_proposal import propose_split


def test_semicolon_splits_into_two_sentences_with_a_capital():
    assert propose_split("Bring a list of your medicines; the pharmacist will go through them with you.") == (
        "Bring a list of your medicines. The pharmacist will go through them with you."
    )


def test_comma_and_splits_and_drops_the_and():
    assert propose_split("Please arrive at the main reception desk early, and a nurse will take you to the clinic room.") == (
        "Please arrive at the main reception desk early. A nurse will take you to the clinic room."
    )


def test_which_so_that_and_because_lead_the_second_sentence():
    assert propose_split("The clinic is in the new outpatient wing, which is next to the main car park.") == (
        "The clinic is in the new outpatient wing. This is next to the main car park."
    )
    assert propose_split("Please arrive fifteen minutes before your time, so that the nurse can weigh you first.") == (
        "Please arrive fifteen minutes before your time. This is so that the nurse can weigh you first."
    )
    assert propose_split("Do not eat anything after midnight before the test because food in your stomach hides the picture.") == (
        "Do not eat anything after midnight before the test. This is because food in your stomach hides the picture."
    )


def test_no_suggestion_when_a_half_would_have_fewer_than_six_words():
    assert propose_split("Call us today, and we will book a new time for you at the clinic.") is None
    assert propose_split("Please come to the clinic on the ground floor of the hospital at ten.") is None


def test_the_joint_nearest_the_middle_wins():
    s = "Your scan takes about an hour in total; please drink water before you come, and bring a friend with you if you like."
    assert propose_split(s) == (
        "Your scan takes about an hour in total; please drink water before you come. Bring a friend with you if you like."
    )


def test_joints_inside_brackets_and_placeholders_are_left_alone():
    s = "Please bring your letter (the one with your name, and your hospital number on it) to every single appointment."
    assert propose_split(s) is None


def test_placeholder_starting_the_second_half_is_not_changed():
    assert propose_split("Your appointment is with the heart team in clinic four; [DOCTOR] will see you there on the day.") == (
        "Your appointment is with the heart team in clinic four. [DOCTOR] will see you there on the day."
    )


def test_long_sentence_findings_carry_the_split_as_their_suggestion():
    text = (
        "Please arrive at the main reception desk fifteen minutes before your appointment time, "
        "and a member of the nursing team will take you through to the clinic room to be weighed."
    )
    found = [f for f in litcheck.check_text(text, select=["sentences"]).findings if f.rule.startswith("sentences.")]
    assert found and found[0].suggestions == (
        "Please arrive at the main reception desk fifteen minutes before your appointment time. "
        "A member of the nursing team will take you through to the clinic room to be weighed.",
    )


def test_long_sentence_with_no_safe_joint_has_no_suggestion():
    text = "Please bring with you to the clinic a full list of all of the medicines and tablets and creams that you take every day at home."
    found = [f for f in litcheck.check_text(text, select=["sentences"]).findings if f.rule.startswith("sentences.")]
    assert found and found[0].suggestions == ()
