"""Issue 21: a medical term the same sentence explains is not reported: by who the person is,
by what they do, by plain examples, by what it means for the reader, by what a medicine does,
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
        ("Your GP may suggest statin tablets to lower the cholesterol in your blood.", "statin"),
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
        # a bracket of examples or of a condition is not a gloss
        ("Bring all your medicines (including anticoagulants) with you.", "anticoagulants"),
        # named, with nothing said about what it is
        ("Your scan will be done by a sonographer in room 4.", "sonographer"),
        ("Please bring your statin tablets with you.", "statin"),
    ],
)
def test_a_term_only_named_is_still_reported(text, term):
    assert term in [t.lower() for t in _medical(text)]
