"""Write docs/rules/RULE.md for every rule (and docs/rules/README.md, the index), from the
rule files, as ``litcheck explain RULE --format markdown`` prints them.

    python scripts/generate_rule_docs.py           # write the pages
    python scripts/generate_rule_docs.py --check   # exit 1 if a page is missing or stale

SARIF's ``helpUri`` points at these pages (``LITCHECK_RULE_DOCS_URL``; the GitHub Action sets
it to this repository's docs/rules/ at the action's version). tests/test_ci_rule_docs.py
runs ``--check``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from litcheck.cli.explain import rule_markdown  # noqa: E402
from litcheck.rulebook import load_rules  # noqa: E402

OUT = ROOT / "docs" / "rules"


def pages() -> dict[str, str]:
    rules = sorted(load_rules(), key=lambda r: r.id)
    out = {}
    rows = ["# litcheck's rules", "", "One page a rule, made from its rule file by scripts/generate_rule_docs.py.", "",
            "| rule | severity | EAST | what it finds |", "|---|---|---|---|"]
    for rule in rules:
        try:
            source = Path(rule.path).resolve().relative_to(ROOT).as_posix()
        except ValueError:
            source = None
        out[f"{rule.id}.md"] = rule_markdown(rule, source)
        default = "" if rule.enabled else " (off by default)"
        rows.append(f"| [{rule.id}]({rule.id}.md) | {rule.severity}{default} | {rule.east or ''} | {' '.join(rule.description.split())} |")
    out["README.md"] = "\n".join(rows) + "\n"
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 if a page differs")
    args = ap.parse_args(argv)
    wanted = pages()
    stale = [name for name, text in wanted.items() if not (OUT / name).is_file() or (OUT / name).read_text(encoding="utf-8") != text]
    extra = sorted(p.name for p in OUT.glob("*.md") if p.name not in wanted) if OUT.is_dir() else []
    if args.check:
        for name in stale:
            print(f"docs/rules/{name}: missing or stale", file=sys.stderr)
        for name in extra:
            print(f"docs/rules/{name}: no such rule", file=sys.stderr)
        if stale or extra:
            print("run: python scripts/generate_rule_docs.py", file=sys.stderr)
        return 1 if stale or extra else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (OUT / name).write_text(wanted[name], encoding="utf-8")
    for name in extra:
        (OUT / name).unlink()
    print(f"docs/rules: {len(stale)} written, {len(extra)} removed, {len(wanted)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
