"""What a health literacy promoter saw wrong reading litcheck's reports on real letters (session 8).

Each letter here is written for this test, modelled on the kind of real UK letter where the
problem was seen: a removal-from-waiting-list letter, a child flu invitation, a procedure
leaflet. Each test fails on the code or data before its fix.
"""

from __future__ import annotations

import pytest

from litcheck import check_text

REMOVED = (
    "Dear [patient name],\n\n"
    "I recently wrote to ask you to ring us to arrange a date for your operation with [consultant name].\n\n"
    "We have not heard from you, so I am referring you back to your GP and have removed you from our waiting list.\n\n"
    "Yours sincerely,\n\n[booking clerk]\n"
)
INVITATION = (
    "Dear [parent name],\n\n"
    "We would like to invite your child for a free flu vaccination. Please book an appointment at "
    "your GP surgery. The vaccine is a quick spray up the nose.\n\n"
    "Yours faithfully,\n\nThe vaccination team\n"
)
APPOINTMENT = (
    "Dear [patient name],\n\n"
    "Your appointment is on Tuesday 3 March 2026 at 10am at the Eye Clinic, Northfield Hospital.\n\n"
    "Yours sincerely,\n\nOutpatients\n"
)


def _contact(text: str, profile: str):
    report = check_text(text, profile=profile)
    return next(f for f in report.findings if f.rule == "details.contact")


@pytest.mark.parametrize(
    "text, profile",
    [(REMOVED, "no_appointment_letter"), (INVITATION, "invitation_to_book")],
)
def test_missing_phone_number_message_names_no_appointment_where_there_is_none(text, profile):
    finding = _contact(text, profile)
    said = " ".join([finding.message, *finding.suggestions]).lower()
    assert "change the appointment" not in said and "change your appointment" not in said
    assert "[phone number]" in finding.suggestions[0]


def test_invitation_to_book_suggests_a_number_to_book_on():
    assert _contact(INVITATION, "invitation_to_book").suggestions[0].startswith("To book")


def test_appointment_letter_still_suggests_a_number_to_change_it():
    assert "change your appointment" in _contact(APPOINTMENT, "appointment_letter").suggestions[0]
