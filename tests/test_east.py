"""The EAST summary: counts and 'what is good / what to change first' per category."""

import json
from pathlib import Path

import jsonschema
import pytest

import litcheck
from litcheck.findings import EAST_CATEGORIES

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SCHEMA = json.loads((Path(litcheck.__file__).parent / "schema" / "report-1.json").read_text())


def test_every_document_has_an_east_summary_with_all_four_categories():
    report = litcheck.check_text("We will check your hypertension.")
    assert set(report.to_dict()["east"]) == set(EAST_CATEGORIES)


def test_east_counts_match_the_findings_in_each_category():
    report = litcheck.check_file(SAMPLES / "poor_appointment_letter.txt")
    east = report.to_dict()["east"]
    for name in EAST_CATEGORIES:
        assert east[name]["findings"] == sum(1 for f in report.findings if f.east == name)


def test_threat_is_what_to_change_first_in_attractive():
    report = litcheck.check_file(SAMPLES / "poor_appointment_letter.txt")
    first = report.to_dict()["east"]["attractive"]["change_first"]
    assert first["rule"] == "tone.threat" and first["line"] == 29


def test_negative_norm_is_what_to_change_first_in_social():
    report = litcheck.check_file(SAMPLES / "poor_appointment_letter.txt")
    assert report.to_dict()["east"]["social"]["change_first"]["rule"] == "social.negative_norm"


def test_good_letter_is_praised_for_what_it_does_well():
    east = litcheck.check_file(SAMPLES / "good_appointment_letter.txt").to_dict()["east"]
    assert "offers a reminder" in east["timely"]["good"]
    assert "no threats" in east["attractive"]["good"]
    assert east["social"]["findings"] == 0 and east["social"]["change_first"] is None


def test_whole_letter_checks_are_not_praised_where_they_do_not_apply():
    east = litcheck.check_text("Take one tablet a day with food.").to_dict()["east"]
    assert "offers a reminder" not in east["timely"]["good"]


@pytest.mark.parametrize("name", ["poor_appointment_letter.txt", "good_appointment_letter.txt"])
def test_east_summary_fits_the_json_schema(name):
    batch = litcheck.check_paths([SAMPLES / name])
    jsonschema.validate(batch.to_dict(), SCHEMA)


def test_text_report_shows_the_east_summary(capsys):
    from litcheck.cli import main

    main(["check", str(SAMPLES / "poor_appointment_letter.txt")])
    out = capsys.readouterr().out
    assert "EAST summary" in out and "Change first: line 29 'Failure to attend' (tone.threat)" in out


def test_a_check_switched_off_is_not_praised():
    import litcheck

    text = "Dear Mr Khan\n\nYour appointment is on Monday 3 March at 10am. We look forward to seeing you.\n"
    on = litcheck.check_text(text, profile="appointment_letter").sections["east"].to_dict()
    off = litcheck.check_text(text, profile="appointment_letter", ignore=["social"]).sections["east"].to_dict()
    assert on["social"]["good"], "the social checks found nothing, so they are praised"
    assert off["social"]["good"] == []


def test_hard_sentences_are_not_praised_as_short():
    import litcheck

    long = ("In order to facilitate a comprehensive assessment of your cardiovascular condition, it is "
            "anticipated that you will undergo an echocardiogram and electrocardiography investigations.")
    east = litcheck.check_text(long, profile="general").sections["east"].to_dict()
    assert "no long sentences" not in east["easy"]["good"]
