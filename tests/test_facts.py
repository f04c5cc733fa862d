"""Key facts (litcheck.facts): extraction of each kind, and the guard on rewrites.

The letters here are written for these tests (fictional people; Ofcom drama phone numbers).
"""

from __future__ import annotations

import time

import pytest

from litcheck.facts import Fact, FactChange, compare_facts, extract_facts, guard

LETTER = """\
Dear Mrs Okafor,

Your appointment at Cardiology Clinic 4, St Mary's Hospital, Harrow Road, London W2 1NY
has been booked for Tuesday 3 June 2025 at 10.30am. Please arrive 15 minutes early, as we
need to commence your heart tracing (ECG) on time.
You will see Dr Patel or the Clinical Nurse Specialist. The appointment will take about 2 hours.

Please continue to take 2 tablets of 500mg paracetamol every 4 to 6 hours if you need them.

Parking costs £7.40 for the day. Renal Outpatients and the main car park are on Level 2.
If you need to change your appointment, call 0113 496 0000, Monday to Friday, 9am to 5pm.
Text relay users can call 18001 0113 496 0000. You can email cardio.bookings@nhs.net or see
www.nhs.uk/conditions/arrhythmia. If you feel very unwell, call 111 or in an emergency 999.

Your reference number is 4471920.
"""

TEMPLATE = """\
Dear «Title» «Surname»,
We have booked you in to {{ clinic_name }} on [DATE] at ((visit_time)).
Please go to ==location name== and ask for $consultant. Contact <<Team Phone>> or {d.team_email}.
"""


def facts_of(text: str, kind: str) -> list[tuple[str, str]]:
    return [(f.text, f.value) for f in extract_facts(text) if f.kind == kind]


# ---------------------------------------------------------------- extraction by kind


def test_offsets_and_text_agree():
    for f in extract_facts(LETTER + TEMPLATE):
        assert isinstance(f, Fact)
        assert (LETTER + TEMPLATE)[f.start : f.end] == f.text


def test_dates():
    assert facts_of(LETTER, "date") == [
        ("Tuesday 3 June 2025", "2025-06-03"),
        ("Monday", "mon"),
        ("Friday", "fri"),
    ]
    same = ["3 June 2025", "3rd June 2025", "Tuesday 3 June 2025", "03/06/2025", "3.6.25", "3 June 2025 (Tuesday)", "2025-06-03", "June 3rd, 2025"]
    values = {extract_facts(f"Come on {d}.")[0].value for d in same}
    assert values == {"2025-06-03"}
    assert facts_of("We will write in June 2025.", "date") == [("June 2025", "2025-06-?")]
    assert facts_of("Come on Monday 2 June.", "date") == [("Monday 2 June", "mon ?-06-02")]
    # a weekday that contradicts the date is kept, so that correcting it is a change
    assert facts_of("Come on Monday 3 June 2025.", "date")[0][1] == "mon! 2025-06-03"


def test_times():
    assert facts_of(LETTER, "time") == [("10.30am", "10:30"), ("9am", "09:00"), ("5pm", "17:00")]
    for t in ["10am", "10:00am", "10.00am", "10:00", "10 a.m."]:
        assert facts_of(f"Please come at {t} to the desk.", "time")[0][1] == "10:00", t
    for t in ["5:30pm", "17:30", "1730hrs", "17.30 hours"]:
        assert facts_of(f"The clinic closes at {t} today.", "time")[0][1] == "17:30", t
    for t in ["midday", "noon", "12 noon", "12pm"]:
        assert facts_of(f"Come at {t}.", "time")[0][1] == "12:00", t
    assert facts_of("Do not eat after midnight.", "time")[0][1] == "00:00"
    # "2.30" is a time after "at", a number elsewhere
    assert facts_of("Come at 2.30 please.", "time") == [("2.30", "02:30")]
    assert facts_of("Your level was 2.30 last time.", "time") == []


def test_phones():
    assert facts_of(LETTER, "phone") == [
        ("0113 496 0000", "+441134960000"),
        ("18001 0113 496 0000", "18001 +441134960000"),
        ("111", "111"),
        ("999", "999"),
    ]
    assert facts_of("Ring +44 (0)20 7946 0018 or (0113) 496 0123.", "phone") == [
        ("+44 (0)20 7946 0018", "+442079460018"),
        ("(0113) 496 0123", "+441134960123"),
    ]
    assert facts_of("For a vaccination call 119.", "phone") == [("119", "119")]
    # an NHS number or a reference is not a phone number; "119 days" is not a service
    assert facts_of("NHS number 485 777 3456, ref 1194. Wait 119 days.", "phone") == []


