"""Prove a speed change left the findings alone: fingerprint every finding on a corpus, then compare.

    python bench/bench_same.py save before.json      # on the code before the change
    python bench/bench_same.py save after.json       # on the code after it
    python bench/bench_same.py diff before.json after.json

The corpus is our samples (``samples/``), the real public texts and files in the shared data
folder (``--data``, used by path only: nothing of their text is kept, only rule ids,
positions and a hash of each message) and ``--letters`` synthetic letters from
``bench_check.make_letter``. For each document it records the document kind, the reading
age, every finding (rule, line, column, offsets, a hash of its message and suggestions) and a
hash of everything else in the report (kind, checklist, measures). ``diff`` prints the documents
that differ and exits 1 when any does, so it can gate a refactor that must not change
behaviour (issue 20: "findings identical before and after").

Run it with ``PYTHONPATH`` set to the source tree you want to measure, since a checkout's
``bench/`` folder is what Python puts first on its path.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_letter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _corpus(data: Path, letters: int):
    for path in sorted((ROOT / "samples").glob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            yield f"samples/{path.name}", path, None
    for sub in ("real-texts/docs", "real-files/docs"):
        folder = data / sub
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in SUFFIXES:
                    yield f"{sub}/{path.name}", path, None
    rng = random.Random(20)
    for i in range(letters):
        yield f"synthetic/{i:04d}", None, make_letter(rng)


def fingerprint(report) -> dict:
    data = report.to_dict()
    findings = [
        [f.get("rule"), f.get("line"), f.get("column"), f.get("start"), f.get("end"),
         _digest([f.get(k) for k in ("severity", "east", "message", "text", "suggestions", "location")])]
        for f in data.get("findings", [])
    ]
    rest = {k: v for k, v in data.items() if k not in {"findings", "path", "timings", "elapsed"}}
    return {"findings": findings, "rest": _digest(rest)}


def save(out: Path, data: Path, letters: int) -> None:
    if not (data / "real-texts").is_dir():
        # a worktree elsewhere has no ../shared/data: without the real texts the proof is thin
        raise SystemExit(f"bench_same: no real texts under {data}; give --data /path/to/shared/data")
    import litcheck
    from litcheck.errors import LitcheckError

    result = {}
    for name, path, text in _corpus(data, letters):
        try:
            report = litcheck.check_file(path) if path is not None else litcheck.check_text(text)
        except LitcheckError as exc:  # an unreadable file: its error is its fingerprint
            result[name] = {"error": type(exc).__name__}
            continue
        result[name] = fingerprint(report)
    out.write_text(json.dumps(result, indent=1, sort_keys=True))
    print(f"{len(result)} documents fingerprinted into {out}")


def diff(before: Path, after: Path) -> int:
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    changed = 0
    for name in sorted(set(a) | set(b)):
        if a.get(name) == b.get(name):
            continue
        changed += 1
        old, new = a.get(name) or {}, b.get(name) or {}
        of, nf = {tuple(x) for x in old.get("findings", [])}, {tuple(x) for x in new.get("findings", [])}
        print(f"{name}:")
        for x in sorted(of - nf, key=str):
            print(f"  - {x[0]} line {x[1]} col {x[2]}")
        for x in sorted(nf - of, key=str):
            print(f"  + {x[0]} line {x[1]} col {x[2]}")
        if of == nf:
            print("  (same findings; order, summary, checklist or draft differs)")
    print(f"{changed} of {len(set(a) | set(b))} documents differ")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save")
    s.add_argument("out", type=Path)
    s.add_argument("--data", type=Path, default=DEFAULT_DATA)
    s.add_argument("--letters", type=int, default=200)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.command == "save":
        save(args.out, args.data, args.letters)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
