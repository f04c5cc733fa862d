"""Per-file limits in a batch (issue 24): a file that hangs, needs too much memory or kills its
worker is that file's one-line error; the worker is replaced and the other files are checked.

The stand-ins for a hostile file replace check_file in this process before the workers fork
(they inherit it), so each limit is tried on the real pool with a known cause.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litcheck import batch

LITCHECK = Path(sys.executable).parent / "litcheck"
LETTER = "Dear Ms Patel,\n\nYour appointment is on Monday 3 June at 10am. Please bring your tablets.\n"
forks = pytest.mark.skipif(batch._context().get_start_method() != "fork", reason="the stand-ins reach workers only when they fork (Linux)")


def _folder(tmp_path: Path, n: int, *bad: str) -> Path:
    for i in range(n):
        (tmp_path / f"letter{i:02d}.txt").write_text(LETTER)
    for name in bad:
        (tmp_path / name).write_text(LETTER)
    return tmp_path


def _stand_in(monkeypatch, name: str, action):
    real = batch.check_file

    def check_file(path, **options):
        if str(path).endswith(name):
            action()
        return real(path, **options)

    monkeypatch.setattr(batch, "check_file", check_file)


def _run(paths, **settings):
    return batch.run([str(p) for p in paths], batch.Settings(progress=False, **settings))


@forks
def test_a_file_that_hangs_is_its_error_and_its_worker_is_replaced(tmp_path, monkeypatch):
    _stand_in(monkeypatch, "hang.txt", lambda: time.sleep(3600))
    folder = _folder(tmp_path, 20, "hang.txt")
    started = time.monotonic()
    report = _run([folder], jobs=2, timeout=5)
    assert time.monotonic() - started < 120
    assert len(report.documents) == 20
    [problem] = report.errors
    assert problem.path.endswith("hang.txt")
    assert problem.message.endswith("hang.txt: took longer than 5 s to check (--timeout): not checked")
    assert "\n" not in problem.message


@forks
def test_several_files_in_one_process_are_also_protected(tmp_path, monkeypatch):
    _stand_in(monkeypatch, "hang.txt", lambda: time.sleep(3600))
    report = _run([_folder(tmp_path, 3, "hang.txt")], jobs=1, timeout=5)
    assert [Path(d.path).name for d in report.documents] == ["letter00.txt", "letter01.txt", "letter02.txt"], [e.message for e in report.errors]
    assert [Path(e.path).name for e in report.errors] == ["hang.txt"]


def test_one_file_in_this_process_runs_under_a_timer(tmp_path, monkeypatch):
    _stand_in(monkeypatch, "hang.txt", lambda: time.sleep(3600))
    report = _run([_folder(tmp_path, 0, "hang.txt") / "hang.txt"], jobs=1, timeout=1)
    assert report.documents == []
    assert "took longer than 1 s" in report.errors[0].message


@forks
def test_a_file_that_needs_too_much_memory_is_its_error(tmp_path, monkeypatch):
    def allocate():
        block = bytearray(600 * 1024 * 1024)  # 600 MB: past a 200 MB limit
        block[-1] = 1

    _stand_in(monkeypatch, "huge.txt", allocate)
    report = _run([_folder(tmp_path, 16, "huge.txt")], jobs=2, memory_limit=200)
    assert len(report.documents) == 16
    [problem] = report.errors
    assert problem.message.endswith("huge.txt: needs more memory than litcheck allows a file (--memory-limit): not checked")


@forks
def test_without_the_memory_limit_the_same_file_is_checked(tmp_path, monkeypatch):
    """The control for the test above: the limit, not the machine, stopped the file."""
    _stand_in(monkeypatch, "huge.txt", lambda: bytearray(600 * 1024 * 1024))
    report = _run([_folder(tmp_path, 16, "huge.txt")], jobs=2, memory_limit=0)
    assert len(report.documents) == 17 and report.errors == []


@forks
def test_a_worker_that_dies_is_replaced_and_the_batch_goes_on(tmp_path, monkeypatch):
    _stand_in(monkeypatch, "crash.txt", lambda: os.kill(os.getpid(), signal.SIGKILL))
    report = _run([_folder(tmp_path, 16, "crash.txt")], jobs=2)
    assert len(report.documents) == 16
    [problem] = report.errors
    assert "crash.txt: the worker process checking it stopped (signal 9)" in problem.message


@forks
def test_parallel_results_keep_the_walk_order(tmp_path):
    folder = _folder(tmp_path, 30)
    report = _run([folder], jobs=2)
    assert [Path(d.path).name for d in report.documents] == sorted(f"letter{i:02d}.txt" for i in range(30))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_line_gets_past_a_fifo_in_a_folder(tmp_path, jobs):
    """A FIFO waits for a writer for ever: the file times out and the others are reported."""
    folder = _folder(tmp_path, 16)
    os.mkfifo(folder / "pipe.txt")
    result = subprocess.run([str(LITCHECK), "check", "--jobs", jobs, "--timeout", "5", "--format", "json", "--fail-on", "never", str(folder)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2  # a file could not be checked
    assert result.stderr.strip().endswith("pipe.txt: took longer than 5 s to check (--timeout): not checked")
    assert result.stdout.count('"path"') >= 17


def test_limit_memory_caps_this_process(tmp_path):
    probe = (
        "from litcheck.batch import limit_memory\n"
        "assert limit_memory(100)\n"
        "try:\n    bytearray(400 * 1024 * 1024)\nexcept MemoryError:\n    print('capped')\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    if sys.platform.startswith("linux"):
        assert out.stdout.strip() == "capped", out.stderr


def test_bad_limits_are_one_line_usage_errors(tmp_path):
    letter = _folder(tmp_path, 1) / "letter00.txt"
    for flag, value in (("--timeout", "-1"), ("--memory-limit", "-5"), ("--timeout", "nan")):
        result = subprocess.run([str(LITCHECK), "check", flag, value, str(letter)], capture_output=True, text=True, timeout=300)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@forks
def test_the_portfolio_report_has_the_same_limits(tmp_path, monkeypatch):
    """litcheck report walks a folder as check does: a file that hangs is a problem in the
    report, its worker is replaced and every other letter is summarised."""
    from litcheck import portfolio

    _stand_in(monkeypatch, "hang.txt", lambda: time.sleep(3600))
    folder = _folder(tmp_path, 6, "hang.txt")
    started = time.monotonic()
    result = portfolio.run([str(folder)], batch.Settings(progress=False, jobs=2, timeout=5))
    assert time.monotonic() - started < 120
    assert len(result.rows) == 6
    [problem] = result.problems
    assert problem.path.endswith("hang.txt") and "took longer than 5 s" in problem.message
