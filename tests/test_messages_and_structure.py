"""Text messages, clinic letters, the letter's structure and Easy Read (issue 23): the new
document kinds are recognised without taking reminders or appointment letters from their
kinds, and each rule finds what it is for on realistic text and leaves alike-looking text
alone. Every text here is our own, modelled on real NHS letters and messages."""

import pytest

import litcheck
from litcheck import readers
from litcheck.analysers import Context
from litcheck.analysers.link_host import web_addresses
from litcheck.analysers.messages import split_messages
from litcheck.analysers.sms_length import as_sent, fragments, is_gsm
from litcheck.details.profiles import detect_profile


def found(text, rule, profile):
    report = litcheck.check_text(text, profile=profile, select=[rule])
    return [f for f in report.findings if f.rule == rule]


def kind(text, format="txt"):
    return detect_profile(Context(readers.read_text(text, format, None)))


RESULTS_SMS = (
    "Riverside Surgery: this is a message from your GP surgery. Your blood test results are back and the "
    "doctor would like to talk to you about them. Please call 01632 960000 after 11am."
)
REMINDER_SMS = (
    "NTV Hospitals NHS: Hi Sam, a reminder of your appointment at Heart Clinic 3, Westgate General "
    "Hospital on Tue 21 Oct at 10:40am. To change it, call 01632 960123."
)
SMS_TEMPLATES = (
    "flu_invite:\nDear Patient, this is a message from the surgery. You can now book your flu vaccine. "
    "Book at www.riversidesurgery.nhs.uk/flu or call 01632 960000.\n\n"
    "results_normal:\nDear Patient, your recent blood test results are normal. You do not need to contact us.\n\n"
    "missed_appt:\nDear Patient, you missed your appointment today. If you need another one, please call "
    "01632 960000.\n\n"
    "asthma_review:\nDear Patient, it is time for your asthma review. Please call 01632 960000 to book it.\n"
)
CLINIC_LETTER = (
    "Riverside Hospital NHS Trust\nRespiratory Outpatients\n\n12 March 2026\n\nDear Mr Patel\n\n"
    "Thank you for coming to see me in the chest clinic on 10 March. I am writing to you, with a copy to your GP, "
    "to sum up what we talked about.\n\n"
    "Diagnosis: asthma that is not well controlled\n\n"
    "Plan: use your brown preventer inhaler every morning and every evening, even when you feel well. "
    "Use your blue inhaler when you need it.\n\n"
    "We discussed how to check that you are using your inhalers in the right way, and the nurse showed you.\n\n"
    "I will see you again in the clinic in 3 months.\n\nYours sincerely\n\nDr A Jones\nConsultant in Respiratory "
    "Medicine\n\ncc: Dr R Rao, Riverside Surgery\n"
)
APPOINTMENT_LETTER = (
    "Dear Mrs Khan\n\nYour appointment is on Monday 9 March 2026 at 2:30pm in the Eye Clinic, Riverside "
    "Hospital, Riverside Road, Exampletown.\n\nThe appointment will take about 1 hour. Please bring your "
    "glasses and a list of your medicines.\n\nTo change your appointment, call 01632 960000.\n\n"
    "Yours sincerely\n\nEye Clinic\n"
)


# -- kinds of document -----------------------------------------------------------------


def test_a_results_text_is_a_text_message():
    assert kind(RESULTS_SMS).profile == "text_message"


def test_a_reminder_text_is_still_a_text_reminder_with_its_confidence():
    found_kind = kind(REMINDER_SMS)
    assert found_kind.profile == "text_reminder" and found_kind.confidence > 0.5
    assert found_kind.scores["text_message"] <= 0  # the two kinds do not compete for a reminder


def test_a_file_of_text_message_templates_is_a_text_message_not_one_letter():
    found_kind = kind(SMS_TEMPLATES)
    assert found_kind.profile == "text_message"
    assert "several message templates" in found_kind.reason


def test_a_letter_after_a_clinic_visit_is_a_clinic_letter():
    found_kind = kind(CLINIC_LETTER)
    assert found_kind.profile == "clinic_letter"
    assert "clinic visit" in found_kind.reason


def test_an_appointment_letter_is_not_a_clinic_letter():
    assert kind(APPOINTMENT_LETTER).profile == "appointment_letter"


def test_a_clinic_letter_asks_for_no_appointment_details():
    report = litcheck.check_text(CLINIC_LETTER)
    assert report.profile == "clinic_letter"
    assert not [f for f in report.findings if f.rule in ("details.date", "details.time", "details.location")]


