"""Fuzzing (issue 24): hostile and malformed inputs, grown from our own samples at test time,
each run through the library in a worker process with a time limit.

Every input must end in a report or litcheck's own one-line input error: no other exception
(a crash), no worker that dies, none that runs past the limit. The limit here is generous
(CI machines are shared and the first input of a worker loads the tables); the 5-second
target is measured by bench/bench_hostile.py over the full corpus.
"""

from __future__ import annotations

import collections

import pytest

from tests.fuzz import corpus, harness

#: inputs per run: the 20 seeds and 220 mutations of them (the same ones every run)
COUNT = 240
TIME_LIMIT = 60.0


@pytest.fixture(scope="module")
def outcomes():
    pytest.importorskip("docx")
    pytest.importorskip("fpdf")
    return harness.run(corpus.generate(COUNT, seed=24), workers=2, time_limit=TIME_LIMIT)


def test_every_input_ends_in_a_report_or_a_one_line_error(outcomes):
    assert len(outcomes) == COUNT
    bad = [o for o in outcomes if o.status not in ("ok", "input_error")]
    assert not bad, "\n".join(f"{o.name} ({o.size} bytes): {o.status} {o.detail}" for o in bad)
    for o in outcomes:
        if o.status == "input_error":
            assert "\n" not in o.detail.strip() and "Traceback" not in o.detail, o


def test_the_corpus_reaches_every_reader_and_both_outcomes(outcomes):
    """A fuzz run that never reaches a reader, or whose inputs are all refused, tests little."""
    readers = collections.Counter(o.reader for o in outcomes)
    assert set(readers) == {"txt", "md", "html", "docx", "pdf"}
    statuses = collections.Counter(o.status for o in outcomes)
    assert statuses["ok"] >= COUNT // 3 and statuses["input_error"] >= 10, statuses


def test_memory_stays_bounded(outcomes):
    assert max(o.growth_mb for o in outcomes) < 300


def test_the_corpus_is_the_same_for_the_same_seed():
    a = [(i.name, i.reader, i.data) for i in corpus.generate(60, seed=3)]
    b = [(i.name, i.reader, i.data) for i in corpus.generate(60, seed=3)]
    assert a == b and len({name for name, _, _ in a}) == 60


def test_the_harness_reports_crashes_and_timeouts(monkeypatch):
    """The harness itself must see a crash and a hang (else a green run proves nothing)."""
    import time

    def fake_one(inp):
        if inp.name == "hang":
            time.sleep(30)
        if inp.name == "crash":
            raise ZeroDivisionError("boom")
        return "ok", ""

    def guarded(inp):
        try:
            return fake_one(inp)
        except Exception as exc:
            return "crash", f"{type(exc).__name__}: {exc}"

    monkeypatch.setattr(harness, "_one", guarded)
    inputs = [corpus.Input(n, "txt", b"x") for n in ("fine", "crash", "hang", "after")]
    got = {o.name: o.status for o in harness.run(inputs, workers=1, time_limit=2)}
    assert got == {"fine": "ok", "crash": "crash", "hang": "timeout", "after": "ok"}
