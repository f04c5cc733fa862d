"""Dates, times, numbers and risk the NHS way (issue 23): the dates.* and numbers.* rules, their
fixes through litcheck fix, and the key-facts guard treating a reformatted date or time as the
same fact. Every text here is our own, modelled on real appointment letters and leaflets."""

from __future__ import annotations

import pytest

from litcheck import config as configmod
from litcheck.analysers.numbers import natural_frequency, word_value
from litcheck.analysers.dates_times import nhs_date, nhs_time
from litcheck.check import check_text
from litcheck.errors import ConfigError
from litcheck.facts import compare_facts, date_parts, guard, time_parts
from litcheck.fix.revise import keep_facts, revise, Change
from litcheck.rulebook import Ruleset, load_rules

LETTER = """Dear Mr Example,

Your appointment is on 15/08/2025 at 17:30 in the Eye Clinic, Level 2.
Please arrive at reception by 17:15. The test takes about 1.5 hours.

The clinic is open Mon-Fri, 8.30am - 6pm, and closes at 12 noon on Wednesday, 6th August 2025.
Do not eat anything after 12 midnight. Take 1-2 tablets of paracetamol every 4-6 hours if you need to.
After two missed appointments we will write to you and your GP.

If you cannot come, call 0113 496 0000 between 9am-5pm.

Yours sincerely,
Outpatient Bookings
"""


def our_rules() -> Ruleset:
    return Ruleset([r for r in load_rules() if r.id.startswith(("dates.", "numbers."))])


def findings(text: str, **options):
    # selected, so the rules that are off by default (dates.date_format, dates.numeric_date) run
    return [(f.rule, f.text, f.suggestions) for f in check_text(text, rules=our_rules(), select=["dates", "numbers"], **options).findings]


def rule_hits(text: str, rule: str, **options) -> list[tuple[str, tuple]]:
    return [(t, s) for r, t, s in findings(text, **options) if r == rule]


# -- the key-facts guard: a reformatted date or time is the same fact -------------------------


def test_a_reformatted_time_passes_the_guard_and_a_changed_one_is_blocked():
    assert guard("Please come at 17:30.", "Please come at 5:30pm.")
    changes = compare_facts("Please come at 17:30.", "Please come at 5:00pm.")
    assert [(c.kind, c.status, c.before.value, c.after.value) for c in changes] == [("time", "changed", "17:30", "17:00")]


@pytest.mark.parametrize(
    "before, after",
    [
        ("Come at 12 noon.", "Come at midday."),
        ("Stop eating at 00:00.", "Stop eating at midnight."),
        ("Your scan is at 1415hrs.", "Your scan is at 2:15pm."),
        ("Come on 06/08/2025 at 10am.", "Come on Wednesday 6 August 2025 at 10am."),
        ("Come on Wednesday 06/08/2025.", "Come on Wednesday 6 August 2025."),
        ("Come on 6th Aug 2025.", "Come on 6 August 2025."),
        ("Open Mon-Fri, 8am-6pm.", "Open Monday to Friday, 8am to 6pm."),
        ("The test takes 6.5hrs.", "The test takes 6 hours 30 minutes."),
        ("After two missed appointments.", "After 2 missed appointments."),
        ("Walk 10000 steps a day.", "Walk 10,000 steps a day."),
    ],
)
def test_the_same_date_time_or_number_written_the_nhs_way_is_the_same_fact(before, after):
    assert compare_facts(before, after) == []


@pytest.mark.parametrize(
    "before, after",
    [
        ("Come on 06/08/2025.", "Come on Thursday 6 August 2025."),  # the wrong weekday
        ("After two missed appointments.", "After 3 missed appointments."),
        ("Open Mon-Fri.", "Open Monday to Thursday."),
        ("The test takes 1.5 hours.", "The test takes 1 hour 50 minutes."),
    ],
)
def test_a_changed_date_weekday_count_or_duration_is_blocked(before, after):
    assert compare_facts(before, after)


def test_keep_facts_drops_a_time_change_that_changes_the_time():
    text = "Please come at 17:30."
    finding = check_text(text, rules=our_rules(), select=["dates", "numbers"]).findings[0]
    good, bad = Change(finding, "5:30pm"), Change(finding, "5:00pm")
    assert keep_facts(text, [good])[0] == [good]
    kept, left = keep_facts(text, [bad])
    assert kept == [] and "would change a key fact (time '17:30')" in left[0].reason


