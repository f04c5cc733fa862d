"""Line structure in PDFs (issue 21): a line the writer ended short is kept as a line, so a
heading set in the body font is not read into the sentence under it; list items that lost
their bullets, and bullets drawn as shapes, become items of their own; a word drawn partly
in a fallback font stays one word. The PDFs are made here with fpdf2, from our own text
modelled on real NHS letters and web pages printed to PDF."""

from __future__ import annotations

import litcheck
from litcheck.readers import read_bytes
from litcheck.segment import split_sentences

LEFT = 20  # mm
WIDTH = 170  # the text column, mm


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    return pdf


def _lines(pdf, lines, y=30.0, leading=5.0):
    """Each line where a naive writer puts it: at the left edge, one below the other."""
    for line in lines:
        pdf.text(LEFT, y, line)
        y += leading
    return y


def _wrap(pdf, text):
    """Lines of ``text`` filled up to the column width, as a word processor wraps them."""
    out, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and pdf.get_string_width(trial) > WIDTH:
            out.append(line)
            line = word
        else:
            line = trial
    return out + [line]


def _sentences(data: bytes):
    doc = read_bytes(data, "pdf", "page.pdf")
    return doc, [(s.kind, " ".join(doc.text[s.start : s.end].split())) for s in split_sentences(doc)]


# A web page about a condition printed to PDF: the headings lost their size and weight.
HEADING = "How asthma is found"
PARAGRAPH = (
    "If you or your child have a cough or a tight chest, a nurse or a GP will ask you some "
    "questions about it and will listen to your chest."
)
NEXT_HEADING = "Getting treatment"
NEXT_PARAGRAPH = (
    "If you have asthma you will have a care team, with a GP or a nurse and sometimes a "
    "doctor from the hospital, who will help you look after it."
)


def heading_page() -> bytes:
    pdf = _pdf()
    y = _lines(pdf, [HEADING] + _wrap(pdf, PARAGRAPH))
    _lines(pdf, [NEXT_HEADING] + _wrap(pdf, NEXT_PARAGRAPH), y=y + 5)
    return bytes(pdf.output())


def test_short_line_in_the_body_font_above_a_paragraph_is_a_heading_not_part_of_the_sentence():
    doc, got = _sentences(heading_page())
    assert ("heading", HEADING) in got
    assert ("heading", NEXT_HEADING) in got
    assert ("prose", PARAGRAPH) in got
    assert ("prose", NEXT_PARAGRAPH) in got
    # the wrapped lines of each paragraph are still one sentence, joined by spaces
    assert PARAGRAPH in doc.text and HEADING + "\n" + PARAGRAPH in doc.text


def test_heading_merged_into_its_paragraph_no_longer_makes_a_long_sentence():
    doc = read_bytes(heading_page(), "pdf", "page.pdf")
    report = litcheck.check_document(doc, profile="web_page", select=["sentences"])
    assert not [f for f in report.findings if f.text.startswith(HEADING)]


# "Call 999 if:" and its items: the printed page dropped the bullets, the items are in lower
# case and each ends short of the margin.
LEAD_IN = "Call 999 if you or someone else is having an asthma attack and they:"
ITEMS = [
    "start to feel worse at any time",
    "do not feel better after using the blue reliever inhaler ten times",
    "do not have an inhaler with them",
]
AFTER = (
    "If things are no better after ten minutes and the ambulance has not come, use the inhaler "
    "again if you have one, up to the same number of puffs."
)


def lost_bullets_page() -> bytes:
    pdf = _pdf()
    _lines(pdf, [LEAD_IN] + ITEMS + _wrap(pdf, AFTER))
    return bytes(pdf.output())


def test_items_that_lost_their_bullets_are_items_of_their_own():
    _, got = _sentences(lost_bullets_page())
    assert got == [("prose", LEAD_IN)] + [("prose", item) for item in ITEMS] + [("prose", AFTER)]


# A vaccination letter whose bullets are small filled circles drawn beside the lines.
OPTIONS = [
    "Bring a repeat prescription or a medicine box, OR",
    "Bring a letter from the hospital about your condition, OR",
    "Show your health record in the NHS App.",
]


def drawn_bullets_page() -> bytes:
    pdf = _pdf()
    pdf.text(LEFT, 30, "It will help if you can:")
    y = 37.0
    for option in OPTIONS:
        pdf.set_fill_color(0, 0, 0)
        pdf.ellipse(LEFT, y - 2.6, 2.0, 2.0, style="F")
        pdf.text(LEFT + 8, y, option)
        y += 6
    return bytes(pdf.output())


