"""Before and after (litcheck compare), the whole portfolio (litcheck report) and the
SHeLL-comparable measures (issue 18). The letters are litcheck's own, written for these tests."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

import litcheck
from litcheck.compare import compare

from tests import webfiles

#: an outpatient letter as many trusts send it
BEFORE = [
    "Dear Mr Okafor,",
    "Outpatient Appointment",
    "An appointment has been arranged for you to attend the Respiratory Clinic on Thursday 13 November 2025 at 2:15pm.",
    "The clinic is located in the Outpatients Department, Ground Floor, St Aidan's Hospital, Park Lane, Leeds LS1 4AB.",
    "During your consultation the physician will undertake spirometry in order to evaluate your pulmonary function.",
    "Please note that failure to attend will result in you being discharged back to the care of your GP.",
    "Should you require further information, please telephone the booking office on 0113 496 0123.",
    "Yours sincerely,",
    "Outpatient Booking Office",
]

#: the same letter rewritten in plain words (and, in one test, with a new phone number)
AFTER = [
    "Dear Mr Okafor,",
    "Your breathing clinic appointment",
    "Please come to the Respiratory Clinic on Thursday 13 November 2025 at 2:15pm.",
    "The clinic is in Outpatients, Ground Floor, St Aidan's Hospital, Park Lane, Leeds LS1 4AB.",
    "The visit takes about 45 minutes. You can park in the main car park.",
    "We will ask you to blow into a tube. This breathing test shows us how well your lungs work.",
    "You can bring a friend, relative or carer with you.",
    "If you need to change the time, or have a question, please call us on 0113 496 0123.",
    "Yours sincerely,",
    "Outpatient Booking Office",
]


def _write(path, lines):
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- compare ------------------------------------------------------------------------------


def test_txt_and_docx_of_the_same_letter_compare_as_the_same_letter(tmp_path, run_cli):
    txt = _write(tmp_path / "letter.txt", BEFORE)
    docx = tmp_path / "letter.docx"
    docx.write_bytes(webfiles.docx(BEFORE))
    c = compare(litcheck.check_file(txt), litcheck.check_file(docx))
    assert c.before.format == "txt" and c.after.format == "docx"
    assert c.facts == []
    assert c.details == []
    assert c.counts()["new"] == 0 and c.counts()["resolved"] == 0
    assert c.before.reading_age == pytest.approx(c.after.reading_age, abs=0.5)

    code, out, err = run_cli("compare", str(txt), str(docx))
    assert code == 0, err
    assert "Key facts: all the same" in out


def test_a_plain_rewrite_shows_reading_age_findings_details_and_who_can_read(tmp_path):
    c = compare(litcheck.check_file(_write(tmp_path / "old.txt", BEFORE)), litcheck.check_file(_write(tmp_path / "new.txt", AFTER)))
    assert c.after.reading_age < c.before.reading_age
    assert c.reading_age_change < 0
    assert "UK adults can read it" in c.headline()
    resolved = {r.rule for r in c.rules if r.resolved}
    assert {"tone.threat", "jargon.wordy"} <= resolved
    gained = {d.detail for d in c.details if d.status == "gained"}
    assert {"duration", "parking", "companion"} <= gained
    assert c.after.complex_language_share < c.before.complex_language_share
    d = c.to_dict()
    assert d["before"]["share_who_can_read"] is not None or d["before"]["who_can_read"]
    assert {"resolved", "new", "still", "by_rule"} <= set(d["findings"])


def test_a_changed_phone_number_is_a_changed_key_fact(tmp_path, run_cli):
    changed = [line.replace("0113 496 0123", "0113 496 0456") for line in AFTER]
    old, new = _write(tmp_path / "old.txt", BEFORE), _write(tmp_path / "new.txt", changed)
    c = compare(litcheck.check_file(old), litcheck.check_file(new))
    phones = [f for f in c.facts if f.kind == "phone"]
    assert phones and phones[0].status == "changed"
    assert "0123" in phones[0].before and "0456" in phones[0].after

    code, out, _ = run_cli("compare", "--format", "json", str(old), str(new))
    assert code == 0
    facts = json.loads(out)["comparison"]["key_facts"]
    assert {"kind": "phone", "status": "changed", "before": phones[0].before, "after": phones[0].after} in facts
    code, out, _ = run_cli("compare", str(old), str(new))
    assert re.search(r"changed phone: \"0113 496 0123\" -> \"0113 496 0456\"", out)


def test_a_sentence_made_harder_is_listed(tmp_path):
    old = ["Dear Ms Lee,", "Please bring your glasses and a list of your tablets to the clinic on Monday."] + ["We will check your eyes."] * 2
    new = ["Dear Ms Lee,", "Please bring your spectacles and a comprehensive list of your medications to the ophthalmology clinic on Monday."] + ["We will check your eyes."] * 2
    c = compare(litcheck.check_text("\n\n".join(old)), litcheck.check_text("\n\n".join(new)))
    assert c.harder and c.harder[0].before and "spectacles" in c.harder[0].after
    assert c.harder[0].grade_after > c.harder[0].grade_before


def test_compare_with_a_file_that_cannot_be_read_exits_2_with_one_line(tmp_path, run_cli):
    good = _write(tmp_path / "old.txt", BEFORE)
    bad = tmp_path / "new.docx"
    bad.write_bytes(b"PK\x03\x04 not really a Word file")
    code, out, err = run_cli("compare", str(good), str(bad))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "new.docx" in err
    code, out, err = run_cli("compare", str(tmp_path / "missing.txt"), str(good))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "missing.txt" in err


def test_compare_html_is_one_self_contained_file(tmp_path, run_cli):
    old, new = _write(tmp_path / "old.txt", BEFORE), _write(tmp_path / "new.txt", AFTER)
    out_file = tmp_path / "compare.html"
    code, _, err = run_cli("compare", "--format", "html", "-o", str(out_file), str(old), str(new))
    assert code == 0, err
    html = out_file.read_text(encoding="utf-8")
    _assert_self_contained(html)
    assert "Key facts" in html and "Findings by rule" in html


# --- report (the portfolio) ---------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "letters"
    root.mkdir()
    _write(root / "a_old_letter.txt", BEFORE)
    _write(root / "b_new_letter.md", AFTER)
    (root / "c_leaflet.docx").write_bytes(webfiles.docx([
        "Having a colonoscopy",
        "This leaflet tells you how to get ready for your colonoscopy, a test that looks inside your bowel.",
        "Do not eat for 24 hours before the test. You can drink clear fluids such as water or squash.",
        "Bring a list of your medicines and your glasses. The test takes about 30 minutes.",
        "Ring us on 0113 496 0800 if you have questions. We can book an interpreter for you.",
    ]))
    (root / "d_broken.docx").write_bytes(b"PK\x03\x04 damaged")
    return root


def _assert_self_contained(html: str) -> None:
    assert "<script" not in html.lower()
    assert not re.search(r"https?://", html), re.search(r".{60}https?://.{60}", html)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?!#|data:)""", html.replace('href="#', "")), "a link to another file"
    assert "@import" not in html and "url(" not in html


