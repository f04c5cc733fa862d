"""The practical-details detectors on real wording, and on the known traps."""

import pytest

import litcheck
from litcheck import readers
from litcheck.analysers import Context
from litcheck.details import detect


def found(text: str, fmt: str = "txt") -> dict:
    return detect(Context(readers.read_text(text, fmt, None)))


@pytest.mark.parametrize(
    "sentence",
    ["Your appointment is on Wednesday 31 December 2025.", "Your appointment is on 31/12/2025.", "We will see you on the 31st Dec."],
)
def test_uk_dates_are_the_appointment_date(sentence):
    assert found(sentence)["date"]


@pytest.mark.parametrize("sentence", ["Please come at 2:30pm.", "Please arrive at 14:30.", "Come at 9.30am.", "Come at half past nine.", "Come at 10 o'clock."])
def test_times_in_any_style(sentence):
    assert found(sentence)["time"]


@pytest.mark.parametrize("sentence", ["Your appointment will take about 1 hour.", "The test takes no longer than 30 minutes.", "You will be with us most of the day.", "You will go home the same day."])
def test_durations(sentence):
    assert found(sentence)["duration"]


@pytest.mark.parametrize("number", ["0300 555 0142", "0800 555 0123", "+44 191 496 0000", "01632 960123"])
def test_uk_phone_numbers_are_a_contact(number):
    assert found(f"To change your appointment, call {number}.")["contact"]


def test_opening_hours_are_not_an_appointment_time():
    assert not found("Our phone lines are open Monday to Friday, 8am to 6pm.")["time"]


def test_cancelled_appointment_date_is_not_a_date():
    assert not found("Your appointment on 3 March has been cancelled. Please call us to rebook.")["date"]


def test_letter_date_on_its_own_line_is_not_the_appointment_date():
    assert not found("14 October 2025\n\nDear Mr Khan\n\nPlease call us to book a time.")["date"]


def test_direction_through_a_car_park_is_not_parking():
    assert not found("Go through the car park to the main entrance.")["parking"]


def test_pay_and_display_is_parking():
    assert found("There is a pay and display car park by the entrance.")["parking"]


def test_map_link_is_not_transport():
    assert not found("There is a map at www.hospital.example/map.")["transport"]


def test_you_will_be_told_which_hospital_is_not_a_location():
    assert not found("You will be told which hospital to go to when you book.")["location"]


def test_patient_transport_number_is_not_the_contact():
    assert not found("To book patient transport, call 0300 555 0199.")["contact"]


def test_heading_with_nothing_under_it_is_not_the_detail():
    text = "# Your appointment\n\n### Parking\n\n### Buses\n\nPlease call us on 01632 960123 to change it.\n"
    got = found(text, "md")
    assert not got["parking"] and not got["transport"] and got["contact"]


def test_placeholders_give_the_detail():
    got = found("Please come to «ClinicAddress» on {{ appointment_date }} at $tcitime.")
    assert got["location"].via == "placeholder" and got["date"] and got["time"]


def test_letter_date_placeholder_is_not_the_appointment_date():
    assert not found("[LETTER_DATE]\n\nDear [PATIENT_NAME]\n\nPlease call us.")["date"]


def test_online_only_has_no_digital_alternative_and_phone_route_has_one():
    assert not found("Book online at www.clinic.example/book or scan the QR code.")["digital_alternative"]
    assert found("Book online at www.clinic.example/book, or call us free on 0800 555 0123.")["digital_alternative"]


def test_words_starting_with_app_are_not_an_app():
    """"the app" was matched inside "the appointment" and "the appropriate person": a letter that
    only asks the reader to book or change an appointment does not ask them to act online."""
    from litcheck.analysers import Context
    from litcheck.details.detectors import asks_online
    from litcheck.readers import read_text

    def online(text):
        return asks_online(Context(read_text(text, "txt", None), None, {}))

    assert online("Reception will book you in with the appropriate person.") is None
    assert online("Please confirm the appointment by replying to this letter.") is None
    assert online("Please confirm your appointment in the app.") is not None
    assert online("You can book in our app or on the NHS App.") is not None


def test_someone_must_collect_you_is_not_a_companion():
    assert not found("Someone must collect you and stay with you for 24 hours.")["companion"]
    assert found("You can bring a friend, relative or carer with you.")["companion"]


def test_bring_a_friend_is_not_something_to_bring():
    assert not found("You can bring a friend with you.")["what_to_bring"]


def test_json_has_a_details_checklist_with_evidence_and_position():
    report = litcheck.check_text("Dear Ms Lee\n\nYour appointment is at Ward 12, Westgate General Hospital on Monday 5 January 2026 at 2:30pm. It will take about 1 hour. To change it, call 01632 960123.\n", profile="appointment_letter")
    details = report.to_dict()["details"]
    assert details["time"]["present"] and details["time"]["need"] == "required"
    assert details["time"]["match"] == "2:30pm" and details["time"]["line"] == 3
    assert details["parking"] == {**details["parking"], "present": False, "need": "recommended", "evidence": None}
    assert "details.parking" in {f.rule for f in report.findings}
    assert "details.time" not in {f.rule for f in report.findings}


def test_text_report_shows_the_checklist():
    report = litcheck.check_text("Dear Ms Lee\n\nYour appointment is on Monday 5 January 2026 at 2:30pm.\n", profile="appointment_letter")
    lines = report.sections["details"].text_lines()
    assert lines[0].startswith("Practical details for appointment letter (given)")
    assert any(line.startswith("  [x] the time") and "2:30pm" in line for line in lines)
    assert any(line.startswith("  [ ] parking") for line in lines)


def test_missing_details_can_be_ignored():
    text = "Dear Ms Lee\n\nYour appointment is on Monday 5 January 2026 at 2:30pm.\n"
    report = litcheck.check_text(text, profile="appointment_letter", ignore=["details"])
    assert not [f for f in report.findings if f.rule.startswith("details.")]


def test_the_letters_own_date_line_is_not_the_appointment_date():
    import litcheck

    text = (
        "Date: 2 October 2025\n\nDear Mr Smith\n\nPlease come to your appointment at the heart clinic.\n\n"
        "Date: Tuesday 21 October 2025\nTime: 10:40am\n\nYours sincerely\n"
    )
    detail = litcheck.check_text(text, profile="appointment_letter").sections["details"].to_dict()["date"]
    assert detail["present"] and "21 October" in detail["evidence"]


def test_an_easy_read_letter_is_offered_easy_read_sentences():
    import litcheck

    text = "Your health check\n\nYou are going to see the nurse.\n\nThe nurse will check your weight.\n"
    easy = litcheck.check_text(text, profile="easy_read").findings
    letter = litcheck.check_text(text, profile="appointment_letter").findings
    easy_interpreter = next(f for f in easy if f.rule == "details.interpreter").suggestions[0]
    letter_interpreter = next(f for f in letter if f.rule == "details.interpreter").suggestions[0]
    assert easy_interpreter != letter_interpreter
    assert all(len(s.split()) <= 10 for s in easy_interpreter.split(". "))
