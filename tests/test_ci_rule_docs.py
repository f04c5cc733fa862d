"""Each rule has a documentation page in docs/rules/ (SARIF helpUri points at it), made from
its rule file by scripts/generate_rule_docs.py as `litcheck explain RULE --format markdown`."""

from __future__ import annotations

from pathlib import Path

from litcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_every_rule_has_its_page_and_every_page_a_rule():
    rules = {r.id for r in load_rules()}
    pages = {p.stem for p in (ROOT / "docs" / "rules").glob("*.md")} - {"README"}
    assert rules - pages == set(), "run: python scripts/generate_rule_docs.py"
    assert pages - rules == set(), "run: python scripts/generate_rule_docs.py"


def test_explain_markdown_has_ruffs_headings(run_cli):
    code, out, _ = run_cli("explain", "jargon.medical", "--format", "markdown")
    assert code == 0
    for heading in ("# jargon.medical", "## What it does", "## Why it matters", "## Example", "## Use instead", "## Sources"):
        assert heading in out
    assert "Generated from rules/jargon/medical.yml" in out


def test_the_generator_writes_the_explain_page(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_rule_docs", ROOT / "scripts" / "generate_rule_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    assert module.main([]) == 0
    assert module.main(["--check"]) == 0
    assert "| [tone.threat](tone.threat.md) | error |" in (tmp_path / "README.md").read_text()
    (tmp_path / "tone.threat.md").write_text("stale")
    assert module.main(["--check"]) == 1
