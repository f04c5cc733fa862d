"""Profile detection: a kind of document needs signs of its own, and the confidence says how
much evidence there is, not only how far the winner beat the runner-up."""

import pytest

import litcheck
from litcheck import readers
from litcheck.analysers import Context
from litcheck.details.profiles import detect_profile, load_profiles

SMS = (
    "NTV Hospitals NHS: Hi Sam, a reminder of your appointment at Heart Clinic 3, Westgate General "
    "Hospital on Tue 21 Oct at 10:40am. To change it, call 01632 960123."
)
FRAGMENTS = {
    "brief's fragment": (
        "We took bloods and the impact was significant. It is essential that you bring your tablets. "
        "We commenced treatment."
    ),
    "paragraph of leaflet prose": (
        "A colonoscopy is a test that looks at the inside of your large bowel. A doctor or nurse passes "
        "a thin, flexible tube with a small camera on the end into your bottom. The test usually takes "
        "30 to 45 minutes. You may feel some cramping during the test, but it should not hurt. Before "
        "the test you will need to take a laxative to empty your bowel."
    ),
    "single sentence": (
        "Please arrive at the Outpatients reception on the ground floor 15 minutes before your "
        "appointment time."
    ),
}
INSTRUCTIONS = (
    "- Do not eat anything for 6 hours before your scan.\n"
    "- You can drink water until 2 hours before.\n"
    "- Bring a list of your medicines.\n"
    "- Wear loose, comfortable clothes.\n"
    "- Leave jewellery at home.\n"
    "- Arrive 15 minutes early.\n"
)


def _detect(text: str, format: str = "txt"):
    return detect_profile(Context(readers.read_text(text, format, None)))


@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_fragment_is_general_without_missing_detail_findings(name):
    report = litcheck.check_text(FRAGMENTS[name])
    assert report.profile == "general"
    assert not [f for f in report.findings if f.rule.startswith("details.")]


def test_list_of_instructions_is_general():
    # short, with short lines: it scores for text message and Easy Read, but says nothing
    # only those documents say
    found = _detect(INSTRUCTIONS, "md")
    assert found.profile == "general"
    assert found.scores["text_reminder"] > 0 and found.scores["easy_read"] > 0


def test_short_text_alone_is_not_a_text_message():
    # being short adds weight (less a reminder's missing date), but is no sign of its own
    found = _detect(FRAGMENTS["brief's fragment"])
    assert found.profile == "general" and found.scores["text_reminder"] >= 4


def test_text_message_with_its_own_signs_is_still_detected():
    found = _detect(SMS)
    assert found.profile == "text_reminder" and 0.5 < found.confidence <= 1


def test_sender_name_first_marks_a_text_message():
    found = _detect("Riverside Surgery: Your flu vaccination is on Saturday 4 October at 9:20am at Riverside Surgery, Mill Lane. Call 01632 960000 to change it.")
    assert found.profile == "text_reminder" and "sender's name" in found.reason


@pytest.mark.parametrize("text, kind", [
    # a short message that asks the reader to book reminds them of nothing (t025, t044): a text
    # is a text message, an e-mail or letter an invitation to book
    ("Riverside Surgery: It is time for your free NHS health check. Book online at www.example.org/check or call 01632 960000.",
     "invitation_to_book"),
    ("Our records show that ((child name)) has not had their ((vaccine)) vaccination. They can have it at a community "
     "clinic. If you would like to book a clinic appointment, please call us on 0300 555 0199.\n((team name))",
     "text_message"),
    ("Hi {{first_name}},\n\nPlease book your next blood test within the next 3 months. To do so, reply to this email "
     "or call 01632 960444.\n\nSincerely,\nPhlebotomy Team",
     "invitation_to_book"),
])
def test_a_short_message_asking_to_book_is_not_a_reminder(text, kind):
    found = _detect(text)
    assert found.profile == kind, found.reason
    assert found.scores["text_reminder"] < found.scores[kind]


def test_a_short_text_asking_to_call_is_a_text_message_only_when_it_is_short():
    text = ("Our records show that ((child name)) has not had their ((vaccine)) vaccination. If you would like to book "
            "a clinic appointment, please call us on 0300 555 0199.\n")
    pattern = next(sig.value for sig in load_profiles()["text_message"].signals if sig.says.startswith("is a short message"))
    assert pattern.search(text)
    assert not pattern.search(text + "More about the vaccine and why it matters to your child. " * 10)


def test_a_reminder_of_a_session_is_a_booked_appointment():
    # an e-mail reminding a parent of a school session (t023): the reminder names what is booked
    text = (
        "Subject: Ella may get her flu vaccination on Tuesday 14 October\n\n"
        "This is a quick reminder that Ella may get her flu vaccination at Hillside Primary School on "
        "Tuesday 14 October.\n\nIf Ella is unwell on the day, please contact us to ask about another session. "
        "You can email imms@example.nhs.uk or phone 0300 555 0177.\n\nSchool Immunisation Team\n"
    )
    found = _detect(text)
    assert found.profile == "appointment_letter" and "reminder that" in found.reason


def _profiles(**weights):
    """Made-up profiles that each score their weight when their own name is in the text."""
    import re

    from litcheck.details.profiles import Profile, Signal

    out = {"general": Profile("general", "general", "", (), (), ())}
    for name, weight in weights.items():
        out[name] = Profile(name, name, "", (), (), (Signal("pattern", re.compile(name), float(weight)),))
    return out


TEXT = "This text names alpha and beta, and goes on long enough for litcheck to try to tell what kind of document it is."


def test_confidence_grows_with_the_evidence_not_only_the_lead():
    ctx = Context(readers.read_text(TEXT, "txt", None))
    weak, strong = detect_profile(ctx, _profiles(alpha=5)), detect_profile(ctx, _profiles(alpha=20))
    assert weak.profile == strong.profile == "alpha"
    assert (weak.confidence, strong.confidence) == (0.5, 1.0)


def test_tie_halves_the_confidence():
    found = detect_profile(Context(readers.read_text(TEXT, "txt", None)), _profiles(alpha=10, beta=10))
    assert found.profile == "alpha" and found.confidence == 0.5


def test_below_the_minimum_score_is_general_saying_how_far_it_fell_short():
    found = detect_profile(Context(readers.read_text(TEXT, "txt", None)), _profiles(alpha=4))
    assert found.profile == "general" and found.confidence == 0.2
