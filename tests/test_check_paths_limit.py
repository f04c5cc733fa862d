"""litcheck.check_paths gives each file the batch's time limit: a file that hangs is its
one-line error and the other files are checked (as `litcheck check` does)."""

from __future__ import annotations

import time

import pytest

from litcheck import batch
from litcheck.report import InputProblem

LETTER = "Dear Mr Hughes,\n\nYour scan is on Friday 6 June at 2:40pm in the Radiology Department.\n"
timer = pytest.mark.skipif(not batch._can_alarm(), reason="the in-process timer needs SIGALRM in the main thread")


def _hang_on(monkeypatch, name: str):
    real = batch.check_file

    def check_file(path, **options):
        if str(path).endswith(name):
            time.sleep(30)  # longer than the limit: without it the file would be checked
        return real(path, **options)

    monkeypatch.setattr(batch, "check_file", check_file)


@timer
def test_one_file_has_the_time_limit(tmp_path, monkeypatch):
    _hang_on(monkeypatch, "hang.txt")
    (tmp_path / "hang.txt").write_text(LETTER)
    started = time.monotonic()
    report = batch.check_paths([tmp_path / "hang.txt"], timeout=5)
    assert time.monotonic() - started < 25
    assert report.documents == []
    (problem,) = report.errors
    assert isinstance(problem, InputProblem)
    assert problem.message.endswith("hang.txt: took longer than 5 s to check (--timeout): not checked")


@timer
def test_the_other_files_are_still_checked(tmp_path, monkeypatch):
    _hang_on(monkeypatch, "hang.txt")
    for name in ("a_letter.txt", "hang.txt", "z_letter.txt"):
        (tmp_path / name).write_text(LETTER)
    report = batch.check_paths([tmp_path], timeout=5)
    assert [p.split("/")[-1] for p in (d.path for d in report.documents)] == ["a_letter.txt", "z_letter.txt"]
    assert [e.path.split("/")[-1] for e in report.errors] == ["hang.txt"]


def test_timeout_zero_means_no_limit(tmp_path):
    (tmp_path / "letter.txt").write_text(LETTER)
    report = batch.check_paths([tmp_path / "letter.txt"], timeout=0)
    assert len(report.documents) == 1 and not report.errors