# -- SMS fragments -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a" * 160, 1),
        ("a" * 161, 2),  # then fragments of 153
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("’" + "a" * 69, 1),  # one curly quote: UCS-2, 70 to a fragment
        ("’" + "a" * 70, 2),
        ("’" + "a" * 134, 3),  # 67 in each of several
        ("€" * 80, 1),  # the extension table: two places each
        ("€" * 81, 2),
        ("", 0),
    ],
)
def test_fragments_follow_the_gsm_and_ucs2_limits(text, expected):
    assert fragments(text) == expected


def test_pound_sign_and_accented_e_are_in_the_gsm_alphabet_but_a_dash_is_not():
    assert is_gsm("£5 café")
    assert not is_gsm("9am – 5pm")


def test_a_template_field_is_counted_as_its_name():
    assert as_sent("Hi ((first_name)), your test is on [Date].") == "Hi first_name, your test is on Date."


def test_a_long_text_message_is_told_its_fragments():
    text = (
        "Riverside Surgery: Dear Patient, we are writing to let you know that your recent blood test results have "
        "now come back and have been looked at by one of our doctors. The doctor would like to talk to you about "
        "them. Please call the surgery on 01632 960000 after 11am to book a telephone appointment with the doctor. "
        "Please be aware that our phone lines are very busy first thing in the morning."
    )
    (finding,) = found(text, "messages.length", "text_message")
    assert "3 SMS fragments" in finding.message


def test_each_template_in_a_file_is_measured_on_its_own():
    assert found(SMS_TEMPLATES, "messages.length", "text_message") == []
    assert len(split_messages(SMS_TEMPLATES)) == 4


def test_an_email_template_is_not_measured_as_a_text():
    text = (
        "Hi {{first_name}}, you have an appointment at the blood test clinic on {{date}}. If you cannot come, "
        "please reply to this email with a day and time that suits you, or call us on 01632 960000. Please tell "
        "us your first name, last name and the date of your appointment so that we can find your booking quickly. "
        "We look forward to seeing you.\n\nThanks,\nRiverside Phlebotomy Team"
    )
    assert found(text, "messages.length", "text_reminder") == []


def test_email_parts_of_a_notify_template_file_are_left_out():
    text = (
        "SMS_VISIT_TEMPLATE_ID\n\nHello, your video visit is booked for ((visit_date)) at ((visit_time)).\n\n---\n\n"
        "EMAIL_VISIT_TEMPLATE_ID\n\nSubject\n\nYour video visit\n\nBody\n\nHello, your video visit is booked.\n"
    )
    messages = split_messages(text)
    assert len(messages) == 1 and text[messages[0].start : messages[0].end].startswith("Hello, your video")


def test_a_curly_apostrophe_that_adds_fragments_is_found():
    text = (
        "Riverside Surgery: you’re due your free flu vaccine. Book a time at the surgery on Saturday mornings, "
        "or call us on 01632 960000 to book one."
    )
    (finding,) = found(text, "messages.unicode", "text_message")
    assert finding.text == "’" and "3 fragments instead of 1" in finding.message
    assert found(text.replace("’", "'"), "messages.unicode", "text_message") == []


def test_a_curly_apostrophe_in_a_message_under_70_characters_costs_nothing():
    # 65 characters: one fragment in either alphabet
    short = "Riverside Surgery: it’s time for your review. Call 01632 960000."
    assert found(short, "messages.unicode", "text_message") == []


# -- links -----------------------------------------------------------------------------------


def test_web_addresses_are_found_with_or_without_https():
    text = "Book at bit.ly/3xYz or https://tinyurl.com/abc or www.nhs.uk/flu, e.g. today at 9 a.m."
    assert [m.group() for m in web_addresses(text)] == ["bit.ly/3xYz", "https://tinyurl.com/abc", "www.nhs.uk/flu"]


def test_a_link_shortener_is_found_and_a_full_address_is_not():
    text = "Riverside Surgery: it is time for your asthma review. Please fill in this short form first: bit.ly/3rsAsth"
    (finding,) = found(text, "messages.link_shortener", "text_message")
    assert finding.text == "bit.ly/3rsAsth"
    full = text.replace("bit.ly/3rsAsth", "https://www.riversidesurgery.nhs.uk/asthma")
    assert found(full, "messages.link_shortener", "text_message") == []


