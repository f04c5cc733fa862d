"""The upload page, through Flask's test client (a fresh app per test)."""

from __future__ import annotations

import base64
import html
import importlib
import io
import json
import re
from urllib.parse import unquote

import pytest

pytest.importorskip("flask", reason="the upload page needs Flask (pip install -e '.[test]')")

from litcheck import readers  # noqa: E402
from litcheck.web import create_app  # noqa: E402

from . import webfiles  # noqa: E402

POOR = "samples/poor_appointment_letter.txt"
LETTER = [
    "Dear Mr Smith,",
    "You have been referred to the cardiology clinic for further investigation of your hypertension.",
    "Please commence fasting prior to your appointment.",
    "Failure to attend will result in you being discharged back to your GP.",
]





@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def token(client) -> str:
    page = client.get("/")
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def upload(client, data: bytes, name: str, **fields):
    form = {"csrf_token": token(client), "kind": "", "file": (io.BytesIO(data), name), **fields}
    return client.post("/", data=form, content_type="multipart/form-data")


def paste(client, text: str, **fields):
    return client.post("/", data={"csrf_token": token(client), "kind": "", "text": text, **fields})


def report_json(page) -> dict:
    url = re.search(r'href="data:application/json;charset=utf-8,([^"]+)"', page.text).group(1)
    return json.loads(unquote(url))


def assert_report(page, *words):
    assert page.status_code == 200, page.text
    assert "Reading age" in page.text and 'class="big-number"' in page.text
    assert "<mark" in page.text
    for word in words:
        assert re.search(rf"<mark[^>]*>.*?{word}", page.text, re.S), word


def test_form_has_labelled_fields_and_csrf_token(client):
    page = client.get("/")
    assert page.status_code == 200
    for field in ("file", "text", "kind"):
        assert f'<label for="{field}">' in page.text and f'id="{field}"' in page.text
    assert 'name="csrf_token"' in page.text


def test_text_upload_shows_reading_age_highlights_and_explanations(client, samples):
    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "poor_appointment_letter.txt")
    assert_report(page, "hypertension")
    assert re.search(r"About \d+% of UK adults can read", page.text)
    assert "Source:" in page.text
    assert "Why this matters" in page.text and "What to write instead" in page.text
    assert "high blood pressure" in page.text  # a suggestion


def test_each_finding_has_a_row_and_each_that_points_at_text_a_mark_with_severity_in_colour_and_words(client, samples):
    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "letter.txt")
    data = report_json(page)["documents"][0]
    for n, finding in enumerate(data["findings"], start=1):
        assert f'id="finding-{n}"' in page.text
        assert (f'id="mark-{n}"' in page.text) == (finding["end"] > finding["start"])
    # a number only on errors and warnings, with the severity in words for a screen reader
    tags = re.findall(r'<a class="tag"[^>]*>(.*?)</a>', page.text)
    assert tags and all(re.fullmatch(r'<span class="visually-hidden">(Error|Warning) </span>\d+', t) for t in tags)
    suggestions = re.findall(r'<mark class="finding sev-suggestion[^"]*" id="mark-\d+">(?:<span id="mark-\d+"></span>)*(<a class="tag")?', page.text)
    assert suggestions and not any(suggestions)
    # a legend says what each colour and underline means
    assert "solid red underline" in page.text and "dashed orange underline" in page.text and "dotted grey underline" in page.text


def test_findings_are_grouped_by_rule_with_one_row_per_term_and_its_count(client, samples):
    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "letter.txt")
    data = report_json(page)["documents"][0]
    wordy = [f for f in data["findings"] if f["rule"] == "jargon.wordy"]
    group = re.search(r'<details class="rule-group sev-suggestion"[^>]*>\s*<summary>.*?\((\d+)\)</span></summary>.*?</details>', page.text, re.S)
    groups = re.findall(r'<details class="rule-group (sev-\w+)"', page.text)
    assert groups == sorted(groups, key=["sev-error", "sev-warning", "sev-suggestion"].index)  # errors first
    assert group
    rows = {}
    for text in {f["text"].lower() for f in wordy}:
        rows[text] = sum(1 for f in wordy if f["text"].lower() == text)
    repeated = [t for t, n in rows.items() if n > 1]
    if repeated:
        assert f"{rows[repeated[0]]} times" in page.text
    # references by paragraph and heading, never by line
    assert "line 2" not in page.text.lower() and re.search(r'paragraph \d+ under \u201c', page.text)


