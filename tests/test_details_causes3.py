"""Practical details, session 3 (issue 21 point 11, issue 23): the general causes of wrong
"missing detail" findings fixed this session, each on realistic text written for the test
(modelled on real NHS letters and leaflets, never copied from them).

- the communication-needs detail (Accessible Information Standard, 2025 revision);
- a document that asks the reader to book is not asked for a booked appointment's details;
- a letter to a parent about a vaccination given at school is not asked for the details of
  coming to an appointment;
- question headings ("How do I prepare for my ...?") and a heading right under a heading
  open the section their lines are read in; a short question inside a paragraph is not a heading;
- "travel to and park" is a step of the journey, not parking information;
- a clinic the reader "may be referred to" is not where to go;
- an Easy Read text's own title is not an offer of another format.
"""

from __future__ import annotations

import litcheck


def _details(text: str, profile: str | None = None) -> dict:
    return litcheck.check_text(text, profile=profile).to_dict()["details"]


def _rules(text: str, profile: str | None = None) -> set[str]:
    return {f.rule for f in litcheck.check_text(text, profile=profile).findings}


BOOKED = """Dear Mr Okafor,

Your appointment at the Eye Clinic, Level 2, Riverside Hospital, is on Tuesday 3 March 2026 at 10:15am.
The appointment will take about an hour because we need to put drops in your eyes.
If you need to change it, call us on 0300 555 0142.

{extra}
Yours sincerely,
Eye Clinic Team
"""


# --- communication needs ------------------------------------------------------------------

def test_formats_with_a_way_to_ask_are_the_communication_needs_detail():
    text = BOOKED.format(extra="If you need this letter in large print, braille or another language, please call us to ask.\n")
    item = _details(text, "appointment_letter")["communication_needs"]
    assert item["present"] and item["need"] == "recommended"
    assert "large print" in item["evidence"]
    assert "details.communication_needs" not in _rules(text, "appointment_letter")


def test_communication_support_such_as_relay_uk_or_an_interpreter_counts():
    relay = BOOKED.format(extra="If you are Deaf or have a speech impairment, you can call us through Relay UK on 18001 0300 555 0142.\n")
    interpreter = BOOKED.format(extra="Do you need a British Sign Language interpreter or other help to communicate?\nTell us when you call and we will arrange it.\n")
    assert _details(relay, "appointment_letter")["communication_needs"]["present"]
    assert _details(interpreter, "appointment_letter")["communication_needs"]["present"]


def test_an_offer_counts_when_the_letter_gives_a_number_to_ask_on():
    offer = BOOKED.format(extra="We can send you this letter in Easy Read or in your own language.\n")
    assert _details(offer, "appointment_letter")["communication_needs"]["present"]
    no_number = offer.replace("If you need to change it, call us on 0300 555 0142.\n", "")
    assert not _details(no_number, "appointment_letter")["communication_needs"]["present"]


def test_a_letter_that_never_says_how_to_ask_gets_one_finding_not_two():
    text = BOOKED.format(extra="")
    rules = _rules(text, "appointment_letter")
    assert "details.communication_needs" in rules
    assert "details.alternative_formats" not in rules  # letters are asked for the one that says how to ask
    f = next(f for f in litcheck.check_text(text, profile="appointment_letter").findings if f.rule == "details.communication_needs")
    assert f.severity == "suggestion" and "[phone number]" in f.suggestions[0]


def test_a_format_named_without_a_way_to_ask_is_not_enough_in_a_letter_with_no_number():
    text = """Dear Ms Rahman,

Thank you for coming to your review at the diabetes clinic. Your next check will be in six months.
This letter is also available in large print.

Yours sincerely,
Diabetes Team
"""
    assert not _details(text, "appointment_letter")["communication_needs"]["present"]
    assert _details(text, "appointment_letter")["alternative_formats"]["present"]


def test_leaflets_keep_the_other_formats_detail_and_are_not_asked_for_communication_needs():
    leaflet = """Having a gastroscopy

Do not eat anything for 6 hours before your test. You can drink small sips of water until 2 hours before.
The test takes about 10 minutes. Please bring a list of your medicines.
If you have questions, call the Endoscopy Unit on 01632 960 411.
"""
    d = _details(leaflet, "procedure_leaflet")
    assert d["communication_needs"]["need"] == "not_applicable"
    assert d["alternative_formats"]["need"] == "recommended"
    assert "details.alternative_formats" in _rules(leaflet, "procedure_leaflet")


# --- nothing booked -----------------------------------------------------------------------

INVITE_TEXT = """Our records show that Amir has not had his MMR vaccination yet.
He can have it at a community clinic. If you would like to book a clinic appointment, please call us on 0300 555 0199.
Child Health Team
"""


