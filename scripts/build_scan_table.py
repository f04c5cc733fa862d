"""Write litcheck/details/scan_table.json: how the matches of litcheck's own detail and profile
patterns begin (litcheck.details.scan), read once here so that no run reads them again.

    python scripts/build_scan_table.py

Run it after changing a pattern in litcheck/details/ or a profile's detect pattern (a pattern
missing from the table is still read, when first used: the table only saves that time).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from litcheck.details.profiles import own_patterns
    from litcheck.details.scan import table_source

    path = ROOT / "litcheck" / "details" / "scan_table.json"
    path.write_text(table_source(own_patterns()), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