def test_the_first_section_says_what_to_fix_first(client, samples):
    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "letter.txt")
    first = page.text.index('id="fix-first-title"')
    assert first < page.text.index('id="section-details-title"') < page.text.index('id="all-title"') < page.text.index('id="text-title"')
    section = re.search(r'<section class="fix-first".*?</section>', page.text, re.S).group(0)
    items = re.findall(r'<li class="fix-item sev-(\w+)">', section)
    assert 1 <= len(items) <= 5 and items[0] == "error"
    assert "Too high:" in section and "aim for 9 to 11" in section
    assert section.count("<strong>Try:</strong>") + section.count("<strong>Add:</strong>") + section.count(" \u2192 <q>") >= len(items)


def test_downloads_come_in_the_order_people_need_them(client):
    page = upload(client, webfiles.docx(LETTER), "letter.docx")
    reviewed = page.text.index("Download your reviewed Word file")
    assert reviewed < page.text.index("Download the full report as data (JSON)")
    page = paste(client, TEMPLATE)
    assert page.text.index("Download a revised draft") < page.text.index("What the draft changes") < page.text.index("(JSON)")


def test_word_headings_lists_and_tables_are_kept_in_the_marked_text():
    from litcheck.readers import read_text

    present = importlib.import_module("litcheck.web.present")
    document = read_text("# Your appointment\n\nPlease commence fasting.\n\n- Bring your medication\n- Bring your glasses\n\n## Parking\n\nThere is parking.\n", "md")
    parts = present.structured_text(document, [])
    kinds = [p["kind"] if p["kind"] != "block" else p["block"].kind for p in parts]
    assert kinds == ["heading", "paragraph", "list", "heading", "paragraph"]
    assert [p.get("tag") for p in parts if p["kind"] == "block" and p["block"].kind == "heading"] == ["h3", "h4"]
    assert len(parts[2]["items"]) == 2
    places = dict(present.places(document))
    assert "paragraph 1 under \u201cYour appointment\u201d" in places.values()


def test_a_welsh_and_english_letter_says_only_the_english_was_checked(client):
    text = ("Annwyl Mr Jones,\n\nByddwn yn anfon neges destun atoch y diwrnod cyn eich apwyntiad.\n\n"
            "Dear Mr Jones,\n\nWe will send you a text message the day before your appointment.\n")
    page = paste(client, text)
    assert "This letter is in English and <strong>Welsh</strong>. litcheck checked the English part only" in page.text


def test_language_names_come_from_the_word_table():
    from litcheck.web import languages

    assert languages.name_language("Rydym wedi trefnu apwyntiad i chi yn yr ysbyty.") == "Welsh"
    assert languages.name_language("Prosimy o kontakt z nami, jeśli pan nie może przyjść na wizytę.") == "Polish"
    assert languages.name_language("\u0622\u067e \u06a9\u06cc \u0645\u0644\u0627\u0642\u0627\u062a") == "Arabic script"
    assert languages.name_language("Please come to the clinic.") is None


def test_an_expired_form_keeps_the_pasted_text(client):
    client.get("/")
    page = client.post("/", data={"csrf_token": "stale", "kind": "", "text": "Please commence fasting."})
    assert page.status_code == 400
    assert "Your text is still in the box" in page.text
    assert ">Please commence fasting.</textarea>" in page.text


