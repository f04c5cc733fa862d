"""DocumentReport.readability is what every check measures: the reading age with the two
SHeLL-comparable measures (MeasuredReadability), read as such by the JSON, the page, compare
and the portfolio. Letter text is our own."""

from __future__ import annotations

import json
import re
import typing
from urllib.parse import unquote

import pytest

import litcheck
from litcheck.check import check_document
from litcheck.compare import compare
from litcheck.portfolio import summarise
from litcheck.readability import MeasuredReadability
from litcheck.report import DocumentReport, Report
from litcheck.reporters import json_report

LETTER = (
    "Dear Mrs Begum,\n\nYou have been referred to the respiratory clinic for spirometry. The test measures "
    "how much air you can breathe out and how fast. Please do not use your blue inhaler for six hours "
    "before your appointment.\n\nIf you need to change the date, call us on 0300 555 0163.\n\nYours sincerely\n"
)


def test_the_field_is_typed_as_what_it_holds():
    hint = typing.get_type_hints(DocumentReport)["readability"]
    assert MeasuredReadability in typing.get_args(hint)
    report = litcheck.check_text(LETTER)
    assert isinstance(report.readability, MeasuredReadability)
    assert report.readability.language_counts.words > 0


def test_the_json_carries_the_shell_measures():
    report = litcheck.check_text(LETTER)
    data = json.loads(json_report.render(Report(documents=[report])))["documents"][0]["readability"]
    assert data["lexical_density"] == round(report.readability.lexical_density, 3)
    assert data["complex_language_share"] == round(report.readability.complex_language_share, 3)
    assert data["reading_age"] == round(report.readability.reading_age, 1)


def test_a_findings_only_check_has_no_readability_and_its_json_says_so():
    report = check_document(litcheck.readers.read_text(LETTER, "txt", None), summary=False)
    assert report.readability is None
    assert report.to_dict()["readability"] is None


def test_compare_and_the_portfolio_read_the_measured_report():
    before = litcheck.check_text(LETTER)
    after = litcheck.check_text(LETTER.replace("for spirometry", "for a breathing test"))
    c = compare(before, after)
    assert c.before.lexical_density == before.readability.lexical_density
    assert summarise(after).complex_language_share == pytest.approx(after.readability.complex_language_share)


def test_the_page_shows_the_reading_age_and_its_json_the_measures():
    pytest.importorskip("flask")
    from litcheck.web import create_app

    client = create_app({"TESTING": True}).test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
    page = client.post("/", data={"csrf_token": token, "kind": "", "text": LETTER})
    assert page.status_code == 200 and "Reading age" in page.text
    url = re.search(r'href="data:application/json;charset=utf-8,([^"]+)"', page.text).group(1)
    data = json.loads(unquote(url))["documents"][0]["readability"]
    assert data["lexical_density"] is not None and data["complex_language_share"] is not None
