"""--compare-to REF: a pull request fails only when a letter it changes gets worse."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="git is needed")

GOOD = ("Dear patient,\n\nYour appointment is on Monday 3 March at 10am at the Heart Clinic, Ward 5, City Hospital.\n\n"
        "There is parking next to the main entrance.\n\nPlease bring your tablets.\n")


def _git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(repo)})


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "templates"
    (root / "letters").mkdir(parents=True)
    (root / "letters" / "heart.txt").write_text(GOOD)
    (root / "letters" / "old.md").write_text("We will check your hypertension.\n")
    (root / "letters" / "gone.txt").write_text("Please come.\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "letters")
    _git(root, "checkout", "-qb", "change")
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def test_an_existing_problem_in_a_changed_letter_does_not_fail(run_cli, repo):
    (repo / "letters" / "old.md").write_text("We will check your hypertension.\n\nPlease bring a friend.\n")
    code, out, err = run_cli("check", "--compare-to", "main", ".")
    assert code == 0, out + err
    assert "letters/old.md  not worse" in out and "Findings: 0 resolved, 0 new" in out
    assert "heart.txt" not in out  # unchanged letters are not checked


def test_a_letter_that_gets_worse_fails_with_each_reason(run_cli, repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    harder = GOOD.replace("There is parking next to the main entrance.",
                          "Subsequently, we will commence the echocardiogram to investigate your cardiovascular condition comprehensively.")
    (repo / "letters" / "heart.txt").write_text(harder)
    (repo / "letters" / "gone.txt").unlink()  # a deleted letter is not checked
    code, out, _ = run_cli("check", "--compare-to", "main", ".")
    assert code == 1
    line = next(l for l in out.splitlines() if l.startswith("letters/heart.txt"))
    assert "WORSE" in line and "reading age up" in line and "new warning" in line and "lost: parking" in line
    assert "+ 5:" in out and "echocardiogram" in out
    assert "gone.txt" not in out
    text = summary.read_text()
    assert "| `letters/heart.txt` |" in text and "→" in text and "practical detail lost: parking" in text


def test_fixing_a_letter_lists_what_was_resolved(run_cli, repo):
    (repo / "letters" / "old.md").write_text("We will check your blood pressure.\n")
    code, out, _ = run_cli("check", "--compare-to", "main", "letters/")
    assert code == 0 and "Findings: 1 resolved, 0 new" in out and "- jargon.medical" in out


def test_a_new_letter_counts_its_warnings_as_new_and_renames_are_followed(run_cli, repo):
    _git(repo, "mv", "letters/old.md", "letters/renamed.md")
    (repo / "letters" / "new.txt").write_text("Your echocardiogram is on Monday.\n")
    code, out, _ = run_cli("check", "--compare-to", "main", ".")
    assert code == 1
    assert "letters/renamed.md  not worse" in out  # compared with old.md at main
    assert "letters/new.txt  WORSE" in out and "Reading age: - ->" in out


def test_margin_and_fail_level_come_from_the_config(run_cli, repo):
    (repo / "letters" / "heart.txt").write_text(GOOD.replace("Please bring your tablets.", "Please bring your tablets. We will check your hypertension."))
    code, out, _ = run_cli("check", "--compare-to", "main", "letters/heart.txt")
    assert code == 1 and "1 new warning" in out  # by default a new warning counts
    (repo / "litcheck.toml").write_text('fail_on = "error"\nreading_age_margin = 20\n')
    code, out, _ = run_cli("check", "--compare-to", "main", "letters/heart.txt")
    assert code == 0 and "not worse" in out  # only new errors count, and 20 years of margin
    assert run_cli("check", "--compare-to", "main", "--fail-on", "warning", "letters/heart.txt")[0] == 1


def test_machine_formats_report_the_changed_letters_and_the_comparison_on_stderr(run_cli, repo):
    import json

    (repo / "letters" / "old.md").write_text("We will check your hypertension and your anaemia.\n")
    code, out, err = run_cli("check", "--compare-to", "main", "--format", "json", ".")
    assert code == 1
    assert [d["path"] for d in json.loads(out)["documents"]] == ["letters/old.md"]
    assert "letters/old.md  WORSE" in err


def test_an_unknown_revision_is_a_usage_error(run_cli, repo):
    code, _, err = run_cli("check", "--compare-to", "no-such-branch", ".")
    assert code == 2 and "no-such-branch" in err and "fetch-depth" in err