def test_whole_letter_findings_are_listed_with_message_suggestion_and_explanation_not_marked(client, samples):
    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "letter.txt")
    findings = report_json(page)["documents"][0]["findings"]
    whole = [(n, f) for n, f in enumerate(findings, start=1) if f["start"] == f["end"]]
    assert any(f["rule"] == "details.parking" for _, f in whole)
    section = re.search(r'<section class="whole-letter".*?</section>', page.text, re.S).group(0)
    assert "About the whole letter" in section
    text_at = page.text.index('id="text-title"')
    assert page.text.index('id="whole-title"') < text_at  # above the text
    for n, f in whole:
        item = re.search(rf'<li id="finding-{n}" class="finding-item whole-item.*?</li>', section, re.S).group(0)
        assert html.escape(f["message"], quote=False) in item
        assert html.escape(f["suggestions"][0], quote=False) in item
        assert "Why this matters" in item
        assert f'id="mark-{n}"' not in page.text
    # the first words of the letter carry only the findings that point at them
    first = re.search(r'<div class="document-text">(.*?)</div>', page.text, re.S).group(1)[:400]
    assert not any(f'id="mark-{n}"' in first for n, _ in whole)


def test_marked_text_leaves_findings_without_a_span_out():
    present = importlib.import_module("litcheck.web.present")
    from litcheck.findings import Finding

    def finding(start, end):
        return Finding(rule="x.y", severity="warning", east=None, message="m", text="", start=start, end=end, line=1, column=1)

    runs = present.marked_text("Hello there.", [finding(0, 0), finding(6, 11)])
    marks = [r for r in runs if not isinstance(r, str)]
    assert [(m.start, m.end, m.numbers) for m in marks] == [(6, 11, [2])]
    assert runs[0] == "Hello "
    assert [n for n, _ in present.whole_document([finding(0, 0), finding(6, 11)])] == [1]


def test_markdown_upload_is_checked(client, samples):
    page = upload(client, (samples / "procedure_leaflet.md").read_bytes(), "leaflet.md")
    assert_report(page)
    assert report_json(page)["documents"][0]["format"] == "md"


def test_pasted_text_is_checked(client):
    page = paste(client, "\n\n".join(LETTER))
    assert_report(page, "hypertension")
    assert report_json(page)["documents"][0]["path"] == "pasted text"


def test_json_download_follows_the_schema(client, samples):
    jsonschema = pytest.importorskip("jsonschema")
    from litcheck.data import data_dir  # noqa: F401

    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "poor.txt")
    data = report_json(page)
    schema = json.loads((samples.parent / "litcheck" / "schema" / "report-1.json").read_text())
    jsonschema.validate(data, schema)
    assert re.search(r'download="poor\.litcheck\.json"', page.text)


def test_sections_are_shown_when_the_report_has_them(client, samples):
    page = upload(client, (samples / "poor_appointment_letter.txt").read_bytes(), "poor.txt")
    data = report_json(page)["documents"][0]
    for name, title in (("details", "Practical details checklist"), ("east", "EAST summary")):
        assert (title in page.text) == (name in data)


def test_docx_upload_is_checked(client):
    page = upload(client, webfiles.docx(LETTER), "letter.docx")
    assert_report(page, "hypertension")
    assert report_json(page)["documents"][0]["format"] == "docx"


def test_pdf_upload_is_checked(client):
    page = upload(client, webfiles.pdf(LETTER), "letter.pdf")
    assert_report(page, "hypertension")


def test_html_upload_is_checked(client):
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in LETTER) + "</body></html>"
    page = upload(client, html.encode(), "letter.html")
    assert_report(page, "hypertension")


def test_upload_over_the_limit_gets_413_and_a_friendly_page():
    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 64 * 1024}).test_client()
    page = upload(client, b"word " * 20000, "big.txt")
    assert page.status_code == 413
    assert "This file is too large" in page.text and "0.0625 MB" in page.text