def test_a_message_asking_to_book_is_not_asked_for_a_date_time_or_place_even_as_a_reminder():
    # taken for a reminder (the kind is decided elsewhere), it still books nothing
    rules = _rules(INVITE_TEXT, "text_reminder")
    assert not rules & {"details.date", "details.time", "details.location", "details.duration"}
    d = _details(INVITE_TEXT, "text_reminder")
    assert d["date"]["need"] == "not_applicable" and d["contact"]["present"]


def test_a_booked_appointment_with_no_date_is_still_told_so():
    text = """Hi Sam,

You have an upcoming appointment for your blood test. If you cannot attend, please reply to this email to book a new appointment or call 0300 555 0142.

Thanks,
Phlebotomy Team
"""
    assert "details.date" in _rules(text, "text_reminder")


# --- a vaccination given at school ---------------------------------------------------------

CONSENT = """Dear parent or carer,

Our school immunisation team is coming to Hillside Academy on Thursday 12 March to give pupils in Year 8 their HPV vaccination.
We would like your consent to vaccinate your child. Please fill in the online form by Friday 6 March.
If you cannot use the online form, call us on 0300 555 0177 and we will take your answer by phone.

School Immunisation Team
"""


def test_a_school_session_letter_is_not_asked_for_the_details_of_coming_to_an_appointment():
    rules = _rules(CONSENT, "appointment_letter")
    assert not rules & {"details.time", "details.parking", "details.transport", "details.companion", "details.accessibility",
                        "details.interpreter", "details.duration", "details.what_to_bring"}
    d = _details(CONSENT, "appointment_letter")
    assert d["parking"]["need"] == "not_applicable"
    assert d["communication_needs"]["need"] == "recommended"  # the parent may still need the letter in another language


def test_a_school_session_text_is_not_asked_for_a_time_or_length():
    text = "Maya may get her flu vaccination at school on Tuesday 14 October. If she is off sick that day, call 0300 555 0177 to ask about another session.\nSchool Nursing Team"
    assert not {"details.time", "details.duration"} & _rules(text.replace("get her", "get their"), "text_reminder")
    # a reminder of a clinic appointment the child is brought to is still asked for its time
    clinic = "Maya has a flu vaccination at Parkside Clinic on Tuesday 14 October. To change it, call 0300 555 0177.\nSchool Nursing Team"
    assert "details.time" in _rules(clinic, "text_reminder")


def test_a_child_asked_to_a_clinic_instead_of_school_is_asked_for_them():
    clinic = CONSENT.replace(
        "We would like your consent", "Our nurses think your child would be better vaccinated in a clinic rather than at school. We would like your consent"
    )
    assert "details.parking" in _rules(clinic, "appointment_letter")


# --- headings -----------------------------------------------------------------------------

def test_a_question_heading_with_a_lead_in_line_opens_a_preparation_section():
    leaflet = """Having a flexible sigmoidoscopy

What is a flexible sigmoidoscopy?

It is a test that looks inside the lower part of your bowel with a thin, bendy tube.

How do I get ready for my flexible sigmoidoscopy?

Please follow these instructions:
  • Use the enema we sent you at home.
"""
    item = _details(leaflet, "procedure_leaflet")["preparation"]
    assert item["present"] and "enema" in item["evidence"]


def test_a_short_question_inside_a_paragraph_is_not_a_heading():
    text = BOOKED.format(extra="Do you need this letter in another way, like large print or another language? Do you need help to talk to us? Call us on 0300 555 0142.\n")
    assert _details(text, "appointment_letter")["communication_needs"]["present"]


# --- evidence from the sentence that really gives it ---------------------------------------

def test_travelling_to_and_parking_is_not_parking_information():
    journey = BOOKED.format(extra="Please leave enough time to travel to and park at the hospital.\n")
    assert not _details(journey, "appointment_letter")["parking"]["present"]
    busy = BOOKED.format(extra="Allow plenty of time to park your car, as it can be hard to find a space in the morning.\n")
    assert _details(busy, "appointment_letter")["parking"]["present"]


def test_a_clinic_the_reader_may_be_referred_to_is_not_where_to_go():
    leaflet = """Getting ready for your operation

If you have heart or lung problems, the anaesthetist may refer you to our Perioperative Medicine Clinic for more tests.
Do not eat for 6 hours before your operation. Call us on 01632 960 300 with any questions.
"""
    assert not _details(leaflet, "procedure_leaflet")["location"]["present"]


def test_an_easy_read_title_is_not_an_offer_of_another_format():
    page = """Easy read information about bowel screening

Bowel screening is a test for bowel cancer.
You do the test at home.
"""
    assert not _details(page, "easy_read")["alternative_formats"]["present"]


# --- ways real letters write a detail that were missed --------------------------------------

LETTER = "Dear Mr Adeyemi,\n\nYour appointment at the Cardiology Clinic, Level 1, Northgate Hospital, is on Friday 6 March 2026 at 9:40am.\n{line}\n\nYours sincerely,\nCardiology Team\n"


def test_a_labelled_length_of_appointment_is_the_duration():
    item = _details(LETTER.format(line="Length of appointment: 30 minutes"), "appointment_letter")["duration"]
    assert item["present"] and "30 minutes" in item["match"]


