"""A number given as the patient's own is not how to contact the service (details: contact)."""

import pytest

import litcheck
from litcheck import readers
from litcheck.analysers import Context
from litcheck.details import detect

APPOINTMENT = "Dear Ms Okafor\n\nYour appointment at the Fracture Clinic is on Tuesday 3 June 2025 at 9:15am.\n\n"


def contact(text: str, fmt: str = "txt"):
    doc = readers.read_text(text, fmt, None)
    ev = detect(Context(doc))["contact"]
    return None if ev is None else doc.text[ev.start : ev.end]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will text you a reminder on 07700 900123 two days before.",
        "We will send a text message to your mobile number 07700 900456 the day before.",
        "The mobile number we have for you is 07700 900789. If it has changed, please let reception know.",
        "We may call you on 01632 960555 if a slot comes up sooner.",
        "Your home phone number: 01632 960777",
    ],
)
def test_the_patients_own_number_is_not_the_contact(sentence):
    assert contact(APPOINTMENT + sentence + "\n") is None


def test_the_service_number_is_found_after_the_patients_own():
    text = (APPOINTMENT + "We will text you a reminder on 07700 900123 the day before.\n"
            "If you need to change or cancel your appointment, please call 0300 555 0142.\n")
    assert contact(text) == "0300 555 0142"


@pytest.mark.parametrize(
    "sentence, number",
    [
        # a staff member's mobile is how to reach the service
        ("If you have questions, call your community nurse on her mobile 07700 900321.", "07700 900321"),
        ("If you need to rearrange, contact us on 01632 960123.", "01632 960123"),
        ("If we need to contact you at a different time, call 0300 555 0199.", "0300 555 0199"),
    ],
)
def test_a_number_to_call_is_still_the_contact(sentence, number):
    assert contact(APPOINTMENT + sentence + "\n") == number


def test_a_template_field_for_the_patients_mobile_is_not_the_contact():
    text = APPOINTMENT + "We will text you on [Mobile Number] the day before your appointment.\n"
    assert contact(text) is None


def test_the_report_asks_for_a_contact_number_when_only_the_patients_is_given():
    text = APPOINTMENT + "We will text you a reminder on 07700 900123 two days before.\n"
    report = litcheck.check_text(text)
    assert report.to_dict()["details"]["contact"]["present"] is False
    assert "details.contact" in [f.rule for f in report.findings]
