"""Practical details as real letters and templates write them (issue 21, pattern 11).

Each case is written for this test: the wording follows how UK appointment letters, text
messages and their templates put a detail, and each trap is one the detectors used to fall in
(a contact sentence read as the place to go, the letter's own date read as the appointment's,
a picture's description read as an offer of an interpreter).
"""

import pytest

from litcheck import readers
from litcheck.analysers import Context
from litcheck.details import detect


def found(text: str, fmt: str = "txt") -> dict:
    return detect(Context(readers.read_text(text, fmt, None)))


# --------------------------------------------------------------------------- phone numbers


@pytest.mark.parametrize(
    "sentence",
    [
        "To change your appointment, call 0300 123 45 67.",
        "Questions? Ring the booking team on 0800 707 55 55.",
        "If you cannot book online, phone 119.",
        "To book, call the booking line on 119 between 8am and 8pm.",
    ],
)
def test_phone_numbers_in_two_digit_groups_and_service_numbers(sentence):
    assert found(sentence)["contact"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you feel unwell before your appointment, call NHS 111 for advice.",
        "Text reminders will come from 07700 900123.",
        "Please contact [Booking Office Contact Details] if you need help.",
    ],
)
def test_numbers_that_are_not_a_route_to_ask_about_the_appointment(sentence):
    assert not found(sentence)["contact"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you cannot come, call ==booking team phone==.",
        "To rebook, ring ((clinic_phone)).",
        "Phone: {d.clinicPhone}",
        "Please telephone [booking contact] within 2 weeks to confirm.",
        "Please call us on [Your Ward/Clinic Phone Number] to rebook.",
    ],
)
def test_phone_fields_in_every_template_syntax(sentence):
    got = found(sentence)["contact"]
    assert got and got.via == "placeholder"


# --------------------------------------------------------------------------- dates and times


def test_the_letters_own_date_above_the_greeting_is_not_the_appointment_date():
    text = "Date: 3 March 2026 NHS number: 999 999 9999 Dear Ms Patel,\n\nWe would like to invite you for a scan. Please call us to book it.\n"
    assert not found(text)["date"]


def test_a_date_field_that_dates_the_letter_is_not_the_appointment_date():
    text = "((address_line_1))\n((address_line_2))\n\nDate: ((date))\n\nDear ((fullName)),\n\nPlease book your flu vaccination at your GP surgery.\n"
    assert not found(text)["date"]


def test_date_and_time_fields_named_for_the_visit():
    got = found("Your video visit is on ((visit_date)) at ((visit_time)).")
    assert got["date"].via == "placeholder" and got["time"].via == "placeholder"


def test_a_session_date_field_in_equals_signs():
    assert found("Your child may get their ==vaccination== at school on ==next session date==.")["date"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Children aged 2 or 3 on 31 August 2025 can have their vaccination at the surgery.",
        "You can have the vaccine because you are 75 or over (or will be on 31 March 2026).",
        "Your recent scan, carried out on [Date of Scan, e.g., 4 May 2026], showed no change.",
    ],
)
def test_eligibility_dates_and_past_events_are_not_the_appointment_date(sentence):
    assert not found(sentence)["date"]


def test_a_day_and_opening_time_is_not_a_date():
    assert not found("Appointments can be booked Mon-Thurs 8.30am-5pm.")["date"]


def test_a_page_timestamp_is_not_the_appointment_time():
    assert not found("Page last updated on 22 March 2024 at 4:15pm.")["time"]


# --------------------------------------------------------------------------- location


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have any questions, contact the Admissions Department.",
        "Please let the Radiology Department know if you cannot come.",
        "You may be offered a scan at an NHS Community Diagnostic Centre.",
        "Staff at ((ward_name)) would like to arrange a video call with you.",
        "We are writing because you are waiting for an appointment in the [specialty] department, part of [Hospital].",
    ],
)
def test_places_named_as_someone_to_contact_or_any_place_of_a_kind_are_not_where_to_go(sentence):
    assert not found(sentence)["location"]


def test_the_letterhead_is_not_where_to_go():
    text = (
        "Eastfield Hospital Radiology Department\n1 High Road\nEastfield EF1 2CD\n\n14 May 2026\n\n"
        "Dear Mr Lee,\n\nYou are on our list for a scan. Please call us to book it.\n\nYours sincerely\n\nThe Radiology Team\n"
    )
    assert not found(text)["location"]


