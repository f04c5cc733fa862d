"""The folder walk as CI needs it (.gitignore, litcheck's own outputs) and the library
honouring the same config files as the command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import litcheck
from litcheck.check import iter_files


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_walk_respects_gitignore_files_from_the_repository_top_down(tmp_path):
    _tree(tmp_path, {
        ".gitignore": "node_modules/\n*.draft.md\n/build\n",
        "letters/.gitignore": "!keep.draft.md\narchive/\n",
        "letters/a.md": "Hello.",
        "letters/node_modules/pkg/readme.md": "Hello.",
        "letters/b.draft.md": "Hello.",
        "letters/keep.draft.md": "Hello.",
        "letters/archive/old.txt": "Hello.",
        "build/out.html": "<p>Hello.</p>",
        "letters/build/in.txt": "Hello.",  # /build is anchored to the top
    })
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".git" / "info").mkdir(parents=True, exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("secret.txt\n")
    (tmp_path / "letters" / "secret.txt").write_text("Hello.")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path / "letters"]))
    assert found == ["letters/a.md", "letters/build/in.txt", "letters/keep.draft.md"]
    assert {p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])} == set(found)
    # a file named on its own is always checked
    assert list(iter_files([tmp_path / "letters/b.draft.md"])) == [tmp_path / "letters/b.draft.md"]


def test_walk_skips_litcheck_revised_copies_and_reviewed_files(tmp_path):
    _tree(tmp_path, {"a.txt": "x", "a.litcheck.txt": "x", "b.litcheck.html.j2": "x", "c.litcheck-review.docx": "x", "litcheck.md": "x"})
    assert sorted(p.name for p in iter_files([tmp_path])) == ["a.txt", "litcheck.md"]


def test_check_paths_honours_the_config_as_the_command_line_does(tmp_path, run_cli, monkeypatch):
    _tree(tmp_path, {
        "litcheck.toml": 'exclude = ["drafts/**"]\nignore = ["jargon.wordy"]\n[severity]\n"jargon.medical" = "error"\n[per_file_ignores]\n"letters/b.txt" = ["jargon"]\n',
        "letters/a.txt": "Please commence. We will check your hypertension.\n",
        "letters/b.txt": "We will check your hypertension.\n",
        "drafts/c.txt": "We will check your hypertension.\n",
    })
    monkeypatch.chdir(tmp_path)
    report = litcheck.check_paths(["."])
    found = {(Path(d.path).name, f.rule, f.severity) for d in report.documents for f in d.findings if f.rule.startswith("jargon")}
    assert found == {("a.txt", "jargon.medical", "error")}
    import json

    cli = json.loads(run_cli("check", "--format", "json", ".")[1])
    assert {(Path(d["path"]).name, f["rule"], f["severity"]) for d in cli["documents"] for f in d["findings"] if f["rule"].startswith("jargon")} == found
    # options given to the library beat the file, as flags do
    loose = litcheck.check_paths(["letters"], ignore=["tone"])
    assert any(f.rule == "jargon.wordy" for d in loose.documents for f in d.findings)
