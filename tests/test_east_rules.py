"""The EAST rules on realistic letter text: what is there is seen, what is not a deadline,
a time or a threat is left alone, and a finding's words come from the sentence that gives it
(issue 21). Every text here is our own."""

import litcheck

LETTERHEAD = (
    "Riverside Hospital NHS Trust\nOutpatient Booking Centre\nRiverside Road\nExampletown\nEX1 2AB\n\n"
    "Telephone: 01632 960000\nEmail: bookings@example.nhs.uk\nWebsite: www.example.nhs.uk\n\n"
    "Our reference: RB/12345/OP\nNHS number: 999 999 9999\nHospital number: R1234567\n"
    "Clinic code: CARD-OP-3\nConsultant: Dr A Example\n\nMrs Jane Example\n1 Any Street\nExampletown\nEX1 3CD\n\n"
    "Date: 3 March 2026\n\n"
)


def found(text, rule, profile="appointment_letter"):
    report = litcheck.check_text(text, profile=profile, select=[rule])
    return [f for f in report.findings if f.rule == rule]


# -- easy.one_action ---------------------------------------------------------------


def test_an_action_that_opens_a_line_is_seen():
    text = (
        "Dear Mr Ahmed,\n\nYou can have a free flu vaccination this winter because you are aged 65 or over.\n\n"
        "How to get your vaccination\n\nContact your GP surgery\n\nBook a pharmacy appointment on the NHS App\n\n"
        "Flu spreads more easily in winter. Every year, many older people become very ill with flu and need "
        "care in hospital. The vaccine is the best way to protect yourself. It is safe and it works. "
        "If you get your care at home, your GP surgery can arrange a home visit. For easy read and other "
        "languages, go to our website or phone us.\n\nYours sincerely,\n\nThe Vaccination Team\n"
    )
    assert found(text, "easy.one_action", "invitation_to_book") == []


def test_the_first_action_is_measured_from_dear_not_from_the_letterhead():
    body = (
        "Dear Mrs Example,\n\nPlease call us on 01632 960000 to book your appointment at the heart clinic.\n\n"
        "Your GP has referred you to us because of the chest pains you told them about. We will check your "
        "heart and talk with you about what we find.\n\nYours sincerely,\n\nBooking Centre\n"
    )
    assert found(LETTERHEAD + body, "easy.one_action") == []


def test_a_letter_with_no_action_says_so_plainly():
    text = (
        "Dear Mr Smith\n\nYour GP has referred you to the heart clinic because of the chest pains you told them "
        "about. The clinic sees people with many kinds of heart problems. The doctors there work with nurses "
        "and other staff to look after people with heart conditions. We may do some tests to look at how "
        "your heart is working. The clinic is on the second floor of the main building.\n"
    )
    (f,) = found(text, "easy.one_action")
    assert "('')" not in f.message and "nowhere" not in f.message


# -- attractive.benefit ------------------------------------------------------------

BOOKING = (
    "Dear Ms Green,\n\nYour appointment is on Monday 3 November at 9:30am at the Breast Screening Unit, "
    "Riverside Hospital. Please bring a list of the medicines you take. The visit takes about 30 minutes. "
    "If you need to change the time, please call us on 01632 960000. The unit is on the ground floor, next to "
    "the main entrance, and there is a lift. {benefit}\n\nYours sincerely\n"
)


def test_a_benefit_in_everyday_words_is_seen():
    for benefit in (
        "Screening finds cancers early, when treatment works best. It could save your life.",
        "A vaccine helps your body learn how to fight the virus.",
        "The vaccine protects you against serious illness from flu.",
        "Coming to this check helps your medical team plan the right care for you.",
        "Having the test every year reduces your risk of becoming seriously ill.",
    ):
        assert found(BOOKING.format(benefit=benefit), "attractive.benefit") == [], benefit


def test_a_letter_with_no_benefit_is_still_found():
    assert len(found(BOOKING.format(benefit="We look forward to seeing you."), "attractive.benefit")) == 1


# -- timely.vague_deadline ---------------------------------------------------------


def test_urgent_health_advice_and_the_services_promises_are_not_vague_deadlines():
    for sentence in (
        "If you notice any unusual bleeding or other symptoms, speak to a GP as soon as possible.",
        "If you are worried about your health, contact your GP surgery as soon as you can.",
        "We will keep you on the waiting list and tell you your appointment date as soon as possible.",
        "You will get this information in the post soon after your appointment is booked.",
        "If there is not enough time, you may be asked to come back at a later date.",
    ):
        assert found(sentence, "timely.vague_deadline") == [], sentence


def test_a_vague_deadline_for_the_reader_is_still_found():
    assert [f.text for f in found("Please return the form as soon as possible.", "timely.vague_deadline")] == [
        "as soon as possible"
    ]
    assert found("We will send you a date in due course.", "timely.vague_deadline")


# -- timely.key_facts_late ---------------------------------------------------------


