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


# --------------------------------------------------------------------------- litcheck fix

def _fixed(text: str):
    from litcheck.fix import revise

    return revise(check_text(text))


def test_a_word_the_replaced_phrase_already_had_is_not_a_repetition():
    # the merge field after the phrase holds 'Contact': the phrase itself had 'contact' too, so
    # 'please contact' repeats nothing that was not there
    text = (
        "Dear [patient name],\n\nYour appointment is on Monday 2 March 2026 at 9am at the Skin Clinic.\n\n"
        "If you have any questions about your appointment, please do not hesitate to contact us at "
        "[Hospital Contact Information].\n"
    )
    revision = _fixed(text)
    assert "please contact us at [Hospital Contact Information]" in revision.text
    assert not any("repeat" in item.reason for item in revision.left)


def test_a_phrase_that_brings_a_word_already_next_to_it_is_still_left():
    from litcheck.fix import policy

    swap = _swap_for("Please contact us on the phone number below.", "contact us", "phone us")
    assert swap is not None and "repeat" in (policy.repetition(swap) or "")


def _swap_for(text: str, words: str, new: str):
    from litcheck.findings import Finding
    from litcheck.fix import policy
    from litcheck.rulebook import load_rules
    from litcheck import read_text

    rules = {r.id: r for r in load_rules()}
    doc = read_text(text)
    start = text.index(words)
    line, column = doc.line_column(start)
    f = Finding("jargon.wordy", "suggestion", "easy", "test", words, start, start + len(words), line, column, (new,))
    return policy.Swap(f, new, rules["jargon.wordy"], doc, [f], rules)


LEAFLET = (
    "This leaflet tells you about having a flexible cystoscopy.\n"
    "What is a flexible cystoscopy\n"
    "A flexible cystoscopy is a test that lets a doctor or nurse look inside your bladder with a thin, "
    "bendy tube that has a light and a small camera on the end. The picture shows on a screen.\n"
    "A flexible cystoscopy can also be used to take out a stent or take a small piece of tissue.\n"
    "You can usually go home on the same day.\n"
    "Why do I need a flexible cystoscopy?\n"
    "It can help the doctor find out why you have blood in your wee.\n"
    "You can obtain more copies of this leaflet from the ward.\n"
)


def test_fix_leaves_alone_every_use_of_a_term_the_text_explains():
    # the check reports no 'cystoscopy' (the leaflet asks and answers what it is); fix listed
    # its later uses as needing a person, so the two disagreed about the same words
    report = check_text(LEAFLET)
    assert not any(f.text.lower() == "cystoscopy" for f in report.findings)
    revision = _fixed(LEAFLET)
    assert not any(item.finding.text.lower() == "cystoscopy" for item in revision.left)
    assert ("obtain", "get") in [(c.finding.text, c.replacement) for c in revision.changes]
    assert any(item.finding.text == "stent" for item in revision.left)  # a reported term stays


# --------------------------------------------------------------------------- '(omit)' entries

POLICY = (
    "Missed appointments\n\n"
    "If a patient misses three appointments in a year, the practice will write to NHS England, who "
    "will then deduct the patient from our list.\n\n"
    "You may be asked to omit your evening meal the day before your scan.\n"
)


def test_plain_words_remove_and_leave_out_are_alternatives_not_an_order_to_delete():
    # 'deduct -> remove' and 'omit -> leave out' are swaps; only '(omit)' in brackets deletes
    report = check_text(POLICY, profile="general")
    wordy = {f.text.strip(): f for f in report.findings if f.rule == "jargon.wordy"}
    assert wordy["deduct"].text == "deduct" and wordy["deduct"].suggestions[0] == "remove"
    assert "Leave it out" not in wordy["deduct"].message and "Leave it out" not in wordy["omit"].message
    assert wordy["omit"].suggestions[0] == "leave out"
    revised = _fixed(POLICY).text
    assert "removethe" not in revised and "deductthe" not in revised


