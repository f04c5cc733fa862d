"""Plain-language checks: jargon, abbreviations, passive voice (issue 6)."""

import pytest

import litcheck
from litcheck.analysers.inflection import inflect_like


def findings(text, prefix, **options):
    return [f for f in litcheck.check_text(text, **options).findings if f.rule.startswith(prefix)]


def test_suggestion_takes_the_inflection_of_the_matched_word():
    assert inflect_like("start", "commenced") == "started"
    assert inflect_like("use", "utilising") == "using"
    assert inflect_like("give", "allocated", before="been") == "given"
    assert inflect_like("tests", "investigations") == "tests"  # already plural


def test_inflected_jargon_gets_an_inflected_suggestion():
    (f,) = findings("Treatment commenced on 3 March.", "jargon.wordy")
    assert f.text == "commenced" and f.suggestions[0] == "started"


def test_omit_alternative_suggests_deleting_the_words():
    found = [f for f in findings("Please be advised that the clinic has moved.", "jargon.wordy") if "advised" in f.text]
    assert found and found[0].suggestions[0] == ""
    assert "Leave it out" in found[0].message and "(omit)" not in found[0].message


def test_jargon_explained_in_place_is_fine_both_ways():
    assert not findings("You have high blood pressure (hypertension).", "jargon.medical")
    assert not findings("You have hypertension (high blood pressure).", "jargon.medical")


def test_jargon_inside_web_and_email_addresses_is_not_flagged():
    text = "See www.trust.example/cardiology-outpatients or email cardiology.opd@trust.example today."
    assert not findings(text, "jargon")
    assert not findings(text, "abbreviations")


def test_accepted_words_are_never_flagged():
    assert findings("Your hypertension is better.", "jargon.medical")
    assert not findings("Your hypertension is better.", "jargon.medical", accepted_words=["hypertension"])
    assert not findings("You will need a CPAP machine.", "abbreviations", accepted_words=["CPAP"])


def test_organisation_terms_are_checked(tmp_path):
    terms = tmp_path / "ours.tsv"
    terms.write_text("term\talternatives\tsource\tskip_when\tnote\nwestgate unit\tthe heart ward\tours\t\t\n", encoding="utf-8")
    (f,) = findings("Go to the Westgate Unit.", "jargon.medical", extra_terms=[str(terms)])
    assert f.suggestions == ("The heart ward",)


def test_abbreviation_flagged_once_on_first_use():
    found = findings("You need an ECG. The ECG takes 10 minutes.", "abbreviations")
    assert [f.text for f in found] == ["ECG"]
    assert "electrocardiogram" in found[0].suggestions[0]


def test_abbreviation_expanded_either_way_round_is_fine():
    assert not findings("An electrocardiogram (ECG) is quick. The ECG does not hurt.", "abbreviations")
    assert not findings("An ECG (electrocardiogram) is quick.", "abbreviations")
    assert not findings("You had a TIA, which is a mini-stroke.", "abbreviations")


def test_dna_is_flagged_every_time_but_not_as_genetics():
    assert len(findings("If you DNA we will call. Patients who DNA twice are discharged.", "abbreviations.dna")) == 2
    assert not findings("The genetic test looks at changes in your DNA.", "abbreviations")


def test_unknown_abbreviation_is_a_suggestion_but_not_postcodes_or_block_capitals():
    (f,) = findings("Please bring your CPAP machine.", "abbreviations.unexplained")
    assert f.severity == "suggestion"
    assert not findings("PLEASE NOTE: the postcode is NE1 4XX and your number is W0098312.", "abbreviations")


def test_passive_is_found_and_active_form_suggested_when_actor_named():
    (f,) = findings("You have been referred to the heart clinic by your GP.", "voice.passive")
    assert f.suggestions == ("Your GP has referred you to the heart clinic.",)
    (f,) = findings("Your X-ray was looked at by a specialist.", "voice.passive")
    assert f.suggestions == ("A specialist looked at your X-ray.",)


def test_states_and_feelings_are_not_passive():
    for text in ("I am tired.", "We are pleased to see you.", "The clinic is closed on Sundays.",
                 "The nurse is very experienced.", "We have sent a copy to your GP."):
        assert not findings(text, "voice.passive"), text


def test_irregular_and_get_passives_are_found():
    for text in ("The letter got lost in the post.", "This leaflet was written with patients.",
                 "A cannula will be put into your hand."):
        assert findings(text, "voice.passive"), text


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Failure to attend will result in discharge.", False),
        ("You will be discharged home on Friday.", False),
        ("Your discharge letter will be sent to your GP.", False),
        ("Tell us if there is any discharge from the wound.", True),
        ("You may have a green discharge from your eye.", True),
    ],
)
def test_discharge_is_jargon_only_when_it_is_about_the_body(text, flagged):
    assert bool(findings(text, "jargon.medical")) == flagged


@pytest.mark.parametrize(
    "alternative, matched, expected",
    [
        ("thing to think about", "considerations", "things to think about"),
        ("piece of clothing", "garments", "pieces of clothing"),
        ("area of medicine", "specialities", "areas of medicine"),
        ("medicine to help you poo", "laxatives", "medicines to help you poo"),
        ("check of temperature, pulse and blood pressure", "observations", "checks of temperature, pulse and blood pressure"),
        # a relative clause's verb would have to agree: left as it is
        ("something that is not normal", "abnormalities", "something that is not normal"),
        ("medicine that makes you sleepy", "sedatives", "medicine that makes you sleepy"),
    ],
)
def test_a_plural_inflects_the_noun_not_the_last_word(alternative, matched, expected):
    from litcheck.analysers.inflection import inflect_like

    assert inflect_like(alternative, matched) == expected
