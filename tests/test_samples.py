"""Sample documents double as end-to-end tests: each has its expected report beside it.

A change in litcheck's output shows up as a change to samples/expected/ in review. After
an intended change, regenerate with:

    LITCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_samples.py
"""

import json
import os

import pytest

import litcheck
from litcheck.report import Report
from litcheck.reporters import render

from .conftest import ROOT, SAMPLES

NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_file())  # expected/ holds .out and .json only
UPDATE = os.environ.get("LITCHECK_UPDATE_SNAPSHOTS") == "1"


def report_for(name: str) -> Report:
    cwd = os.getcwd()
    os.chdir(ROOT)  # paths in the report are relative, as a user would type them
    try:
        return litcheck.check_paths([f"samples/{name}"])
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("name", NAMES)
def test_sample_report_matches_expected(name):
    report = report_for(name)
    text = render(report, "text")
    data = report.to_dict()
    data["litcheck_version"] = "*"
    as_json = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    expected_dir = SAMPLES / "expected"
    for suffix, got in ((".out", text), (".json", as_json)):
        path = expected_dir / f"{name}{suffix}"
        if UPDATE:
            expected_dir.mkdir(exist_ok=True)
            path.write_text(got, encoding="utf-8")
        assert path.exists(), f"no expected report: run LITCHECK_UPDATE_SNAPSHOTS=1 python -m pytest {__file__}"
        assert got == path.read_text(encoding="utf-8"), f"{path.name} changed: review, then regenerate"


def test_poor_letter_is_much_harder_than_the_good_one():
    poor = report_for("poor_appointment_letter.txt").documents[0]
    good = report_for("good_appointment_letter.txt").documents[0]
    assert poor.readability.reading_age > good.readability.reading_age + 3
    assert len(poor.findings) > 2 * len(good.findings)
    assert poor.worst() == 3 and good.worst() < 3


def test_easy_read_page_has_few_findings():
    doc = report_for("easy_read_page.txt").documents[0]
    assert len(doc.findings) <= 3, [(f.rule, f.text) for f in doc.findings]