def test_a_24_hour_time_with_no_separator_is_the_time():
    text = "Dear Mr Adeyemi,\n\nPlease come to Ward 12, Northgate Hospital, on Friday 6 March 2026 at 0730hrs.\n"
    assert _details(text, "appointment_letter")["time"]["present"]


def test_one_person_may_come_is_the_companion_detail():
    assert _details(LETTER.format(line="You may bring one person with you."), "appointment_letter")["companion"]["present"]


def test_help_getting_to_the_clinic_is_access_help():
    text = LETTER.format(line="If you need help getting to the clinic, please call us on 0300 555 0101.")
    assert _details(text, "appointment_letter")["accessibility"]["present"]


def test_what_to_do_about_a_blood_thinner_before_a_procedure_is_preparation():
    text = LETTER.format(line="If you take blood thinners such as warfarin, please call us a week before your procedure.")
    assert _details(text, "appointment_letter")["preparation"]["present"]
    # the same medicine in a treatment plan, with no visit to get ready for, is not
    plan = "Dear Mr Adeyemi,\n\nIf you take blood thinners, your GP will check your blood every month.\n"
    assert not _details(plan, "appointment_letter")["preparation"]["present"]


def test_a_note_about_the_standard_or_a_list_of_easy_read_guides_is_not_a_way_to_ask():
    note = LETTER.format(line="Further information about the Accessible Information Standard is available from the practice manager on 0300 555 0101.")
    assert not _details(note, "appointment_letter")["communication_needs"]["present"]
    guides = "Bowel screening\n\nThese Easy Read guides tell you what happens in bowel screening and what to do if you have symptoms.\n"
    d = _details(guides, "easy_read")
    assert not d["communication_needs"]["present"] and not d["alternative_formats"]["present"]


# --- evidence from the sentence that gives the appointment's detail, not another one ---------

def test_how_long_an_effect_lasts_is_not_how_long_the_visit_takes():
    text = """Dear Mrs Evans,

Your eye screening is at Brook Street Surgery on Monday 9 March 2026 at 2:10pm.
The drops we use can cause blurred vision for up to 6 hours, so please do not drive home.
After about 20 minutes the drops will have worked and we will take the photographs.
"""
    assert not _details(text, "appointment_letter")["duration"]["present"]
    item = _details(text + "The whole appointment takes about 40 minutes.\n", "appointment_letter")["duration"]
    assert item["present"] and "40 minutes" in item["match"]


def test_a_deadline_is_not_the_appointment_date():
    text = "Dear Mr Green,\n\nPlease book your spring COVID-19 vaccination. The last date you can have it is 30 June 2026.\nCall 0300 555 0119 to book.\n"
    assert not _details(text, "invitation_to_book")["date"]["present"]


def test_the_example_date_of_a_past_consultation_field_is_not_the_appointment_date():
    text = """Dear [Patient Name],

Following your consultation with Dr [Doctor's Name] on [Date of Consultation, e.g., 12 May 2026], here is a summary of your plan.
Please keep taking your tablets as before.
"""
    assert not _details(text, "appointment_letter")["date"]["present"]
    booked = text + "We have booked a follow-up appointment for you on [Date of Follow-up, e.g., 4 August 2026].\n"
    item = _details(booked, "appointment_letter")["date"]
    assert item["present"] and "follow-up appointment" in item["evidence"]


def test_a_template_whose_body_is_a_free_text_field_is_not_asked_for_recommended_details():
    template = """Subject: [child's first name] has not yet had their MMR vaccination

Our records show that [child's full name] has not yet had their MMR vaccination.
[generic clinic invitation message]
Child Immunisation Team
[team phone]
"""
    rules = _rules(template, "invitation_to_book")
    assert not rules & {"details.interpreter", "details.accessibility", "details.communication_needs"}
    # with the body written out, what it leaves out is reported
    written = template.replace("[generic clinic invitation message]", "Please call us to book a clinic appointment.")
    assert "details.interpreter" in _rules(written, "invitation_to_book")
    # the required phone number is still asked for
    assert "details.contact" in _rules(template.replace("[team phone]", ""), "invitation_to_book")


def test_ways_letters_ask_about_communication_needs():
    for line in (
        "Please let us know if you have any communication needs, for example if you need a British Sign Language interpreter.",
        "Tell us if you need information in a different way.",
        "This information can be made available in other languages upon request.",
        "Do you need help to read this letter? Call us.",
    ):
        assert _details(LETTER.format(line=line).replace("Northgate Hospital, is", "Northgate Hospital is"), "appointment_letter")["communication_needs"]["present"], line
    for line in ("The clinic has a hearing loop at reception.", "You can also book in another way: call us on 0300 555 0101.", "A radiologist will interpret your scan."):
        assert not _details(LETTER.format(line=line), "appointment_letter")["communication_needs"]["present"], line
