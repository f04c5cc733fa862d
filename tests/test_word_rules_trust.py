"""Word findings staff can trust (issue 21): explained terms, one finding per term, everyday
words, medicine names, names and signs, template fields, other languages, broken extraction.

Every text here was written for these tests.
"""

import pytest

import litcheck
from litcheck.analysers.skipped_text import foreign_lines


def hits(text, prefix=("jargon", "words", "abbreviations")):
    # words.long and words.rare are off by default: select them to test them
    report = litcheck.check_text(text, select=["jargon", "words", "abbreviations"])
    return [(f.rule, f.text) for f in report.findings if f.rule.startswith(prefix)]


def texts(text, rule):
    return [t for r, t in hits(text) if r == rule]


# --- explained terms -----------------------------------------------------------------------

EXPLAINED = [
    "What is a colonoscopy?\nA colonoscopy looks inside your bowel with a small camera. Your colonoscopy will take about 30 minutes.",
    "Colonoscopy diet advice\nA colonoscopy is a test to look inside your bowel. Eat white bread for two days before your colonoscopy.",
    "These X-ray pictures are called mammograms. You will have mammograms every three years, and two doctors read your mammograms.",
    "The camera goes into the first part of the small bowel, called the duodenum. The duodenum is then checked for ulcers.",
    "Your gullet (oesophagus) may feel sore for a day. Eat soft food until your oesophagus feels better.",
    "You may have a biopsy, which is a small sample of tissue. We send the biopsy to the laboratory.",
]


@pytest.mark.parametrize("text", EXPLAINED)
def test_a_term_the_text_explains_is_not_reported(text):
    assert texts(text, "jargon.medical") == []


def test_a_question_heading_with_no_answer_is_not_an_explanation():
    assert texts("Please read this before you come.\nWhat is a colonoscopy?", "jargon.medical") == ["colonoscopy"]


def test_a_term_is_reported_once_at_its_first_use_with_a_count_of_repeats():
    text = ("We will check your hypertension at the clinic. Hypertension can be treated with tablets. "
            "Take your hypertension tablets every morning.")
    findings = [f for f in litcheck.check_text(text).findings if f.rule == "jargon.medical"]
    assert [(f.text, f.start) for f in findings] == [("hypertension", text.index("hypertension"))]
    assert "used 2 more times" in findings[0].message


def test_a_wordy_word_is_reported_once_too():
    text = "Please ensure you bring your tablets. Please ensure you eat breakfast."
    assert texts(text, "jargon.wordy") == ["ensure"]


def test_an_abbreviation_spelt_out_in_brackets_after_it_is_explained():
    text = "Your invitation comes from PCSE (Primary Care Support England), and a nurse at the surgery does the test."
    assert texts(text, "abbreviations.unexplained") == []


def test_an_abbreviation_followed_by_its_plain_words_is_explained():
    assert texts("We will send you an SMS text message the day before your visit.", "abbreviations.first_use") == []
    assert texts("We will send you an SMS the day before your visit.", "abbreviations.first_use") == ["SMS"]


def test_dna_spelt_out_is_still_reported_with_its_own_message():
    findings = [f for f in litcheck.check_text("A missed appointment (DNA – Did Not Attend) costs the clinic time.").findings
                if f.rule == "abbreviations.dna"]
    assert len(findings) == 1 and "spelt out" in findings[0].message


# --- everyday words, medicines, topic words --------------------------------------------------

@pytest.mark.parametrize("word", ["plasters", "gelatine", "inhalers", "chickenpox", "rebooked", "jewellery",
                                  "receptionist", "optician", "diarrhoea", "textphone", "numbs"])
def test_everyday_words_are_never_rare_or_long(word):
    text = f"Please tell the nurse about the {word} when you come in on Monday."
    assert [r for r, t in hits(text, ("words",)) if t.lower() == word] == []


@pytest.mark.parametrize("drug", ["clopidogrel", "rivaroxaban", "dabigatran", "semaglutide", "neomycin", "apixaban"])
def test_common_medicine_names_are_never_rare_or_long(drug):
    text = f"If you take {drug}, please call us a week before your test."
    assert hits(text, ("words",)) == []


def test_words_long_and_rare_are_off_unless_selected():
    text = "The endoscopist works predominantly at night."
    assert not [f for f in litcheck.check_text(text).findings if f.rule.startswith("words.")]


def test_a_rare_word_is_still_reported():
    assert texts("The audiologist will talk to you after the test.", "words.rare") == ["audiologist"]


