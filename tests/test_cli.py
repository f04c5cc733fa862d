import json
from importlib import resources

import jsonschema
import pytest


def schema():
    return json.loads(resources.files("litcheck").joinpath("schema/report-1.json").read_text())


def test_samples_folder_exits_1_because_of_the_poor_letter(run_cli, samples):
    code, out, err = run_cli("check", str(samples))
    assert code == 1
    assert err == ""
    assert "poor_appointment_letter.txt" in out and "Reading age" in out
    assert "tone.threat" in out


def test_good_letter_passes_at_the_default_fail_level(run_cli, samples):
    code, out, _ = run_cli("check", str(samples / "good_appointment_letter.txt"))
    assert code == 0, out


def test_json_output_matches_the_published_schema(run_cli, samples):
    code, out, _ = run_cli("check", "--format", "json", str(samples))
    data = json.loads(out)
    jsonschema.validate(data, schema())
    assert data["schema"] == 1
    assert len(data["documents"]) == 4
    f = data["documents"][0]["findings"][0]
    assert {"rule", "severity", "east", "message", "text", "start", "end", "line", "column", "suggestions"} <= set(f)


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("missing.txt", None, "no such file"),
        ("letter.xyz", b"hello", "cannot read '.xyz' files"),
        ("letter.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
        ("junk.txt", bytes(range(256)) * 4, "does not look like a text file"),
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"  \n\n ", "is empty"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(run_cli, tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_cli("check", str(path))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in err


def test_batch_keeps_checking_after_a_bad_file(run_cli, tmp_path, samples):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, err = run_cli("check", "--format", "json", str(bad), str(samples / "poor_appointment_letter.txt"))
    assert code == 2
    data = json.loads(out)
    assert [d["path"] for d in data["documents"]] == [str(samples / "poor_appointment_letter.txt")]
    assert data["errors"][0]["path"] == str(bad)
    assert "is empty" in err


def test_fail_on_levels(run_cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Please commence fasting at midnight.", encoding="utf-8")  # a suggestion only
    assert run_cli("check", str(p))[0] == 0
    assert run_cli("check", "--fail-on", "suggestion", str(p))[0] == 1
    assert run_cli("check", "--fail-on", "never", str(p))[0] == 0


def test_select_and_ignore_by_prefix(run_cli, samples):
    path = str(samples / "poor_appointment_letter.txt")
    _, out, _ = run_cli("check", "--format", "json", "--select", "jargon", "--ignore", "jargon.wordy", path)
    rules = {f["rule"] for f in json.loads(out)["documents"][0]["findings"]}
    assert rules == {"jargon.medical"}


def test_standard_input(run_cli, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Failure to attend will result in discharge."))
    code, out, _ = run_cli("check", "-")
    assert code == 1 and "tone.threat" in out


def test_usage_error_is_exit_2(run_cli):
    code, _, err = run_cli("check", "--format", "yaml", "x.txt")
    assert code == 2 and "invalid choice" in err and len(err.strip().splitlines()) == 1


def test_rules_lists_every_rule(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "jargon.medical" in out and "tone.threat" in out


def test_explain_says_why_and_what_instead(run_cli):
    code, out, _ = run_cli("explain", "jargon.medical")
    assert code == 0
    for heading in ("Why it matters", "What to write instead", "Example to avoid", "Better", "Sources"):
        assert heading in out


def test_explain_unknown_rule_is_exit_2(run_cli):
    code, _, err = run_cli("explain", "jargon.nope")
    assert code == 2 and "no rule called 'jargon.nope'" in err


@pytest.mark.parametrize("argv", [["--no-such-option"], ["rules"]])
def test_the_console_command_reads_its_command_line_with_the_collector_at_rest(argv, capsys, monkeypatch):
    import gc

    import litcheck.cli as cli

    during = []
    build = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: during.append(gc.isenabled()) or build())
    try:
        cli.main(argv, own_process=True)
        assert during == [False] and gc.isenabled()  # on again once the command line is read
    finally:
        gc.enable()
        gc.unfreeze()