def test_click_here_with_no_address_is_found_but_a_link_field_is_an_address():
    text = "Riverside Surgery: you can now book your free flu vaccine online. Click here to choose a time."
    assert [f.text for f in found(text, "messages.link_in_full", "text_message")] == ["Click here"]
    with_field = "Riverside Hospital: your video visit is ready. Please click the link below to join.\n((call_url))"
    assert found(with_field, "messages.link_in_full", "text_message") == []


# -- personal details and calls to action ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Riverside Surgery: to confirm your booking, please reply with your date of birth.",
        "NHS: your vaccine is ready. To book, text back your NHS number and postcode.",
        "Riverside Surgery: a refund is due to you. Please send your bank details to claim it.",
    ],
)
def test_a_text_asking_for_personal_details_is_an_error(text):
    (finding,) = found(text, "messages.personal_details", "text_message")
    assert finding.severity == "error"


def test_saying_what_the_nhs_will_never_ask_is_not_asking():
    text = "Riverside Surgery: please call us on 01632 960000. We will never ask for your bank details by text."
    assert found(text, "messages.personal_details", "text_message") == []


def test_two_calls_to_action_are_one_finding_at_the_second():
    text = (
        "Riverside Surgery: it is time for your blood pressure check. Please book a time with the nurse on the NHS App. "
        "Please also fill in the health questionnaire at https://www.riversidesurgery.nhs.uk/bp."
    )
    (finding,) = found(text, "messages.one_action", "text_message")
    assert finding.text.lower().startswith("please also fill in") or "fill in" in finding.text.lower()
    assert "2 different things" in finding.message


def test_a_conditional_second_route_is_not_a_second_call_to_action():
    assert found(REMINDER_SMS, "messages.one_action", "text_reminder") == []
    text = (
        "Riverside Surgery: it is time for your blood pressure check. Please book a time with the nurse on the "
        "NHS App. If you cannot use the app, call 01632 960000."
    )
    assert found(text, "messages.one_action", "text_message") == []


# -- clinic letters --------------------------------------------------------------------------


def test_third_person_narration_in_a_letter_to_the_patient_is_found():
    text = CLINIC_LETTER.replace(
        "We discussed how to check", "He reports waking at night with a cough. This 58-year-old gentleman was shown how to check"
    )
    texts = [f.text for f in found(text, "clinic.third_person", "clinic_letter")]
    assert texts == ["He reports", "This 58-year-old gentleman"]


def test_a_letter_to_the_gp_may_talk_about_the_patient():
    text = "Dear Dr Rao\n\nI saw Mr Patel in the chest clinic today. He reports waking at night with a cough.\n"
    assert found(text, "clinic.third_person", "clinic_letter") == []


def test_the_clinic_letter_written_to_the_patient_has_no_third_person():
    assert found(CLINIC_LETTER, "clinic.third_person", "clinic_letter") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("As a diabetic, you can have free eye tests.", "a diabetic"),
        ("Our group for asthmatics meets on Tuesdays.", "asthmatics"),
        ("If you are epileptic, tell the nurse before your scan.", "you are epileptic"),
        ("Diabetic patients should bring their blood glucose meter.", "Diabetic patients"),
        ("We support stroke victims and their families.", "stroke victims"),
    ],
)
def test_labels_that_define_people_by_a_condition_are_found(text, words):
    assert [f.text for f in found(text, "clinic.condition_labels", "general")] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "Please come to your diabetic eye screening appointment.",
        "The diabetic foot clinic is on the first floor.",
        "An epileptic seizure usually stops by itself within 5 minutes.",
        "If you have diabetes, bring your blood glucose meter.",
    ],
)
def test_diabetic_describing_a_thing_is_fine(text):
    assert found(text, "clinic.condition_labels", "general") == []


def test_clinical_shorthand_is_found_but_care_of_in_an_address_is_not():
    text = (
        "Dear Mr Patel\n\nI saw you in clinic today. You came in c/o chest pain. O/E your chest was clear. "
        "We will arrange f/u in the w/c 12 May.\n\nPlease send the form to Mrs J Brown, c/o Riverside Surgery.\n"
    )
    texts = [f.text for f in found(text, "clinic.shorthand", "clinic_letter")]
    assert texts == ["c/o", "O/E", "f/u", "w/c"]


def test_prescription_latin_is_found_in_lower_case():
    text = "Dear Mrs Ahmed\n\nI saw you in clinic today. Please take metformin 500mg bd and paracetamol prn.\n"
    texts = [f.text for f in found(text, "clinic.dosing_latin", "clinic_letter")]
    assert texts == ["bd", "prn"]
    assert found("The BD Vacutainer tube is used for blood tests.", "clinic.dosing_latin", "general") == []


