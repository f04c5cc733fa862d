"""Write litcheck/details/scan_table.json: how the matches of litcheck's own detail, profile,
key-facts and rule patterns begin (litcheck.details.scan), read once here so that no run reads
them again.

    python scripts/build_scan_table.py

Run it after changing a pattern in litcheck/details/, a profile's detect pattern or a rule (a pattern
missing from the table is still read, when first used: the table only saves that time).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rule_patterns() -> list:
    """The compiled patterns of litcheck's own rules (``analysers.patterns.matches`` searches
    them through the scan), each once."""
    import re

    from litcheck.rulebook import load_rules
    from litcheck.textpatterns import PatternOnUse

    found = {}
    for rule in load_rules():
        for value in vars(rule).values():
            if isinstance(value, PatternOnUse):  # litcheck's own rules: compiled when first used
                value = value.compiled()
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    return list(found.values())


def main() -> None:
    from litcheck.details.profiles import own_patterns
    from litcheck.details.scan import table_source

    path = ROOT / "litcheck" / "details" / "scan_table.json"
    own = own_patterns()
    known = {(p.pattern, p.flags) for p in own}
    rules = [p for p in rule_patterns() if (p.pattern, p.flags) not in known]
    path.write_text(table_source(own + rules), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
