"""Precision and recall of each practical-details detector, and profile-detection accuracy,
over the labelled letters in tests/data/details/ (see tests/data/README.md).

Run with ``-s`` to see the figures. The floors are below what the detectors reach today, so
that an honest change in wording coverage does not fail the suite, but a regression does.
"""

from pathlib import Path

import pytest
import yaml

from litcheck import readers
from litcheck.analysers import Context
from litcheck.details import DETAIL_IDS, detect
from litcheck.details.profiles import detect_profile

DATA = Path(__file__).parent / "data" / "details"
LABELS = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))
PRECISION_FLOOR = 0.85
RECALL_FLOOR = 0.85
PROFILE_FLOOR = 0.95  # the figure before profiles needed a sign of their own (1.00 after)


def _readable(name: str) -> bool:
    return Path(name).suffix.lower() in readers.READERS


def _contexts():
    for name, label in LABELS.items():
        if _readable(name):
            yield name, label, Context(readers.read_file(DATA / name))


@pytest.fixture(scope="module")
def results():
    return [(name, label, detect(ctx), detect_profile(ctx).profile) for name, label, ctx in _contexts()]


def test_labelled_set_is_big_enough_and_readable():
    skipped = [n for n in LABELS if not _readable(n)]
    assert len(LABELS) >= 30
    assert len(LABELS) - len(skipped) >= 30, f"unreadable: {skipped}"


@pytest.mark.parametrize("detail", DETAIL_IDS)
def test_detail_precision_and_recall(results, detail):
    tp = fp = fn = 0
    misses = []
    for name, label, found, _ in results:
        got, want = found[detail] is not None, detail in label["present"]
        tp += got and want
        fp += got and not want
        fn += want and not got
        if got != want:
            misses.append(f"{name}: {'false positive' if got else 'missed'}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\n{detail:20} precision {precision:.2f} recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn}) {misses}")
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, misses


def test_profile_detection_accuracy(results):
    wrong = [(name, label["profile"], got) for name, label, _, got in results if got != label["profile"]]
    accuracy = 1 - len(wrong) / len(results)
    print(f"\nprofile accuracy {accuracy:.2f} over {len(results)} documents; wrong: {wrong}")
    assert accuracy >= PROFILE_FLOOR, wrong
