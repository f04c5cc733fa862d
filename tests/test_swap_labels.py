"""The labelled swap benchmark (tests/data/swaps/labels.tsv) is well-formed.

The labels judge the word swaps ``litcheck fix`` makes on the real public texts in
``../shared/data`` (see tests/data/swaps/README.md; bench/bench_fix.py re-runs them).
The format is always checked; that each labelled document exists is checked only where
the shared data is present (a CI clone has the labels but not the third-party texts).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SWAPS = ROOT / "tests" / "data" / "swaps"
LABELS = SWAPS / "labels.tsv"
DATA = ROOT.parent / "shared" / "data"
COLUMNS = ["doc", "rule", "before", "after", "occurrence", "verdict", "reason"]
VERDICTS = {"right", "wrong", "debatable"}
DOC = re.compile(r"^real-(texts|files)/[\w.-]+\.(txt|docx|pdf)$")
RULE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
PATTERN = re.compile(r"^([a-zA-Z/ -]+): \S")


def _lines() -> list[str]:
    return LABELS.read_text(encoding="utf-8").splitlines()


def _rows() -> list[dict]:
    with LABELS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_header_and_columns():
    lines = _lines()
    assert lines[0].split("\t") == COLUMNS
    for n, line in enumerate(lines[1:], start=2):
        assert line.count("\t") == len(COLUMNS) - 1, f"line {n}: {len(line.split(chr(9)))} columns"


def test_values():
    for n, row in enumerate(_rows(), start=2):
        where = f"line {n}"
        assert DOC.match(row["doc"]), f"{where}: doc {row['doc']!r}"
        assert RULE.match(row["rule"]), f"{where}: rule {row['rule']!r}"
        assert row["before"].strip() == row["before"] and row["before"], where
        # an empty "after" is words left out ("Please note that" at a sentence start)
        assert row["after"].strip() == row["after"] and (row["after"] or row["rule"].startswith("style.")), where
        assert row["before"] != row["after"], where
        assert row["occurrence"].isdigit() and int(row["occurrence"]) >= 1, f"{where}: occurrence {row['occurrence']!r}"
        assert row["verdict"] in VERDICTS, f"{where}: verdict {row['verdict']!r}"
        assert row["reason"].strip() and len(row["reason"]) <= 160, f"{where}: reason must be one short line"


def test_no_third_party_sentences():
    """Labels hold the swapped words, never sentences from the texts."""
    for n, row in enumerate(_rows(), start=2):
        for col in ("before", "after"):
            assert len(row[col].split()) <= 12, f"line {n}: {col} is too long to be a swap"


def test_wrong_and_debatable_name_their_pattern():
    patterns = set()
    for n, row in enumerate(_rows(), start=2):
        if row["verdict"] != "right":
            m = PATTERN.match(row["reason"])
            assert m, f"line {n}: a {row['verdict']} label starts with its pattern ('sense: ...')"
            if row["verdict"] == "wrong":
                patterns.add(m.group(1))
    readme = (SWAPS / "README.md").read_text(encoding="utf-8")
    for p in patterns:
        assert f"| {p} |" in readme, f"pattern {p!r} is missing from the README's table"


def test_keys_unique_and_occurrences_consecutive():
    seen = set()
    counts = defaultdict(list)
    for row in _rows():
        key = (row["doc"], row["before"], row["after"], int(row["occurrence"]))
        assert key not in seen, f"duplicate label {key}"
        seen.add(key)
        counts[key[:3]].append(key[3])
    for pair, occ in counts.items():
        assert sorted(occ) == list(range(1, len(occ) + 1)), f"{pair}: occurrences {sorted(occ)}"


def test_enough_labels():
    rows = _rows()
    assert len(rows) >= 300
    assert {r["verdict"] for r in rows} <= VERDICTS


def test_documents_exist_when_the_shared_data_is_present():
    """On a clone without ../shared/data only the format above is checked."""
    docs = {row["doc"] for row in _rows()}
    if (DATA / "real-texts" / "docs").is_dir():
        missing = sorted(d for d in docs if not (DATA / d.split("/")[0] / "docs" / d.split("/", 1)[1]).is_file())
        assert not missing, f"labelled documents not found under {DATA}: {missing[:5]}"
    else:
        assert all(DOC.match(d) for d in docs)
