"""Issue 21, families other than details: the general causes of wrong findings fixed in
session 3, each on realistic text of our own writing (modelled on NHS letters and pages)."""

import litcheck

LADDER = ("sentences.long", "sentences.hard", "sentences.very_hard")


def found(text, prefix, profile="general"):
    return [(f.rule, f.text) for f in litcheck.check_text(text, profile=profile, select=[prefix]).findings if f.rule.startswith(prefix)]


# --- sentence difficulty: everyday long words are not what makes a sentence hard -------------

def test_everyday_long_words_do_not_make_a_sentence_hard():
    text = "Please bring your medicines to the hospital appointment so that anyone in the medical team can check them."
    assert [r for r, _ in found(text, "sentences")] == []


def test_hard_words_still_make_a_sentence_hard_and_are_named():
    text = "Please bring your anticoagulant medication to the preoperative assessment so the anaesthetist can evaluate it."
    hits = [f for f in litcheck.check_text(text, profile="general").findings if f.rule in LADDER]
    assert [f.rule for f in hits] in (["sentences.hard"], ["sentences.very_hard"])
    assert "'anticoagulant'" in hits[0].message and "'hospital'" not in hits[0].message


def test_the_reading_age_itself_is_unchanged_by_everyday_words():
    text = " ".join(["Please come to the hospital appointment with your medicines."] * 12)
    r = litcheck.check_text(text, profile="general").readability
    assert r.polysyllables == 36  # hospital, appointment, medicines: still counted by SMOG


# --- threats -------------------------------------------------------------------------------

def test_a_removal_only_weighed_in_a_description_of_how_we_decide_is_not_a_threat():
    text = ("If a patient misses three appointments in a year, the practice manager will look at what happened "
            "and a decision will be made as to whether the patient is removed from the practice list.")
    assert found(text, "tone.threat") == []


def test_a_threat_to_the_reader_is_still_reported_once():
    text = ("If you miss your first appointment you will be discharged back to your GP. "
            "If you cancel twice you will be discharged back to your GP.")
    assert found(text, "tone.threat") == [("tone.threat", "you will be discharged back to your GP")]


# --- passive voice --------------------------------------------------------------------------

def test_passives_of_cause_and_general_statements_are_not_reported():
    text = ("These symptoms are often caused by other things. Asthma can be triggered by cold air. "
            "All vaccines are tested to make sure they are safe. Resources are wasted when people do not come. "
            "This leaflet is not intended to replace a talk with your nurse.")
    assert found(text, "voice.passive") == []


def test_passives_that_hide_what_we_will_do_are_still_reported():
    text = "You will be contacted by phone. Your supply will be reviewed. A letter was sent to your address."
    assert [t for _, t in found(text, "voice.passive")] == ["will be contacted", "will be reviewed", "was sent"]


def test_no_garbled_rewrite_when_the_actor_has_a_relative_clause():
    text = "The scans are done by a radiographer who is trained in taking clear pictures."
    hits = [f for f in litcheck.check_text(text, profile="general").findings if f.rule == "voice.passive"]
    assert hits and hits[0].suggestions == ()


# --- jargon recall: phrase and service jargon -----------------------------------------------

def test_service_jargon_phrases_are_found():
    text = ("We are reviewing our outpatient waiting lists across the Trust. After 3 consecutive missed "
            "appointments, a GP partner may deduct you from the list. Please bring a list of your medication.")
    terms = {t.lower().strip() for _, t in found(text, "jargon")}
    assert {"outpatient waiting lists", "the trust", "consecutive", "gp partner", "deduct", "medication"} <= terms


def test_the_trust_in_a_name_and_interpreters_are_not_jargon():
    text = ("Leeds Teaching Hospitals NHS Trust runs this clinic. We can book an interpreter for you, "
            "and our interpreting service is free.")
    terms = {t.lower().strip() for _, t in found(text, "jargon")}
    assert "the trust" not in terms and not any(t.startswith("interpret") for t in terms)


# --- long sentences: one idea in 21 to 25 words is left alone --------------------------------

def test_a_sentence_of_one_idea_in_21_to_25_words_is_not_long():
    text = "If you are more than 15 minutes late for your appointment we may need to offer you a new time."
    assert found(text, "sentences") == []


def test_a_sentence_joining_two_ideas_in_21_to_25_words_is_long():
    text = ("We have taken your name off the waiting list, and we will write to your GP to tell them "
            "that you no longer need to see us.")
    assert [r for r, _ in found(text, "sentences")] == ["sentences.long"]


def test_a_sentence_over_25_words_is_long_whatever_it_says():
    text = "If you are more than 15 minutes late for your appointment on the day we may need to offer you a new time on another day soon."
    assert [r for r, _ in found(text, "sentences")] == ["sentences.long"]


def test_please_be_advised_and_states_are_not_passives_to_rewrite():
    text = "Please be assured that we will call you. Please be advised that the clinic moves in May. Make sure your child is protected."
    assert found(text, "voice.passive") == []


# --- sentence difficulty: names, non-words and bracketed medical words ------------------------

def test_names_and_bracketed_medical_words_do_not_make_a_sentence_hard():
    text = ("If your doctor has sent you for a scan at the Riverside Community Diagnostic Centre, "
            "please bring your glasses.")
    assert found(text, "sentences") == []
    glossed = "Please tell us if you take medicines to thin your blood (anticoagulants), such as warfarin."
    assert found(glossed, "sentences") == []


def test_a_vague_formal_phrase_is_wordy():
    assert [t for _, t in found("Please call us in advance in a similar case.", "jargon.wordy")] == ["in a similar case"]


def test_statistics_and_the_readers_situation_are_not_passives_to_rewrite():
    text = ("In March, 54 appointments were wasted. No special preparation is needed. "
            "If you have been referred for a scan, read this leaflet. Take your tablets unless you have been told not to.")
    assert found(text, "voice.passive") == []


def test_a_sentence_hard_only_by_length_is_judged_as_long():
    one_idea = "If your asthma plan gives a different number of puffs for an attack, please follow the advice in your plan."
    assert found(one_idea, "sentences") == []


# --- "the patient" in text written to staff --------------------------------------------------

def test_the_patient_in_guidance_for_staff_is_not_reported():
    text = ("Guidance note: you may send this letter to your patients. "
            "If the patient cannot read standard print, send it in large print.")
    assert found(text, "style.the_patient") == []


def test_the_patient_in_a_letter_to_the_patient_is_still_reported():
    assert found("If the patient cannot come, the patient must phone us.", "style.the_patient")