def test_opening_hours_and_prices_are_not_the_appointment_time():
    text = (
        "Dear Mr Jones,\n\nYou are due for your shingles vaccination. Please book an appointment at the clinic. "
        "The vaccine helps protect you from shingles, a painful rash.\n\nPlease call us on 01632 960000 during "
        "our opening hours (Monday to Friday, 9:00 AM - 5:00 PM) to book. Parking at the clinic costs £7.40 for "
        "up to 4 hours. You can bring someone with you. If you need a different time, please call the same "
        "number. We will send you a text reminder the day before.\n\nYours sincerely\n"
    )
    assert found(text, "timely.key_facts_late") == []


def test_a_late_appointment_time_is_still_found():
    text = (
        "Dear Mr Smith\n\nYou have been referred to the heart clinic by your GP. We want to check your blood "
        "pressure and talk about the chest pains you told your GP about. Please bring a list of all the "
        "medicines you take. Please allow about 2 hours for your visit. You may have two short tests. The "
        "clinic is open 8:30am to 5pm.\n\nYour appointment is on Tuesday 21 October at 10:40am in Heart Clinic 3.\n"
    )
    assert [f.text for f in found(text, "timely.key_facts_late")] == ["at 10:40am"]


def test_the_time_is_measured_from_dear():
    body = "Dear Mrs Example,\n\nYour appointment is on Tuesday 21 October at 10:40am in Heart Clinic 3. " + (
        "Please bring a list of the medicines you take and your glasses. " * 2
    ) + "\n\nYours sincerely\n"
    assert found(LETTERHEAD + body, "timely.key_facts_late") == []


# -- social.negative_norm, tone.threat, tone.blame ---------------------------------


def test_missed_appointment_figures_and_costs_are_negative_norms():
    for sentence, words in (
        ("One in twelve of our patients fail to keep their appointment.", "One in twelve of our patients fail to keep"),
        ("Missed appointments cost the hospital £50 each.", "Missed appointments cost the hospital £50"),
        ("Each year more than 2 million outpatient appointments are being wasted.", "2 million outpatient appointments are being wasted"),
        ("Last month we had a total of 61 wasted nurse appointments.", "a total of 61 wasted nurse appointments"),
    ):
        assert [f.text for f in found(sentence, "social.negative_norm", "general")] == [words]


def test_a_cost_for_the_readers_own_appointment_and_a_rule_for_a_count_are_not_norms():
    assert found("Not coming to your appointment will cost the NHS about £160.", "social.negative_norm", "general") == []
    assert found("After 3 missed appointments in a year we will write to you.", "social.negative_norm", "general") == []


def test_discharge_and_removal_warnings_are_threats_once_per_sentence():
    for sentence in (
        "If you do not come, you will be discharged back to the care of your GP.",
        "Non-attendance will result in your referral being closed.",
        "Any further missed appointments may mean that you are removed from our patient list.",
        "Patients who keep missing appointments may be asked to register with another practice.",
    ):
        assert len(found(sentence, "tone.threat", "general")) == 1, sentence


def test_a_neutral_waiting_list_consequence_is_not_a_threat():
    text = "If you tell us you no longer need treatment, we will take you off the waiting list."
    assert found(text, "tone.threat", "general") == []


# -- style.block_capitals ----------------------------------------------------------


def test_one_capitalised_heading_is_one_finding():
    text = "WHAT DO I NEED TO BRING WITH ME?\n\nPlease bring your glasses.\n\nPlease remember: KEEP IT or CANCEL IT!\n"
    assert [f.text for f in found(text, "style.block_capitals", "general")] == [
        "WHAT DO I NEED TO BRING WITH ME",
        "KEEP IT or CANCEL IT",
    ]


def test_form_instructions_and_acronyms_are_not_shouting():
    text = (
        "Please fill in this form in BLOCK CAPITALS.\n\nDate of birth: DD MM YYYY\n\n"
        "Show your NHS COVID Pass. Ask the NHS BSL service.\n"
    )
    assert found(text, "style.block_capitals", "general") == []


# -- style.the_patient -------------------------------------------------------------


def test_the_patient_is_right_when_the_reader_is_someone_else():
    text = (
        "Hello,\n\nYou have been invited to a video visit with your relative on Friday at 3pm. We will text you "
        "when the patient and the nurse are ready. Please have the patient's date of birth ready when you join.\n"
    )
    assert found(text, "style.the_patient") == []


def test_the_patient_in_a_name_is_not_the_reader():
    text = "You can claim a refund at the Patient Travel Office. Ask the Patient Advice and Liaison Service."
    assert found(text, "style.the_patient") == []


def test_the_patient_about_the_reader_is_still_found():
    text = "The patient should not eat for 6 hours before the test. Please bring a urine sample."
    assert [f.text for f in found(text, "style.the_patient")] == ["The patient"]


def test_the_patient_beside_you_in_a_letter_to_the_patient_is_still_found():
    # the very mix the rule is for: "you" and "the patient" are the same person
    text = "Dear Mr Shah,\n\nYou have been referred to the clinic, and an appointment has been made for the patient to be seen next week.\n"
    assert [f.text for f in found(text, "style.the_patient")] == ["the patient"]