def test_report_over_a_folder_lists_the_bad_file_and_goes_on(folder, tmp_path, run_cli):
    out = tmp_path / "report.html"
    code, _, err = run_cli("report", str(folder), "-o", str(out), "--jobs", "1")
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert "d_broken.docx" in html and "Files that could not be read" in html
    for name in ("a_old_letter.txt", "b_new_letter.md", "c_leaflet.docx"):
        assert name in html
    assert "d_broken.docx" in err and "1 could not be read" in err


def test_report_html_is_self_contained_and_each_chart_has_a_table(folder, tmp_path, run_cli):
    out = tmp_path / "report.html"
    assert run_cli("report", str(folder), "-o", str(out), "--jobs", "1")[0] == 0
    html = out.read_text(encoding="utf-8")
    _assert_self_contained(html)
    charts = re.findall(r"<figure class=\"chart\">.*?</figure>\s*(<table.*?</table>)", html, re.S)
    assert len(charts) == html.count("<svg") == 3
    for table in charts:
        assert "the chart's figures" in table
    for svg in re.findall(r"<svg.*?>", html):
        assert 'role="img"' in svg and "aria-label=" in svg
    # the hardest documents link to their short reports in the same file
    for anchor in set(re.findall(r'href="#(doc-\d+)"', html)):
        assert f'id="{anchor}"' in html


def test_report_csv_has_one_row_per_document_and_one_per_bad_file(folder, run_cli):
    code, out, _ = run_cli("report", str(folder), "--format", "csv", "--jobs", "1")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["a_old_letter.txt", "b_new_letter.md", "c_leaflet.docx", "d_broken.docx"]
    old, new, leaflet, broken = rows
    assert float(old["reading_age"]) > float(new["reading_age"])
    assert old["over_target"] in ("yes", "no") and old["target"] == "11"
    assert "parking" in old["details_missing"] and new["detail_parking"] == "present"
    assert 0 <= float(old["complex_language_share"]) <= 1 and 0 <= float(old["lexical_density"]) <= 1
    assert broken["error"] and broken["reading_age"] == ""
    assert leaflet["profile"] == "procedure_leaflet"


def test_report_since_an_earlier_run_shows_what_improved(folder, tmp_path, run_cli):
    earlier = tmp_path / "earlier.json"
    assert run_cli("report", str(folder), "--format", "json", "-o", str(earlier), "--jobs", "1")[0] == 0
    _write(folder / "a_old_letter.txt", AFTER)  # the old letter rewritten
    code, out, _ = run_cli("report", str(folder), "--format", "json", "--since", str(earlier), "--jobs", "1")
    assert code == 0
    changes = {c["path"].rsplit("/", 1)[-1]: c for c in json.loads(out)["since"]["changes"]}
    assert changes["a_old_letter.txt"]["status"] == "improved"
    assert changes["b_new_letter.md"]["status"] == "same"
    assert "parking" in changes["a_old_letter.txt"]["details_gained"]
    html_out = tmp_path / "r.html"
    run_cli("report", str(folder), "-o", str(html_out), "--since", str(earlier), "--jobs", "1")
    assert "1 improved" in html_out.read_text(encoding="utf-8")
    # a check --format json run works as --since too
    check_json = tmp_path / "check.json"
    code, out, _ = run_cli("check", "--format", "json", str(folder / "b_new_letter.md"))
    check_json.write_text(out, encoding="utf-8")
    assert run_cli("report", str(folder), "--format", "json", "--since", str(check_json), "--jobs", "1")[0] == 0


