"""Precision and recall per check on the labelled set (tests/data/plain_language_labelled.tsv).

Run with ``pytest -s`` to see the figures; with ``LITCHECK_UPDATE_SCORES=1`` they are also
written to tests/plain_language_scores.txt (a test run leaves the checkout alone). The floors are a little under what the checks measure,
so that a change that makes a check worse fails here.
"""

import os
from pathlib import Path

from tests.plain_language_eval import evaluate, report_lines

FLOORS = {  # check -> (precision, recall)
    "jargon": (0.80, 0.90),
    "abbreviations": (0.95, 0.95),
    "passive": (0.95, 0.90),
    "long": (0.85, 0.95),  # hard/very_hard also fire on short sentences dense with long words
}


def test_labelled_set_precision_and_recall_meet_floors():
    scores = evaluate()
    lines = report_lines(scores)
    print("\n" + "\n".join(lines))
    if os.environ.get("LITCHECK_UPDATE_SCORES"):
        (Path(__file__).parent / "plain_language_scores.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, (p, r) in FLOORS.items():
        assert scores[name].precision >= p, lines
        assert scores[name].recall >= r, lines