def test_date_and_time_parts():
    assert date_parts("Wednesday 06/08/2025").weekday_agrees is True
    assert date_parts("Tuesday 06/08/2025").weekday_agrees is False
    assert date_parts("August 6th, 2025").month_first
    assert date_parts("3 Sept 2025").month_abbreviated
    assert time_parts("17:30").clock24 and not time_parts("10:30").clock24
    assert time_parts("5.30 p.m.").ampm
    assert nhs_time(17, 30) == "5:30pm" and nhs_time(9, 0) == "9am" and nhs_time(17, 30, ".") == "5.30pm"
    assert nhs_date(6, 8, 2025, 2) == "Wednesday 6 August 2025"


# -- the whole letter through litcheck fix -----------------------------------------------------


def test_fix_writes_dates_times_and_numbers_the_nhs_way_and_keeps_every_fact():
    rules = our_rules()
    report = check_text(LETTER, rules=rules, select=["dates", "numbers"])
    revision = revise(report, rules)
    assert "Your appointment is on Friday 15 August 2025 at 5:30pm in the Eye Clinic, Level 2." in revision.text
    assert "Please arrive at reception by 5:15pm. The test takes about 1 hour 30 minutes." in revision.text
    # no house style set: the writer's "8.30am" is kept (a colon for a full stop is not worth a change)
    assert "open Monday to Friday, 8.30am to 6pm, and closes at midday on Wednesday 6 August 2025." in revision.text
    assert "Do not eat anything after midnight. Take 1 to 2 tablets of paracetamol every 4 to 6 hours" in revision.text
    assert "After 2 missed appointments we will write to you" in revision.text
    assert "call 0113 496 0000 between 9am and 5pm." in revision.text
    assert compare_facts(LETTER, revision.text) == []
    assert not [f for f in revision.revised.findings if f.rule.startswith(("dates.", "numbers."))]


def test_a_time_that_could_be_morning_or_afternoon_is_advice_only():
    text = "Your appointment is on Friday 15 August 2025. Please arrive by 2.30 so we can check you in."
    report = check_text(text, rules=our_rules(), select=["dates", "numbers"])
    [f] = [f for f in report.findings if f.rule == "dates.time_format"]
    assert f.text == "2.30" and f.suggestions == () and "'2.30am' or '2.30pm'" in f.message
    revision = revise(report, our_rules())
    assert revision.text == text and [left.finding.text for left in revision.left] == ["2.30"]


# -- all-number dates: rewritten only when there is one reading ---------------------------------


def test_an_all_number_date_is_rewritten_only_when_day_first_is_certain():
    # on its own, 06/08/2025 could be 8 June: advice only
    [(text, suggestions)] = rule_hits("Your appointment is on 06/08/2025 at 10am.", "dates.numeric_date")
    assert text == "06/08/2025" and suggestions == ()
    # a first part over 12 can only be a day
    assert rule_hits("Your appointment is on 15/08/2025 at 10am.", "dates.numeric_date") == [("15/08/2025", ("Friday 15 August 2025",))]
    # the letter writes the day first elsewhere: 06/08/2025 is 6 August
    letter = "Date: 20/07/2025\n\nYour appointment is on 06/08/2025 at 10am."
    assert rule_hits(letter, "dates.numeric_date") == [("20/07/2025", ("20 July 2025",)), ("06/08/2025", ("Wednesday 6 August 2025",))]
    # a date written month first in the same letter: nothing is certain
    us = "Your appointment is on 06/08/2025 at 10am. Your last visit was on 12/20/2024."
    assert rule_hits(us, "dates.numeric_date")[0][1] == ()


def test_a_two_digit_year_and_a_wrong_weekday_are_advice_only():
    assert rule_hits("Please reply by 30/4/25.", "dates.numeric_date") == [("30/4/25", ())]
    [(text, suggestions)] = rule_hits("Your scan is on Thursday 15/08/2025.", "dates.numeric_date")
    assert text == "Thursday 15/08/2025" and suggestions == ()
    assert rule_hits("Your scan is on Tuesday, 3rd June 2025.", "dates.date_format") == [("Tuesday, 3rd June 2025", ("Tuesday 3 June 2025",))]
    assert rule_hits("Your scan is on Monday 3 June 2025.", "dates.date_format")[0][1] == ()


def test_a_date_line_gets_no_weekday_but_a_sentence_does():
    text = "Date: 15/08/2025\n\nWe will see you on 18/08/2025 at 10am."
    assert [s for _, s in rule_hits(text, "dates.numeric_date")] == [("15 August 2025",), ("Monday 18 August 2025",)]


