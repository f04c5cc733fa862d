"""How the --jobs pool hands out files and loads: chunks that shrink as the batch ends, the
cycle collector paused only while the rules and the language data load."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from litcheck import batch
from litcheck.collector import resting

LETTER = "Dear Mr Okafor,\n\nYour appointment is on Friday 7 June at 2pm. Please bring your glasses.\n"


def test_chunks_shrink_to_one_file_as_the_batch_ends():
    sizes = [batch._chunksize(left, 2) for left in range(2000, 0, -1)]
    assert sizes[0] == 16  # few round trips while many files are left
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-20:] == [1] * 20  # the last files go out one at a time


def test_the_collector_is_paused_while_loading_and_on_again_after_an_error():
    assert gc.isenabled()
    with resting():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with resting():
            raise RuntimeError("a rule file that does not load")
    assert gc.isenabled()


def test_a_collector_the_caller_switched_off_stays_off():
    gc.disable()
    try:
        with resting(keep=True) as paused:
            pass
        assert paused is False and not gc.isenabled()
    finally:
        gc.enable()
    with resting() as paused:
        assert paused is True


@pytest.mark.skipif(batch._context().get_start_method() != "fork", reason="forked workers (Linux)")
def test_every_file_is_checked_once_in_walk_order_as_chunks_shrink(tmp_path):
    for i in range(90):
        (tmp_path / f"letter{i:03d}.txt").write_text(LETTER.replace("Friday", ["Monday", "Friday", "Tuesday"][i % 3]))
    report = batch.run([str(tmp_path)], batch.Settings(progress=False, jobs=2))
    assert not report.errors
    assert [Path(d.path).name for d in report.documents] == [f"letter{i:03d}.txt" for i in range(90)]
    serial = batch.check_paths([str(tmp_path)])
    assert [d.to_dict() for d in report.documents] == [d.to_dict() for d in serial.documents]


def test_litcheck_check_on_one_letter_freezes_what_it_loaded_and_nothing_in_a_library_call(tmp_path):
    import subprocess
    import sys

    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER)
    code = (
        "import gc, sys\n"
        "from litcheck import batch\n"
        "from litcheck.cli import main\n"
        "before = gc.get_freeze_count()\n"
        "batch.check_paths([sys.argv[1]])\n"  # a library call: the caller's objects are left alone
        "library = gc.get_freeze_count()\n"
        "code = main(['check', '--quiet', sys.argv[1]])\n"
        "print(before, library, gc.get_freeze_count(), gc.isenabled(), code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(letter)], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == out[1] == "0"
    assert int(out[2]) > 50_000  # litcheck's own command: the rules and the language model
    assert out[3] == "True"
    assert out[4] in ("0", "1")


@pytest.mark.skipif(batch._context().get_start_method() != "fork", reason="forked workers (Linux)")
def test_reports_encoded_in_the_workers_give_the_same_json_even_when_encoded_again(tmp_path):
    from litcheck.reporters import render

    for i in range(24):
        (tmp_path / f"letter{i:02d}.txt").write_text(LETTER + "\nPlease commence fasting prior to your appointment. Call 01632 960123.\n")
    files = [str(tmp_path)]
    workers = batch.run(files, batch.Settings(progress=False, jobs=2, prerender="json"))
    plain = batch.run(files, batch.Settings(progress=False, jobs=2))
    assert all(d.prerendered for d in workers.documents)
    assert workers.documents[0].sections["details"] == plain.documents[0].sections["details"].to_dict()
    assert render(workers, "json") == render(plain, "json")
    for report in (workers, plain):  # a finding dropped after the workers encoded the JSON
        report.documents[3].findings.pop()
    assert render(workers, "json") == render(plain, "json")


def test_what_loads_for_good_leaves_the_collectors_sight_before_it_is_on_again():
    gc.unfreeze()
    try:
        seen = []
        with resting(keep=True):
            kept = [[i] for i in range(1000)]  # objects that stay, as the rules do
            seen.append(gc.isenabled())
        assert seen == [False] and gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)  # frozen: no collection walks them again
    finally:
        gc.unfreeze()


def test_a_rule_file_that_does_not_load_freezes_nothing():
    gc.unfreeze()
    with pytest.raises(RuntimeError):
        with resting(keep=True):
            raise RuntimeError("a rule file that does not load")
    assert gc.isenabled() and gc.get_freeze_count() == 0
