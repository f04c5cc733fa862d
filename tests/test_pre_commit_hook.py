"""pre-commit itself runs the litcheck hook on a temporary repository of templates.

The hook definition (name, files pattern, entry) is read from this repository's
.pre-commit-hooks.yaml. It runs as a `repo: local` hook with `language: system` pointing at
the installed console script: `language: python` would make pre-commit build a fresh
environment with spaCy from the package index, which takes minutes and needs the network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_pre_commit_runs_the_hook_and_fails_on_jargon(tmp_path):
    pre_commit = BIN / "pre-commit"
    assert pre_commit.exists() and shutil.which("git") and (BIN / "litcheck").exists(), "pre-commit (test extra), git and the litcheck script are needed"
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]
    assert hook["id"] == "litcheck" and hook["entry"] == "litcheck check --format concise"
    repo = tmp_path / "letters"
    repo.mkdir()
    local = dict(hook, language="system", entry=str(BIN / "litcheck") + " check --format concise --fail-on warning")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}))
    (repo / "invite.md.njk").write_text("# Your appointment\n\nWe will check your hypertension, {{ name }}.\n")
    (repo / "notes.py").write_text("print('not a letter')\n")
    (repo / "invite.litcheck.md.njk").write_text("We will check your hypertension.\n")  # litcheck's own revised copy
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, env=env, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("add", ".")
    run = lambda: subprocess.run([str(pre_commit), "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=120)  # noqa: E731
    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "hypertension" in failed.stdout and "notes.py" not in failed.stdout
    # one line per finding that an editor can jump to: path:line:col: severity rule message
    assert re.search(r"^invite\.md\.njk:3:\d+: warning jargon\.medical .*hypertension", failed.stdout, re.M), failed.stdout
    assert "invite.litcheck" not in failed.stdout
    (repo / "invite.md.njk").write_text("# Your appointment\n\nWe will check your blood pressure, {{ name }}.\n")
    git("add", ".")
    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