def test_letterhead_fields_of_a_template_are_not_where_to_go():
    text = (
        "NHS [Your Department/Clinic Name] [Your Department/Clinic Address Line 1] [Your Department/Clinic Postcode]\n\n"
        "Regarding your recent visit to the clinic:\n\nWe are pleased to tell you that your test result is normal.\n\n"
        "Yours sincerely,\n\nThe [Your Department/Clinic Name] Team\n"
    )
    assert not found(text)["location"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will see you at ==location name== on ==next session date==.",
        "Reminder: your appointment at the surgery is on [Date] at [Time].",
        "Your child may get their flu spray at school on 14 October.",
    ],
)
def test_the_place_of_the_visit_given_by_a_field_or_by_its_kind_with_the_day(sentence):
    assert found(sentence)["location"]


def test_a_kind_of_place_without_the_visit_is_not_where_to_go():
    assert not found("It would be better for your child to be vaccinated in a clinic rather than at school.")["location"]


# --------------------------------------------------------------------------- duration


@pytest.mark.parametrize(
    "sentence",
    [
        "The scan usually takes about an hour.",
        "You could be with us for up to four hours.",
        "Duration: 15 minutes",
        "We will book a 30 minute appointment with the practice nurse.",
        "These clinics may last a few hours.",
        "Your first appointment will normally be 45 minutes.",
    ],
)
def test_durations_in_words_labels_and_as_adjectives(sentence):
    assert found(sentence)["duration"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you feel no better after 10 minutes, call 999.",
        "This will be [a day case | an overnight stay].",
        "Patients who can come in at short notice may get an appointment that same day.",
    ],
)
def test_amounts_of_time_that_are_not_how_long_the_visit_takes(sentence):
    assert not found(sentence)["duration"]


# --------------------------------------------------------------------------- travel


def test_time_to_park_is_parking():
    assert found("Allow extra time to park your car in the morning.")["parking"]


@pytest.mark.parametrize(
    "sentence",
    [
        "You must not drive for 24 hours after the test.",
        "You are advised not to drive a car for 6 hours after the eye drops.",
        "Think about how you will get home after your appointment.",
    ],
)
def test_driving_and_getting_home_are_transport(sentence):
    assert found(sentence)["transport"]


# --------------------------------------------------------------------------- who can come, access, language


@pytest.mark.parametrize(
    "sentence",
    [
        "A relative or friend can accompany you to the clinic.",
        "Children under 16 must be accompanied by an adult with parental responsibility.",
    ],
)
def test_accompany_is_a_companion(sentence):
    assert found(sentence)["companion"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you are deaf, you can use Relay UK: dial 18001 then 0300 555 0142.",
        "You can call us from a textphone on 18001 0300 555 0142.",
        "Please tell us if you need assistance with walking when you arrive.",
        "Tell the ward team if you need extra help to communicate.",
    ],
)
def test_deaf_phone_routes_and_help_to_attend_are_access(sentence):
    assert found(sentence)["accessibility"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff should call patients with a learning disability before their appointment.",
        "For example, they are autistic or very anxious.",
        "Does your child need extra support during the vaccination session?",
    ],
)
def test_a_condition_named_without_an_offer_of_help_is_not_access(sentence):
    assert not found(sentence)["accessibility"]


def test_bsl_named_as_a_format_is_not_an_interpreter():
    assert not found("This letter is available in alternative formats, including BSL and Braille.")["interpreter"]


def test_a_pictures_description_is_not_evidence():
    text = "An illustration of a nurse and a patient talking in sign language.\n\nA person holding a leaflet that says easy read.\n"
    got = found(text)
    assert not got["interpreter"] and not got["alternative_formats"]


# --------------------------------------------------------------------------- preparation


@pytest.mark.parametrize(
    "sentence",
    [
        "It helps if your child wears a short-sleeved shirt on the day of the vaccination.",
        "Take your medicines as normal on the day of your test.",
        "Please try not to go to the toilet before you arrive, as we need a urine sample.",
        "Have your NHS number ready when you join the video call.",
        "You may wish to make a list of questions to ask at your appointment.",
    ],
)
def test_clothing_medicines_and_things_to_have_ready_are_preparation(sentence):
    assert found(sentence)["preparation"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Medication: Continue taking your ramipril 5mg once daily as prescribed.",
        "Call 999 if you do not feel better after taking your reliever inhaler.",
    ],
)
def test_treatment_advice_is_not_getting_ready_for_a_visit(sentence):
    assert not found(sentence)["preparation"]
