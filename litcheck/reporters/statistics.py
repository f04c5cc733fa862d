"""``--statistics``: how many findings each rule made, most first (as ruff and flake8 do)."""

from __future__ import annotations

from collections import Counter


def render(report, **_options) -> str:
    counts = Counter((f.rule, f.severity) for d in report.documents for f in d.findings)
    if not counts:
        return "No findings.\n"
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    width = max(len(str(n)) for n in counts.values())
    return "".join(f"{n:>{width}}  {rule:<24} {sev}\n" for (rule, sev), n in rows)
