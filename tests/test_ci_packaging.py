"""What a user installs: an sdist that holds everything the tests and hosts read, a wheel with
py.typed and the data, the licence and the Python versions declared."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pytest.importorskip("hatchling")  # test extra
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "hatchling", "build", "-d", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return next(out.glob("*.tar.gz")), next(out.glob("*.whl"))


def _tracked(*prefixes: str) -> set[str]:
    listed = subprocess.run(["git", "ls-files", "-z", *prefixes], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    return {p for p in listed.stdout.split("\0") if p and (ROOT / p).exists()}


def test_sdist_holds_what_the_tests_and_the_ci_hosts_read(built):
    sdist, _ = built
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    needed = {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "action.yml", ".pre-commit-hooks.yaml", "litcheck/py.typed"}
    assert needed <= names, needed - names
    # every tracked file the test suite, the samples, the data and the rule pages need
    missing = _tracked("litcheck", "tests", "samples", "rules", "wordlists", "web", "docs/rules") - names
    assert not missing, sorted(missing)[:10]


def test_wheel_ships_py_typed_data_licence_and_python_versions(built):
    _, wheel = built
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "litcheck/py.typed" in names
    assert any(n.startswith("litcheck/_data/rules/") for n in names)
    assert any(n.endswith("licenses/LICENSE") or n.endswith("/LICENSE") for n in names)
    for version in ("3.10", "3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in metadata
    assert "Requires-Python: >=3.10" in metadata and "Typing :: Typed" in metadata


def test_licence_is_mit_for_litcheck_contributors():
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License") and "litcheck contributors" in text


def test_changelog_has_a_policy_on_rule_changes():
    text = (ROOT / "CHANGELOG.md").read_text()
    assert "## What counts as a breaking change" in text and "Rules are part of the interface" in text
