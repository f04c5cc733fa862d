"""Profiles: data files that say which details a kind of document needs, and detection."""

import pytest

import litcheck
from litcheck.details.profiles import load_profiles, profile_names
from litcheck.errors import ConfigError


def test_profiles_are_data_and_include_the_fallback():
    assert {"appointment_letter", "invitation_to_book", "procedure_leaflet", "easy_read", "text_reminder", "general"} <= set(profile_names())


def test_profiles_are_not_loaded_as_rules():
    from litcheck.rulebook import load_rules

    assert not [r.id for r in load_rules() if r.id.startswith("_profiles")]


def test_appointment_letter_requires_where_and_when():
    p = load_profiles()["appointment_letter"]
    assert p.need("date") == "required" and p.need("parking") == "recommended"
    assert load_profiles()["procedure_leaflet"].need("date") == "not_applicable"


def test_short_text_is_general_with_full_confidence():
    report = litcheck.check_text("Your scan is on Monday.")
    assert report.profile == "general" and report.to_dict()["profile_confidence"] == 1.0


def test_text_message_is_detected_with_a_confidence():
    sms = "NHS: Hi Sam, a reminder of your appointment at Heart Clinic 3, Westgate General Hospital on Tue 21 Oct at 10:40am. To change it, call 01632 960123."
    d = litcheck.check_text(sms).to_dict()
    assert d["profile"] == "text_reminder" and 0.5 < d["profile_confidence"] <= 1


def test_given_profile_has_no_confidence():
    assert litcheck.check_text("Your scan is on Monday.", profile="easy_read").to_dict()["profile_confidence"] is None


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown profile 'letter'"):
        litcheck.check_text("Your scan is on Monday.", profile="letter")


def test_cli_unknown_profile_exits_2(run_cli, samples):
    code, _, err = run_cli("check", "--profile", "letter", str(samples / "good_appointment_letter.txt"))
    assert code == 2 and "unknown profile 'letter'" in err and "appointment_letter" in err


def test_a_text_reminder_is_not_asked_how_long_the_appointment_takes():
    # a text has no room for it (judged wrong on the real texts, tests/data/precision)
    p = load_profiles()["text_reminder"]
    assert p.need("duration") == "not_applicable" and p.need("time") == "required"


def test_hi_and_a_name_reads_like_a_text_but_hi_there_does_not():
    """Profile patterns compile ignoring case, so "Hi [A-Z]" also took "hi there" and "Hi
    everyone" for a greeting by name: the capital is now asked for as written."""
    signal = next(s for s in load_profiles()["text_reminder"].signals if s.kind == "pattern" and "Hi" in s.value.pattern)
    assert signal.value.search("Hi Sam, your appointment is on Tuesday.")
    assert not signal.value.search("hi there, thank you for coming to see us.")
    assert not signal.value.search("We say hi to everyone at the front desk.")