def test_email_url_postcode_money():
    assert facts_of(LETTER, "email") == [("cardio.bookings@nhs.net", "cardio.bookings@nhs.net")]
    assert facts_of("Write to Cardio.Bookings@NHS.net.", "email")[0][1] == "cardio.bookings@nhs.net"
    assert facts_of(LETTER, "url") == [("www.nhs.uk/conditions/arrhythmia", "nhs.uk/conditions/arrhythmia")]
    assert facts_of("See https://www.nhs.uk/ (the NHS website).", "url") == [("https://www.nhs.uk/", "nhs.uk")]
    assert facts_of(LETTER, "postcode") == [("W2 1NY", "W2 1NY")]
    assert facts_of("Leeds LS1 3EX", "postcode") == [("LS1 3EX", "LS1 3EX")]
    assert facts_of(LETTER, "money") == [("£7.40", "740")]
    assert [v for _, v in facts_of("It costs £1,000, £2 or 50p, or 50 pence.", "money")] == ["100000", "200", "50", "50"]


def test_quantities():
    assert facts_of(LETTER, "quantity") == [
        ("15 minutes", "15 min"),
        ("2 hours", "120 min"),
        ("2 tablets", "2 tablet"),
        ("500mg", "500 mg"),
        ("4 to 6 hours", "240-360 min"),
    ]
    # numerals and number words are the same quantity; hours and minutes compare as minutes
    assert facts_of("Take two tablets.", "quantity") == [("two tablets", "2 tablet")]
    assert facts_of("Take 2 tablets.", "quantity")[0][1] == "2 tablet"
    assert {facts_of(f"It takes {d}.", "quantity")[0][1] for d in ["90 minutes", "1.5 hours", "1 hour 30 minutes", "an hour and a half"]} == {"90 min"}
    assert [v for _, v in facts_of("Walk 2 miles, 100 metres, a BMI over 30kg/m², 5ml twice a day, 1-2 weeks, 37.8C.", "quantity")] == [
        "2 mile",
        "100 m",
        "30 kg/m2",
        "5 ml",
        "2 times",
        "1-2 week",
        "37.8 °c",
    ]


def test_numbers():
    assert ("4471920", "4471920") in facts_of(LETTER, "number")
    assert ("2", "2") in facts_of(LETTER, "number")  # Level 2
    assert facts_of("Go to the 3rd floor, Ward 12 or 1,000 people.", "number") == [("3rd", "3"), ("12", "12"), ("1,000", "1000")]


def test_names():
    names = [t for t, _ in facts_of(LETTER, "name")]
    for expected in [
        "Mrs Okafor",
        "Cardiology Clinic 4",
        "St Mary's Hospital",
        "Harrow Road",
        "London",
        "Dr Patel",
        "Clinical Nurse Specialist",
        "Renal Outpatients",
        "Level 2",
        "ECG",
    ]:
        assert expected in names, expected
    # no sentence-initial single words, no Title Case heading made of common words
    for not_a_name in ["Dear", "Your", "Please", "If", "Parking", "Text", "You"]:
        assert not_a_name not in names
    assert facts_of("Your Appointment Details\nPlease bring this letter.", "name") == []
    assert facts_of("PLEASE BRING THIS LETTER WITH YOU", "name") == []
    assert [t for t, _ in facts_of("PLEASE GO TO THE NHS CARDIOLOGY DEPARTMENT", "name")] == ["NHS CARDIOLOGY DEPARTMENT"]
    assert [t for t, _ in facts_of("Royal Free Hospital\nGo in by Main Entrance.", "name")] == ["Royal Free Hospital", "Main Entrance"]
    assert facts_of("Dr. A. Patel will call.", "name")[0][1] == "dr a patel"


