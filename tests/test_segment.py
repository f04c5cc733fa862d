from litcheck.document import Block, Document
from litcheck.readers import read_text
from litcheck.segment import split_sentences


def sentences(text, fmt="txt"):
    doc = read_text(text, fmt)
    return [(s.kind, doc.text[s.start : s.end]) for s in split_sentences(doc)]


def test_times_decimals_titles_and_abbreviations_do_not_end_sentences():
    got = sentences("Come at 9.30am to see Dr. Khan, e.g. in Ward 5. Your sugar was 7.5 mmol/L. Bring it.")
    assert got == [
        ("prose", "Come at 9.30am to see Dr. Khan, e.g. in Ward 5."),
        ("prose", "Your sugar was 7.5 mmol/L."),
        ("prose", "Bring it."),
    ]


def test_letter_furniture_is_not_prose():
    text = "Mrs A Khan\n12 High Street\nLeeds\nLS1 1XX\n\n3 March 2025\n\nDear Mrs Khan\n\nYou have an appointment.\n\nYours sincerely\n"
    kinds = [k for k, _ in sentences(text)]
    assert kinds == ["address", "address", "address", "address", "date", "salutation", "prose", "signoff"]


def test_bullet_without_full_stop_is_its_own_sentence():
    got = sentences("Please bring:\n\n- your glasses\n- a list of your medicines\n- something to read\n")
    assert [k for k, _ in got] == ["prose", "prose", "prose", "prose"]
    assert got[1] == ("prose", "your glasses")


def test_headers_footers_tables_and_headings_are_not_prose():
    text = "Page 1 of 2\nYour visit"
    doc = Document.build(
        text,
        [Block("header", 0, 11), Block("heading", 12, 22)],
    )
    assert [s.kind for s in split_sentences(doc)] == ["header", "heading"]


def test_long_semicolon_chain_is_split():
    text = ("You should bring your glasses and your hearing aid to the clinic; you should bring a list of "
            "your medicines; you should bring something to eat and drink while you wait.")
    got = sentences(text)
    assert len(got) == 3


import pytest  # noqa: E402

import litcheck  # noqa: E402


@pytest.mark.parametrize(
    "text, first",
    [
        ("Come at 9.30am to the clinic. Bring your letter.", "Come at 9.30am to the clinic."),
        ("Come at 10 a.m. on Tuesday. Bring your letter.", "Come at 10 a.m. on Tuesday."),
        ("Your sugar level was 7.5 mmol/L today. Bring your letter.", "Your sugar level was 7.5 mmol/L today."),
        ("Bring your medicines, e.g. Insulin and tablets. Bring your letter.", "Bring your medicines, e.g. Insulin and tablets."),
        ("Some tests, i.e. Blood tests, take a week. Bring your letter.", "Some tests, i.e. Blood tests, take a week."),
        ("The drug is made in the U.S. by a big firm. Bring your letter.", "The drug is made in the U.S. by a big firm."),
        ("You will see Dr. Khan or Mrs. Patel. Bring your letter.", "You will see Dr. Khan or Mrs. Patel."),
    ],
)
def test_full_stops_that_do_not_end_a_sentence_are_protected(text, first):
    got = sentences(text)
    assert got == [("prose", first), ("prose", "Bring your letter.")]


def test_time_and_unit_at_the_end_of_a_sentence_still_end_it():
    got = sentences("Come at 10 a.m. The clinic opens then. Take 5 mg. Then rest.")
    assert [t for _, t in got] == ["Come at 10 a.m.", "The clinic opens then.", "Take 5 mg.", "Then rest."]


BULLETS = (
    "Please bring these things with you to the clinic:\n\n- your glasses\n- a list of your medicines\n"
    "- your blue badge\n- something to eat\n- a drink\n- a book to read\n- your hearing aid\n"
    "- the name of your doctor\n- a warm coat\n- your phone\n"
)


def test_bulleted_list_without_full_stops_scores_as_short_sentences():
    r = litcheck.check_text(BULLETS).readability
    assert r.sentences == 11
    # textstat 0.7.13 merges the list into one sentence: Flesch-Kincaid grade about 11.
    assert r.flesch_kincaid_grade < 3


def test_markdown_bullets_are_sentences_and_headings_are_not_prose():
    got = sentences("# Before your test\n\nPlease bring:\n\n* your glasses\n* your letter\n", "md")
    assert got == [("heading", "Before your test"), ("prose", "Please bring:"), ("prose", "your glasses"), ("prose", "your letter")]


@pytest.mark.parametrize(
    "text",
    ["Before your test\n================\n\nPlease eat nothing.\n", "BEFORE YOUR TEST\n\nPlease eat nothing.\n"],
)
def test_text_headings_are_not_prose(text):
    assert sentences(text) == [("heading", text.split("\n")[0]), ("prose", "Please eat nothing.")]


def test_heading_line_above_its_paragraph_is_not_prose():
    got = sentences("How long it will take\nPlease allow about 2 hours. You may have two tests.\n")
    assert got == [("heading", "How long it will take"), ("prose", "Please allow about 2 hours."), ("prose", "You may have two tests.")]


@pytest.mark.parametrize(
    "address",
    [
        "Mr John Smith\n14 Fictional Terrace\nGateshead\nNE8 9XX",
        "Mrs A Khan\nFlat 2\n12 High Street\nHeadingley\nLeeds\nLS6 1XX",
        "Outpatients Department\nWestgate General Hospital, Westgate Road, Newcastle upon Tyne, NE1 4XX\nTyne and Wear\nEngland",
    ],
)
def test_address_blocks_of_four_to_six_lines_are_not_prose(address):
    got = sentences(address + "\n\nYou have an appointment.\n")
    assert [k for k, _ in got] == ["address"] * len(address.split("\n")) + ["prose"]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Dear Mrs Khan", "salutation"), ("Dear Patient,", "salutation"), ("To whom it may concern", "salutation"),
        ("Yours sincerely", "signoff"), ("Yours faithfully,", "signoff"), ("Kind regards", "signoff"),
        ("Our ref: CARD/OPD/228614", "label"), ("NHS number: 999 999 9999", "label"), ("Tel: 01632 960123", "label"),
        ("01632 960123", "label"), ("3 March 2025", "date"), ("Tuesday 21 October 2025", "date"), ("21/10/2025", "date"),
        ("Date: 2 October 2025", "label"),
    ],
)
def test_letter_lines_are_labelled_not_prose(line, kind):
    got = sentences(f"{line}\n\nYou have an appointment.\n")
    assert got == [(kind, line), ("prose", "You have an appointment.")]


def test_form_fields_are_labels_each_on_its_own_line():
    text = "When: Tuesday 21 October 2025 at 10:40am\nWhere: Heart Clinic 3, Westgate Road, Newcastle, NE1 4XX\nWho you will see: Dr Anna Ferris\n"
    assert [k for k, _ in sentences(text)] == ["label", "label", "label"]


def test_wrapped_lines_stay_one_sentence():
    text = ("You have been referred to the heart clinic by your doctor because of the\n"
            "chest pains you told them about at your last visit to the surgery.\n")
    assert len(sentences(text)) == 1
