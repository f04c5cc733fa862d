"""litcheck fix: a revised copy with the safe swaps, never touching the input."""

from pathlib import Path

import pytest

import litcheck
from litcheck.cli import main
from litcheck.fix import FixError, fix_file, output_path, revise

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _revise(text: str):
    return revise(litcheck.check_text(text))


def test_revised_copy_is_written_beside_the_input_and_the_input_is_unchanged(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text("Please do not commence fasting until midnight.\n")
    before = src.read_bytes()
    revision, target = fix_file(src)
    assert target == tmp_path / "letter.litcheck.txt"
    assert src.read_bytes() == before
    assert target.read_text() == "Please do not start fasting until midnight.\n"


def test_an_existing_revised_copy_is_not_replaced_without_force(tmp_path, capsys):
    src = tmp_path / "letter.txt"
    src.write_text("Please do not commence fasting.\n")
    output_path(src).write_text("mine")
    assert main(["fix", str(src)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert output_path(src).read_text() == "mine"
    assert main(["fix", "--force", str(src)]) == 0
    assert "start" in output_path(src).read_text()


def test_fix_refuses_to_write_over_its_input(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text("Please do not commence fasting.\n")
    with pytest.raises(FixError):
        fix_file(src, output=src, force=True)
    assert src.read_text() == "Please do not commence fasting.\n"


def test_markdown_is_revised_as_markdown(tmp_path):
    src = tmp_path / "leaflet.md"
    src.write_text("# Getting ready\n\n- Do not commence any new medicines.\n")
    _, target = fix_file(src)
    assert target.name == "leaflet.litcheck.md"
    assert target.read_text() == "# Getting ready\n\n- Do not start any new medicines.\n"


def test_case_is_kept():
    assert _revise("Commence fasting at midnight.").text == "Start fasting at midnight."


def test_placeholders_are_untouched():
    text = "Please commence fasting on [DATE] at {{ commence_time }}. Your «Utilise» clinic is booked.\n"
    revised = _revise(text).text
    assert "[DATE]" in revised and "{{ commence_time }}" in revised and "«Utilise»" in revised
    assert revised.startswith("Please start fasting")


def test_numbers_names_and_addresses_are_untouched():
    text = (
        "Mr John Commence\n14 Utilise Road\nGateshead\nNE8 9XX\n\n"
        "Dear Mr Commence\n\n"
        "Please do not commence any new tablets. Ask for Dr Utilise at the desk, or call 01632 960123.\n"
    )
    revised = _revise(text).text
    assert revised.startswith("Mr John Commence\n14 Utilise Road\nGateshead\nNE8 9XX\n\nDear Mr Commence\n")
    assert "Please do not start any new tablets." in revised
    assert "Dr Utilise" in revised and "01632 960123" in revised


def test_threats_are_left_for_a_person_with_the_reason():
    revision = _revise("Failure to attend will result in you being discharged back to your GP.")
    assert revision.text == revision.original.document.text
    reasons = {item.finding.rule: item.reason for item in revision.left}
    assert "rewording by a person" in reasons["tone.threat"]


def test_inflected_forms_are_not_given_a_base_form():
    revision = _revise("The room was utilised by another clinic.")
    assert "use by" not in revision.text


def test_fix_lowers_the_poor_letters_reading_age_and_finding_count(tmp_path, capsys):
    src = tmp_path / "poor_appointment_letter.txt"
    src.write_bytes((SAMPLES / "poor_appointment_letter.txt").read_bytes())
    assert main(["fix", str(src)]) == 0
    out = capsys.readouterr().out
    assert "Not changed automatically" in out and "tone.threat" in out
    before = litcheck.check_file(src)
    after = litcheck.check_file(output_path(src))
    assert after.readability.reading_age < before.readability.reading_age
    assert len(after.findings) < len(before.findings)
    assert "high blood pressure" in output_path(src).read_text()
    assert src.read_bytes() == (SAMPLES / "poor_appointment_letter.txt").read_bytes()