def test_report_since_a_file_that_is_not_a_report_exits_2(folder, tmp_path, run_cli):
    bad = tmp_path / "old.json"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run_cli("report", str(folder), "--since", str(bad))
    assert code == 2 and "old.json" in err and len(err.strip().splitlines()) == 1


def test_workers_send_back_summary_rows_not_documents(folder):
    from litcheck.portfolio import Row, summarise_path

    row = summarise_path(str(folder / "a_old_letter.txt"))
    assert isinstance(row, Row)
    assert not hasattr(row, "__dict__")  # slots: nothing else can be hung on it
    assert len(row.top) <= 8 and all(len(t[3]) <= 90 for t in row.top)
    assert "document" not in Row.__slots__


# --- SHeLL-comparable measures ------------------------------------------------------------


def test_complex_language_and_lexical_density_are_in_every_report():
    hard = litcheck.check_text("The consultant will perform a bronchoscopy and spirometry to assess your COPD and dyspnoea.")
    plain = litcheck.check_text("We will look at your lungs and ask you to blow into a tube to see how well you breathe.")
    h, p = hard.readability.to_dict(), plain.readability.to_dict()
    assert h["complex_language_share"] > p["complex_language_share"]
    assert h["language_counts"]["acronyms"] == 1  # COPD
    assert h["language_counts"]["jargon"] >= 2
    assert h["lexical_density"] > p["lexical_density"]
    assert 0 <= p["complex_language_share"] <= 1 and 0 <= p["lexical_density"] <= 1


def test_measures_are_null_without_words():
    r = litcheck.check_text("").readability.to_dict()
    assert r["complex_language_share"] is None and r["lexical_density"] is None


def test_the_report_with_the_new_measures_follows_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from litcheck.report import Report

    from pathlib import Path

    schema = json.loads((Path(litcheck.__file__).parent / "schema" / "report-1.json").read_text(encoding="utf-8"))
    doc = litcheck.check_text("\n\n".join(BEFORE))
    jsonschema.validate(Report(documents=[doc]).to_dict(), schema)


def test_explain_gives_each_measure_its_definition(run_cli):
    code, out, _ = run_cli("explain", "complex_language")
    assert code == 0 and "jargon" in out and "acronyms" in out and "uncommon" in out
    code, out, _ = run_cli("explain", "lexical_density")
    assert code == 0 and "stop list" in out


# --- the upload page: upload two versions --------------------------------------------------


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("flask")
    from litcheck.web import create_app

    return create_app({"TESTING": True, "LITCHECK_WORKERS": 1}).test_client()


def _token(client) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)


def _versions(before: bytes, before_name: str, after: bytes, after_name: str) -> dict:
    return {"before": (io.BytesIO(before), before_name), "after": (io.BytesIO(after), after_name)}


def test_upload_page_offers_two_versions_with_csrf(client):
    page = client.get("/")
    assert 'action="/compare"' in page.text and 'id="before"' in page.text and 'id="after"' in page.text
    assert page.text.count('name="csrf_token"') == 2


def test_upload_two_versions_shows_what_changed(client):
    before = "\n\n".join(BEFORE).encode()
    after = webfiles.docx([line.replace("0113 496 0123", "0113 496 0456") for line in AFTER])
    page = client.post("/compare", data={"csrf_token": _token(client), **_versions(before, "old.txt", after, "new.docx")},
                       content_type="multipart/form-data")
    assert page.status_code == 200, page.text
    assert "Before and after" in page.text and "Key facts" in page.text
    assert "0113 496 0456" in page.text
    assert "data:application/json;base64," in page.text
    assert "<script" not in page.text


def test_compare_form_needs_both_files_and_a_token(client):
    before = "\n\n".join(BEFORE).encode()
    page = client.post("/compare", data={"csrf_token": _token(client), "before": (io.BytesIO(before), "old.txt")},
                       content_type="multipart/form-data")
    assert page.status_code == 400 and 'id="after-error"' in page.text
    page = client.post("/compare", data=_versions(before, "old.txt", before, "new.txt"), content_type="multipart/form-data")
    assert page.status_code == 400


def test_compare_of_an_unreadable_version_says_so_on_the_page(client):
    before = "\n\n".join(BEFORE).encode()
    page = client.post("/compare", data={"csrf_token": _token(client), **_versions(before, "old.txt", b"%PDF-1.4 broken", "new.pdf")},
                       content_type="multipart/form-data")
    assert page.status_code == 422 and 'id="after-error"' in page.text
