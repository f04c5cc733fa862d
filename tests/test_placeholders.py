import pytest

from litcheck.placeholders import find_placeholders


@pytest.mark.parametrize(
    "text, name, syntax",
    [
        ("on [DATE] at", "DATE", "square"),
        ("at [Clinic name].", "Clinic name", "square"),
        ("at [appointment_time]", "appointment_time", "square"),
        ("at «Clinic» today", "Clinic", "guillemet"),
        ("Dear <<Name>>,", "Name", "angle"),
        ("at {{ appointment_time }}", "appointment_time", "jinja"),
        ("{% if transport %}", "if transport", "jinja_tag"),
        ("{# litcheck: ignore jargon #}", "litcheck: ignore jargon", "jinja_comment"),
        ("come in on $tcitime please", "tcitime", "dollar"),
    ],
)
def test_each_template_syntax_is_a_placeholder(text, name, syntax):
    (p,) = list(find_placeholders(text))
    assert (p.name, p.syntax) == (name, syntax)


@pytest.mark.parametrize("text", ["[Find out more](https://nhs.uk)", "see note [1]", "it costs $5", "[see below]"])
def test_links_citations_prices_and_asides_are_not_placeholders(text):
    assert list(find_placeholders(text)) == []


def test_jargon_inside_a_placeholder_is_not_flagged():
    import litcheck

    report = litcheck.check_text("Your {{ cardiology_clinic }} visit is on [HYPERTENSION REVIEW DATE].")
    assert not [f for f in report.findings if f.rule.startswith("jargon")]


@pytest.mark.parametrize(
    "text, name, syntax",
    [
        # GOV.UK Notify
        ("Your visit is on ((visit_date)).", "visit_date", "notify"),
        # Carbone, as in Word and PDF letter generators
        ("Phone: {d.clinicPhone}", "d.clinicPhone", "carbone"),
        ("Date: {d.letterDate:formatD(LL)}", "d.letterDate", "carbone"),
        # a lower-case field between equals signs, as NHS template sets write them
        ("call ==booking team phone== today", "booking team phone", "equals"),
        # descriptive fields a writer fills in
        ("call [Your Ward/Clinic Phone Number].", "Your Ward/Clinic Phone Number", "square"),
        ("Date: [Date of Admission, e.g., Monday, March 2, 2026]", "Date of Admission, e.g., Monday, March 2, 2026", "square"),
        ("[Trust Logo - Top Right]", "Trust Logo - Top Right", "square"),
        ("Dr [surgeon name] will see you", "surgeon name", "square"),
        ("please telephone [booking contact]", "booking contact", "square"),
        ("in the [specialty] clinic", "specialty", "square"),
        ("this will be [a morning | an afternoon] appointment", "a morning | an afternoon", "square"),
        ("Your level is [e.g., 52 nmol/L].", "e.g., 52 nmol/L", "square"),
    ],
)
def test_notify_carbone_equals_and_descriptive_fields(text, name, syntax):
    (p,) = list(find_placeholders(text))
    assert (p.name, p.syntax) == (name, syntax)


@pytest.mark.parametrize(
    "text",
    [
        "[privacy notice]",
        "[Read our leaflet about the flu vaccine](https://example.org/flu)",
        "[Read our leaflet about the flu vaccine]",
        "[x] I agree",
        "==Important== see below",
        "(see the map)",
        "a {brace} here",
        "[1]: https://example.org",
    ],
)
def test_asides_links_and_highlights_are_not_fields(text):
    assert list(find_placeholders(text)) == []


def test_words_in_descriptive_fields_are_not_prose():
    # the fields' words are neither jargon nor long words, and do not make the sentence hard
    import litcheck

    text = "Dear [Patient Name],\n\nPlease call [Your Gastroenterology Department/Clinic Phone Number] or ==gastroenterology subteam phone== to rebook.\n"
    report = litcheck.check_text(text)
    assert not [f for f in report.findings if f.rule.startswith(("words.", "jargon.", "sentences."))]


def test_a_field_whose_name_ends_in_a_number_is_a_field():
    """"[Patient Address Line 1]" and "[Room 3]" are fields to fill; a citation "[1]" and an
    author-year reference "[Smith 2019]" are not."""
    from litcheck.placeholders import find_placeholders

    text = "Dear [Patient Name],\n[Patient Address Line 1]\n[Address Line 2]\nPlease go to [Room 3]. See [1] and [Smith 2019]."
    assert [p.name for p in find_placeholders(text)] == ["Patient Name", "Patient Address Line 1", "Address Line 2", "Room 3"]


def test_a_long_example_for_the_writer_in_brackets_is_a_field_however_long():
    from litcheck import check_text

    text = (
        "Dear [Patient Name]\n\nYour scan shows that [e.g., the lump has got smaller since your last scan / "
        "there is no sign that the cancer has come back / your condition remains stable and well controlled]. "
        "Please call us if you have any questions.\n"
    )
    report = check_text(text)
    assert not [f for f in report.findings if f.text in ("e.g.", "remains")]
    assert any(p.name.startswith("e.g.,") and p.name.endswith("well controlled") for p in report.document.placeholders)
