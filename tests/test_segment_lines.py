"""Line structure in the sentence splitter (issue 21): a line the writer ended is not the start
of the next sentence; a wrapped line is. Texts are our own, modelled on real letters."""

from __future__ import annotations

from litcheck.document import Block, Document
from litcheck.readers import read_text
from litcheck.segment import is_foreign, split_sentences


def sentences_of(doc):
    return [(s.kind, doc.text[s.start : s.end]) for s in split_sentences(doc)]


def one_block(text, fmt):
    """A paragraph whose line breaks the reader kept (a Word line break, an HTML <br>)."""
    return Document.build(text, [Block("paragraph", 0, len(text))], format=fmt)


def test_word_line_break_after_an_unpunctuated_line_ends_it_before_a_capital():
    doc = one_block("Phone 119\nBook online at www.nhs.uk/vaccinations\nBook on the NHS App\nWalk in to a pharmacy near you.", "docx")
    assert [t for _, t in sentences_of(doc)] == [
        "Phone 119", "Book online at www.nhs.uk/vaccinations", "Book on the NHS App", "Walk in to a pharmacy near you.",
    ]


def test_list_joined_by_or_at_line_ends_is_one_item_a_line():
    doc = one_block("Bring a repeat prescription, OR\nBring a letter about your condition, OR\nShow your record in the app.", "pdf")
    assert len(sentences_of(doc)) == 3


def test_word_line_break_before_a_number_or_lower_case_word_carries_the_sentence_on():
    doc = one_block("The clinic is on the ground floor, in room\n14 beside the lifts, and the\nreception is on your left.", "docx")
    assert [k for k, _ in sentences_of(doc)] == ["prose"]


def test_line_ending_in_a_little_word_carries_the_sentence_on():
    doc = one_block("Please bring the\nNHS letter we sent you.", "html")
    assert len(sentences_of(doc)) == 1


# A text file wrapped at about 70 characters, as a plain-text email is.
WRAPPED = (
    "Thank you for coming to the eye clinic today. The doctor has looked at the\n"
    "back of your eyes and will write to your GP with the results in the next\n"
    "two weeks. You do not need to do anything until then.\n"
    "\n"
    "Urgent referrals are seen within two weeks\n"
    "Routine referrals are seen within six weeks, and we will write to you with\n"
    "the date and time. Please call the clinic if you have not heard from us by\n"
    "then, or if your eyes get worse in the meantime.\n"
)


def test_short_line_in_wrapped_text_ends_its_sentence_when_the_next_word_would_have_fitted():
    got = sentences_of(read_text(WRAPPED))
    texts = [" ".join(t.split()) for _, t in got]
    assert "Urgent referrals are seen within two weeks" in texts
    assert texts[texts.index("Urgent referrals are seen within two weeks") + 1].startswith("Routine referrals are seen")
    # the wrapped lines of the first paragraph are still whole sentences
    assert ("The doctor has looked at the back of your eyes and will write to your GP with the results in the next two weeks.") in texts


def test_full_stop_with_the_space_before_it_still_ends_the_sentence():
    got = sentences_of(read_text("We may ask you to change into a gown for the examination .Shorts are fine for knee problems."))
    assert [t for _, t in got] == ["We may ask you to change into a gown for the examination .", "Shorts are fine for knee problems."]


def test_sentence_with_three_words_in_letters_english_never_writes_is_another_language():
    assert is_foreign("Aby otrzymać ten list w innym formacie, wyślij wiadomość lub zadzwoń pod numer 0300 123 4567.")
    assert not is_foreign("Please ask for Łukasz Nowak at the desk when you arrive for your scan.")


def test_line_opening_with_a_picture_description_is_a_caption_only_when_it_is_one_short_sentence():
    from litcheck import check_text

    # a caption line on its own: not prose, so nothing in it is checked
    caption = check_text("A picture of a doctor who will commence the examination\n\nCome to the clinic on time.")
    assert not [f for f in caption.findings if f.rule == "jargon.wordy" and "commence" in f.text]
    # the same words followed by more sentences on one line are prose: every sentence is checked
    prose = check_text("A picture of a house. Your letter will be sent soon. Please attend prior to your appointment.")
    rules = {f.rule for f in prose.findings}
    assert "voice.passive" in rules  # 'will be sent'
    assert any(f.rule == "jargon.wordy" and f.text == "prior to" for f in prose.findings)


_TEMPLATE_WITH_STAFF_NOTES = """Suggested letter for practices

GUIDANCE NOTE:

1. Practices should utilise this template when contacting patients via the recall system.
2. Patients who require an alternative format should be contacted via telephone.

Letter to patients

Dear [Patient Name]

We would like you to come for a blood test at the surgery. Please call us on 01632 960000 to book a time.
"""


def test_notes_for_the_staff_who_send_a_template_are_not_checked_and_the_report_says_so():
    from litcheck import check_text

    doc = read_text(_TEMPLATE_WITH_STAFF_NOTES)
    kinds = {doc.text[s.start : s.end].strip()[:20]: s.kind for s in split_sentences(doc)}
    assert kinds["GUIDANCE NOTE:"] == "staff"
    assert kinds["Practices should uti"] == "staff"
    assert kinds["We would like you to"] == "prose"  # the next heading ends the notes
    report = check_text(_TEMPLATE_WITH_STAFF_NOTES)
    assert not [f for f in report.findings if f.text in ("utilise", "via", "require", "alternative")]
    assert any("notes for the staff" in n and "GUIDANCE NOTE:" in n for n in report.notices)


def test_a_notes_heading_for_the_patient_is_not_a_staff_section():
    from litcheck import check_text

    text = "Notes\n\nYou may utilise this page to write down questions for your nurse.\n"
    report = check_text(text)
    assert any(f.rule == "jargon.wordy" and f.text == "utilise" for f in report.findings)
    assert not any("notes for the staff" in n for n in report.notices)


def test_short_lines_under_a_lead_in_are_items_even_in_lower_case():
    # a web page's list printed without its bullets: "as below" introduces it, and each short
    # line under it is an item of its own, not one run-on sentence with the next paragraph
    text = (
        "Practice news: adults are offered a health check as set out below\n"
        "Our nurses invite patients as below\n"
        "aged 40 to 59 – every 3 years\n"
        "aged 60 to 74 – every 5 years unless a recent check found a problem\n"
        "If you have had a letter, you can book at any time."
    )
    doc = one_block(text, "txt")
    assert [t for _, t in sentences_of(doc)][-4:] == [
        "Our nurses invite patients as below",
        "aged 40 to 59 – every 3 years",
        "aged 60 to 74 – every 5 years unless a recent check found a problem",
        "If you have had a letter, you can book at any time.",
    ]


def test_a_colon_lead_in_splits_lower_case_items_but_not_a_wrapped_sentence():
    doc = one_block("Please bring:\nyour glasses\na list of your medicines\nyour appointment letter.", "docx")
    assert sentences_of(doc) == [
        ("prose", "Please bring:"), ("prose", "your glasses"), ("prose", "a list of your medicines"),
        ("prose", "your appointment letter."),
    ]
    # a line that ends in a little word is a wrapped line of one item, not an item of its own
    doc = one_block("You can take the following:\nyour usual tablets with a sip of\nwater before you come.", "docx")
    assert [t for _, t in sentences_of(doc)] == [
        "You can take the following:", "your usual tablets with a sip of\nwater before you come.",
    ]


def test_lower_case_lines_with_no_lead_in_still_carry_the_sentence_on():
    doc = one_block("Your nurse will check your blood pressure\nand your weight at the visit.", "docx")
    assert len(sentences_of(doc)) == 1