def test_a_bracketed_omit_entry_still_deletes_the_words():
    text = "Dear [patient name],\n\nPlease be advised that your clinic has moved to the Green Wing.\n"
    finding = next(f for f in check_text(text).findings if f.rule == "jargon.wordy")
    assert "Leave it out" in finding.message
    assert "Your clinic has moved to the Green Wing." in _fixed(text).text or "your clinic has moved" in _fixed(text).text


# --------------------------------------------------------------------------- split proposals


def test_no_split_that_leaves_the_last_item_of_a_list_as_a_sentence():
    # 'team' and 'care' can be verbs, but after 'medical' and 'possible' they are the things
    # described: 'Any other useful papers that may help our care team in giving you the best
    # possible care.' is not a sentence, so no split is offered
    from litcheck.analysers.split_proposal import propose_split

    sentence = (
        "It is important that you bring all your hospital letters such as scan results, medicine lists, "
        "and any other useful papers that may help our medical team in giving you the best possible care."
    )
    assert propose_split(sentence) is None
    report = check_text("Dear [patient name],\n\n" + sentence + "\n")
    hard = [f for f in report.findings if f.rule.startswith("sentences.")]
    assert hard and not any("Any other useful papers" in s for f in hard for s in f.suggestions)


def test_a_split_between_two_real_sentences_is_still_offered():
    from litcheck.analysers.split_proposal import propose_split

    sentence = (
        "Please come to the main reception at least 15 minutes before your time, and a member of the "
        "clinic team will check your details and take you to the waiting area."
    )
    assert propose_split(sentence) == (
        "Please come to the main reception at least 15 minutes before your time. A member of the "
        "clinic team will check your details and take you to the waiting area."
    )


def test_a_leaflet_is_not_called_a_letter_when_other_formats_are_missing():
    text = (
        "Your CT scan\n\nThis leaflet tells you about your CT scan.\n\nWhat is a CT scan?\n"
        "A CT scan uses X-rays and a computer to take pictures of the inside of your body.\n\n"
        "How do I get ready?\nDo not eat for 4 hours before your scan. You can drink water.\n\n"
        "If you have a question, call the scan team on 01632 960321, Monday to Friday, 9am to 5pm.\n"
    )
    report = check_text(text, profile="procedure_leaflet")
    finding = next(f for f in report.findings if f.rule == "details.alternative_formats")
    said = " ".join([finding.message, *finding.suggestions]).lower()
    assert "letter" not in said and "this leaflet" in finding.suggestions[0]


def test_eligible_before_a_verb_is_offered_able_to():
    text = "Dear [patient name],\n\nYou may be eligible to take part in a study about heart health.\n"
    finding = next(f for f in check_text(text).findings if f.rule == "jargon.wordy")
    assert finding.text == "eligible to" and finding.suggestions[0] == "able to"


def test_a_plural_term_is_offered_a_plural_phrase():
    # lemminflect knows 'abscess' only as a verb; the alternative 'collection of pus' is a noun
    # phrase, so 'abscesses' is offered 'collections of pus', not 'collection of pus'
    text = "Your scan can find problems such as tumours, abscesses and bleeding.\n"
    finding = next(f for f in check_text(text, profile="procedure_leaflet").findings if f.text == "abscesses")
    assert finding.suggestions[0] == "collections of pus"


def test_a_long_word_said_twice_is_named_once_with_how_often():
    # '4 long words' followed by three names did not add up for the writer
    text = (
        "A significant part of physiotherapy involves exercises, movement modification and "
        "modification of your valued activities at home.\n"
    )
    finding = next(f for f in check_text(text, profile="general").findings if f.rule.startswith("sentences."))
    assert "'modification' twice" in finding.message


def test_eligible_for_is_offered_able_to_have_without_the_for():
    text = "Dear [parent name],\n\nYour child is eligible for a free flu vaccination this winter.\n"
    finding = next(f for f in check_text(text).findings if f.rule == "jargon.wordy")
    assert finding.text == "eligible for" and finding.suggestions[0] == "able to have"


