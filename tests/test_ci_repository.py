"""litcheck as CI runs it: the installed console script over a git repository of templates."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LITCHECK = Path(sys.executable).parent / "litcheck"

CONFIG = """\
fail_on = "warning"
select = ["jargon", "tone", "litcheck"]
ignore = ["jargon.wordy"]
exclude = ["drafts/**"]

[profiles]
"letters/**" = "appointment_letter"

[reading_age]
appointment_letter = 10

[severity]
"jargon.medical" = "warning"
"""

FILES = {
    "letters/cardiology.md": """\
        # Your heart clinic appointment

        Please commence fasting at midnight.

        <!-- litcheck: ignore jargon.medical -->
        We will check your hypertension.

        Bring your tablets with you.
        """,
    "letters/invite.html.j2": """\
        <html><body>
        <h1>Your appointment</h1>
        {# litcheck: ignore jargon #}
        <p>We will check your hypertension, {{ patient.first_name }}.</p>
        <p>Please call us if you cannot come.</p>
        </body></html>
        """,
    "leaflets/scan.md.njk": """\
        # Your scan

        The scan is quick. {% if fasting %}Do not eat before it.{% endif %}
        """,
    "drafts/old.txt": "We will check your hypertension.\n",
    "notes.csv": "not,a,letter\n",
}


def litcheck(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """The installed console script, run in the repository as CI runs it."""
    return subprocess.run([str(LITCHECK), "check", *args], cwd=repo, capture_output=True, text=True, timeout=120)


@pytest.fixture
def inproc(run_cli, monkeypatch):
    """The same command in this process (faster), for the finer points."""

    def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
        monkeypatch.chdir(repo)
        code, out, err = run_cli("check", *args)
        return subprocess.CompletedProcess(args, code, out, err)

    return run


@pytest.fixture
def repo(tmp_path) -> Path:
    assert LITCHECK.exists(), "the litcheck console script is missing: pip install -e '.[test]'"
    root = tmp_path / "templates"
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    (root / "litcheck.toml").write_text(CONFIG)
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "."], cwd=root, check=True)
    return root


def findings(result) -> list[tuple[str, str, str]]:
    data = json.loads(result.stdout)
    return [(d["path"], f["rule"], f["text"]) for d in data["documents"] for f in d["findings"]]


def test_config_select_ignore_exclude_profiles_and_suppressions(repo):
    (repo / "letters/cardiology.md").write_text((repo / "letters/cardiology.md").read_text() + "\nYour anaemia is low.\n")
    result = litcheck(repo, "--format", "json", ".")
    assert result.returncode == 1, result.stderr  # fail_on = "warning": jargon.medical is a warning
    data = json.loads(result.stdout)
    paths = [d["path"] for d in data["documents"]]
    assert not any("drafts" in p for p in paths)  # exclude
    assert not any(p.endswith(".csv") for p in paths)  # other types skipped silently
    assert {Path(p).name for p in paths} == {"cardiology.md", "invite.html.j2", "scan.md.njk"}
    profiles = {Path(d["path"]).name: d["profile"] for d in data["documents"]}
    assert profiles["cardiology.md"] == "appointment_letter" and profiles["scan.md.njk"] != "appointment_letter"
    found = findings(result)
    rules = {rule for _, rule, _ in found}
    assert "jargon.wordy" not in rules  # ignore: "commence" is not reported
    assert all(rule.startswith(("jargon", "tone", "litcheck")) for rule in rules)  # select
    texts = [text.lower() for _, _, text in found]
    assert "hypertension" not in texts  # suppressed in Markdown and in the Jinja template
    assert "anaemia" in texts  # the unsuppressed paragraph is still checked


def test_fail_on_from_the_command_line_beats_the_file(repo, inproc):
    assert inproc(repo, "--fail-on", "error", ".").returncode == 0
    (repo / "litcheck.toml").write_text(CONFIG.replace('fail_on = "warning"', 'fail_on = "never"'))
    (repo / "letters/new.txt").write_text("Your anaemia is low.\n")
    assert inproc(repo, ".").returncode == 0
    assert inproc(repo, "--fail-on", "warning", ".").returncode == 1


def test_unknown_config_key_is_exit_2_naming_file_and_key(repo):
    (repo / "litcheck.toml").write_text(CONFIG.replace("ignore =", "ingore ="))
    result = litcheck(repo, ".")
    assert result.returncode == 2
    assert "litcheck.toml" in result.stderr and "ingore" in result.stderr and "did you mean 'ignore'" in result.stderr
    assert "Traceback" not in result.stderr


def test_pyproject_table_and_nearest_config_wins(repo, inproc):
    (repo / "litcheck.toml").unlink()
    (repo / "pyproject.toml").write_text("[project]\nname = 'letters'\n\n[tool.litcheck]\nfail_on = \"never\"\n")
    (repo / "leaflets/litcheck.toml").write_text('fail_on = "warning"\nselect = ["jargon.medical"]\n')
    (repo / "leaflets/bp.txt").write_text("We will check your hypertension.\n")
    result = inproc(repo, "--format", "json", "leaflets/bp.txt", "letters/cardiology.md")
    found = findings(result)
    assert any(p.endswith("bp.txt") and rule == "jargon.medical" for p, rule, _ in found)
    (repo / "pyproject.toml").write_text("[tool.litcheck]\nfail_onn = \"never\"\n")
    result = inproc(repo, "letters/")
    assert result.returncode == 2 and "tool.litcheck.fail_onn" in result.stderr


def test_baseline_passes_then_fails_only_on_the_new_finding(repo):
    (repo / "letters/cardiology.md").write_text((repo / "letters/cardiology.md").read_text() + "\nYour anaemia is low.\n")
    assert litcheck(repo, ".").returncode == 1
    written = litcheck(repo, "--write-baseline", "litcheck-baseline.json", ".")
    assert written.returncode == 0, written.stderr
    assert "anaemia" not in (repo / "litcheck-baseline.json").read_text().lower()  # hashes, not patient text
    known = litcheck(repo, "--baseline", "litcheck-baseline.json", ".")
    assert known.returncode == 0, known.stdout
    # lines move and a new jargon word arrives: only the new one is reported
    text = (repo / "letters/cardiology.md").read_text()
    (repo / "letters/cardiology.md").write_text("Dear patient,\n\n" + text + "\nYou may need an echocardiogram.\n")
    result = litcheck(repo, "--baseline", "litcheck-baseline.json", "--format", "json", ".")
    assert result.returncode == 1
    assert [t.lower() for _, _, t in findings(result)] == ["echocardiogram"]
    assert json.loads(result.stdout)["baseline"]["known"] >= 1


def test_baselined_finding_that_disappears_is_reported_as_fixed(repo, inproc):
    (repo / "letters/new.txt").write_text("Your anaemia is low.\n")
    assert inproc(repo, "--write-baseline", "base.json", ".").returncode == 0
    (repo / "litcheck.toml").write_text('baseline = "base.json"\n' + CONFIG)
    (repo / "letters/new.txt").write_text("Your blood count is low.\n")
    result = inproc(repo, ".")
    assert result.returncode == 0
    assert "Fixed since the baseline: letters/new.txt: jargon.medical" in result.stdout
    data = json.loads(inproc(repo, "--format", "json", ".").stdout)
    assert {"path": "letters/new.txt", "rule": "jargon.medical"} in data["baseline"]["fixed"]


def test_unused_suppressions_are_reported_when_asked(repo, inproc):
    (repo / "letters/plain.md").write_text("<!-- litcheck: ignore tone.threat -->\nPlease come to the clinic.\n")
    result = inproc(repo, "--report-unused-ignores", "--format", "json", "letters/plain.md")
    assert [(rule, t) for _, rule, t in findings(result)] == [("litcheck.unused_ignore", "<!-- litcheck: ignore tone.threat -->")]
    quiet = inproc(repo, "--format", "json", "letters/plain.md")
    assert findings(quiet) == []


def test_ignore_file_and_per_file_ignores(repo, inproc):
    (repo / "letters/a.md").write_text("<!-- litcheck: ignore-file jargon.medical -->\n\nHypertension.\n\nMore hypertension.\n")
    (repo / "letters/b.txt").write_text("We will check your hypertension.\n")
    (repo / "litcheck.toml").write_text(CONFIG + '\n[per_file_ignores]\n"letters/b.txt" = ["jargon"]\n')
    result = inproc(repo, "--format", "json", "letters/a.md", "letters/b.txt")
    assert findings(result) == []


def test_named_file_of_unknown_type_is_still_an_error(repo, inproc):
    result = inproc(repo, "notes.csv")
    assert result.returncode == 2 and "notes.csv" in result.stderr
    assert "'.csv'" in result.stderr and ".docx" in result.stderr and ".j2" in result.stderr and ".njk" in result.stderr
