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