def test_the_topic_word_is_not_a_long_word():
    text = ("Your child can be vaccinated at school. Children who are vaccinated are protected. "
            "If your child was vaccinated last year, they still need it. Once vaccinated, they can play as usual.")
    assert "vaccinated" not in texts(text, "words.long")


def test_image_descriptions_are_not_scored():
    text = "An illustration of a nurse communicating with a patient in a wheelchair.\nThe nurse will help you."
    assert hits(text, ("words",)) == []


def test_the_words_of_an_abbreviation_written_out_are_not_rare():
    text = "The test looks for human papillomavirus (HPV). Tell us if you have an implantable cardioverter defibrillator (ICD)."
    assert texts(text, "words.rare") == []


# --- names, signs, fields, other languages, broken text --------------------------------------

def test_names_signs_and_job_titles_are_not_jargon():
    text = ("Please go to Renal Outpatients on level 2 when you arrive. The Patient Services Officer will call you "
            "about your Magnetic Resonance Imaging (MRI) scan. If you are late, please ring the Endoscopy unit first.")
    assert texts(text, "jargon.medical") == []


def test_a_medical_word_in_an_ordinary_sentence_is_still_jargon():
    assert texts("You have a renal problem and we will check it.", "jargon.medical") == ["renal"]


@pytest.mark.parametrize("field", ["==subteam phone==", "((ward_name))", "{d.clinicPhone}", "[specialty]"])
def test_words_inside_template_fields_are_never_scored(field):
    text = f"Please call the team on {field} if you need to change your visit."
    assert hits(text) == []


def test_copyright_lines_are_not_scored():
    assert hits("© Copyright Anytown Hospitals NHS Foundation Trust, endoscopy information leaflet, 2024") == []


POLISH = ("Dzień dobry,\nPiszemy, aby zaprosić Pana na badanie kontrolne w naszej przychodni rodzinnej.\n"
          "Należy skontaktować się z przychodnią, aby umówić wizytę w dogodnym terminie.\nZ poważaniem")


def test_a_translated_block_is_left_to_the_reader_of_that_language():
    text = "Please call us to book your appointment. We look forward to seeing you.\n\n" + POLISH
    assert hits(text) == []


def test_other_language_lines_are_found_and_english_lines_are_not():
    text = "Please book your appointment with the surgery.\n" + POLISH + "\nThank you for reading this letter."
    lines = [text[s:e] for s, e in foreign_lines(text)]
    assert lines[0] == "Dzień dobry," and lines[-1] == "Z poważaniem"
    assert not any("Please" in line or "Thank" in line for line in lines)


def test_a_short_english_heading_with_medical_words_stays_english():
    text = "Anaesthetist Preoperative Assessment Clinic\nYou will see a doctor who looks after you during your operation."
    assert foreign_lines(text) == []


def test_a_word_in_another_script_is_never_scored():
    assert hits("Дата: Please bring your letter with you.") == []


@pytest.mark.parametrize("text", ["Tell us if your child uses a di ff erent name at school.",
                                  "We need to confi rm that you still need the appointment."])
def test_pieces_of_words_split_by_pdf_extraction_are_not_rare(text):
    assert texts(text, "words.rare") == []


def test_a_suppression_comment_on_the_first_use_moves_the_finding_to_the_next_use():
    text = ("We will check your hypertension at the clinic. <!-- litcheck: ignore jargon.medical -->\n"
            "Hypertension is common.\n\nNext week we check your hypertension again.")
    found = [f for f in litcheck.check_text(text, format="md").findings if f.rule == "jargon.medical"]
    assert [f.text for f in found] == ["hypertension"] and found[0].start == text.rindex("hypertension")


def test_a_gloss_after_two_joined_terms_explains_both():
    assert texts("Free parking for patients coming for oncology or haematology (cancer treatment) every week.", "jargon.medical") == []


def test_a_department_named_in_a_label_is_not_jargon():
    assert texts("Reference: AB12 • Departments: Radiology • Updated: May 2024", "jargon.medical") == []


def test_a_term_in_a_title_explained_below_is_not_reported():
    text = "Flexible cystoscopy\nWhat is a flexible cystoscopy?\nIt is a test that looks inside your bladder with a thin camera."
    assert texts(text, "jargon.medical") == []
    text = "Your colonoscopy\nA colonoscopy is a test that looks inside your bowel. Eat white bread before your colonoscopy."
    assert texts(text, "jargon.medical") == []


def test_an_unknown_abbreviation_inside_a_title_case_name_is_left_alone():
    assert texts("Send the Suggested Template Letter for TPP Practices to every patient.", "abbreviations.unexplained") == []
    assert texts("You can have an RSV vaccination this autumn.", "abbreviations.unexplained") == ["RSV"]