def test_default_upload_limit_is_10_mb(app):
    assert app.config["MAX_CONTENT_LENGTH"] == 10 * 1024 * 1024


def test_docx_zip_bomb_is_refused_before_parsing(client):
    page = upload(client, webfiles.zip_bomb_docx(60), "letter.docx")
    assert page.status_code in (400, 422)
    assert "zip bomb" in page.text or "unpack" in page.text
    assert "<mark" not in page.text


def test_file_whose_content_does_not_match_its_name_is_refused(client):
    page = upload(client, webfiles.pdf(LETTER), "letter.docx")
    assert page.status_code in (400, 422)
    # the same words as the command line (one set of checks in litcheck.readers)
    assert "letter.docx: is really a PDF, not what its name says: rename it to end in .pdf" in page.text


def test_binary_file_named_txt_is_refused(client):
    page = upload(client, webfiles.docx(LETTER), "letter.txt")
    assert page.status_code in (400, 422)
    assert "letter.txt: is really a Word (.docx) file, not what its name says" in page.text


def test_unknown_file_type_gets_the_cli_message(client):
    page = upload(client, b"hello", "letter.doc")
    assert page.status_code in (400, 422)
    assert "letter.doc: is an old Word (.doc) file" in page.text


def test_error_is_linked_to_its_field(client):
    page = upload(client, b"   ", "empty.txt")
    assert page.status_code in (400, 422)
    assert "empty.txt: is empty: there is no text to check" in page.text
    assert 'aria-describedby="file-hint file-error"' in page.text and 'aria-invalid="true"' in page.text
    assert '<a href="#file">' in page.text


def test_empty_form_asks_for_a_file_or_text(client):
    page = client.post("/", data={"csrf_token": token(client), "kind": "", "text": ""})
    assert page.status_code == 400
    assert "Choose a file to upload, or paste the text" in page.text


def test_letter_containing_html_is_shown_as_text(client):
    text = "Dear patient,\n\n<script>alert('x')</script> Please commence fasting. <b>Bold</b>\n"
    page = paste(client, text)
    assert page.status_code == 200
    assert "<script>" not in page.text and "<b>Bold</b>" not in page.text
    assert "&lt;script&gt;alert(" in page.text


def test_html_in_a_file_name_is_escaped(client):
    page = upload(client, b"Please commence fasting.", "<img src=x onerror=alert(1)>.txt")
    assert "<img src=x" not in page.text


def test_post_without_csrf_token_is_refused(client):
    page = client.post("/", data={"kind": "", "text": "Please commence fasting."})
    assert page.status_code == 400
    assert "This form has expired" in page.text
    assert "<mark" not in page.text


def test_post_with_a_wrong_csrf_token_is_refused(client):
    token(client)
    page = client.post("/", data={"csrf_token": "forged", "text": "Please commence fasting."})
    assert page.status_code == 400 and "<mark" not in page.text


def test_security_headers_are_sent(client):
    page = client.get("/")
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["Cache-Control"] == "no-store"
    cookie = page.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_slow_check_is_stopped_at_the_time_limit_with_422_and_its_worker_replaced():
    import os
    import time

    app = create_app({"TESTING": True, "LITCHECK_TIME_LIMIT": 1.0, "LITCHECK_WORKERS": 1,
                      "LITCHECK_CHECK_HOOK": "tests.webhooks:slow_check"})
    pool = app.extensions["litcheck_pool"]
    client = app.test_client()
    [stuck] = pool.pids()
    started = time.monotonic()
    page = paste(client, "SLOW. Please commence fasting.")
    assert page.status_code == 422
    assert "took longer than 1 seconds" in page.text
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        os.kill(stuck, 0)  # the stuck worker is gone, not left running
    [fresh] = pool.pids()
    assert fresh != stuck
    assert_report(paste(client, "\n\n".join(LETTER)), "hypertension")  # the new worker checks the next upload


