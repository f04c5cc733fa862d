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