def test_placeholders():
    assert [t for t, _ in facts_of(TEMPLATE, "placeholder")] == [
        "«Title»",
        "«Surname»",
        "{{ clinic_name }}",
        "[DATE]",
        "((visit_time))",
        "==location name==",
        "$consultant",
        "<<Team Phone>>",
        "{d.team_email}",
    ]
    assert facts_of("at {{date}}", "placeholder")[0][1] == facts_of("at {{ date }}", "placeholder")[0][1]
    # a Markdown link and a citation are not fields; a price in dollars is not a field
    assert facts_of("[Read more](https://nhs.uk) see [1], $5", "placeholder") == []


# ---------------------------------------------------------------- the guard

HARMLESS = """\
Dear Mrs Okafor,

Your appointment at Cardiology Clinic 4, St Mary's Hospital, Harrow Road, London W2 1NY
is on Tuesday 3 June 2025 at 10:30am. Please come 15 minutes early. We need to start your
heart tracing (ECG) on time.
You will see Dr Patel or the Clinical Nurse Specialist. The appointment will take about two hours.

Please keep taking two tablets of 500mg paracetamol every 4 to 6 hours if you need them.

Parking costs £7.40 for the day. Renal Outpatients and the main car park are on Level 2.
To change your appointment, call 0113 496 0000. Lines are open Monday to Friday, 9am to 5pm.
Text relay users can call 18001 0113 496 0000. You can email cardio.bookings@nhs.net or see
www.nhs.uk/conditions/arrhythmia. If you feel very unwell, call 111. In an emergency, call 999.

Your reference number is 4471920.
"""


def test_a_harmless_rewrite_changes_no_fact():
    # jargon swaps (commence -> start, continue to take -> keep taking), sentence splits,
    # "10.30am" -> "10:30am", "2" -> "two" in quantities
    assert compare_facts(LETTER, HARMLESS) == []
    assert guard(LETTER, HARMLESS)
    assert guard(LETTER, LETTER)
    assert guard("We will commence the test.", "We will start the test.")


def test_block_capitals_to_sentence_case_keep_the_names():
    assert guard("PLEASE BRING THIS LETTER TO THE NHS CARDIOLOGY DEPARTMENT.", "Please bring this letter to the NHS cardiology department.")


def only(changes: list[FactChange]) -> FactChange:
    assert len(changes) == 1, changes
    return changes[0]


def test_a_changed_time_is_caught():
    c = only(compare_facts(LETTER, LETTER.replace("10.30am", "11.30am")))
    assert (c.kind, c.status, c.before.text, c.after.text) == ("time", "changed", "10.30am", "11.30am")


def test_a_changed_date_is_caught():
    c = only(compare_facts(LETTER, LETTER.replace("3 June 2025", "4 June 2025")))
    assert (c.kind, c.status, c.after.value) == ("date", "changed", "tue! 2025-06-04")


def test_a_lost_phone_number_is_caught():
    after = LETTER.replace("If you need to change your appointment, call 0113 496 0000, Monday", "To change your appointment, contact us Monday")
    c = only(compare_facts(LETTER, after))
    assert (c.kind, c.status, c.before.value, c.after) == ("phone", "lost", "+441134960000", None)


def test_a_swap_inside_a_clinic_name_is_caught():
    after = LETTER.replace("Cardiology Clinic 4", "Heart department Clinic 4")
    c = only(compare_facts(LETTER, after))
    assert (c.kind, c.status, c.before.text) == ("name", "changed", "Cardiology Clinic 4")
    assert c.after.text == "Heart department Clinic 4"
    assert not guard(LETTER, after)


def test_a_swap_in_a_table_cell_that_labels_a_place_is_caught():
    for before in ["Where\tCardiology Clinic 4\nWhen\t10am", "Cardiology Clinic 4\n"]:
        c = only(compare_facts(before, before.replace("Cardiology", "Heart department")))
        assert (c.status, c.before.text, c.after.text) == ("changed", "Cardiology Clinic 4", "Heart department Clinic 4")


def test_a_removed_doctor_is_caught():
    after = LETTER.replace("Dr Patel or the Clinical Nurse Specialist", "a heart specialist")
    changes = compare_facts(LETTER, after)
    assert {(c.kind, c.before.text) for c in changes} == {("name", "Dr Patel"), ("name", "Clinical Nurse Specialist")}
    after = LETTER.replace("Dr Patel or ", "")
    c = only(compare_facts(LETTER, after))
    assert (c.kind, c.status, c.before.text) == ("name", "lost", "Dr Patel")


