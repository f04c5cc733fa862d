"""The kind of document (issue 21): letters with no appointment, web and policy pages and Easy
Read are recognised from what they say, the report says why, and only the rules that fit the
kind run. All texts are written for these tests (fictional names and numbers)."""

from __future__ import annotations

import json
import re

import pytest

import litcheck
from litcheck.details.profiles import load_profiles
from litcheck.errors import RuleError

CANCELLED = """\
Dear Mr Okafor

Your appointment at the Skin Clinic, Northfield General Hospital, on Tuesday 14 April has been
cancelled because the doctor is unwell. We are sorry about this.

We will write to you again with a new date as soon as we can. You do not need to do anything now.

If you have any questions, please call the Skin Clinic on 01632 960444 (fictional number),
Monday to Friday, 9am to 4pm.

Yours sincerely

Outpatient Bookings Team
"""

RESULTS = """\
Dear Ms Begum

Your recent blood test results are normal. The doctor has looked at them and no further
action is needed. You do not need to book another test.

If you feel unwell or your symptoms change, please speak to your GP surgery.

If you have any questions about this letter, call us on 01632 960515 (fictional number).

Kind regards

Westgate Surgery
"""

REMOVED = """\
Dear [Patient Name]

We wrote to you on [date of first letter] to ask you to phone us to arrange your operation.
We have not heard from you, so we have removed you from our waiting list and written to your GP.

If you still want the operation, please ask your GP to refer you again.

Yours sincerely

[Consultant name]
"""

POLICY = """\
Missed Appointments Policy

Every month more than 150 appointments at our practice are wasted because patients do not come
and do not tell us. That is time a doctor or nurse could have spent with someone else.

If a patient misses two appointments in 12 months without telling us, we will send them a
letter to ask if there is a problem we can help with.

Patients who miss a third appointment may be asked to talk to the practice manager.

We understand that things can go wrong. If you cannot come, please tell us as soon as you can
so that we can give the appointment to someone else. You can cancel in the NHS App, online or
by phone.
"""

WEB_PAGE = """\
Physiotherapy

How do I get an appointment?

You can ask your GP to refer you, or you can fill in our form online. We will contact you within
two weeks to offer you a time.

How long will my appointment take?

Your first appointment takes about 45 minutes. Later appointments take about 30 minutes.

What should I wear?

Please wear loose clothes so that the physiotherapist can see the part of your body that hurts.

Our clinic is open Monday to Friday, 8am to 6pm. Find out more on our website.
"""

EASY_READ_TITLED = """\
Easy Read: your blood test

A picture of a nurse smiling.

You are going to have a blood test.

A nurse will take a little blood from your arm.

It will hurt a little.

It is over quickly.

A picture of a person holding a friend's hand.

You can bring someone with you.

Tell us if you are worried.

Call us on 01632 960616.
"""

# no "Easy Read" anywhere: short lines, short sentences and picture descriptions say it
EASY_READ_UNTITLED = """\
Going to the dentist

An illustration of a dentist's chair.

The dentist will look at your teeth.

This does not hurt.

You can sit in the big chair.

An illustration of a toothbrush.

The dentist will show you how to clean your teeth.

You can ask questions.

An illustration of a telephone.

If you cannot come, phone us on 01632 960717.
"""

APPOINTMENT = """\
Dear Mrs Ahmed

Your appointment is on Thursday 12 March 2026 at 10:15am at the Heart Clinic, Level 2,
Northfield General Hospital, Ashby Road, NE6 2XX.

The doctor will check your heart and talk to you about your chest pain. Your visit will take
about 2 hours. Please bring a list of the medicines you take.

You can ask for this letter in large print, Easy Read or another language.

To change your appointment, call us on 01632 960555, Monday to Friday, 9am to 4pm.

Yours sincerely

Outpatient Bookings Team
"""

LETTER_ONLY_RULES = {"easy.one_action", "attractive.benefit", "attractive.help_signposted", "timely.reminder", "timely.key_facts_late"}


def _rules(report) -> set[str]:
    return {f.rule for f in report.findings}


@pytest.mark.parametrize("text, words", [
    (CANCELLED, "cancelled"),
    (RESULTS, "results"),
    (REMOVED, "removed you from"),
])
def test_letters_with_no_appointment_are_recognised_with_their_reason(text, words):
    report = litcheck.check_text(text)
    assert report.profile == "no_appointment_letter"
    reason = report.to_dict()["profile_reason"]
    assert reason.startswith("a letter with no appointment: it says") or reason.startswith("a letter with no appointment: it gives")
    assert words in reason