def test_dear_patient_is_found_and_a_name_field_is_not():
    assert len(found(SMS_TEMPLATES, "clinic.dear_patient", "text_message")) == 4
    text = "Dear [Patient Name],\n\nYour blood test results are normal. Patient leaflets are on our website.\n"
    assert found(text, "clinic.dear_patient", "no_appointment_letter") == []


# -- structure ---------------------------------------------------------------------------------


BACKGROUND = (
    "The eye clinic at Riverside Hospital sees more than 200 people every week. Our team of doctors, nurses "
    "and photographers checks the health of your eyes and looks after people with glaucoma and cataracts. "
    "We are always looking for ways to make our service better, and we are grateful for your patience.\n\n"
)
CANCELLED = "Because of staff sickness, we have had to cancel your appointment on Monday 3 March. We will write to you with a new date.\n\n"


def test_a_cancellation_after_the_background_is_found():
    text = "Dear Mrs Clarke\n\n" + BACKGROUND + CANCELLED + "If you have any questions, please call 01632 960000.\n"
    (finding,) = found(text, "structure.change_first", "no_appointment_letter")
    assert finding.text.startswith("we have had to cancel your")


def test_a_cancellation_said_first_is_fine():
    text = "Dear Mrs Clarke\n\n" + CANCELLED + BACKGROUND + "If you have any questions, please call 01632 960000.\n"
    assert found(text, "structure.change_first", "no_appointment_letter") == []


def test_the_readers_option_to_cancel_is_not_a_change():
    text = (
        "Dear Mrs Clarke\n\n" + BACKGROUND + "If you cannot come, please cancel your appointment by calling "
        "01632 960000 so that we can offer it to someone else.\n"
    )
    assert found(text, "structure.change_first", "appointment_letter") == []


WAITING = (
    "Dear Ms Evans\n\nYou are on our waiting list for a hip operation. We are sorry that you are waiting longer "
    "than we would like. We expect to offer you a date for your operation within the next 6 months. We will "
    "write to you again when we can offer you a date.\n\n"
)


def test_a_waiting_list_letter_without_a_safety_net_is_told_to_add_one():
    text = WAITING + "If you have any questions about the waiting list, please call 01632 960000.\n"
    (finding,) = found(text, "structure.safety_net", "no_appointment_letter")
    assert "NHS 111" in finding.message and "999" in finding.message


@pytest.mark.parametrize(
    "net",
    [
        "If your pain gets worse while you wait, contact your GP or call NHS 111.",
        "In an emergency, call 999.",
        "Speak to your GP as soon as possible if you have any of the following symptoms.",
    ],
)
def test_a_safety_net_in_any_words_is_seen(net):
    assert found(WAITING + net + "\n", "structure.safety_net", "no_appointment_letter") == []


def test_vaginal_discharge_does_not_make_a_letter_a_discharge_letter():
    text = (
        "Dear Ms Evans\n\nThank you for your cervical screening test on 3 March. Please tell your GP about any "
        "unusual vaginal discharge or bleeding between periods. We will send you your next invitation in 3 years. "
        "This letter has been sent to you because you are registered with a GP practice in England.\n"
    )
    assert found(text, "structure.safety_net", "no_appointment_letter") == []


def test_the_purpose_late_in_a_letter_with_no_appointment_is_found():
    intro = (
        "Riverside Hospital is committed to giving every patient the best possible care. Our orthopaedic team "
        "includes surgeons, physiotherapists and specialist nurses, and we have recently opened two new operating "
        "theatres so that we can treat more people each week. We want to use every theatre session well, and to "
        "treat people in order of how urgently they need their operation. Thank you for your patience.\n\n"
    )
    late = "Dear Mr Hussain\n\n" + intro + "You are on our waiting list for a knee operation. Please call us by 14 March.\n"
    (finding,) = found(late, "structure.purpose_first", "no_appointment_letter")
    assert finding.text.lower() == "you are on our waiting list"
    early = "Dear Mr Hussain\n\nYou are on our waiting list for a knee operation. Please call us by 14 March.\n\n" + intro
    assert found(early, "structure.purpose_first", "no_appointment_letter") == []


PASTED = "If you cannot come, please call us on 01632 960000 so that we can offer your appointment to someone else."