def test_workers_are_processes_made_once_per_app(app, client):
    import os

    pids = app.extensions["litcheck_pool"].pids()
    assert len(pids) == app.config["LITCHECK_WORKERS"] and os.getpid() not in pids
    paste(client, "Please commence fasting.")
    paste(client, "Please commence fasting.")
    assert app.extensions["litcheck_pool"].pids() == pids


def draft_of(page) -> tuple[str, bytes]:
    link = re.search(r'<a class="button" href="data:([^;,"]+)[^,"]*;base64,([^"]+)" download="([^"]+)">Download (a revised draft|your reviewed Word file)', page.text)
    assert link, "no revised draft offered"
    return link.group(3), base64.b64decode(link.group(2))


TEMPLATE = "Dear [PATIENT NAME],\n\nYour appointment is on [DATE] at \u00abClinic\u00bb.\n\nPlease commence fasting prior to your appointment. We will endeavour to assist you.\n"


def test_revised_draft_of_pasted_text_has_plain_words_and_keeps_placeholders(client):
    page = paste(client, TEMPLATE)
    name, data = draft_of(page)
    text = data.decode("utf-8")
    assert name == "pasted-text.litcheck.txt"
    assert "Please start fasting before your appointment. We will try to help you." in text
    assert "Dear [PATIENT NAME]," in text and "[DATE]" in text and "\u00abClinic\u00bb" in text
    assert "commence" not in text
    assert "A revised draft with 4 safe changes." in page.text
    # the change list beside the draft: where, before, after and why, one row per change
    assert "<summary>What the draft changes (4)</summary>" in page.text
    assert "<td>commence</td><td>start</td>" in page.text and "<td>endeavour</td><td>try</td>" in page.text


def test_revised_draft_of_a_markdown_upload_keeps_its_format_and_line_endings(client):
    source = ("# Your appointment\r\n\r\n" + TEMPLATE.replace("\n", "\r\n")).encode("utf-8")
    name, data = draft_of(upload(client, source, "clinic letter.md"))
    assert name == "clinic-letter.litcheck.md"
    text = data.decode("utf-8")
    assert text.startswith("# Your appointment\r\n") and "\r\n" in text and "start fasting" in text
    assert "[DATE]" in text


def test_a_word_upload_comes_back_reviewed_with_comments_and_tracked_changes(client):
    import io
    import zipfile

    page = upload(client, webfiles.docx(TEMPLATE.split("\n\n")), "letter.docx")
    assert page.status_code == 200
    assert "Download your reviewed Word file" in page.text
    name, data = draft_of(page)
    assert name == "letter.litcheck-review.docx" and data.startswith(b"PK")
    # accepting every change gives the plain words; the old words are kept as tracked deletions
    text = readers.read_bytes(data, "docx", name).text
    assert "start fasting before your appointment" in text and "[DATE]" in text and "commence" not in text
    package = zipfile.ZipFile(io.BytesIO(data))
    xml = package.read("word/document.xml").decode("utf-8")
    assert 'w:author="litcheck"' in xml and "<w:delText" in xml and ">commence<" in xml
    assert "commence" in package.read("word/comments.xml").decode("utf-8")


def test_upload_is_not_written_to_disk_or_logged(client, samples, monkeypatch, caplog, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    caplog.set_level("DEBUG")
    text = (samples / "poor_appointment_letter.txt").read_bytes() * 40  # about 70 KB: over no spool limit, but a real size
    page = upload(client, text, "poor.txt")
    assert page.status_code in (200, 422)
    assert list(tmp_path.iterdir()) == []
    assert "hypertension" not in caplog.text


def test_large_upload_stays_in_memory(app):
    request_class = app.request_class
    stream = request_class._get_file_stream(None, 2 * 1024 * 1024, "text/plain", "a.txt")
    assert isinstance(stream, io.BytesIO)


def test_unknown_page_is_404_with_a_page(client):
    page = client.get("/nowhere")
    assert page.status_code == 404 and "Page not found" in page.text