@pytest.mark.parametrize("text", [CANCELLED, RESULTS, REMOVED])
def test_a_letter_with_no_appointment_is_asked_only_for_a_phone_number(text):
    report = litcheck.check_text(text)
    found = _rules(report)
    assert not {r for r in found if r.startswith("details.") and r != "details.contact"}
    assert not found & LETTER_ONLY_RULES
    details = report.to_dict()["details"]
    assert details["contact"]["need"] == "required"
    assert {name for name, item in details.items() if item["need"] != "not_applicable"} == {"contact"}


def test_a_letter_with_no_appointment_and_no_phone_number_is_told_so():
    no_phone = re.sub(r"If you have any questions.*?\n\n", "", CANCELLED, flags=re.S)
    report = litcheck.check_text(no_phone)
    assert report.profile == "no_appointment_letter" and "details.contact" in _rules(report)


@pytest.mark.parametrize("text", [POLICY, WEB_PAGE])
def test_web_and_policy_pages_get_no_letter_rules_and_no_required_details(text):
    report = litcheck.check_text(text)
    assert report.profile == "web_page"
    found = _rules(report)
    assert not {r for r in found if r.startswith("details.")}
    assert not found & LETTER_ONLY_RULES
    assert report.to_dict()["profile_reason"].startswith("a web or information page: it ")


def test_a_policy_page_talking_about_the_patient_is_still_told_to_say_you():
    text = POLICY.replace("we will send them a", "the patient will be sent a")
    assert text != POLICY
    report = litcheck.check_text(text)
    assert report.profile == "web_page" and "style.the_patient" in _rules(report)


def test_a_policy_page_about_missed_appointments_is_not_a_letter_about_one():
    # "missed appointments" and "did not attend" in general are not "you missed your appointment"
    report = litcheck.check_text(POLICY)
    assert report.profile != "no_appointment_letter"


@pytest.mark.parametrize("text", [EASY_READ_TITLED, EASY_READ_UNTITLED])
def test_easy_read_is_recognised_by_its_title_or_by_its_short_lines_and_pictures(text):
    report = litcheck.check_text(text)
    assert report.profile == "easy_read", report.to_dict()["profile_reason"]
    assert "Easy Read" in report.to_dict()["profile_reason"]


def test_easy_read_information_is_not_asked_for_what_only_a_letter_gives():
    # Easy Read pages are often information, not letters (precision on real Easy Read pages):
    # a number to answer, an interpreter offer, where and when belong to an Easy Read letter
    profile = load_profiles()["easy_read"]
    letter_only = ("contact", "interpreter", "date", "time", "location")
    assert {profile.need(d, letter=False) for d in letter_only} == {"not_applicable"}
    assert {profile.need(d, letter=True) for d in letter_only} == {"recommended"}
    assert profile.need("companion", letter=False) == "recommended"


EASY_READ_INFORMATION = (
    "Easy Read\n\nGetting your flu jab\n\nThe flu jab keeps you well in winter.\n\n"
    "It is a small needle in your arm.\n\nIt does not hurt much.\n\nYou may feel a bit tired after.\n\n"
    "This is normal.\n\nYou can ask the nurse questions.\n\nYou can bring a friend with you.\n\n"
    "Most people have the jab every year.\n"
)


def test_an_easy_read_information_page_is_not_told_to_give_a_phone_number_or_an_interpreter():
    report = litcheck.check_text(EASY_READ_INFORMATION)
    assert report.profile == "easy_read", report.to_dict()["profile_reason"]
    assert not {"details.contact", "details.interpreter"} & _rules(report)
    letter = "Dear Sam\n\n" + EASY_READ_INFORMATION.replace("Easy Read\n\n", "Easy Read\n\nYou are going to see the nurse.\n\n")
    assert {"details.contact", "details.interpreter"} <= _rules(litcheck.check_text(letter, profile="easy_read"))


def test_a_letter_that_offers_an_easy_read_version_is_still_an_appointment_letter():
    report = litcheck.check_text(APPOINTMENT)
    assert report.profile == "appointment_letter"
    reason = report.to_dict()["profile_reason"]
    assert reason.startswith("an appointment letter: it ") and "Easy Read" not in reason


def test_the_text_report_header_says_the_kind_and_why():
    from litcheck.report import Report
    from litcheck.reporters import render

    out = render(Report(documents=[litcheck.check_text(CANCELLED, path="cancelled.txt")]), "text")
    header = out.splitlines()[1]
    assert header.startswith("  Checked as a letter with no appointment: it says")
    assert "--profile" in header


def test_a_given_kind_says_it_was_given():
    d = litcheck.check_text(CANCELLED, profile="appointment_letter").to_dict()
    assert d["profile"] == "appointment_letter" and d["profile_confidence"] is None
    assert d["profile_reason"] == "an appointment letter: the kind was given, not worked out from the text"


