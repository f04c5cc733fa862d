import dataclasses

import pytest

import litcheck


def test_public_api_is_pinned():
    assert sorted(litcheck.__all__) == sorted(
        [
            "__version__", "SCHEMA", "SEVERITIES", "EAST_CATEGORIES",
            "check_text", "check_file", "check_paths", "check_document", "annotate_docx",
            "read_file", "read_text", "load_rules",
            "Document", "Block", "Placeholder", "Finding", "Report", "DocumentReport",
            "LitcheckError", "InputError", "RuleError", "ConfigError",
        ]
    )
    for name in litcheck.__all__:
        assert hasattr(litcheck, name), name


def test_check_text_returns_reading_age_and_findings_with_offsets():
    text = "Please commence fasting at midnight. We will check your hypertension."
    report = litcheck.check_text(text)
    rules = {f.rule for f in report.findings}
    assert {"jargon.wordy", "jargon.medical"} <= rules
    for f in report.findings:
        assert text[f.start : f.end] == f.text
        assert f.line == 1 and f.column == f.start + 1
    assert report.readability.reading_age is not None


def test_finding_is_frozen():
    f = litcheck.check_text("We will check your hypertension.").findings[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "x"


def test_check_file_reads_markdown_with_file_lines(tmp_path):
    p = tmp_path / "leaflet.md"
    p.write_text("# Your test\n\nSome intro.\n\n- Do not commence eating.\n", encoding="utf-8")
    report = litcheck.check_file(p)
    f = next(f for f in report.findings if f.rule == "jargon.wordy")
    assert (f.line, f.column, f.text) == (5, 10, "commence")
    assert f.location == {"line": 5}


def test_check_paths_keeps_going_after_a_bad_file(tmp_path):
    (tmp_path / "a.txt").write_text("Please commence fasting.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    report = litcheck.check_paths([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "missing.txt"])
    assert [d.path for d in report.documents] == [str(tmp_path / "a.txt")]
    assert len(report.errors) == 2
    assert "is empty" in report.errors[0].message
    assert "no such file" in report.errors[1].message
