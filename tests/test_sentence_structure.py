"""Issue 21: sentences and paragraphs as the reader meets them (line structure, numbers,
contact details, captions, other languages). Texts are our own, written for these tests."""

from litcheck.readers import read_text
from litcheck.readability.measure import count_sentence, measure
from litcheck.segment import is_foreign, split_sentences


def sentences(text, fmt="txt"):
    doc = read_text(text, fmt)
    return [(s.kind, doc.text[s.start : s.end]) for s in split_sentences(doc)]


def blocks(text, fmt="txt"):
    doc = read_text(text, fmt)
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def counts(text):
    doc = read_text(text, "txt")
    (s,) = [s for s in split_sentences(doc) if s.is_prose]
    return count_sentence(doc, s)


# -- line structure ---------------------------------------------------------------------


def test_lines_ending_in_full_stops_are_paragraphs_of_their_own():
    text = (
        "We are checking our waiting lists to make sure everyone still needs to be seen, and that the people who need care most get it first.\n"
        "You may get a text message from us with a link to a short form about whether you still want your appointment.\n"
        "If you do not reply, we will phone you. Nobody will be taken off the list without talking to us first.\n"
    )
    got = blocks(text)
    assert [k for k, _ in got] == ["paragraph", "paragraph", "paragraph"]


def test_hard_wrapped_lines_stay_one_paragraph_when_the_break_is_the_wrap():
    text = (
        "Thank you for booking your scan with us. The scan takes about twenty\n"
        "minutes and you can eat and drink as normal before it. Please come ten\n"
        "minutes early so that we can check your details with you.\n"
        "Bring a list of your medicines. Parking is free for the first hour in\n"
        "the car park beside the main door. Ask at the desk for a parking pass.\n"
        "There is a bus stop outside.\n"
    )
    got = blocks(text)
    # "you." ends a short line ("Bring" would have fitted), so the writer broke it there;
    # "pass." reaches the margin, so "There" wrapped
    assert [t.split()[0] for _, t in got] == ["Thank", "Bring"]


def test_question_line_above_its_answer_is_a_heading():
    text = "What is a bladder scan?\nA nurse moves a small probe over your tummy. It does not hurt.\n"
    got = blocks(text)
    assert got[0] == ("heading", "What is a bladder scan?")


def test_missing_space_after_a_full_stop_still_ends_the_sentence():
    got = sentences("Please ask for the Practice Nurse.If you cannot come, call us.")
    assert got == [("prose", "Please ask for the Practice Nurse."), ("prose", "If you cannot come, call us.")]


def test_web_addresses_and_abbreviations_are_not_cut_at_a_glued_full_stop():
    got = sentences("Read more at www.nhs.uk/Conditions.Today and see Dr.Patel, e.g.Monday.")
    assert len(got) == 1


def test_template_keys_are_labels_not_part_of_the_message():
    text = "reminder_sms:\nDear Patient, your appointment is on [Date] at [Time]. Call us if you cannot come.\n"
    got = sentences(text)
    assert got[0] == ("label", "reminder_sms:")
    assert got[1][1].startswith("Dear Patient")


def test_a_lead_in_line_ending_in_a_colon_is_not_joined_to_the_next_line():
    got = sentences("On the day please bring:\nYour glasses and a list of your medicines.\n")
    assert [t for _, t in got] == ["On the day please bring:", "Your glasses and a list of your medicines."]


def test_watermark_letters_on_lines_of_their_own_are_not_prose():
    text = "M\nDear Parent,\nU\nWe would like to invite your child for a flu vaccination.\n"
    kinds = {t: k for k, t in sentences(text)}
    assert kinds["M"] == "label" and kinds["U"] == "label"
    assert kinds["We would like to invite your child for a flu vaccination."] == "prose"


def test_bullets_run_into_one_line_are_separate_sentences():
    text = "Tell your GP if you notice:\n• a cough that lasts three weeks • blood in your phlegm \uf0b7 losing weight for no reason\n"
    got = [t for k, t in sentences(text) if k == "prose"]
    assert got == ["Tell your GP if you notice:", "a cough that lasts three weeks", "• blood in your phlegm", "\uf0b7 losing weight for no reason"]


def test_picture_descriptions_are_captions_not_prose():
    text = "An illustration of a nurse holding a clipboard. She is smiling.\n\nThe nurse will check your blood pressure.\n"
    got = sentences(text)
    assert got[0][0] == "caption"
    assert got[-1] == ("prose", "The nurse will check your blood pressure.")


def test_sentences_in_another_language_are_not_scored_as_english():
    assert is_foreign("Jeśli potrzebujesz tłumacza, zadzwoń do przychodni i poproś o pomoc.")
    assert is_foreign("Ако имате въпроси, моля, обадете се на личния си лекар.")
    assert not is_foreign("If you need an interpreter, please ring the surgery on the number above.")
    assert not is_foreign("Dr Nowak and Dr Kowalski will see you at Wrexham Maelor Hospital.")
    got = sentences("Jeśli potrzebujesz tłumacza, zadzwoń do przychodni i poproś o pomoc.\n\nPlease ring us if you need help.")
    assert [k for k, _ in got] == ["foreign", "prose"]


# -- numbers and contact details in counts ------------------------------------------------


def test_a_phone_number_is_one_short_word():
    c = counts("To speak to us by textphone, dial 18001 then 0800 707 60 60 from your phone.")
    assert c.words == 13
    assert c.long_words == []


def test_ages_years_and_initialisms_are_not_long_words():
    c = counts("The NHS invites everyone aged 25 to 64 for a check, and since 2021 you can book it online.")
    assert c.long_words == ["everyone"]


def test_ordinary_capitalised_words_still_count_their_syllables():
    c = counts("IMPORTANT: please bring your medicines.")
    assert "IMPORTANT" in c.long_words


def test_contact_details_do_not_make_a_plain_sentence_hard():
    from litcheck.readability.measure import sentence_rung

    c = counts("If you have any questions, call us on 0161 496 0123 or e-mail bookings.clinic@nhs.example.net and we will help.")
    assert sentence_rung(c) is None


def test_numbers_do_not_raise_the_reading_age():
    plain = " ".join(["You can book a check at the clinic. It takes a short time."] * 6)
    numbers = " ".join(["You can book a check at the clinic on 0113 496 0000. It takes 25 minutes."] * 6)
    a = measure(read_text(plain, "txt"), split_sentences(read_text(plain, "txt")))
    doc = read_text(numbers, "txt")
    b = measure(doc, split_sentences(doc))
    assert b.polysyllables == a.polysyllables == 0
