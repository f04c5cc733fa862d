"""Issue 21: a medical term the same sentence explains is not reported: by who the person is,
by what they do, by plain examples, by what it means for the reader,
or in a bracket of plain words either way round. A term the sentence only names, or gives hard
examples of, still is. Texts are our own, modelled on hospital leaflets."""

import pytest

import litcheck


def _medical(text):
    return [f.text for f in litcheck.check_text(text).findings if f.rule == "jargon.medical"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Your pictures are looked at by a radiologist, who is a doctor trained to read scans.", "radiologist"),
        ("The scan is done by a sonographer who is trained to use the ultrasound machine.", "sonographer"),
        ("A radiographer takes the pictures and a nurse stays with you the whole time.", "radiographer"),
        ("The scan shows your soft tissues such as muscles, fat and the organs in your tummy.", "soft tissues"),
        ("We are a teaching hospital, so students may watch your appointment if you agree.", "teaching hospital"),
        ("It is an outpatient procedure so you can go home on the same day.", "outpatient procedure"),
        ("Tell us if you take medicines to stop your blood clotting (anticoagulants or antiplatelets).", "antiplatelets"),
        ("The tube goes in through your urethra (the tube you pass urine through).", "pass urine"),
    ],
)
def test_a_term_the_same_sentence_explains_is_not_reported(text, term):
    assert term not in [t.lower() for t in _medical(text)]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # hard examples do not explain: the reader meets two words they do not know
        ("Flu can lead to complications, such as sepsis, in young children.", "complications"),
        # examples of symptoms say nothing about "develop symptoms"
        ("Phone your GP if you develop symptoms such as a high temperature.", "develop symptoms"),
        # what the term includes does not say what it is
        ("Please bring a list of all your medication including any painkillers.", "medication"),
        # a bracket of examples or of a condition is not a gloss
        ("Bring all your medicines (including anticoagulants) with you.", "anticoagulants"),
        # named, with nothing said about what it is
        ("Your scan will be done by a sonographer in room 4.", "sonographer"),
        # what a medicine is for does not say what it is (the name is what is on the packet)
        ("Your GP may suggest statin tablets to lower the cholesterol in your blood.", "statin"),
    ],
)
def test_a_term_only_named_is_still_reported(text, term):
    assert term in [t.lower() for t in _medical(text)]


def test_a_person_named_beside_someone_else_is_not_defined_by_the_verb():
    text = "A trained doctor or clinical endoscopist puts a thin tube into your bottom."
    assert "endoscopist" in [t.lower() for t in _medical(text)]
    assert "sonographer" not in [t.lower() for t in _medical("A sonographer performs the scan and writes a report.")]


def test_an_abbreviation_in_brackets_is_not_a_gloss_of_its_whole_long_name():
    text = "You may also need a computerised tomography (CT) scan. Tell us if you have an implantable cardioverter defibrillator (ICD)."
    got = [t.lower() for t in _medical(text)]
    assert "computerised tomography" in got and "implantable cardioverter defibrillator" in got
    # a word inside the long name is there to spell out the letters, and is left alone
    assert "imaging" not in [t.lower() for t in _medical("You are booked for a Magnetic Resonance Imaging (MRI) scan.")]


def test_a_capitalised_list_item_is_not_a_name_but_a_term_that_is_the_whole_name_is_reported():
    text = "We run courses for people with long-term conditions, such as Asthma, COPD, Fibromyalgia and Heart failure."
    assert "Fibromyalgia" in _medical(text)
    assert "Learning Disability Register" in _medical("Tell us if you are on the Learning Disability Register at your surgery.")
    # a term inside a longer name is part of a sign
    assert _medical("Please report to Renal Outpatients on the ground floor.") == []


@pytest.mark.parametrize(
    "text",
    [
        "See your GP if you notice any changes to your vaginal discharge.",
        "The probe sends out sound and picks up the echoes reflected from inside your body.",
        "Whether you come for a walk-in appointment or a pre-booked appointment, bring your letter.",
    ],
)
def test_words_in_their_everyday_sense_are_not_reported(text):
    assert _medical(text) == []


def test_service_wording_for_sending_the_patient_back_to_their_gp_is_reported():
    assert _medical("As we have not heard from you, we are referring you back to your GP.") == ["referring you back"]


def test_a_term_of_several_words_is_called_a_phrase_in_the_message():
    found = {f.text: f.message for f in litcheck.check_text(
        "We will write to you in order to commence your treatment for hypertension.").findings}
    assert found["in order to"].startswith("'in order to' is an official-sounding phrase.")
    assert found["commence"].startswith("'commence' is an official-sounding word.")
    assert found["hypertension"].startswith("'hypertension' is a medical or health-service word")


def test_alternatives_that_inflect_alike_are_offered_once():
    # "tests | test" for "investigations": both become "tests" in the plural
    found = {f.text: f for f in litcheck.check_text(
        "Some patients who send a kit back may need further investigations at the hospital.").findings}
    medical = found["investigations"]
    assert medical.suggestions == ("tests",)
    assert "'tests' or 'tests'" not in medical.message and "Try 'tests'" in medical.message