def test_bullets_drawn_as_shapes_make_list_items():
    doc = read_bytes(drawn_bullets_page(), "pdf", "letter.pdf")
    items = [doc.block_text(b) for b in doc.blocks if b.kind == "list_item"]
    assert items == OPTIONS
    assert not litcheck.check_document(doc, profile="general", select=["sentences"]).findings


def fallback_ligature_page() -> bytes:
    """"confirm" drawn as "con" in 20 pt, the "fi" ligature from a fallback font at 11 pt,
    then "rm your diagnosis", kerned a little apart: the writer's font had no ligature glyph."""
    pdf = _pdf()
    x, y = LEFT, 40
    for text, size in (("We need to con", 20), ("fi", 11), ("rm your diagnosis.", 20)):
        pdf.set_font("helvetica", size=size)
        pdf.text(x, y, text)
        x += pdf.get_string_width(text) + 0.5
    return bytes(pdf.output())


def test_a_word_drawn_partly_in_a_smaller_fallback_font_stays_one_word():
    doc = read_bytes(fallback_ligature_page(), "pdf", "letter.pdf")
    assert [doc.block_text(b) for b in doc.blocks] == ["We need to confirm your diagnosis."]


def test_a_line_broken_by_hand_before_a_number_or_a_lower_case_word_stays_one_sentence():
    pdf = _pdf()
    _lines(pdf, ["The clinic is on the ground floor, in room", "14 beside the lifts, and the", "reception is on your left."])
    _, got = _sentences(bytes(pdf.output()))
    assert got == [("prose", "The clinic is on the ground floor, in room 14 beside the lifts, and the reception is on your left.")]


# A printed web page: "Avoid" above two indented items that lost their bullets and open with
# the same words; the second item wraps, so only one line ends short above a lower-case line.
AVOID = [
    "try not to smoke - your pharmacy can help you stop",
    "try not to take other medicines before you ask a pharmacist or a doctor - some painkillers and "
    "some heart tablets can make your breathing worse on a bad day",
]


def test_items_that_open_with_the_same_words_are_items_of_their_own():
    pdf = _pdf()
    _lines(pdf, ["Avoid"], y=30.0)
    for i, line in enumerate([AVOID[0]] + _wrap(pdf, AVOID[1])[:2]):
        pdf.text(LEFT + 10, 35.0 + 5 * i, line)
    doc, got = _sentences(bytes(pdf.output()))
    assert [t for _, t in got] == ["Avoid"] + AVOID


# The lead-in ends page 1; its items, in lower case and without bullets, open page 2, and the
# third starts with a number.
OFFERED = [
    "a spray to use only when your chest feels tight - your nurse may call it a reliever that also "
    "calms the airways",
    "a spray to use every morning and evening to stop the tightness coming back, and also when your "
    "chest feels tight",
    "2 different sprays - one to use every day to keep the airways calm, and one to use when your "
    "chest feels tight",
]


def test_items_under_a_lead_in_on_the_page_before_are_items_of_their_own():
    pdf = _pdf()
    _lines(pdf, ["What you are offered depends on how bad your symptoms are. You may get either:"], y=280.0)
    pdf.add_page()
    _lines(pdf, [line for item in OFFERED for line in _wrap(pdf, item)], y=20.0)
    doc, got = _sentences(bytes(pdf.output()))
    assert [t for _, t in got][-3:] == OFFERED
    report = litcheck.check_document(doc, profile="web_page", select=["sentences.very_hard"])
    assert not report.findings


def test_one_short_line_above_a_lower_case_line_with_no_list_signs_stays_one_sentence():
    pdf = _pdf()
    _lines(pdf, ["Your nurse will check your blood pressure", "and your weight when you come in."])
    _, got = _sentences(bytes(pdf.output()))
    assert got == [("prose", "Your nurse will check your blood pressure and your weight when you come in.")]


