"""A heading in another language (a Welsh or Polish line above the English) is not English:
it is labelled ``foreign``, left out of the English checks, and the page names its language.
Headings are our own wording."""

from __future__ import annotations

import pytest

import litcheck
from litcheck import readers
from litcheck.languages import looks_foreign_heading
from litcheck.segment import split_sentences


@pytest.mark.parametrize("line", [
    "Gwybodaeth am eich apwyntiad",  # Welsh, sentence case
    "Paratoi ar gyfer eich llawdriniaeth",
    "Eich apwyntiad yn yr Adran Cleifion Allanol",
    "CYFARWYDDIADAU AR GYFER EICH PRAWF GWAED",  # Welsh in capitals
    "Informacja dla pacjentów",  # Polish
    "Jak przygotować się do badania",
    "Повече информация за прегледа",  # Bulgarian: not the Latin alphabet
])
def test_another_languages_heading(line):
    assert looks_foreign_heading(line)


@pytest.mark.parametrize("line", [
    "Information for patients",
    "Your appointment",
    "Endoscopy at Ysbyty Gwynedd",  # an English heading with a Welsh hospital's name
    "Ysbyty Gwynedd Endoscopy Unit",
    "Laparoscopic cholecystectomy",  # rare English words are still English
    "Flexible sigmoidoscopy",
    "Transoesophageal echocardiogram",
    "Cystoscopy a guide",
    "Hysteroscopy",
    "Bowel preparation: Moviprep",
])
def test_an_english_heading_with_rare_words_or_welsh_names_is_english(line):
    assert not looks_foreign_heading(line)


BILINGUAL = """<html><body>
<h1>Gwybodaeth am eich apwyntiad</h1>
<h1>Information about your appointment</h1>
<p>Your appointment is at the Fracture Clinic on Thursday 12 June at 2:15pm.</p>
<h2>Beth i ddod gyda chi</h2>
<h2>What to bring</h2>
<p>Please bring a list of the medicines you take.</p>
</body></html>"""


def test_the_welsh_headings_of_a_bilingual_letter_are_foreign_and_the_english_are_headings():
    doc = readers.read_text(BILINGUAL, "html", None)
    kinds = {doc.text[s.start : s.end]: s.kind for s in split_sentences(doc)}
    assert kinds["Gwybodaeth am eich apwyntiad"] == "foreign"
    assert kinds["Beth i ddod gyda chi"] == "foreign"
    assert kinds["Information about your appointment"] == "heading"
    assert kinds["What to bring"] == "heading"


def test_a_welsh_heading_above_plain_text_is_foreign_and_the_page_names_welsh():
    pytest.importorskip("flask")
    from litcheck.web.languages import found

    text = "Gwybodaeth am eich apwyntiad\n\nYour appointment is on Monday 3 June at 10am. Please bring your medicines.\n"
    doc = readers.read_text(text, "txt", None)
    assert [s.kind for s in split_sentences(doc)][0] == "foreign"
    assert found(doc)["languages"] == ["Welsh"]


def test_the_english_of_a_bilingual_letter_is_still_checked():
    report = litcheck.check_text(BILINGUAL.replace("a list of the medicines", "a list of the medications"), format="html")
    assert any(f.rule.startswith("jargon") and f.text == "medications" for f in report.findings)