def test_an_altered_placeholder_is_caught():
    c = only(compare_facts(TEMPLATE, TEMPLATE.replace("((visit_time))", "((visit time))")))
    assert (c.kind, c.status, c.before.text, c.after.text) == ("placeholder", "changed", "((visit_time))", "((visit time))")
    c = only(compare_facts(TEMPLATE, TEMPLATE.replace(" on [DATE]", "")))
    assert (c.kind, c.status, c.before.text) == ("placeholder", "lost", "[DATE]")


def test_an_invented_phone_number_is_caught():
    after = LETTER.replace("Your reference number", "For parking, call 0113 496 0999. Your reference number")
    c = only(compare_facts(LETTER, after))
    assert (c.kind, c.status, c.before, c.after.text) == ("phone", "added", None, "0113 496 0999")


def test_invented_times_and_prices_are_caught_but_invented_names_are_not():
    kinds = {(c.kind, c.status) for c in compare_facts("Come to the clinic.", "Come to the clinic at 9am. Parking is £2.")}
    assert kinds == {("time", "added"), ("money", "added")}
    assert guard("Come to the clinic.", "Come to the Heart Clinic.")


def test_doses_numerals_and_words_compare_equal_but_a_changed_dose_is_caught():
    assert guard("Take 2 tablets a day.", "Take two tablets each day.")
    c = only(compare_facts("Take 2 tablets a day.", "Take 3 tablets a day."))
    assert (c.kind, c.status, c.before.value, c.after.value) == ("quantity", "changed", "2 tablet", "3 tablet")
    c = only(compare_facts("Take 500mg.", "Take 50mg."))
    assert c.status == "changed"


def test_multiset_two_numbers_need_two():
    before = "Call 0113 496 0000 to book. If you cannot come, call 0113 496 0000."
    after = "Call 0113 496 0000 to book. If you cannot come, tell us."
    c = only(compare_facts(before, after))
    assert (c.kind, c.status) == ("phone", "lost")


def test_reformatted_dates_and_times_are_the_same_fact():
    assert guard("Come on 03/06/2025 at 1730hrs.", "Come on Tuesday 3 June 2025 at 5:30pm.")
    assert guard("Open 9am-5pm.", "Open 9am to 5pm.")
    assert guard("Come at 12 noon.", "Come at midday.")


def test_moved_names_still_count():
    before = "Please report to Renal Outpatients, which is next to the Main Entrance."
    after = "Please go to Renal Outpatients. It is next to the Main Entrance."
    assert guard(before, after)
    assert guard("You will be seen in Renal Outpatients by the team.", "Renal Outpatients is where the team will see you.")


# ---------------------------------------------------------------- linear time


@pytest.mark.parametrize("text", ["(" * 100_000, "[" * 100_000, "." * 100_000, "1" * 100_000, "{{" * 50_000, "1." * 50_000, "0 1 " * 25_000, "A. " * 33_000])
def test_pathological_input_is_fast(text):
    extract_facts("warm up: 0113 496 0000, Renal Outpatients, 10am")
    t0 = time.perf_counter()
    extract_facts(text)
    # about a second on a quiet machine, 5 s with ten test runs sharing two cores; catastrophic
    # backtracking takes many minutes. A guard against that, not a speed test (bench/ has those)
    assert time.perf_counter() - t0 < 60.0


def test_cost_grows_linearly():
    extract_facts("warm up: 0113 496 0000, Renal Outpatients, 10am")

    def cost(n: int) -> float:
        text = ("Call 0113 496 0000 at 10am on 3 June. Take 2 tablets at Ward 12 [DATE] ((x)) " * n)[: n * 80]
        t0 = time.perf_counter()
        extract_facts(text)
        return time.perf_counter() - t0

    small, large = min(cost(250) for _ in range(3)), min(cost(1000) for _ in range(3))
    assert large < small * 8  # 4 times the text: quadratic would be 16 times


def test_a_text_compared_with_itself_has_no_changes_even_when_a_name_follows_a_digit():
    text = "Alex Jones\n\n123 Example Street Apartment 4B Building Name Leeds LS1 4AB\n\nDear Alex,"
    assert compare_facts(text, text) == []
