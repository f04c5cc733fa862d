"""Write litcheck/prefilter_table.json: the words each of litcheck's own patterns cannot match
without (litcheck.prefilter), read once here so that no run parses the patterns again
(issue 20: a fourteenth of a letter's start-up).

    python scripts/build_prefilter_table.py

The patterns are those litcheck asks the prefilter about while it checks the samples and every
rule's examples. Run it after changing a rule's patterns or a word list: a pattern missing from
the table is still read when first asked about (the table only saves that time), and
tests/test_prefilter_table.py checks the table against reading the patterns.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def own_patterns() -> set[tuple[int, str]]:
    """(flags, source) of every pattern the prefilter is asked about while litcheck checks the
    samples and every rule's examples."""
    from litcheck import check_file, prefilter
    from litcheck.examples import run_all
    from litcheck.rulebook import load_rules

    seen: set[tuple[int, str]] = set()
    read = prefilter.read_clauses

    def recording(source: str, flags: int):
        seen.add((int(flags), source))
        return read(source, flags)

    shipped = prefilter._shipped
    prefilter.read_clauses, prefilter._shipped = recording, lambda: {}
    prefilter._PREFILTERS._kept.clear()
    prefilter._ON_USE._kept.clear()
    try:
        for path in sorted((ROOT / "samples").glob("*.*")):
            check_file(path)
        run_all(load_rules())
    finally:
        prefilter.read_clauses, prefilter._shipped = read, shipped
        prefilter._PREFILTERS._kept.clear()
        prefilter._ON_USE._kept.clear()
    return seen


def main() -> None:
    from litcheck.prefilter import TABLE, table_source

    keys = own_patterns()
    TABLE.write_text(table_source(keys), encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)} ({len(keys)} patterns)")


if __name__ == "__main__":
    main()