# --------------------------------------------------------------------------- the text report


def test_a_sentence_to_add_is_not_shown_as_a_replacement_for_its_anchor_word(tmp_path, capsys):
    # '"Appointment"  ->  We will remind you by ...' read as 'replace the word Appointment with
    # this sentence'; a word swap keeps its arrow
    from litcheck.cli import main

    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Outpatient Appointment\n\nDear [patient name],\n\nYour appointment is on Monday 2 March 2026 at 9am "
        "at the Skin Clinic, Northfield Hospital. The doctor will look at the rash on your arm and talk with "
        "you about how to treat it. Please bring a list of the creams and medicines you use. Please inform us "
        "if you cannot come, so that we can give the appointment to someone else. Call 01632 960123, "
        "Monday to Friday, 9am to 4pm.\n",
        encoding="utf-8",
    )
    main(["check", str(letter), "--select", "timely.reminder,jargon.wordy"])
    out = capsys.readouterr().out
    assert "->  We will remind you" not in out
    assert "Try: We will remind you" in out
    assert '"inform"  ->  tell' in out


def test_words_to_leave_out_say_so_instead_of_an_arrow_to_nothing(tmp_path, capsys):
    from litcheck.cli import main

    letter = tmp_path / "letter.txt"
    letter.write_text("Dear [patient name],\n\nPlease be aware that the clinic has moved to the Green Wing.\n", encoding="utf-8")
    main(["check", str(letter), "--select", "style.please_note"])
    out = capsys.readouterr().out
    assert '"Please be aware that"  ->  (leave it out)' in out


def test_calling_people_who_miss_appointments_offenders_is_blame():
    text = (
        "Missed appointments\n\nThe practice looks at missed appointments every month. Repeated cases will be "
        "looked at, and persistent offenders may be asked to register with another practice.\n"
    )
    found = [f.text for f in check_text(text, profile="web_page").findings if f.rule == "tone.blame"]
    assert found == ["persistent offenders"]


def test_a_swap_to_now_is_left_where_the_sentence_already_says_currently():
    text = (
        "Dear [patient name],\n\nWe are currently reviewing our waiting lists across the Trust at this time.\n"
        "Your appointment at this time is not affected.\n"
    )
    revision = _fixed(text)
    assert "currently reviewing our waiting lists across the Trust at this time." in revision.text
    assert "Your appointment now is not affected." in revision.text or "at this time is not affected" in revision.text
    assert any("already says 'currently'" in item.reason for item in revision.left)


def test_the_social_question_names_the_companion_it_asks_to_change_first():
    # 'Social: does it show that most people come? ... Change first: details.companion' asked
    # one thing and pointed at another
    from litcheck.east import QUESTIONS

    assert "bring someone" in QUESTIONS["social"]
    report = check_text(APPOINTMENT, profile="appointment_letter")
    assert any(f.rule == "details.companion" and f.east == "social" for f in report.findings)


def test_a_term_listed_with_its_own_capital_keeps_the_alternative_in_lower_case_mid_sentence():
    # 'visit your GP or GUM clinic' was told "Try 'Sexual health clinic'": the capital of GUM
    # was taken for the start of a sentence
    text = "If you have any bleeding, visit your GP or GUM clinic for a check.\nGUM clinic staff can help.\n"
    alts = [f.suggestions[0] for f in check_text(text, profile="general").findings if f.text == "GUM clinic"]
    assert alts[0] == "sexual health clinic"
    from litcheck.analysers.substitution import _match_case

    assert _match_case("sexual health clinic", "Gum clinic") == "Sexual health clinic"  # a sentence start


def test_gillick_competence_is_explained_in_a_consent_letter():
    text = (
        "Dear [parent name],\n\nYoung people who show Gillick competence can give their own consent "
        "to the vaccination on the day.\n"
    )
    finding = next(f for f in check_text(text).findings if f.text == "Gillick competence")
    assert finding.rule == "jargon.medical" and finding.suggestions[0] == "mature enough to decide for themselves"