def consent_form_page(offset: float) -> bytes:
    """Two columns of questions on a consent form, under a note across the page. The first
    question's help text runs over two lines; beside its first line, the other column's
    "DD MM YYYY" sits ``offset`` mm lower, as a form's small print in another box often does."""
    pdf = _pdf()
    _lines(pdf, _wrap(pdf, "Please fill in this form in black ink and use capital letters. Tick the boxes that apply to "
                           "your child, and hand the form in at the school office before the day of the vaccination session."), y=25)
    for x, y, label, help_lines in (
        (LEFT, 40, "Your child's full name", ["Write the name on the birth certificate. If it has changed, write", "the name their GP surgery has."]),
        (LEFT, 62, "How you are related to the child", ["If you are not their parent or guardian, you must have parental", "responsibility to give consent for the vaccination."]),
        (125, 40, "Date of birth", []),
        (125, 62, "Telephone number", ["A nurse might call you about the vaccination."]),
    ):
        pdf.set_font("helvetica", style="B", size=9)
        pdf.text(x, y, label)
        pdf.set_font("helvetica", size=8)
        for i, line in enumerate(help_lines):
            pdf.text(x, y + 5 + 4 * i, line)
    pdf.text(125, 45 + offset, "DD MM YYYY")
    return bytes(pdf.output())


def test_help_text_beside_a_field_a_point_lower_stays_one_sentence():
    for offset in (0.0, 0.35):
        _, got = _sentences(consent_form_page(offset))
        assert ("prose", "If it has changed, write the name their GP surgery has.") in got, (offset, got)
        assert [t for _, t in got].index("DD MM YYYY") > [t for _, t in got].index("Write the name on the birth certificate.")


# A printed web page: a call-out box set in from the page's text, so its lines wrap short of
# the page's right margin; the items lost their bullets, and the second one wraps.
GP_IF = [
    "you or your child have asthma symptoms",
    "you or your child have asthma and the treatment is not helping, or you need to use your reliever inhaler "
    "more often than before",
    "you or your child have asthma and your symptoms stop you doing your usual activities",
]


def callout_page() -> bytes:
    pdf = _pdf()
    y = _lines(pdf, _wrap(pdf, "Asthma symptoms can be mild or severe. They usually come and go, and they may be worse "
                               "at night and early in the morning, or after exercise or a cold."), y=30)
    x, width, y = LEFT + 6, WIDTH - 30, y + 6
    pdf.text(x, y, "See a GP if:")
    for item in GP_IF:
        line = ""
        for word in item.split():
            if line and pdf.get_string_width(f"{line} {word}") > width:
                y += 5
                pdf.text(x, y, line)
                line = word
            else:
                line = f"{line} {word}".strip()
        y += 5
        pdf.text(x, y, line)
    _lines(pdf, _wrap(pdf, "Asthma usually starts in children, but it can start at any age, and it often runs in "
                           "families where other people have hay fever or eczema."), y=y + 11)
    return bytes(pdf.output())


def test_items_in_a_call_out_narrower_than_the_page_are_whole_items():
    doc, got = _sentences(callout_page())
    texts = [t for _, t in got]
    assert texts[texts.index("See a GP if:") + 1 :][:3] == GP_IF


def numbered_form_page() -> bytes:
    """A form's questions in two columns under a note across the page, each question's
    number in bold set apart to the left of its label, with help text under the label."""
    pdf = _pdf()
    _lines(pdf, _wrap(pdf, "Please fill in this form in black ink and use capital letters. Tick the boxes that apply to "
                           "your child, and hand the form in at the school office before the day of the vaccination session."), y=25)
    for x, y, number, label, help_lines in (
        (LEFT, 42, "1", "Your child's full name", ["Write the name on the birth certificate. If it has changed, write", "the name their GP surgery has."]),
        (LEFT, 64, "2", "School year", ["For example, Year 3 or Reception."]),
        (125, 42, "3", "Date of birth", ["DD MM YYYY"]),
        (125, 64, "4", "Telephone number", ["A nurse might call you about the vaccination."]),
    ):
        pdf.set_font("helvetica", style="B", size=9)
        pdf.text(x, y, number)
        pdf.text(x + 7, y, label)
        pdf.set_font("helvetica", size=8)
        for i, line in enumerate(help_lines):
            pdf.text(x + 7, y + 5 + 4 * i, line)
    return bytes(pdf.output())


def test_a_form_question_number_opens_its_question_and_the_label_is_a_heading():
    _, got = _sentences(numbered_form_page())
    assert not [t for _, t in got if t.isdigit()]  # no sentence that is only a number
    for heading in ("1 Your child's full name", "2 School year", "3 Date of birth", "4 Telephone number"):
        assert ("heading", heading) in got, (heading, got)
    assert ("prose", "If it has changed, write the name their GP surgery has.") in got
