"""Issue 21 (session 4): more passives that are the natural way to say it are not reported, and
a passive whose verb jargon.wordy already reports there gives one finding, not two. Texts are
our own, modelled on NHS letters and leaflets."""

import pytest

import litcheck


def _findings(text):
    return [(f.rule, f.text) for f in litcheck.check_text(text).findings if f.rule in ("voice.passive", "jargon.wordy")]


def _passive(text):
    return [t for r, t in _findings(text) if r == "voice.passive"]


@pytest.mark.parametrize(
    "text",
    [
        "Screening finds problems early, which means they can be treated before they get worse.",
        "If the attack does not settle, you may need to be treated in hospital.",
        "Anyone who was not screened last year will get a new kit in the post.",
        "If you miss two appointments, your care will be delayed.",
        "When these conditions have been met, the practice writes to the patient.",
        "How the vaccine is given",
        "The gel helps the probe pick up a picture of the part of your body being examined.",
        "Children are also offered other free vaccines before they start school.",
        "Stop any medicines for diarrhoea which you may be prescribed, but keep taking the rest.",
    ],
)
def test_natural_passives_are_not_reported(text):
    assert _passive(text) == []


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        # said as a fact about what the service does, treatment still has an actor to name
        ("Patients with the most urgent needs are treated first.", "are treated"),
        ("Your results will be sent to your GP within two weeks.", "will be sent"),
        # a person, not a body part, being dealt with: the actor matters
        ("Missing three appointments could result in you being removed from our list.", "being removed"),
    ],
)
def test_passives_that_hide_who_acts_are_still_reported(text, passive):
    assert passive in _passive(text)


def test_a_passive_whose_verb_is_an_official_word_gives_one_finding():
    got = _findings("Your result is normal. No further action is required.")
    assert got == [("jargon.wordy", "required")]


def test_a_passive_with_an_actor_keeps_its_active_rewrite_beside_the_word():
    got = _findings("Children under 16 must be accompanied by an adult.")
    assert ("voice.passive", "must be accompanied by an adult") in got


def test_a_passive_of_an_action_keeps_its_finding_beside_the_official_word():
    # who does the test is the bigger gap than the word 'performed'
    assert "will be performed" in _passive("A urine test will be performed when you arrive.")
    # naming the means, treatment has an actor to say: "tablets can treat it"
    assert "can be treated" in _passive("High blood pressure can be treated with tablets.")


@pytest.mark.parametrize(
    "text",
    [
        "The waiting area is found on the ground floor, next to the shop.",
        "Ultrasound scans are considered to be very safe.",
        "The probe is connected to a computer, and the scanner is shaped like a ring.",
        "A small probe measures how much urine is left in your bladder.",
        "Do not drive for six hours after your eyes have been photographed.",
        "The nurse puts gel on the area to be scanned.",
        "If you have symptoms, further tests are needed.",
        "Small changes are found;",
        "Wear clothing that can be removed easily.",
        "Tell us if you will not remember what information you are given.",
    ],
)
def test_states_views_and_descriptions_are_not_reported(text):
    assert _passive(text) == []


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("An easy read version can be found at our website.", "can be found"),
        ("A small lump was found in your breast.", "was found"),
        ("Other arrangements may be needed if the scanner cannot take your weight.", "may be needed"),
        ("Please make sure that your rings and body piercings are removed before the scan.", "are removed"),
        ("This leaflet explains how the tests are carried out.", "are carried"),
    ],
)
def test_passives_with_a_hidden_actor_stay_reported(text, passive):
    assert passive in _passive(text)