def test_the_weekday_is_added_only_for_a_day_the_reader_acts_on():
    assert rule_hits("We wrote to you on 20/03/2024.", "dates.numeric_date") == [("20/03/2024", ("20 March 2024",))]
    assert rule_hits("Please reply by 20/03/2026.", "dates.numeric_date") == [("20/03/2026", ("Friday 20 March 2026",))]


def test_dates_of_birth_are_left_to_the_privacy_rules():
    assert rule_hits("Name: Sam Example, date of birth: 14/03/1984", "dates.numeric_date") == []


# -- never on template fields, phone numbers, references and the rest ---------------------------

NOT_DATES_OR_NUMBERS = """Dear [Patient Name],

Your appointment is on [DATE] at {{ time }} in «Clinic». If you cannot come, call 0113 496 0000 or 020 7946 0000 (9am to 5pm).
Your NHS number is 943 476 5919 and your hospital number is 12345678. Our postcode is LS1 3EX.
Use version 2.10 of the app, or see https://www.example.nhs.uk/2025/06/08/clinic-1-2 for the map.
Go to Clinic 4, Room 12, on Level 2. Take 0.5mg once a day. Under section 2 of the Mental Health Act 1983 you have rights.
Reference: 2025/0001. Ward 1200 is on the 2nd floor. Call 111, or 999 in an emergency.
Text 07700 900123 with the code 4321. See pages 4-6 of the leaflet about the COVID-19 vaccine and the 6-in-1 vaccine.
We are open 24 hours a day, 7 days a week. It is a 2-week wait referral. This is one of the most common tests.
About two-thirds of people have no side effects. The usual dose is one or two 200mg tablets 3 times a day.
Please go to Three Counties Hospital. In 2024 we saw more people than ever.
"""


def test_nothing_in_fields_phones_references_doses_links_or_names_is_flagged():
    assert findings(NOT_DATES_OR_NUMBERS) == []


def test_the_examples_in_fields_of_a_template_are_not_flagged():
    text = "Time: [Time of appointment, e.g. 11:00 AM]\nDate: {{ appointment_date }}\nPlease come at «Appointment_Time»."
    assert findings(text) == []


# -- the time_format option -------------------------------------------------------------------


def test_with_no_house_style_either_separator_is_right():
    """A second judge found "8.30am" -> "8:30am" not worth a finding: with no time_format set,
    both pass; a house style set to the NHS manual's colon reports the full stop."""
    assert rule_hits("Come at 5.30pm or 5:30pm.", "dates.time_format") == []
    assert rule_hits("Come at 5.30pm.", "dates.time_format", time_format="5:30pm") == [("5.30pm", ("5:30pm",))]
    assert rule_hits("Come at 17:30.", "dates.time_format") == [("17:30", ("5:30pm",))]


def test_time_format_option_follows_a_house_style_with_a_full_stop():
    text = "Your appointment is on Friday 15 August 2025 at 5:30pm."
    assert rule_hits(text, "dates.time_format") == []
    assert rule_hits(text, "dates.time_format", time_format="5.30pm") == [("5:30pm", ("5.30pm",))]
    assert rule_hits("Come at 17:30.", "dates.time_format", time_format="5.30pm") == [("17:30", ("5.30pm",))]
    assert rule_hits("Come at 5.30pm.", "dates.time_format", time_format="5.30pm") == []


