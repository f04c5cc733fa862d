"""Suppressions as Word comments: `litcheck: ignore RULE` on the commented text of a .docx."""

from __future__ import annotations

import json


import docx  # python-docx >= 1.2 writes comments (pyproject pins it)

from litcheck import check_file
from litcheck.readers import read_file


def letter(path, comments):
    """A letter with 'hypertension' twice; ``comments`` maps a paragraph's key to a comment text."""
    d = docx.Document()
    d.add_paragraph("Dear Mr Smith,")
    p = d.add_paragraph("We will check your ")
    commented = p.add_run("hypertension")
    p.add_run(" at your visit.")
    d.add_paragraph("Next week we will check your hypertension again.")
    tablets = d.add_paragraph("Please bring your tablets with you.").runs[0]
    runs = {"commented": [commented], "tablets": [tablets]}
    for key, text in comments.items():
        d.add_comment(runs[key], text=text, author="Patient information team")
    d.save(path)
    return path


def test_reader_gives_word_comments_with_their_range_in_document_offsets(tmp_path):
    doc = read_file(letter(tmp_path / "a.docx", {"commented": "Known word here.\nlitcheck: ignore jargon"}))
    (comment,) = doc.comments
    assert doc.text[comment.start : comment.end] == "hypertension"
    assert comment.text == "Known word here.\nlitcheck: ignore jargon"
    assert "\U000f0000" not in doc.text and "  " not in doc.text  # the range marks leave no trace


def test_word_comment_silences_the_rule_on_the_commented_text_only(tmp_path):
    path = letter(tmp_path / "a.docx", {"commented": "litcheck: ignore jargon.medical"})
    report = check_file(path, select=["jargon.medical"])
    hits = [(f.text, dict(f.location)) for f in report.findings]
    assert hits == [("hypertension", {"paragraph": 3})]  # the one outside the comment


def test_word_comment_ignore_file_silences_the_whole_file(tmp_path):
    path = letter(tmp_path / "a.docx", {"tablets": "Reviewed.\nlitcheck: ignore-file jargon"})
    assert check_file(path, select=["jargon.medical"]).findings == []


def test_unused_word_comment_suppression_is_reported(tmp_path, run_cli):
    path = letter(tmp_path / "a.docx", {"commented": "litcheck: ignore jargon", "tablets": "litcheck: ignore tone.threat"})
    code, out, err = run_cli("check", "--select", "jargon.medical,litcheck", "--report-unused-ignores", "--format", "json", str(path))
    found = [(f["rule"], f["text"]) for d in json.loads(out)["documents"] for f in d["findings"]]
    assert ("litcheck.unused_ignore", "Please bring your tablets with you.") in found
    assert ("jargon.medical", "hypertension") in found  # the paragraph outside the comment
    assert len([r for r, _ in found if r == "jargon.medical"]) == 1
    quiet = run_cli("check", "--select", "jargon.medical,litcheck", "--format", "json", str(path))[1]
    assert all(f["rule"] != "litcheck.unused_ignore" for d in json.loads(quiet)["documents"] for f in d["findings"])
