"""Write litcheck/rules_snapshot.marshal: litcheck's own rule and profile files (rules/**/*.yml)
parsed once here, so that start-up does not parse their YAML again (issue 20; PyYAML is then
not even imported).

    python scripts/build_rule_snapshot.py

Each file is keyed by a digest of its text: a file changed since the snapshot was built (or an
organisation's own rule file) is simply parsed as before, so a stale snapshot only costs time
(tests/test_rule_snapshot.py checks it is current). marshal's format is Python's own: a
snapshot written by another Python version is not used.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def own_files() -> list[Path]:
    """Every YAML file under litcheck's rules/ folder (the rules and the document profiles)."""
    from litcheck.data import data_dir

    return sorted(p for p in data_dir("rules").rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def main() -> None:
    from litcheck.rule import SNAPSHOT, snapshot_bytes

    files = own_files()
    SNAPSHOT.write_bytes(snapshot_bytes(files))
    print(f"wrote {SNAPSHOT.relative_to(ROOT)} ({len(files)} files)")


if __name__ == "__main__":
    main()