def test_time_format_in_the_config_file_is_checked(tmp_path):
    good = tmp_path / "litcheck.toml"
    good.write_text('time_format = "5.30pm"\n', encoding="utf-8")
    assert configmod.load(good).get("time_format") == "5.30pm"
    bad = tmp_path / "bad" / "litcheck.toml"
    bad.parent.mkdir()
    bad.write_text('time_format = "17:30"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="time_format"):
        configmod.load(bad)


def test_time_format_from_the_config_reaches_the_check(tmp_path):
    from litcheck.batch import Settings, options_for

    (tmp_path / "litcheck.toml").write_text('time_format = "5.30pm"\n', encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text("Come at 5:30pm.\n", encoding="utf-8")
    configmod.clear_cache()
    options = options_for(letter, Settings())
    assert options["time_format"] == "5.30pm"


# -- numbers and risk -------------------------------------------------------------------------


def test_numbers_in_words_become_numerals_except_where_the_manual_keeps_words():
    assert rule_hits("After two missed appointments we will write to you.", "numbers.numerals") == [("two", ("2",))]
    assert rule_hits("We will call you in one to five working days.", "numbers.numerals") == [("one to five", ("1 to 5",))]
    assert rule_hits("Seven days before your colonoscopy, stop taking iron tablets.", "numbers.numerals") == [("Seven", ("7",))]
    [(text, suggestions)] = rule_hits("Your sight may be blurred for up to four (4) hours.", "numbers.numerals")
    assert text == "four" and suggestions == ()
    for fine in (
        "Never take 2 doses at the same time to make up for a forgotten one.",
        "Take one tablet at a time.",
        "About three-quarters of people feel better in a week.",
        "Take one or two 500mg tablets up to 4 times a day.",
        "Please go to Seven Oaks Surgery.",
        "Aby otrzymać ten list w innym formacie, wyślij wiadomość.",
    ):
        assert rule_hits(fine, "numbers.numerals") == [], fine


def test_word_values():
    assert word_value("twenty-four") == 24 and word_value("seven") == 7 and word_value("ninety nine") == 99


def test_big_numbers_get_a_comma_but_not_phones_years_or_references():
    assert rule_hits("Try to walk 10000 steps a day.", "numbers.thousands") == [("10000", ("10,000",))]
    assert rule_hits("A fine of up to £1000 may apply.", "numbers.thousands") == [("1000", ("1,000",))]
    for fine in ("Call 0300 311 2233.", "In 2025 the clinic moved.", "Quote reference 40213 when you call.", "Ward 1200 is on the left.", "Room 1001 is upstairs."):
        assert rule_hits(fine, "numbers.thousands") == [], fine


def test_percentages_of_people_suggest_a_natural_frequency():
    [(text, _)] = rule_hits("About 14.3% of people get a headache after the scan.", "numbers.percentage")
    assert text == "14.3%"
    message = [f.message for f in check_text("About 14.3% of people get a headache.", rules=our_rules()).findings][0]
    assert "about 1 in 7" in message
    assert natural_frequency(50) == "1 in 2" and natural_frequency(70) == "7 in 10" and natural_frequency(2) == "1 in 50"
    assert natural_frequency(99) == "almost all"
    assert rule_hits("We cut waiting times by 20% last year.", "numbers.percentage") == []


def test_one_passage_mixing_formats_is_flagged_once():
    text = "About 1 in 10 people feel sick after the test and 25% have a sore throat."
    assert rule_hits(text, "numbers.mixed_formats") == [("25%", ())]
    assert rule_hits("About 1 in 10 people feel sick and 1 in 4 have a sore throat.", "numbers.mixed_formats") == []


def test_relative_risk_without_a_baseline_is_flagged_and_with_one_it_is_not():
    assert rule_hits("Smokers are 6 times more likely to get this cancer.", "numbers.relative_risk") == [("6 times more likely", ())]
    assert rule_hits("The vaccine cuts the chance of needing hospital care by around 65%.", "numbers.relative_risk")
    with_baseline = "Smokers are 6 times more likely to get this cancer: about 6 in 100 smokers get it, against 1 in 100 people who do not smoke."
    assert rule_hits(with_baseline, "numbers.relative_risk") == []
    assert rule_hits("You may be more likely to get asthma if you have allergies.", "numbers.relative_risk") == []


def test_a_date_or_time_left_to_the_reader_to_work_out():
    assert rule_hits("Please reply within 14 days of the date of this letter.", "numbers.calculation")
    letter = "Your appointment is at 10am. Please arrive 15 minutes before your appointment time."
    assert rule_hits(letter, "numbers.calculation")
    leaflet = "The clinic is open from 8am. Please arrive 15 minutes before your appointment time."
    assert rule_hits(leaflet, "numbers.calculation") == []


def test_litcheck_fix_follows_the_time_format_in_the_config(tmp_path, capsys):
    from litcheck.cli import main

    (tmp_path / "litcheck.toml").write_text('time_format = "5.30pm"\n', encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text("Your appointment is on Friday 15 August 2025 at 17:30.\n", encoding="utf-8")
    configmod.clear_cache()
    assert main(["fix", str(letter)]) == 0
    assert (tmp_path / "letter.litcheck.txt").read_text(encoding="utf-8") == "Your appointment is on Friday 15 August 2025 at 5.30pm.\n"
    assert "Findings: 1 -> 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Exercise can cut your risk of heart disease by as much as a third.", "risk of heart disease by as much as a third"),
        ("People who smoke are six times more likely to get gum disease.", "six times more likely"),
        ("This halves your risk of a stroke.", "halves your risk"),
        ("Taking aspirin lowers the chance of a second heart attack by 25%.", "chance of a second heart attack by 25%"),
    ],
)
def test_relative_risks_from_real_leaflets_are_found(text, flagged):
    assert [t for t, _ in rule_hits(text, "numbers.relative_risk")] == [flagged]
