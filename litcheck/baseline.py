"""Baselines: adopt litcheck on an existing repository and fail only on new problems.

``--write-baseline FILE`` records today's findings as fingerprints; ``--baseline FILE`` (or
the config key ``baseline``) marks findings whose fingerprint is recorded as known (they do
not fail the run) and reports recorded fingerprints that no longer occur as fixed.

A fingerprint is a hash of the rule id, the file's path (relative, forward slashes), the
matched text (whitespace and case folded) and its occurrence index among findings of that
rule and text in that file. Line numbers are not used, so fingerprints survive lines moving.
The baseline file holds only hashes and counts, never patient text.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .paths import ci_path

VERSION = 1


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprints(findings, path: str) -> list[str]:
    """One fingerprint per finding, in order."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        key = (f.rule, _norm(f.text))
        index = seen[key]
        seen[key] += 1
        raw = "\x1f".join((f.rule, path, key[1], str(index)))
        out.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32])
    return out


def _doc_path(path: str) -> str:
    return ci_path(path)


@dataclass
class Baseline:
    #: fingerprint -> (path, rule)
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def from_report(cls, report) -> "Baseline":
        b = cls()
        for doc in report.documents:
            path = _doc_path(doc.path)
            for f, fp in zip(doc.findings, fingerprints(doc.findings, path)):
                b.entries[fp] = (path, f.rule)
        return b

    @classmethod
    def load(cls, file: str | Path) -> "Baseline":
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
            if data.get("litcheck_baseline") != VERSION:
                raise ValueError("not a litcheck baseline (version 1)")
            return cls({e["fingerprint"]: (e["path"], e["rule"]) for e in data["findings"]})
        except FileNotFoundError:
            raise ConfigError(f"{file}: baseline file not found (write one with --write-baseline {file})") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{file}: not a valid baseline file: {exc}") from None

    def write(self, file: str | Path) -> None:
        findings = [{"fingerprint": fp, "path": p, "rule": r} for fp, (p, r) in sorted(self.entries.items(), key=lambda kv: (kv[1], kv[0]))]
        Path(file).write_text(json.dumps({"litcheck_baseline": VERSION, "findings": findings}, indent=1) + "\n", encoding="utf-8")

    def apply(self, report) -> "BaselineResult":
        """Move known findings out of each document's findings; return what was known and fixed."""
        known = []
        seen = set()
        checked = set()
        for doc in report.documents:
            path = _doc_path(doc.path)
            checked.add(path)
            keep = []
            for f, fp in zip(doc.findings, fingerprints(doc.findings, path)):
                if fp in self.entries:
                    seen.add(fp)
                    known.append((path, f))
                else:
                    keep.append(f)
            doc.findings[:] = keep
        fixed = sorted(
            (p, r) for fp, (p, r) in self.entries.items() if fp not in seen and p in checked
        )
        return BaselineResult(known=known, fixed=fixed)


@dataclass
class BaselineResult:
    known: list = field(default_factory=list)  #: (path, Finding) recorded in the baseline
    fixed: list = field(default_factory=list)  #: (path, rule) recorded but no longer found

    def to_dict(self) -> dict:
        return {
            "known": len(self.known),
            "fixed": [{"path": p, "rule": r} for p, r in self.fixed],
        }

    def text_lines(self) -> list[str]:
        lines = [f"Baseline: {len(self.known)} known finding{'s' if len(self.known) != 1 else ''} not counted."]
        for p, r in self.fixed:
            lines.append(f"Fixed since the baseline: {p}: {r}")
        return lines