def test_a_pasted_paragraph_is_one_finding_at_its_second_copy():
    text = (
        "Dear [Patient Name]\n\nYour appointment is on [Date] at [Time] in the Eye Clinic.\n\n" + PASTED + "\n\n"
        "Please bring your glasses and a list of your medicines.\n\n" + PASTED + "\n\nYours sincerely\n\nEye Clinic\n"
    )
    (finding,) = found(text, "structure.duplicate", "appointment_letter")
    assert finding.start == text.rindex(PASTED) and "paragraph repeats the one on line 5" in finding.message


def test_a_repeated_sentence_inside_different_paragraphs_is_found_once():
    text = (
        "Dear Mrs Khan\n\nYour scan is on Monday at 2pm. Please drink 1 litre of water an hour before your scan.\n\n"
        "The scan takes about 20 minutes. Please drink 1 litre of water an hour before your scan. Then do not go "
        "to the toilet until after the scan.\n"
    )
    (finding,) = found(text, "structure.duplicate", "appointment_letter")
    assert "sentence repeats" in finding.message and finding.start > text.index("20 minutes")


def test_template_fields_and_case_do_not_hide_a_copy():
    first = "Please come to [Clinic Name] on [Date] at [Time] and bring a list of your medicines."
    second = "please come to «clinic» on «date» at «time» and bring a list of your medicines."
    text = "Dear Mrs Khan\n\n" + first + "\n\nWe look forward to seeing you.\n\n" + second + "\n"
    assert len(found(text, "structure.duplicate", "appointment_letter")) == 1


def test_short_lines_headings_and_separate_templates_are_not_copies():
    text = "Dear Mrs Khan\n\nCall us.\n\nWhat to bring\n\nYour medicines.\n\nWhat to bring\n\nCall us.\n"
    assert found(text, "structure.duplicate", "appointment_letter") == []
    templates = (
        "reminder_one:\nPlease call 01632 960000 if you cannot come so that we can offer the slot to someone else.\n\n"
        "reminder_two:\nPlease call 01632 960000 if you cannot come so that we can offer the slot to someone else.\n\n"
        "reminder_three:\nYour test is tomorrow.\n"
    )
    assert found(templates, "structure.duplicate", "text_message") == []


# -- Easy Read ---------------------------------------------------------------------------------


def test_a_long_easy_read_sentence_is_found_and_a_short_one_is_not():
    text = (
        "When you come to the hospital for your blood test you need to go to the desk and tell the person "
        "there your name and your date of birth.\n\nGo to the desk. Tell the person your name.\n"
    )
    (finding,) = found(text, "easy_read.sentence_length", "easy_read")
    assert finding.text.startswith("When you come")


def test_two_ideas_joined_in_an_easy_read_sentence_are_found():
    text = "The nurse will take some blood from your arm, and you can have a drink after.\n"
    assert [f.text for f in found(text, "easy_read.one_idea", "easy_read")] == ["arm, and"]
    assert found("Bring your coat, hat and scarf.\n", "easy_read.one_idea", "easy_read") == []


def test_abbreviations_in_easy_read_but_not_nhs_gp_or_words_in_capitals():
    text = (
        "Bring your appt letter. You will have an ECG. Your GP and the NHS can help. It is free BUT you must book. "
        "The surgery is at 8 Mill Lane, Exampletown, NE6 2XX. Read more in our guide (PDF).\n"
    )
    assert [f.text for f in found(text, "easy_read.abbreviations", "easy_read")] == ["appt", "ECG"]


def test_a_long_easy_read_document_needs_a_word_list():
    body = "".join(f"This is point {i} about your health check. It is short and easy.\n\n" for i in range(1, 50))
    assert len(found(body, "easy_read.glossary", "easy_read")) == 1
    with_list = body + "Hard words\n\nConsent means saying yes.\n"
    assert found(with_list, "easy_read.glossary", "easy_read") == []
    assert found(body[:2000], "easy_read.glossary", "easy_read") == []


def test_preamble_at_the_start_of_a_text_is_found_and_the_news_first_is_fine():
    texts = [f.text for f in found(SMS_TEMPLATES.replace(
        "Dear Patient, this is a message from the surgery. You can now",
        "Dear Patient, this is a message from the surgery. We are writing to inform you that you can now"),
        "messages.preamble", "text_message")]
    assert texts == ["this is a message from", "We are writing to inform"]
    assert found(RESULTS_SMS.replace("this is a message from your GP surgery. ", ""), "messages.preamble", "text_message") == []
