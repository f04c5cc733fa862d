"""Issue 21: the headline reading age and the reading-age finding never contradict each
other: the same formula (Flesch-Kincaid for Easy Read), and the same whole years."""

from pathlib import Path

import litcheck
from litcheck.report import Report
from litcheck.reporters import text as text_reporter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _finding(report):
    return [f for f in report.findings if f.rule == "readability.reading_age"]


def test_easy_read_headline_uses_the_formula_its_target_is_checked_with():
    report = litcheck.check_file(SAMPLES / "easy_read_page.txt", profile="easy_read")
    r = report.readability
    assert r.basis == "flesch_kincaid"
    assert r.reading_age == r.flesch_kincaid_grade + 5
    assert r.smog is not None  # still given
    # the headline is under the Easy Read target of 9, and there is no finding saying otherwise
    assert round(r.reading_age) <= 9 and not _finding(report)


def test_text_headline_names_the_formula_it_shows():
    report = litcheck.check_file(SAMPLES / "easy_read_page.txt", profile="easy_read")
    out = text_reporter.render(Report(documents=[report]))
    assert "Flesch-Kincaid grade" in out.split("Reading age:")[1].split("\n")[0]


def _sentences_for_smog(poly_sentences: int, total: int = 30) -> str:
    """``total`` short sentences, ``poly_sentences`` of them with one word of 3 syllables."""
    plain = "We will see you soon."
    long = "We will see you on Saturday."
    return " ".join([long] * poly_sentences + [plain] * (total - poly_sentences))


def test_a_reading_age_shown_as_the_target_is_not_reported_as_over_it():
    # SMOG grade with 16 polysyllables in 30 sentences: 1.043 * sqrt(16) + 3.1291 = 7.30,
    # reading age 12.3: shown as 12, and the general target is 11, so a finding says 12.
    report = litcheck.check_text(_sentences_for_smog(16), profile="general")
    (f,) = _finding(report)
    assert f"reading age is {round(report.readability.reading_age)} " in f.message
    # 10 polysyllables: 1.043 * sqrt(10) + 3.1291 = 6.43, reading age 11.4: shown as 11,
    # which meets the target of 11: no finding.
    report = litcheck.check_text(_sentences_for_smog(10), profile="general")
    assert round(report.readability.reading_age) == 11
    assert not _finding(report)
