"""A picture's label or caption is not prose: an Easy Read word under a picture, an HTML
<figcaption> or <caption>, a Word paragraph in the Caption style. Texts are our own."""

from __future__ import annotations

import io

import pytest

import litcheck
from litcheck import readers
from litcheck.analysers import Context
from litcheck.readers.picture_labels import is_picture_label


def sentences(doc):
    return [(s.kind, doc.text[s.start : s.end]) for s in Context(doc).sentences]


@pytest.mark.parametrize("text, label", [
    ("Calendar", True), ("Your nurse", True), ("Hospital bed", True),
    ("It is free.", False), ("Ward 5", False), ("Call 0300 555 0142", False),
    ("You can bring a friend or a carer with you", False),
])
def test_a_label_is_a_few_words_with_no_sentence_punctuation_and_no_number(text, label):
    assert is_picture_label(text) is label


EASY_READ_HTML = """<html><body>
<h1>Your yearly health check</h1>
<p><img src="nurse.png" alt="A smiling nurse in a blue uniform"> Nurse</p>
<p>You are going to see the nurse.</p>
<p><img src="money.png" alt="A purse with a cross over it"> It is free.</p>
<p><img src="scales.png" alt="Weighing scales">The nurse will check your weight.</p>
<figure><img src="bus.png" alt=""><figcaption>The number 12 bus stops outside</figcaption></figure>
<p>You can come by bus.</p>
<table><caption>Clinic opening times</caption><tr><td>Monday</td><td>9am to 5pm</td></tr></table>
</body></html>"""


def test_html_labels_and_captions_are_captions_and_alt_text_is_not_text():
    doc = readers.read_text(EASY_READ_HTML, "html", None)
    got = sentences(doc)
    assert ("caption", "Nurse") in got
    assert ("caption", "The number 12 bus stops outside") in got
    assert ("caption", "Clinic opening times") in got
    # a short sentence beside a picture stays prose; the alt text never joins a sentence
    assert ("prose", "It is free.") in got
    assert ("prose", "The nurse will check your weight.") in got
    assert "smiling" not in doc.text and "Weighing scales" not in doc.text


def test_a_long_figcaption_is_a_paragraph():
    words = " ".join(["The nurse will ask you some questions about how you feel and what you eat."] * 4)
    doc = readers.read_text(f"<html><body><figure><img src='a.png'><figcaption>{words}</figcaption></figure></body></html>", "html", None)
    assert all(kind == "prose" for kind, _ in sentences(doc))


def test_labels_do_not_count_as_sentences_in_the_reading_age():
    plain = EASY_READ_HTML.replace('<p><img src="nurse.png" alt="A smiling nurse in a blue uniform"> Nurse</p>', "")
    with_label, without = litcheck.check_text(EASY_READ_HTML, format="html"), litcheck.check_text(plain, format="html")
    assert with_label.readability.sentences == without.readability.sentences
    assert with_label.readability.words == without.readability.words


def _easy_read_docx() -> bytes:
    pytest.importorskip("PIL")
    import docx
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(png, "PNG")
    d = docx.Document()
    d.add_heading("Your yearly health check", 1)
    p = d.add_paragraph()
    p.add_run().add_picture(io.BytesIO(png.getvalue()))
    p.add_run(" Nurse")
    p._p.xpath(".//wp:docPr")[0].set("descr", "A smiling nurse in a blue uniform")
    d.add_paragraph("You are going to see the nurse.")
    p = d.add_paragraph()
    p.add_run().add_picture(io.BytesIO(png.getvalue()))
    p.add_run(" It is free.")
    d.add_paragraph("Picture 2: the front door of the clinic", style="Caption")
    d.add_paragraph("Bring your medicines with you.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_picture_labels_and_caption_style_are_captions():
    doc = readers.read_bytes(_easy_read_docx(), "docx", "health_check.docx")
    got = sentences(doc)
    assert ("caption", "Nurse") in got
    assert ("caption", "Picture 2: the front door of the clinic") in got
    assert ("prose", "It is free.") in got and ("prose", "You are going to see the nurse.") in got
    assert "smiling" not in doc.text