def test_the_json_reason_follows_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from litcheck.report import Report
    from litcheck.reporters import render
    from pathlib import Path

    schema = json.loads((Path(litcheck.__file__).parent / "schema" / "report-1.json").read_text())
    out = json.loads(render(Report(documents=[litcheck.check_text(RESULTS)]), "json"))
    jsonschema.validate(out, schema)
    assert out["documents"][0]["profile_reason"].startswith("a letter with no appointment")


def test_a_service_sets_the_kind_in_its_config(tmp_path, run_cli):
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "cancelled.txt").write_text(CANCELLED, encoding="utf-8")
    (tmp_path / "litcheck.toml").write_text('[profiles]\n"letters/*.txt" = "appointment_letter"\n', encoding="utf-8")
    code, out, err = run_cli("check", "--config", str(tmp_path / "litcheck.toml"), "--format", "json", str(tmp_path / "letters"))
    doc = json.loads(out)["documents"][0]
    assert doc["profile"] == "appointment_letter", err
    assert "given" in doc["profile_reason"]


def test_detect_entries_are_checked(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "odd.yml").write_text('label: odd\ndetect:\n  - {min_chars: 10, weight: 1, min_count: 2}\n', encoding="utf-8")
    with pytest.raises(RuleError, match="min_count is a whole number"):
        litcheck.check_text(CANCELLED, profile_dirs=[folder])
    (folder / "odd.yml").write_text('label: odd\ndetect:\n  - {pattern: "x", weight: 1, says: [1]}\n', encoding="utf-8")
    with pytest.raises(RuleError, match="says is a phrase"):
        litcheck.check_text(CANCELLED, profile_dirs=[folder])


def test_a_service_profile_can_give_its_own_reason(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "physio_class.yml").write_text(
        'label: physiotherapy class letter\nrequired: [contact]\ndetect:\n'
        '  - {pattern: "\\\\bphysio(?:therapy)?\\\\s+class(?:es)?\\\\b", weight: 12, says: "invites the reader to a class (\'{match}\')"}\n',
        encoding="utf-8")
    text = "Dear Mr Khan\n\nWe would like you to join our physiotherapy classes for back pain, every Tuesday at 2pm.\n\nCall 01632 960111 to join.\n\nYours sincerely\nPhysiotherapy Team\n"
    d = litcheck.check_text(text, profile_dirs=[folder]).to_dict()
    assert d["profile"] == "physio_class"
    assert d["profile_reason"] == "a physiotherapy class letter: it invites the reader to a class ('physiotherapy classes for back pain')"


PAGE_HOSTING_A_LETTER = """\
Waiting list check: the letters we send

We are checking our waiting lists for the eye clinic. We are sending letters and texts to people on the
list to ask whether they still need to be seen.

This page contains the letter in large print and in other languages. Use the links below to open them.

Large print letter
Letter in Polish
Letter in Urdu

Dear [patient name]

You are on our waiting list for the [clinic]. Please tell us whether you still need this appointment.
If you do not reply within 14 days, we may take you off the list.

Yours sincerely

Eye Clinic Team
"""

PAGE_LISTING_EASY_READ_GUIDES = """\
Easy read information about breast screening

These Easy Read guides tell you about breast screening and what happens at your screening appointment.

What is breast screening?

Breast screening is an x-ray test that can find breast cancer early, before you can see or feel it.
It is offered to women aged 50 to 71 who are registered with a GP, every 3 years.

This easy read guide explains what happens on the day of your screening (PDF).

Downloads

Easy Read: Breast screening
Easy Read: Your breast screening results
Find out more at www.example.org/screening
"""


def test_a_web_page_that_hosts_a_letter_is_a_web_page_not_the_letter():
    # the page shows the letter's text below its own words (t010): the page says what it is
    report = litcheck.check_text(PAGE_HOSTING_A_LETTER)
    reason = report.to_dict()["profile_reason"]
    assert report.profile == "web_page", reason
    assert "calls itself a web page" in reason
    assert not {r for r in _rules(report) if r.startswith("details.")}
    # without the page's words it is the letter
    letter = PAGE_HOSTING_A_LETTER[PAGE_HOSTING_A_LETTER.index("Dear"):]
    assert litcheck.check_text(letter).profile == "no_appointment_letter"


def test_a_page_that_lists_easy_read_guides_is_a_web_page_not_easy_read():
    # it names Easy Read guides as other documents and links to them to download (t037)
    report = litcheck.check_text(PAGE_LISTING_EASY_READ_GUIDES)
    assert report.profile == "web_page", report.to_dict()["profile_reason"]
    assert not {"details.contact", "details.accessibility", "details.companion", "details.interpreter"} & _rules(report)
